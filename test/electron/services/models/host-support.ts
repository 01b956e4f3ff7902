/**
 * Helpers for the model-host tests: temporary problem folders with model files, a context that
 * records the run log, requests, and checks that processes the models started are gone.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EvaluationOutcome, EvaluationRequest, ModelHostContext } from '../../../../electron/services/models/host';
import { isProcessAlive } from '../../../../electron/services/models/process-tree';
import type { LogStream } from '../../../../electron/services/store/types';

export interface LogEntry {
  readonly stream: LogStream;
  readonly text: string;
}

/** A temporary folder holding the given files; `remove()` deletes it. */
export async function problemFolder(files: Record<string, string>): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'gmki-hosts-'));
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A host context whose log is kept in `entries`. */
export function testContext(problemDir: string, overrides: Partial<ModelHostContext> = {}): ModelHostContext & { readonly entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  return {
    problemDir,
    nTheta: 2,
    nOutputs: 1,
    concurrency: 2,
    retries: 1,
    closeGraceMs: 500,
    log: (stream, text) => entries.push({ stream, text }),
    ...overrides,
    entries,
  };
}

/** Requests 0..count-1 with θ = (i, f(i)). */
export function requests(count: number, second: (i: number) => number = (i) => -i): EvaluationRequest[] {
  return Array.from({ length: count }, (_, index) => ({ index, theta: [index, second(index)] }));
}

/** What the tests compare across runs: outputs and failures by index, not timings or slots. */
export function results(outcomes: readonly EvaluationOutcome[]): unknown[] {
  return outcomes.map(({ index, output, failure }) => ({ index, output, failure }));
}

/** Every number `pattern` captures (group 1) in the log. */
export function pidsInLog(entries: readonly LogEntry[], pattern: RegExp): number[] {
  return entries.flatMap((entry) => {
    const match = pattern.exec(entry.text);
    return match ? [Number(match[1])] : [];
  });
}

/** Waits up to `ms` for every pid to be gone; returns those still alive. */
export async function survivors(pids: readonly number[], ms = 3000): Promise<number[]> {
  const deadline = Date.now() + ms;
  for (;;) {
    const alive = pids.filter(isProcessAlive);
    if (alive.length === 0 || Date.now() > deadline) return alive;
    await delay(25);
  }
}

/** Waits until `condition()` holds (or `ms` passes, then throws). */
export async function waitFor(condition: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for a condition');
    await delay(10);
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A duration in ms that varies with θ like a random number but is the same on every run. */
export function jitterSource(language: 'js' | 'python', maxMs: number): string {
  return language === 'js'
    ? `Math.abs(Math.sin(theta[0] * 12.9898 + theta[1] * 78.233) * 43758.5453) % 1 * ${maxMs}`
    : `abs(math.sin(theta[0] * 12.9898 + theta[1] * 78.233) * 43758.5453) % 1 * ${maxMs}`;
}
