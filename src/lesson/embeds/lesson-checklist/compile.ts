import { z } from 'zod';
import { defineEmbedCompiler } from '../../build/embedCompiler.ts';
import { lessonChecklist } from './embed.ts';

export const lessonChecklistCompiler = defineEmbedCompiler(lessonChecklist, {
  attributes: z.strictObject({}),
  doc: {
    written: '`::lesson-checklist`',
    attributes: 'none',
    shows:
      'the lesson\'s graded parts, ticked as they are passed; "Lesson complete!" only once every required part is passed',
  },
  async compile() {
    return { data: { name: 'lesson-checklist' } };
  },
});
