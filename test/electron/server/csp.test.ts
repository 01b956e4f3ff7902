// The page's CSP is written twice: in renderer/index.html's meta tag (Electron loads the file, so
// only a meta tag can carry it there) and as the server's header. They must say the same thing;
// frame-ancestors is the one directive a meta tag cannot carry, so only the header has it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGE_CSP } from '../../../electron/server/static-files';

const directives = (csp: string) =>
  csp
    .split(';')
    .map((directive) => directive.trim())
    .filter(Boolean)
    .sort();

describe('the page CSP', () => {
  it('is the same in renderer/index.html and in gmki serve’s header, but for frame-ancestors', () => {
    const html = readFileSync(join(import.meta.dirname, '../../../renderer/index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    expect(directives(PAGE_CSP).filter((d) => !d.startsWith('frame-ancestors'))).toEqual(directives(meta!));
    expect(directives(PAGE_CSP)).toContain("frame-ancestors 'none'");
  });

  it('allows no inline or evaluated scripts and no plugins', () => {
    expect(PAGE_CSP).not.toMatch(/script-src|unsafe-eval/);
    expect(directives(PAGE_CSP)).toEqual(expect.arrayContaining(["default-src 'self'", "object-src 'none'", "base-uri 'none'"]));
  });
});
