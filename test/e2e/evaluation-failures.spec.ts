// Failed evaluations that do not kill a run (settings.onEvaluationFailure "skip"), through a real
// `gmki serve`: the run setup offers the setting with its default and range, and a small run with
// a model that fails on ~2 % of points (test/fixtures/models/fails-sometimes.mjs, by a hash of θ)
// completes with its failed count, the failures per iteration, the skipped components and the
// warning for the last iteration's skip on the run page — the same numbers the services store.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, ROOT, test } from './fixtures';

const FIXTURE = pathToFileURL(resolve(ROOT, 'test/fixtures/models/fails-sometimes.mjs')).href;

interface IterationJson {
  iteration: number;
  diagnostics: { failures?: { count: number; perComponent?: number[] } };
}

test('the run setup offers onEvaluationFailure with its default, and the fraction only under skip', async ({ gmki }) => {
  const { page } = gmki;
  await gmki.open('/setup');
  await page.getByTestId('example-two-modal-2d').click();
  await expect(page.getByTestId('group-failures')).toContainText('Failed evaluations');
  await expect(page.getByTestId('default-onEvaluationFailure')).toHaveText('default: stop');
  await expect(page.getByTestId('field-onEvaluationFailure')).toContainText('skip goes on without the failed points');
  await expect(page.getByTestId('default-maxFailureFraction')).toHaveText('default: 0.5');
  await expect(page.getByTestId('field-maxFailureFraction').locator('input')).toBeDisabled();
});

test('a run with a model failing on ~2 % of points completes under skip and shows its failures', async ({ gmki }) => {
  test.setTimeout(180_000);
  const { page } = gmki;
  writeFileSync(join(gmki.app.workDir, 'fails-sometimes.mjs'), `export { forward } from ${JSON.stringify(FIXTURE)};\n`);
  const problem = {
    format: 'gmki-problem/1',
    name: 'Sometimes failing',
    parameters: [
      { name: 'a', prior: { mean: 0, std: 1 } },
      { name: 'b', prior: { mean: 1, std: 1 } },
    ],
    observations: { values: [4.2, 0.5], noise: { std: [1, 0.5] } },
    model: { type: 'javascript', path: 'fails-sometimes.mjs' },
    // Seed 3 and 6 iterations: failures in iteration 1 and in the last one (the warning's case).
    settings: { method: 'gmki-paper', components: 3, iterations: 6, seed: 3, concurrency: 2, posteriorSamples: 10, onEvaluationFailure: 'skip' },
  };
  const run = await gmki.invoke<{ id: string }>('run/start', { problem, problemDir: gmki.app.workDir, name: 'Sometimes failing' });
  await gmki.open(`/runs/${run.id}`);
  await expect(page.getByTestId('run-status')).toHaveText('completed', { timeout: 120_000 });

  const stored = await gmki.invoke<{ failedEvaluations: number }>('run/get', { runId: run.id });
  const { iterations } = await gmki.invoke<{ iterations: IterationJson[] }>('run/iterations', { runId: run.id });
  const withFailures = iterations.filter((entry) => entry.diagnostics.failures);
  const recorded = withFailures.reduce((sum, entry) => sum + entry.diagnostics.failures!.count, 0);
  expect(recorded, 'the model failed somewhere').toBeGreaterThan(0);
  expect(stored.failedEvaluations).toBe(recorded);
  const last = iterations.at(-1)!;
  const skippedLast = (last.diagnostics.failures?.perComponent ?? []).flatMap((count, k) => (count > 0 ? [k] : []));
  expect(skippedLast.length, 'seed 3 skips a component in the last iteration').toBeGreaterThan(0);

  // A completed run opens on its result: the record counts the failures, the Progress tab shows them.
  await expect(page.getByTestId('repro-forward-evaluations')).toHaveText(`90 (${recorded} failed)`);
  await page.getByRole('tab', { name: 'Progress' }).click();
  await expect(page.getByTestId('run-failed-count')).toBeVisible();
  await expect(page.getByTestId('run-failed-count')).toHaveText(String(recorded));
  const perIteration = page.getByTestId('failures-per-iteration');
  for (const entry of withFailures)
    await expect(perIteration).toContainText(new RegExp(`${entry.iteration}\\s*${entry.diagnostics.failures!.count}\\s*components? [\\d, and]+ skipped`));
  await expect(page.getByTestId('skipped-last-iteration')).toBeVisible();
  await expect(page.getByTestId('skipped-last-iteration')).toContainText(
    `The last iteration (${last.iteration}) skipped component${skippedLast.length > 1 ? 's' : ''} ${skippedLast.join(' and ')}`,
  );
  await expect(page.getByTestId('failed-evaluations')).toContainText('the solver diverged at this θ');
  // Both the monitor's and the result's diagnostics name the skipped component.
  const panels = page.getByTestId('diagnostics-panel');
  await expect(panels).toHaveCount(2);
  for (const panel of await panels.all()) await expect(panel).toContainText(`Component ${skippedLast[0]} was skipped in`);
  await expect(page.getByTestId('run-log')).toContainText(`iteration ${last.iteration}: ${last.diagnostics.failures!.count} of 15 evaluations failed`);
  await gmki.screenshot('run-monitor-skipped-failures');
});
