/**
 * Command-line parsing with node:util's parseArgs, turned into typed options per command.
 * Every mistake becomes a one-line `UsageError` (exit 2) instead of parseArgs' own wording.
 */
import { parseArgs } from 'node:util';
import { UsageError } from './errors';
import { parseRunsArgs, type RunsOptions } from './runs/args';
import type { CommandName } from './usage';

/** `settings` fields that `gmki run` can override, keyed by their flag. */
export const SETTING_FLAGS = {
  components: 'components',
  dt: 'dt',
  iterations: 'iterations',
  seed: 'seed',
  'posterior-samples': 'posteriorSamples',
  concurrency: 'concurrency',
} as const;

export type SettingFlag = keyof typeof SETTING_FLAGS;
export type SettingOverrides = Partial<Record<(typeof SETTING_FLAGS)[SettingFlag], number>>;

export interface RunOptions {
  readonly problemFile: string;
  readonly out: string | undefined;
  /** The run database (default: the app's). */
  readonly db: string | undefined;
  readonly overrides: SettingOverrides;
  readonly json: boolean;
  readonly force: boolean;
}

export interface ValidateOptions {
  readonly problemFile: string;
}

export interface EvalOptions {
  readonly problemFile: string;
  /** `--theta` as typed (JSON); checked against the problem by the command. */
  readonly theta: string | undefined;
}

export interface ServeOptions {
  /** 0 picks a free port. */
  readonly port: number;
  readonly db: string | undefined;
  /** Build the app's pages when they are missing or stale (`--no-build` turns it off). */
  readonly build: boolean;
}

/** `gmki serve`'s port when none is given (the one the end-to-end tests use too). */
export const DEFAULT_SERVE_PORT = 5391;

export interface ExamplesOptions {
  readonly out: string;
  readonly force: boolean;
}

export type ParsedCommand =
  | { readonly command: 'help'; readonly topic: CommandName | undefined }
  | { readonly command: 'run'; readonly options: RunOptions }
  | { readonly command: 'validate'; readonly options: ValidateOptions }
  | { readonly command: 'eval'; readonly options: EvalOptions }
  | { readonly command: 'examples'; readonly options: ExamplesOptions }
  | { readonly command: 'runs'; readonly options: RunsOptions }
  | { readonly command: 'serve'; readonly options: ServeOptions };

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

const HELP_OPTION: OptionSpec = { help: { type: 'boolean', short: 'h' } };

const RUN_OPTIONS: OptionSpec = {
  ...HELP_OPTION,
  out: { type: 'string' },
  db: { type: 'string' },
  json: { type: 'boolean' },
  force: { type: 'boolean' },
  ...Object.fromEntries(Object.keys(SETTING_FLAGS).map((flag) => [flag, { type: 'string' as const }])),
};

const VALIDATE_OPTIONS: OptionSpec = { ...HELP_OPTION };

const EVAL_OPTIONS: OptionSpec = { ...HELP_OPTION, theta: { type: 'string' } };

const EXAMPLES_OPTIONS: OptionSpec = {
  ...HELP_OPTION,
  out: { type: 'string' },
  force: { type: 'boolean' },
};

const SERVE_OPTIONS: OptionSpec = {
  ...HELP_OPTION,
  port: { type: 'string' },
  db: { type: 'string' },
  'no-build': { type: 'boolean' },
};

export const DEFAULT_EXAMPLES_DIR = 'gmki-examples';

/** Parses the arguments after the command name; `--help` anywhere asks for the command's help. */
export function parseCommandArgs(command: CommandName, args: readonly string[]): ParsedCommand {
  switch (command) {
    case 'runs': {
      const options = parseRunsArgs(args);
      return options === 'help' ? { command: 'help', topic: command } : { command, options };
    }
    case 'run': {
      const { values, positionals } = parseStrict(command, args, RUN_OPTIONS);
      if (values.help) return { command: 'help', topic: command };
      const overrides: SettingOverrides = {};
      for (const [flag, field] of Object.entries(SETTING_FLAGS)) {
        const text = values[flag];
        if (typeof text === 'string') overrides[field] = parseNumberFlag(command, flag, text);
      }
      return {
        command,
        options: {
          problemFile: singleProblemFile(command, positionals),
          out: stringValue(values.out),
          db: stringValue(values.db),
          overrides,
          json: values.json === true,
          force: values.force === true,
        },
      };
    }
    case 'validate': {
      const { values, positionals } = parseStrict(command, args, VALIDATE_OPTIONS);
      if (values.help) return { command: 'help', topic: command };
      return { command, options: { problemFile: singleProblemFile(command, positionals) } };
    }
    case 'eval': {
      const { values, positionals } = parseStrict(command, args, EVAL_OPTIONS);
      if (values.help) return { command: 'help', topic: command };
      return { command, options: { problemFile: singleProblemFile(command, positionals), theta: stringValue(values.theta) } };
    }
    case 'serve': {
      const { values, positionals } = parseStrict(command, args, SERVE_OPTIONS);
      if (values.help) return { command: 'help', topic: command };
      if (positionals.length > 0) throw new UsageError(`serve: unexpected argument '${positionals[0]}'`, command);
      const port = typeof values.port === 'string' ? parseNumberFlag(command, 'port', values.port) : DEFAULT_SERVE_PORT;
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new UsageError(`serve: --port: expected an integer from 0 to 65535, got '${String(values.port)}'`, command);
      }
      return { command, options: { port, db: stringValue(values.db), build: values['no-build'] !== true } };
    }
    case 'examples': {
      const { values, positionals } = parseStrict(command, args, EXAMPLES_OPTIONS);
      if (values.help) return { command: 'help', topic: command };
      if (positionals.length > 0) {
        throw new UsageError(`examples: unexpected argument '${positionals[0]}' (use --out DIR)`, command);
      }
      return {
        command,
        options: { out: stringValue(values.out) ?? DEFAULT_EXAMPLES_DIR, force: values.force === true },
      };
    }
  }
}

function parseStrict(
  command: CommandName,
  args: readonly string[],
  options: OptionSpec,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    return { values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals };
  } catch (error) {
    throw new UsageError(`${command}: ${describeParseError(error)}`, command);
  }
}

/** parseArgs' messages run long and suggest `--`; keep only the fact, naming the option. */
function describeParseError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-[^' ]*)/.exec(message)?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return message.includes('does not take an argument') ? `option ${option} does not take a value` : `option ${option} needs a value`;
    default:
      return message;
  }
}

function singleProblemFile(command: CommandName, positionals: readonly string[]): string {
  if (positionals.length === 0) throw new UsageError(`${command}: missing the problem file`, command);
  if (positionals.length > 1) {
    throw new UsageError(`${command}: expected one problem file, got ${positionals.length}: ${positionals.join(' ')}`, command);
  }
  return positionals[0]!;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Flags carry plain decimal numbers; ranges and integrality are checked with the problem. */
function parseNumberFlag(command: CommandName, flag: string, text: string): number {
  const value = Number(text);
  if (!DECIMAL.test(text.trim()) || !Number.isFinite(value)) {
    throw new UsageError(`${command}: --${flag}: expected a number, got '${text}'`, command);
  }
  return value;
}

function stringValue(value: string | boolean | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
