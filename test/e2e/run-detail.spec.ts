// The run detail (issue 4, screen 5): a completed run's result, and a stopped run's cause.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, SCREENSHOTS, test } from './fixtures';
import { exampleProblem, seedRun } from './runs-seed';

test.describe.configure({ mode: 'serial' });

interface RunRecord {
  id: string;
  status: string;
  seed: number;
  softwareName: string;
  softwareVersion: string;
  iterationsDone: number;
  error: string | null;
}

test('a completed run shows the corner plot, components, predictive chart, problem as run and the record', async ({ gmki }) => {
  const { page } = gmki;
  const seeded = await seedRun(gmki, 'two-modal-2d', 'detail run', 5);
  const run = await gmki.invoke<RunRecord>('run/get', { runId: seeded.id });
  expect(run.status).toBe('completed');
  await gmki.open(`/runs/${run.id}`);
  await page.getByRole('tab', { name: 'Result' }).click();

  const detail = page.getByTestId('run-detail');
  await expect(detail.getByTestId('stop-alert')).toHaveCount(0);
  const corner = detail.getByTestId('corner-card');
  await expect(corner).toContainText('after iteration 5');
  await expect(corner.locator('canvas').first()).toBeVisible();

  const components = detail.getByTestId('components-table');
  await expect(components.locator('.el-table__body tr')).toHaveCount(3);
  await expect(components).toContainText('%');
  // Numbered from 0, as the component column of samples.csv and the arrays of mixture.json.
  const numbers = await components.locator('.el-table__body tr td:first-child').allTextContents();
  expect(numbers.map((text) => text.trim()).sort()).toEqual(['0', '1', '2']);
  await expect(detail.getByTestId('components-card')).toContainText('numbered from 0, as in the samples CSV');
  await expect(detail.getByTestId('components-card')).toContainText('mean ± std');

  const predictive = detail.getByTestId('predictive-card');
  await expect(predictive.locator('canvas').first()).toBeVisible();
  await expect(predictive).toContainText("model's output at each component's mean");
  // The band: the model evaluated at posterior samples, on request.
  await predictive.getByTestId('predictive-evaluate').click();
  await expect(predictive.getByTestId('predictive-band-note')).toContainText('Grey bands from 100 posterior samples', { timeout: 60_000 });
  await expect(predictive.getByTestId('predictive-band-note')).toContainText('where 90 % of new data would fall');
  await predictive.screenshot({ path: join(SCREENSHOTS, 'run-detail-predictive-band-light.png') });

  const record = detail.getByTestId('repro-record');
  await expect(record.getByTestId('repro-seed')).toHaveText(String(run.seed));
  await expect(record.getByTestId('repro-software')).toHaveText(`${run.softwareName} ${run.softwareVersion}`);
  await expect(record.getByTestId('repro-run-id')).toHaveText(run.id);
  await expect(record.getByTestId('repro-iterations-done')).toHaveText('5 of 5');

  const problem = detail.getByTestId('problem-as-run');
  await problem.getByText('Problem and settings as run').click();
  await expect(problem.getByTestId('problem-json')).toContainText('"name": "Two-modal 2-D"');
  await expect(problem.getByTestId('problem-json')).toContainText('"iterations": 5');

  // "Show samples" draws the export's samples into the diagonal histograms.
  await detail.getByTestId('show-samples').click();
  await expect(corner).toContainText('samples, the first rows of the samples CSV');

  // Element screenshots scroll the page: full-page ones start from the top, where the sticky bar belongs.
  await page.evaluate('window.scrollTo(0, 0)');
  await gmki.screenshot('run-detail-light');
  await corner.screenshot({ path: join(SCREENSHOTS, 'run-detail-corner-light.png') });
  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.evaluate('window.scrollTo(0, 0)');
  await gmki.screenshot('run-detail-dark');
  await corner.screenshot({ path: join(SCREENSHOTS, 'run-detail-corner-dark.png') });
  await predictive.screenshot({ path: join(SCREENSHOTS, 'run-detail-predictive-band-dark.png') });

  // A figure for a paper from the dark theme: the light theme's colours on white.
  await corner.getByTestId('corner-export').click();
  const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('corner-export-svg-light').click()]);
  const svg = readFileSync((await svgDownload.path())!, 'utf8');
  expect(svg).toContain('#1f2328');
  expect(svg).not.toContain('#e6edf3');
  expect(svg).toMatch(/fill="(#ffffff|#fff|white)"/i);
  await corner.getByTestId('corner-export').click();
  const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('corner-export-png-light').click()]);
  expect(pngDownload.suggestedFilename()).toBe('detail-run-corner.png');
  const png = readFileSync((await pngDownload.path())!);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  writeFileSync(join(SCREENSHOTS, 'run-detail-corner-exported-light.png'), png);
  await page.getByTestId('theme-toggle').click();
});

test('a cancelled run says why it stopped, never as a success, and still shows its iterations', async ({ gmki }) => {
  const { page } = gmki;
  const problem = await exampleProblem(gmki, 'two-modal-2d', 10_000);
  const started = await gmki.invoke<RunRecord>('run/start', { problem, name: 'stopped early' });
  await expect.poll(async () => (await gmki.invoke<RunRecord>('run/get', { runId: started.id })).iterationsDone, { timeout: 60_000 }).toBeGreaterThan(1);
  await gmki.invoke('run/cancel', { runId: started.id });
  await expect.poll(async () => (await gmki.invoke<RunRecord>('run/get', { runId: started.id })).status, { timeout: 60_000 }).toBe('cancelled');
  const run = await gmki.invoke<RunRecord>('run/get', { runId: started.id });

  await gmki.open(`/runs/${run.id}`);
  await page.getByRole('tab', { name: 'Result' }).click();
  const alert = page.getByTestId('stop-alert');
  await expect(alert).toContainText('The run was cancelled');
  await expect(alert).toContainText(run.error ?? 'cancelled');
  await expect(alert).toContainText(`after iteration ${run.iterationsDone}`);
  await expect(alert).not.toHaveClass(/el-alert--success/);
  await expect(page.getByTestId('corner-card')).toContainText(`after iteration ${run.iterationsDone}`);
  await gmki.screenshot('run-detail-cancelled');

  await gmki.open('/runs');
  const status = page.getByTestId('run-row').filter({ hasText: 'stopped early' }).getByTestId('run-status');
  await expect(status).toHaveText(/cancelled/);
  await expect(status).not.toContainText('✓');
  await expect(status).not.toHaveClass(/el-tag--success/);
});

test('with many parameters the corner plot starts with the first six and lets the user choose', async ({ gmki }) => {
  const { page } = gmki;
  const seeded = await seedRun(gmki, 'rotated-bimodal-10d', 'ten parameters', 2);
  await gmki.open(`/runs/${seeded.id}`);
  await page.getByRole('tab', { name: 'Result' }).click();
  const chooser = page.getByTestId('corner-parameters');
  await expect(chooser).toBeVisible();
  await expect(chooser).toContainText('+ 5');
  await expect(page.getByTestId('components-card')).toContainText('mean ± std');
  await expect(page.getByTestId('corner-card').locator('canvas').first()).toBeVisible();
  await gmki.screenshot('run-detail-10d');
  await page.getByTestId('corner-card').screenshot({ path: join(SCREENSHOTS, 'run-detail-corner-6-of-10.png') });
});

test("a failed run shows the model's own words in the run detail and on hover in the runs browser", async ({ gmki }) => {
  const { page } = gmki;
  // Works for two iterations (9 evaluations each, one slot), then fails the way a solver might.
  writeFileSync(
    join(gmki.app.workDir, 'diverges.mjs'),
    'let calls = 0;\nexport function forward(theta) {\n  calls += 1;\n  if (calls > 18) throw new Error("solver diverged at step 412");\n  return [theta[0] * theta[0]];\n}\n',
  );
  const example = await exampleProblem(gmki, 'square-map-1d', 10);
  const problem = { ...example, model: { type: 'javascript', path: 'diverges.mjs' }, settings: { ...example.settings, concurrency: 1 } };
  const started = await gmki.invoke<RunRecord>('run/start', { problem, problemDir: gmki.app.workDir, name: 'diverging model' });
  await expect.poll(async () => (await gmki.invoke<RunRecord>('run/get', { runId: started.id })).status, { timeout: 60_000 }).toBe('failed');
  const run = await gmki.invoke<RunRecord>('run/get', { runId: started.id });
  expect(run.error).toContain('solver diverged at step 412');

  await gmki.open(`/runs/${run.id}`);
  await page.getByRole('tab', { name: 'Result' }).click();
  const alert = page.getByTestId('stop-alert');
  await expect(alert).toContainText('The run failed');
  await expect(alert).toContainText('solver diverged at step 412');
  await expect(page.getByTestId('corner-card')).toContainText(`after iteration ${run.iterationsDone}`);

  await gmki.open('/runs');
  const status = page.getByTestId('run-row').filter({ hasText: 'diverging model' }).getByTestId('run-status');
  await expect(status).toHaveText(/failed/);
  await status.hover();
  await expect(page.locator('.run-cause:visible')).toContainText('solver diverged at step 412');
});

test('a run that failed before its first iteration shows no posterior and offers no samples or mixture to export', async ({ gmki }) => {
  const { page } = gmki;
  writeFileSync(join(gmki.app.workDir, 'nan-at-once.mjs'), 'export function forward() {\n  return [Number.NaN];\n}\n');
  const example = await exampleProblem(gmki, 'square-map-1d', 10);
  const problem = { ...example, model: { type: 'javascript', path: 'nan-at-once.mjs' } };
  const started = await gmki.invoke<RunRecord>('run/start', { problem, problemDir: gmki.app.workDir, name: 'failed at once' });
  await expect.poll(async () => (await gmki.invoke<RunRecord>('run/get', { runId: started.id })).status, { timeout: 60_000 }).toBe('failed');

  await gmki.open(`/runs/${started.id}`);
  await page.getByRole('tab', { name: 'Result' }).click();
  await expect(page.getByTestId('stop-alert')).toContainText('No iteration was completed');
  await expect(page.getByTestId('no-posterior')).toContainText('No iteration completed: no posterior');
  // Nothing presents the initial mixture (drawn from the prior) as a result.
  await expect(page.getByTestId('corner-card')).toHaveCount(0);
  await expect(page.getByTestId('components-card')).toHaveCount(0);
  await expect(page.getByTestId('predictive-card')).toHaveCount(0);
  for (const format of ['csv', 'npz', 'json']) await expect(page.getByTestId(`export-${format}`)).toBeDisabled();
  await expect(page.getByTestId('export-problem')).toBeEnabled();
  await expect(page.getByTestId('export-unavailable')).toContainText('The run failed before its first iteration completed, so there is no posterior');
  await gmki.screenshot('run-detail-failed-at-start');
});
