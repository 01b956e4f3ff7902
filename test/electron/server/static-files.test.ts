/**
 * Sending a file of the renderer must never take the server down: a file gone between the check
 * and the send is a 404, and a read that fails after the headers went (here: the path is a folder,
 * which opens but cannot be read) cuts that reply off while the server keeps answering. Before,
 * `createReadStream(file).pipe(response)` left the stream's 'error' unhandled, which ends the
 * process.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendFile } from '../../../electron/server/static-files';

let dir: string;
let server: Server;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gmki-static-'));
  mkdirSync(join(dir, 'folder.js'));
  writeFileSync(join(dir, 'app.js'), 'console.log(1)');
  server = createServer((request, response) => void sendFile(join(dir, request.url!.slice(1)), response, {}));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('sendFile', () => {
  it('sends a file with its content type', async () => {
    const reply = await fetch(`${base}/app.js`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await reply.text()).toBe('console.log(1)');
  });

  it('answers 404 for a file that is gone', async () => {
    expect((await fetch(`${base}/gone.js`)).status).toBe(404);
  });

  it('cuts off a reply whose read fails, and the server keeps answering', async () => {
    const broken = await fetch(`${base}/folder.js`).then(
      (reply) =>
        reply.text().then(
          () => 'complete',
          () => 'cut off',
        ),
      () => 'cut off',
    );
    expect(broken).toBe('cut off');
    expect((await fetch(`${base}/app.js`)).status).toBe(200);
  });
});
