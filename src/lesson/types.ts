import type { GradedPartKind } from '../progress';
import type { EmbedData } from './embedList';

export type { ExerciseDetails, ExerciseDetailsData, ExerciseEmbed } from '../exercise/types';
export type { HighlightedCode } from '../lib/highlightedCode';
export type { QuizEmbed } from '../quiz/types';
export type { EmbedData, EmbedDataOf, EmbedName } from './embedList';
export type { ExampleEmbed } from './embeds/example/embed';
export type { IncludeEmbed } from './embeds/include/embed';
export type { JwtInspectorEmbed } from './embeds/jwt-inspector/embed';
export type { LessonChecklistEmbed } from './embeds/lesson-checklist/embed';
export type { RequestSimulatorEmbed } from './embeds/request-simulator/embed';

/** One entry of the course outline, as the page shows it. */
export interface OutlineLesson {
  id: string;
  title: string;
  summary: string;
  /** False for a lesson listed in the outline that has no content yet. */
  available: boolean;
  /** The graded parts (exercises, quiz) whose passes complete the lesson, in page order. */
  parts: LessonPart[];
}

/** A graded part of a lesson, for its checklist and its completion. */
export interface LessonPart {
  /** `<lesson id>/<exercise or quiz id>`: where its record lives in the progress store. */
  key: string;
  /** Which kind of graded part: one a registered progress record holds (`GradedPartKinds`). */
  kind: GradedPartKind;
  title: string;
  /** A bonus part (the challenge) is shown in the checklist but not needed to complete the lesson. */
  bonus: boolean;
}

export interface CompiledCourse {
  id: string;
  title: string;
  lessons: OutlineLesson[];
}

export interface LessonHeading {
  id: string;
  /** Plain text of the heading, for the contents list. */
  text: string;
  level: 2 | 3;
}

export type LessonBlock = { type: 'html'; html: string } | { type: 'embed'; embed: EmbedData };

/** A level-2 heading with everything under it up to the next one. */
export interface LessonSection {
  id: string;
  title: string;
  /** The heading's inner HTML (inline code and emphasis kept), ending with its "#" link. */
  titleHtml: string;
  blocks: LessonBlock[];
}

export interface CompiledLesson {
  id: string;
  title: string;
  summary: string;
  minutes: number;
  next: OutlineLesson | null;
  previous: OutlineLesson | null;
  headings: LessonHeading[];
  sections: LessonSection[];
}
