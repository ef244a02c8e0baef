import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import { z } from 'zod';
import type { HighlightedCode } from '../../lib/highlightedCode.ts';
import type { EmbedChunkOf, EmbedDataOf, EmbedName } from '../embedList.ts';
import type { EmbedSpec } from '../embeds/defineEmbed.ts';
import type { LessonPart } from '../types.ts';
import type { ContentError } from './errors.ts';
import type { TokenClasses } from './highlight.ts';

/** What the lesson compiler gives an embed's `compile` (build time, Node only). */
export interface EmbedContext<Attributes> {
  /** The directive as written (its children, for a container). */
  node: ContainerDirective | LeafDirective;
  /** The attributes, trimmed and validated by the embed's schema. */
  attributes: Attributes;
  /** Absolute path of the lesson's folder. */
  lessonDir: string;
  /** How to print a path in messages (relative to the project). */
  relative: (file: string) => string;
  tokenClasses: TokenClasses;
  /** Reports a mistake in how the embed is written (ERR_EMBED, at the directive's line). */
  error: (message: string) => void;
  /** Reports mistakes found elsewhere (in the embed's YAML file, say), with their own places. */
  report: (errors: readonly ContentError[]) => void;
  /** Takes an id in the lesson's one set of ids (headings and embeds); a second use is an error. */
  claimId: (id: string) => void;
  /** A file of the lesson's folder as highlighted code (watched), or undefined once the mistake is reported. */
  includeFile: (src: string) => Promise<HighlightedCode | undefined>;
  /** The absolute path of a .yaml file inside the lesson's folder, or undefined once the mistake is reported. */
  yamlInLesson: (src: string) => string | undefined;
  /** Markdown outside the lesson's flow (instructions, hints, feedback) as HTML. */
  markdownToHtml: (markdown: string) => Promise<string>;
  /** Files the embed read, for the dev server to watch. */
  watch: (files: readonly string[]) => void;
}

/**
 * Data an embed loads on demand, served as `virtual:embed-data/<embed>/<lesson>/<id>`: JSON,
 * plus fields whose value is the default export of a module (bundled into the same chunk).
 */
export interface EmbedChunk<Chunk = unknown> {
  id: string;
  data: Partial<Chunk>;
  /** Fields of the loaded data that are a module's default export, by the module's absolute path. */
  modules?: { [Field in keyof Chunk]?: string };
}

/** What compiling one directive gives: the page data, and what goes with it. */
export interface CompiledEmbed<Name extends EmbedName> {
  data: EmbedDataOf<Name>;
  /** Data the page loads on demand (only for embeds that declare a chunk type). */
  chunk?: [EmbedChunkOf<Name>] extends [never] ? never : EmbedChunk<EmbedChunkOf<Name>>;
  /** A graded part of the lesson, for its checklist and its completion. */
  part?: Omit<LessonPart, 'key'> & { id: string };
}

/** A row of the embeds table in lessons/README.md (Markdown). */
export interface EmbedDoc {
  written: string;
  attributes: string;
  shows: string;
}

/** An embed's build side: checks a directive's attributes, then compiles it into page data. */
export interface EmbedCompiler<Name extends EmbedName> {
  name: Name;
  doc: EmbedDoc;
  /** Every attribute the embed takes, and whether it must be given. */
  attributeNames: ReadonlyArray<{ name: string; required: boolean }>;
  /** Validates the raw attributes and compiles; every mistake goes to `context`. */
  compile: (context: EmbedContext<Record<string, string>>) => Promise<CompiledEmbed<Name> | undefined>;
}

/**
 * Defines an embed's build side (its `compile.ts`): the attributes as a zod object (each
 * attribute a string schema: a required one fails on `undefined`, an optional one does
 * not), the README row, and `compile`, which gets the validated attributes.
 */
export function defineEmbedCompiler<
  Name extends EmbedName,
  Data extends { name: Name },
  Chunk,
  Shape extends z.core.$ZodShape,
>(
  spec: EmbedSpec<Name, Data, Chunk>,
  definition: {
    attributes: z.ZodObject<Shape>;
    doc: EmbedDoc;
    compile: (context: EmbedContext<z.output<z.ZodObject<Shape>>>) => Promise<CompiledEmbed<Name> | undefined>;
  },
): EmbedCompiler<Name> {
  const schema = definition.attributes;
  const attributeNames = Object.entries(schema.shape).map(([name, attribute]) => ({
    name,
    required: !z.safeParse(attribute, undefined).success,
  }));
  return {
    name: spec.name,
    doc: definition.doc,
    attributeNames,
    async compile(context) {
      const embedName = spec.name;
      const raw = context.attributes;
      let valid = true;
      for (const name of Object.keys(raw)) {
        if (!attributeNames.some((attribute) => attribute.name === name)) {
          context.error(
            `The embed "${embedName}" has no attribute "${name}"; it takes: ${attributeNames.map((a) => a.name).join(', ')}`,
          );
          valid = false;
        }
      }
      for (const { name, required } of attributeNames) {
        if (required && !raw[name]?.trim()) {
          context.error(`The embed "${embedName}" needs the attribute ${name}="..."`);
          valid = false;
        }
      }
      if (!valid) return undefined;
      const trimmed = Object.fromEntries(Object.entries(raw).map(([name, value]) => [name, value.trim()]));
      const parsed = schema.safeParse(trimmed);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) context.error(issue.message);
        return undefined;
      }
      const id: unknown = (parsed.data as { id?: unknown }).id;
      if (typeof id === 'string') context.claimId(id);
      return definition.compile({ ...context, attributes: parsed.data });
    },
  };
}
