/**
 * Runs for the runs-browser, run-detail and export specs, started through the server from the
 * built-in examples with few iterations so they finish in a second or two.
 */
import type { GmkiPage } from './fixtures';

interface Example {
  readonly id: string;
  readonly problem: Record<string, unknown> & { name: string; settings?: Record<string, unknown> };
}
interface Run {
  readonly id: string;
  readonly name: string;
  readonly status: string;
}

/** The built-in example `id`'s problem with `iterations` iterations. */
export async function exampleProblem(gmki: GmkiPage, id: string, iterations: number): Promise<Example['problem']> {
  const examples = await gmki.invoke<Example[]>('problem/examples', {});
  const example = examples.find((candidate) => candidate.id === id);
  if (!example) throw new Error(`no example ${id}`);
  return { ...example.problem, settings: { ...example.problem.settings, iterations } };
}

/** Starts a run of example `id` named `name` and waits until it has settled. */
export async function seedRun(gmki: GmkiPage, id: string, name: string, iterations = 3): Promise<Run> {
  const problem = await exampleProblem(gmki, id, iterations);
  const started = await gmki.invoke<Run>('run/start', { problem, name });
  // However long it takes on a loaded machine: the test's own time limit is the only one.
  for (;;) {
    const run = await gmki.invoke<Run>('run/get', { runId: started.id });
    if (!['queued', 'running'].includes(run.status)) return run;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Deletes every run in the server's database (cancelling any still going): spec files share one
 * server per Playwright worker, so a spec about the whole list starts by emptying it.
 */
export async function clearRuns(gmki: GmkiPage): Promise<void> {
  const list = async () => (await gmki.invoke<{ runs: Run[] }>('runs/list', { limit: 10_000 })).runs;
  for (const run of await list()) {
    if (['queued', 'running'].includes(run.status)) await gmki.invoke('run/cancel', { runId: run.id });
  }
  while ((await list()).some((run) => ['queued', 'running'].includes(run.status))) await new Promise((resolve) => setTimeout(resolve, 100));
  for (const run of await list()) await gmki.invoke('run/delete', { runId: run.id });
}
