/**
 * The `gmki` command (`problem-format.md` §3): dispatches to the commands and turns every error
 * into a message and an exit status. Users see sentences, never our stack traces — unless
 * GMKI_DEBUG=1, for bug reports.
 */
import packageJson from '../../package.json' with { type: 'json' };
import { parseCommandArgs } from './args';
import type { ParsedCommand } from './args';
import { cliErrorOf, EXIT_INVALID, EXIT_OK, EXIT_RUN_FAILED, UsageError } from './errors';
import { processIo } from './io';
import type { CliIo } from './io';
import { COMMAND_USAGE, GENERAL_USAGE, isCommandName } from './usage';
import type { CommandName } from './usage';

export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    const known = cliErrorOf(error);
    if (known) {
      io.stderr(`${known.lines.join('\n')}\n`);
      return known.exitStatus;
    }
    const debug = process.env.GMKI_DEBUG === '1';
    io.stderr(`gmki: internal error: ${firstLine(error)}${debug ? '' : ' (GMKI_DEBUG=1 shows the stack trace)'}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return EXIT_RUN_FAILED;
  }
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(`${GENERAL_USAGE}\n`);
    return EXIT_INVALID;
  }
  if (first === '--help' || first === '-h') return printHelp(undefined, io);
  if (first === '--version') {
    io.stdout(`gmki ${packageJson.version}\n`);
    return EXIT_OK;
  }
  if (first === 'help') return help(rest, io);
  if (first.startsWith('-')) throw new UsageError(`unknown option ${first}`);
  if (!isCommandName(first)) throw new UsageError(`unknown command '${first}'`);
  return execute(parseCommandArgs(first, rest), io);
}

/** Commands are imported when used: the engine and zod take ~0.5 s to load, help should not. */
async function execute(parsed: ParsedCommand, io: CliIo): Promise<number> {
  switch (parsed.command) {
    case 'help':
      return printHelp(parsed.topic, io);
    case 'run':
      return (await import('./commands/run')).runCommand(parsed.options, io);
    case 'validate':
      return (await import('./commands/validate')).validateCommand(parsed.options, io);
    case 'eval':
      return (await import('./commands/eval')).evalCommand(parsed.options, io);
    case 'examples':
      return (await import('./commands/examples')).examplesCommand(parsed.options, io);
    case 'runs':
      return (await import('./runs/command')).runsCommand(parsed.options, io);
    case 'serve':
      return (await import('./commands/serve')).serveCommand(parsed.options, io);
  }
}

function help(args: readonly string[], io: CliIo): number {
  if (args.length > 1) throw new UsageError(`help: expected one command name, got ${args.length}`);
  const topic = args[0];
  if (topic === undefined) return printHelp(undefined, io);
  if (!isCommandName(topic)) throw new UsageError(`help: unknown command '${topic}'`);
  return printHelp(topic, io);
}

function printHelp(topic: CommandName | undefined, io: CliIo): number {
  io.stdout(`${topic ? COMMAND_USAGE[topic] : GENERAL_USAGE}\n`);
  return EXIT_OK;
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  return text.split('\n')[0]!;
}
