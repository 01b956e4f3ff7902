/**
 * What the problem editor says about one test evaluation: whether it passed, the length check
 * in words, the numbers that came back (also when they were refused), and the failure sentence
 * that replaces "Ready" until the next good test or the next edit.
 */
import type { TestEvaluationPoint } from '../../../electron/contract/types';

export interface TestEvaluationView {
  /** The model returned exactly n_y finite numbers and did not fail. */
  readonly passed: boolean;
  /** "Output length 2 — expected 1", "Output length 1 — OK", "No output — expected 1". */
  readonly lengthText: string;
  /** The numbers shown: the output, or what was refused; null when nothing came back. */
  readonly values: readonly number[] | null;
  /** True when `values` were refused (wrong count, NaN …). */
  readonly refused: boolean;
}

export function viewOfTestEvaluation(result: TestEvaluationPoint): TestEvaluationView {
  const passed = result.error === null && result.lengthOk && result.output !== null;
  const values = result.output ?? result.returned;
  const got = values ? `Output length ${values.length}` : 'No output';
  const verdict = passed ? 'OK' : values && values.length === result.expectedLength ? 'not all finite numbers' : `expected ${result.expectedLength}`;
  return { passed, lengthText: `${got} — ${verdict}`, values, refused: !passed && values !== null };
}

/** The failure of a test evaluation as one sentence for the status line, or null when it passed. */
export function testFailureSentence(result: TestEvaluationPoint): string | null {
  if (viewOfTestEvaluation(result).passed) return null;
  const why = result.error ?? `it returned ${result.output?.length ?? 0} numbers, expected ${result.expectedLength}`;
  return `The last test evaluation failed: ${why.replace(/\.$/, '')}.`;
}
