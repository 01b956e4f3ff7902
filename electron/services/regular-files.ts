/**
 * Reading a file that a request or a problem names, without being stalled by what is not a file
 * (docs/security.md): opening a named pipe blocks until some writer comes — it ties up one of
 * libuv's four file-system threads for good, and four such requests stall every file access of
 * the process —, `/dev/zero` never ends, a folder cannot be read. The path is opened without
 * blocking (O_NONBLOCK: a pipe opens at once), the open handle is checked — so the thing checked
 * is the thing read, whatever happens to the path meanwhile —, and reading stops at a limit.
 */
import { createHash } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

/** Why a path was not read: it is not a regular file (`kind` says what it is), or it is too large. */
export class UnreadableFileError extends Error {
  override readonly name = 'UnreadableFileError';
  constructor(
    readonly path: string,
    readonly refusal: { readonly kind: string } | { readonly size: number; readonly limit: number },
  ) {
    super('kind' in refusal ? `${path} is ${refusal.kind}, not a file.` : `${path} holds ${refusal.size} bytes or more; at most ${refusal.limit} are read.`);
  }
}

// Windows has no O_NONBLOCK (and no FIFOs in the file system).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
const CHUNK_BYTES = 1024 * 1024;

/**
 * The bytes of the regular file at `path`.
 * @throws UnreadableFileError when it is not a regular file or holds more than `maxBytes`
 * @throws the system's error (ENOENT, EACCES …) when it cannot be opened
 */
export async function readRegularFile(path: string, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  await forEachChunk(path, maxBytes, (chunk) => {
    total += chunk.length;
    // The size was checked at open; the file may have grown since.
    if (total > maxBytes) throw new UnreadableFileError(path, { size: total, limit: maxBytes });
    chunks.push(Buffer.from(chunk));
  });
  return Buffer.concat(chunks, total);
}

/** SHA-256 (hex) of the regular file at `path`, of any size, read in chunks. */
export async function hashRegularFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  await forEachChunk(path, Number.POSITIVE_INFINITY, (chunk) => hash.update(chunk));
  return hash.digest('hex');
}

/** What a path is when it is not a regular file, as a noun phrase (`a named pipe (FIFO)`); null for a file. */
export function nonFileKind(info: Stats): string | null {
  if (info.isFile()) return null;
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'something other than a file';
}

/** Opens `path`, checks the handle (a regular file of at most `maxBytes`) and hands each chunk read to `use`. */
async function forEachChunk(path: string, maxBytes: number, use: (chunk: Buffer) => void): Promise<void> {
  const handle: FileHandle = await open(path, OPEN_FLAGS);
  try {
    const info = await handle.stat();
    const kind = nonFileKind(info);
    if (kind) throw new UnreadableFileError(path, { kind });
    if (info.size > maxBytes) throw new UnreadableFileError(path, { size: info.size, limit: maxBytes });
    const buffer = Buffer.alloc(Math.min(CHUNK_BYTES, info.size + 1));
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) return;
      use(buffer.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
}
