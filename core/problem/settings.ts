/**
 * Run settings with every default filled in (`problem-format.md` §1.2). GMKI's own defaults come
 * from `DEFAULT_GMKI_CONFIG` (one documented place); the host-side ones live here.
 */
import type { ExplorationSettings, InitializationSettings, RunSettings } from './types';
import type { SettingsEntry } from './schema';
import { DEFAULT_GMKI_CONFIG } from '../gmki/config';
import { MAX_CONCURRENCY } from './limits';

/**
 * smc's defaults: PyMC 3's 25 MH steps per stage at most and PyMC's threshold 0.5 (an ESS of J/2
 * each stage); 20 stages reach β = 1 on every example problem with room to spare.
 */
export const DEFAULT_SMC_SETTINGS = Object.freeze({ mhSteps: 25, maxStages: 20, essThreshold: 0.5 });

/**
 * Failed evaluations stop a run unless the file says otherwise (files written before the setting
 * existed keep their meaning). With `skip`, an iteration where more than half of the evaluations
 * failed stops the run: a model that fails that often is broken rather than unlucky, and a
 * component of GMKI lost whole to a region where the model fails (1/K of the batch, K ≥ 2) stays
 * below it.
 */
export const DEFAULT_FAILURE_SETTINGS = Object.freeze({ onEvaluationFailure: 'stop', maxFailureFraction: 0.5 } as const);

/** Samples drawn from the final mixture for `samples.csv` and exports. */
export const DEFAULT_POSTERIOR_SAMPLES = 10_000;

/** Options of settings resolution that depend on the host. */
export interface SettingsOptions {
  /** Number of CPU cores of the host: the default `concurrency` (1 when unknown). */
  readonly cpuCount?: number;
}

/**
 * Monte Carlo sample count when a file writes `{ "method": "monte-carlo" }` without `samples`:
 * the default exploration's, which is Monte Carlo (the fallback only satisfies the type checker).
 */
const DEFAULT_MONTE_CARLO_SAMPLES = DEFAULT_GMKI_CONFIG.exploration.method === 'monte-carlo' ? DEFAULT_GMKI_CONFIG.exploration.samples : 10_000;

function resolveExploration(entry: SettingsEntry['exploration']): ExplorationSettings {
  if (entry === undefined) return DEFAULT_GMKI_CONFIG.exploration;
  if (entry.method === 'disjoint') return { method: 'disjoint' };
  return { method: 'monte-carlo', samples: entry.samples ?? DEFAULT_MONTE_CARLO_SAMPLES };
}

function resolveInitialization(entry: SettingsEntry['initialization']): InitializationSettings {
  if (entry === undefined || entry.type === 'prior') return { type: 'prior' };
  return { type: 'explicit', weights: entry.weights, means: entry.means, covariances: entry.covariances };
}

/** A usable default concurrency from a host's CPU count (anything odd → 1), at most MAX_CONCURRENCY. */
function defaultConcurrency(cpuCount: number | undefined): number {
  return cpuCount !== undefined && Number.isFinite(cpuCount) && cpuCount >= 1 ? Math.min(Math.floor(cpuCount), MAX_CONCURRENCY) : 1;
}

/**
 * The settings of a run: the file's values, the rest from the defaults. With explicit
 * initialization, K is the number of its weights (validation made sure `components` agrees).
 * Expects `entry` to have passed the schema and the semantic checks.
 */
export function resolveSettings(entry: SettingsEntry | undefined, options: SettingsOptions = {}): RunSettings {
  const s = entry ?? {};
  const initialization = resolveInitialization(s.initialization);
  const components = initialization.type === 'explicit' ? initialization.weights.length : (s.components ?? DEFAULT_GMKI_CONFIG.nComponents);
  return {
    method: s.method ?? DEFAULT_GMKI_CONFIG.method,
    components,
    dt: s.dt ?? DEFAULT_GMKI_CONFIG.dt,
    iterations: s.iterations ?? DEFAULT_GMKI_CONFIG.iterations,
    seed: s.seed ?? DEFAULT_GMKI_CONFIG.seed,
    initialization,
    exploration: resolveExploration(s.exploration),
    minWeight: s.minWeight ?? DEFAULT_GMKI_CONFIG.minWeight,
    sigmaPointAlpha: s.sigmaPointAlpha === undefined ? DEFAULT_GMKI_CONFIG.sigmaPointAlpha : s.sigmaPointAlpha,
    splitThreshold: s.splitThreshold ?? DEFAULT_GMKI_CONFIG.splitThreshold,
    settleIterations: s.settleIterations === undefined ? DEFAULT_GMKI_CONFIG.settleIterations : s.settleIterations,
    modeSearch: s.modeSearch ?? DEFAULT_GMKI_CONFIG.modeSearch,
    particles: s.particles ?? null,
    mhSteps: s.mhSteps ?? DEFAULT_SMC_SETTINGS.mhSteps,
    maxStages: s.maxStages ?? DEFAULT_SMC_SETTINGS.maxStages,
    essThreshold: s.essThreshold ?? DEFAULT_SMC_SETTINGS.essThreshold,
    onEvaluationFailure: s.onEvaluationFailure ?? DEFAULT_FAILURE_SETTINGS.onEvaluationFailure,
    maxFailureFraction: s.maxFailureFraction ?? DEFAULT_FAILURE_SETTINGS.maxFailureFraction,
    concurrency: s.concurrency ?? defaultConcurrency(options.cpuCount),
    posteriorSamples: s.posteriorSamples ?? DEFAULT_POSTERIOR_SAMPLES,
  };
}
