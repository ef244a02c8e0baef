// @vitest-environment node
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import verifierSuite from '../../lessons/jwt-auth/exercises/verify_token/suite.ts';
import { nodeRunPython } from '../../tests/support/nodePython.ts';
import { matchFeedback } from './feedback';
import { type CheckReport, gradeExercise, type RunPython } from './index';
import type { GradingDefinition } from './types';

const NAMED = verifierSuite.cases.length;

const solution = readFileSync(
  new URL('../../lessons/jwt-auth/exercises/verify_token/solution.py', import.meta.url),
  'utf8',
);
const starter = readFileSync(
  new URL('../../lessons/jwt-auth/exercises/verify_token/starter.py', import.meta.url),
  'utf8',
);

/** Every case under one task; one feedback rule per kind of condition. */
const definition: GradingDefinition = {
  suite: verifierSuite,
  tasks: [
    {
      id: 'all',
      title: 'All',
      cases: verifierSuite.cases.map((info) => info.id),
      groups: verifierSuite.groups.map((info) => info.id),
      checks: verifierSuite.checks.map((info) => info.id),
      fallbackHtml: 'fallback',
    },
  ],
  feedback: [
    { id: 'loops', when: [{ case: 'valid', outcome: 'timeout' }], html: 'loops' },
    { id: 'equals', when: [{ check: 'constant-time', reason: 'variable-time' }], html: 'equals' },
  ],
};

let runPython: RunPython;
beforeAll(async () => {
  runPython = await nodeRunPython();
}, 60_000);

const grade = (code: string, seed = 5) => gradeExercise(definition, code, runPython, { seed });
const graded = (report: CheckReport) => {
  if (report.kind !== 'graded') throw new Error(`expected a graded report, got ${report.kind}: ${report.message}`);
  return report;
};
const lineOf = (report: CheckReport, id: string) =>
  graded(report)
    .tasks.flatMap((task) => task.lines)
    .find((line) => line.id === id);

describe('gradeExercise', () => {
  it('passes the reference solution on every case and check', async () => {
    const report = graded(await grade(solution));
    expect(report.passed).toBe(true);
    expect(report.passedCount).toBe(report.totalCount);
    expect(report.totalCount).toBeGreaterThan(NAMED + 25);
    expect(report.message).toBe(`All ${report.totalCount} checks passed.`);
    expect(report.seed).toBe(5);
  });

  it('lists the unfilled blanks with their lines instead of running', async () => {
    const report = await grade(starter);
    expect(report).toMatchObject({
      kind: 'unfilled',
      message: 'Fill in the blanks on lines 29, 39, 41 and 45 first. Each ___ needs your code.',
    });
  });

  it('reports a syntax error at its line, without running anything', async () => {
    const broken = solution.replace('parts = token.split(".")', 'parts = token.split("."');
    const report = await grade(broken);
    expect(report.kind).toBe('syntax-error');
    if (report.kind !== 'syntax-error') return;
    expect(report.error.line).toBe(26);
    expect(report.message).toMatch(/^SyntaxError on line 26: '\(' was never closed\. Nothing was checked yet\.$/);
  });

  it('explains a line that mixes tabs and spaces', async () => {
    const mixed = solution.replace('    if len(parts) != 3:\n        raise', '    if len(parts) != 3:\n\traise');
    const report = await grade(mixed);
    expect(report).toMatchObject({ kind: 'syntax-error', error: { type: 'TabError', line: 28 } });
    expect(report.message).toContain('indent with spaces only');
  });

  it('accepts Windows line endings and tab-indented code', async () => {
    const tabbed = solution.replace(/^( {4})+/gm, (spaces) => '\t'.repeat(spaces.length / 4));
    expect(graded(await grade(tabbed.replace(/\n/g, '\r\n'))).passed).toBe(true);
  });

  it('stops an endless loop in one call after its time limit and grades the rest', { timeout: 60_000 }, async () => {
    const looping = solution.replace(
      '    if len(parts) != 3:',
      '    while len(parts) == 2:\n        pass\n    if len(parts) != 3:',
    );
    const report = graded(await grade(looping));
    expect(report.passed).toBe(false);
    expect(lineOf(report, 'two-segments')).toMatchObject({
      passed: false,
      actual: expect.stringMatching(/^ran more than 200,000 lines of Python \(line 2[78]\): an endless loop\?$/),
    });
    expect(lineOf(report, 'valid')?.passed).toBe(true);
    expect(lineOf(report, 'other-secret')?.passed).toBe(true);
  });

  /**
   * Runs the grading program with a monotonic clock that moves `step` seconds each time it
   * is read (or `time._step`, once the learner's code sets it): a machine as slow as we like,
   * and the same on every machine, busy or not. The harness reads it on every traced event.
   */
  const steppingClock =
    (step: number): RunPython =>
    (program, timeout) =>
      runPython(
        `import time as _t\n_m0 = _t.monotonic\n_reads = [0.0]\ndef _clock():\n    _reads[0] += getattr(_t, "_step", ${step})\n    return _reads[0]\n_t.monotonic = _clock\n${program}\n_t.monotonic = _m0\n`,
        timeout,
      );

  it('passes a correct answer however slowly the machine runs it: the limit counts lines, not seconds', async () => {
    // Each call takes a few hundred clock reads, so 2 ms a read makes a call last about a
    // second of "wall-clock" time: a 0.5 s limit in seconds would fail it, the line count does not.
    const report = graded(await gradeExercise(definition, solution, steppingClock(0.002), { seed: 3 }));
    expect(report.passed).toBe(true);
  });

  it('says a call was stopped by the wall-clock backstop when lines cannot be counted', async () => {
    // Each call makes every clock read take 10 s, as a sleep would.
    const sleeping = solution.replace(
      '    parts = token.split(".")',
      '    import time\n    time._step = 10\n    parts = token.split(".")',
    );
    expect(sleeping).not.toBe(solution);
    const report = graded(await gradeExercise(definition, sleeping, steppingClock(0), { seed: 3 }));
    expect(lineOf(report, 'valid')).toMatchObject({
      passed: false,
      actual: expect.stringMatching(/^was still running after 5 s( \(line \d+\))?: an endless loop\?$/),
    });
  });

  it('does not make the remaining calls once looping calls used up the whole Check', async () => {
    const looping = solution.replace('    parts = token.split(".")', '    while True:\n        pass');
    expect(looping).not.toBe(solution);
    const report = graded(await grade(looping));
    const lines = report.tasks.flatMap((task) => task.lines);
    expect(lines.every((line) => !line.passed)).toBe(true);
    const texts = lines.map((line) => line.actual);
    // 2,000,000 lines in all: nine calls of 200,000 lines, and a tenth with what was left.
    expect(texts.filter((text) => /^ran more than [\d,]+ lines of Python/.test(text)).length).toBe(10);
    const calls = lines.filter((line) => line.kind !== 'check').length;
    expect(texts.filter((text) => text.startsWith('was not made: earlier calls used up')).length).toBe(calls - 10);
    expect(texts).toContain('no call got as far as checking the signature, so this could not be checked yet');
  });

  it('stops a loop that swallows the time limit only when the whole check times out (the page stops it)', async () => {
    const timedOut: RunPython = async () => ({
      status: 'timeout',
      stdout: '@@case (loading your code)\n@@case valid\n',
      stderr: '',
    });
    const report = await gradeExercise(definition, solution, timedOut, { seed: 1 });
    expect(report).toEqual({
      kind: 'stopped',
      reason: 'timeout',
      message:
        'The checks were stopped after 60 s during the check “a valid token”: your code was still running. Your code is still in the editor.',
    });
  });

  it('reports code that loops or crashes while loading', async () => {
    expect(await grade(`while True:\n    pass\n${solution}`)).toMatchObject({
      kind: 'load-error',
      message:
        'Your code did not finish loading (an endless loop outside any function?): it ran more than 400,000 lines of Python (line 2). Nothing was checked yet.',
    });
    expect(await grade(`import flask_sqlalchemy\n${solution}`)).toMatchObject({
      kind: 'load-error',
      line: 1,
      message:
        "Your code stopped while loading: it raised ModuleNotFoundError: No module named 'flask_sqlalchemy' (line 1). Nothing was checked yet.",
    });
  });

  it('says which function is missing', async () => {
    expect(await grade(solution.replace('def verify_token(', 'def verify(')).then((report) => report.message)).toBe(
      'Your code must define verify_token(): the checks call it by name.',
    );
  });

  it('survives a blank filled with a whole program on one line', async () => {
    const program = 'token.split("."); import os; print("hi" * 3); [x for x in range(1000)]';
    const report = graded(await grade(solution.replace('parts = token.split(".")', `parts = ${program}`)));
    expect(report.passed).toBe(true);
    expect(lineOf(report, 'valid')).toMatchObject({ passed: true, printed: 'hihihi\n' });
  });

  it('fails a comparison with == and gives its feedback, though every token is judged right', async () => {
    const report = graded(
      await grade(
        solution.replace('if not hmac.compare_digest(expected, signature_b64):', 'if expected != signature_b64:'),
      ),
    );
    expect(report.passed).toBe(false);
    expect(report.passedCount).toBe(report.totalCount - 1);
    expect(lineOf(report, 'constant-time')).toMatchObject({
      passed: false,
      actual: 'line 42 compares the two signatures with !=, which stops at the first difference',
    });
    expect(report.feedback.map((rule) => rule.id)).toEqual(['equals']);
  });

  it("shows what the learner's code returned or raised, in Python terms", async () => {
    const report = graded(
      await grade(
        solution
          .replace('    return payload\n', '    return None\n')
          .replace('raise ValueError("Invalid signature")', 'raise KeyError("nope")'),
      ),
    );
    expect(lineOf(report, 'valid')).toMatchObject({
      passed: false,
      actual: 'returned None',
      expected: expect.stringMatching(/^return the payload \{'sub': '[a-z]+\d+', 'role': 'reader', 'n': \d+\}$/),
    });
    expect(lineOf(report, 'other-secret')).toMatchObject({
      passed: false,
      actual: "raised KeyError: 'nope' (line 43), which is not a ValueError",
      expected: 'reject it: raise ValueError (the signature does not match)',
    });
  });

  it('mints different tokens and secrets at every check', async () => {
    const seen: string[] = [];
    const spy: RunPython = async (program) => {
      seen.push(program);
      return { status: 'ok', stdout: '', stderr: '' };
    };
    await gradeExercise(definition, solution, spy);
    await gradeExercise(definition, solution, spy);
    expect(seen[0]).not.toBe(seen[1]);
  });
});

describe('behaviour, not spelling (regressions)', () => {
  const passes = async (code: string) => {
    for (const seed of [1, 2, 3]) {
      const report = graded(await grade(code, seed));
      const failing = report.tasks.flatMap((task) => task.lines).filter((line) => !line.passed);
      expect(
        failing.map((line) => `${line.id}: ${line.actual}`),
        `seed ${seed}`,
      ).toEqual([]);
    }
  };

  it('accepts compare_digest under another name, and a comparison inside a helper', async () => {
    await passes(
      solution
        .replace('import hmac\n', 'import hmac\nfrom hmac import compare_digest as constant_time_equal\n')
        .replace('hmac.compare_digest(expected, signature_b64)', 'constant_time_equal(expected, signature_b64)'),
    );
    await passes(
      solution
        .replace('def verify_token(', 'def same(a, b):\n    return hmac.compare_digest(a, b)\n\n\ndef verify_token(')
        .replace('hmac.compare_digest(expected, signature_b64)', 'same(expected, signature_b64)'),
    );
  });

  it('does not take a module constant compared with == for a signature comparison', async () => {
    await passes(
      solution
        .replace('def b64url_encode', 'ALGORITHM = "HS256"\n\n\ndef b64url_encode')
        .replace('header.get("alg") != "HS256"', 'header.get("alg") != ALGORITHM'),
    );
  });

  it('fails a verifier that lets the header choose the hash, and one that folds case', async () => {
    const chooses = solution
      .replace('header.get("alg") != "HS256"', 'header.get("alg") not in ("HS256", "HS384", "HS512")')
      .replace(
        'hashlib.sha256).digest()',
        '{"HS256": hashlib.sha256, "HS384": hashlib.sha384, "HS512": hashlib.sha512}[header["alg"]]).digest()',
      );
    const report = graded(await grade(chooses));
    expect(report.passed).toBe(false);
    const folded = graded(
      await grade(
        solution.replace(
          'compare_digest(expected, signature_b64)',
          'compare_digest(expected.lower(), signature_b64.lower())',
        ),
      ),
    );
    expect(folded.tasks.flatMap((task) => task.lines).find((line) => line.token?.how.includes('case'))?.passed).toBe(
      false,
    );
  });

  it('shows one repeated crash once, with its line and blank', async () => {
    const report = graded(await grade(solution.replace('hashlib.sha256).digest()', 'sha256).digest()')));
    expect(report.rootCauses).toHaveLength(1);
    const line = solution.split('\n').findIndex((text) => text.includes('hashlib.sha256).digest()')) + 1;
    expect(report.rootCauses[0]).toMatchObject({ type: 'NameError', line });
    expect(report.rootCauses[0]?.count).toBeGreaterThan(10);
  });
});

describe('helpers', () => {
  it('matches feedback rules on every condition kind, in content order', () => {
    const results = new Map([
      [
        'valid',
        {
          judgement: { passed: false, expected: '', actual: '' },
          record: {
            id: 'valid',
            outcome: 'raised' as const,
            type: 'Error',
            qualifiedType: 'binascii.Error',
            message: 'Incorrect padding',
            isValueError: true,
            line: 3,
          },
        },
      ],
      ['compare-digest', { judgement: { passed: false, expected: '', actual: '', reason: 'plain-comparison' } }],
    ]);
    const rule = (id: string, when: GradingDefinition['feedback'][number]['when']) => ({ id, when, html: id });
    const rules = [
      rule('by-qualified-type', [{ case: 'valid', raised: 'binascii.Error', message: 'PADDING' }]),
      rule('by-plain-type', [{ case: 'valid', raised: 'Error' }]),
      rule('wrong-type', [{ case: 'valid', raised: 'TypeError' }]),
      rule('by-reason', [{ check: 'compare-digest', reason: 'plain-comparison' }]),
      rule('all-must-hold', [
        { check: 'compare-digest', passed: false },
        { case: 'valid', outcome: 'returned' },
      ]),
      rule('unknown-case', [{ case: 'nope' }]),
    ];
    expect(matchFeedback(rules, results).map((matched) => matched.id)).toEqual([
      'by-qualified-type',
      'by-plain-type',
      'by-reason',
    ]);
  });
});
