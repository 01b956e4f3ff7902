/**
 * `npm run bench:modes`: mode discovery, gmki-paper vs gmki-robust, on the benchmarks of issue 5
 * (test/support/modes/benchmarks.ts), 10 seeds each: median and worst L1, forward evaluations,
 * and the fraction of seeds on which every mode got ≥ 1/3 of its true mass. Also prints how much
 * L1 moves when the reference grid spacing is halved.
 *
 *   npm run bench:modes                      the table (≈ 3–4 min on 2 cores)
 *   npm run bench:modes -- --seeds 5         fewer seeds
 *   npm run bench:modes -- --ablation        also gmki-robust with each ingredient changed (≈ 15 min)
 *   npm run bench:modes -- --only four-mode  cases whose id contains the text
 */
import { performance } from 'node:perf_hooks';
import type { GmkiMethod } from '../core/problem';
import { ABLATION_VARIANTS, runAblation } from '../test/support/modes/ablation';
import { MODE_BENCHMARKS, runBenchmark, type BenchmarkRun, type ModeBenchmark } from '../test/support/modes/benchmarks';
import { FOUR_MODE_SPACING, fourModeL1, fourModeReference } from '../test/support/modes/four-mode-3d';
import { rotatedL1, rotatedReference } from '../test/support/modes/rotated-bimodal';
import { describeMachine } from './machine';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const SEEDS = Array.from({ length: Number(option('--seeds') ?? 10) }, (_, i) => i + 1);
const only = option('--only');
const benchmarks = MODE_BENCHMARKS.filter((b) => !only || b.id.includes(only));
const METHODS: GmkiMethod[] = ['gmki-paper', 'gmki-robust'];

interface Summary {
  readonly median: number;
  readonly worst: number;
  readonly evaluations: number;
  readonly found: number;
  readonly perSeed: readonly BenchmarkRun[];
  readonly seconds: number;
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function summarise(runs: readonly BenchmarkRun[], seconds: number): Summary {
  const l1 = runs.map((r) => r.l1);
  return {
    median: median(l1),
    worst: Math.max(...l1),
    evaluations: runs[0].evaluations,
    found: runs.filter((r) => r.allModesFound).length,
    perSeed: runs,
    seconds,
  };
}

function timed(run: () => BenchmarkRun[]): Summary {
  const t0 = performance.now();
  const runs = run();
  return summarise(runs, (performance.now() - t0) / 1000);
}

function extraText(runs: readonly BenchmarkRun[]): string {
  const keys = Object.keys(runs[0].extra);
  return keys.map((k) => `${k} median ${median(runs.map((r) => r.extra[k])).toFixed(3)} (worst ${Math.max(...runs.map((r) => r.extra[k])).toFixed(3)})`).join(', ');
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

console.log(describeMachine());
console.log(`\nMode discovery: ${SEEDS.length} seeds (${SEEDS[0]}–${SEEDS.at(-1)}) per case and method.`);
console.log('L1 = ∫|p − p_ref| (no ½; TV = L1/2): four-mode-3d the full 3-D density, rotated-bimodal-10d the (φ1, φ2) marginal,');
console.log('the paper’s problems the notebooks’ grid L1. "all modes" = seeds on which every mode’s basin got ≥ 1/3 of its true mass.\n');

const results = new Map<string, Summary>();
const rows: string[][] = [];
for (const benchmark of benchmarks) {
  for (const method of METHODS) {
    const summary = timed(() => SEEDS.map((seed) => runBenchmark(benchmark, method, seed)));
    results.set(`${benchmark.id}|${method}`, summary);
    rows.push([
      benchmark.id,
      method,
      summary.median.toFixed(3),
      summary.worst.toFixed(3),
      String(summary.evaluations),
      `${summary.found}/${SEEDS.length}`,
      extraText(summary.perSeed),
      summary.seconds.toFixed(0),
    ]);
    process.stderr.write(`  done: ${benchmark.id} ${method}\n`);
  }
}
console.log(table(['case', 'method', 'median L1', 'worst L1', 'evaluations', 'all modes', 'other', 'time (s)'], rows));

console.log('\nL1 per seed:');
for (const [key, summary] of results) console.log(`  ${key.replace('|', ' / ')}: ${summary.perSeed.map((r) => r.l1.toFixed(3)).join(' ')}`);

console.log('\nReference resolution (seed 1 final mixtures): L1 at the reference spacing h and at h/2');
for (const [exampleId, l1At, h] of [
  ['four-mode-3d', (m: BenchmarkRun['final'], s: number) => fourModeL1(m, fourModeReference(s)), FOUR_MODE_SPACING],
  ['rotated-bimodal-10d', (m: BenchmarkRun['final'], s: number) => rotatedL1(m, rotatedReference(s)), rotatedReference().spacing],
] as const) {
  const benchmark = benchmarks.find((b) => b.exampleId === exampleId);
  if (!benchmark) continue;
  for (const method of METHODS) {
    const final = results.get(`${benchmark.id}|${method}`)!.perSeed[0].final;
    const coarse = l1At(final, h);
    const fine = l1At(final, h / 2);
    console.log(`  ${exampleId} / ${method}: h = ${h}: ${coarse.toFixed(5)}, h/2: ${fine.toFixed(5)}, |Δ| = ${Math.abs(coarse - fine).toExponential(1)}`);
  }
}

if (args.includes('--ablation')) {
  console.log('\nIngredients of gmki-robust, one changed at a time (median / worst L1, all modes found):');
  const ablationRows: string[][] = [];
  for (const variant of ABLATION_VARIANTS) {
    const cells = benchmarks.map((benchmark: ModeBenchmark) => {
      const s = timed(() => SEEDS.map((seed) => runAblation(benchmark, seed, variant.change)));
      return `${s.median.toFixed(3)} / ${s.worst.toFixed(3)}, ${s.found}/${SEEDS.length}`;
    });
    ablationRows.push([variant.name, ...cells]);
    process.stderr.write(`  done: ${variant.name}\n`);
  }
  console.log(table(['variant', ...benchmarks.map((b) => b.id)], ablationRows));
}
