/**
 * Targets 2 and 3 of issue 4's "Performance", on the run screen of real runs:
 * 2. the corner plot of d = 6 with 10⁴ samples: a completed run of a linear JavaScript model
 *    (d = 6, K = 3, posteriorSamples 10⁴) opens on its Result tab; switching "Show samples" on
 *    draws 10⁴ samples, rebuilds the corner plot and redraws it — timed from the switch to the
 *    chart's ECharts 'finished' (EChart.vue's performance mark), once settled;
 * 3. a run monitor receiving ~10 progress events a second: a JavaScript model paced at 25 ms per
 *    evaluation (one at a time) runs while the monitor is open; long animation frames
 *    (PerformanceObserver 'long-animation-frame', Chromium's frames over 50 ms) and the gaps
 *    between requestAnimationFrame callbacks are recorded for a fixed window, and the events
 *    the server sent in that window are counted on a second event stream.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { RunRecord, RunSummary } from '../../electron/contract/types';
import { newBenchContext } from './browser';
import { hasMark, recordedFrames, recordFrames, setRecording, timeSwitchToFinished } from './page-scripts';
import type { BenchServer } from './server';

const LINEAR_MODEL = `
// y = A θ with a fixed, well-conditioned A (d = 6, n_y = 6).
const A = Array.from({ length: 6 }, (_, i) => Array.from({ length: 6 }, (_, j) => (i === j ? 1 : 0.2 / (1 + Math.abs(i - j)))));
export function forward(theta) {
  return A.map((row) => row.reduce((sum, a, j) => sum + a * theta[j], 0));
}
`;

const PACED_MODEL = `
// 25 ms per evaluation: with one evaluation at a time, ~40 evaluations a second, more than the
// 10 progress events a second the run manager sends at most.
export async function forward(theta) {
  await new Promise((resolve) => setTimeout(resolve, 25));
  return [theta[0] + theta[1], theta[0] - theta[1]];
}
`;

async function waitForStatus(server: BenchServer, runId: string, wanted: (run: RunSummary) => boolean, seconds: number): Promise<RunSummary> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const run = await server.invoke<RunSummary>('run/get', { runId });
    if (wanted(run)) return run;
    if (run.status === 'failed') throw new Error(`The benchmark run failed: ${run.error}`);
    if (Date.now() > deadline) throw new Error(`The benchmark run is still ${run.status} after ${seconds} s.`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function startJavaScriptRun(server: BenchServer, name: string, source: string, problem: Record<string, unknown>): Promise<RunRecord> {
  writeFileSync(join(server.dataDir, `${name}.mjs`), source);
  return server.invoke<RunRecord>('run/start', {
    problem: { format: 'gmki-problem/1', name, model: { type: 'javascript', path: `${name}.mjs` }, ...problem },
    problemDir: server.dataDir,
    name,
  });
}

/** Switch on → finished times of the corner plot of a d = 6 run with 10⁴ samples (`repeats` times). */
export async function measureCornerPlot(browser: Browser, server: BenchServer, repeats: number): Promise<number[]> {
  const parameters = Array.from({ length: 6 }, (_, i) => ({ name: `x${i + 1}`, prior: { mean: 0, std: 1 } }));
  const run = await startJavaScriptRun(server, 'corner-d6', LINEAR_MODEL, {
    parameters,
    observations: { values: [0.5, -0.3, 0.8, 0.1, -0.6, 0.2], noise: { std: 0.3 } },
    settings: { components: 3, iterations: 6, posteriorSamples: 10_000, initialization: { type: 'prior' } },
  });
  await waitForStatus(server, run.id, (r) => r.status === 'completed', 120);
  const context = await newBenchContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(server.address(`/runs/${run.id}`));
    const mark = `gmki:chart-finished:Corner plot of ${run.name}`;
    // waitForFunction would compile the predicate in the page, which its CSP forbids: poll instead.
    const deadline = Date.now() + 60_000;
    while (!(await page.evaluate(hasMark(mark)))) {
      if (Date.now() > deadline) throw new Error('The corner plot was not drawn within 60 s of opening the run.');
      await page.waitForTimeout(100);
    }
    const times: number[] = [];
    for (let r = 0; r < repeats; r++) {
      times.push((await page.evaluate(timeSwitchToFinished(mark))) as number);
      // Off again (not timed): the next measurement starts from the plot without samples.
      await page.evaluate(timeSwitchToFinished(mark));
    }
    return times;
  } finally {
    await context.close();
  }
}

/** What the page recorded while the monitor received events. */
export interface MonitorFrames {
  /** Durations of long animation frames (each > 50 ms). */
  readonly longFrames: readonly number[];
  /** Per long frame, its longest script: invoker, function, file, duration. */
  readonly culprits: readonly string[];
  /** Gaps between consecutive requestAnimationFrame callbacks. */
  readonly frameGaps: readonly number[];
  readonly seconds: number;
  /** run/progress events the server sent for the run in the window. */
  readonly progressEvents: number;
}

/** Counts run/progress events of one run on the server's event stream until `stop` resolves. */
async function countProgressEvents(server: BenchServer, runId: string, stop: Promise<void>): Promise<number> {
  const controller = new AbortController();
  const response = await fetch(`${server.origin}api/events?token=${server.token}`, { signal: controller.signal });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let count = 0;
  let stopped = false;
  void stop.then(() => {
    stopped = true;
    controller.abort();
  });
  try {
    while (!stopped) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      const messages = buffer.split('\n\n');
      buffer = messages.pop() ?? '';
      for (const message of messages) if (/^event: run\/progress$/m.test(message) && message.includes(runId)) count++;
    }
  } catch (error) {
    if (!stopped) throw error;
  }
  return count;
}

/** Frames of the run monitor during `seconds` of a paced run. */
export async function measureMonitor(browser: Browser, server: BenchServer, seconds: number): Promise<MonitorFrames> {
  const run = await startJavaScriptRun(server, 'monitor-paced', PACED_MODEL, {
    parameters: [
      { name: 'a', prior: { mean: 0, std: 1 } },
      { name: 'b', prior: { mean: 0, std: 1 } },
    ],
    observations: { values: [1, 0.5], noise: { std: 0.2 } },
    settings: { components: 3, iterations: 2000, concurrency: 1, initialization: { type: 'prior' } },
  });
  const context = await newBenchContext(browser);
  try {
    await waitForStatus(server, run.id, (r) => r.status === 'running' && r.iterationsDone >= 2, 60);
    const page = await context.newPage();
    await page.addInitScript({ content: recordFrames });
    await page.goto(server.address(`/runs/${run.id}`));
    await page.getByTestId('chart-weights').locator('canvas').first().waitFor({ timeout: 60_000 });
    let finish!: () => void;
    const stop = new Promise<void>((resolve) => (finish = resolve));
    const counting = countProgressEvents(server, run.id, stop);
    await page.evaluate(setRecording(true));
    await page.waitForTimeout(seconds * 1000);
    await page.evaluate(setRecording(false));
    finish();
    const progressEvents = await counting;
    const frames = (await page.evaluate(recordedFrames)) as Pick<MonitorFrames, 'longFrames' | 'culprits' | 'frameGaps'>;
    const still = await server.invoke<RunSummary>('run/get', { runId: run.id });
    if (still.status !== 'running') throw new Error(`The paced run stopped (${still.status}) during the measurement.`);
    return { ...frames, seconds, progressEvents };
  } finally {
    await context.close();
    await server.invoke('run/cancel', { runId: run.id }).catch(() => undefined);
  }
}
