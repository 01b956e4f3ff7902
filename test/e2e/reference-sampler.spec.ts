// The methods beside GMKI in the app (issue 10 item 2): run setup offers every method with its
// knobs and an honest budget; a GMKI result queues an smc reference run of the same problem;
// Compare overlays both with a distance; the smc result draws its particles, two modes of them.
import { expect, test, type GmkiPage } from './fixtures';
import { clearRuns } from './runs-seed';

test.describe.configure({ mode: 'serial' });

/** A full-page screenshot from the top (an element scrolled into view would leave the sticky bar mid-page). */
async function shot(gmki: GmkiPage, name: string): Promise<void> {
  await gmki.page.evaluate('window.scrollTo(0, 0)');
  await gmki.screenshot(name);
}

test('run setup offers every method, grouped, with smc’s knobs and its upper-bound budget', async ({ gmki }) => {
  const { page } = gmki;
  await clearRuns(gmki);
  await gmki.open('/setup');
  await page.getByTestId('example-two-modal-2d-shifted').click();
  await expect(page.getByTestId('problem-summary')).toBeVisible();
  await expect(page.getByTestId('field-components')).toBeVisible();

  await page.getByTestId('input-method').click();
  const groups = page.locator('.el-select-group__title:visible');
  await expect(groups).toHaveText(['GMKI — recommended', 'Kalman baselines — one Gaussian', 'Reference sampler']);
  await shot(gmki, 'methods-setup-choices-light');
  await page.getByRole('option', { name: 'smc (tempered sequential Monte Carlo)' }).click();

  // The example's explicit initial components do not fit smc, which starts from the prior: said on the row, with the way out.
  await expect(page.getByTestId('message-initialization')).toContainText('the method smc starts from the prior');
  await expect(page.getByTestId('budget-unavailable')).toBeVisible();
  await page.getByTestId('init-prior').click();
  await expect(page.getByTestId('field-initialization')).toHaveCount(0);

  // smc's knobs, none of GMKI's
  for (const key of ['particles', 'mhSteps', 'maxStages', 'essThreshold', 'seed']) await expect(page.getByTestId(`field-${key}`)).toBeVisible();
  // the example writes K, Δt and the iterations: kept visible, disabled, saying smc ignores them; the rest of GMKI's are gone
  for (const key of ['components', 'iterations', 'dt']) {
    await expect(page.getByTestId(`input-${key}`)).toBeDisabled();
    await expect(page.getByTestId(`field-${key}`)).toContainText('Not used by smc; reset it to remove it from the problem.');
  }
  for (const key of ['explorationMethod', 'explorationSamples', 'minWeight', 'splitThreshold', 'modeSearch']) await expect(page.getByTestId(`field-${key}`)).toHaveCount(0);
  await expect(page.getByTestId('default-particles')).toHaveText('default: automatic, 2000 for smc');
  await expect(page.getByTestId('field-method')).toContainText('J particles that sample the posterior, every mode, and its log-evidence');
  await expect(page.getByTestId('budget')).toContainText('at most');
  await expect(page.getByTestId('budget-formula')).toHaveText(/^at most J·\(1 \+ maxStages·mhSteps\) = 2000·\(1 \+ 20·25\) = 1\s002\s000 evaluations$/);

  await page.getByTestId('input-particles').fill('400');
  await page.getByTestId('input-mhSteps').fill('5');
  await expect(page.getByTestId('budget-formula')).toHaveText(/^at most J·\(1 \+ maxStages·mhSteps\) = 400·\(1 \+ 20·5\) = 40\s400 evaluations$/);
  await page.getByTestId('input-essThreshold').fill('1');
  await expect(page.getByTestId('message-essThreshold')).toHaveText('ESS threshold: expected a number in (0, 1), got 1');
  await page.getByTestId('reset-essThreshold').click();
  // 1 + maxStages·mhSteps ≤ 10 000: the server's rule across the two fields, shown on the field
  await page.getByTestId('input-maxStages').fill('2500');
  await expect(page.getByTestId('message-maxStages')).toHaveText('Most stages: expected an integer from 1 to 1000, got 2500');
  await page.getByTestId('input-mhSteps').fill('50');
  await page.getByTestId('input-maxStages').fill('1000');
  await expect(page.getByTestId('message-maxStages')).toContainText('expected at most 199 with mhSteps = 50');
  await page.getByTestId('input-mhSteps').fill('5');
  await page.getByTestId('input-maxStages').fill('10');
  await expect(page.getByTestId('message-maxStages')).toHaveCount(0);
  await shot(gmki, 'methods-setup-smc-light');
  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await shot(gmki, 'methods-setup-smc-dark');
  await page.getByTestId('theme-toggle').click();

  // eki: particles, Δt and iterations; its explanation of Δt is its own
  await page.getByTestId('input-method').click();
  await page.getByRole('option', { name: 'eki (ensemble Kalman inversion)' }).click();
  for (const key of ['particles', 'iterations', 'dt']) await expect(page.getByTestId(`field-${key}`)).toBeVisible();
  await expect(page.getByTestId('field-dt')).toContainText('the observation noise is inflated by 1/Δt');
  await expect(page.getByTestId('default-particles')).toHaveText('default: automatic, 100 for eki');
});
