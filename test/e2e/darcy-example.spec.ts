// Issue 9: a new user can pick the Darcy example (d = 128) in the app — the example picker is
// fed by problem/examples, so it lists darcy-2d — and the editor takes it as it is: 128
// parameters, 28 observations, a valid problem with its truth kept, and a Test evaluation that
// runs the built-in PDE model (in a worker thread of gmki serve) and returns 28 numbers.
import { expect, test } from './fixtures';

test('the Darcy example is offered, opens with 128 parameters and evaluates the PDE model once', async ({ gmki }) => {
  const { page } = gmki;
  await gmki.open('/problem');
  await page.getByTestId('open-examples').click();
  await expect(page.getByRole('dialog', { name: 'Start from a built-in example' })).toContainText('Darcy flow 2-D (128 parameters)');
  await page.getByTestId('use-example-darcy-2d').click();

  await expect(page.getByTestId('field-name')).toHaveValue('Darcy flow 2-D (128 parameters)');
  await expect(page.getByTestId('field-parameters-127-name')).toHaveValue('theta128');
  await expect(page.getByTestId('validation-ok')).toContainText('128 parameters, 28 observations');

  await page.getByTestId('test-evaluation').click();
  await expect(page.getByTestId('evaluation-length')).toHaveText('Output length 28 — OK', { timeout: 60_000 });
  // G at the prior mean θ = 0 (κ = 1), to the editor's 3 digits; test/cli/darcy.test.ts checks all 28 in full.
  await expect(page.getByTestId('evaluation-output')).toHaveText(/^\[4\.89, 6, 6\.22, 6\.26, 0\.588, .*, -6\.32\]$/);
  await gmki.screenshot('problem-editor-darcy-example');
});
