/**
 * Paths named by requests (docs/security.md, "What a request may ask of the file system"). The
 * contract's schema accepts anything that looks absolute on some system (`/…`, `C:\…`), as the
 * renderer compiles without Node; here, where the files are, a path must be absolute for this
 * machine. Otherwise `C:\x.json` on Linux would be taken as a relative name and land in the
 * server's working folder.
 */
import { isAbsolute, resolve } from 'node:path';
import { HandlerError } from './errors';

/** What an absolute path looks like on this machine, for messages. */
const ABSOLUTE_HERE = process.platform === 'win32' ? 'like C:\\folder\\file' : 'starting with /';

/**
 * `value` as a normalised absolute path of this machine.
 * @param field the request's field, named in the message and the issue (`path`, `problemDir`)
 * @throws HandlerError INVALID_REQUEST when `value` is not absolute here
 */
export function requestPath(field: string, value: string): string {
  if (!isAbsolute(value)) {
    const hint = process.platform !== 'win32' && /^([A-Za-z]:|\\\\)/.test(value) ? ' (this is a Windows path)' : '';
    const message = `expected an absolute path on this computer, ${ABSOLUTE_HERE}, got ${JSON.stringify(value)}${hint}`;
    throw new HandlerError('INVALID_REQUEST', `${field}: ${message}`, [{ path: field, message }]);
  }
  return resolve(value);
}
