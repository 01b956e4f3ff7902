/** `gmki examples [--out DIR]`: the built-in example problems as problem files. */
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXAMPLE_PROBLEMS } from '../../../core/problem/examples';
import { stringifyJson, writeFileAtomic } from '../../services/results/index';
import type { ExamplesOptions } from '../args';
import { EXIT_OK } from '../errors';
import type { CliIo } from '../io';
import { prepareOutputFiles } from '../output-files';

export async function examplesCommand(options: ExamplesOptions, io: CliIo): Promise<number> {
  // All existence checks happen before the first write: either every file is written or none.
  const paths = await prepareOutputFiles(
    options.out,
    EXAMPLE_PROBLEMS.map((example) => example.fileName),
    options.force,
  );
  for (const [i, example] of EXAMPLE_PROBLEMS.entries()) {
    await writeFileAtomic(paths[i]!, stringifyJson(example.problem));
    io.stdout(`wrote ${paths[i]}  (${example.title})\n`);
  }
  io.stdout(`Run one with: ${invokedAs()} run ${paths[0]} --out result\n`);
  return EXIT_OK;
}

/**
 * How the user calls this command here: `npx gmki` inside a clone (npx finds the clone's own
 * bin), `gmki` anywhere else — an installed or linked command (`npm install -g`), where `npx gmki`
 * would look for a package named gmki in the registry instead.
 */
function invokedAs(): string {
  const packageRoot = fileURLToPath(new URL('../../../', import.meta.url));
  const inClone = !/[\\/]node_modules[\\/]/.test(packageRoot) && `${process.cwd()}${sep}`.startsWith(packageRoot);
  return inClone ? 'npx gmki' : 'gmki';
}
