// Issue 11 item 1 as it was reproduced, in Chromium: the user has the app open; the same browser
// then visits a page of another local server (another port of 127.0.0.1). That server must not
// receive the token (no cookie carries it), and its page, even when handed the token, can neither
// start a run (whose command model would run any program) nor listen to the events. The app in
// its own tab keeps working, reloads included.
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { expect, test } from './fixtures';

/** Another local server: serves one page and remembers the Cookie header of every request. */
async function otherLocalServer(): Promise<{ origin: string; cookies: string[]; server: Server }> {
  const cookies: string[] = [];
  const server = createServer((request, response) => {
    cookies.push(request.headers.cookie ?? '');
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><title>another local server</title><p>hello</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, cookies, server };
}

test('a page of another local server gets no token and cannot use the API even with it', async ({ gmki }) => {
  const { page } = gmki;
  await gmki.open('/runs');
  // The empty list shows only once runs/list answered.
  await expect(page.getByTestId('runs-empty')).toBeVisible();

  const other = await otherLocalServer();
  try {
    // Same browser, same profile: a new tab of the other server's page.
    const foreign = await page.context().newPage();
    await foreign.goto(`${other.origin}/`);
    expect(other.cookies.join('; ')).not.toContain(gmki.app.token);

    const marker = join(gmki.app.workDir, 'pwned');
    const attempts = await foreign.evaluate(
      async ({ api, token, marker }) => {
        const body = JSON.stringify({
          problem: {
            format: 'gmki-problem/1',
            name: 'not yours',
            parameters: [{ name: 'a', prior: { mean: 0, std: 1 } }],
            observations: { values: [1], noise: { std: 1 } },
            model: { type: 'command', command: ['touch', marker] },
            settings: { components: 1, iterations: 1, concurrency: 1 },
          },
        });
        // A "simple" request: no preflight, the browser sends it (and hides the answer, or, as
        // the server's refusal carries Cross-Origin-Resource-Policy, fails the fetch).
        await fetch(`${api}run/start?token=${token}`, { method: 'POST', mode: 'no-cors', body }).catch(() => undefined);
        // With the token in its header: needs a CORS preflight, which the server never answers.
        const withHeader = await fetch(`${api}run/start`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body,
        }).then(
          (reply) => `answered ${reply.status}`,
          () => 'blocked',
        );
        const events = await new Promise<string>((resolve) => {
          const source = new EventSource(`${api}events?token=${token}`);
          source.onopen = () => (source.close(), resolve('open'));
          source.onerror = () => (source.close(), resolve('refused'));
        });
        return { withHeader, events };
      },
      { api: `${gmki.app.origin}api/`, token: gmki.app.token, marker },
    );
    expect(attempts).toEqual({ withHeader: 'blocked', events: 'refused' });
    await foreign.close();

    const runs = await gmki.invoke<{ total: number }>('runs/list', {});
    expect(runs.total).toBe(0);
    expect(existsSync(marker)).toBe(false);
  } finally {
    await new Promise((resolve) => other.server.close(resolve));
  }

  // The app itself: its calls and its event stream still work, also after a reload.
  await page.reload();
  await expect(page.getByTestId('runs-empty')).toBeVisible();
  const streamOpens = await page.evaluate(`new Promise((resolve) => {
    const source = new EventSource('/api/events?token=' + encodeURIComponent(sessionStorage.getItem('gmki-token') ?? ''));
    source.onopen = () => (source.close(), resolve('open'));
    source.onerror = () => (source.close(), resolve('refused'));
  })`);
  expect(streamOpens).toBe('open');
});
