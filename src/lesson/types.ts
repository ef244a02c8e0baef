import type { ExerciseEmbed } from '../exercise/types';
import type { HighlightedCode } from '../lib/highlightedCode';
import type { QuizEmbed } from '../quiz/types';
import type { EmbedName } from './embedList';

export type { ExerciseDetails, ExerciseDetailsData, ExerciseEmbed } from '../exercise/types';
export type { HighlightedCode } from '../lib/highlightedCode';
export type { QuizEmbed } from '../quiz/types';

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
  kind: 'exercise' | 'quiz';
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

export interface ExampleEmbed {
  name: 'example';
  id: string;
  title: string;
  /** Path of the file relative to the lesson folder, shown as its name. */
  src: string;
  code: HighlightedCode;
  /** Exactly what the file prints when run. */
  output: string;
  /** Run time limit, in seconds. */
  timeoutSeconds: number;
}

export interface IncludeEmbed {
  name: 'include';
  title: string;
  src: string;
  code: HighlightedCode;
}

export interface JwtInspectorEmbed {
  name: 'jwt-inspector';
  id: string;
  token: string;
  secret: string;
}

export interface RequestSimulatorEmbed {
  name: 'request-simulator';
  id: string;
  scenarios: 'flow' | 'troubleshooting';
}

export interface LessonChecklistEmbed {
  name: 'lesson-checklist';
}

export type EmbedData =
  | LessonChecklistEmbed
  | ExampleEmbed
  | IncludeEmbed
  | JwtInspectorEmbed
  | RequestSimulatorEmbed
  | ExerciseEmbed
  | QuizEmbed;

// Compile-time proof that every declared embed has a data shape and no more.
type AssertSame<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const EMBED_DATA_COVERS_EMBEDS: AssertSame<EmbedData['name'], EmbedName> = true;

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
