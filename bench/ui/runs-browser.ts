/**
 * Targets 1 and 4 of issue 4's "Performance", measured in the page itself (performance.now()
 * counts from the navigation start; a MutationObserver notices the rows the moment they are in
 * the DOM; a frame later, after requestAnimationFrame and a task, they have been painted):
 * 1. web-mode first render: navigation start → the runs screen's first rows (or its empty
 *    state), each load in a fresh browser context (empty cache, new session);
 * 4. filtering: one input event with the search text (as typing the last key or pasting does) →
 *    the visible rows have changed and were painted.
 */
import type { Browser } from 'playwright-core';
import { newBenchContext } from './browser';
import { firstContent, timeSearch, watchFirstContent } from './page-scripts';
import type { BenchServer } from './server';

/** Milliseconds to the rows in the DOM, and to the frame that painted them. */
export interface Timing {
  readonly dom: number;
  readonly painted: number;
}

const CONTENT = '[data-testid="run-row"], [data-testid="runs-empty"]';

/** A first load: the rows' times and the page's milestones before them. */
export interface FirstLoad extends Timing {
  readonly responseEnd: number;
  readonly domContentLoaded: number;
  readonly firstContentfulPaint: number;
}

/** Navigation start → first rows, in `loads` fresh contexts. */
export async function measureFirstRender(browser: Browser, server: BenchServer, loads: number): Promise<FirstLoad[]> {
  const timings: FirstLoad[] = [];
  for (let n = 0; n < loads; n++) {
    const context = await newBenchContext(browser);
    try {
      const page = await context.newPage();
      await page.addInitScript({ content: watchFirstContent(CONTENT) });
      await page.goto(server.address('/runs'));
      timings.push((await page.evaluate(firstContent)) as FirstLoad);
    } finally {
      await context.close();
    }
  }
  return timings;
}

/**
 * Searches of the loaded runs, each changing the visible rows: a tag (a third of the runs), one
 * run by number, back to all, another tag, a name prefix. Returns one timing per search, `rounds` times.
 */
export async function measureFiltering(browser: Browser, server: BenchServer, expectedRuns: number, rounds: number): Promise<Timing[]> {
  const context = await newBenchContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(server.address('/runs'));
    await page.locator('[data-testid="run-row"]').first().waitFor({ timeout: 60_000 });
    // The browser must hold every seeded run, or this would time filtering a shorter list.
    const count = (await page.getByTestId('runs-count').textContent())?.trim();
    if (count !== `${expectedRuns} runs`) throw new Error(`The runs browser shows "${count}", not ${expectedRuns} runs.`);
    const timings: Timing[] = [];
    const queries = ['gamma', '0500', 'seeded', 'beta', 'seeded run 01', 'seeded'];
    for (let round = 0; round < rounds; round++) {
      for (const query of queries) timings.push((await page.evaluate(timeSearch(query))) as Timing);
    }
    return timings;
  } finally {
    await context.close();
  }
}
