/**
 * The server's one secret (architecture.md §5): a random token, printed in the URL, required on
 * every request. The page load brings it as `?token=`; the server then sets it as a SameSite=Strict
 * HttpOnly cookie so that the page's scripts and styles load, and the renderer sends it as
 * `Authorization: Bearer …` on API calls (or `?token=` where a header cannot be set: EventSource).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'gmki_token';

/** 32 random bytes, URL-safe. */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/** How a request proved it knows the token, or null when it did not. */
export type TokenSource = 'header' | 'query' | 'cookie';

/**
 * Checks the token of a request. The cookie only counts for GET requests: an API call (POST) must
 * carry the token itself, so a page of another site can never make one on the user's behalf.
 */
export function tokenSource(request: IncomingMessage, url: URL, token: string): TokenSource | null {
  const header = request.headers.authorization;
  if (typeof header === 'string' && header.startsWith('Bearer ') && same(header.slice(7).trim(), token)) return 'header';
  const query = url.searchParams.get('token');
  if (query !== null && same(query, token)) return 'query';
  if (request.method === 'GET' && same(cookieValue(request.headers.cookie, TOKEN_COOKIE) ?? '', token)) return 'cookie';
  return null;
}

/** The Set-Cookie value that lets the page's own assets load without the token in their URLs. */
export function tokenCookie(token: string): string {
  return `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

/** Constant-time comparison, so the token cannot be guessed a character at a time. */
function same(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}
