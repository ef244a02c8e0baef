import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { checkAnswer, finishAttempt, selectAnswer, startAttempt } from './engine';
import { QuizEmbed } from './QuizEmbed';
import { questionOf, rightAnswer, TEST_QUIZ, wrongAnswer } from './testQuiz';
import type { Quiz, QuizAttempt, QuizProgress } from './types';

const NOW = new Date('2030-01-02T03:04:05.000Z');
const SEED = 42;
const quiz = TEST_QUIZ;

/** The parent as the lesson wires it: the record in state, every change saved. */
function Harness({ initial, onSave }: { initial?: QuizProgress; onSave: (next: QuizProgress) => void }) {
  const [progress, setProgress] = useState(initial);
  return (
    <QuizEmbed
      quiz={quiz}
      progress={progress}
      onChange={(next) => {
        onSave(next);
        setProgress(next);
      }}
      now={() => NOW}
      newSeed={() => SEED}
    />
  );
}

function renderQuiz(initial?: QuizProgress) {
  const onSave = vi.fn<(next: QuizProgress) => void>();
  const view = render(<Harness initial={initial} onSave={onSave} />);
  return { onSave, user: userEvent.setup(), lastSaved: () => onSave.mock.lastCall?.[0], ...view };
}

const plainText = (html: string) => html.replace(/<[^>]+>/g, '');
const questionBox = (id: string) => {
  const box = document.querySelector<HTMLFieldSetElement>(`fieldset[data-question="${id}"]`);
  if (!box) throw new Error(`question ${id} is not shown`);
  return box;
};
const formOf = (id: string) => questionBox(id).closest('form') as HTMLFormElement;
const shownIds = () =>
  [...document.querySelectorAll<HTMLFieldSetElement>('fieldset[data-question]')].map((box) => box.dataset.question);
const optionTexts = (id: string) =>
  [...questionBox(id).querySelectorAll('.quiz-option-text')].map((element) => element.textContent);

/** Clicks the options (content indexes) of a question by their visible text. */
async function choose(user: ReturnType<typeof userEvent.setup>, id: string, indexes: number[]) {
  const question = questionOf(quiz, id);
  for (const index of indexes) {
    const text = plainText(question.options[index]?.html ?? '');
    await user.click(
      within(questionBox(id)).getByRole(question.type === 'multiple' ? 'checkbox' : 'radio', { name: text }),
    );
  }
}

function finished(wrong: string[]): QuizAttempt {
  let attempt = startAttempt(quiz, { seed: 5, now: NOW, id: 'first' });
  for (const id of attempt.questionIds) {
    const question = questionOf(quiz, id);
    attempt = selectAnswer(attempt, id, wrong.includes(id) ? wrongAnswer(question) : rightAnswer(question));
    attempt = checkAnswer(quiz, attempt, id);
  }
  return finishAttempt(quiz, attempt, NOW);
}

describe('QuizEmbed', () => {
  it('starts, and a perfect run (one at a time) passes with 100 %', async () => {
    const { user, onSave, lastSaved } = renderQuiz();
    expect(screen.getByRole('heading', { level: 3, name: quiz.title })).toBeInTheDocument();
    expect(screen.getByText('5 questions · pass mark 80 %')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start the quiz' }));
    const order = startAttempt(quiz, { seed: SEED, now: NOW }).questionIds;
    expect(lastSaved()?.current?.questionIds).toEqual(order);

    for (const [position, id] of order.entries()) {
      expect(shownIds()).toEqual([id]);
      expect(screen.getByRole('group', { name: new RegExp(`^Question ${position + 1} of 5: `) })).toBe(questionBox(id));
      await choose(user, id, rightAnswer(questionOf(quiz, id)));
      await user.click(within(formOf(id)).getByRole('button', { name: 'Check answer' }));
      expect(questionBox(id)).toHaveAttribute('data-result', 'correct');
      if (position < order.length - 1) {
        expect(screen.getByRole('button', { name: /Next question/ })).toHaveFocus();
        await user.click(screen.getByRole('button', { name: /Next question/ }));
        expect(document.activeElement).toBe(questionBox(order[position + 1] ?? ''));
      }
    }
    expect(screen.getByText('5 of 5 answered')).toBeInTheDocument();
    const finish = screen.getByRole('button', { name: 'See your result' });
    expect(finish).toBeEnabled();
    expect(finish).toHaveFocus();
    await user.click(finish);

    expect(screen.getByText('5 of 5 — 100 %')).toBeInTheDocument();
    expect(screen.getByText('Passed', { selector: '.quiz-outcome' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Your result' })).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent('Your result: 5 of 5, 100 %. Passed.');
    expect(screen.queryByRole('button', { name: /I missed/ })).not.toBeInTheDocument();
    const saved = lastSaved();
    expect(saved?.passedAt).toBe(NOW.toISOString());
    expect(saved?.current).toBeUndefined();
    expect(saved?.history).toHaveLength(1);
    expect(saved?.history[0]?.score).toEqual({ correct: 5, total: 5, percent: 100, passed: true });
    // Every selection and every check was saved as it happened.
    expect(onSave.mock.calls.length).toBeGreaterThan(10);
    expect(screen.getByText(/Best score: 100 % · Last attempt: 100 %/)).toBeInTheDocument();
  });

  it('marks a wrong answer as incorrect and explains it', async () => {
    const { user } = renderQuiz({ view: 'all', history: [] });
    await user.click(screen.getByRole('button', { name: 'Start the quiz' }));
    expect(shownIds()).toHaveLength(5);
    await choose(user, 'alg', [1]);
    await user.click(within(formOf('alg')).getByRole('button', { name: 'Check answer' }));

    const box = questionBox('alg');
    expect(box).toHaveAttribute('data-result', 'incorrect');
    const form = within(formOf('alg'));
    expect(form.getByText('Incorrect')).toBeInTheDocument();
    expect(form.getByText('HS256 is HMAC: the same secret signs and verifies.')).toBeInTheDocument();
    expect(form.getByText('RSA signs with a private key.')).toBeInTheDocument();
    expect(form.getByRole('radio', { name: /RS256.*Your answer: incorrect/ })).toBeChecked();
    expect(form.getByRole('radio', { name: /HS256.*The correct answer/ })).not.toBeChecked();
    for (const radio of form.getAllByRole('radio')) expect(radio).toBeDisabled();
    expect(form.queryByRole('button', { name: 'Check answer' })).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Question');
    expect(screen.getByRole('status')).toHaveTextContent('incorrect');
    expect(document.activeElement).toHaveClass('quiz-feedback');
  });

  it('checks with Enter, and asks for an answer first', async () => {
    const { user, onSave, lastSaved } = renderQuiz({ view: 'all', history: [] });
    await user.click(screen.getByRole('button', { name: 'Start the quiz' }));
    const saves = onSave.mock.calls.length;

    const radios = within(questionBox('encrypted')).getAllByRole('radio');
    radios[0]?.focus();
    await user.keyboard('{Enter}');
    expect(within(formOf('encrypted')).getByText('Choose an answer first.')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Choose an answer first.');
    expect(onSave).toHaveBeenCalledTimes(saves);

    await user.keyboard(' ');
    expect(radios[0]).toBeChecked();
    expect(within(formOf('encrypted')).queryByText('Choose an answer first.')).not.toBeInTheDocument();
    await user.keyboard('{Enter}');
    expect(lastSaved()?.current?.checked).toEqual(['encrypted']);
    expect(questionBox('encrypted')).toHaveAttribute('data-result', 'incorrect');
  });

  it('works with the keyboard alone: arrows pick, Enter checks, focus moves on', async () => {
    const { user, lastSaved } = renderQuiz();
    screen.getByRole('button', { name: 'Start the quiz' }).focus();
    await user.keyboard('{Enter}');
    const first = lastSaved()?.current?.questionIds[0] ?? '';
    expect(document.activeElement).toBe(questionBox(first));
    await user.tab();
    expect(document.activeElement).toHaveAttribute(
      'type',
      questionOf(quiz, first).type === 'multiple' ? 'checkbox' : 'radio',
    );
    if (questionOf(quiz, first).type === 'multiple') await user.keyboard(' ');
    else await user.keyboard('{ArrowDown}');
    expect(lastSaved()?.current?.answers[first]).toHaveLength(1);
    await user.keyboard('{Enter}');
    expect(lastSaved()?.current?.checked).toEqual([first]);
    expect(screen.getByRole('button', { name: /Next question/ })).toHaveFocus();
  });

  it('retries only the missed questions and merges the score', async () => {
    const base = finished(['claims', 'expired']);
    const { user, lastSaved } = renderQuiz({ view: 'all', history: [base] });
    expect(screen.getByText('3 of 5 — 60 %')).toBeInTheDocument();
    expect(screen.getByText('Not passed yet (pass mark 80 %)')).toBeInTheDocument();
    expect(screen.getByText(/Best score: 60 % · Last attempt: 60 %/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Retry the 2 I missed' }));
    expect([...shownIds()].sort()).toEqual(['claims', 'expired']);
    expect(lastSaved()?.current).toMatchObject({ scope: 'missed', basedOn: 'first' });
    expect(screen.getAllByRole('group', { name: /^Question \d of 2: / })).toHaveLength(2);
    expect(screen.getByText('0 of 2 answered')).toBeInTheDocument();

    for (const id of ['claims', 'expired']) {
      await choose(user, id, rightAnswer(questionOf(quiz, id)));
      await user.click(within(formOf(id)).getByRole('button', { name: 'Check answer' }));
    }
    await user.click(screen.getByRole('button', { name: 'See your result' }));
    expect(screen.getByText('5 of 5 — 100 %')).toBeInTheDocument();
    expect(lastSaved()?.passedAt).toBe(NOW.toISOString());
    expect(lastSaved()?.history).toHaveLength(2);
    const review = screen.getByRole('list', { name: 'Your answers' });
    expect(within(review).getAllByRole('listitem')).toHaveLength(2);
  });

  it('reviews every answer of the last attempt, with the right answer and why', async () => {
    const { user } = renderQuiz({ view: 'one', history: [finished(['alg'])] });
    expect(screen.queryByRole('list', { name: 'Your answers' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Review your answers' }));
    const review = screen.getByRole('list', { name: 'Your answers' });
    expect(within(review).getAllByRole('listitem')).toHaveLength(5);
    const wrong = review.querySelector('[data-review="alg"]') as HTMLElement;
    expect(wrong).toHaveAttribute('data-result', 'incorrect');
    expect(within(wrong).getByText('Incorrect')).toBeInTheDocument();
    expect(within(wrong).getByText('Correct answer').nextElementSibling).toHaveTextContent('HS256');
    expect(within(wrong).getByText('Your answer').nextElementSibling).toHaveTextContent('RS256');
    expect(within(wrong).getByText(/HS256 is HMAC/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retry the 1 I missed' })).toBeInTheDocument();
  });

  it('shows the celebration it is given under the result, right after the outcome', () => {
    render(
      <QuizEmbed
        quiz={quiz}
        progress={{ view: 'one', history: [finished([])] }}
        onChange={() => {}}
        celebration={<p>Lesson complete!</p>}
      />,
    );
    const outcome = screen.getByText('Passed', { selector: '.quiz-outcome' });
    const celebration = screen.getByText('Lesson complete!');
    expect(outcome.nextElementSibling).toContainElement(celebration);
  });

  it('remembers the view and keeps answers when switching mid-quiz', async () => {
    const { user, lastSaved, unmount } = renderQuiz();
    await user.click(screen.getByRole('radio', { name: 'All on one page' }));
    expect(lastSaved()).toEqual({ view: 'all', history: [] });
    await user.click(screen.getByRole('button', { name: 'Start the quiz' }));
    expect(shownIds()).toHaveLength(5);
    await choose(user, 'alg', [0]);

    await user.click(screen.getByRole('radio', { name: 'One question at a time' }));
    expect(lastSaved()?.view).toBe('one');
    expect(shownIds()).toHaveLength(1);
    await user.click(screen.getByRole('radio', { name: 'All on one page' }));
    expect(within(questionBox('alg')).getByRole('radio', { name: 'HS256' })).toBeChecked();

    const saved = lastSaved();
    unmount();
    renderQuiz(saved);
    expect(screen.getByRole('radio', { name: 'All on one page' })).toBeChecked();
    expect(shownIds()).toHaveLength(5);
  });

  it('records a double click on Check, or on See your result, once', async () => {
    const onChange = vi.fn<(next: QuizProgress) => void>();
    let attempt = startAttempt(quiz, { seed: 3, now: NOW });
    attempt = selectAnswer(attempt, 'alg', [0]);
    // A parent that has not re-rendered yet: the component still gets the old record.
    const stale: QuizProgress = { view: 'all', current: attempt, history: [] };
    const user = userEvent.setup();
    const { unmount } = render(<QuizEmbed quiz={quiz} progress={stale} onChange={onChange} now={() => NOW} />);
    await user.dblClick(within(formOf('alg')).getByRole('button', { name: 'Check answer' }));
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange.mock.calls[0]?.[0].current?.checked).toEqual(['alg']);
    unmount();

    for (const id of attempt.questionIds) {
      attempt = selectAnswer(attempt, id, rightAnswer(questionOf(quiz, id)));
      attempt = checkAnswer(quiz, attempt, id);
    }
    onChange.mockClear();
    render(
      <QuizEmbed
        quiz={quiz}
        progress={{ view: 'all', current: attempt, history: [] }}
        onChange={onChange}
        now={() => NOW}
      />,
    );
    await user.dblClick(screen.getByRole('button', { name: 'See your result' }));
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange.mock.calls[0]?.[0].history).toHaveLength(1);
  });

  it('a double click with a live parent records one check and one finished attempt', async () => {
    const { user, onSave, lastSaved } = renderQuiz({ view: 'all', history: [] });
    await user.dblClick(screen.getByRole('button', { name: 'Start the quiz' }));
    const starts = onSave.mock.calls.filter(([next]) => next.current && next.current.checked.length === 0);
    expect(new Set(starts.map(([next]) => next.current?.id)).size).toBe(1);
    for (const id of lastSaved()?.current?.questionIds ?? []) {
      await choose(user, id, rightAnswer(questionOf(quiz, id)));
      await user.dblClick(within(formOf(id)).getByRole('button', { name: 'Check answer' }));
    }
    expect(lastSaved()?.current?.checked).toHaveLength(5);
    await user.dblClick(screen.getByRole('button', { name: 'See your result' }));
    expect(lastSaved()?.history).toHaveLength(1);
  });

  it('restores a saved attempt in the same order with the same answers', () => {
    let attempt = startAttempt(quiz, { seed: 1234, now: NOW });
    attempt = selectAnswer(attempt, 'claims', [0, 2]);
    attempt = checkAnswer(quiz, attempt, 'claims');
    attempt = selectAnswer(attempt, 'header', [2]);
    render(<QuizEmbed quiz={quiz} progress={{ view: 'all', current: attempt, history: [] }} onChange={vi.fn()} />);

    expect(shownIds()).toEqual(attempt.questionIds);
    for (const question of quiz.questions) {
      expect(optionTexts(question.id)).toEqual(
        (attempt.optionOrder[question.id] ?? []).map((index) => plainText(question.options[index]?.html ?? '')),
      );
    }
    expect(questionBox('claims')).toHaveAttribute('data-result', 'correct');
    expect(within(questionBox('claims')).getByRole('checkbox', { name: /exp/ })).toBeChecked();
    expect(within(questionBox('claims')).getByRole('checkbox', { name: /role/ })).not.toBeChecked();
    expect(within(questionBox('header')).getByRole('radio', { name: 'A hidden form field' })).toBeChecked();
    expect(questionBox('header')).not.toHaveAttribute('data-result');
    expect(screen.getByText('1 of 5 answered')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: '1 of 5 answered' })).toHaveAttribute('value', '1');
  });

  it('reopens the one-at-a-time view at the first unchecked question', () => {
    const plain: Quiz = { ...quiz, shuffleQuestions: false, shuffleOptions: false };
    let attempt = startAttempt(plain, { seed: 1, now: NOW });
    attempt = checkAnswer(plain, selectAnswer(attempt, 'alg', [0]), 'alg');
    render(<QuizEmbed quiz={plain} progress={{ view: 'one', current: attempt, history: [] }} onChange={vi.fn()} />);
    expect(shownIds()).toEqual(['claims']);
    expect(screen.getByRole('group', { name: /^Question 2 of 5: / })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Previous question' })).toBeEnabled();
  });

  it('disables See your result until every question is checked, and says why', async () => {
    const { user } = renderQuiz({ view: 'all', history: [] });
    await user.click(screen.getByRole('button', { name: 'Start the quiz' }));
    const finish = screen.getByRole('button', { name: 'See your result' });
    expect(finish).toBeDisabled();
    expect(finish).toHaveAccessibleDescription('5 questions are not checked yet.');
  });

  it('has no axe violations at the start, mid-attempt and on the result', async () => {
    const audit = async () => {
      // jsdom lays nothing out, so contrast is checked in the browser tests instead.
      const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
      expect(results.violations.map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.html).join(' | ')}`)).toEqual(
        [],
      );
    };
    const { user } = renderQuiz({ view: 'all', history: [finished(['alg', 'claims'])] });
    await user.click(screen.getByRole('button', { name: 'Review your answers' }));
    await audit();
    await user.click(screen.getByRole('button', { name: 'Retry the 2 I missed' }));
    await choose(user, 'alg', [2]);
    await user.click(within(formOf('alg')).getByRole('button', { name: 'Check answer' }));
    await user.click(within(formOf('claims')).getByRole('button', { name: 'Check answer' }));
    await audit();
  });
});
