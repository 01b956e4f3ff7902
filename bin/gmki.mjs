#!/usr/bin/env node
// Entry point of the `gmki` command: loads the TypeScript CLI through tsx, so `npx gmki` works
// straight after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/cli/main.ts');
const code = await main(process.argv.slice(2));
process.exitCode = code;
// A user's model may leave a timer or a socket open; it must not keep the finished command
// alive. The timer is unref'd, so it only fires when something else still holds the process,
// and the delay lets stdout drain where pipes are asynchronous (macOS).
setTimeout(() => process.exit(code), 1000).unref();
