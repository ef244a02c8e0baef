import type { Quiz, QuizEmbed } from '../../../quiz/types.ts';
import { defineEmbed } from '../defineEmbed.ts';

/** The lesson's practice quiz, from its YAML file (see lessons/README.md); its questions load as it nears. */
export const quiz = defineEmbed<QuizEmbed, Quiz>()({ name: 'quiz', directive: 'leaf', width: 'prose' });
