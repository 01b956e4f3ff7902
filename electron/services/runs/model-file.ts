/**
 * What can be known about a model before a run starts, without running any of the user's code:
 * that its file exists, and the file's SHA-256 for the run's reproducibility record.
 */
import { stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import type { ModelSpec } from '../../../core/problem/types';
import { resolveJavascriptModel } from '../models/javascript';
import { ModelLoadError } from '../models/types';
import { hashRegularFile, UnreadableFileError } from '../regular-files';

/**
 * The file a model is defined by: the module of a javascript model, the script a command runs.
 * @throws ModelLoadError (path `model.path`) when a javascript model's file is missing
 */
export async function modelFile(spec: ModelSpec, problemDir: string): Promise<string | null> {
  switch (spec.type) {
    case 'javascript':
      return resolveJavascriptModel(spec.path, problemDir);
    case 'command': {
      // The first argument that names an existing file (e.g. model.py in ["python3", "model.py"]).
      const cwd = resolve(problemDir, spec.cwd ?? '.');
      for (const arg of spec.command.slice(1)) {
        const path = isAbsolute(arg) ? arg : resolve(cwd, arg);
        if (await isFile(path)) return path;
      }
      return null;
    }
    default:
      return null;
  }
}

/**
 * SHA-256 (hex) of the model's file, null when the model has none. Read in chunks from the open
 * file, which must still be a regular file (a named pipe put there meanwhile would block the read).
 * @throws ModelLoadError when the file is missing or not a regular file
 */
export async function modelFileHash(spec: ModelSpec, problemDir: string): Promise<string | null> {
  const path = await modelFile(spec, problemDir);
  if (!path) return null;
  return hashRegularFile(path).catch((error: unknown) => {
    if (error instanceof UnreadableFileError) throw new ModelLoadError(spec.type === 'javascript' ? 'model.path' : 'model.command', error.message);
    throw error;
  });
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}
