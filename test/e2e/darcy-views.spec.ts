// Issue 9 items 3 and 4 in the app: the problem editor keeps a problem's reference values (the
// Darcy example's truth) in a column of the parameters table, with its label, in step with the
// rows; every model type has its time limit field.
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
});
