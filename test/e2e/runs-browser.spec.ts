// The runs browser (issue 4, screen 4): empty state, live list, search and filters, annotate,
// delete, duplicate as a new problem.
import { expect, test } from './fixtures';
import { clearRuns, exampleProblem, seedRun } from './runs-seed';

test.describe.configure({ mode: 'serial' });

test('with no runs, explains what a run is and offers a new problem or an example', async ({ gmki }) => {
  const { page } = gmki;
  // Earlier spec files may have left runs in this worker's server.
  await clearRuns(gmki);
  await gmki.open('/runs');
  const empty = page.getByTestId('runs-empty');
  await expect(empty).toBeVisible();
  await expect(empty).toContainText('No runs yet');
  await expect(page.getByTestId('empty-new-problem')).toBeVisible();
  await gmki.screenshot('runs-browser-empty-light');
  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await gmki.screenshot('runs-browser-empty-dark');
  await page.getByTestId('theme-toggle').click();

  await page.getByTestId('empty-example').click();
  await page.getByTestId('example-square-map-1d').click();
  await expect(page).toHaveURL(/#\/setup$/);
});

test('lists the runs with their state, and search and the status filter narrow the table', async ({ gmki }) => {
  const { page } = gmki;
  await seedRun(gmki, 'square-map-1d', 'square baseline');
  await seedRun(gmki, 'two-modal-2d', 'two-modal quick');
  await seedRun(gmki, 'square-map-1d', 'square second try');
  await gmki.open('/runs');

  const rows = page.getByTestId('run-row');
  await expect(rows).toHaveCount(3);
  await expect(page.getByTestId('runs-count')).toHaveText('3 runs');
  const row = rows.filter({ hasText: 'two-modal quick' });
  await expect(row.getByTestId('run-status')).toHaveText(/completed/);
  await expect(row).toContainText('3 / 3');
  await expect(row).toContainText('Two-modal 2-D');

  await page.getByTestId('runs-search').fill('square');
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId('runs-count')).toHaveText('2 of 3 runs');
  await page.getByTestId('runs-search').fill('square second');
  await expect(rows).toHaveCount(1);
  await page.getByTestId('runs-search').fill('');
  await expect(rows).toHaveCount(3);

  // The status list stays open while options are toggled (a multiple select).
  await page.getByTestId('runs-status-filter').click();
  await page.getByTestId('status-option-failed').click();
  await expect(page.getByTestId('runs-no-match')).toBeVisible();
  await page.getByTestId('status-option-completed').click();
  await expect(rows).toHaveCount(3);
  await page.getByTestId('status-option-failed').click();
  await page.getByTestId('status-option-completed').click();
  await page.keyboard.press('Escape');
  await expect(rows).toHaveCount(3);

  await gmki.screenshot('runs-browser-light');
  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await gmki.screenshot('runs-browser-dark');
  await page.getByTestId('theme-toggle').click();

  // Keyboard: focus a row and press Enter to open the run.
  await rows.filter({ hasText: 'square baseline' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/runs\/[\w-]+$/);
});

test('renames, tags and annotates a run; the tag filter and search find it by them', async ({ gmki }) => {
  const { page } = gmki;
  await gmki.open('/runs');
  const row = page.getByTestId('run-row').filter({ hasText: 'square second try' });
  await row.getByTestId('run-actions').click();
  await page.locator('[data-testid="action-edit"]:visible').click();
  const dialog = page.getByTestId('run-edit-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('run-edit-name').fill('square renamed');
  await dialog.locator('#run-edit-tags').fill('keeper');
  await page.keyboard.press('Enter');
  await dialog.getByTestId('run-edit-notes').fill('The one to show in the report');
  await gmki.screenshot('runs-browser-edit-dialog');
  await dialog.getByTestId('run-edit-save').click();
  await expect(dialog).toBeHidden();

  const renamed = page.getByTestId('run-row').filter({ hasText: 'square renamed' });
  await expect(renamed).toContainText('keeper');
  await gmki.screenshot('runs-browser-tagged');
  await page.reload();
  await expect(renamed).toHaveCount(1);
  await page.getByTestId('runs-search').fill('report');
  await expect(page.getByTestId('run-row')).toHaveCount(1);
  await expect(page.getByTestId('run-row')).toContainText('square renamed');
  await page.getByTestId('runs-search').fill('');
  await page.getByTestId('runs-tag-filter').click();
  await page.getByRole('option', { name: 'keeper' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('run-row')).toHaveCount(1);
});

test('deletes a run after a confirmation that names it', async ({ gmki }) => {
  const { page } = gmki;
  await gmki.open('/runs');
  const rows = page.getByTestId('run-row');
  await expect(rows).toHaveCount(3);
  await rows.filter({ hasText: 'square baseline' }).getByTestId('run-actions').click();
  await page.locator('[data-testid="action-delete"]:visible').click();
  const confirm = page.getByRole('dialog', { name: 'Delete run' });
  await expect(confirm).toContainText('square baseline');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'square baseline' })).toHaveCount(0);
  await page.reload();
  await expect(rows).toHaveCount(2);
});

test('duplicates a run as a new problem in the editor', async ({ gmki }) => {
  const { page } = gmki;
  await gmki.open('/runs');
  await page.getByTestId('run-row').filter({ hasText: 'two-modal quick' }).getByTestId('run-actions').click();
  await page.locator('[data-testid="action-duplicate"]:visible').click();
  await expect(page).toHaveURL(/#\/problem$/);
  await expect
    .poll(() => page.locator('input, textarea').evaluateAll((fields) => fields.map((field) => (field as unknown as { value: string }).value)))
    .toContain('Two-modal 2-D');
});

test('selecting two runs opens Compare with both', async ({ gmki }) => {
  const { page } = gmki;
  await gmki.open('/runs');
  const rows = page.getByTestId('run-row');
  await expect(page.getByTestId('runs-compare')).toBeDisabled();
  await rows.nth(0).getByTestId('run-select').click();
  await rows.nth(1).getByTestId('run-select').click();
  await page.getByTestId('runs-compare').click();
  await expect(page).toHaveURL(/#\/compare\?runs=[\w-]+(%2C|,)[\w-]+$/);
});

test('a run started elsewhere appears, its state and counts follow the live events, and it leaves when deleted elsewhere', async ({ gmki }) => {
  const { page } = gmki;
  await gmki.open('/runs');
  await expect(page.getByTestId('run-row').first()).toBeVisible();
  const problem = await exampleProblem(gmki, 'square-map-1d', 40);
  const started = await gmki.invoke<{ id: string }>('run/start', { problem, name: 'started elsewhere' });
  const row = page.getByTestId('run-row').filter({ hasText: 'started elsewhere' });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('run-status')).toHaveText(/completed/, { timeout: 60_000 });
  await expect(row).toContainText('40 / 40');
  await expect(row).toContainText(String(40 * 9));
  // Deleted by another client of the same server (run/deleted): gone without a reload.
  await gmki.invoke('run/delete', { runId: started.id });
  await expect(row).toHaveCount(0);
});
