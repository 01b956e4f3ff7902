/**
 * Every export of a stored run, in two steps: `prepareExport` reads the run and checks everything
 * that can be checked (format, options, run, iterations, shapes, size), then `write` produces the
 * bytes into a sink piece by piece, with a turn of the event loop between pieces — a server
 * writing a large export keeps answering (issue 11 item 7). `buildExport` collects them for a
 * download, `exportRun` (index.ts) writes them to a file.
 */
import { NotPositiveDefiniteError } from '../../../core/linalg/dense';
import type { ResolvedProblem } from '../../../core/problem/types';
import { assertNever } from '../../../core/util/assertNever';
import { buildMixtureJson, posteriorSampleChunks, samplesCsvHeader, samplesCsvRows, stringifyJson } from '../results/index';
import type { FinalIteration, HistoryEntry } from '../results/index';
import type { IterationEntry, RunRecord, RunStore } from '../store/index';
import { ExportError } from './errors';
import { EXPORT_FILE_TYPES, EXPORT_FORMATS, isExportFormat, suggestedExportFileName } from '../../contract/exports';
import type { ExportFormat } from '../../contract/exports';
import { writeNpzExport } from './npz';
import { buildProblemExport } from './problem-file';
import { memorySink, yieldToEventLoop, type ByteSink } from './sink';
import { problemFileAsRun, problemOfRun } from '../runs/lifecycle/stored-problem';

/** Options of an export's content. */
export interface ExportContentOptions {
  /** Posterior samples to draw (csv, npz); default the run's `settings.posteriorSamples`. */
  readonly samples?: number;
}

/** An export checked and ready to be written. */
export interface PreparedExport {
  readonly format: ExportFormat;
  /** A file name derived from the run's name (`suggestedExportFileName`). */
  readonly fileName: string;
  readonly mediaType: string;
  /** Writes the export's bytes to `sink`, in pieces. @throws ExportError SAMPLING_FAILED */
  write(sink: ByteSink): Promise<void>;
}

/** An export's bytes and how to offer them. */
export interface ExportContent {
  readonly format: ExportFormat;
  readonly data: Uint8Array;
  readonly fileName: string;
  readonly mediaType: string;
}

/**
 * The largest export offered as a download (run/export without a path): its bytes travel base64
 * in one JSON reply. Larger ones are written to a file (`gmki runs export`, or a path).
 */
export const MAX_DOWNLOAD_BYTES = 128 * 1024 * 1024;

/** Numbers drawn and formatted per piece: small enough that one piece never holds the event loop long. */
const VALUES_PER_PIECE = 8192;

/** An NPZ is a ZIP without ZIP64: the samples and their components must stay under 4 GiB. */
const MAX_NPZ_SAMPLE_BYTES = 0xffffffff - 1024 * 1024;

/**
 * Reads run `runId` from `store` and checks its export in `format`. `problem` needs no committed
 * iteration (a queued or failed run can still be run again); the other formats need one after
 * the initial mixture.
 * @throws ExportError UNKNOWN_FORMAT, INVALID_OPTION, RUN_NOT_FOUND, NO_ITERATIONS, INVALID_RUN,
 *   TOO_LARGE
 */
export function prepareExport(store: RunStore, runId: string, format: string, options: ExportContentOptions = {}): PreparedExport {
  if (!isExportFormat(format)) {
    throw new ExportError('UNKNOWN_FORMAT', `Unknown export format ${JSON.stringify(format)}: expected one of ${EXPORT_FORMATS.join(', ')}.`);
  }
  const samples = options.samples;
  if (samples !== undefined && !(Number.isInteger(samples) && samples >= 0)) {
    throw new ExportError('INVALID_OPTION', `The number of samples must be an integer ≥ 0, got ${samples}.`);
  }
  const run = store.getRun(runId);
  if (!run) throw new ExportError('RUN_NOT_FOUND', `There is no run with id ${runId}.`);
  return { format, fileName: suggestedExportFileName(run.name, format), mediaType: EXPORT_FILE_TYPES[format].mediaType, write: writerOf(store, run, format, samples) };
}

/**
 * The bytes of an export, for a download.
 * @param maxBytes the largest export built (default MAX_DOWNLOAD_BYTES)
 * @throws ExportError as prepareExport, SAMPLING_FAILED, and TOO_LARGE beyond `maxBytes`
 */
export async function buildExport(
  store: RunStore,
  runId: string,
  format: string,
  options: ExportContentOptions = {},
  maxBytes = MAX_DOWNLOAD_BYTES,
): Promise<ExportContent> {
  const prepared = prepareExport(store, runId, format, options);
  const sink = memorySink(maxBytes, () => {
    const mebibytes = +(maxBytes / 1024 / 1024).toPrecision(3);
    return new ExportError(
      'TOO_LARGE',
      `This export is larger than ${mebibytes} MiB, more than a download carries: ask for fewer samples, or write it to a file (gmki runs export ${runId} --format ${prepared.format} --out FILE).`,
    );
  });
  await prepared.write(sink);
  return { format: prepared.format, data: sink.bytes(), fileName: prepared.fileName, mediaType: prepared.mediaType };
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

function writerOf(store: RunStore, run: RunRecord, format: ExportFormat, samples: number | undefined): (sink: ByteSink) => Promise<void> {
  switch (format) {
    case 'problem': {
      const text = buildProblemExport({ problem: problemFileAsRun(run), problemDir: run.problemDir });
      return (sink) => sink.write(new TextEncoder().encode(text));
    }
    case 'csv': {
      const problem = resolveStoredProblem(run);
      const last = store.getLatestIteration(run.id);
      if (!last || last.iteration === 0) throw noIterations(run, last !== null);
      checkShape(run, problem, [last]);
      const count = samples ?? problem.settings.posteriorSamples;
      return (sink) => withSamplingErrors(run, () => writeSamplesCsv(sink, problem, last, count));
    }
    case 'json':
    case 'npz': {
      const problem = resolveStoredProblem(run);
      const history = store.getIterations(run.id);
      const latest = history.at(-1);
      if (!latest || latest.iteration === 0) throw noIterations(run, latest !== undefined);
      checkShape(run, problem, history);
      if (format === 'json') {
        const text = buildJsonExport(run, problem.parameterNames, history);
        return (sink) => sink.write(new TextEncoder().encode(text));
      }
      const count = samples ?? problem.settings.posteriorSamples;
      const d = problem.parameterNames.length;
      if (count * (8 * d + 4) > MAX_NPZ_SAMPLE_BYTES) {
        throw new ExportError(
          'TOO_LARGE',
          `${count} samples of ${d} parameters need more than the 4 GiB an NPZ file can hold: ask for at most ${Math.floor(MAX_NPZ_SAMPLE_BYTES / (8 * d + 4))}.`,
        );
      }
      return (sink) =>
        withSamplingErrors(run, () => {
          const samples = posteriorSampleChunks(latest, problem, count, rowsPerPiece(d));
          return writeNpzExport({ parameterNames: problem.parameterNames, history, sampleCount: count, samples }, sink);
        });
    }
    default:
      return assertNever(format);
  }
}

/**
 * `samples.csv` of the run's final iteration (its mixture, or its particles), exactly the rows
 * `gmki run --out` writes for the same run and count (the samples of `drawPosteriorSamples`, in
 * pieces).
 */
async function writeSamplesCsv(sink: ByteSink, problem: ResolvedProblem, final: FinalIteration, count: number): Promise<void> {
  const encoder = new TextEncoder();
  const d = problem.parameterNames.length;
  await sink.write(encoder.encode(samplesCsvHeader(problem.parameterNames, final.particles ? 'particle' : 'component')));
  for (const piece of posteriorSampleChunks(final, problem, count, rowsPerPiece(d))) {
    await sink.write(encoder.encode(samplesCsvRows(d, piece.samples, piece.components)));
    await yieldToEventLoop();
  }
}

function rowsPerPiece(d: number): number {
  return Math.max(1, Math.floor(VALUES_PER_PIECE / (d + 1)));
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

async function withSamplingErrors(run: RunRecord, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (error instanceof NotPositiveDefiniteError) {
      throw new ExportError('SAMPLING_FAILED', `Posterior samples of run ${run.id} could not be drawn: ${error.message}`, { cause: error });
    }
    throw error;
  }
}
