// The Help screen: the in-app guide, whose table of contents jumps to each section.
import { join } from 'node:path';
import { expect, SCREENSHOTS, test } from './fixtures';

test('every link of the guide’s table of contents jumps to its section and focuses its heading', async ({ gmki }) => {
  const { page } = gmki;
  await gmki.open('/help');
  const contents = page.getByTestId('guide-contents');
  await expect(contents).toBeVisible();
  const links = contents.getByRole('link');
  const count = await links.count();
  expect(count).toBeGreaterThan(15);
  for (let i = 0; i < count; i++) {
    const link = links.nth(i);
    const testId = (await link.getAttribute('data-testid'))!;
    const id = testId.replace(/^toc-/, '');
    await link.click();
    await expect(page).toHaveURL(new RegExp(`#/help\\?section=${id}$`));
    const heading = page.getByTestId(`guide-${id}`);
    await expect(heading).toBeFocused();
    await expect(heading).toBeInViewport();
    await expect(heading).toHaveText((await link.textContent())!.trim());
  }
  // The window, not the full page: the guide is long, and the sticky contents would sit mid-way.
  await page.getByTestId('toc-what-gmki-does').click();
  await page.screenshot({ path: join(SCREENSHOTS, 'help-light.png') });
});

test('a link from elsewhere lands on its section, also in the dark theme', async ({ gmki }) => {
  const { page } = gmki;
  await gmki.open('/help?section=knob-dt');
  const heading = page.getByTestId('guide-knob-dt');
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
  await expect(page.getByTestId('toc-knob-dt')).toHaveClass(/active/);
  // After scrolling away, the link of the section already in the address jumps back to it.
  await page.mouse.wheel(0, -100_000);
  await expect(heading).not.toBeInViewport();
  await page.getByTestId('toc-knob-dt').click();
  await expect(heading).toBeInViewport();
  await expect(heading).toBeFocused();
  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.screenshot({ path: join(SCREENSHOTS, 'help-dark.png') });
});
