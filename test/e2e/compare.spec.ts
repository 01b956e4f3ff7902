// Scenario b of issue 4: one built-in example run twice with different K, compared. The runs are
// started through the server (the run setup screen is not part of what this spec is about).
import { readFileSync } from 'node:fs';
import type { ExampleInfo, RunRecord, RunSummary } from '../../electron/contract/types';
import type { Page } from '@playwright/test';
import { expect, test, type GmkiPage } from './fixtures';

async function startExample(gmki: GmkiPage, components: number, name: string): Promise<RunRecord> {
  const examples = await gmki.invoke<ExampleInfo[]>('problem/examples', {});
  const circle = examples.find((example) => example.id === 'circle-2d')!;
  const settings = { ...(circle.problem.settings as Record<string, unknown>), components };
  return gmki.invoke<RunRecord>('run/start', { problem: { ...circle.problem, settings }, name });
}

async function waitForCompletion(gmki: GmkiPage, ids: readonly string[]): Promise<void> {
  await expect
    .poll(async () => (await Promise.all(ids.map((runId) => gmki.invoke<RunSummary>('run/get', { runId })))).map((run) => run.status), {
      timeout: 90_000,
    })
    .toEqual(ids.map(() => 'completed'));
}

interface DrawnSeries {
  readonly name: string | null;
  readonly type: string;
  readonly points: number;
}

/** The series the chart in card `testid` draws (EChart.vue writes them on its box as data-series). */
async function drawnSeries(page: Page, testid: string): Promise<DrawnSeries[]> {
  const chart = page.getByTestId(testid).locator('.echart');
  await expect(chart).toHaveAttribute('data-series', /^\[/);
  return JSON.parse((await chart.getAttribute('data-series'))!) as DrawnSeries[];
}

test('compares two runs of one example with different K: overlays drawn, only the differing settings listed', async ({ gmki }) => {
  const { page } = gmki;
  const small = await startExample(gmki, 3, 'circle K=3');
  const large = await startExample(gmki, 6, 'circle K=6');
  await waitForCompletion(gmki, [small.id, large.id]);

  await gmki.open(`/compare?runs=${small.id},${large.id}`);
  const chips = page.getByTestId('compare-chip');
  await expect(chips).toHaveCount(2);
  await expect(chips.nth(0)).toContainText('circle K=3');
  await expect(chips.nth(0)).toContainText('completed');
  await expect(chips.nth(1)).toContainText('circle K=6');

  // Every overlay is drawn, with one series per run holding that run's curves.
  for (const chart of ['compare-marginals', 'compare-pair', 'compare-weights', 'compare-misfit']) {
    const card = page.getByTestId(chart);
    await expect(card.locator('canvas').first()).toBeVisible();
    const box = await card.locator('canvas').first().boundingBox();
    expect(box?.width).toBeGreaterThan(300);
  }
  const names = ['circle K=3', 'circle K=6'];
  const history = 30 + 1; // the example's 30 iterations and the initial mixture
  // Marginals: one density curve per run on the 300-point grid.
  expect(await drawnSeries(page, 'compare-marginals')).toEqual(names.map((name) => ({ name, type: 'line', points: 300 })));
  // Weights: per run, each of its K components over the history, components separated by a gap.
  expect(await drawnSeries(page, 'compare-weights')).toEqual([
    { name: names[0], type: 'line', points: 3 * (history + 1) },
    { name: names[1], type: 'line', points: 6 * (history + 1) },
  ]);
  // Misfit: per run, its best misfit at each iteration.
  expect(await drawnSeries(page, 'compare-misfit')).toEqual(names.map((name) => ({ name, type: 'line', points: history })));
  // Pair: per run, the 2σ ellipses (73 points and a gap each) of its components that carry weight.
  const pair = await drawnSeries(page, 'compare-pair');
  expect(pair.map(({ name, type }) => ({ name, type }))).toEqual(names.map((name) => ({ name, type: 'line' })));
  expect(pair[0]!.points % 74).toBe(0);
  expect(pair[0]!.points / 74).toBeGreaterThanOrEqual(1);
  expect(pair[0]!.points / 74).toBeLessThanOrEqual(3);
  expect(pair[1]!.points % 74).toBe(0);
  expect(pair[1]!.points / 74).toBeGreaterThanOrEqual(1);
  expect(pair[1]!.points / 74).toBeLessThanOrEqual(6);
  // The SVG export carries the legend: one entry per run.
  await page.getByTestId('compare-marginals-export').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('compare-marginals-export-svg').click()]);
  expect(download.suggestedFilename()).toBe('compare-marginal-theta1.svg');
  const svg = readFileSync((await download.path())!, 'utf8');
  expect(svg).toContain('circle K=3');
  expect(svg).toContain('circle K=6');

  const diff = page.getByTestId('settings-diff');
  const paths = diff.getByTestId('diff-path');
  await expect(paths).toContainText(['settings.components']);
  const rows = diff.locator('tbody tr');
  const componentsRow = rows.filter({ has: page.getByText('settings.components', { exact: true }) });
  await expect(componentsRow.getByTestId('diff-value')).toHaveText(['3', '6']);
  // Equal settings are not listed: the method, Δt and the model are the same in both runs.
  const listed = await paths.allTextContents();
  expect(listed).not.toContain('settings.dt');
  expect(listed).not.toContain('settings.method');
  expect(listed).not.toContain('model.name');
  await gmki.screenshot('compare-light');

  // "Show all" lists the equal settings too.
  await diff.getByTestId('settings-diff-all').click();
  await expect(paths).toContainText(['settings.dt']);
  await diff.getByTestId('settings-diff-all').click();

  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  // A full-page screenshot of a scrolled page would draw the sticky bar mid-page.
  await page.evaluate('window.scrollTo(0, 0)');
  await gmki.screenshot('compare-dark');
});

test('a deleted run leaves the comparison and the address with a notice: deleted before, or while it is open', async ({ gmki }) => {
  const { page } = gmki;
  const run = await startExample(gmki, 2, 'circle K=2');
  const deleted = await startExample(gmki, 3, 'circle K=3, deleted');
  const later = await startExample(gmki, 4, 'circle K=4, deleted later');
  await waitForCompletion(gmki, [run.id, deleted.id, later.id]);
  await gmki.invoke('run/delete', { runId: deleted.id });

  // An address naming a run deleted since.
  await gmki.open(`/compare?runs=${run.id},${deleted.id},${later.id}`);
  await expect(page.getByTestId('compare-run-removed')).toHaveText(`Run ${deleted.id.slice(0, 8)} was deleted, so it left the comparison.`);
  await expect(page.getByTestId('compare-chip')).toHaveCount(2);
  await expect(page).toHaveURL(new RegExp(`runs=${run.id}(%2C|,)${later.id}$`));
  await expect(page.getByTestId('compare-pair').locator('canvas').first()).toBeVisible();

  // Deleted by another client of the same server while the comparison is on screen (run/deleted).
  await gmki.invoke('run/delete', { runId: later.id });
  await expect(page.getByTestId('compare-run-removed')).toContainText('“circle K=4, deleted later” was deleted, so it left the comparison.');
  await expect(page.getByTestId('compare-chip')).toHaveCount(1);
  await expect(page).toHaveURL(new RegExp(`runs=${run.id}$`));
  await expect(page.getByTestId('compare-empty')).toContainText('Pick two or more runs');
  await gmki.screenshot('compare-deleted-run');
});

test('adds runs with the search field and keeps them in the address', async ({ gmki }) => {
  const { page } = gmki;
  const first = await startExample(gmki, 2, 'search alpha');
  const second = await startExample(gmki, 4, 'search beta');
  await waitForCompletion(gmki, [first.id, second.id]);

  await gmki.open('/compare');
  await expect(page.getByTestId('compare-empty')).toBeVisible();
  for (const name of ['search alpha', 'search beta']) {
    await page.getByTestId('compare-add').click();
    await page.keyboard.type(name.split(' ')[1]);
    await page.getByRole('option', { name: new RegExp(name) }).click();
  }
  await expect(page.getByTestId('compare-chip')).toHaveCount(2);
  await expect(page).toHaveURL(new RegExp(`runs=${first.id}(%2C|,)${second.id}`));
  await expect(page.getByTestId('settings-diff-count')).toContainText('1 setting differs');

  // Away and back through the navigation: the comparison is still there.
  await page.getByTestId('nav-runs').click();
  await page.getByTestId('nav-compare').click();
  await expect(page.getByTestId('compare-chip')).toHaveCount(2);
  await expect(page).toHaveURL(new RegExp(`runs=${first.id}(%2C|,)${second.id}`));
});

test('runs of problems without a common parameter: says so and still compares the curves', async ({ gmki }) => {
  const { page } = gmki;
  const examples = await gmki.invoke<ExampleInfo[]>('problem/examples', {});
  const square = examples.find((example) => example.id === 'square-map-1d')!;
  const oneD = await gmki.invoke<RunRecord>('run/start', { problem: square.problem, name: 'square 1-D' });
  const twoD = await startExample(gmki, 2, 'circle 2-D');
  await waitForCompletion(gmki, [oneD.id, twoD.id]);

  await gmki.open(`/compare?runs=${oneD.id},${twoD.id}`);
  await expect(page.getByTestId('compare-no-common')).toContainText('share no parameter (theta, theta1, theta2)');
  await expect(page.getByTestId('compare-marginals')).toHaveCount(0);
  await expect(page.getByTestId('compare-weights').locator('canvas').first()).toBeVisible();
  await expect(page.getByTestId('settings-diff').getByTestId('diff-path')).toContainText(['parameters[0].name']);
});
