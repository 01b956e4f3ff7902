/** `npm run bench`: every benchmark, with the machine it ran on and the figures it measured. */
import { benchEventLoop } from './event-loop';
import { timeIteration } from './exploration';
import { runHostBenchmarks } from './hosts';
import { describeMachine, peakRssMiB } from './machine';
import { printStoreBenchmark } from './store';

const cases = [
  { nTheta: 2, nComponents: 6, samples: 10_000 },
  { nTheta: 32, nComponents: 10, samples: 10_000 },
  { nTheta: 128, nComponents: 3, samples: 10_000 },
  { nTheta: 128, nComponents: 10, samples: 10_000 },
];

console.log(describeMachine());
console.log('\n## GMKI iteration cost without forward evaluations (N_s = Monte Carlo samples of the exploration step)');
console.log('target: d = 128, K = 3, N_s = 10⁴ in ≤ 0.5 s per iteration\n');
console.log('|   d |  K |    N_s | exploration + sigma points (s) | analysis (s) | total (s) | repeats |');
console.log('|----:|---:|-------:|-------------------------------:|-------------:|----------:|--------:|');
for (const c of cases) {
  const repeats = c.nTheta * c.nComponents > 400 ? 2 : 5;
  timeIteration({ ...c, samples: Math.min(c.samples, 1000) }, 1); // warm-up: lets V8 optimise the kernels
  const t = timeIteration(c, repeats);
  const total = t.askSeconds + t.tellSeconds;
  console.log(
    `| ${String(c.nTheta).padStart(3)} | ${String(c.nComponents).padStart(2)} | ${String(c.samples).padStart(6)} | ` +
      `${t.askSeconds.toFixed(3).padStart(30)} | ${t.tellSeconds.toFixed(3).padStart(12)} | ${total.toFixed(3).padStart(9)} | ${String(repeats).padStart(7)} |`,
  );
}
console.log(`\npeak memory so far (max RSS of this process): ${peakRssMiB().toFixed(0)} MiB`);

console.log('\n## Run store');
printStoreBenchmark();

console.log('\n## Forward-model hosts');
await runHostBenchmarks();

console.log('\n## Main thread while a run goes (target: event-loop delay ≤ 20 ms)');
const loop = await benchEventLoop();
console.log(
  `run of ${loop.runSeconds.toFixed(1)} s, ${loop.progressEvents} progress events: event-loop delay ` +
    `max ${loop.maxDelayMs.toFixed(1)} ms, p99 ${loop.p99DelayMs.toFixed(1)} ms, mean ${loop.meanDelayMs.toFixed(2)} ms`,
);
console.log(`\npeak memory (max RSS of this process): ${peakRssMiB().toFixed(0)} MiB`);
