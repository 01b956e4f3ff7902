/**
 * The mode-discovery benchmark suite of issue 5, shared by `npm run bench:modes` and the tests:
 * each case is an example problem (core/problem/examples.ts) run under a method and a seed, scored
 * by its exact reference (L1, and the mass the mixture gives each mode's basin, basins.ts).
 *
 * 1. four-mode-3d: L1 of the full 3-D density (four-mode-3d.ts); basins = quadrants of (θ1, θ2).
 * 2. rotated-bimodal-10d: L1 of the (φ1, φ2) marginal + relative errors of φ3…φ10's mean and std
 *    (rotated-bimodal.ts); basins = quadrants of (φ1, φ2).
 * 3. the paper's problems with the notebooks' L1 (test/support/grid-l1.ts): two-modal μ0 = 0
 *    (K = 3; basins: sign of θ2 − θ1), four-modal μ0 = (0.5, 0) (K = 6; signs of θ2 − θ1 and
 *    θ2 + θ1), square map σ_η = 0.2, μ0 = 3 (K = 3; sign of θ). Each runs twice: from the paper's
 *    explicit initial means (seeds then only change the Monte Carlo samples) and from
 *    `{ "type": "prior" }` initialization (seeds also change the initial means).
 */
import type { Mixture } from '../../../core/gmki/state';
import { createInversion } from '../../../core/inversion';
import { getBuiltinModel, getExampleProblem, parseProblem } from '../../../core/problem';
import type { GmkiMethod, ProblemFile, ResolvedProblem } from '../../../core/problem';
import {
  fourModalLogPosterior,
  gridReference1d,
  gridReference2d,
  mixtureL1OnGrid1d,
  mixtureL1OnGrid2d,
  squareMapLogPosterior,
  twoModalLogPosterior,
  type GridReference2d,
} from '../grid-l1';
import { basinOf, massRatios, mixtureBasinMasses } from './basins';
import { FOUR_MODE_FUNCTIONALS, fourModeL1, fourModeReference } from './four-mode-3d';
import { rotatedL1, rotatedLinearErrors, rotatedReference } from './rotated-bimodal';

export interface ModeBenchmark {
  readonly id: string;
  readonly exampleId: string;
  /** Settings written over the example's (e.g. prior initialization). */
  readonly settings?: NonNullable<ProblemFile['settings']>;
  readonly basinFunctionals: () => readonly Float64Array[];
  readonly trueBasinMasses: () => readonly number[];
  readonly l1: (mixture: Mixture) => number;
  /** Further figures (name → value), e.g. the linear coordinates' errors. */
  readonly extra?: (mixture: Mixture) => Record<string, number>;
}

/** Basin masses of a 2-D grid reference: boundary points split evenly. */
function gridBasinMasses(reference: GridReference2d, functionals: readonly Float64Array[]): number[] {
  const masses = new Array<number>(2 ** functionals.length).fill(0);
  const n = reference.grid.length;
  for (let a = 0; a < n; a++)
    for (let b = 0; b < n; b++) {
      const mass = reference.reference[a * n + b] * reference.cell;
      const basin = basinOf([reference.grid[a], reference.grid[b]], functionals);
      if (basin === null) for (let c = 0; c < masses.length; c++) masses[c] += mass / masses.length;
      else masses[basin] += mass;
    }
  const total = masses.reduce((s, x) => s + x, 0);
  return masses.map((m) => m / total);
}

function memo<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

const twoModalRef = memo(() => gridReference2d(twoModalLogPosterior([0, 0]), 1000));
const fourModalRef = memo(() => gridReference2d(fourModalLogPosterior([0.5, 0]), 1000));
const squareMapRef = memo(() => gridReference1d(squareMapLogPosterior(0.2, 3), -4, 4, 2000));
const TWO_MODAL_FUNCTIONALS = [Float64Array.of(-1, 1)];
const FOUR_MODAL_FUNCTIONALS = [Float64Array.of(-1, 1), Float64Array.of(1, 1)];
const SQUARE_FUNCTIONALS = [Float64Array.of(1)];

const paperCases = (init: 'paper' | 'prior'): ModeBenchmark[] => {
  const settings = init === 'prior' ? { initialization: { type: 'prior' as const } } : undefined;
  return [
    {
      id: `two-modal-2d K=3 (${init} init)`,
      exampleId: 'two-modal-2d',
      settings,
      basinFunctionals: () => TWO_MODAL_FUNCTIONALS,
      trueBasinMasses: memo(() => gridBasinMasses(twoModalRef(), TWO_MODAL_FUNCTIONALS)),
      l1: (m) => mixtureL1OnGrid2d(m, twoModalRef()),
    },
    {
      id: `four-modal-2d K=6 (${init} init)`,
      exampleId: 'four-modal-2d',
      settings,
      basinFunctionals: () => FOUR_MODAL_FUNCTIONALS,
      trueBasinMasses: memo(() => gridBasinMasses(fourModalRef(), FOUR_MODAL_FUNCTIONALS)),
      l1: (m) => mixtureL1OnGrid2d(m, fourModalRef()),
    },
    {
      id: `square-map-1d K=3 (${init} init)`,
      exampleId: 'square-map-1d',
      settings,
      basinFunctionals: () => SQUARE_FUNCTIONALS,
      trueBasinMasses: memo(() => {
        const { grid, reference, cell } = squareMapRef();
        let negative = 0;
        for (let i = 0; i < grid.length; i++) if (grid[i] < 0) negative += reference[i] * cell;
        return [1 - negative, negative];
      }),
      l1: (m) => mixtureL1OnGrid1d(m, squareMapRef()),
    },
  ];
};

/** Every case, in the order. */
export const MODE_BENCHMARKS: readonly ModeBenchmark[] = [
  {
    id: 'four-mode-3d K=8',
    exampleId: 'four-mode-3d',
    basinFunctionals: () => FOUR_MODE_FUNCTIONALS,
    trueBasinMasses: () => fourModeReference().basinMasses,
    l1: (m) => fourModeL1(m),
  },
  {
    id: 'rotated-bimodal-10d K=8',
    exampleId: 'rotated-bimodal-10d',
    basinFunctionals: () => rotatedReference().basinFunctionals,
    trueBasinMasses: () => [0.25, 0.25, 0.25, 0.25],
    l1: (m) => rotatedL1(m),
    extra: (m) => {
      const e = rotatedLinearErrors(m);
      return { 'lin. mean rel. err': e.mean, 'lin. std rel. err': e.sd };
    },
  },
  ...paperCases('paper'),
  ...paperCases('prior'),
];

/** The benchmark's problem under `method` and `seed` (plus any further settings). */
export function benchmarkProblem(benchmark: ModeBenchmark, method: GmkiMethod, seed: number, settings: NonNullable<ProblemFile['settings']> = {}): ResolvedProblem {
  const example = getExampleProblem(benchmark.exampleId);
  if (!example) throw new Error(`no example '${benchmark.exampleId}'`);
  const file = structuredClone(example.problem) as ProblemFile;
  file.settings = { ...file.settings, ...benchmark.settings, method, seed, ...settings };
  const parsed = parseProblem(file);
  if (!parsed.ok) throw new Error(`${benchmark.id}: ${JSON.stringify(parsed.errors)}`);
  return parsed.problem;
}

export interface BenchmarkRun {
  readonly l1: number;
  readonly evaluations: number;
  /** Mixture mass / true mass per basin. */
  readonly massRatios: readonly number[];
  /** Every basin got ≥ 1/3 of its true mass. */
  readonly allModesFound: boolean;
  readonly extra: Record<string, number>;
  readonly final: Mixture;
}

/** Runs one case to the end with its built-in model (as a host would) and scores the final mixture. */
export function runBenchmark(benchmark: ModeBenchmark, method: GmkiMethod, seed: number, settings: NonNullable<ProblemFile['settings']> = {}): BenchmarkRun {
  const problem = benchmarkProblem(benchmark, method, seed, settings);
  const model = problem.model.type === 'builtin' ? getBuiltinModel(problem.model.name) : undefined;
  if (!model) throw new Error(`${benchmark.id}: benchmarks use built-in models`);
  const inversion = createInversion(problem);
  while (!inversion.done) inversion.tell(inversion.ask().points.map((p) => model.forward(p.theta)));
  const final = inversion.state.mixture;
  const ratios = massRatios(mixtureBasinMasses(final, benchmark.basinFunctionals()), benchmark.trueBasinMasses());
  return {
    l1: benchmark.l1(final),
    evaluations: inversion.forwardEvaluations,
    massRatios: ratios,
    allModesFound: ratios.every((r) => r >= 1 / 3),
    extra: benchmark.extra?.(final) ?? {},
    final,
  };
}
