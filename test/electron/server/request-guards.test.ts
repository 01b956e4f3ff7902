// The pure checks behind the server's refusals (docs/security.md): which origins may call the API,
// which bodies count as JSON, and the token comparison.
import { describe, expect, it } from 'vitest';
import { sameToken } from '../../../electron/server/auth';
import { foreignOriginRefusal, isJsonContentType } from '../../../electron/server/request-guards';

const HOST = '127.0.0.1:4567';

describe('foreignOriginRefusal', () => {
  it('lets through requests without browser origin headers (programs) and the page of this very origin', () => {
    expect(foreignOriginRefusal({}, HOST)).toBeNull();
    expect(foreignOriginRefusal({ origin: 'http://127.0.0.1:4567', 'sec-fetch-site': 'same-origin' }, HOST)).toBeNull();
    expect(foreignOriginRefusal({ origin: 'http://localhost:4567' }, 'localhost:4567')).toBeNull();
    expect(foreignOriginRefusal({ 'sec-fetch-site': 'none' }, HOST)).toBeNull();
  });

  it.each([
    ['http://127.0.0.1:4568', 'another port'],
    ['http://localhost:4567', 'the other name of this server'],
    ['https://127.0.0.1:4567', 'another scheme'],
    ['http://127.0.0.1:4567.evil.example', 'a look-alike'],
    ['null', 'an opaque origin'],
    ['', 'an empty origin'],
  ])('refuses Origin %s (%s), naming it and the one origin allowed', (origin) => {
    const refusal = foreignOriginRefusal({ origin }, HOST);
    expect(refusal).toContain('only the GMKI Studio page at http://127.0.0.1:4567 may call its API');
    expect(refusal).toContain(`a page of ${origin}`);
  });

  it.each(['same-site', 'cross-site', 'CROSS-SITE', 'unknown'])('refuses Sec-Fetch-Site: %s even with this origin', (site) => {
    expect(foreignOriginRefusal({ origin: 'http://127.0.0.1:4567', 'sec-fetch-site': site }, HOST)).toContain(`Sec-Fetch-Site: ${site}`);
  });

  it('keeps what it echoes printable and short', () => {
    const refusal = foreignOriginRefusal({ origin: `http://x\u0007${'a'.repeat(300)}` }, HOST)!;
    expect(refusal).not.toMatch(/[^\x20-\x7e…]/);
    expect(refusal.length).toBeLessThan(250);
  });
});

describe('isJsonContentType', () => {
  it.each(['application/json', 'application/json; charset=utf-8', 'Application/JSON;charset=UTF-8'])('accepts %s', (type) => {
    expect(isJsonContentType(type)).toBe(true);
  });
  it.each([undefined, '', 'text/plain', 'text/plain; application/json', 'application/x-www-form-urlencoded', 'multipart/form-data', 'application/json-seq'])(
    'refuses %s (what a form or a no-cors fetch can send)',
    (type) => {
      expect(isJsonContentType(type)).toBe(false);
    },
  );
});

describe('sameToken', () => {
  it('is true for the token only', () => {
    const token = 'Zr3-x_9QmM1lA6tV0pJ8cYk2sN7bH4dE5fG1hI2jK3L';
    expect(sameToken(token, token)).toBe(true);
    expect(sameToken(token.slice(1), token)).toBe(false);
    expect(sameToken(`${token}x`, token)).toBe(false);
    expect(sameToken('', token)).toBe(false);
    expect(sameToken(token.replace('Z', 'z'), token)).toBe(false);
    // Same length in characters, different bytes.
    expect(sameToken(token.replace('Z', 'é'), token)).toBe(false);
  });
});
