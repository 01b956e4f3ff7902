/**
 * What a run of each method costs, from its settings alone (before it starts): the batch size
 * of every iteration, the iterations it plans, and whether that total is exact or an upper
 * bound. The CLI, the run store, progress events and the app's budget all read it here.
 */
import type { RunSettings } from '../problem/types';
import { assertNever } from '../util/assertNever';

export interface EvaluationBudget {
  /** Forward evaluations of every iteration. */
  readonly perIteration: number;
  /** Iterations the run plans. */
  readonly iterations: number;
  /** perIteration × iterations. */
  readonly total: number;
  /** `exact`: the run does exactly `total`; `at-most`: it may stop earlier. */
  readonly bound: 'exact' | 'at-most';
}

/**
 * J when `particles` is null: EnsembleKalmanProcesses' examples use 50–100 ensemble members,
 * PyMC's `sample_smc` draws 2000.
 */
export const DEFAULT_PARTICLES = Object.freeze({ eki: 100, eks: 100, smc: 2000 });

/** J, the particles of a particle method: `particles`, or the method's default. */
export function particlesOf(settings: Pick<RunSettings, 'method' | 'particles'>): number {
  if (settings.particles !== null) return settings.particles;
  switch (settings.method) {
    case 'eki':
    case 'eks':
    case 'smc':
      return DEFAULT_PARTICLES[settings.method];
    default:
      throw new RangeError(`particles: the method ${settings.method} has no particles`);
  }
}

/**
 * Whether a run of `method` evaluates particles (eki, eks, smc) rather than sigma points of
 * Gaussian components: its ledger's `component` column then counts particles, and its iterations
 * store an ensemble.
 */
export function isParticleMethod(method: string): boolean {
  return method === 'eki' || method === 'eks' || method === 'smc';
}

/** K of a GMKI run: the explicit initialization's weights, or `components`. */
export function componentsOf(settings: Pick<RunSettings, 'components' | 'initialization'>): number {
  return settings.initialization.type === 'explicit' ? settings.initialization.weights.length : settings.components;
}

/** Gaussian components of the mixture a run stores each iteration: K for GMKI, 1 (a Gaussian summary) otherwise. */
export function summaryComponents(settings: RunSettings): number {
  switch (settings.method) {
    case 'gmki-paper':
    case 'gmki-robust':
    case 'dfgmvi':
      return componentsOf(settings);
    case 'uki':
    case 'eki':
    case 'eks':
    case 'smc':
      return 1;
    default:
      return assertNever(settings.method);
  }
}

/** The budget of a run with these settings and d parameters. */
export function evaluationBudget(settings: RunSettings, nTheta: number): EvaluationBudget {
  switch (settings.method) {
    case 'gmki-paper':
    case 'gmki-robust':
    case 'dfgmvi':
      return exactly(componentsOf(settings) * (2 * nTheta + 1), settings.iterations);
    case 'uki':
      return exactly(2 * nTheta + 1, settings.iterations);
    case 'eki':
    case 'eks':
      return exactly(particlesOf(settings), settings.iterations);
    case 'smc':
      // One batch of J for the draws of π0, then one per MH step: at most maxStages·mhSteps more.
      return atMost(particlesOf(settings), smcIterationBound(settings));
    default:
      return assertNever(settings.method);
  }
}

/**
 * Why a completed run of `method` cannot be given more iterations, or null when it can: smc ends
 * where its tempering ends (β = 1), so there is nothing to continue.
 */
export function extensionRefusal(method: RunSettings['method']): string | null {
  return method === 'smc' ? 'an smc run ends when its tempering reaches the posterior (β = 1); for more accuracy start a new run with more particles or MH steps' : null;
}

/** The most iterations an smc run can take: 1 + maxStages·mhSteps. */
export function smcIterationBound(settings: Pick<RunSettings, 'maxStages' | 'mhSteps'>): number {
  return 1 + settings.maxStages * settings.mhSteps;
}

function atMost(perIteration: number, iterations: number): EvaluationBudget {
  return { perIteration, iterations, total: perIteration * iterations, bound: 'at-most' };
}

function exactly(perIteration: number, iterations: number): EvaluationBudget {
  return { perIteration, iterations, total: perIteration * iterations, bound: 'exact' };
}
