/**
 * The budget ladders the rivals climb: for each method, one or more series (the knobs held
 * fixed, e.g. smc's MH steps) of budgets in increasing cost, a factor √2 apart in the knob that
 * grows (J particles, or iterations). Every knob not named keeps the method's default.
 *
 * smc: J = 500·√2^k up to 32 000, at most 5 or 25 (the default) MH steps per stage.
 * eki: J = 100·√2^k up to 1 600, 30 or 100 iterations.  eks: the same, 30, 100 or 300 iterations.
 * uki: 10·√2^k iterations up to 320.  dfgmvi (on the paper's problems): 15·√2^k iterations up
 * to 240, with GMKI's K and initial means, with GMKI's K drawn from the prior, or with K = 10
 * drawn from the prior (its gradient flow keeps each component in the basin it starts in, and
 * the paper's initial means all lie on one side of the two-modal problem's modes).
 */
import type { ProblemFile } from '../../core/problem';
import type { MethodName } from '../../core/problem/types';

export type Settings = NonNullable<ProblemFile['settings']>;

export interface Budget {
  /** e.g. "J = 2 000". */
  readonly label: string;
  readonly settings: Settings;
  /** J of a particle method (for its exact-draws floor); null otherwise. */
  readonly particles: number | null;
}

export interface BudgetSeries {
  readonly method: MethodName;
  /** What the series holds fixed, e.g. "MH steps ≤ 5". */
  readonly label: string;
  readonly budgets: readonly Budget[];
}

/** `base`·√2^k for k = 0…steps, rounded. */
function ladder(base: number, steps: number): number[] {
  return Array.from({ length: steps + 1 }, (_, k) => Math.round(base * Math.SQRT2 ** k));
}

const PRIOR_START: Settings = { initialization: { type: 'prior' } };

function particleSeries(method: MethodName, label: string, fixed: Settings, base: number, steps: number, maxParticles: number): BudgetSeries {
  return {
    method,
    label,
    budgets: ladder(base, steps)
      .filter((J) => J <= maxParticles)
      .map((J) => ({ label: `J = ${J}`, settings: { method, particles: J, ...fixed, ...PRIOR_START }, particles: J })),
  };
}

function iterationSeries(method: MethodName, label: string, fixed: Settings, base: number, steps: number): BudgetSeries {
  return {
    method,
    label,
    budgets: ladder(base, steps).map((n) => ({ label: `${n} iterations`, settings: { method, iterations: n, ...fixed }, particles: null })),
  };
}

/**
 * The series of `method`; smc's J stops at `maxParticles`. `firstOnly` (the bench's --quick)
 * keeps the first series of each method.
 */
export function budgetSeries(method: MethodName, maxParticles: number, firstOnly = false): BudgetSeries[] {
  const series = allSeries(method, maxParticles);
  return firstOnly ? series.slice(0, 1) : series;
}

function allSeries(method: MethodName, maxParticles: number): BudgetSeries[] {
  switch (method) {
    case 'smc':
      return [5, 25].map((mhSteps) => particleSeries('smc', `MH steps ≤ ${mhSteps}`, { mhSteps }, 500, 12, maxParticles));
    case 'eki':
      return [30, 100].map((iterations) => particleSeries('eki', `${iterations} iterations`, { iterations }, 100, 8, Infinity));
    case 'eks':
      return [30, 100, 300].map((iterations) => particleSeries('eks', `${iterations} iterations`, { iterations }, 100, 8, Infinity));
    case 'uki':
      return [iterationSeries('uki', 'one Gaussian', PRIOR_START, 10, 10)];
    case 'dfgmvi':
      return [
        iterationSeries('dfgmvi', 'GMKI’s K and start', {}, 15, 8),
        iterationSeries('dfgmvi', 'GMKI’s K, prior start', PRIOR_START, 15, 8),
        iterationSeries('dfgmvi', 'K = 10, prior start', { components: 10, ...PRIOR_START }, 15, 8),
      ];
    default:
      throw new Error(`${method} has no budget ladder (it is an anchor)`);
  }
}
