/**
 * Writes an export without ever replacing a file nobody asked to replace (architecture.md §5:
 * "exports never overwrite without being asked"), atomically either way: a reader sees no file or
 * the complete one, never a part.
 */
import { randomBytes } from 'node:crypto';
import { link, lstat, mkdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { nonFileKind } from '../regular-files';
import { writeFileAtomic } from '../results/index';
import { ExportError } from './errors';

/** File systems without hard links answer `link` with one of these; rename is the fallback there. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/**
 * Writes `data` to `file` (absolute), creating its folder. Without `force`, an existing file is
 * refused — checked before writing, and again atomically at the end: the complete content is
 * staged under a hidden name and hard-linked into place, which fails if `file` appeared meanwhile
 * (a rename would silently replace it). With `force`, the staged file is renamed over the old one.
 * Only a file (or a symbolic link) is ever replaced, never a folder, a device or a named pipe.
 * @throws ExportError FILE_EXISTS naming the file, or WRITE_FAILED with the system's reason
 */
export async function writeExportFile(file: string, data: Uint8Array, force: boolean): Promise<void> {
  const dir = dirname(file);
  try {
    await mkdir(dir, { recursive: true });
    const kind = await unreplaceableKind(file);
    if (kind) throw new ExportError('WRITE_FAILED', `Cannot write ${file}: it is ${kind}, and only a file is ever replaced.`);
    if (force) {
      await writeFileAtomic(file, data);
      return;
    }
    if (await exists(file)) throw fileExists(file);
    const staged = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.staged`);
    await writeFileAtomic(staged, data);
    try {
      await link(staged, file);
    } catch (error) {
      if (errorCode(error) === 'EEXIST') throw fileExists(file);
      if (!NO_HARD_LINKS.has(errorCode(error) ?? '')) throw error;
      if (await exists(file)) throw fileExists(file);
      await rename(staged, file);
    } finally {
      await unlink(staged).catch(() => undefined);
    }
  } catch (error) {
    if (error instanceof ExportError) throw error;
    throw new ExportError('WRITE_FAILED', `Could not write ${file}: ${describeFsError(error)}.`, { cause: error });
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
