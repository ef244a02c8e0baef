import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { cryptoRandom } from '../lib/random';
import {
  baseAttempt,
  bestScore,
  checkAnswer,
  EMPTY_QUIZ_PROGRESS,
  finishAttempt,
  isAnswerCorrect,
  missedQuestionIds,
  quizPassed,
  recordFinished,
  type ShownQuestion,
  selectAnswer,
  shownQuestions,
  startAttempt,
} from './engine';
import type { Quiz, QuizAttempt, QuizOption, QuizProgress } from './types';
import './quiz.css';

export interface QuizEmbedProps {
  quiz: Quiz;
  /** The quiz's record from the progress store; `undefined` before the learner's first action. */
  progress: QuizProgress | undefined;
  /** Saves the record: called at once for every change (answer, check, view, finish). */
  onChange: (next: QuizProgress) => void;
  /** The clock (tests freeze it). */
  now?: () => Date;
  /** The seed of a new attempt's shuffles (tests fix it). */
  newSeed?: () => number;
  /** Start an attempt at once (the learner already pressed a Start button that loaded the quiz). */
  autoStart?: boolean;
  /**
   * Shown under the result (the lesson's celebration when passing this quiz completed
   * the lesson), so the learner sees it where they are. Its announcement is the caller's.
   */
  celebration?: ReactNode;
}

const currentTime = () => new Date();
const randomSeed = () => cryptoRandom.int(0x1_0000_0000);
/** Keeps a number and its percent sign on one line. */
const PERCENT = '\u00a0%';
const CHOOSE_FIRST = 'Choose an answer first.';

/**
 * The practice quiz: one question at a time or all on one page, each answer checked as
 * the learner goes, with its explanation; then the score, a review of every answer, and
 * retries (all, or only the missed ones). Controlled: every change goes to `onChange`
 * at once, so a reload or another tab loses nothing. Only the question shown in the
 * one-at-a-time view is local (it reopens at the first unchecked question).
 */
export function QuizEmbed({
  quiz,
  progress,
  onChange,
  now = currentTime,
  newSeed = randomSeed,
  autoStart = false,
  celebration,
}: QuizEmbedProps) {
  const record = progress ?? EMPTY_QUIZ_PROGRESS;
  const current = record.current;
  const uid = useId();
  const titleId = `${uid}-title`;
  const section = useRef<HTMLElement>(null);
  // What this component last sent and the props it was built on: events that arrive before
  // the parent re-renders (a double click) build on it instead of on stale props.
  const sent = useRef<{ base: QuizProgress | undefined; next: QuizProgress }>(undefined);
  const focusNext = useRef<string>(undefined);
  const [position, setPosition] = useState<{ attemptId: string; index: number }>();
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [announcement, setAnnouncement] = useState('');
  const [reviewOpen, setReviewOpen] = useState(false);

  const shown = current ? shownQuestions(quiz, current) : [];
  const lastIndex = Math.max(0, shown.length - 1);
  if (current && position?.attemptId !== current.id) {
    // A new or restored attempt opens at its first unchecked question; pinned from then on.
    const open = shown.findIndex(({ question }) => !current.checked.includes(question.id));
    setPosition({ attemptId: current.id, index: open === -1 ? lastIndex : open });
  }
  const index = Math.min(position?.attemptId === current?.id ? (position?.index ?? 0) : 0, lastIndex);

  // Focus follows the learner's action once its result is on the page.
  useEffect(() => {
    const key = focusNext.current;
    if (!key || !section.current) return;
    const target = [...section.current.querySelectorAll<HTMLElement>('[data-focus]')].find(
      (element) => element.dataset.focus === key,
    );
    if (!target) return;
    focusNext.current = undefined;
    target.focus();
  });

  const latest = (): QuizProgress =>
    sent.current && sent.current.base === progress ? sent.current.next : (progress ?? EMPTY_QUIZ_PROGRESS);
  const save = (next: QuizProgress) => {
    if (next === latest()) return;
    sent.current = { base: progress, next };
    onChange(next);
  };
  // The same text twice would not be announced again: alternate a trailing no-break space.
  const announce = (text: string) => setAnnouncement((previous) => (previous === text ? `${text}\u00a0` : text));

  const start = (scope: 'all' | 'missed') => {
    const base = latest();
    const last = base.history.at(-1);
    if (base.current || (scope === 'missed' && !last)) return;
    const time = now();
    const attempt = startAttempt(quiz, {
      seed: newSeed(),
      now: time,
      scope,
      ...(scope === 'missed' && last ? { basedOn: last } : {}),
    });
    const first = shownQuestions(quiz, attempt)[0];
    setProblems({});
    setReviewOpen(false);
    setPosition({ attemptId: attempt.id, index: 0 });
    if (first) focusNext.current = `question:${first.question.id}`;
    save({ ...base, current: attempt });
  };

  const startOnMount = useRef(autoStart);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on mount
  useEffect(() => {
    if (!startOnMount.current) return;
    startOnMount.current = false;
    // A first visit starts; with past attempts the learner picks: retry all or the missed ones.
    if (!latest().current && latest().history.length === 0) start('all');
  }, []);

  const select = (questionId: string, optionIndexes: number[]) => {
    const base = latest();
    if (!base.current) return;
    const next = selectAnswer(base.current, questionId, optionIndexes);
    if (next === base.current) return;
    setProblems(({ [questionId]: _, ...others }) => others);
    save({ ...base, current: next });
  };

  const toggle = (questionId: string, optionIndex: number, on: boolean) => {
    const selected = latest().current?.answers[questionId] ?? [];
    select(questionId, on ? [...selected, optionIndex] : selected.filter((index) => index !== optionIndex));
  };

  const check = (questionId: string) => {
    const base = latest();
    const attempt = base.current;
    if (!attempt || attempt.checked.includes(questionId)) return;
    const at = shown.findIndex(({ question }) => question.id === questionId);
    const item = shown[at];
    if (!item) return;
    if ((attempt.answers[questionId] ?? []).length === 0) {
      setProblems((previous) => ({ ...previous, [questionId]: CHOOSE_FIRST }));
      announce(CHOOSE_FIRST);
      return;
    }
    const next = checkAnswer(quiz, attempt, questionId);
    const right = isAnswerCorrect(item.question, next.answers[questionId] ?? []);
    const allChecked = shown.every(({ question }) => next.checked.includes(question.id));
    announce(
      `Question ${at + 1}: ${right ? 'correct.' : 'incorrect. The explanation follows the options.'}${allChecked ? ' Every question is checked: see your result.' : ''}`,
    );
    if (record.view === 'all') focusNext.current = `feedback:${questionId}`;
    else if (at < shown.length - 1) focusNext.current = 'next';
    else focusNext.current = allChecked ? 'finish' : 'first-open';
    save({ ...base, current: next });
  };

  const goTo = (target: number) => {
    const item = shown[target];
    if (!current || !item) return;
    setPosition({ attemptId: current.id, index: target });
    focusNext.current = `question:${item.question.id}`;
  };

  const finish = () => {
    const base = latest();
    const attempt = base.current;
    if (!attempt || !shownQuestions(quiz, attempt).every(({ question }) => attempt.checked.includes(question.id))) {
      return;
    }
    const time = now();
    const done = finishAttempt(quiz, attempt, time, baseAttempt(base, attempt));
    const score = done.score;
    if (score) {
      announce(
        `Your result: ${score.correct} of ${score.total}, ${score.percent}${PERCENT}. ${score.passed ? 'Passed.' : 'Not passed yet.'}`,
      );
    }
    setReviewOpen(true);
    focusNext.current = 'result';
    save(recordFinished(base, done, time));
  };

  const setView = (view: QuizProgress['view']) => {
    const base = latest();
    if (base.view !== view) save({ ...base, view });
  };

  const history = record.history;
  const last = history.at(-1);
  const best = bestScore(history);
  const total = quiz.questions.length;

  return (
    <section className="embed quiz" id={quiz.id} aria-labelledby={titleId} ref={section}>
      <header className="quiz-header">
        <h3 id={titleId} className="quiz-title">
          {quiz.title}
        </h3>
        {quizPassed(progress) && (
          <p className="quiz-badge">
            <span aria-hidden="true">✓ </span>Passed
          </p>
        )}
        <p className="quiz-meta">
          {total} {total === 1 ? 'question' : 'questions'} · pass mark {quiz.passPercent}
          {PERCENT}
        </p>
        {best && last?.score && (
          <p className="quiz-meta quiz-history">
            Best score: {best.percent}
            {PERCENT} · Last attempt: {last.score.percent}
            {PERCENT}
            {last.finishedAt && formatDay(last.finishedAt) && (
              <>
                {' '}
                (<time dateTime={last.finishedAt}>{formatDay(last.finishedAt)}</time>)
              </>
            )}
          </p>
        )}
      </header>
      <div className="quiz-body">
        <fieldset className="quiz-view">
          <legend className="quiz-view-legend">Show</legend>
          {(
            [
              ['one', 'One question at a time'],
              ['all', 'All on one page'],
            ] as const
          ).map(([view, label]) => (
            <label key={view} className="quiz-view-option">
              <input
                type="radio"
                name={`${uid}-view`}
                value={view}
                checked={record.view === view}
                onChange={() => setView(view)}
              />
              <span>{label}</span>
            </label>
          ))}
        </fieldset>
        {current ? (
          <AttemptView
            quiz={quiz}
            attempt={current}
            shown={shown}
            view={record.view}
            index={index}
            inputPrefix={uid}
            problems={problems}
            onSelect={select}
            onToggle={toggle}
            onCheck={check}
            onGoTo={goTo}
            onFinish={finish}
          />
        ) : last?.score ? (
          <Outcome
            quiz={quiz}
            attempt={last}
            reviewOpen={reviewOpen}
            onToggleReview={() => setReviewOpen(!reviewOpen)}
            onRetry={start}
            reviewId={`${uid}-review`}
            celebration={celebration}
          />
        ) : (
          <div className="quiz-start">
            <p>
              Check each answer as you go: you see at once whether it is right, and why. You can retry as often as you
              like.
            </p>
            <button type="button" className="button button-primary" onClick={() => start('all')}>
              Start the quiz
            </button>
          </div>
        )}
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
}

interface AttemptViewProps {
  quiz: Quiz;
  attempt: QuizAttempt;
  shown: ShownQuestion[];
  view: QuizProgress['view'];
  index: number;
  inputPrefix: string;
  problems: Record<string, string>;
  onSelect: (questionId: string, optionIndexes: number[]) => void;
  onToggle: (questionId: string, optionIndex: number, on: boolean) => void;
  onCheck: (questionId: string) => void;
  onGoTo: (index: number) => void;
  onFinish: () => void;
}

/** The attempt in progress: its progress, the question(s), and the way to the result. */
function AttemptView({
  quiz,
  attempt,
  shown,
  view,
  index,
  inputPrefix,
  problems,
  onSelect,
  onToggle,
  onCheck,
  onGoTo,
  onFinish,
}: AttemptViewProps) {
  const isChecked = (id: string) => attempt.checked.includes(id);
  const checkedCount = shown.filter(({ question }) => isChecked(question.id)).length;
  const firstOpen = shown.findIndex(({ question }) => !isChecked(question.id));
  const openCount = shown.length - checkedCount;
  const progressId = `${inputPrefix}-progress`;
  const pendingId = `${inputPrefix}-pending`;
  const carriedCount = quiz.questions.length - shown.length;

  const form = (item: ShownQuestion, position: number) => (
    <QuestionForm
      key={item.question.id}
      item={item}
      number={position + 1}
      count={shown.length}
      attempt={attempt}
      inputName={`${inputPrefix}-${item.question.id}`}
      problem={problems[item.question.id]}
      onSelect={(indexes) => onSelect(item.question.id, indexes)}
      onToggle={(option, on) => onToggle(item.question.id, option, on)}
      onCheck={() => onCheck(item.question.id)}
    />
  );
  const current = shown[index];
  const finishing = (
    <>
      <button
        type="button"
        className="button button-primary"
        data-focus="finish"
        disabled={openCount > 0}
        aria-describedby={openCount > 0 ? pendingId : undefined}
        onClick={onFinish}
      >
        See your result
      </button>
      {openCount > 0 && (
        <span className="quiz-pending" id={pendingId}>
          {openCount === 1 ? '1 question is' : `${openCount} questions are`} not checked yet.
        </span>
      )}
      {openCount > 0 && (view === 'all' || firstOpen !== index) && (
        <button type="button" className="button button-small" data-focus="first-open" onClick={() => onGoTo(firstOpen)}>
          Go to question {firstOpen + 1}
        </button>
      )}
    </>
  );

  return (
    <div className="quiz-attempt">
      {attempt.scope === 'missed' && (
        <p className="quiz-note">
          Retrying the {shown.length} {shown.length === 1 ? 'question' : 'questions'} you missed
          {carriedCount > 0 ? `; the other ${carriedCount} count as right from your last attempt` : ''}.
        </p>
      )}
      <div className="quiz-progress">
        <span id={progressId}>
          {checkedCount} of {shown.length} answered
        </span>
        <progress aria-labelledby={progressId} max={Math.max(shown.length, 1)} value={checkedCount} />
      </div>
      {view === 'one' ? (
        <>
          {current && form(current, index)}
          <div className="quiz-nav">
            <button type="button" className="button" disabled={index === 0} onClick={() => onGoTo(index - 1)}>
              <span aria-hidden="true">← </span>Previous question
            </button>
            {index < shown.length - 1 ? (
              <button type="button" className="button" data-focus="next" onClick={() => onGoTo(index + 1)}>
                Next question<span aria-hidden="true"> →</span>
              </button>
            ) : (
              finishing
            )}
          </div>
        </>
      ) : (
        <>
          {shown.map(form)}
          <div className="quiz-nav">{finishing}</div>
        </>
      )}
    </div>
  );
}

interface QuestionFormProps {
  item: ShownQuestion;
  number: number;
  count: number;
  attempt: QuizAttempt;
  inputName: string;
  problem: string | undefined;
  onSelect: (optionIndexes: number[]) => void;
  onToggle: (optionIndex: number, on: boolean) => void;
  onCheck: () => void;
}

/** One question: a form whose submit (Enter, or Check answer) checks it; then locked, with the feedback. */
function QuestionForm({
  item,
  number,
  count,
  attempt,
  inputName,
  problem,
  onSelect,
  onToggle,
  onCheck,
}: QuestionFormProps) {
  const { question, optionOrder } = item;
  const selected = attempt.answers[question.id] ?? [];
  const checked = attempt.checked.includes(question.id);
  const right = checked && isAnswerCorrect(question, selected);
  const multiple = question.type === 'multiple';
  const problemId = `${inputName}-problem`;

  // Enter on a radio or a checkbox does not submit a form in every browser: do it here.
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    if (!(event.target instanceof HTMLInputElement)) return;
    event.preventDefault();
    onCheck();
  };

  return (
    <form
      className="quiz-question"
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        onCheck();
      }}
    >
      <fieldset
        className="quiz-fieldset"
        data-question={question.id}
        data-result={checked ? (right ? 'correct' : 'incorrect') : undefined}
        data-focus={`question:${question.id}`}
        tabIndex={-1}
        aria-describedby={problem ? problemId : undefined}
      >
        <legend className="quiz-legend">
          <span className="quiz-number">
            Question {number} of {count}
            <span className="visually-hidden">:</span>
          </span>{' '}
          <span
            className="quiz-prompt"
            // biome-ignore lint/security/noDangerouslySetInnerHtml: compiled at build time from the course's own Markdown
            dangerouslySetInnerHTML={{ __html: question.promptHtml }}
          />
          {multiple && <span className="quiz-instruction"> Choose all that apply.</span>}
        </legend>
        <div className="quiz-options">
          {optionOrder.map((optionIndex) => {
            const option = question.options[optionIndex];
            if (!option) return null;
            const id = `${inputName}-${optionIndex}`;
            const chosen = selected.includes(optionIndex);
            const mark = checked ? optionMark(chosen, option.correct, multiple) : undefined;
            return (
              <div key={optionIndex} className={`quiz-option${mark ? ` quiz-option-${mark.kind}` : ''}`}>
                <input
                  type={multiple ? 'checkbox' : 'radio'}
                  id={id}
                  name={inputName}
                  value={optionIndex}
                  checked={chosen}
                  disabled={checked}
                  onChange={(event) =>
                    multiple ? onToggle(optionIndex, event.target.checked) : onSelect([optionIndex])
                  }
                />
                <label htmlFor={id}>
                  <span
                    className="quiz-option-text"
                    // biome-ignore lint/security/noDangerouslySetInnerHtml: compiled at build time from the course's own Markdown
                    dangerouslySetInnerHTML={{ __html: option.html }}
                  />
                  {mark && (
                    <span className={`quiz-mark quiz-mark-${mark.kind}`}>
                      <span aria-hidden="true">{mark.symbol} </span>
                      {mark.text}
                    </span>
                  )}
                </label>
                {checked && option.whyHtml && (
                  <div
                    className="quiz-why"
                    // biome-ignore lint/security/noDangerouslySetInnerHtml: compiled at build time from the course's own Markdown
                    dangerouslySetInnerHTML={{ __html: option.whyHtml }}
                  />
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
      {problem && !checked && (
        <p className="quiz-problem" id={problemId}>
          {problem}
        </p>
      )}
      {checked ? (
        <div
          className={`quiz-feedback quiz-feedback-${right ? 'correct' : 'incorrect'}`}
          data-focus={`feedback:${question.id}`}
          tabIndex={-1}
        >
          <p className="quiz-verdict">
            <span aria-hidden="true">{right ? '✓' : '✗'} </span>
            {right ? 'Correct' : 'Incorrect'}
          </p>
          <div
            className="quiz-explanation"
            // biome-ignore lint/security/noDangerouslySetInnerHtml: compiled at build time from the course's own Markdown
            dangerouslySetInnerHTML={{ __html: question.explanationHtml }}
          />
        </div>
      ) : (
        <button type="submit" className="button button-primary button-small quiz-check">
          Check answer
        </button>
      )}
    </form>
  );
}

interface OutcomeProps {
  quiz: Quiz;
  attempt: QuizAttempt;
  reviewOpen: boolean;
  reviewId: string;
  onToggleReview: () => void;
  onRetry: (scope: 'all' | 'missed') => void;
  celebration?: ReactNode;
}

/** The last finished attempt: its score, a review of every answer, and the retries. */
function Outcome({ quiz, attempt, reviewOpen, reviewId, onToggleReview, onRetry, celebration }: OutcomeProps) {
  const score = attempt.score;
  if (!score) return null;
  const missed = missedQuestionIds(quiz, attempt).length;
  return (
    <div className="quiz-result">
      <h4 className="quiz-result-title" data-focus="result" tabIndex={-1}>
        Your result
      </h4>
      <p className="quiz-score">
        {score.correct} of {score.total} — {score.percent}
        {PERCENT}
      </p>
      <p className={`quiz-outcome ${score.passed ? 'quiz-outcome-passed' : 'quiz-outcome-not-yet'}`}>
        {score.passed ? (
          <>
            <span aria-hidden="true">✓ </span>Passed
          </>
        ) : (
          `Not passed yet (pass mark ${quiz.passPercent}${PERCENT})`
        )}
      </p>
      {attempt.scope === 'missed' && (
        <p className="quiz-note">This score counts the questions you got right in your previous attempt.</p>
      )}
      {celebration && <div className="quiz-celebration lesson-complete">{celebration}</div>}
      <button
        type="button"
        className="button button-small"
        aria-expanded={reviewOpen}
        aria-controls={reviewOpen ? reviewId : undefined}
        onClick={onToggleReview}
      >
        {reviewOpen ? 'Hide the answers' : 'Review your answers'}
      </button>
      {reviewOpen && <AttemptReview quiz={quiz} attempt={attempt} id={reviewId} />}
      <div className="quiz-actions">
        <button type="button" className="button button-primary" onClick={() => onRetry('all')}>
          Retry all questions
        </button>
        {missed > 0 && (
          <button type="button" className="button" onClick={() => onRetry('missed')}>
            Retry the {missed} I missed
          </button>
        )}
      </div>
    </div>
  );
}

/** Every question of a finished attempt: the learner's answer, whether it was right, the right one, why. */
function AttemptReview({ quiz, attempt, id }: { quiz: Quiz; attempt: QuizAttempt; id: string }) {
  const items = shownQuestions(quiz, attempt);
  return (
    <ol className="quiz-review" id={id} aria-label="Your answers">
      {items.map(({ question, optionOrder }, position) => {
        const selected = attempt.answers[question.id] ?? [];
        const right = isAnswerCorrect(question, selected);
        const chosen = optionOrder.filter((index) => selected.includes(index));
        const correct = optionOrder.filter((index) => question.options[index]?.correct);
        return (
          <li
            key={question.id}
            className={`quiz-review-item quiz-review-${right ? 'correct' : 'incorrect'}`}
            data-review={question.id}
            data-result={right ? 'correct' : 'incorrect'}
          >
            <div className="quiz-review-prompt">
              <span className="quiz-number">
                Question {position + 1}
                <span className="visually-hidden">:</span>
              </span>{' '}
              <span
                className="quiz-prompt"
                // biome-ignore lint/security/noDangerouslySetInnerHtml: compiled at build time from the course's own Markdown
                dangerouslySetInnerHTML={{ __html: question.promptHtml }}
              />
            </div>
            <p className={`quiz-verdict quiz-mark-${right ? 'correct' : 'incorrect'}`}>
              <span aria-hidden="true">{right ? '✓' : '✗'} </span>
              {right ? 'Correct' : 'Incorrect'}
            </p>
            <dl className="quiz-review-answers">
              <dt>Your answer</dt>
              <dd>{chosen.length > 0 ? <OptionList options={question.options} indexes={chosen} /> : 'No answer'}</dd>
              {!right && (
                <>
                  <dt>Correct answer</dt>
                  <dd>
                    <OptionList options={question.options} indexes={correct} />
                  </dd>
                </>
              )}
            </dl>
            <div
              className="quiz-explanation"
              // biome-ignore lint/security/noDangerouslySetInnerHtml: compiled at build time from the course's own Markdown
              dangerouslySetInnerHTML={{ __html: question.explanationHtml }}
            />
          </li>
        );
      })}
    </ol>
  );
}

function OptionList({ options, indexes }: { options: QuizOption[]; indexes: number[] }) {
  return indexes.map((index, position) => (
    <span key={index}>
      {position > 0 && ', '}
      <span
        className="quiz-option-text"
        // biome-ignore lint/security/noDangerouslySetInnerHtml: compiled at build time from the course's own Markdown
        dangerouslySetInnerHTML={{ __html: options[index]?.html ?? '' }}
      />
    </span>
  ));
}

/** How a checked option is marked, in words as well as colour. */
function optionMark(chosen: boolean, correct: boolean, multiple: boolean) {
  if (chosen && correct) return { kind: 'correct', symbol: '✓', text: 'Your answer: correct' } as const;
  if (chosen) return { kind: 'incorrect', symbol: '✗', text: 'Your answer: incorrect' } as const;
  if (correct) {
    return { kind: 'answer', symbol: '✓', text: multiple ? 'Correct, not chosen' : 'The correct answer' } as const;
  }
  return undefined;
}

/** A day as the learner's locale writes it; nothing for a broken date (stored data is not trusted). */
function formatDay(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(date);
}
