import { z } from 'zod';

/** Stable ids: lowercase words joined by hyphens, never derived from a title. */
export const stableId = z
  .string()
  .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single hyphens, e.g. "jwt-auth"');

export const outlineSchema = z.strictObject({
  id: stableId,
  title: z.string().trim().min(1),
  lessons: z
    .array(
      z.strictObject({
        id: stableId,
        title: z.string().trim().min(1),
        summary: z.string().trim().min(1),
        upcoming: z.boolean().optional(),
      }),
    )
    .min(1, 'the course needs at least one lesson'),
});

export type Outline = z.infer<typeof outlineSchema>;

export const frontMatterSchema = z.strictObject({
  id: stableId,
  title: z.string().trim().min(1),
  summary: z.string().trim().min(1),
  minutes: z.number().int().positive().max(600),
  next: stableId.nullable().optional(),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;

/** An embed's `id="..."` (or `#id`): a stable id, with the message lessons have always had. */
export const embedId = z.string().refine((id) => stableId.safeParse(id).success, {
  error: (issue) => `Embed id "${String(issue.input)}" must be lowercase letters, digits and hyphens`,
});
