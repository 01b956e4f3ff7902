/**
 * The `mixture.json` result file (`problem-format.md` §4) as a pure builder of the JSON object;
 * write it with `stringifyJson`.
 */
import { mixtureToJson } from '../../../core/gmki/state';
import type { Mixture } from '../../../core/gmki/state';
import type { IterationDiagnostics } from '../../../core/inversion/types';
import type { ParticleEnsemble } from '../../../core/methods/types';
import { withAutomaticValues } from '../../../core/problem/automatic-settings';
import type { ProblemFileAsRun } from '../../../core/problem/types';

export const RESULT_FORMAT = 'gmki-result/1';

export interface SoftwareInfo {
  readonly name: string;
  readonly version: string;
}

/** One iteration of a run as the result file records it. */
export interface HistoryEntry {
  /** 0 is the initial mixture. */
  readonly iteration: number;
  readonly mixture: Mixture;
  /** Forward evaluations of the run up to and including this iteration. */
  readonly forwardEvaluations: number;
  /** Seconds since the run started, when this iteration was complete. */
  readonly elapsedSeconds: number;
  /** The ensemble of a particle method (eki, eks, smc); the last entry's is written as `particles`. */
  readonly particles?: ParticleEnsemble | null;
  /** The iteration's diagnostics; the last entry's smc figures are written as `smc`. */
  readonly diagnostics?: IterationDiagnostics;
}

/** Where an smc run's tempering ended. */
export interface SmcResultJson {
  /** log p(y), once β reached 1; null when the run stopped at maxStages before. */
  readonly logEvidence: number | null;
  readonly beta: number;
  readonly stages: number;
}

export interface MixtureResultInput {
  /** The problem as run, every setting resolved (`ResolvedProblem.file`). */
  readonly problem: ProblemFileAsRun;
  readonly parameterNames: readonly string[];
  /** Iterations 0..N in order. */
  readonly history: readonly HistoryEntry[];
  readonly software: SoftwareInfo;
}

type MixtureJson = ReturnType<typeof mixtureToJson>;

/** The final ensemble of a particle method, in u like the mixture. */
export interface ParticlesJson {
  /** J rows of d numbers. */
  readonly positions: readonly (readonly number[])[];
  /** J normalised weights; absent when they are equal. */
  readonly weights?: readonly number[];
  /** J log-likelihoods at the positions; absent when the method has none. */
  readonly logLikelihoods?: readonly number[];
}

export interface MixtureResultJson {
  readonly format: typeof RESULT_FORMAT;
  /** The method that ran (`settings.method`). */
  readonly method: string;
  readonly problem: ProblemFileAsRun;
  readonly parameterNames: readonly string[];
  /** The mixture lives in u, which equals θ for parameters without bounds (§1.1). */
  readonly space: 'unconstrained';
  readonly history: readonly (MixtureJson & {
    readonly iteration: number;
    readonly forwardEvaluations: number;
    readonly elapsedSeconds: number;
  })[];
  /** The final mixture; for a method other than GMKI, the Gaussian summary (K = 1). */
  readonly final: MixtureJson;
  /** Particle methods only: the final ensemble. */
  readonly particles?: ParticlesJson;
  /** smc only: the log-evidence and where the tempering ended. */
  readonly smc?: SmcResultJson;
  readonly forwardEvaluations: number;
  readonly elapsedSeconds: number;
  readonly software: SoftwareInfo;
}

/** Builds the `mixture.json` object; `final` and the totals are those of the last history entry. */
export function buildMixtureJson(input: MixtureResultInput): MixtureResultJson {
  const last = input.history[input.history.length - 1];
  if (!last) throw new RangeError('history: expected at least the initial iteration, got none');
  const history = input.history.map((entry) => ({
    iteration: entry.iteration,
    ...mixtureToJson(entry.mixture),
    forwardEvaluations: entry.forwardEvaluations,
    elapsedSeconds: entry.elapsedSeconds,
  }));
  // Automatic settings (null in the stored problem) are written as the numbers the run used.
  const settings = withAutomaticValues(input.problem.settings, input.parameterNames.length);
  return {
    format: RESULT_FORMAT,
    method: input.problem.settings.method,
    problem: { ...input.problem, settings },
    parameterNames: [...input.parameterNames],
    space: 'unconstrained',
    history,
    final: mixtureToJson(last.mixture),
    ...(last.particles ? { particles: particlesToJson(last.particles) } : {}),
    ...(last.diagnostics?.smc ? { smc: { logEvidence: last.diagnostics.smc.logEvidence, beta: last.diagnostics.smc.beta, stages: last.diagnostics.smc.stage } } : {}),
    forwardEvaluations: last.forwardEvaluations,
    elapsedSeconds: last.elapsedSeconds,
    software: { name: input.software.name, version: input.software.version },
  };
}

function particlesToJson(ensemble: ParticleEnsemble): ParticlesJson {
  const { nParticles: J, nTheta: d, positions, logWeights, logLikelihoods } = ensemble;
  return {
    positions: Array.from({ length: J }, (_, j) => Array.from(positions.subarray(j * d, (j + 1) * d))),
    ...(logWeights ? { weights: Array.from(logWeights, Math.exp) } : {}),
    ...(logLikelihoods ? { logLikelihoods: Array.from(logLikelihoods) } : {}),
  };
}
