/**
 * Pure builders of each export's content from what the store holds, and `buildExport`, which
 * reads one run from the store and returns the bytes of a format: the desktop app offers those
 * as a download, `exportRun` writes them to a file.
 */
import { NotPositiveDefiniteError } from '../../../core/linalg/dense';
import type { ResolvedProblem } from '../../../core/problem/types';
import { assertNever } from '../../../core/util/assertNever';
import { buildMixtureJson, buildSamplesCsv, drawPosteriorSamples, stringifyJson } from '../results/index';
import type { FinalIteration, HistoryEntry, PosteriorSamples } from '../results/index';
import type { IterationEntry, RunRecord, RunStore } from '../store/index';
import { ExportError } from './errors';
import { EXPORT_FILE_TYPES, EXPORT_FORMATS, isExportFormat, suggestedExportFileName } from '../../contract/exports';
import type { ExportFormat } from '../../contract/exports';
import { buildNpzExport } from './npz';
import { buildProblemExport } from './problem-file';
import { problemFileAsRun, problemOfRun } from '../runs/lifecycle/stored-problem';

/** Options of an export's content. */
export interface ExportContentOptions {
  /** Posterior samples to draw (csv, npz); default the run's `settings.posteriorSamples`. */
  readonly samples?: number;
}

/** An export's bytes and how to offer them. */
export interface ExportContent {
  readonly format: ExportFormat;
  readonly data: Uint8Array;
  /** A file name derived from the run's name (`suggestedExportFileName`). */
  readonly fileName: string;
  readonly mediaType: string;
}

/**
 * `samples.csv` of the run's final iteration (its mixture, or its particles), exactly the rows
 * `gmki run --out` writes for the same run and count (`drawPosteriorSamples`).
 */
export function buildCsvExport(problem: ResolvedProblem, final: FinalIteration, count?: number): string {
  const { samples, components, source } = drawPosteriorSamples(final, problem, count);
  return buildSamplesCsv(problem.parameterNames, samples, components, source);
}

/**
 * `mixture.json` (problem-format.md §4) with every committed iteration, in the same structure
 * and text form as `gmki run --out` writes; `software` is what the run recorded, not this build.
 */
export function buildJsonExport(run: RunRecord, parameterNames: readonly string[], history: readonly HistoryEntry[]): string {
  return stringifyJson(
    buildMixtureJson({
      problem: problemFileAsRun(run),
      parameterNames,
      history,
      software: { name: run.softwareName, version: run.softwareVersion },
    }),
  );
}

/**
 * Reads run `runId` from `store` and builds its export in `format`. `problem` needs no committed
 * iteration (a queued or failed run can still be run again); the other formats do.
 * @throws ExportError UNKNOWN_FORMAT, INVALID_OPTION, RUN_NOT_FOUND, NO_ITERATIONS, INVALID_RUN,
 *   SAMPLING_FAILED
 */
export function buildExport(store: RunStore, runId: string, format: string, options: ExportContentOptions = {}): ExportContent {
  if (!isExportFormat(format)) {
    throw new ExportError('UNKNOWN_FORMAT', `Unknown export format ${JSON.stringify(format)}: expected one of ${EXPORT_FORMATS.join(', ')}.`);
  }
  const samples = options.samples;
  if (samples !== undefined && !(Number.isInteger(samples) && samples >= 0)) {
    throw new ExportError('INVALID_OPTION', `The number of samples must be an integer ≥ 0, got ${samples}.`);
  }
  const run = store.getRun(runId);
  if (!run) throw new ExportError('RUN_NOT_FOUND', `There is no run with id ${runId}.`);
  const text = contentOf(store, run, format, samples);
  return {
    format,
    data: typeof text === 'string' ? new TextEncoder().encode(text) : text,
    fileName: suggestedExportFileName(run.name, format),
    mediaType: EXPORT_FILE_TYPES[format].mediaType,
  };
}

function contentOf(store: RunStore, run: RunRecord, format: ExportFormat, samples: number | undefined): string | Uint8Array {
  switch (format) {
    case 'problem':
      return buildProblemExport({ problem: problemFileAsRun(run), problemDir: run.problemDir });
    case 'csv': {
      const problem = resolveStoredProblem(run);
      const last = store.getLatestIteration(run.id);
      if (!last || last.iteration === 0) throw noIterations(run, last !== null);
      checkShape(run, problem, [last]);
      return withSamplingErrors(run, () => buildCsvExport(problem, last, samples));
    }
    case 'json':
    case 'npz': {
      const problem = resolveStoredProblem(run);
      const history = store.getIterations(run.id);
      const latest = history.at(-1);
      if (!latest || latest.iteration === 0) throw noIterations(run, latest !== undefined);
      checkShape(run, problem, history);
      if (format === 'json') return buildJsonExport(run, problem.parameterNames, history);
      const drawn: PosteriorSamples = withSamplingErrors(run, () => drawPosteriorSamples(latest, problem, samples));
      return buildNpzExport({ parameterNames: problem.parameterNames, history, samples: drawn });
    }
    default:
      return assertNever(format);
  }
}

/** The stored problem resolved again (transforms, names): deterministic, so it is the one that ran. */
function resolveStoredProblem(run: RunRecord): ResolvedProblem {
  const parsed = problemOfRun(run);
  if (parsed.ok) return parsed.problem;
  throw new ExportError('INVALID_RUN', `The problem stored with run ${run.id} is no longer valid (${parsed.errors[0]}), so its results cannot be exported.`);
}

/** Every iteration must have the run's d and one K, or the arrays of the export would be wrong. */
function checkShape(run: RunRecord, problem: ResolvedProblem, history: readonly IterationEntry[]): void {
  const d = problem.parameterNames.length;
  const K = history[0].mixture.nComponents;
  const bad = history.find((entry) => entry.mixture.nTheta !== d || entry.mixture.nComponents !== K);
  if (bad) {
    throw new ExportError(
      'INVALID_RUN',
      `Run ${run.id} is inconsistent: iteration ${bad.iteration} has ${bad.mixture.nComponents} components in ${bad.mixture.nTheta} dimensions, expected ${K} in ${d}.`,
    );
  }
}

/**
 * Iteration 0 is the initial mixture, drawn from the prior before the model was ever used: a run
 * that stopped there has no posterior, and its samples would pass for one.
 */
function noIterations(run: RunRecord, initialOnly: boolean): ExportError {
  if (!initialOnly) return new ExportError('NO_ITERATIONS', `Run ${run.id} (${run.name}) has no committed iteration yet, so there is no mixture to export.`);
  const cause = run.error ? ` (${run.status}: ${run.error.trim().replace(/[.]$/, '')})` : ` (${run.status})`;
  return new ExportError(
    'NO_ITERATIONS',
    `Run ${run.id} (${run.name}) completed no iteration${cause}, so it has no posterior to export: its only mixture is the initial one, drawn from the prior.`,
  );
}

function withSamplingErrors<T>(run: RunRecord, draw: () => T): T {
  try {
    return draw();
  } catch (error) {
    if (error instanceof NotPositiveDefiniteError) {
      throw new ExportError('SAMPLING_FAILED', `Posterior samples of run ${run.id} could not be drawn: ${error.message}`, { cause: error });
    }
    throw error;
  }
}
