// The practice quiz: a pure engine (attempts, grading, the quiz's record) and its component.
export {
  baseAttempt,
  bestScore,
  checkAnswer,
  EMPTY_QUIZ_PROGRESS,
  finishAttempt,
  gradeAttempt,
  isAnswerCorrect,
  missedQuestionIds,
  QUIZ_ERROR_CODES,
  QUIZ_HISTORY_LIMIT,
  QuizError,
  type QuizErrorCode,
  quizPassed,
  recordFinished,
  type ShownQuestion,
  type StartAttemptOptions,
  seededShuffle,
  selectAnswer,
  shownQuestions,
  shuffleWith,
  startAttempt,
} from './engine';
export { mergeQuiz, QUIZ_RECORD_LIMITS, type QuizActions, quizRecord, quizSchema, type SavedQuiz } from './progress';
export { QuizEmbed, type QuizEmbedProps } from './QuizEmbed';
export type { QuestionType, Quiz, QuizAttempt, QuizOption, QuizProgress, QuizQuestion, QuizScore } from './types';
