#!/usr/bin/env node
// Entry point of the `gmki` command: loads the TypeScript CLI through tsx, so `npx gmki` works
// straight after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
