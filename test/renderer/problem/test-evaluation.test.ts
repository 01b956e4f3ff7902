import { describe, expect, it } from 'vitest';
import type { TestEvaluation } from '../../../electron/contract/types';
import { testFailureSentence, viewOfTestEvaluation } from '../../../renderer/src/problem/test-evaluation';

const result = (overrides: Partial<TestEvaluation>): TestEvaluation => ({
  theta: [0.5],
  output: [2.25],
  returned: null,
  expectedLength: 1,
  lengthOk: true,
  error: null,
  seconds: 0.01,
  setupSeconds: 0.2,
  log: [],
  ...overrides,
});

describe('viewOfTestEvaluation', () => {
  it('passes an output of the right length', () => {
    expect(viewOfTestEvaluation(result({}))).toEqual({ passed: true, lengthText: 'Output length 1 — OK', values: [2.25], refused: false });
    expect(testFailureSentence(result({}))).toBeNull();
  });

  it('shows an output of the wrong length with both lengths and its values, as a failure', () => {
    const wrong = result({ output: null, returned: [0.5, 2], lengthOk: false, error: 'it returned 2 numbers, expected 1' });
    expect(viewOfTestEvaluation(wrong)).toEqual({ passed: false, lengthText: 'Output length 2 — expected 1', values: [0.5, 2], refused: true });
    expect(testFailureSentence(wrong)).toBe('The last test evaluation failed: it returned 2 numbers, expected 1.');
  });

  it('shows a NaN output of the right length as refused', () => {
    const nan = result({ output: null, returned: [Number.NaN], lengthOk: false, error: 'it returned NaN at output 1 (of 1)' });
    expect(viewOfTestEvaluation(nan)).toMatchObject({ passed: false, lengthText: 'Output length 1 — not all finite numbers', refused: true });
  });

  it('says there is no output when the model threw', () => {
    const threw = result({ output: null, lengthOk: false, error: 'boom: negative pressure' });
    expect(viewOfTestEvaluation(threw)).toEqual({ passed: false, lengthText: 'No output — expected 1', values: null, refused: false });
    expect(testFailureSentence(threw)).toBe('The last test evaluation failed: boom: negative pressure.');
  });
});
