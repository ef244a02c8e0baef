/** A small quiz for the engine and component tests (not course content). */
import type { SavedQuiz } from './progress';
import type { Quiz, QuizQuestion } from './types';

export const TEST_QUIZ: Quiz = {
  id: 'test-quiz',
  title: 'Check your tokens',
  passPercent: 80,
  shuffleOptions: true,
  shuffleQuestions: true,
  questions: [
    {
      id: 'alg',
      type: 'single',
      promptHtml: 'Which algorithm signs with a <em>shared secret</em>?',
      options: [
        { html: '<code>HS256</code>', correct: true, whyHtml: 'HMAC with SHA-256 uses one secret.' },
        { html: '<code>RS256</code>', correct: false, whyHtml: 'RSA signs with a private key.' },
        { html: '<code>ES256</code>', correct: false },
        { html: '<code>none</code>', correct: false, whyHtml: 'No signature at all.' },
      ],
      explanationHtml: '<p>HS256 is HMAC: the same secret signs and verifies.</p>',
    },
    {
      id: 'claims',
      type: 'multiple',
      promptHtml: 'Which of these are registered claims?',
      options: [
        { html: '<code>exp</code>', correct: true },
        { html: '<code>role</code>', correct: false },
        { html: '<code>sub</code>', correct: true },
        { html: '<code>admin</code>', correct: false },
      ],
      explanationHtml: '<p><code>exp</code> and <code>sub</code> are in RFC 7519.</p>',
    },
    {
      id: 'encrypted',
      type: 'true-false',
      promptHtml: 'A signed JWT hides its payload.',
      options: [
        { html: 'True', correct: false },
        { html: 'False', correct: true },
      ],
      explanationHtml: '<p>The payload is only base64url-encoded: anyone can read it.</p>',
    },
    {
      id: 'header',
      type: 'single',
      promptHtml: 'Where does the server read the token from?',
      options: [
        { html: 'The URL', correct: false },
        { html: 'The <code>Authorization</code> header', correct: true },
        { html: 'A hidden form field', correct: false },
      ],
      explanationHtml: '<p>As <code>Authorization: Bearer &lt;token&gt;</code>.</p>',
    },
    {
      id: 'expired',
      type: 'single',
      promptHtml: 'What status does an expired token get?',
      options: [
        { html: '401', correct: true },
        { html: '500', correct: false },
      ],
      explanationHtml: '<p>401: the request is not authenticated.</p>',
    },
  ],
};

/** The option indexes (content order) that answer the question. */
export function rightAnswer(question: QuizQuestion): number[] {
  return question.options.flatMap((option, index) => (option.correct ? [index] : []));
}

/** A selection that does not answer the question (its first wrong option). */
export function wrongAnswer(question: QuizQuestion): number[] {
  return [question.options.findIndex((option) => !option.correct)];
}

export function questionOf(quiz: Quiz, id: string): QuizQuestion {
  const question = quiz.questions.find((candidate) => candidate.id === id);
  if (!question) throw new Error(`no question "${id}" in the test quiz`);
  return question;
}

/** A quiz record with one finished attempt and a retry of the missed question in progress. */
export const SAMPLE_QUIZ: SavedQuiz = {
  view: 'all',
  updatedAt: '2026-11-29T10:05:00.000Z',
  current: {
    id: 'a2',
    seed: 42,
    scope: 'missed',
    basedOn: 'a1',
    startedAt: '2026-11-29T10:05:00.000Z',
    questionIds: ['q2'],
    optionOrder: { q2: [1, 0, 2] },
    answers: { q2: [0] },
    checked: [],
  },
  history: [
    {
      id: 'a1',
      seed: 7,
      scope: 'all',
      startedAt: '2026-11-29T10:00:00.000Z',
      finishedAt: '2026-11-29T10:04:00.000Z',
      questionIds: ['q1', 'q2'],
      optionOrder: { q1: [0, 1], q2: [2, 1, 0] },
      answers: { q1: [1], q2: [0, 2] },
      checked: ['q1', 'q2'],
      score: { correct: 1, total: 2, percent: 50, passed: false },
    },
  ],
};
