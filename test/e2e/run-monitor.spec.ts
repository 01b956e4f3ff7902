// The live run monitor: a slow JavaScript model's run advances on screen, is cancelled with its
// iterations kept, resumes and completes; a failing model shows its own message; a run whose
// diagnostics warn shows the warning at the top of the run view.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, type GmkiPage } from './fixtures';

interface StartedRun {
  id: string;
  iterations: number;
  status: string;
}

/** A 2-parameter problem around a JavaScript model file written into the work folder. */
function problemWith(model: string, settings: Record<string, unknown>): Record<string, unknown> {
  return {
    format: 'gmki-problem/1',
    name: 'Slow quadratic',
    parameters: [
      { name: 'a', prior: { mean: 0, std: 1 } },
      { name: 'b', prior: { mean: 1, std: 1 } },
    ],
    observations: { values: [1.5, 0.5], noise: { std: 0.2 } },
    model: { type: 'javascript', path: model },
    settings: { components: 2, seed: 3, concurrency: 2, ...settings },
  };
}

async function startRun(gmki: GmkiPage, fileName: string, source: string, settings: Record<string, unknown>, name: string): Promise<StartedRun> {
  writeFileSync(join(gmki.app.workDir, fileName), source);
  return gmki.invoke<StartedRun>('run/start', { problem: problemWith(fileName, settings), problemDir: gmki.app.workDir, name });
}

/** The committed iteration count in the header ("i / N"). */
async function iterationShown(page: Page): Promise<number> {
  const text = (await page.getByTestId('run-iteration').textContent()) ?? '';
  return Number(text.split('/')[0].trim());
}

/**
 * 200 ms per evaluation, and held where the test must act before the run goes on: evaluation n
 * (numbered across the model's worker threads by creating slow-gate/tickets/n exclusively) waits
 * until n ≤ the number in slow-gate/allowed. The outputs never depend on it.
 */
const SLOW_MODEL = `
import { readFileSync, writeFileSync } from 'node:fs';
const gate = new URL('./slow-gate/', import.meta.url);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function ticket() {
  for (let n = 1; ; n++) {
    try {
      writeFileSync(new URL('tickets/' + n, gate), '', { flag: 'wx' });
      return n;
    } catch {}
  }
}
export async function forward(theta) {
  const n = ticket();
  while (n > Number(readFileSync(new URL('allowed', gate), 'utf8'))) await sleep(20);
  await sleep(200);
  const [a, b] = theta;
  return [a * a + b, a - b];
}
`;
/** K·(2d+1) evaluations per iteration of problemWith's problem with K = 2. */
const PER_ITERATION = 2 * 5;

test('a slow run advances on screen, is cancelled with its iterations kept, resumes and completes', async ({ gmki }) => {
  // Two shared cores: starting the model's workers and each evaluation can take a while.
  test.setTimeout(240_000);
  const { page } = gmki;
  const gate = join(gmki.app.workDir, 'slow-gate');
  mkdirSync(join(gate, 'tickets'), { recursive: true });
  const allow = (iterations: number) => writeFileSync(join(gate, 'allowed'), String(iterations * PER_ITERATION));
  allow(2);
  const run = await startRun(gmki, 'slow.mjs', SLOW_MODEL, { iterations: 10 }, 'Slow run');
  await gmki.open(`/runs/${run.id}`);
  // Count the progress events the page receives, next to the monitor's own stream.
  await page.evaluate(
    `window.__progressEvents = 0; new EventSource('/api/events?token=${gmki.app.token}').addEventListener('run/progress', () => window.__progressEvents++);`,
  );

  await expect(page.getByTestId('run-status')).toHaveText('running', { timeout: 60_000 });
  await expect(page.getByRole('tab', { name: 'Progress' })).toHaveAttribute('aria-selected', 'true');
  // The counter moves while we watch (the model lets one more iteration through), and the charts follow.
  await expect.poll(() => iterationShown(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
  const seen = await iterationShown(page);
  allow(seen + 1);
  await expect.poll(() => iterationShown(page), { timeout: 60_000 }).toBe(seen + 1);
  await expect(page.getByTestId('chart-weights').locator('canvas')).toHaveCount(1);
  await expect(page.getByTestId('pair-plot').locator('canvas')).toHaveCount(1);
  await expect(page.getByTestId('pair-plot')).toContainText(/iteration [1-9]/);
  await gmki.screenshot('run-monitor-running');
  // Resume and Extend make no sense for a running run.
  await expect(page.getByTestId('run-resume')).toBeDisabled();
  await expect(page.getByTestId('run-extend')).toBeDisabled();
  await page.getByTestId('run-cancel').click();
  // The run is held: it cannot end before the server has taken the cancel. Then the model goes on.
  const cancelAnswered = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/run/cancel');
  await page.getByRole('button', { name: 'Cancel the run' }).click();
  expect((await cancelAnswered).ok()).toBe(true);
  allow(1e6);
  await expect(page.getByTestId('run-status')).toHaveText('cancelled', { timeout: 60_000 });
  const kept = await iterationShown(page);
  expect(kept).toBe(seen + 1);
  await expect(page.getByTestId('run-iteration')).toHaveText(`${kept} / 10`);
  // The stopped run stays on the monitor, never looks like a success, and can be resumed.
  await expect(page.getByRole('tab', { name: 'Progress' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('run-progress')).toHaveClass(/is-warning/);
  await expect(page.getByTestId('run-progress')).not.toHaveClass(/is-success/);
  await expect(page.getByTestId('run-cancel')).toBeDisabled();
  const stored = await gmki.invoke<{ iterations: unknown[] }>('run/iterations', { runId: run.id });
  expect(stored.iterations).toHaveLength(kept + 1);
  await gmki.screenshot('run-monitor-cancelled');

  await page.getByTestId('run-resume').click();
  await expect(page.getByTestId('run-status')).toHaveText(/queued|running/);
  await expect(page.getByTestId('run-status')).toHaveText('running', { timeout: 60_000 });
  await expect(page.getByTestId('run-status')).toHaveText('completed', { timeout: 120_000 });
  // A completed run moves on to its result; the monitor stays one click away.
  await expect(page.getByRole('tab', { name: 'Result' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tab', { name: 'Progress' }).click();
  await expect(page.getByTestId('run-iteration')).toHaveText('10 / 10');
  // The heavy drawing follows committed iterations (0 to 10), not events: the pair plot at most
  // once per iteration, the weights chart also when the diagnostics' flags change.
  const events = (await page.evaluate('window.__progressEvents')) as number;
  const pairDraws = Number(await page.getByTestId('pair-plot').getAttribute('data-draws'));
  const weightDraws = Number(await page.getByTestId('chart-weights').getAttribute('data-draws'));
  expect(pairDraws).toBeGreaterThan(1);
  expect(pairDraws).toBeLessThanOrEqual(11);
  expect(weightDraws).toBeLessThanOrEqual(14);
  expect(events).toBeGreaterThan(2 * pairDraws);
  await expect(page.getByTestId('run-progress')).toHaveAttribute('aria-valuenow', '100');
  await expect(page.getByTestId('run-progress')).toHaveClass(/is-success/);
  await expect(page.getByTestId('run-extend')).toBeEnabled();
  await expect(page.getByTestId('run-resume')).toBeDisabled();
  const final = await gmki.invoke<StartedRun & { iterationsDone: number }>('run/get', { runId: run.id });
  expect(final.iterationsDone).toBe(10);
  // Charts settle on the last iteration.
  await expect(page.getByTestId('pair-plot')).toContainText('iteration 10');
  await gmki.screenshot('run-monitor-completed-light');
  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await gmki.screenshot('run-monitor-completed-dark');
  await page.getByTestId('theme-toggle').click();
});

test("a model that fails shows status failed and the model's own message", async ({ gmki }) => {
  const { page } = gmki;
  const failing = `
export function forward(theta) {
  if (theta[0] > 0.8) throw new Error('solver diverged at theta=' + theta.map((x) => x.toFixed(3)).join(','));
  return [theta[0] * theta[0] + theta[1], theta[0] - theta[1]];
}
`;
  const run = await startRun(gmki, 'failing.mjs', failing, { iterations: 5 }, 'Failing run');
  await gmki.open(`/runs/${run.id}`);
  await expect(page.getByTestId('run-status')).toHaveText('failed', { timeout: 30_000 });
  const alert = page.getByTestId('run-error');
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('solver diverged at theta=');
  // The failed evaluations name their iteration, component and θ.
  const failed = page.getByTestId('failed-evaluations');
  await expect(failed).toContainText('solver diverged at theta=');
  await expect(failed).toContainText('a = ');
  await expect(page.getByTestId('run-failed-count')).not.toHaveText('0');
  // Resuming would meet the same failure: the services refuse it, so the button is off.
  await expect(page.getByTestId('run-resume')).toBeDisabled();
  await expect(page.getByTestId('run-log')).toContainText('solver diverged');
  await gmki.screenshot('run-monitor-failed');
});

test('a run whose diagnostics say mass may be missing shows the warning, the findings and the marked components', async ({ gmki }) => {
  const { page } = gmki;
  const examples = await gmki.invoke<{ id: string; problem: Record<string, unknown> }[]>('problem/examples', {});
  const circle = examples.find((example) => example.id === 'circle-2d')!;
  const run = await gmki.invoke<StartedRun>('run/start', { problem: circle.problem, name: 'Circle' });
  await expect.poll(async () => (await gmki.invoke<StartedRun>('run/get', { runId: run.id })).status, { timeout: 60_000 }).toBe('completed');
  const diagnostics = await gmki.invoke<{ mayMissMass: boolean; findings: { components: number[] }[] }>('run/diagnostics', { runId: run.id });
  expect(diagnostics.mayMissMass).toBe(true);

  await gmki.open(`/runs/${run.id}`);
  const warning = page.getByTestId('diagnostics-warning');
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('The result may be missing posterior mass');
  await expect(warning.getByTestId('diagnostics-more-components')).toHaveText(/20 components/);
  await expect(warning.getByTestId('diagnostics-extend')).toBeVisible();
  // A settled run opens on its result, which lists every finding too; so does the monitor, with
  // the condition numbers.
  await expect(page.getByRole('tab', { name: 'Result' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('#pane-result').getByTestId('diagnostics-finding')).toHaveCount(diagnostics.findings.length);
  await page.getByRole('tab', { name: 'Progress' }).click();
  const progress = page.locator('#pane-progress');
  await expect(progress.getByTestId('diagnostics-finding')).toHaveCount(diagnostics.findings.length);
  // K = 10, numbered from 0 as in the files.
  await expect(progress.getByTestId('condition-numbers')).toContainText('0: ');
  await expect(progress.getByTestId('condition-numbers')).toContainText('9: ');
  await expect(progress.getByTestId('condition-numbers')).not.toContainText('10:');
  // The components the warnings name are marked on the weights chart.
  await expect(page.getByTestId('weights-flags')).toContainText('⚠');
  await gmki.screenshot('run-monitor-diagnostics-warning');
  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await gmki.screenshot('run-monitor-diagnostics-warning-dark');
  await page.getByTestId('theme-toggle').click();

  // "More components" opens run setup with the run's problem and K doubled.
  await warning.getByTestId('diagnostics-more-components').click();
  await expect(page).toHaveURL(/#\/setup$/);
  await expect(page.locator('#setting-components')).toHaveValue('20');
});

test('a completed run is extended from the keyboard and the monitor follows it to the new end', async ({ gmki }) => {
  const { page } = gmki;
  const examples = await gmki.invoke<{ id: string; problem: Record<string, unknown> }[]>('problem/examples', {});
  const square = examples.find((example) => example.id === 'square-map-1d')!;
  const run = await gmki.invoke<StartedRun>('run/start', { problem: square.problem, name: 'Square map' });
  await expect.poll(async () => (await gmki.invoke<StartedRun>('run/get', { runId: run.id })).status, { timeout: 60_000 }).toBe('completed');

  await gmki.open(`/runs/${run.id}`);
  await page.getByRole('tab', { name: 'Progress' }).click();
  await expect(page.getByTestId('run-iteration')).toHaveText('30 / 30');
  // A 1-D problem has no pair: the plot shows the one marginal, without pair selects.
  await expect(page.getByTestId('pair-plot').locator('canvas')).toHaveCount(1);
  await expect(page.getByTestId('pair-first')).toHaveCount(0);
  const field = page.getByLabel('Extend by');
  await field.fill('5');
  await field.press('Enter');
  await expect(page.getByTestId('run-status')).toHaveText('completed', { timeout: 60_000 });
  await expect(page.getByTestId('run-iteration')).toHaveText('35 / 35', { timeout: 30_000 });
  await expect(page.getByTestId('pair-plot')).toContainText('iteration 35');
});

test('a run that does not exist says so instead of showing an empty monitor', async ({ gmki }) => {
  const { page } = gmki;
  await gmki.open('/runs/00000000-0000-4000-8000-000000000000');
  await expect(page.getByTestId('run-load-error')).toContainText('This run does not exist');
  await expect(page.getByRole('link', { name: 'Back to the runs' })).toBeVisible();
});
