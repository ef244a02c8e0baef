import { z } from 'zod';
import { defineEmbedCompiler } from '../../build/embedCompiler.ts';
import { compileQuiz } from './compileQuiz.ts';
import { quiz as quizEmbed } from './embed.ts';

export const quizCompiler = defineEmbedCompiler(quizEmbed, {
  attributes: z.strictObject({ src: z.string() }),
  doc: {
    written: '`::quiz{src="quiz.yaml"}`',
    attributes: "`src`: the quiz's YAML file",
    shows: 'the practice quiz (below)',
  },
  async compile({ attributes, yamlInLesson, relative, markdownToHtml, report, watch, claimId }) {
    const file = yamlInLesson(attributes.src);
    if (!file) return undefined;
    const compiled = await compileQuiz({ file, relative, markdownToHtml });
    report(compiled.errors);
    watch([file]);
    const quiz = compiled.quiz;
    if (!quiz) return undefined;
    claimId(quiz.id);
    return {
      data: {
        name: 'quiz',
        id: quiz.id,
        title: quiz.title,
        questionCount: quiz.questions.length,
        passPercent: quiz.passPercent,
      },
      chunk: { id: quiz.id, data: quiz },
      part: { id: quiz.id, kind: 'quiz', title: quiz.title, bonus: false },
    };
  },
});
