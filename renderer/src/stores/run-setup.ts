/**
 * The run-setup screen's state (issue 4, screen 2): every setting's default on this machine,
 * the server's verdict on the draft (problem/validate: errors or the budget summary), the
 * examples for the empty state, how many runs are ahead in the queue, the measured time of one
 * evaluation, and starting the run. The problem itself lives in the draft store.
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { AppError } from '../../../electron/contract/result';
import type { ExampleInfo, RunRecord, ValidationOutcome } from '../../../electron/contract/types';
import { useBridge } from '../bridge/index';
import { plainCopy } from '../problem/json-path';
import { median } from '../setup/budget';
import type { ProblemJson } from './draft';

/** The time of one evaluation, for the budget. */
export interface Measurement {
  /** Median of `count` evaluations, model start-up excluded. */
  readonly seconds: number;
  readonly count: number;
  /** Starting the model (worker, process, connection) before the first evaluation. */
  readonly setupSeconds: number;
  /** What was measured (model, prior mean, folder): a change makes it stale. */
  readonly key: string;
}

/** Below this, one evaluation is cheap enough to measure three times and report the median. */
const CHEAP_SECONDS = 2;

export const useRunSetupStore = defineStore('run-setup', () => {
  const bridge = useBridge();

  const defaults = shallowRef<Readonly<Record<string, unknown>> | null>(null);
  const explanations = shallowRef<Readonly<Record<string, string>>>({});
  const cpuCount = ref<number | null>(null);
  const defaultsError = ref<string | null>(null);

  async function loadDefaults(): Promise<void> {
    if (defaults.value) return;
    defaultsError.value = null;
    const result = await bridge.invoke('settings/defaults', {});
    if (!result.ok) {
      defaultsError.value = result.error.message;
      return;
    }
    defaults.value = Object.fromEntries(result.value.settings.map((setting) => [setting.key, setting.default]));
    explanations.value = Object.fromEntries(result.value.settings.map((setting) => [setting.key, setting.explanation]));
    cpuCount.value = result.value.cpuCount;
  }

  const validation = shallowRef<ValidationOutcome | null>(null);
  const validating = ref(false);
  const validationError = ref<string | null>(null);
  // Answers may arrive out of order while the user types: only the latest request counts.
  let validationRequest = 0;

  async function validate(problem: ProblemJson): Promise<void> {
    const request = ++validationRequest;
    validating.value = true;
    const result = await bridge.invoke('problem/validate', { problem: plainCopy(problem) });
    if (request !== validationRequest) return;
    validating.value = false;
    validationError.value = result.ok ? null : result.error.message;
    validation.value = result.ok ? result.value : null;
  }

  const examples = shallowRef<readonly ExampleInfo[]>([]);
  const examplesLoading = ref(false);
  const examplesError = ref<string | null>(null);

  async function loadExamples(): Promise<void> {
    if (examples.value.length > 0) return;
    examplesLoading.value = true;
    const result = await bridge.invoke('problem/examples', {});
    examplesLoading.value = false;
    examplesError.value = result.ok ? null : result.error.message;
    if (result.ok) examples.value = result.value;
  }

  /** Runs ahead of a new one: the manager runs one at a time, the rest wait in order. */
  const queue = ref<{ running: number; queued: number } | null>(null);
  const queueError = ref<string | null>(null);

  async function refreshQueue(): Promise<void> {
    const [running, queued] = await Promise.all([
      bridge.invoke('runs/list', { status: 'running', limit: 1 }),
      bridge.invoke('runs/list', { status: 'queued', limit: 1 }),
    ]);
    if (!running.ok) {
      queueError.value = running.error.message;
      return;
    }
    if (!queued.ok) {
      queueError.value = queued.error.message;
      return;
    }
    queueError.value = null;
    queue.value = { running: running.value.total, queued: queued.value.total };
  }

  /** Keeps the queue counts current while the screen is open; returns the unsubscribe function. */
  function followQueue(): () => void {
    void refreshQueue();
    return bridge.subscribe('run/status', () => void refreshQueue());
  }

  const measurement = shallowRef<Measurement | null>(null);
  const measuring = ref(false);
  const measureError = ref<string | null>(null);
  /** Seconds per evaluation typed by the user (an expensive model need not be run to plan). */
  const enteredSeconds = ref<number | null>(null);

  /** One evaluation at the prior mean; two more if it was cheap; the median of them. */
  async function measure(problem: ProblemJson, problemDir: string | null, key: string): Promise<void> {
    measuring.value = true;
    measureError.value = null;
    const times: number[] = [];
    let setupSeconds = 0;
    for (let i = 0; i < 3; i++) {
      const result = await bridge.invoke('problem/test-evaluation', { problem: plainCopy(problem), ...(problemDir ? { problemDir } : {}) });
      if (!result.ok || result.value.error !== null) {
        measureError.value = result.ok ? `The model failed: ${result.value.error}` : result.error.message;
        break;
      }
      if (i === 0) setupSeconds = result.value.setupSeconds;
      times.push(result.value.seconds);
      if (result.value.seconds >= CHEAP_SECONDS) break;
    }
    measuring.value = false;
    if (times.length > 0 && measureError.value === null) measurement.value = { seconds: median(times), count: times.length, setupSeconds, key };
  }

  const starting = ref(false);
  const startError = shallowRef<AppError | null>(null);

  async function start(problem: ProblemJson, problemDir: string | null, name: string): Promise<RunRecord | null> {
    starting.value = true;
    startError.value = null;
    const trimmed = name.trim();
    const result = await bridge.invoke('run/start', {
      problem: plainCopy(problem),
      ...(problemDir ? { problemDir } : {}),
      ...(trimmed ? { name: trimmed } : {}),
    });
    starting.value = false;
    if (!result.ok) {
      startError.value = result.error;
      return null;
    }
    void refreshQueue();
    return result.value;
  }

  return {
    defaults,
    explanations,
    cpuCount,
    defaultsError,
    loadDefaults,
    validation,
    validating,
    validationError,
    validate,
    examples,
    examplesLoading,
    examplesError,
    loadExamples,
    queue,
    queueError,
    refreshQueue,
    followQueue,
    measurement,
    measuring,
    measureError,
    enteredSeconds,
    measure,
    starting,
    startError,
    start,
  };
});
