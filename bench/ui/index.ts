/**
 * `npm run bench:ui` (after `npx electron-vite build`): issue 4's performance targets measured in
 * Debian's chromium against a real `gmki serve` with a temporary database, printed as one table
 * with the machine it ran on. A target whose screen cannot be driven is reported as not measured,
 * with the reason; no figure is printed that was not measured in this run.
 */
import type { Browser } from 'playwright-core';
import { loadavg } from 'node:os';
import { describeMachine } from '../machine';
import { launchBrowser } from './browser';
import { measureCornerPlot, measureMonitor } from './run-screens';
import { measureFiltering, measureFirstRender, type FirstLoad, type Timing } from './runs-browser';
import { seedRuns } from './seed';
import { createDataDir, startServer, type BenchServer } from './server';
import { summarize } from './stats';

/** One line of the table: a measured figure against its target, or why there is none. */
interface Row {
  readonly target: string;
  readonly what: string;
  readonly limitMs: number;
  readonly values?: readonly number[];
  readonly notMeasured?: string;
  /** How the figure compares: the median (typical) or the max (worst frame). */
  readonly judgeBy: 'median' | 'max';
  /** A count, not timings: the row says what was counted and prints no milliseconds. */
  readonly countOnly?: boolean;
}

const FIRST_RENDER_LOADS = 7;
const SEEDED_RUNS = 1000;
const FILTER_ROUNDS = 3;
const CORNER_REPEATS = 5;
const MONITOR_SECONDS = 15;

async function withServer<T>(seed: number, work: (server: BenchServer) => Promise<T>): Promise<T> {
  const { dataDir, databasePath } = createDataDir();
  if (seed > 0) seedRuns(databasePath, seed);
  const server = await startServer(dataDir);
  try {
    return await work(server);
  } finally {
    await server.stop();
  }
}

const painted = (timings: readonly Timing[]): number[] => timings.map((t) => t.painted);

/** Context for target 1 (no limit of their own): when the HTML arrived, the scripts had run, the first paint. */
function milestones(loads: readonly FirstLoad[], label: string): Row[] {
  const row = (what: string, values: number[]): Row => ({ target: '1', what: `  ${what} (${label})`, limitMs: Number.NaN, values, judgeBy: 'median' });
  return [
    row(
      'HTML received',
      loads.map((load) => load.responseEnd),
    ),
    row(
      'DOMContentLoaded',
      loads.map((load) => load.domContentLoaded),
    ),
    row(
      'first contentful paint',
      loads.map((load) => load.firstContentfulPaint),
    ),
  ];
}

/** Progress on stderr, so that the table on stdout stays clean. */
const step = (what: string): void => void process.stderr.write(`bench:ui ${new Date().toISOString().slice(11, 19)} ${what}\n`);

async function runsBrowserTargets(browser: Browser): Promise<Row[]> {
  step(`first render with 10 runs (${FIRST_RENDER_LOADS} loads)`);
  const small = await withServer(10, (server) => measureFirstRender(browser, server, FIRST_RENDER_LOADS));
  step(`seeding ${SEEDED_RUNS} runs`);
  return withServer(SEEDED_RUNS, async (server) => {
    step(`first render with ${SEEDED_RUNS} runs`);
    const large = await measureFirstRender(browser, server, FIRST_RENDER_LOADS);
    step('filtering');
    const filtering = await measureFiltering(browser, server, SEEDED_RUNS, FILTER_ROUNDS);
    return [
      { target: '1', what: 'first render, 10 runs (navigation start → rows painted)', limitMs: 1500, values: painted(small), judgeBy: 'median' },
      { target: '1', what: `first render, ${SEEDED_RUNS} runs`, limitMs: 1500, values: painted(large), judgeBy: 'median' },
      ...milestones(small, '10 runs'),
      { target: '4', what: `filter ${SEEDED_RUNS} runs (input → rows painted)`, limitMs: 100, values: painted(filtering), judgeBy: 'median' },
      { target: '4', what: `filter ${SEEDED_RUNS} runs (input → rows in the DOM)`, limitMs: 100, values: filtering.map((t) => t.dom), judgeBy: 'median' },
    ];
  });
}

async function cornerTarget(browser: Browser): Promise<Row[]> {
  step('corner plot');
  const times = await withServer(0, (server) => measureCornerPlot(browser, server, CORNER_REPEATS));
  return [{ target: '2', what: 'corner plot d = 6, 10⁴ samples (switch → ECharts finished)', limitMs: 500, values: times, judgeBy: 'median' }];
}

/** What made the monitor's long frames long, most frequent first (printed under the table). */
const notes: string[] = [];

async function monitorTarget(browser: Browser): Promise<Row[]> {
  step('run monitor');
  const frames = await withServer(0, (server) => measureMonitor(browser, server, MONITOR_SECONDS));
  const counts = new Map<string, number>();
  for (const culprit of frames.culprits) {
    const key = culprit.replace(/ \d+ ms$/, '');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 5);
  if (top.length > 0) notes.push(`target 3, longest script of each long frame (count × invoker function file): ${top.map(([key, n]) => `${n} × ${key}`).join('; ')}`);
  const rate = (frames.progressEvents / frames.seconds).toFixed(1);
  const over = frames.frameGaps.filter((gap) => gap > 50).length;
  return [
    {
      target: '3',
      what: `monitor at ${rate} events/s for ${frames.seconds} s: frame gaps (rAF), ${over} over 50 ms`,
      limitMs: 50,
      values: frames.frameGaps,
      judgeBy: 'max',
    },
    frames.longFrames.length > 0
      ? { target: '3', what: `long animation frames (> 50 ms): ${frames.longFrames.length}`, limitMs: 50, values: frames.longFrames, judgeBy: 'max' }
      : { target: '3', what: 'long animation frames (> 50 ms): none recorded', limitMs: 50, values: [0], judgeBy: 'max', countOnly: true },
  ];
}

/** Runs one group of targets in its own browser, so that a crash costs only that group. */
async function attempt(targets: string[], label: string, work: (browser: Browser) => Promise<Row[]>): Promise<Row[]> {
  let browser: Browser | null = null;
  try {
    browser = await launchBrowser();
    version ??= browser.version();
    return await work(browser);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return targets.map((target) => ({ target, what: label, limitMs: Number.NaN, notMeasured: reason, judgeBy: 'median' as const }));
  } finally {
    await browser?.close();
  }
}

function format(rows: readonly Row[]): string {
  const lines = ['| target | what | limit (ms) | median (ms) | min (ms) | max (ms) | n | verdict |', '|---|---|---:|---:|---:|---:|---:|---|'];
  for (const row of rows) {
    if (row.countOnly) {
      lines.push(`| ${row.target} | ${row.what} | ${row.limitMs} | | | | | meets |`);
      continue;
    }
    if (!row.values) {
      lines.push(`| ${row.target} | ${row.what} | | | | | | not measured: ${row.notMeasured} |`);
      continue;
    }
    const s = summarize(row.values);
    const judged = row.judgeBy === 'median' ? s.median : s.max;
    const verdict = Number.isNaN(row.limitMs) ? '' : `${judged <= row.limitMs ? 'meets' : 'MISSES'} (${row.judgeBy})`;
    lines.push(
      `| ${row.target} | ${row.what} | ${Number.isNaN(row.limitMs) ? '' : row.limitMs} | ${s.median.toFixed(1)} | ${s.min.toFixed(1)} | ${s.max.toFixed(1)} | ${s.count} | ${verdict} |`,
    );
  }
  return lines.join('\n');
}

let version: string | null = null;
const loadBefore = loadavg()[0];
// `npm run bench:ui -- 2 3` measures only those targets (a group runs when any of its targets is named).
const wanted = process.argv.slice(2);
const groups = [
  { targets: ['1', '4'], label: 'runs browser', work: runsBrowserTargets },
  { targets: ['2'], label: 'corner plot on the run detail', work: cornerTarget },
  { targets: ['3'], label: 'run monitor', work: monitorTarget },
].filter((group) => wanted.length === 0 || group.targets.some((target) => wanted.includes(target)));
const rows: Row[] = [];
for (const group of groups) rows.push(...(await attempt(group.targets, group.label, group.work)));
console.log(describeMachine());
// The machine may be shared: a load far above the core count slows every figure down.
console.log(`load average (1 min): ${loadBefore.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end`);
console.log(`browser: Chromium ${version ?? '(did not start)'} (headless, software rendering), viewport of the e2e tests\n`);
console.log(format(rows));
if (notes.length > 0) console.log(`\n${notes.join('\n')}`);
