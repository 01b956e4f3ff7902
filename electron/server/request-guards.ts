/**
 * Which requests may reach the API (docs/security.md). Knowing the token is not enough: a page of
 * another site — another local server on a different port included — must not be able to drive
 * the API even if the token leaked to it. Browsers say where a request comes from (`Origin`, and
 * `Sec-Fetch-Site` on every request); only the app's own page, or a client that is not a browser
 * (no such headers: the CLI tests, curl), passes. API calls must be JSON, a content type no HTML
 * form can send and no page of another origin can send without a CORS preflight (which this
 * server never answers).
 */
import type { IncomingHttpHeaders } from 'node:http';

/** `Sec-Fetch-Site` values of the app's own page (`none`: the user typed or opened the address). */
const OWN_FETCH_SITES = new Set(['same-origin', 'none']);

/**
 * Why a request from a browser page of another origin is refused, or null when it may proceed.
 * @param host the request's Host header, already checked to name this server (127.0.0.1:PORT or
 *   localhost:PORT): the page's origin must be exactly `http://` + that host.
 */
export function foreignOriginRefusal(headers: IncomingHttpHeaders, host: string): string | null {
  const own = `http://${host.toLowerCase()}`;
  const origin = headers.origin;
  if (origin !== undefined && origin.toLowerCase() !== own) {
    return `Refused: this request comes from a page of ${printable(origin)}; only the GMKI Studio page at ${own} may call its API.`;
  }
  const site = headers['sec-fetch-site'];
  if (site !== undefined && !OWN_FETCH_SITES.has(site.toLowerCase())) {
    return `Refused: this request comes from a page of another site (Sec-Fetch-Site: ${printable(site)}); only the GMKI Studio page at ${own} may call its API.`;
  }
  return null;
}

/** True for `application/json`, with or without parameters (`; charset=utf-8`). */
export function isJsonContentType(header: string | undefined): boolean {
  return header !== undefined && header.split(';')[0]!.trim().toLowerCase() === 'application/json';
}

/** A header's value as it may appear in a message: printable ASCII, at most 100 characters. */
function printable(value: string): string {
  const clean = value.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > 100 ? `${clean.slice(0, 99)}…` : clean;
}
