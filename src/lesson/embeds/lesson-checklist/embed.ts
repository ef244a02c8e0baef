import { defineEmbed } from '../defineEmbed.ts';

export interface LessonChecklistEmbed {
  name: 'lesson-checklist';
}

/** The lesson's graded parts as a checklist, and the celebration once they are passed. */
export const lessonChecklist = defineEmbed<LessonChecklistEmbed>()({
  name: 'lesson-checklist',
  directive: 'leaf',
  width: 'prose',
});
