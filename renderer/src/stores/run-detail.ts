/**
 * One run's result: the run as recorded, its last committed iteration (the final mixture, or
 * what a stopped run got to), the ledger entries of that iteration (the model's outputs at the
 * component means), and for a particle run (eki, eks, smc) its particles through run/samples —
 * its posterior, which the K = 1 summary hides. Also the run's file exports, and on request the
 * posterior predictive band: the model evaluated at posterior samples (runs/predictive-band.ts).
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { useBridge } from '../bridge/index';
import type { AppError, Result } from '../../../electron/contract/result';
import type { EvaluationEntry, ExportOutcome, IterationData, RunRecord } from '../../../electron/contract/types';
import type { ExportFileRequest } from '../runs/export-flow';
import { isSettled } from '../runs/status';
import { mixtureOf, parameterSpaceOf } from '../runs/mixture';
import { observationsOf } from '../runs/predictive';
import { predictiveBand, sampleRows, type PredictiveBand } from '../runs/predictive-band';
import { posteriorSamples } from '../runs/samples';
import { isParticleMethod, particlesOf } from '../../../core/methods/budget';
import { pageSampleCount, sampleSetOf, type RunSampleSet } from '../runs/particles';
import type { LoadState } from './runs';

export type BandState =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly samples: number }
  | { readonly status: 'done'; readonly band: PredictiveBand; readonly failed: number; readonly firstError: string | null; readonly seconds: number }
  | { readonly status: 'failed'; readonly message: string };

/** A particle run's particles as the page holds them. */
export type ParticleState =
  | { readonly status: 'none' }
  | { readonly status: 'loading'; readonly iteration: number }
  | { readonly status: 'ready'; readonly set: RunSampleSet }
  | { readonly status: 'failed'; readonly iteration: number; readonly message: string };

export const useRunDetailStore = defineStore('run-detail', () => {
  const bridge = useBridge();
  const runId = ref<string | null>(null);
  const run = shallowRef<RunRecord | null>(null);
  const last = shallowRef<IterationData | null>(null);
  const evaluations = shallowRef<EvaluationEntry[]>([]);
  const state = ref<LoadState>('idle');
  const error = ref<AppError | null>(null);
  const band = shallowRef<BandState>({ status: 'idle' });
  const particles = shallowRef<ParticleState>({ status: 'none' });
  let stopFollowing: (() => void) | null = null;

  function fail(appError: AppError): void {
    state.value = 'error';
    error.value = appError;
  }

  async function load(id: string): Promise<void> {
    if (runId.value !== id) {
      run.value = null;
      last.value = null;
      band.value = { status: 'idle' };
      particles.value = { status: 'none' };
      evaluations.value = [];
      state.value = 'loading';
    }
    runId.value = id;
    const got = await bridge.invoke('run/get', { runId: id });
    if (runId.value !== id) return;
    if (!got.ok) return fail(got.error);
    const done = got.value.iterationsDone;
    const [iterations, ledger] = await Promise.all([
      bridge.invoke('run/iterations', { runId: id, from: done }),
      // K·(2d+1) entries per iteration; the largest page is plenty for the mean outputs.
      done > 0 ? bridge.invoke('run/evaluations', { runId: id, iteration: done, limit: 10_000 }) : null,
    ]);
    if (runId.value !== id) return;
    if (!iterations.ok) return fail(iterations.error);
    run.value = got.value;
    const latest = iterations.value.iterations.at(-1) ?? null;
    // A band of another mixture would be wrong for this one.
    if (latest?.iteration !== last.value?.iteration) band.value = { status: 'idle' };
    last.value = latest;
    evaluations.value = ledger?.ok ? [...ledger.value.evaluations] : [];
    state.value = 'ready';
    error.value = null;
    follow(id, got.value.status);
    if (isParticleMethod(got.value.method) && latest && latest.iteration > 0) void loadParticles(id, got.value, latest.iteration);
  }

  /** The particles of the run's last iteration (once per iteration), as samples.csv of J rows has them. */
  async function loadParticles(id: string, record: RunRecord, iteration: number): Promise<void> {
    const held = particles.value;
    if ((held.status === 'ready' ? held.set.iteration : held.status === 'none' ? -1 : held.iteration) === iteration) return;
    particles.value = { status: 'loading', iteration };
    const count = pageSampleCount(particlesOf(record.problem.settings), record.nTheta);
    const reply = await bridge.invoke('run/samples', { runId: id, count });
    if (runId.value !== id) return;
    particles.value = reply.ok ? { status: 'ready', set: sampleSetOf(reply.value) } : { status: 'failed', iteration, message: reply.error.message };
  }

  /** While the run is going, reload once it settles (the Result tab may already be open). */
  function follow(id: string, status: RunRecord['status']): void {
    stopFollowing?.();
    stopFollowing = null;
    if (isSettled(status)) return;
    stopFollowing = bridge.subscribe('run/status', (change) => {
      if (change.runId === id && isSettled(change.status)) void load(id);
    });
  }

  function stop(): void {
    stopFollowing?.();
    stopFollowing = null;
  }

  /**
   * The predictive band: the run's model evaluated at the first `count` posterior samples of the
   * exports (same seed and stream), in one batch of test evaluations through the run's problem.
   */
  async function evaluatePredictive(count: number): Promise<void> {
    const id = runId.value;
    const record = run.value;
    const final = last.value;
    const observations = record ? observationsOf(record.problem) : null;
    if (!id || !record || !final || !observations) return;
    band.value = { status: 'running', samples: count };
    const thetas = await bandSamples(id, record, final, count);
    if (runId.value !== id || last.value !== final) return;
    if (typeof thetas === 'string') return void (band.value = { status: 'failed', message: `Posterior samples could not be drawn: ${thetas}` });
    const reply = await bridge.invoke('problem/test-evaluations', { problem: { ...record.problem }, problemDir: record.problemDir ?? undefined, thetas });
    if (runId.value !== id || last.value !== final) return;
    if (!reply.ok) return void (band.value = { status: 'failed', message: reply.error.message });
    const good = reply.value.points.filter((point) => point.output && point.lengthOk);
    const computed = predictiveBand(
      good.map((point) => point.output!),
      observations.std,
    );
    const firstError = reply.value.points.find((point) => point.error !== null)?.error ?? null;
    band.value = computed
      ? { status: 'done', band: computed, failed: count - good.length, firstError, seconds: reply.value.seconds }
      : { status: 'failed', message: `The model failed at ${count - good.length} of ${count} samples${firstError ? `: ${firstError}` : ''}.` };
  }

  /**
   * The first `count` rows of the samples export of `count` samples: drawn here from a mixture,
   * fetched for a particle run (its particles live on the server). A sentence when they cannot be had.
   */
  async function bandSamples(id: string, record: RunRecord, final: IterationData, count: number): Promise<number[][] | string> {
    if (isParticleMethod(record.method)) {
      const reply = await bridge.invoke('run/samples', { runId: id, count });
      return reply.ok ? reply.value.samples.map((row) => [...row]) : reply.error.message;
    }
    try {
      return sampleRows(posteriorSamples(mixtureOf(final), parameterSpaceOf(record.problem).transforms, record.seed, count), final.means[0]?.length ?? 0);
    } catch (failure) {
      return failure instanceof Error ? failure.message : String(failure);
    }
  }

  function exportRun(request: ExportFileRequest): Promise<Result<ExportOutcome>> {
    if (!runId.value) return Promise.resolve({ ok: false, error: { code: 'NOT_FOUND', message: 'No run is open.' } });
    return bridge.invoke('run/export', { runId: runId.value, ...request });
  }

  return { runId, run, last, evaluations, state, error, band, particles, load, stop, exportRun, evaluatePredictive };
});
