/**
 * The problem editor's prior-predictive check (issue 11 item 15): 20 model evaluations at prior
 * draws. Before: 20 × problem/test-evaluation, each starting and closing the model's host. After:
 * one problem/test-evaluations, one host for the batch (settings.concurrency at a time). Timed
 * through the app's dispatch (the handlers `gmki serve` and the desktop app call) with the
 * two-modal examples' JavaScript and Python models; the machine may be shared, so the load
 * average is printed with the figures. Run: `npm run bench:prior-check`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createDispatch, createEventHub } from '../electron/services/handlers/index';
import { createRunManager } from '../electron/services/runs/run-manager';
import { openRunStore } from '../electron/services/store/index';
import { describeMachine } from './machine';

const DRAWS = 20;
const REPEATS = 3;
const EXAMPLES = resolve(import.meta.dirname, '../resources/examples');

const dir = mkdtempSync(join(tmpdir(), 'gmki-bench-prior-check-'));
const store = openRunStore(join(dir, 'runs.sqlite'));
const manager = createRunManager({ store });
const dispatch = createDispatch({ store, manager, events: createEventHub(), cpuCount: 2, defaultProblemDir: dir });

/** θ from N(0, I) in 2-D, as the check draws them (the numbers do not matter for the timing). */
const thetas = Array.from({ length: DRAWS }, (_, i) => [Math.sin(i + 1), Math.cos(3 * i + 1)]);

async function call(channel: string, request: unknown): Promise<void> {
  const reply = await dispatch(channel, request);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.message}`);
}

async function seconds(work: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');

console.log(describeMachine());
console.log(`\nPrior-predictive check: ${DRAWS} evaluations, median of ${REPEATS} (load average at start: ${load()})\n`);
console.log('| model | 20 × test-evaluation (s) | 1 × test-evaluations, concurrency 1 (s) | 1 × test-evaluations, concurrency 2 (s) |');
console.log('|---|---:|---:|---:|');
try {
  for (const [label, folder, file] of [
    ['JavaScript (worker thread)', 'two-modal', 'two-modal.gmki.json'],
    ['Python (command process)', 'python-two-modal', 'python-two-modal.gmki.json'],
  ] as const) {
    const problemDir = join(EXAMPLES, folder);
    const problem = JSON.parse(readFileSync(join(problemDir, file), 'utf8')) as { settings: Record<string, unknown> };
    const withConcurrency = (concurrency: number) => ({ ...problem, settings: { ...problem.settings, concurrency } });
    const one = withConcurrency(1);
    const before: number[] = [];
    const serial: number[] = [];
    const parallel: number[] = [];
    for (let r = 0; r < REPEATS; r++) {
      before.push(
        await seconds(async () => {
          for (const theta of thetas) await call('problem/test-evaluation', { problem: one, problemDir, theta });
        }),
      );
      serial.push(await seconds(() => call('problem/test-evaluations', { problem: one, problemDir, thetas })));
      parallel.push(await seconds(() => call('problem/test-evaluations', { problem: withConcurrency(2), problemDir, thetas })));
    }
    console.log(`| ${label} | ${median(before).toFixed(2)} | ${median(serial).toFixed(2)} | ${median(parallel).toFixed(2)} |`);
  }
  console.log(`\nload average at the end: ${load()}`);
} finally {
  await manager.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
}
