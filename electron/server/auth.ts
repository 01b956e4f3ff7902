/**
 * The server's one secret (docs/security.md): a random token, printed in the URL. The renderer
 * takes it from the address bar and sends it as `Authorization: Bearer …` on every API call; only
 * the event stream, which a browser's EventSource opens without headers, may carry it as
 * `?token=`. No cookie holds it: a cookie for 127.0.0.1 reaches every port of 127.0.0.1, so any
 * other local server the browser visits would receive it.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** 32 random bytes, URL-safe. */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Where a request may carry the token: an API call only in its header, the event stream in its URL too. */
export type TokenPlaces = 'header' | 'header-or-query';

/** True when `request` carries `token` in one of `places`. */
export function carriesToken(request: IncomingMessage, url: URL, token: string, places: TokenPlaces): boolean {
  const header = request.headers.authorization;
  if (typeof header === 'string' && header.startsWith('Bearer ') && sameToken(header.slice('Bearer '.length).trim(), token)) return true;
  if (places === 'header') return false;
  const query = url.searchParams.get('token');
  return query !== null && sameToken(query, token);
}

/**
 * Compares in constant time, also in the length: both sides are hashed first, so neither the
 * position of the first wrong character nor the length of the guess changes the time taken.
 */
export function sameToken(given: string, token: string): boolean {
  const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(token));
}
