// Export (issue 4, screen 7; scenario e): samples CSV, mixture JSON and the corner plot as PNG
// and SVG, downloaded through the run detail in a browser.
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { seedRun } from './runs-seed';

interface RunRecord {
  id: string;
  components: number;
  problem: { parameters: { name: string }[] };
}

test('exports samples CSV, mixture JSON, and the corner plot as PNG and SVG', async ({ gmki }) => {
  const { page } = gmki;
  const seeded = await seedRun(gmki, 'two-modal-2d', 'export me', 4);
  const run = await gmki.invoke<RunRecord>('run/get', { runId: seeded.id });
  const names = run.problem.parameters.map((parameter) => parameter.name);
  await gmki.open(`/runs/${run.id}`);
  await page.getByRole('tab', { name: 'Result' }).click();
  await expect(page.getByTestId('corner-card').locator('canvas').first()).toBeVisible();

  // Samples CSV: header = parameter names then `component` (problem-format.md §4), one row per sample.
  const samples = page.getByTestId('export-samples').locator('input');
  await samples.fill('750');
  await samples.press('Enter');
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  expect(csvDownload.suggestedFilename()).toBe('export-me-samples.csv');
  const lines = readFileSync(await csvDownload.path())
    .toString('utf8')
    .trimEnd()
    .split('\n');
  expect(lines[0]).toBe([...names, 'component'].join(','));
  const rows = lines.slice(1).map((line) => line.split(',').map(Number));
  expect(rows).toHaveLength(750);
  for (const row of rows) {
    expect(row).toHaveLength(names.length + 1);
    // The two-modal posterior lies within a few prior standard deviations (prior N(0, I)).
    for (const value of row.slice(0, -1)) expect(Math.abs(value)).toBeLessThan(10);
    expect(Number.isInteger(row.at(-1)) && row.at(-1)! >= 0 && row.at(-1)! < run.components).toBe(true);
  }
  const means = names.map((_, j) => rows.reduce((sum, row) => sum + row[j], 0) / rows.length);
  for (const mean of means) expect(Number.isFinite(mean)).toBe(true);

  // Mixture JSON: every iteration 0..4.
  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const mixture = JSON.parse(readFileSync(await jsonDownload.path()).toString('utf8')) as {
    format: string;
    parameterNames: string[];
    history: unknown[];
    final: { weights: number[] };
  };
  expect(mixture.format).toBe('gmki-result/1');
  expect(mixture.parameterNames).toEqual(names);
  expect(mixture.history).toHaveLength(5);
  expect(mixture.final.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);

  // The corner plot as PNG and as SVG.
  await page.getByTestId('corner-export').click();
  const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="corner-export-png"]:visible').click()]);
  expect(pngDownload.suggestedFilename()).toBe('export-me-corner.png');
  const png = readFileSync(await pngDownload.path());
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.length).toBeGreaterThan(10_000);

  await page.getByTestId('corner-export').click();
  const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="corner-export-svg"]:visible').click()]);
  expect(svgDownload.suggestedFilename()).toBe('export-me-corner.svg');
  const svg = readFileSync(await svgDownload.path()).toString('utf8');
  expect(svg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
  expect(svg).toContain(names[0]);
});
