/**
 * Writes an export without ever replacing a file nobody asked to replace (architecture.md §5:
 * "exports never overwrite without being asked"), atomically either way: a reader sees no file or
 * the complete one, never a part. Large exports are written in pieces as they are produced, so
 * that neither memory nor the event loop holds the whole file (issue 11 item 7).
 */
import { randomBytes } from 'node:crypto';
import { link, lstat, mkdir, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { nonFileKind } from '../regular-files';
import { ExportError } from './errors';
import { fileSink, type ByteSink } from './sink';

/** File systems without hard links answer `link` with one of these; rename is the fallback there. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/** An export's bytes, or a function that writes them to a sink in pieces (`PreparedExport.write`). */
export type ExportBytes = Uint8Array | ((sink: ByteSink) => Promise<void>);

/**
 * Writes `content` to `file` (absolute), creating its folder; answers the number of bytes. The
 * content is staged under a hidden name in the same folder and flushed to disk, then put in place.
 * Without `force`, an existing file is refused — checked before writing, and again atomically at
 * the end: the staged file is hard-linked into place, which fails if `file` appeared meanwhile (a
 * rename would silently replace it). With `force`, the staged file is renamed over the old one.
 * Only a file (or a symbolic link) is ever replaced, never a folder, a device or a named pipe.
 * @throws ExportError FILE_EXISTS naming the file, WRITE_FAILED with the system's reason, or what
 *   `content` throws (an ExportError of the export itself)
 */
export async function writeExportFile(file: string, content: ExportBytes, force: boolean): Promise<number> {
  const dir = dirname(file);
  let staged: string | null = null;
  try {
    await mkdir(dir, { recursive: true });
    const kind = await unreplaceableKind(file);
    if (kind) throw new ExportError('WRITE_FAILED', `Cannot write ${file}: it is ${kind}, and only a file is ever replaced.`);
    if (!force && (await exists(file))) throw fileExists(file);
    staged = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.staged`);
    const bytes = await stage(staged, content);
    if (force) await rename(staged, file);
    else await linkIntoPlace(staged, file);
    return bytes;
  } catch (error) {
    if (error instanceof ExportError) throw error;
    throw new ExportError('WRITE_FAILED', `Could not write ${file}: ${describeFsError(error)}.`, { cause: error });
  } finally {
    // After a rename there is nothing left to remove; after a link or a failure, the staged name.
    if (staged) await unlink(staged).catch(() => undefined);
  }
}

/** Writes `content` to a new file at `path`, flushed to disk; answers its size. */
async function stage(path: string, content: ExportBytes): Promise<number> {
  const handle = await open(path, 'wx');
  try {
    const sink = fileSink(handle);
    if (typeof content === 'function') await content(sink);
    else await sink.write(content);
    await handle.sync();
    return sink.size;
  } finally {
    await handle.close();
  }
}

/** Hard-links `staged` to `file`, which must not exist; renames where hard links do not exist. */
async function linkIntoPlace(staged: string, file: string): Promise<void> {
  try {
    await link(staged, file);
  } catch (error) {
    if (errorCode(error) === 'EEXIST') throw fileExists(file);
    if (!NO_HARD_LINKS.has(errorCode(error) ?? '')) throw error;
    if (await exists(file)) throw fileExists(file);
    await rename(staged, file);
  }
}

function fileExists(file: string): ExportError {
  return new ExportError('FILE_EXISTS', `${file} already exists; export with force (--force) to overwrite it.`);
}

/** What stands at `path` when it is something an export must not replace (a folder, a device …), else null. */
async function unreplaceableKind(path: string): Promise<string | null> {
  const info = await lstat(path).catch((error: unknown) => {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  });
  // A symbolic link is replaced itself (rename), never what it points to.
  return info && !info.isSymbolicLink() ? nonFileKind(info) : null;
}

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    (error: unknown) => {
      if (errorCode(error) === 'ENOENT') return false;
      throw error;
    },
  );
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The system's reason in words, without Node's "ENOENT: …, open '/tmp/.x.tmp'" noise. */
function describeFsError(error: unknown): string {
  switch (errorCode(error)) {
    case 'ENOENT':
      return 'its folder does not exist';
    case 'ENOTDIR':
      return 'part of its path is a file, not a folder';
    case 'EEXIST':
      return 'part of its path is a file, not a folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EROFS':
      return 'the file system is read-only';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
