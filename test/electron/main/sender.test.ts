import { describe, expect, it } from 'vitest';
import { appPageUrl, isAppPage } from '../../../electron/main/sender';

describe('isAppPage', () => {
  const built = appPageUrl('/app/out/main', {});

  it('trusts the built page with any hash or query', () => {
    expect(built).toBe('file:///app/out/renderer/index.html');
    expect(isAppPage(built, built)).toBe(true);
    expect(isAppPage(built + '#/runs/1', built)).toBe(true);
  });

  it('refuses other files, other schemes, a missing frame and garbage', () => {
    expect(isAppPage('file:///app/out/renderer/other.html', built)).toBe(false);
    expect(isAppPage('file:///tmp/index.html', built)).toBe(false);
    expect(isAppPage('https://evil.example/app/out/renderer/index.html', built)).toBe(false);
    expect(isAppPage(undefined, built)).toBe(false);
    expect(isAppPage('not a url', built)).toBe(false);
  });

  it('trusts the dev server by origin only', () => {
    const dev = appPageUrl('/app/out/main', { ELECTRON_RENDERER_URL: 'http://localhost:5173' });
    expect(isAppPage('http://localhost:5173/#/runs', dev)).toBe(true);
    expect(isAppPage('http://localhost:5174/', dev)).toBe(false);
    expect(isAppPage('http://127.0.0.1:5173/', dev)).toBe(false);
  });
});
