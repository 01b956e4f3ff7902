/**
 * The `mixture.json` result file (`problem-format.md` §4) as a pure builder of the JSON object;
 * write it with `stringifyJson`.
 */
import { mixtureToJson } from '../../../core/gmki/state';
import type { Mixture } from '../../../core/gmki/state';
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

export interface MixtureResultJson {
  readonly format: typeof RESULT_FORMAT;
  readonly problem: ProblemFileAsRun;
  readonly parameterNames: readonly string[];
  /** The mixture lives in u, which equals θ for parameters without bounds (§1.1). */
  readonly space: 'unconstrained';
  readonly history: readonly (MixtureJson & {
    readonly iteration: number;
    readonly forwardEvaluations: number;
    readonly elapsedSeconds: number;
  })[];
  readonly final: MixtureJson;
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
  return {
    format: RESULT_FORMAT,
    problem: input.problem,
    parameterNames: [...input.parameterNames],
    space: 'unconstrained',
    history,
    final: mixtureToJson(last.mixture),
    forwardEvaluations: last.forwardEvaluations,
    elapsedSeconds: last.elapsedSeconds,
    software: { name: input.software.name, version: input.software.version },
  };
}
