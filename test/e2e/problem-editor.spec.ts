// The problem editor (issue 4, screen 1) as a new user meets it: building the paper's two-modal
// problem from scratch (CSV import with column mapping, test evaluation), and invalid input that
// shows field messages and runs nothing.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, type GmkiPage } from './fixtures';

/** The message Element Plus shows under the form item holding the input with this id. */
const formError = (page: Page, id: string) => page.locator(`.el-form-item:has(#${id}) .el-form-item__error`);

/** Full-page screenshots from the top, where the sticky navigation bar belongs (a string: the spec has no DOM types). */
const scrollToTop = (page: Page) => page.evaluate('window.scrollTo(0, 0)');

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
  if (screenshots) {
    await scrollToTop(page);
    await gmki.screenshot('problem-editor-csv-mapping');
  }
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
    await scrollToTop(page);
    await gmki.screenshot('problem-editor-test-evaluation');
  }
}

test('builds the two-modal problem from scratch: parameters typed, data from CSV, model tested, then run setup', async ({ gmki }) => {
  // Model workers start slowly on a busy two-core machine.
  test.setTimeout(240_000);
  const { page } = gmki;
  await buildTwoModalProblem(gmki, true);
  await expect(page.getByTestId('unsaved')).toBeVisible();

  await scrollToTop(page);
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
  // Screen readers hear the message with the field.
  await expect(page.getByTestId('field-parameters-0-prior-std')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('field-parameters-0-prior-std')).toHaveAttribute('aria-describedby', 'field-parameters-0-prior-std-message');
  await expect(page.getByTestId('field-parameters-1-name-message')).toContainText('expected a name no other parameter has, got "theta1"');
  await expect(formError(page, 'field-name')).toContainText('expected');
  await expect(formError(page, 'field-observations-values')).toHaveText('#2: expected a finite number, got "abc"');
  await expect(formError(page, 'field-model-path')).toContainText('expected a file path (a non-empty string of at most 4096 characters), got ""');

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
  await scrollToTop(page);
  await gmki.screenshot('problem-editor-errors');

  const runs = await gmki.invoke<{ runs: unknown[]; total: number }>('runs/list', {});
  expect(runs.total).toBe(0);
});

test('bounds give a constrained prior previewed in physical units; correlations are checked as typed', async ({ gmki }) => {
  const { page } = gmki;
  await gmki.open('/problem');
  await page.getByTestId('field-parameters-0-prior-lower').fill('0');
  // The mean 0 is on the bound: the message lands on the row's first prior field.
  await expect(page.getByTestId('field-parameters-0-prior-mean-message')).toHaveText('expected a mean > lower 0, got 0');
  await page.getByTestId('field-parameters-0-prior-mean').fill('2');
  await expect(page.getByTestId('field-parameters-0-prior-mean-message')).toBeHidden();
  await expect(page.getByTestId('prior-preview')).toContainText('Bounded: the run works with u ~ N(');
  await expect(page.getByTestId('prior-preview').locator('canvas')).toBeVisible();

  await page.getByTestId('add-parameter').click();
  await page.getByTestId('correlation-toggle').click();
  await page.locator('#correlation-0-1').fill('1.2');
  await expect(page.getByTestId('correlation-problems')).toHaveText('ρ(theta1, theta2): expected −1 < ρ < 1, got 1.2');
  await expect(page.getByTestId('error-summary')).toContainText('priorCorrelation');
  await page.locator('#correlation-0-1').fill('0.5');
  await expect(page.getByTestId('correlation-problems')).toBeHidden();
  await scrollToTop(page);
  await gmki.screenshot('problem-editor-bounds-correlation');
});

test('a model that cannot start gets its own message on the model field', async ({ gmki }) => {
  const { page } = gmki;
  await gmki.open('/problem');
  const missing = join(gmki.app.workDir, 'no-such-model.mjs');
  await page.getByTestId('field-model-path').fill(missing);
  await expect(page.getByTestId('validation-ok')).toBeVisible();
  await page.getByTestId('test-evaluation').click();
  await expect(page.getByTestId('evaluation-error')).toContainText('no-such-model.mjs');
  await expect(formError(page, 'field-model-path')).toContainText('no-such-model.mjs');
  // The summary names the field once: `model.path: model file …`, not `model.path: model.path: …`.
  await expect(page.getByTestId('error-summary')).toContainText('model.path: model file');
  await expect(page.getByTestId('error-summary')).not.toContainText('model.path: model.path');
  await expect(formError(page, 'field-model-path')).not.toContainText('model.path');
  await expect(page.getByTestId('continue-setup')).toBeDisabled();
  // Changing the model clears the old model's failure.
  await page.getByTestId('field-model-path').fill(`${missing}x`);
  await expect(page.getByTestId('continue-setup')).toBeEnabled();
});

test("a test evaluation shows the model's own failure and a wrong output with its values, and the status says so until an edit", async ({ gmki }) => {
  const { page } = gmki;
  const throwing = join(gmki.app.workDir, 'throwing.mjs');
  writeFileSync(throwing, "export function forward() {\n  throw new Error('boom: negative pressure');\n}\n");
  const tooLong = join(gmki.app.workDir, 'too-long.mjs');
  writeFileSync(tooLong, 'export function forward(theta) {\n  return [theta[0], 2];\n}\n');
  await gmki.open('/problem');

  await page.getByTestId('field-model-path').fill(throwing);
  await expect(page.getByTestId('validation-ok')).toBeVisible();
  await page.getByTestId('test-evaluation').click();
  await expect(page.getByTestId('evaluation-error')).toContainText('boom: negative pressure');
  await expect(page.getByTestId('evaluation-length')).toHaveText('No output — expected 1');
  // The status at the top is no longer "Ready".
  await expect(page.getByTestId('test-failed')).toContainText('The last test evaluation failed: boom: negative pressure');
  await expect(page.getByTestId('validation-ok')).toBeHidden();

  await page.getByTestId('field-model-path').fill(tooLong);
  await expect(page.getByTestId('validation-ok')).toBeVisible();
  await page.getByTestId('test-theta').fill('0.5');
  await page.getByTestId('test-theta').press('Enter');
  // The output is refused as a whole, and shown: both lengths and the values; the θ typed was sent.
  await expect(page.getByTestId('evaluation-error')).toContainText('returned 2 numbers, expected 1');
  await expect(page.getByTestId('evaluation-length')).toHaveText('Output length 2 — expected 1');
  await expect(page.getByTestId('evaluation-output')).toHaveText('[0.5, 2]');
  await expect(page.getByTestId('evaluation-theta')).toHaveText('[0.5]');
  await expect(page.getByTestId('test-failed')).toContainText('returned 2 numbers, expected 1');
  await expect(page.getByTestId('validation-ok')).toBeHidden();
  await scrollToTop(page);
  await gmki.screenshot('problem-editor-test-failed');

  // An edit may have fixed it: the status is the validation's again.
  await page.getByTestId('field-name').fill('edited after the failed test');
  await expect(page.getByTestId('test-failed')).toBeHidden();
  await expect(page.getByTestId('validation-ok')).toBeVisible();
});

test('a reload keeps the open problem and says so; New forgets it; an unreadable kept draft is refused aloud', async ({ gmki }) => {
  const { page } = gmki;
  await gmki.open('/problem');
  await page.getByTestId('field-name').fill('Kept across a reload');
  await page.getByTestId('field-parameters-0-prior-std').fill('2.5');
  await expect(page.getByTestId('unsaved')).toBeVisible();

  await page.reload();
  await expect(page.getByTestId('field-name')).toHaveValue('Kept across a reload');
  await expect(page.getByTestId('field-parameters-0-prior-std')).toHaveValue('2.5');
  await expect(page.getByTestId('unsaved')).toBeVisible();
  await expect(page.getByTestId('draft-restored')).toContainText('“Kept across a reload” was restored with its unsaved changes');
  await scrollToTop(page);
  await gmki.screenshot('problem-editor-restored');

  await page.getByTestId('new-problem').click();
  await page.getByRole('dialog', { name: 'Unsaved changes' }).getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByTestId('field-name')).toHaveValue('untitled');
  await page.reload();
  await expect(page.getByTestId('field-name')).toHaveValue('untitled');
  await expect(page.getByTestId('draft-restored')).toHaveCount(0);

  await page.evaluate('sessionStorage.setItem(\'gmki-draft\', \'{"format": "gmki-draft/1", "problem": \')');
  await page.reload();
  await expect(page.getByTestId('draft-restored')).toContainText('could not be restored (it is not readable JSON): this is a new problem.');
  await expect(page.getByTestId('field-name')).toHaveValue('untitled');
});

test('checks the data against the prior before any run', async ({ gmki }) => {
  const { page } = gmki;
  await gmki.open('/problem');
  await page.getByTestId('open-examples').click();
  await page.getByTestId('use-example-two-modal-2d').click();
  await expect(page.getByTestId('validation-ok')).toBeVisible();
  await page.getByTestId('run-prior-predictive').click();
  // y = 4.2297 is a typical value of (θ2 − θ1)² + noise under the prior N(0, I).
  await expect(page.getByTestId('prior-predictive-verdict')).toHaveText("Every observation lies within the prior's 90 % predictive range.", { timeout: 60_000 });
  await expect(page.getByTestId('prior-predictive')).toContainText('4.23');

  // Data far beyond what the prior can produce are flagged.
  await page.getByTestId('field-observations-values').fill('400');
  await expect(page.getByTestId('validation-ok')).toBeVisible();
  await page.getByTestId('run-prior-predictive').click();
  await expect(page.getByTestId('prior-predictive-verdict')).toHaveText("y1 lies outside the prior's 90 % predictive range.", { timeout: 60_000 });
  await scrollToTop(page);
  await gmki.screenshot('problem-editor-prior-predictive');
});

test('files: an example saved as a file, replaced only after asking, reopened from the file and from the library', async ({ gmki }) => {
  test.setTimeout(240_000);
  const { page } = gmki;
  const file = join(gmki.app.workDir, 'square.gmki.json');
  const nameInFile = () => (JSON.parse(readFileSync(file, 'utf8')) as { name: string }).name;
  await gmki.open('/problem');

  await page.getByTestId('start-example').click();
  const examples = page.getByRole('dialog', { name: 'Start from a built-in example' });
  await expect(examples).toContainText('Square map (1-D)');
  await examples.getByTestId('use-example-square-map-1d').click();
  await expect(page.getByTestId('field-name')).toHaveValue('Square map (1-D)');
  await expect(page.getByTestId('validation-ok')).toContainText('1 parameter, 1 observation');

  // Save as: in a browser the path is typed.
  await page.getByTestId('save-file-as').click();
  await page.getByTestId('path-dialog-input').fill(file);
  await page.getByTestId('path-dialog-input').press('Enter');
  await expect(page.getByTestId('saved')).toBeVisible();
  expect(nameInFile()).toBe('Square map (1-D)');

  // Saving as the same file again asks first; keeping the file leaves it untouched.
  await page.getByTestId('field-name').fill('Square map, edited');
  await expect(page.getByTestId('unsaved')).toBeVisible();
  await page.getByTestId('save-file-as').click();
  await page.getByTestId('path-dialog-input').fill(file);
  await page.getByTestId('path-dialog-confirm').click();
  const replace = page.getByRole('dialog', { name: 'Replace file?' });
  await replace.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('path-dialog')).toContainText('Not saved: the file exists');
  expect(nameInFile()).toBe('Square map (1-D)');
  await page.getByTestId('path-dialog-confirm').click();
  await replace.getByRole('button', { name: 'Replace' }).click();
  await expect(page.getByTestId('saved')).toBeVisible();
  expect(nameInFile()).toBe('Square map, edited');

  // A new problem, then the file opened again.
  await page.getByTestId('new-problem').click();
  await expect(page.getByTestId('field-name')).toHaveValue('untitled');
  await page.getByTestId('open-file').click();
  await page.getByTestId('path-dialog-input').fill(file);
  await page.getByTestId('path-dialog-confirm').click();
  await expect(page.getByTestId('field-name')).toHaveValue('Square map, edited');

  // The library keeps a copy in the app; unsaved changes are not thrown away without asking.
  await page.getByTestId('save-library').click();
  await expect(page.getByText('Saved in the library')).toBeVisible();
  await page.getByTestId('field-name').fill('Scratch');
  await page.getByTestId('new-problem').click();
  const discard = page.getByRole('dialog', { name: 'Unsaved changes' });
  await discard.getByRole('button', { name: 'Keep editing' }).click();
  await expect(page.getByTestId('field-name')).toHaveValue('Scratch');
  await page.getByTestId('new-problem').click();
  await discard.getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByTestId('field-name')).toHaveValue('untitled');
  await page.getByTestId('open-library').click();
  const library = page.getByRole('dialog', { name: 'Saved problems' });
  await expect(library).toContainText('Square map, edited');
  await library.getByRole('button', { name: 'Open' }).first().click();
  await expect(page.getByTestId('field-name')).toHaveValue('Square map, edited');
});

// The rest of the new user's path runs through other screens (run setup: `start-run`; the run
// monitor at #/runs/<id>): from the problem built above to a finished run with both modes.
test('the problem built from scratch runs to the end and finds both modes', async ({ gmki }) => {
  test.setTimeout(300_000);
  const { page } = gmki;
  await buildTwoModalProblem(gmki, false);
  await page.getByTestId('continue-setup').click();
  await expect(page).toHaveURL(/#\/setup$/);
  await page.getByTestId('start-run').click();
  await expect(page).toHaveURL(/#\/runs\/[\w-]+$/);
  const runId = /#\/runs\/([\w-]+)$/.exec(page.url())![1]!;

  await expect(page.getByTestId('run-status')).toHaveText(/completed/i, { timeout: 240_000 });
  await expect(page.getByTestId('run-iteration')).toContainText('30 / 30');

  // Both modes, near (−1, 1) and (1, −1), hold a good share of the final mixture's weight
  // (the parameters are unbounded, so the mixture's u is θ).
  const history = await gmki.invoke<{ iterations: { weights: number[]; means: number[][] }[] }>('run/iterations', { runId });
  const last = history.iterations.at(-1)!;
  const weightWhere = (side: (m: number[]) => boolean) => last.weights.reduce((sum, w, k) => sum + (side(last.means[k]!) ? w : 0), 0);
  expect(weightWhere(([t1, t2]) => t2! - t1! > 1)).toBeGreaterThan(0.25);
  expect(weightWhere(([t1, t2]) => t1! - t2! > 1)).toBeGreaterThan(0.25);
});
