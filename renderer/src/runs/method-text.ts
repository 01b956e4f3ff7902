/**
 * What the run page says that depends on the run's method (core/methods/README.md): what its
 * result is, and where an smc run's tempering ended (its log-evidence, or why it has none) — the
 * app's words for what `gmki` prints (electron/cli/method-lines.ts).
 */
import { isParticleMethod, particlesOf, smcIterationBound } from '../../../core/methods/budget';
import { isGmkiMethod, type MethodName } from '../../../core/problem/types';
import type { RunRecord } from '../../../electron/contract/types';
import type { SmcDiagnostics } from '../../../core/inversion/types';

/** Whether runs of `method` have mixture weights to follow (GMKI, dfgmvi); uki's one Gaussian and the particle runs' summary have none. */
export function hasMixtureWeights(method: string): boolean {
  return method !== 'uki' && !isParticleMethod(method);
}

/** The "About the result" paragraph of a run of `method`. */
export function aboutResult(method: string): string {
  if (method === 'uki') {
    return 'The posterior uki found: one Gaussian (uki cannot describe a second mode). The corner plot shows its density per parameter and per pair, the table its mean and spread, the predictive chart how well the model at its mean fits the data. The record below says exactly how to reproduce the run.';
  }
  if (method === 'eki') {
    return 'eki is an optimiser: its particles gather at the most likely parameters, and their spread shrinks below the posterior’s. The corner plot draws the final particles, the table their mean and spread as one Gaussian. The record below says exactly how to reproduce the run.';
  }
  if (isParticleMethod(method)) {
    const extra = method === 'smc' ? ' Above them: the log-evidence the run measured.' : '';
    return `The posterior of this ${method} run is its particles. The corner plot draws them — histograms of the particles and a smooth estimate of their density — so every mode they found shows; the table gives their mean and spread as one Gaussian, which hides modes.${extra} The record below says exactly how to reproduce the run.`;
  }
  return 'The posterior GMKI found: a mixture of Gaussian components. The corner plot shows each parameter’s density and every pair’s joint density; the table lists the components; the predictive chart shows how well the model at each component’s mean fits the data. The record below says exactly how to reproduce the run.';
}

/** The reproducibility record's Method line: the method and the size of what it ran. */
export function methodLine(run: Pick<RunRecord, 'method' | 'components' | 'iterations' | 'problem'>): string {
  const settings = run.problem.settings;
  const planned = `${run.iterations} iteration${run.iterations === 1 ? '' : 's'} planned`;
  if (isGmkiMethod(run.method as MethodName)) return `${run.method}, K = ${run.components}, ${planned}`;
  if (run.method === 'uki') return `uki (one Gaussian), ${planned}`;
  if (run.method === 'smc') {
    return `smc, J = ${particlesOf(settings)} particles, ≤ ${settings.mhSteps} MH steps per stage, ≤ ${settings.maxStages} stages (at most ${smcIterationBound(settings)} iterations)`;
  }
  if (isParticleMethod(run.method)) return `${run.method}, J = ${particlesOf(settings)} particles, ${planned}`;
  return `${run.method}, ${planned}`;
}

/** Where an smc run's tempering ended, as a sentence and whether it is a warning. */
export interface TemperingOutcome {
  readonly text: string;
  readonly warning: boolean;
}

/** Numbers as the page shows them: 4 significant digits. */
function short(x: number): string {
  return String(Number(x.toPrecision(4)));
}

/**
 * The log-evidence once β reached 1, or why there is none (the run stopped at maxStages, or has
 * not finished its tempering). Null without smc figures.
 */
export function temperingOutcome(smc: SmcDiagnostics | undefined | null, maxStages: number): TemperingOutcome | null {
  if (!smc) return null;
  const stages = `${smc.stage} stage${smc.stage === 1 ? '' : 's'}`;
  if (smc.logEvidence !== null && smc.logEvidence !== undefined) {
    return { text: `Log-evidence log p(y) = ${short(smc.logEvidence)} (β = 1 after ${stages}).`, warning: false };
  }
  if (smc.finished) {
    return {
      text: `The run stopped after ${stages} (most stages: ${maxStages}) at β = ${short(smc.beta)}: its particles sample a flattened posterior, not the posterior, and there is no log-evidence. Raise the most stages (or the MH steps) and run again.`,
      warning: true,
    };
  }
  return { text: `Tempering at β = ${short(smc.beta)} after ${stages}: no log-evidence until β reaches 1.`, warning: true };
}
