/**
 * The runs browser with 1 000 runs (issue 4's target: listing, filtering and counting each well
 * under 100 ms): the store's queries on a real SQLite file, and the page's own filter over the
 * list it loaded. What the queries return and that they use the indexes is tested in
 * test/electron/services/store/listing.test.ts; this file only times them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { RunSummary } from '../electron/contract/types';
import { type NewRun, openRunStore, type RunStore } from '../electron/services/store/index';
import { filterRuns } from '../renderer/src/runs/filter';
import { describeMachine } from './machine';

const RUNS = 1000;
const TARGET_MS = 100;

export interface ListingFigure {
  readonly query: string;
  /** Median of three calls (the first also prepares the statement). */
  readonly medianMs: number;
  readonly slowestMs: number;
}

function timed(query: string, call: () => unknown): ListingFigure {
  const ms: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    call();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  return { query, medianMs: ms[1]!, slowestMs: ms[2]! };
}

/** 1 000 runs: two problems, mostly completed, some failed, cancelled or queued, a tenth tagged. */
function fill(store: RunStore): void {
  for (let i = 0; i < RUNS; i++) {
    const problem = {
      format: 'gmki-problem/1',
      name: i % 2 === 0 ? 'Darcy flow' : 'Bimodal 2-D',
      settings: { method: 'gmki-paper', components: 3, iterations: 30, seed: 1, initialization: { type: 'prior' } },
    };
    const run: NewRun = {
      name: `Run ${i}`,
      problem: problem as unknown as NewRun['problem'],
      problemDir: null,
      nTheta: 2,
      softwareName: 'bench',
      softwareVersion: '0',
      modelHash: null,
    };
    const { id } = store.createRun(run);
    if (i % 50 !== 11) {
      store.claimRun(id, { pid: process.pid, host: 'bench' });
      const status = i % 10 === 3 ? 'failed' : i % 25 === 7 ? 'cancelled' : 'completed';
      store.finishRun(id, status, status === 'completed' ? null : `It was ${status}.`);
    }
    if (i % 10 === 0) store.addTag(id, 'paper');
    if (i % 100 === 0) store.addTag(id, 'baseline');
    if (i === 500) store.setNotes(id, 'Größere Schrittweite: zweiter Modus verschwindet');
  }
}

export function benchStoreListing(): ListingFigure[] {
  const dir = mkdtempSync(join(tmpdir(), 'gmki-bench-listing-'));
  const store = openRunStore(join(dir, 'gmki.sqlite'));
  try {
    fill(store);
    const all = store.listRuns() as RunSummary[];
    return [
      timed('listRuns() all', () => store.listRuns()),
      timed('listRuns({ limit: 50, offset: 100 })', () => store.listRuns({ limit: 50, offset: 100 })),
      timed("listRuns({ status: 'failed' })", () => store.listRuns({ status: 'failed' })),
      timed("listRuns({ tag: 'paper' })", () => store.listRuns({ tag: 'paper' })),
      timed("listRuns({ tag: 'baseline', status })", () => store.listRuns({ tag: 'baseline', status: 'completed' })),
      timed("listRuns({ search: 'run 99' })", () => store.listRuns({ search: 'run 99' })),
      timed("listRuns({ search: 'DARCY' }) (problem name)", () => store.listRuns({ search: 'DARCY' })),
      timed("listRuns({ search: 'GRÖßERE' }) (notes)", () => store.listRuns({ search: 'GRÖßERE' })),
      timed('countRuns()', () => store.countRuns()),
      timed("countRuns({ tag: 'paper', search: 'run 1' })", () => store.countRuns({ tag: 'paper', search: 'run 1' })),
      timed("the page's filterRuns (search, status, tag)", () => filterRuns(all, { search: 'run', statuses: ['completed'], tags: ['paper'] })),
    ];
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Prints the figures as a table (for `npm run bench`). */
export function printStoreListingBenchmark(): ListingFigure[] {
  const figures = benchStoreListing();
  console.log(`\nRuns browser with ${RUNS} runs: each query and the page's filter (target: well under ${TARGET_MS} ms), load average ${loadavg()[0]!.toFixed(1)}\n`);
  console.log('| query | median (ms) | slowest of 3 (ms) | under target |');
  console.log('|---|---:|---:|:---:|');
  for (const f of figures) console.log(`| ${f.query} | ${f.medianMs.toFixed(2)} | ${f.slowestMs.toFixed(2)} | ${f.medianMs < TARGET_MS ? 'yes' : 'NO'} |`);
  return figures;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(describeMachine());
  printStoreListingBenchmark();
}
