// Runs of the methods beside GMKI (issue 10 item 1: uki, eki, eks, smc) in the app: the runs
// browser, the run view (monitor and result), Compare and the samples export work on them without
// an error in the page. The app-side features of item 2 are checked in reference-sampler.spec.ts; this is what must not break.
import { readFileSync } from 'node:fs';
import { expect, test, type GmkiPage } from './fixtures';
import { clearRuns, exampleProblem } from './runs-seed';

test.describe.configure({ mode: 'serial' });

interface Run {
  id: string;
  name: string;
  status: string;
  method: string;
  iterations: number;
  iterationsDone: number;
}

const METHOD_SETTINGS: Record<string, Record<string, unknown>> = {
  uki: { method: 'uki', iterations: 5 },
  eki: { method: 'eki', particles: 30, iterations: 5 },
  eks: { method: 'eks', particles: 30, iterations: 5 },
  smc: { method: 'smc', particles: 200, mhSteps: 5, maxStages: 10, posteriorSamples: 200 },
};

async function startMethodRuns(gmki: GmkiPage): Promise<Run[]> {
  const base = await exampleProblem(gmki, 'two-modal-2d-shifted', 5);
  const started: Run[] = [];
  for (const [method, settings] of Object.entries(METHOD_SETTINGS)) {
    const problem = { ...base, settings };
    started.push(await gmki.invoke<Run>('run/start', { problem, name: `${method} run` }));
  }
  const ids = started.map((run) => run.id);
  await expect
    .poll(async () => (await Promise.all(ids.map((runId) => gmki.invoke<Run>('run/get', { runId })))).map((run) => run.status), { timeout: 120_000 })
    .toEqual(ids.map(() => 'completed'));
  return Promise.all(ids.map((runId) => gmki.invoke<Run>('run/get', { runId })));
}

let runs: Run[] = [];

test('the runs browser lists completed runs of uki, eki, eks and smc', async ({ gmki }) => {
  await clearRuns(gmki);
  runs = await startMethodRuns(gmki);
  expect(runs.map((run) => run.method)).toEqual(['uki', 'eki', 'eks', 'smc']);
  const smc = runs[3]!;
  // smc records the iterations it did once it ends (its plan was an upper bound of 1 + 10·5)
  expect(smc.iterations).toBe(smc.iterationsDone);
  expect(smc.iterationsDone).toBeLessThanOrEqual(51);
  await gmki.open('/runs');
  for (const run of runs) await expect(gmki.page.getByText(run.name, { exact: true })).toBeVisible();
  await gmki.screenshot('methods-runs-browser');
});

test('each run view shows its monitor and its result without an error', async ({ gmki }) => {
  const { page } = gmki;
  for (const run of runs) {
    await gmki.open(`/runs/${run.id}`);
    await expect(page.getByRole('tab', { name: 'Progress' })).toBeVisible();
    await page.getByRole('tab', { name: 'Result' }).click();
    const corner = page.getByTestId('corner-card');
    await expect(corner.locator('canvas').first()).toBeVisible();
    await expect(page.getByTestId('components-table').locator('.el-table__body tr')).toHaveCount(1);
    // The ledger of a particle run holds particles' outputs, never a component mean's: no predictions.
    if (['eki', 'eks', 'smc'].includes(run.method)) await expect(page.getByTestId('predictive-card')).toContainText('evaluates particles, not component means');
    if (run.method === 'smc') await gmki.screenshot('methods-smc-result');
  }
});

test('Compare overlays the four methods', async ({ gmki }) => {
  const { page } = gmki;
  await gmki.open(`/compare?runs=${runs.map((run) => run.id).join(',')}`);
  await expect(page.getByTestId('compare-chip')).toHaveCount(4);
  for (const chart of ['compare-marginals', 'compare-pair']) await expect(page.getByTestId(chart).locator('canvas').first()).toBeVisible();
  await expect(page.getByTestId('settings-diff').getByTestId('diff-path')).toContainText(['settings.method']);
  await gmki.screenshot('methods-compare');
});

test('the samples CSV of an smc run is its particles, with a particle column', async ({ gmki }) => {
  const { page } = gmki;
  const smc = runs[3]!;
  await gmki.open(`/runs/${smc.id}`);
  await page.getByRole('tab', { name: 'Result' }).click();
  const samples = page.getByTestId('export-samples').locator('input');
  await samples.fill('200');
  await samples.press('Enter');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const lines = readFileSync(await download.path())
    .toString('utf8')
    .trimEnd()
    .split('\n');
  expect(lines[0]).toBe('theta1,theta2,particle');
  expect(lines.slice(1).map((line) => Number(line.split(',')[2]))).toEqual(Array.from({ length: 200 }, (_, j) => j));
});
