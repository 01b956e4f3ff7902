/**
 * The words `gmki` uses for what differs between methods (core/methods/README.md): a run's
 * settings in one line, the heading of its result, the figures of its progress line.
 */
import { particlesOf } from '../../core/methods/budget';
import { isGmkiMethod, type MethodName, type RunSettings } from '../../core/problem/types';
import type { RunProgress } from '../services/runs/progress';
import type { SmcDiagnostics } from '../../core/inversion/types';
import { formatNumber, formatWeight, plural } from './format';

/** `method gmki-robust, K = 3, Δt = 0.5, seed 1, exploration monte-carlo` and the like. */
export function methodSettingsText(settings: RunSettings): string {
  const { method, dt, seed } = settings;
  if (isGmkiMethod(method)) return `method ${method}, K = ${settings.components}, Δt = ${dt}, seed ${seed}, exploration ${settings.exploration.method}`;
  if (method === 'uki') return `method uki (one Gaussian), Δt = ${dt}, seed ${seed}`;
  if (method === 'smc') {
    return (
      `method smc, J = ${particlesOf(settings)} particles, ≤ ${settings.mhSteps} MH steps per stage, ≤ ${settings.maxStages} stages, ` +
      `ESS threshold ${settings.essThreshold}, seed ${seed}`
    );
  }
  return `method ${method}, J = ${particlesOf(settings)} particles, Δt = ${dt}, seed ${seed}`;
}

/**
 * Where an smc run's tempering ended: `log-evidence log p(y) = −2.93 (β = 1 after 2 stages)`, or a
 * warning when it stopped at maxStages before the posterior. Null for other methods.
 */
export function temperingOutcome(smc: SmcDiagnostics | undefined, maxStages: number): { text: string; warning: boolean } | null {
  if (!smc) return null;
  if (smc.logEvidence !== null) {
    return { text: `log-evidence log p(y) = ${formatNumber(smc.logEvidence)} (β = 1 after ${plural(smc.stage, 'stage')})`, warning: false };
  }
  return {
    text:
      `smc stopped after ${plural(smc.stage, 'stage')} (maxStages = ${maxStages}) at β = ${formatNumber(smc.beta)}: its particles sample ` +
      'a tempered posterior, not the posterior, and there is no log-evidence. Raise settings.maxStages (or settings.mhSteps) and run again.',
    warning: true,
  };
}

/** What a run's stored result is called: `mixture` (GMKI), `Gaussian` (uki) or `ensemble`. */
export function resultNoun(method: string): string {
  if (isGmkiMethod(method as MethodName)) return 'mixture';
  return method === 'uki' ? 'Gaussian' : 'ensemble';
}

/** What the k-th block of a run's result is: a weighted component (GMKI), or the method's one Gaussian. */
export function resultHeading(method: string, k: number, weight: number): string {
  if (isGmkiMethod(method as MethodName)) return `component ${k}  weight ${formatWeight(weight)}`;
  if (method === 'uki') return 'the Gaussian';
  return method === 'smc' ? 'the particles (their mean and spread)' : 'the ensemble (mean and spread of its particles)';
}

/** The method's figures at the end of a progress line: GMKI's weights and best misfit, or the misfit. */
export function progressFigures(progress: RunProgress): string {
  // A component skipped because its evaluations failed has no misfit (NaN).
  const finite = progress.misfit.filter(Number.isFinite);
  const misfit = finite.length > 0 ? formatNumber(Math.min(...finite)) : '–';
  if (progress.method === undefined || isGmkiMethod(progress.method as MethodName)) {
    return `weights ${progress.weights.map(formatWeight).join(' ')}  best misfit ${misfit}`;
  }
  const tempering = progress.tempering;
  if (!tempering) return `misfit ${misfit}`;
  const evidence = tempering.logEvidence === null ? '' : `  log-evidence ${formatNumber(tempering.logEvidence)}`;
  return (
    `stage ${tempering.stage}  step ${tempering.step}/${tempering.steps}  β ${formatNumber(tempering.beta)}  ` +
    `ESS ${Math.round(tempering.ess)}  misfit ${misfit}${evidence}`
  );
}
