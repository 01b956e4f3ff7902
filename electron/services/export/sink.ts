/**
 * Where an export's bytes go while they are produced: a file being staged (`fileSink`) or memory,
 * up to a limit, for a download (`memorySink`). Exports are written piece by piece with a turn of
 * the event loop between pieces (`yieldToEventLoop`), so that a server writing a large one keeps
 * answering other requests (issue 11 item 7).
 */
import type { FileHandle } from 'node:fs/promises';

export interface ByteSink {
  /** Appends `bytes`. */
  write(bytes: Uint8Array): Promise<void>;
  /** Overwrites bytes written before, at `offset` (a ZIP header's CRC, known only after its data). */
  patch(offset: number, bytes: Uint8Array): Promise<void>;
}

/** Lets other work of the process (I/O, timers, other requests) run before the next piece. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A sink into memory; `tooLarge()` is thrown as soon as more than `limit` bytes arrive. */
export function memorySink(limit: number, tooLarge: () => Error): ByteSink & { bytes(): Uint8Array } {
  const chunks: Uint8Array[] = [];
  const patches: { offset: number; bytes: Uint8Array }[] = [];
  let size = 0;
  return {
    async write(bytes) {
      size += bytes.byteLength;
      if (size > limit) throw tooLarge();
      chunks.push(bytes.slice());
    },
    async patch(offset, bytes) {
      if (offset + bytes.byteLength > size) throw new RangeError(`patch at ${offset} is past the ${size} bytes written`);
      patches.push({ offset, bytes: bytes.slice() });
    },
    bytes() {
      const out = new Uint8Array(size);
      let at = 0;
      for (const chunk of chunks) {
        out.set(chunk, at);
        at += chunk.byteLength;
      }
      for (const { offset, bytes } of patches) out.set(bytes, offset);
      return out;
    },
  };
}

/** A sink into an open file, from its start; `size` is what was written. */
export function fileSink(handle: FileHandle): ByteSink & { readonly size: number } {
  let size = 0;
  return {
    get size() {
      return size;
    },
    async write(bytes) {
      let done = 0;
      while (done < bytes.byteLength) {
        const { bytesWritten } = await handle.write(bytes, done, bytes.byteLength - done, size + done);
        done += bytesWritten;
      }
      size += bytes.byteLength;
    },
    async patch(offset, bytes) {
      if (offset + bytes.byteLength > size) throw new RangeError(`patch at ${offset} is past the ${size} bytes written`);
      await handle.write(bytes, 0, bytes.byteLength, offset);
    },
  };
}
