/**
 * `npm run bench:scale`: the paper's Darcy problem (darcy-2d, d = 128, K = 3, 50 iterations =
 * 38 550 PDE solves; issue 9 item 6) end to end through the real run machinery, as `gmki run`
 * drives it: a stored run in a real SQLite file (temporary folder), the run manager, a run worker
 * thread, the model's worker pool with `concurrency` slots and the exploration threads. Prints the
 * wall time, the evaluations, the slots' utilisation from the ledger, GMKI's own time per
 * iteration, the store's size and whether both mirror modes were found (bench/scale-figures.ts).
 *
 *   npm run bench:scale                                  the issue's run (≈ 15 min on 2 quiet cores)
 *   npm run bench:scale -- --iterations 5 --components 1 a short one
 *   options: --iterations N  --components K  --method M  --concurrency C  --seed S
 *            --initial-covariance c   start from the prior's means with covariances c·I (the
 *                                     authors' set-up is c = 1; the example's is the prior, 10² I)
 *            --json FILE              also write the figures as JSON
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMethodEngine } from '../core/methods';
import { parseProblem } from '../core/problem';
import { DARCY_EXAMPLE } from '../core/problem/darcy-example';
import type { ResolvedProblem } from '../core/problem/types';
import { prepareNewRun } from '../electron/services/runs/lifecycle';
import { createRunManager } from '../electron/services/runs/run-manager';
import { openRunStore } from '../electron/services/store';
import type { IterationEntry } from '../electron/services/store/types';
import { describeMachine } from './machine';
import { componentModes, MODE_ERROR, MODE_WEIGHT, modesFound, ownTime, summary, utilisation, type IterationLedger } from './scale-figures';
import { parseScaleOptions, type ScaleOptions } from './scale-options';

const load = (): number => loadavg()[0]!;
const mib = (bytes: number): string => (bytes / 2 ** 20).toFixed(1);
const fileSize = (path: string): number => {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
};

/** The example's problem with the options' settings, validated as `gmki run` validates it. */
function problemOf(options: ScaleOptions): ResolvedProblem {
  const { settings } = DARCY_EXAMPLE.problem as { settings: Record<string, unknown> };
  const overrides = Object.fromEntries(
    (['iterations', 'components', 'method', 'concurrency', 'seed'] as const).filter((key) => options[key] !== undefined).map((key) => [key, options[key]]),
  );
  const parse = (initialization: unknown): ResolvedProblem => {
    const parsed = parseProblem({ ...DARCY_EXAMPLE.problem, settings: { ...settings, ...overrides, initialization } }, { cpuCount: availableParallelism() });
    if (!parsed.ok) throw new Error(parsed.errors.map((error) => `${error.path}: ${error.message}`).join('\n'));
    return parsed.problem;
  };
  const problem = parse(settings.initialization);
  if (options.initialCovariance === undefined) return problem;
  // The same means as the prior initialisation (the method's own draws), covariances c·I.
  const { nComponents: k, nTheta: d, means } = createMethodEngine(problem).initialState().mixture;
  const identity = Array.from({ length: d }, (_, r) => Array.from({ length: d }, (_, c) => (r === c ? options.initialCovariance! : 0)));
  return parse({
    type: 'explicit',
    weights: new Array(k).fill(1 / k),
    means: Array.from({ length: k }, (_, j) => Array.from(means.subarray(j * d, (j + 1) * d))),
    covariances: new Array(k).fill(identity),
  });
}

async function main(options: ScaleOptions): Promise<void> {
  const problem = problemOf(options);
  const s = problem.settings;
  const d = problem.parameterNames.length;
  const perIteration = s.components * (2 * d + 1);
  const expected = perIteration * s.iterations;
  const loadAtStart = load();
  console.log(describeMachine());
  console.log(
    `darcy-2d: d = ${d}, ${problem.observations.values.length} observations, method ${s.method}, K = ${s.components}, Δt = ${s.dt}, ` +
      `${s.iterations} iterations, seed ${s.seed}, concurrency ${s.concurrency}, initialisation ` +
      `${options.initialCovariance === undefined ? 'prior (means drawn from the prior, covariances 10² I)' : `prior means, covariances ${options.initialCovariance}·I`}`,
  );
  console.log(`expected evaluations: K(2d+1)·iterations = ${s.components}·${2 * d + 1}·${s.iterations} = ${expected}`);
  console.log(`load average at the start: ${loadAtStart.toFixed(2)} (1 min; 2 cores here)\n`);

  const dir = mkdtempSync(join(tmpdir(), 'gmki-bench-scale-'));
  const dbPath = join(dir, 'runs.sqlite');
  const store = openRunStore(dbPath);
  const manager = createRunManager({ store });
  try {
    const run = store.createRun(await prepareNewRun({ problem, problemDir: dir }));
    const loads: number[] = [];
    const dbSizes = new Map<number, number>();
    let lastIteration = 0;
    manager.onProgress((progress) => {
      if (progress.iteration === lastIteration) return;
      lastIteration = progress.iteration;
      loads.push(load());
      dbSizes.set(progress.iteration, fileSize(dbPath));
      const weights = progress.weights.map((w) => w.toFixed(3)).join(' ');
      console.log(
        `iteration ${progress.iteration}/${progress.iterations}: ${progress.evaluationsDone} evaluations, ${progress.elapsedSeconds.toFixed(0)} s, ` +
          `weights ${weights}, database ${mib(fileSize(dbPath))} + WAL ${mib(fileSize(`${dbPath}-wal`))} MiB, load ${loads.at(-1)!.toFixed(2)}`,
      );
    });
    const cpuStart = process.cpuUsage();
    const wallStart = performance.now();
    manager.enqueue(run.id);
    const final = await manager.whenSettled(run.id);
    const wallSeconds = (performance.now() - wallStart) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    await manager.close();
    if (final.status !== 'completed') throw new Error(`the run ended ${final.status}: ${final.error}`);

    const history = store.getIterations(run.id);
    const ledgers: IterationLedger[] = history.slice(1).map((entry) => {
      const rows = store.getEvaluations(run.id, { iteration: entry.iteration, limit: perIteration + 1 });
      const perSlot = new Map<number, number>();
      for (const row of rows) perSlot.set(row.slot, (perSlot.get(row.slot) ?? 0) + 1);
      return { iteration: entry.iteration, evaluations: rows.length, busyMs: rows.reduce((sum, row) => sum + row.durationMs, 0), perSlot };
    });
    store.checkpoint();
    const afterCheckpoint = { db: fileSize(dbPath), wal: fileSize(`${dbPath}-wal`) };
    store.close();
    const closed = fileSize(dbPath) + fileSize(`${dbPath}-wal`);

    const use = utilisation(history, ledgers, s.concurrency);
    const own = ownTime(history);
    const components = componentModes(history.at(-1)!);
    const found = modesFound(components);
    const loadAtEnd = load();
    const ms = (x: { median: number; mean: number; max: number }) => `median ${x.median.toFixed(0)}, mean ${x.mean.toFixed(0)}, max ${x.max.toFixed(0)} ms`;
    const sized = [...dbSizes.entries()].filter(([n]) => n >= 2);
    const growth = sized.length >= 2 ? (sized.at(-1)![1] - sized[0]![1]) / (sized.at(-1)![0] - sized[0]![0]) : NaN;

    console.log(`\n## darcy-2d, ${s.method}, K = ${s.components}, ${s.iterations} iterations, concurrency ${s.concurrency}`);
    console.log(
      `wall time: ${(wallSeconds / 60).toFixed(2)} min (${wallSeconds.toFixed(0)} s, start-up and the initial commit included)${expected === 38_550 ? '; target ≤ 20 min' : ''}`,
    );
    console.log(`run's own elapsed time: ${final.elapsedSeconds.toFixed(0)} s`);
    console.log(
      `evaluations: ${final.forwardEvaluations} in the run record, ${use.evaluations} in the ledger; expected ${expected}: ${final.forwardEvaluations === expected && use.evaluations === expected ? 'exact' : 'MISMATCH'}`,
    );
    console.log(
      `evaluations per slot: ${[...use.evaluationsPerSlot.entries()]
        .sort(([a], [b]) => a - b)
        .map(([slot, n]) => `slot ${slot}: ${n}`)
        .join(', ')}`,
    );
    console.log(`median evaluation (ledger duration): ${summary(ledgers.map((l) => l.busyMs / l.evaluations)).median.toFixed(1)} ms`);
    console.log(
      `this process's CPU time: ${((cpu.user + cpu.system) / 1e6).toFixed(0)} s = ${((cpu.user + cpu.system) / 1e6 / wallSeconds).toFixed(2)} cores on average`,
    );
    console.log('\nslot utilisation (Σ ledger durations ÷ slots × wall):');
    console.log(`  during the evaluation phases: ${(100 * use.duringEvaluation).toFixed(1)} % (target ≥ 95 %)`);
    console.log(`  over the iterations (GMKI's own time and the commits count as idle): ${(100 * use.overIterations).toFixed(1)} %`);
    console.log(`  idle between batches per iteration (ask + tell + commit): ${ms(use.idleMsPerIteration)}`);
    console.log(`  slot time unused inside a batch per iteration (its ragged end, dispatch): ${ms(use.slackMsPerIteration)}`);
    console.log(`\nGMKI's own time per iteration: ${ms(own.total)}`);
    console.log(`  ask (exploration step, sigma points): ${ms(own.ask)}`);
    console.log(`  tell (analysis step, weights): ${ms(own.tell)}`);
    console.log(`  store commit and the rest between batches: ${ms(own.commitAndOther)}`);
    console.log(`\nstore: after a checkpoint, database ${mib(afterCheckpoint.db)} MiB + WAL ${mib(afterCheckpoint.wal)} MiB; closed: ${mib(closed)} MiB`);
    console.log(`  growth per iteration (database file, iterations ${sized[0]?.[0]}–${sized.at(-1)?.[0]}): ${mib(growth)} MiB`);
    console.log(`\nfinal components (relative error of log κ; a mode is found by a component of weight ≥ ${MODE_WEIGHT} within ${MODE_ERROR}):`);
    console.log('| component | weight | vs truth | vs mirrored truth |');
    console.log('|---:|---:|---:|---:|');
    for (const c of components) console.log(`| ${c.component} | ${c.weight.toFixed(3)} | ${c.truth.toFixed(3)} | ${c.mirrored.toFixed(3)} |`);
    console.log(`truth found: ${found.truth ? 'yes' : 'no'}; mirrored truth found: ${found.mirrored ? 'yes' : 'no'}: ${found.truth && found.mirrored ? 'PASS' : 'FAIL'}`);
    printTrajectory(history);
    console.log(
      `\nload average: ${loadAtStart.toFixed(2)} at the start, ${loadAtEnd.toFixed(2)} at the end; during the run mean ${summary(loads).mean.toFixed(2)}, max ${summary(loads).max.toFixed(2)}`,
    );
    if (options.json) {
      const figures = {
        options,
        settings: { method: s.method, components: s.components, iterations: s.iterations, seed: s.seed, concurrency: s.concurrency },
        wallSeconds,
        evaluations: use.evaluations,
        use: { ...use, evaluationsPerSlot: Object.fromEntries(use.evaluationsPerSlot) },
        own,
        store: { afterCheckpoint, closed, growth },
        components,
        found,
        load: { start: loadAtStart, end: loadAtEnd, during: summary(loads) },
      };
      writeFileSync(options.json, `${JSON.stringify(figures, null, 2)}\n`);
    }
  } finally {
    await manager.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Weight and the smaller of the two errors of every component, every tenth iteration. */
function printTrajectory(history: readonly IterationEntry[]): void {
  console.log('\n| iteration | per component: weight, error vs truth / vs mirrored truth |');
  console.log('|---:|---|');
  for (const entry of history.filter((e, i) => e.iteration % 10 === 0 || e.iteration === 1 || i === history.length - 1)) {
    const text = componentModes(entry)
      .map((c) => `${c.weight.toFixed(2)}, ${c.truth.toFixed(2)} / ${c.mirrored.toFixed(2)}`)
      .join(' · ');
    console.log(`| ${entry.iteration} | ${text} |`);
  }
}

await main(parseScaleOptions(process.argv.slice(2)));
