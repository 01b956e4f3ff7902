/**
 * The words `gmki` uses for what differs between methods (core/methods/README.md): a run's
 * settings in one line, the heading of its result, the figures of its progress line.
 */
import { particlesOf } from '../../core/methods/budget';
import { isGmkiMethod, type MethodName, type RunSettings } from '../../core/problem/types';
import type { RunProgress } from '../services/runs/progress';
import { formatNumber, formatWeight } from './format';

/** `method gmki-robust, K = 3, Δt = 0.5, seed 1, exploration monte-carlo` and the like. */
export function methodSettingsText(settings: RunSettings): string {
  const { method, dt, seed } = settings;
  if (isGmkiMethod(method)) return `method ${method}, K = ${settings.components}, Δt = ${dt}, seed ${seed}, exploration ${settings.exploration.method}`;
  if (method === 'uki') return `method uki (one Gaussian), Δt = ${dt}, seed ${seed}`;
  return `method ${method}, J = ${particlesOf(settings)} particles, Δt = ${dt}, seed ${seed}`;
}

/** What a run's stored result is called: `mixture` (GMKI), `Gaussian` (uki) or `ensemble`. */
export function resultNoun(method: string): string {
  if (isGmkiMethod(method as MethodName)) return 'mixture';
  return method === 'uki' ? 'Gaussian' : 'ensemble';
}

/** What the k-th block of a run's result is: a weighted component (GMKI), or the method's one Gaussian. */
export function resultHeading(method: string, k: number, weight: number): string {
  if (isGmkiMethod(method as MethodName)) return `component ${k}  weight ${formatWeight(weight)}`;
  return method === 'uki' ? 'the Gaussian' : 'the ensemble (mean and spread of its particles)';
}

/** The method's figures at the end of a progress line: GMKI's weights and best misfit, or the misfit. */
export function progressFigures(progress: RunProgress): string {
  const misfit = progress.misfit.length > 0 ? formatNumber(Math.min(...progress.misfit)) : '–';
  if (progress.method === undefined || isGmkiMethod(progress.method as MethodName)) {
    return `weights ${progress.weights.map(formatWeight).join(' ')}  best misfit ${misfit}`;
  }
  return `misfit ${misfit}`;
}
