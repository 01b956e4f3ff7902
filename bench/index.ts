/** `npm run bench`: every benchmark, with the machine it ran on and the figures it measured. */
import { loadavg } from 'node:os';
import { runDarcyBenchmark } from './darcy';
import { benchEventLoop } from './event-loop';
import { benchExports } from './export';
import { printIterationCostBenchmark } from './exploration';
import { runHostBenchmarks } from './hosts';
import { describeMachine, peakRssMiB } from './machine';
import { printStoreBenchmark } from './store';
import { printStoreListingBenchmark } from './store-listing';

console.log(describeMachine());
console.log();
await printIterationCostBenchmark();
console.log(`\npeak memory so far (max RSS of this process): ${peakRssMiB().toFixed(0)} MiB`);

console.log('\n## Run store');
printStoreBenchmark();
printStoreListingBenchmark();

console.log('\n## Forward-model hosts');
await runHostBenchmarks();

console.log('\n## Darcy forward model (darcy-2d)');
await runDarcyBenchmark();

console.log('\n## Main thread while a run goes (target: event-loop delay ≤ 20 ms)');
const loop = await benchEventLoop();
console.log(
  `run of ${loop.runSeconds.toFixed(1)} s, ${loop.progressEvents} progress events: event-loop delay ` +
    `max ${loop.maxDelayMs.toFixed(1)} ms, p99 ${loop.p99DelayMs.toFixed(1)} ms, mean ${loop.meanDelayMs.toFixed(2)} ms`,
);
console.log('\n## Exports to a file while the main thread stays free (10⁶ posterior samples, d = 2)');
console.log('| format | samples | seconds | MiB | event-loop delay max (ms) | p99 (ms) | load average (1 min) |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const e of await benchExports()) {
  console.log(
    `| ${e.format} | ${e.samples} | ${e.seconds.toFixed(1)} | ${e.mebibytes.toFixed(0)} | ${e.maxDelayMs.toFixed(1)} | ${e.p99DelayMs.toFixed(1)} | ${loadavg()[0]!.toFixed(1)} |`,
  );
}
console.log(`\npeak memory (max RSS of this process): ${peakRssMiB().toFixed(0)} MiB`);
