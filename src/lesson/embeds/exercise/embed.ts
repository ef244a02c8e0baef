import type { ExerciseDetails, ExerciseEmbed } from '../../../exercise/types.ts';
import { defineEmbed } from '../defineEmbed.ts';

/**
 * A graded exercise, described by its YAML file (see lessons/README.md). Its checks,
 * feedback, hints and solution (with the suite's code) load as the exercise nears.
 */
export const exercise = defineEmbed<ExerciseEmbed, ExerciseDetails>()({
  name: 'exercise',
  directive: 'leaf',
  width: 'wide',
});
