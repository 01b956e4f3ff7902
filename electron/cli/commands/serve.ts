/**
 * `gmki serve [--port N] [--db FILE] [--no-build]` (problem-format.md §3): the app in a browser. Builds the
 * app's pages first when they are missing or older than their sources (renderer-build.ts), prints
 * the URL with its token and serves until SIGINT or SIGTERM; then runs of this process are
 * cancelled (resumable), the server and the database are closed, and the command exits 0.
 */
import { resolve } from 'node:path';
import { serveApp } from '../../server/app';
import { DEFAULT_RENDERER_DIR } from '../../server/server';
import type { ServeOptions } from '../args';
import { CliError, EXIT_INVALID, EXIT_OK } from '../errors';
import type { CliIo } from '../io';
import { buildRenderer, rendererBuildNeed } from '../renderer-build';
import { openCliStore } from '../store-access';

export async function serveCommand(options: ServeOptions, io: CliIo): Promise<number> {
  const root = resolve(DEFAULT_RENDERER_DIR, '..', '..');
  const need = options.build ? rendererBuildNeed(root) : null;
  if (need) await buildRenderer(root, need, io);
  const store = openCliStore(options.db, 'write', io);
  try {
    const instance = await serveApp({ store, port: options.port }).catch((error: unknown) => {
      const code = (error as { code?: unknown }).code;
      if (code === 'EADDRINUSE') {
        throw new CliError(EXIT_INVALID, `gmki: port ${options.port} is in use; choose another with --port N (0 picks a free one)`);
      }
      if (code === 'EACCES') throw new CliError(EXIT_INVALID, `gmki: not allowed to listen on port ${options.port}; choose one above 1023`);
      throw error;
    });
    // Listening before the URL is out: whoever reads it may stop the server at once.
    const stopped = new Promise<NodeJS.Signals>((resolve) => {
      const stop = (received: NodeJS.Signals): void => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve(received);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    io.stdout(`GMKI Studio: ${instance.server.url}\n`);
    io.stdout(`Run database: ${store.path}\n`);
    io.stdout('Open the URL in a browser on this machine; Ctrl-C stops the server.\n');
    const signal = await stopped;
    io.stderr(`gmki serve: ${signal}: cancelling running runs (resume them later) and stopping…\n`);
    await instance.close();
    return EXIT_OK;
  } finally {
    store.close();
  }
}
