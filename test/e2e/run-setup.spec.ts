// Run setup: from the empty state to a started run, with defaults, budget and field messages.
import { join } from 'node:path';
import { expect, SCREENSHOTS, test } from './fixtures';

interface Summary {
  valid: boolean;
  summary: { nTheta: number; evaluationBudget: number; settings: { components: number; iterations: number } };
}

test('loads an example, shows defaults and the budget, checks K, and starts a run', async ({ gmki }) => {
  const { page } = gmki;
  await gmki.open('/setup');
  await expect(page.getByTestId('setup-empty')).toBeVisible();
  await gmki.screenshot('setup-empty-light');

  await page.getByTestId('example-two-modal-2d').click();
  await expect(page.getByTestId('problem-summary')).toContainText('Two-modal 2-D');
  await expect(page.getByTestId('summary-d')).toHaveText('2');
  await expect(page.getByTestId('summary-ny')).toHaveText('1');
  await expect(page.getByTestId('summary-model')).toHaveText('builtin');

  // Defaults as settings/defaults reports them on this machine, each with its explanation.
  const defaults = await gmki.invoke<{ cpuCount: number }>('settings/defaults', {});
  await expect(page.getByTestId('default-dt')).toHaveText('default: 0.5');
  await expect(page.getByTestId('default-components')).toHaveText('default: 3');
  await expect(page.getByTestId('default-concurrency')).toHaveText(`default: ${defaults.cpuCount} (the CPU cores here)`);
  await expect(page.getByTestId('default-sigmaPointAlpha')).toHaveText('default: automatic, min(√(4/d), 1) = 1');
  await expect(page.getByTestId('field-components')).toContainText('number of Gaussian components');
  await expect(page.getByTestId('input-method')).toBeVisible();
  // The example pins the paper's method, whose robust-only knobs are then off.
  await expect(page.getByTestId('field-splitThreshold').locator('input')).toBeDisabled();

  // The budget: K·(2d+1)·iterations, the same number the server's validation reports.
  const examples = await gmki.invoke<{ id: string; problem: unknown }[]>('problem/examples', {});
  const problem = examples.find((example) => example.id === 'two-modal-2d')!.problem;
  const checked = await gmki.invoke<Summary>('problem/validate', { problem });
  const { nTheta: d, evaluationBudget } = checked.summary;
  const { components: K, iterations } = checked.summary.settings;
  expect(K * (2 * d + 1) * iterations).toBe(evaluationBudget);
  await expect(page.getByTestId('budget-evaluations')).toHaveText(String(evaluationBudget));
  await expect(page.getByTestId('budget-formula')).toHaveText(`K·(2d+1)·iterations = ${K}·(2·${d}+1)·${iterations} = ${evaluationBudget} evaluations`);

  // The wall time once one evaluation is measured.
  await page.getByTestId('measure').click();
  await expect(page.getByTestId('measured')).toContainText('per evaluation');
  await expect(page.getByTestId('budget-wall')).toHaveText(/^(under a second|about \d+ (s|min))$/);
  await expect(page.getByTestId('budget-time-formula')).toContainText(`${evaluationBudget} × `);

  // K = 4 conflicts with the example's explicit initial components: the server says so on K.
  const kInput = page.getByLabel('Components K', { exact: true });
  await kInput.fill('4');
  await expect(page.getByTestId('message-components')).toContainText('Components K: expected 3 (the number of weights of the explicit initialization), got 4');
  await expect(page.getByTestId('start-run')).toBeDisabled();
  await page.getByTestId('init-prior').click();
  await expect(page.getByTestId('message-components')).toHaveCount(0);
  await expect(page.getByTestId('budget-evaluations')).toHaveText(String(4 * (2 * d + 1) * iterations));

  // An invalid K: a message naming the field, no budget, Start disabled.
  await kInput.fill('0');
  await expect(page.getByTestId('message-components')).toHaveText('Components K: expected an integer from 1 to 100, got 0');
  await expect(page.getByTestId('start-run')).toBeDisabled();
  await expect(page.getByTestId('budget-unavailable')).toBeVisible();
  await kInput.fill('abc');
  await expect(page.getByTestId('message-components')).toHaveText('Components K: expected an integer from 1 to 100, got abc');
  await expect(page.getByTestId('start-run')).toBeDisabled();

  // K = 2 updates the budget; back to the default Δt via its reset.
  await kInput.fill('2');
  await expect(page.getByTestId('message-components')).toHaveCount(0);
  await expect(page.getByTestId('budget-evaluations')).toHaveText(String(2 * (2 * d + 1) * iterations));
  await page.getByTestId('reset-dt').click();
  await expect(page.getByLabel('Step size Δt', { exact: true })).toHaveValue('');
  await expect(page.getByTestId('queue')).toContainText('yours starts at once');
  await gmki.screenshot('setup-light');
  await page.screenshot({ path: join(SCREENSHOTS, 'setup-light-window.png') });

  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await kInput.fill('0');
  await expect(page.getByTestId('message-components')).toBeVisible();
  await expect(page.getByTestId('start-run')).toBeDisabled();
  await kInput.blur();
  // Element Plus's colour transitions are run to their end, so the picture shows the settled state.
  await page.screenshot({ path: join(SCREENSHOTS, 'setup-dark-window.png'), animations: 'disabled' });
  await kInput.fill('2');
  await expect(page.getByTestId('message-components')).toHaveCount(0);
  await expect(page.getByTestId('budget-evaluations')).toBeVisible();
  await gmki.screenshot('setup-dark');

  // Start: a named run, the run's page, and the run in runs/list with the settings as set.
  // Enter in the name field starts the run, as the Start button would.
  await page.getByLabel('Run name (optional)').fill('two-modal K=2');
  await expect(page.getByTestId('start-run')).toBeEnabled();
  await page.getByLabel('Run name (optional)').press('Enter');
  await expect(page).toHaveURL(/#\/runs\/[\w-]+$/);
  const runId = decodeURIComponent(page.url().split('#/runs/')[1]);
  const list = await gmki.invoke<{ runs: { id: string; name: string; components: number }[] }>('runs/list', {});
  const run = list.runs.find((entry) => entry.id === runId);
  expect(run).toMatchObject({ name: 'two-modal K=2', components: 2 });
  const record = await gmki.invoke<{ problem: { settings: { dt: number; initialization: { type: string } } } }>('run/get', { runId });
  expect(record.problem.settings.dt).toBe(0.5);
  expect(record.problem.settings.initialization.type).toBe('prior');
});

test('a setting’s “?” leads to its paragraph of the guide', async ({ gmki }) => {
  const { page } = gmki;
  await gmki.open('/setup');
  await page.getByTestId('example-circle-2d').click();
  await expect(page.getByTestId('default-sigmaPointAlpha')).toBeVisible();
  // By keyboard: focusing the "?" shows the guide's one-line summary, Enter follows the link.
  const link = page.getByTestId('guide-link-sigmaPointAlpha');
  await link.focus();
  await expect(page.getByRole('tooltip')).toContainText('Spread of the 2d+1 points each component evaluates');
  await link.press('Enter');
  await expect(page).toHaveURL(/#\/help\?section=knob-sigma-point-alpha$/);
  await expect(page.getByTestId('guide-knob-sigma-point-alpha')).toBeFocused();
});

test('an invalid draft says what is wrong, links to the editor and cannot start', async ({ gmki }) => {
  const { page } = gmki;
  await gmki.open('/problem');
  // A new problem with a name but no model file yet.
  await page.getByTestId('field-name').fill('Half done');
  await page.getByTestId('nav-run-setup').click();
  await expect(page.getByTestId('problem-summary')).toContainText('Half done');
  const invalid = page.getByTestId('problem-invalid');
  await expect(invalid).toContainText('This problem cannot run yet: 1 error to fix in the editor');
  await expect(invalid).toContainText('model.path: expected a file path');
  await expect(page.getByTestId('start-run')).toBeDisabled();
  await expect(page.getByTestId('start-blocked')).toHaveText('The problem has errors (see above): fix them first.');
  await expect(page.getByTestId('budget-unavailable')).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, 'setup-invalid-light-window.png') });
  await invalid.getByRole('link', { name: 'Open the problem editor' }).click();
  await expect(page).toHaveURL(/#\/problem$/);

  // A model file that does not exist passes validation; Start then reports it on model.path.
  await page.getByTestId('field-model-path').fill('missing-model.mjs');
  await page.getByTestId('nav-run-setup').click();
  await expect(page.getByTestId('problem-invalid')).toHaveCount(0);
  await expect(page.getByTestId('start-run')).toBeEnabled();
  await page.getByTestId('start-run').click();
  await expect(page.getByTestId('start-error')).toContainText('The model cannot start');
  await expect(page.getByTestId('problem-invalid')).toContainText('model.path');
  await expect(page).toHaveURL(/#\/setup$/);
  await page.screenshot({ path: join(SCREENSHOTS, 'setup-model-error-light-window.png') });
});
