// Reading files that requests and problems name: only regular files, up to a limit, and never
// stalled by a named pipe or a device (electron/services/regular-files.ts).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashRegularFile, readRegularFile, UnreadableFileError } from '../../../electron/services/regular-files';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gmki-regular-files-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function refusalOf(promise: Promise<unknown>): Promise<UnreadableFileError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UnreadableFileError);
  return error as UnreadableFileError;
}

describe('readRegularFile and hashRegularFile', () => {
  it('read a file whole, also one larger than a read chunk, and hash it as SHA-256 does', async () => {
    const file = join(dir, 'data.bin');
    const content = Buffer.alloc(3 * 1024 * 1024 + 17, 7);
    content.write('start', 0);
    writeFileSync(file, content);
    expect((await readRegularFile(file, 4 * 1024 * 1024)).equals(content)).toBe(true);
    expect(await hashRegularFile(file)).toBe(createHash('sha256').update(content).digest('hex'));
    writeFileSync(join(dir, 'empty'), '');
    expect((await readRegularFile(join(dir, 'empty'), 10)).length).toBe(0);
  });

  it('refuse a file over the limit without reading it', async () => {
    const file = join(dir, 'sparse.bin');
    writeFileSync(file, '');
    truncateSync(file, 64 * 1024 * 1024 * 1024); // 64 GiB of nothing: reading it would take long
    const error = await refusalOf(readRegularFile(file, 1024));
    expect(error.refusal).toEqual({ size: 64 * 1024 * 1024 * 1024, limit: 1024 });
    expect(error.message).toBe(`${file} holds ${64 * 1024 * 1024 * 1024} bytes or more; at most 1024 are read.`);
  });

  it('refuse a folder', async () => {
    expect((await refusalOf(readRegularFile(dir, 1024))).message).toBe(`${dir} is a folder, not a file.`);
    expect((await refusalOf(hashRegularFile(dir))).refusal).toEqual({ kind: 'a folder' });
  });

  it.skipIf(process.platform === 'win32')('refuse a named pipe at once, also behind a symbolic link, and a device', async () => {
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    symlinkSync(fifo, join(dir, 'pipe-link'));
    expect((await refusalOf(readRegularFile(fifo, 1024))).refusal).toEqual({ kind: 'a named pipe (FIFO)' });
    expect((await refusalOf(hashRegularFile(join(dir, 'pipe-link')))).refusal).toEqual({ kind: 'a named pipe (FIFO)' });
    expect((await refusalOf(readRegularFile('/dev/zero', 1024))).message).toBe('/dev/zero is a device, not a file.');
    expect((await refusalOf(hashRegularFile('/dev/urandom'))).refusal).toEqual({ kind: 'a device' });
  });

  it('let the system say when there is no such file', async () => {
    await expect(readRegularFile(join(dir, 'missing'), 10)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
