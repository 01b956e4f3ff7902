/** `npm run bench:engine`: GMKI's own cost per iteration only (bench/exploration.ts), with the machine. */
import { printIterationCostBenchmark } from './exploration';
import { describeMachine } from './machine';

console.log(describeMachine());
console.log();
await printIterationCostBenchmark();
