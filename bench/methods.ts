/**
 * `npm run bench:methods` (issue 10 item 5): how many forward evaluations each method needs to
 * reach GMKI's accuracy, on the paper's two-modal and four-modal problems, and dfgmvi's on
 * UM-Bridge's analytic densities (log-density models, which GMKI cannot run).
 *
 * Accuracy is the notebooks' grid L1 (TV = L1/2) against the exact density (bench/methods/accuracy.ts:
 * mixtures on the grid, particles through an oracle-bandwidth kernel density estimate, and the
 * same estimate of J exact draws as the floor). Each rival climbs a ladder of budgets
 * (bench/methods/budgets.ts) until its median L1 over the seeds reaches the anchors'. Evaluations
 * are the driver's count of what each run asked for. In this process, one thread, built-in models.
 * What it measures and the latest figures: docs/benchmarks.md.
 *
 *   npm run bench:methods                                   everything (≈ 20 min on 2 cores at load 15–20)
 *   npm run bench:methods -- --quick                        a smoke run: seed 1, short ladders (≈ 1 min)
 *   npm run bench:methods -- --problems two-modal-2d,donut-density-2d --methods smc --seeds 1,2
 *   npm run bench:methods -- --seeds 5 --max-particles 8000
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { MethodName } from '../core/problem/types';
import { describeMachine } from './machine';
import { budgetSeries } from './methods/budgets';
import type { BenchProblem } from './methods/problems';
import { parseOptions, USAGE } from './methods/options';
import { count, detailRow, l1Text, overallVerdict, ratioText, reach, table, TARGET_RATIO, verdict, type Reach } from './methods/report';
import { climb, FloorCache, measure, median, type MeasureContext, type Measured } from './methods/search';

const parsed = parseOptions(process.argv.slice(2));
if (!parsed.ok) {
  if (parsed.help) console.log(USAGE);
  else console.error(`bench:methods: ${parsed.message}\n${USAGE}`);
  process.exit(parsed.help ? 0 : 2);
}
const { options } = parsed;
const started = performance.now();
const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ');
const progress = (text: string): void => void process.stderr.write(`  ${text}\n`);

console.log(describeMachine());
console.log(`load average (1 / 5 / 15 min) at the start: ${load()}`);
console.log(`${options.quick ? 'QUICK smoke run (one budget series per method): ' : ''}seeds ${options.seeds.join(', ')}; smc J up to ${count(options.maxParticles)}`);
console.log(`
Accuracy: L1 = ∫|p − p_ref| dθ on the grid (no ½, range [0, 2]; TV = L1/2), p_ref the exact density normalised on the grid
(gmki-algorithm.md §5). A mixture (gmki-*, dfgmvi, uki) is evaluated on the grid and renormalised there (§5.2). Particles
(smc, eki, eks) pass through a Gaussian kernel density estimate (isotropic, linear binning on the grid), with the bandwidth
of dx·√2^k, k = 0…10, that gives the smallest L1 — an oracle choice, favourable to the particle methods. "floor" = the
L1 of J exact draws from p_ref through the same estimate: below it, no sampler with J particles can be told from exact.
A budget reaches a target when its median L1 over the seeds is at most the target; "evaluations" is the median over the
seeds of the forward evaluations the runs asked for (the driver's count). Ladders: bench/methods/budgets.ts.
`);

interface ProblemResult {
  readonly problem: BenchProblem;
  readonly anchors: readonly { readonly method: MethodName; readonly measured: Measured }[];
  readonly rivals: readonly { readonly method: MethodName; readonly measured: readonly Measured[] }[];
  readonly exactDrawsNeeded: readonly (number | null)[];
}

/** The smallest J of smc's ladder whose exact draws reach `target` (median over the seeds), or null. */
function exactDrawsNeeded(context: MeasureContext, target: number): number | null {
  for (const budget of budgetSeries('smc', options.maxParticles)[0].budgets) {
    if (median(context.seeds.map((seed) => context.floors.get(budget.particles!, seed))) <= target) return budget.particles;
  }
  return null;
}

function runProblem(problem: BenchProblem): ProblemResult {
  const ref = problem.reference();
  const context: MeasureContext = { exampleId: problem.id, ref, seeds: options.seeds, floors: new FloorCache(ref) };
  const anchors = problem.anchors.map((method) => {
    const measured = measure(context, 'the example’s settings', { label: 'example', settings: { method }, particles: null });
    progress(`${problem.id} ${method}: L1 ${median(measured.l1).toFixed(3)}, ${measured.seconds.toFixed(1)} s`);
    return { method, measured };
  });
  const targets = anchors.map((a) => median(a.measured.l1));
  const rivals = problem.rivals
    .filter((method) => !options.methods || options.methods.includes(method))
    .map((method) => ({
      method,
      measured: budgetSeries(method, options.maxParticles, options.firstSeriesOnly).flatMap((series) =>
        climb(series.budgets, targets, (budget) => {
          const m = measure(context, series.label, budget);
          progress(
            `${problem.id} ${method} ${m.series}, ${m.budget.label}: L1 ${median(m.l1).toFixed(3)}, ${count(median(m.evaluations))} evaluations, ${m.seconds.toFixed(1)} s (load ${load()})`,
          );
          return m;
        }),
      ),
    }));
  return { problem, anchors, rivals, exactDrawsNeeded: targets.map((t) => exactDrawsNeeded(context, t)) };
}

function reachCells(r: Reach, anchorEvaluations: number): string[] {
  if (!r.reached) return [`not reached up to ${count(r.upTo)} (best L1 ${r.bestL1.toFixed(3)})`, '—', '—', `> ${ratioText(r.upTo / anchorEvaluations)}`];
  const m = r.measured;
  const evaluations = median(m.evaluations);
  return [
    `${m.series}, ${m.budget.label}: ${count(evaluations)}`,
    median(m.l1).toFixed(3),
    m.floor ? median(m.floor).toFixed(3) : '—',
    ratioText(evaluations / anchorEvaluations),
  ];
}

const results: ProblemResult[] = [];
for (const problem of options.problems) {
  const t0 = performance.now();
  const result = runProblem(problem);
  results.push(result);
  const rows: string[][] = [];
  result.anchors.forEach((anchor, a) => {
    const target = median(anchor.measured.l1);
    const anchorEvaluations = median(anchor.measured.evaluations);
    const drawn = result.exactDrawsNeeded[a];
    rows.push([`${anchor.method} (anchor)`, `${l1Text(target)} with ${count(anchorEvaluations)}`, '', '', '']);
    rows.push(['exact draws', drawn === null ? `> ${count(options.maxParticles)} draws` : `${count(drawn)} draws`, '', '', '']);
    for (const rival of result.rivals) rows.push([`  ${rival.method}`, ...reachCells(reach(target, rival.measured), anchorEvaluations)]);
  });
  const cannot = problem.kind === 'density' ? 'gmki-paper, gmki-robust, uki, eki, eks cannot run a log-density model (they need G(θ) and y)' : '';
  console.log(
    `\n## ${problem.id} (${problem.source}; grid ${problem.box[2]}² on [${problem.box[0]}, ${problem.box[1]}]²; ${((performance.now() - t0) / 1000).toFixed(0)} s)`,
  );
  if (cannot) console.log(cannot);
  console.log(table(['method', 'smallest budget reaching the anchor’s median L1: evaluations', 'its L1', 'floor', '÷ anchor'], rows));
}

console.log('\n## Summary: smc’s evaluations at the anchor’s accuracy');
console.log(
  table(
    ['problem', 'anchor', 'anchor L1 (TV)', 'anchor evaluations', 'smc evaluations', 'smc ÷ anchor'],
    results.flatMap((r) =>
      r.anchors.flatMap((anchor) => {
        const smc = r.rivals.find((x) => x.method === 'smc');
        if (!smc) return [];
        const target = median(anchor.measured.l1);
        const anchorEvaluations = median(anchor.measured.evaluations);
        const cells = reachCells(reach(target, smc.measured), anchorEvaluations);
        return [[r.problem.id, anchor.method, l1Text(target), count(anchorEvaluations), cells[0], cells[3]]];
      }),
    ),
  ),
);

const verdicts = results
  .filter((r) => r.problem.kind === 'paper')
  .flatMap((r) =>
    r.anchors.flatMap((anchor) => {
      const smc = r.rivals.find((x) => x.method === 'smc');
      if (!smc) return [];
      const v = verdict(median(anchor.measured.evaluations), reach(median(anchor.measured.l1), smc.measured));
      const mark = { holds: '✓', fails: '✗ fails', undetermined: '? smc’s ladder too short to tell' }[v.outcome];
      return [{ ...v, text: `${r.problem.id} / ${anchor.method}: ${v.lowerBound ? '> ' : ''}${ratioText(v.ratio)} ${mark}` }];
    }),
  );
const TARGET = `Issue 10's target, GMKI ≥ ${TARGET_RATIO}× fewer evaluations than smc at equal L1 on the paper's problems`;
if (verdicts.length === 0) console.log(`\n${TARGET}: not measured (no paper problem with smc in this run).`);
else {
  const outcome = { holds: 'MET', fails: 'NOT MET', undetermined: 'UNDETERMINED (raise --max-particles)' }[overallVerdict(verdicts)];
  console.log(`\n${TARGET}: ${outcome}${options.quick ? ' (quick run: one seed, short ladders)' : ''}.`);
  for (const v of verdicts) console.log(`  ${v.text}`);
  console.log('  ("> r×": smc did not reach the anchor’s L1 within its largest budget, so r is a lower bound.)');
}

console.log('\n## Every budget measured');
console.log(
  table(
    ['problem', 'method', 'series', 'budget', 'evaluations', 'median L1 (TV)', 'floor', 'L1 per seed', 'time (s)'],
    results.flatMap((r) => [
      ...r.anchors.map((a) => detailRow(r.problem.id, a.method, a.measured)),
      ...r.rivals.flatMap((x) => x.measured.map((m) => detailRow(r.problem.id, x.method, m))),
    ]),
  ),
);
console.log(`\nelapsed ${((performance.now() - started) / 60000).toFixed(1)} min; load average at the end: ${load()}`);
