// The problem editor (issue 4, screen 1) as a new user meets it: building the paper's two-modal
// problem from scratch (CSV import with column mapping, test evaluation), and invalid input that
// shows field messages and runs nothing.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, type GmkiPage } from './fixtures';

/** The message Element Plus shows under the form item holding the input with this id. */
const formError = (page: Page, id: string) => page.locator(`.el-form-item:has(#${id}) .el-form-item__error`);

/** Writes the paper's two-modal model and a CSV of its one observation into the scratch folder. */
function writeTwoModalFiles(gmki: GmkiPage): { model: string; csv: string } {
  const model = join(gmki.app.workDir, 'two-modal.mjs');
  writeFileSync(model, 'export function forward(theta) {\n  return [(theta[1] - theta[0]) ** 2];\n}\n');
  const csv = join(gmki.app.workDir, 'data.csv');
  writeFileSync(csv, 'name,value\ny1,4.2297\n');
  return { model, csv };
}

async function typeParameter(page: Page, row: number, name: string, mean: string, std: string): Promise<void> {
  await page.getByTestId(`field-parameters-${row}-name`).fill(name);
  await page.getByTestId(`field-parameters-${row}-prior-mean`).fill(mean);
  await page.getByTestId(`field-parameters-${row}-prior-std`).fill(std);
}

/** Builds the two-modal problem through the screen and checks one evaluation; returns at the valid problem. */
async function buildTwoModalProblem(gmki: GmkiPage, screenshots: boolean): Promise<void> {
  const { page } = gmki;
  const { model, csv } = writeTwoModalFiles(gmki);
  await gmki.open('/problem');
  await expect(page.getByRole('heading', { name: 'Problem', level: 1 })).toBeVisible();
  await expect(page.getByTestId('parameters-table')).toBeVisible();
  if (screenshots) await gmki.screenshot('problem-editor-empty');

  await page.getByTestId('field-name').fill('Two-modal 2D');
  await typeParameter(page, 0, 'theta1', '0', '1');
  await page.getByTestId('add-parameter').click();
  await typeParameter(page, 1, 'theta2', '0', '1');
  await expect(page.getByTestId('prior-preview').locator('canvas')).toBeVisible();

  // Observations from a CSV file with a header row and a names column, through the mapping step.
  await page.getByTestId('open-csv-import').click();
  const dialog = page.getByRole('dialog', { name: 'Import observations from a CSV file' });
  await dialog.locator('input[type=file]').setInputFiles(csv);
  await expect(dialog.getByTestId('csv-preview')).toContainText('4.2297');
  await expect(dialog.getByTestId('csv-header')).toBeChecked();
  await expect(dialog.getByTestId('csv-outcome')).toHaveText('1 value will be imported, with names.');
  if (screenshots) await gmki.screenshot('problem-editor-csv-mapping');
  await dialog.getByTestId('csv-import').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('field-observations-values')).toHaveValue('4.2297');
  await expect(page.getByTestId('field-observations-names')).toHaveValue('y1');

  await page.getByTestId('field-observations-noise').fill('1');
  await page.getByTestId('field-model-path').fill(model);
  await expect(page.getByTestId('validation-ok')).toContainText('2 parameters, 1 observation');

  await page.getByTestId('test-evaluation').click();
  await expect(page.getByTestId('evaluation-length')).toHaveText('Output length 1 — OK');
  await expect(page.getByTestId('evaluation-output')).toHaveText('[0]');
  await expect(page.getByTestId('evaluation-time')).toContainText('per evaluation');
  if (screenshots) {
    await page.getByTestId('evaluation-result').scrollIntoViewIfNeeded();
    await gmki.screenshot('problem-editor-test-evaluation');
  }
}

test('builds the two-modal problem from scratch: parameters typed, data from CSV, model tested, then run setup', async ({ gmki }) => {
  const { page } = gmki;
  await buildTwoModalProblem(gmki, true);
  await expect(page.getByTestId('unsaved')).toBeVisible();

  await gmki.screenshot('problem-editor-filled-light');
  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await gmki.screenshot('problem-editor-filled-dark');
  await page.getByTestId('theme-toggle').click();

  await page.getByTestId('continue-setup').click();
  await expect(page).toHaveURL(/#\/setup$/);
});

test('invalid input shows messages on its fields, and neither a test evaluation nor a run can start', async ({ gmki }) => {
  const { page } = gmki;
  await gmki.open('/problem');
  await page.getByTestId('field-parameters-0-prior-std').fill('-1');
  await page.getByTestId('add-parameter').click();
  await page.getByTestId('field-parameters-1-name').fill('theta1');
  await page.getByTestId('field-name').fill('');
  await page.getByTestId('field-observations-values').fill('4.2297\nabc');

  await expect(page.getByTestId('field-parameters-0-prior-std-message')).toHaveText('expected a number > 0, got -1');
  await expect(page.getByTestId('field-parameters-1-name-message')).toContainText('expected a name no other parameter has, got "theta1"');
  await expect(formError(page, 'field-name')).toContainText('expected');
  await expect(formError(page, 'field-observations-values')).toContainText('Not a number: value 2 ("abc").');
  await expect(formError(page, 'field-observations-values')).toContainText('expected a finite number, got "abc"');
  await expect(formError(page, 'field-model-path')).toContainText('expected a file path (a non-empty string), got ""');

  // An empty parameter name, too.
  await page.getByTestId('field-parameters-1-name').fill('');
  await expect(page.getByTestId('field-parameters-1-name-message')).toContainText('expected a name matching');

  const summary = page.getByTestId('error-summary');
  await expect(summary).toContainText('5 things to fix before a run');
  // A summary link puts the cursor into its field.
  await summary.getByRole('link', { name: 'model.path' }).click();
  await expect(page.getByTestId('field-model-path')).toBeFocused();

  await expect(page.getByTestId('continue-setup')).toBeDisabled();
  await expect(page.getByTestId('test-evaluation')).toBeDisabled();
  await page.getByTestId('error-summary').scrollIntoViewIfNeeded();
  await gmki.screenshot('problem-editor-errors');

  const runs = await gmki.invoke<{ runs: unknown[]; total: number }>('runs/list', {});
  expect(runs.total).toBe(0);
});
