// The frame every screen lives in: it loads with the server's token, navigates, switches theme.
import { expect, test } from './fixtures';

test('opens on the runs screen and navigates between screens by keyboard-focusable links', async ({ gmki }) => {
  const { page } = gmki;
  await gmki.open('/');
  await expect(page).toHaveURL(/#\/runs$/);
  await expect(page.getByRole('navigation', { name: 'Screens' })).toBeVisible();
  await page.getByTestId('nav-help').click();
  await expect(page).toHaveURL(/#\/help$/);
  // The token left the address bar but the session keeps working.
  expect(page.url()).not.toContain('token=');
});

test('switches between the light and the dark theme and remembers the choice', async ({ gmki }) => {
  const { page } = gmki;
  await gmki.open('/runs');
  const html = page.locator('html');
  const startedDark = (await html.getAttribute('class'))?.includes('dark') ?? false;
  await page.getByTestId('theme-toggle').click();
  await expect(html).toHaveClass(startedDark ? /^(?!.*dark)/ : /dark/);
  await page.reload();
  await expect(html).toHaveClass(startedDark ? /^(?!.*dark)/ : /dark/);
});
