import { describe, expect, it } from 'vitest';
import type { CheckReport, GradedTask, ResultLine } from './grade';
import { resultsLayout } from './resultsLayout';

type GradedReport = Extract<CheckReport, { kind: 'graded' }>;

const line = (id: string, passed: boolean): ResultLine => ({
  id,
  label: id,
  kind: 'case',
  passed,
  expected: 'x',
  actual: passed ? 'x' : 'y',
});

function report(tasks: GradedTask[], feedback: GradedReport['feedback'] = []): GradedReport {
  const lines = tasks.flatMap((task) => task.lines);
  const passedCount = lines.filter((entry) => entry.passed).length;
  return {
    kind: 'graded',
    passed: passedCount === lines.length,
    message: '',
    seed: 1,
    tasks,
    rootCauses: [],
    feedback,
    passedCount,
    totalCount: lines.length,
  };
}

describe('resultsLayout', () => {
  it('opens only the task of the first failure, with its first failing line; the rest are summarised', () => {
    const tasks = [
      { id: 'a', title: 'A', lines: [line('a1', true), line('a2', true)] },
      { id: 'b', title: 'B', lines: [line('b1', true), line('b2', false), line('b3', false)] },
      { id: 'c', title: 'C', lines: [line('c1', false), line('c2', true)] },
    ];
    const layout = resultsLayout(report(tasks));
    expect(layout.tasks.map((task) => task.open)).toEqual([false, true, false]);
    const [a, b, c] = layout.tasks;
    expect(a?.firstFailure).toBeUndefined();
    expect(a?.passed.map((entry) => entry.id)).toEqual(['a1', 'a2']);
    expect(b?.firstFailure?.id).toBe('b2');
    expect(b?.moreFailures.map((entry) => entry.id)).toEqual(['b3']);
    expect(b?.passed.map((entry) => entry.id)).toEqual(['b1']);
    expect(c?.firstFailure?.id).toBe('c1');
    expect(c?.moreFailures).toEqual([]);
  });

  it('opens nothing when every check passed', () => {
    const layout = resultsLayout(report([{ id: 'a', title: 'A', lines: [line('a1', true)] }]));
    expect(layout.tasks.some((task) => task.open)).toBe(false);
  });

  it('shows the main explanation and summarises the next two', () => {
    const feedback = [
      { id: 'main', html: '<p>main</p>' },
      { id: 'second', html: '<p>2</p>' },
      { id: 'third', html: '<p>3</p>' },
      { id: 'fourth', html: '<p>4</p>' },
    ];
    const layout = resultsLayout(report([], feedback));
    expect(layout.leadFeedback?.id).toBe('main');
    expect(layout.moreFeedback.map((rule) => rule.id)).toEqual(['second', 'third']);
    expect(resultsLayout(report([])).leadFeedback).toBeUndefined();
  });
});
