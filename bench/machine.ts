/** A one-paragraph description of the machine a benchmark ran on, printed with its figures. */
import { cpus, totalmem } from 'node:os';

export function describeMachine(): string {
  const cpu = cpus();
  return [
    `machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}`,
    `${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
    `Node ${process.version} (V8 ${process.versions.v8})`,
    `${process.platform}/${process.arch}`,
  ].join(', ');
}

/** Peak resident set size of this process so far, in MiB. */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}
