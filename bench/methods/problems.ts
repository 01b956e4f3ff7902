/**
 * The bench's problems: the paper's two-modal and four-modal densities (`gmki-algorithm.md`
 * §5.2–5.3, the example problems as shipped) and UM-Bridge's analytic densities as log-density
 * models (core/problem/density-examples.ts), each with its grid reference and the methods that
 * can run it.
 *
 * The anchors set the accuracy to reach, at their example's own budget: GMKI on the paper's
 * problems (gmki-robust, the default, and gmki-paper, the paper's algorithm: K and 30 iterations
 * from the paper, its initial means), dfgmvi on the density targets, where GMKI cannot run (it
 * needs G(θ) and y; a log-density model gives log π only — and so do uki, eki and eks).
 */
import type { MethodName } from '../../core/problem/types';
import { ANALYTIC_DENSITY_MODELS } from '../../core/problem/analytic-densities';
import { fourModalLogPosterior, gridReference2d, twoModalLogPosterior, type GridReference2d } from '../../test/support/grid-l1';

export interface BenchProblem {
  /** The example problem's id (core/problem/examples.ts). */
  readonly id: string;
  readonly kind: 'paper' | 'density';
  /** Where it comes from, for the table's heading. */
  readonly source: string;
  /** The grid: LinRange(lo, hi, n) in each axis. */
  readonly box: readonly [lo: number, hi: number, n: number];
  readonly reference: () => GridReference2d;
  /** Run at the example's settings; their median L1 is the accuracy to reach. */
  readonly anchors: readonly MethodName[];
  /** Run on budget ladders until they reach the anchors' accuracy. */
  readonly rivals: readonly MethodName[];
}

function memo<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/** Grid points per axis: 400 (the paper's 2000 changes the paper problems' GMKI L1 by < 0.002). */
const N = 400;

function paper(id: string, source: string, logPosterior: (a: number, b: number) => number): BenchProblem {
  return {
    id,
    kind: 'paper',
    source,
    box: [-4, 4, N],
    reference: memo(() => gridReference2d(logPosterior, N, -4, 4)),
    anchors: ['gmki-robust', 'gmki-paper'],
    rivals: ['smc', 'dfgmvi', 'uki', 'eki', 'eks'],
  };
}

function density(name: string, lo: number, hi: number): BenchProblem {
  const model = ANALYTIC_DENSITY_MODELS[`analytic-${name}`];
  return {
    id: `${name}-density-2d`,
    kind: 'density',
    source: `UM-Bridge analytic ${name}, log-density model`,
    box: [lo, hi, N],
    reference: memo(() => gridReference2d((a, b) => model.forward([a, b])[0], N, lo, hi)),
    anchors: ['dfgmvi'],
    rivals: ['smc'],
  };
}

/** Every problem, in the order of the table. Boxes as test/core/methods/log-density-targets.test.ts. */
export const BENCH_PROBLEMS: readonly BenchProblem[] = [
  paper('two-modal-2d', '§5.2, prior mean (0, 0), K = 3', twoModalLogPosterior([0, 0])),
  paper('two-modal-2d-shifted', '§5.2, prior mean (0.5, 0), K = 3', twoModalLogPosterior([0.5, 0])),
  paper('four-modal-2d', '§5.3, prior mean (0.5, 0), K = 6', fourModalLogPosterior([0.5, 0])),
  density('gaussian-mixture', -6, 6),
  density('banana', -8, 8),
  density('donut', -4, 4),
  density('funnel', -8, 8),
];
