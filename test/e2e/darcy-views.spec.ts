// Issue 9 items 3 and 4 in the app: the problem editor keeps a problem's reference values (the
// Darcy example's truth) in a column of the parameters table, with its label, in step with the
// rows; every model type has its time limit field. On a run: the reference on the monitor and the
// result; and the Darcy journey — pick the example, start a short run, watch it, and see every
// parameter's interval and the log κ maps of the components next to the truth's.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, SCREENSHOTS, test } from './fixtures';
import { exampleProblem } from './runs-seed';

/** A screenshot of the viewport (the Darcy problem's page is 7000 pixels tall). */
function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, `${name}.png`);
}

test('the editor shows the Darcy truth as a reference column, keeps it in step with the rows, and a time limit for every model type', async ({ gmki }) => {
  test.setTimeout(180_000);
  const { page } = gmki;
  await gmki.open('/problem');
  await page.getByTestId('open-examples').click();
  await page.getByTestId('use-example-darcy-2d').click();
  await expect(page.getByTestId('validation-ok')).toContainText('128 parameters, 28 observations');

  // The truth, one value per row, under its label; the built-in model's time limit is there too.
  await expect(page.getByTestId('reference-toggle')).toHaveClass(/is-checked/);
  await expect(page.getByTestId('field-reference-label')).toHaveValue('truth');
  await expect(page.getByTestId('parameters-table')).toContainText('Reference (truth)');
  const first = await page.getByTestId('field-reference-theta-0-').inputValue();
  expect(Number(first)).not.toBeNaN();
  await expect(page.getByTestId('field-reference-theta-127-')).not.toHaveValue('');
  await expect(page.locator('#field-model-timeoutSeconds')).toBeVisible();
  await page.getByTestId('parameters-table').locator('tr').nth(3).scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('problem-editor-reference') });

  // On a small problem: a reference typed by hand follows its rows.
  await page.getByTestId('open-examples').click();
  await page.getByTestId('use-example-two-modal-2d').click();
  await expect(page.getByTestId('field-parameters-1-name')).toHaveValue('theta2');
  await expect(page.getByTestId('reference-toggle')).not.toHaveClass(/is-checked/);
  await page.getByTestId('reference-toggle').click();
  await expect(page.getByTestId('field-reference-label')).toHaveValue('truth');
  // Blank values are named by validation until typed.
  await expect(page.getByTestId('field-reference-theta-0--message')).toContainText('expected');
  await page.getByTestId('field-reference-theta-0-').fill('-1');
  await page.getByTestId('field-reference-theta-1-').fill('1');
  await expect(page.getByTestId('field-reference-theta-0--message')).toHaveCount(0);
  await expect(page.getByTestId('validation-ok')).toBeVisible();
  // A new row gets a blank value; removing the first row takes its value with it.
  await page.getByTestId('add-parameter').click();
  await expect(page.getByTestId('field-reference-theta-2--message')).toContainText('expected');
  await page.getByTestId('field-reference-theta-2-').fill('0.5');
  await page.getByTestId('remove-parameter-0').click();
  await expect(page.getByTestId('field-reference-theta-0-')).toHaveValue('1');
  await expect(page.getByTestId('field-reference-theta-1-')).toHaveValue('0.5');
  await page.getByTestId('field-reference-label').fill('made up');
  await expect(page.getByTestId('parameters-table')).toContainText('Reference (made up)');
  await expect(page.getByTestId('validation-ok')).toBeVisible();

  // Turning the reference off asks first (values were typed), then drops the column.
  await page.getByTestId('reference-toggle').click();
  await page.getByRole('dialog', { name: 'Remove the reference?' }).getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(page.getByTestId('field-reference-theta-0-')).toHaveCount(0);
  await expect(page.getByTestId('parameters-table')).not.toContainText('Reference');

  // Every model type has the time limit.
  for (const kind of ['JavaScript module', 'Program (any language)', 'UM-Bridge server']) {
    await page.locator('.el-radio-button', { hasText: kind }).click();
    await expect(page.locator('#field-model-timeoutSeconds')).toBeVisible();
  }
});

test('a run with a reference shows it on the monitor, the corner plot and the components table', async ({ gmki }) => {
  const { page } = gmki;
  const problem = { ...(await exampleProblem(gmki, 'two-modal-2d', 8)), reference: { theta: [-1, 1], label: 'truth' } };
  const started = await gmki.invoke<{ id: string }>('run/start', { problem, name: 'two-modal with truth' });
  await expect.poll(async () => (await gmki.invoke<{ status: string }>('run/get', { runId: started.id })).status, { timeout: 60_000 }).toBe('completed');
  await gmki.open(`/runs/${started.id}`);
  await page.getByRole('tab', { name: 'Progress' }).click();
  const distance = page.getByTestId('chart-reference-distance');
  await expect(distance).toContainText('Distance to the truth');
  await expect(distance.locator('canvas')).toHaveCount(1);
  await page.getByTestId('chart-means').screenshot({ path: screenshotPath('monitor-means-reference') });
  await distance.screenshot({ path: screenshotPath('monitor-reference-distance') });
  await page.getByTestId('pair-plot').screenshot({ path: screenshotPath('monitor-pair-reference') });

  await page.getByRole('tab', { name: 'Result' }).click();
  const table = page.getByTestId('components-table');
  await expect(table).toContainText('Distance to the truth');
  await expect(table.getByTestId('reference-relative-error').first()).toHaveText(/^\d+(\.\d+)? %$/);
  await expect(page.getByTestId('corner-caption')).toContainText('mark the truth');
  await page.getByTestId('corner-card').screenshot({ path: screenshotPath('run-detail-corner-reference') });
  await page.getByTestId('components-card').screenshot({ path: screenshotPath('run-detail-components-reference') });
  // No field hook, no field maps.
  await expect(page.getByTestId('field-maps')).toHaveCount(0);
});

test('Darcy: pick the example, start a short run, watch it, and read every parameter and log κ against the truth', async ({ gmki }) => {
  test.setTimeout(240_000);
  const { page } = gmki;
  await gmki.open('/problem');
  await page.getByTestId('open-examples').click();
  await page.getByTestId('use-example-darcy-2d').click();
  await expect(page.getByTestId('validation-ok')).toContainText('128 parameters, 28 observations');
  await page.getByTestId('continue-setup').click();

  // A short run: K = 2, one iteration, 2·257 = 514 PDE solves (the full run is 38 550, minutes).
  await page.getByLabel('Components K', { exact: true }).fill('2');
  await page.getByLabel('Iterations', { exact: true }).fill('1');
  await expect(page.getByTestId('budget-evaluations')).toHaveText('514');
  await page.getByLabel('Run name (optional)').fill('darcy short');
  await page.getByTestId('start-run').click();
  await expect(page).toHaveURL(/#\/runs\/[\w-]+$/);

  // Watching: the monitor draws every parameter of the mixture as it stands (attached: the page may
  // already have turned to the result when a fast run completed); then the run completes.
  const monitor = page.locator('.monitor');
  await expect(monitor.getByTestId('parameter-intervals')).toBeAttached({ timeout: 60_000 });
  await expect(page.getByRole('tab', { name: 'Result' })).toHaveAttribute('aria-selected', 'true', { timeout: 180_000 });

  // The result: the interval plot of all 128 parameters, both components and the truth.
  const detail = page.getByTestId('run-detail');
  const intervals = detail.getByTestId('parameter-intervals');
  await expect(intervals).toContainText('Every parameter after iteration 1');
  await expect(intervals).toContainText('the dashes mark the truth');
  const drawn = JSON.parse((await intervals.locator('.echart').getAttribute('data-series'))!) as unknown;
  expect(drawn).toEqual([
    { name: 'Component 0', type: 'custom', points: 128 },
    { name: 'Component 1', type: 'custom', points: 128 },
    { name: 'truth', type: 'custom', points: 128 },
  ]);
  await intervals.screenshot({ path: screenshotPath('darcy-intervals-first-32') });
  await intervals.getByTestId('intervals-all').click();
  await expect(intervals.getByTestId('intervals-all')).toHaveText('First 32');
  await intervals.screenshot({ path: screenshotPath('darcy-intervals-all') });
  await expect(detail.getByTestId('components-table').getByTestId('reference-distance')).toHaveCount(2);

  // Heat maps of log κ at each component's centre, heaviest first, and at the truth, on one colour scale.
  const maps = detail.getByTestId('field-maps');
  await expect(maps).toContainText('(iteration 1)', { timeout: 60_000 });
  await expect(maps).toContainText('log κ');
  const drawnMaps = JSON.parse((await maps.locator('.echart').getAttribute('data-series'))!) as { name: string; points: number }[];
  expect(drawnMaps.map((s) => [s.name, s.points])).toEqual([
    [expect.stringMatching(/^Component [01] \(w = \d+\.\d %\)$/), 1],
    [expect.stringMatching(/^Component [01] \(w = \d+\.\d %\)$/), 1],
    ['truth', 1],
    ['Colour scale', 1],
  ]);
  await maps.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('darcy-result-light') });
  await maps.screenshot({ path: screenshotPath('darcy-field-maps-light') });
  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await maps.screenshot({ path: screenshotPath('darcy-field-maps-dark') });
  await intervals.screenshot({ path: screenshotPath('darcy-intervals-dark') });
  await page.getByTestId('theme-toggle').click();

  // The monitor keeps its views after the run: iteration 1's intervals and maps, the distance to the truth.
  await page.getByRole('tab', { name: 'Progress' }).click();
  await expect(monitor.getByTestId('parameter-intervals')).toContainText('Every parameter (iteration 1)');
  await expect(monitor.getByTestId('chart-reference-distance')).toBeVisible();
  await expect(monitor.getByTestId('field-maps')).toContainText('(iteration 1)');
  await monitor.getByTestId('field-maps').screenshot({ path: screenshotPath('darcy-monitor-field-maps') });
});
