/**
 * Diagnostics of a finished (or stopped) run from its history alone, for the run view and the
 * CLI: what in the result deserves a second look, as structured findings with a plain-language
 * message each, and whether the result may be missing posterior mass, with what helps.
 *
 * Findings (each names components by number from 0, as the files do; so do the messages):
 * - `duplicate-components`: two components describe the same region (Bhattacharyya coefficient
 *   > 0.5, core/gmki/overlap.ts). Harmless for the density; K is larger than needed there.
 * - `weight-at-floor`: components whose weight sits at the floor, and since which iteration.
 * - `parked-on-fit` (warning): a component at the floor where the model fits the data as well as
 *   where the mass is (misfit at its predicted mean within MISFIT_MARGIN of the best heavy
 *   component's) and that duplicates no heavy component — the paper's failure of a component on
 *   a real mode with its weight parked at the floor (`gmki-algorithm.md` §7.2).
 * - `straddling-component` (warning): a heavy component within which the model turns strongly
 *   (η > 1, gmki-robust only), e.g. a Gaussian spread across a saddle between two modes.
 * - `poor-fit-component` (warning): a component with ≥ 1 % of the mass whose predicted mean fits
 *   the data much worse (by more than POOR_FIT_MARGIN) than the best heavy component — typically
 *   a Gaussian parked on a saddle between modes, holding mass that belongs to modes on either side.
 * - `not-converged` (warning): mass still moving between regions over the last iterations
 *   (weights summed over groups of duplicate components, so that mass trading between two
 *   components on the same mode, which leaves the density unchanged, does not count).
 * - `degenerate-covariance`: condition number above 1e3 (info: standard deviations 30× apart, a
 *   Gaussian stretched along a curved ridge, as on the circle problem) or 1e8 (warning: numerically singular), or a final
 *   Cholesky that needed jitter.
 * - `skipped-component`, `failed-evaluations`: evaluations that failed and were left out
 *   (settings.onEvaluationFailure "skip"; failure-findings.ts); a warning when the last iteration
 *   skipped a component.
 * - `exploding-covariance` (warning): a component's largest variance grew more than 10⁴-fold
 *   over the initial mixture's, or grew at each of the last iterations to ten times what it was
 *   (covariance-growth.ts) — the run is following no posterior there.
 * - `problem-warning` (warning): the problem's own warnings (core/problem/warnings.ts, e.g. one
 *   observation and no prior), when the caller passes them.
 * `mayMissMass` is true when a warning says mass may be missing; `messages` lists every finding's
 * message, warnings first.
 */
import type { IterationRecord } from '../inversion/types';
import { overlapTable } from '../gmki/overlap';
import { symmetricEigenvalues } from '../linalg/eigen';
import { range } from '../util/range';
import { failureFindings } from './failure-findings';
import { covarianceGrowthFinding, problemWarningFindings } from './covariance-growth';

export type FindingKind =
  | 'duplicate-components'
  | 'weight-at-floor'
  | 'parked-on-fit'
  | 'straddling-component'
  | 'poor-fit-component'
  | 'not-converged'
  | 'degenerate-covariance'
  | 'skipped-component'
  | 'failed-evaluations'
  | 'exploding-covariance'
  | 'problem-warning';

export interface Finding {
  readonly kind: FindingKind;
  readonly severity: 'info' | 'warning';
  /** 0-based component indices the finding is about. */
  readonly components: readonly number[];
  /** The measured figure: overlap, weight, iterations, η, weight change or condition number. */
  readonly value: number;
  /** One or two plain sentences, with a suggestion when one helps. */
  readonly message: string;
}

export interface RunDiagnostics {
  readonly findings: readonly Finding[];
  /** Every finding's message, warnings first. */
  readonly messages: readonly string[];
  /** Some warning says the result may be missing posterior mass. */
  readonly mayMissMass: boolean;
  /** Per component of the final mixture: condition number of its covariance. */
  readonly conditionNumbers: readonly number[];
}

export interface DiagnoseOptions {
  /** The run's weight floor (settings.minWeight); default 1e-15. */
  readonly minWeight?: number;
  /** The problem's warnings (core/problem/warnings.ts `problemWarnings`), reported as findings. */
  readonly problemWarnings?: readonly { readonly path: string; readonly message: string }[];
}

/** Heavy: weight ≥ this, the components whose fit defines "where the mass is". */
const HEAVY_WEIGHT = 0.01;
/** A parked component fits "as well" when its misfit is at most this much above the best heavy one's (nats). */
const MISFIT_MARGIN = 2;
/** A heavy component fits "much worse" when its misfit exceeds the best heavy one's by more than this (nats). */
const POOR_FIT_MARGIN = 4;
/** Region masses moved more than this (absolute) over the last CONVERGENCE_WINDOW iterations: not converged. */
const WEIGHT_CHANGE_LIMIT = 0.02;
const CONVERGENCE_WINDOW = 3;
const DUPLICATE_OVERLAP = 0.5;
const STRADDLE_NONLINEARITY = 1;

const MORE = 'more components (settings.components) or a longer run (settings.iterations)';

/**
 * @param history iteration records in order, iteration 0 (the initial mixture) first; at least one
 */
export function diagnoseRun(history: readonly IterationRecord[], options: DiagnoseOptions = {}): RunDiagnostics {
  if (history.length === 0) throw new RangeError('history: expected at least one iteration record, got none');
  const last = history[history.length - 1];
  const mixture = last.mixture;
  const K = mixture.nComponents;
  const d = mixture.nTheta;
  const weights = Array.from(mixture.logWeights, Math.exp);
  const floor = Math.max(10 * (options.minWeight ?? 1e-15), 1e-12);
  const findings: Finding[] = [];
  const overlap = overlapTable(mixture).coefficients;
  const heavy = range(K).filter((k) => weights[k] >= HEAVY_WEIGHT);

  for (let i = 0; i < K; i++)
    for (let j = i + 1; j < K; j++) {
      const bc = overlap[i * K + j];
      if (bc > DUPLICATE_OVERLAP && weights[i] > floor && weights[j] > floor)
        findings.push({
          kind: 'duplicate-components',
          severity: 'info',
          components: [i, j],
          value: bc,
          message: `Components ${i} and ${j} describe the same region (overlap ${bc.toFixed(2)}); one of them would be enough there.`,
        });
    }

  const parked = range(K).filter((k) => weights[k] <= floor);
  if (parked.length > 0) {
    const since = parked.map((k) => parkedSince(history, k, floor));
    findings.push({
      kind: 'weight-at-floor',
      severity: 'info',
      components: parked,
      value: Math.min(...since),
      message: `${parked.length === 1 ? 'Component' : 'Components'} ${list(parked)} ${parked.length === 1 ? 'has' : 'have'} weight at the floor (since iteration ${list(since)}): ${parked.length === 1 ? 'it adds' : 'they add'} nothing to the result.`,
    });
  }

  const misfit = last.diagnostics.misfit;
  // A component skipped in the last iteration (its evaluations failed) has no misfit (NaN).
  const fitted = heavy.filter((k) => Number.isFinite(misfit[k]));
  if (misfit.length === K && fitted.length > 0) {
    const bestHeavy = Math.min(...fitted.map((k) => misfit[k]));
    for (const k of parked) {
      const duplicatesHeavy = heavy.some((h) => overlap[k * K + h] > DUPLICATE_OVERLAP);
      if (!duplicatesHeavy && misfit[k] <= bestHeavy + MISFIT_MARGIN)
        findings.push({
          kind: 'parked-on-fit',
          severity: 'warning',
          components: [k],
          value: misfit[k],
          message:
            `Component ${k} sits where the model fits the data about as well as where the mass is (misfit ${misfit[k].toFixed(1)} vs ${bestHeavy.toFixed(1)}), ` +
            `but its weight is at the floor: the result may be missing the mass of a mode there. Try ${MORE}, or the method gmki-robust.`,
        });
    }
  }

  if (misfit.length === K && fitted.length > 0) {
    const bestHeavy = Math.min(...fitted.map((k) => misfit[k]));
    for (const k of heavy)
      if (misfit[k] > bestHeavy + POOR_FIT_MARGIN)
        findings.push({
          kind: 'poor-fit-component',
          severity: 'warning',
          components: [k],
          value: misfit[k],
          message:
            `Component ${k} carries ${(100 * weights[k]).toFixed(0)} % of the mass but sits where the model fits the data poorly (misfit ${misfit[k].toFixed(1)} vs ${bestHeavy.toFixed(1)}): ` +
            `it may be spread across several modes, whose mass the result then misplaces. Try ${MORE}, or the method gmki-robust.`,
        });
  }

  const eta = last.diagnostics.nonlinearity;
  if (eta && eta.length === K)
    for (const k of heavy)
      if (eta[k] > STRADDLE_NONLINEARITY)
        findings.push({
          kind: 'straddling-component',
          severity: 'warning',
          components: [k],
          value: eta[k],
          message:
            `The model turns strongly within component ${k} (weight ${weights[k].toFixed(2)}): it may be spread across several modes or a ridge it cannot follow, ` +
            `so the result may misplace mass there. Try ${MORE}.`,
        });

  const window = history.slice(-CONVERGENCE_WINDOW - 1);
  if (window.length > 1 && window[0].mixture.nComponents === K) {
    const group = duplicateGroups(overlap, K);
    const first = Array.from(window[0].mixture.logWeights, Math.exp);
    const groupMass = (w: readonly number[]) => {
      const mass = new Array<number>(K).fill(0);
      w.forEach((x, k) => (mass[group[k]] += x));
      return mass;
    };
    const before = groupMass(first);
    const after = groupMass(weights);
    const moved = range(K).filter((k) => Math.abs(after[group[k]] - before[group[k]]) > WEIGHT_CHANGE_LIMIT);
    const change = Math.max(...after.map((m, g) => Math.abs(m - before[g])));
    if (change > WEIGHT_CHANGE_LIMIT)
      findings.push({
        kind: 'not-converged',
        severity: 'warning',
        components: moved,
        value: change,
        message: `The mass of some regions still changed by up to ${change.toFixed(3)} over the last ${window.length - 1} iterations: the run has not settled and mass may still be moving between modes. Try a longer run (settings.iterations).`,
      });
  }

  const conditionNumbers = range(K).map((k) => {
    const eigenvalues = symmetricEigenvalues(mixture.covariances.subarray(k * d * d, (k + 1) * d * d), d);
    return eigenvalues[0] > 0 ? eigenvalues[d - 1] / eigenvalues[0] : Infinity;
  });
  const jitter = last.diagnostics.jitter;
  for (let k = 0; k < K; k++) {
    const cond = conditionNumbers[k];
    const jittered = jitter.length === K && jitter[k] > 0;
    if (cond > 1e3 || jittered)
      findings.push({
        kind: 'degenerate-covariance',
        severity: cond > 1e8 || jittered ? 'warning' : 'info',
        components: [k],
        value: cond,
        message:
          cond > 1e8 || jittered
            ? `The covariance of component ${k} is nearly singular (condition number ${cond.toExponential(1)}${jittered ? ', and a Cholesky factorisation needed jitter' : ''}): some direction is not constrained or has collapsed.`
            : `Component ${k} is very elongated (condition number ${cond.toExponential(1)}): a Gaussian stretched along a curved ridge of the posterior describes it poorly.`,
      });
  }

  findings.push(...failureFindings(history));
  const growth = covarianceGrowthFinding(history);
  if (growth) findings.push(growth);
  findings.push(...problemWarningFindings(options.problemWarnings ?? []));

  findings.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'warning' ? -1 : 1));
  const mayMissMass = findings.some((f) => f.severity === 'warning' && f.kind !== 'degenerate-covariance');
  return { findings, messages: findings.map((f) => f.message), mayMissMass, conditionNumbers };
}

/** Group index per component: duplicates (overlap > DUPLICATE_OVERLAP), transitively, share a group. */
function duplicateGroups(overlap: Float64Array, K: number): number[] {
  const group = range(K);
  const find = (k: number): number => (group[k] === k ? k : (group[k] = find(group[k])));
  for (let i = 0; i < K; i++) for (let j = i + 1; j < K; j++) if (overlap[i * K + j] > DUPLICATE_OVERLAP) group[find(j)] = find(i);
  return range(K).map(find);
}

/** "0, 3 and 4": component numbers (from 0, as in the files) or iterations. */
function list(values: readonly number[]): string {
  const text = values.map(String);
  return text.length <= 1 ? text.join('') : `${text.slice(0, -1).join(', ')} and ${text[text.length - 1]}`;
}

/** The first iteration from which component k's weight stayed at or below `floor` to the end. */
function parkedSince(history: readonly IterationRecord[], k: number, floor: number): number {
  let since = history[history.length - 1].iteration;
  for (let i = history.length - 1; i >= 0; i--) {
    const mixture = history[i].mixture;
    if (k >= mixture.nComponents || Math.exp(mixture.logWeights[k]) > floor) break;
    since = history[i].iteration;
  }
  return since;
}
