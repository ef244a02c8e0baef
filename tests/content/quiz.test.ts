import { beforeAll, describe, expect, it } from 'vitest';
import type { Quiz } from '../../src/quiz/types.ts';
import { compiledCourse } from '../support/compiledCourse.ts';

/*
 * The lesson's quiz proves the brief's ten facts: one question each, four options, one
 * right answer that states the fact, and an explanation for every question.
 */
let quiz: Quiz;

beforeAll(() => {
  const compiled = compiledCourse();
  expect(compiled.errors).toEqual([]);
  const found = compiled.quizzes.get('jwt-auth/jwt-quiz');
  if (!found) throw new Error('the JWT lesson has no quiz jwt-quiz');
  quiz = found;
});

/** Each fact of the brief, with words the right option must contain. */
const FACTS: Array<[id: string, rightAnswer: RegExp]> = [
  ['parts-order', /header\.payload\.signature/],
  ['claims-part', /payload/i],
  ['signature-purpose', /changing the header or payload/],
  ['who-can-sign', /secret key/],
  [
    'bearer-header',
    /Authorization: Bearer &#x3C;token>|Authorization: Bearer &lt;token&gt;|Authorization: Bearer <token>/,
  ],
  ['payload-readable', /base64url-encoded, not encrypted/],
  ['expiry-claim', /exp/],
  ['protect-route', /@jwt_required\(\)/],
  ['identity-claim', /sub/],
  ['why-stateless', /no session store/],
];

describe('the JWT lesson quiz', () => {
  it('asks the ten facts of the brief, in order, with an 80 % pass mark', () => {
    expect(quiz.questions.map((question) => question.id)).toEqual(FACTS.map(([id]) => id));
    expect(quiz.passPercent).toBe(80);
  });

  it.each(FACTS)('%s: four options, one right answer stating the fact, and an explanation', (id, rightAnswer) => {
    const question = quiz.questions.find((candidate) => candidate.id === id);
    expect(question?.type).toBe('single');
    expect(question?.options).toHaveLength(4);
    const right = question?.options.filter((option) => option.correct) ?? [];
    expect(right).toHaveLength(1);
    expect(right[0]?.html).toMatch(rightAnswer);
    expect(question?.explanationHtml.length).toBeGreaterThan(60);
  });
});
