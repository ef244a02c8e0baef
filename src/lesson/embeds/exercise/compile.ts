import { z } from 'zod';
import { defineEmbedCompiler } from '../../build/embedCompiler.ts';
import { compileExercise } from './compileExercise.ts';
import { exercise } from './embed.ts';

export const exerciseCompiler = defineEmbedCompiler(exercise, {
  attributes: z.strictObject({ src: z.string() }),
  doc: {
    written: '`::exercise{src="exercises/<name>/exercise.yaml"}`',
    attributes: "`src`: the exercise's YAML file",
    shows: 'a graded exercise (below): instructions, a code editor, Check, results, hints, solution',
  },
  async compile({ attributes, yamlInLesson, relative, tokenClasses, markdownToHtml, report, watch, claimId }) {
    const file = yamlInLesson(attributes.src);
    if (!file) return undefined;
    const compiled = await compileExercise({ file, relative, tokenClasses, markdownToHtml });
    report(compiled.errors);
    watch(compiled.files);
    if (compiled.embed) claimId(compiled.embed.id);
    if (!compiled.embed || !compiled.details || !compiled.suiteFile) return undefined;
    const { id, title, bonus } = compiled.embed;
    return {
      data: compiled.embed,
      // The suite (the exercise's contract as code) lives in the lesson's folder and comes in this chunk.
      chunk: { id, data: compiled.details, modules: { suite: compiled.suiteFile } },
      part: { id, kind: 'exercise', title, bonus },
    };
  },
});
