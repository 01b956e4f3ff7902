/**
 * Errors the `gmki` command reports to the user as plain sentences (no stack trace).
 * Anything else that reaches `main` is an internal error (a bug of ours).
 */
import { isRunLifecycleError } from '../services/runs/lifecycle/errors';

/** Exit statuses of `problem-format.md` §3. */
export const EXIT_OK = 0;
export const EXIT_RUN_FAILED = 1;
export const EXIT_INVALID = 2;

export type ExitStatus = typeof EXIT_OK | typeof EXIT_RUN_FAILED | typeof EXIT_INVALID;

/**
 * An error with a message meant for the user. `lines` are printed to stderr as they are, so a
 * problem file with several errors reports all of them, one per line.
 */
export class CliError extends Error {
  readonly exitStatus: ExitStatus;
  readonly lines: readonly string[];

  constructor(exitStatus: ExitStatus, lines: string | readonly string[]) {
    const all = typeof lines === 'string' ? [lines] : lines;
    super(all.join('\n'));
    this.name = 'CliError';
    this.exitStatus = exitStatus;
    this.lines = all;
  }
}

/**
 * The services' refusals that the command reports as they are, exit 2: the run lifecycle's (no
 * such run, wrong status, a stored problem that no longer validates, with every error on a line).
 * @returns null for anything else
 */
export function cliErrorOf(error: unknown): CliError | null {
  if (error instanceof CliError) return error;
  if (isRunLifecycleError(error)) {
    if (error.code !== 'INVALID_STORED_PROBLEM') return new CliError(EXIT_INVALID, `gmki: ${error.message}`);
    const [sentence] = error.message.split(': ', 1);
    return new CliError(EXIT_INVALID, [`gmki: ${sentence}:`, ...error.problems.map((problem) => `  ${problem}`)]);
  }
  return null;
}

/** Wrong command, option or argument: exit 2 with a hint where to find the usage. */
export class UsageError extends CliError {
  constructor(message: string, command?: string) {
    const hint = command ? `Run 'gmki help ${command}' for usage.` : `Run 'gmki --help' for usage.`;
    super(EXIT_INVALID, [`gmki: ${message}`, hint]);
    this.name = 'UsageError';
  }
}
