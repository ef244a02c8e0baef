/** A quiz as the page gets it: compiled from the lesson's quiz.yaml at build time (see lessons/README.md). */

export type QuestionType = 'single' | 'multiple' | 'true-false';

export interface QuizOption {
  /** The option's text as inline HTML (compiled from Markdown). */
  html: string;
  correct: boolean;
  /** Why this option is right or wrong, shown after the answer is checked (optional). */
  whyHtml?: string;
}

export interface QuizQuestion {
  /** Stable id (never derived from the text): answers are saved under it. */
  id: string;
  type: QuestionType;
  promptHtml: string;
  /** In content order; an option is identified by its index here, whatever order it is shown in. */
  options: QuizOption[];
  /** Why the answer is right, shown after checking. */
  explanationHtml: string;
}

export interface Quiz {
  id: string;
  title: string;
  /** Percentage needed to pass, 80 by default. */
  passPercent: number;
  shuffleOptions: boolean;
  shuffleQuestions: boolean;
  questions: QuizQuestion[];
}

/** The score of a finished attempt. */
export interface QuizScore {
  correct: number;
  total: number;
  /** Rounded down to a whole percent. */
  percent: number;
  passed: boolean;
}

/**
 * One attempt, as saved in the progress store (plain JSON). `scope: 'missed'` retries only
 * the questions the attempt `basedOn` got wrong; its score counts that attempt's right
 * answers too, so retrying the missed ones can bring the quiz to a pass.
 */
export interface QuizAttempt {
  id: string;
  /** The seed of the shuffles, recorded so the attempt shows the same order after a reload. */
  seed: number;
  scope: 'all' | 'missed';
  basedOn?: string;
  startedAt: string;
  finishedAt?: string;
  /** Question ids in the order shown. */
  questionIds: string[];
  /** For each question, option indexes (content order) in the order shown. */
  optionOrder: Record<string, number[]>;
  /** Selected option indexes (content order), per question; saved as the learner picks. */
  answers: Record<string, number[]>;
  /** Questions whose answer has been checked (then locked, with the explanation shown). */
  checked: string[];
  score?: QuizScore;
}

/** A quiz's record in the progress store. */
export interface QuizProgress {
  /** One question at a time, or all on one page: the learner's choice, remembered. */
  view: 'one' | 'all';
  /** The attempt in progress, if any. */
  current?: QuizAttempt;
  /** Finished attempts, oldest first (kept to the last 20). */
  history: QuizAttempt[];
  /** ISO time of the first finished attempt that reached the pass mark. */
  passedAt?: string;
}

/** The practice quiz as first shown; its questions come in a chunk of their own (`virtual:embed-data/quiz/<lesson>/<id>`). */
export interface QuizEmbed {
  name: 'quiz';
  id: string;
  title: string;
  questionCount: number;
  passPercent: number;
}
