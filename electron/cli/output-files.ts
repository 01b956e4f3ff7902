/**
 * Where commands write files: create the folder, and refuse to overwrite anything without
 * --force before any work is done (a long run must not end in "file exists").
 */
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CliError, EXIT_INVALID } from './errors';

/**
 * Creates `dir` (and its parents) and returns the paths of `names` inside it.
 * @throws CliError (exit 2) naming the first file that exists, unless `force`
 */
export async function prepareOutputFiles(dir: string, names: readonly string[], force: boolean): Promise<string[]> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    const reason = (error as { code?: string }).code === 'EEXIST' ? 'a file of that name exists' : (error as Error).message;
    throw new CliError(EXIT_INVALID, `gmki: cannot create the folder ${dir}: ${reason}`);
  }
  const paths = names.map((name) => join(dir, name));
  if (!force) {
    for (const path of paths) {
      if (await stat(path).catch(() => null)) {
        throw new CliError(EXIT_INVALID, `gmki: ${path} exists; use --force to overwrite it`);
      }
    }
  }
  return paths;
}
