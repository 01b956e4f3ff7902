/**
 * Debian's chromium driven by playwright-core with exactly the launch arguments of the end-to-end
 * tests (playwright.config.ts), so that the figures are those of the tested configuration.
 */
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import config, { CHROMIUM } from '../../playwright.config';

export async function launchBrowser(): Promise<Browser> {
  const args = config.use?.launchOptions?.args ?? [];
  return chromium.launch({ executablePath: CHROMIUM, args: [...args] });
}

/** The viewport of the end-to-end tests. */
export const VIEWPORT = config.use?.viewport ?? { width: 1400, height: 900 };

/** A fresh context (empty cache, no session) with the viewport of the tests. */
export function newBenchContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: VIEWPORT });
}
