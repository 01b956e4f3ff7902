/**
 * `command` models (`problem-format.md` §2.2): `concurrency` persistent processes, one per slot,
 * started when the host is created. A process that failed an evaluation (crash, timeout,
 * garbage) is replaced by a fresh one when its slot is next used; a crash is retried.
 */
import { stat } from 'node:fs/promises';
import { delimiter, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModelSpec } from '../../../core/problem/types';
import { ModelProcess } from './command-process';
import type { ModelProcessOptions } from './command-process';
import type { ModelHost, ModelHostContext } from './host';
import { runOnSlots } from './schedule';
import type { SlotResult } from './schedule';
import { ModelSetupError } from './setup-error';
import { timeoutSecondsOf } from './timeout';
import { thrownMessage } from './types';

type CommandSpec = Extract<ModelSpec, { type: 'command' }>;

const DEFAULT_CLOSE_GRACE_MS = 2000;
const DEFAULT_PYTHON_HELPER_DIR = fileURLToPath(new URL('../../../resources/python', import.meta.url));

/**
 * Starts the command once per slot.
 * @throws ModelSetupError when the folder does not exist or the program cannot be started
 */
export async function createCommandHost(spec: CommandSpec, context: ModelHostContext): Promise<ModelHost> {
  const cwd = resolve(context.problemDir, spec.cwd ?? '.');
  const info = await stat(cwd).catch(() => null);
  if (!info?.isDirectory()) {
    throw new ModelSetupError('model.cwd', `the model's working folder ${cwd} does not exist`);
  }
  const label = describeCommand(spec.command);
  const options: ModelProcessOptions = {
    argv: spec.command,
    cwd,
    env: modelEnvironment(spec.env ?? {}, context.pythonHelperDir ?? DEFAULT_PYTHON_HELPER_DIR),
    timeoutSeconds: timeoutSecondsOf(spec),
    log: context.log,
    onProcessGroup: context.onProcessGroup,
  };
  const slots = Math.max(1, Math.floor(context.concurrency));
  const processes: (ModelProcess | null)[] = new Array<ModelProcess | null>(slots).fill(null);
  let closed = false;
  let closing: Promise<void> | null = null;

  const started = await Promise.allSettled(processes.map(() => ModelProcess.start(options)));
  started.forEach((result, slot) => (processes[slot] = result.status === 'fulfilled' ? result.value : null));
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    await Promise.all(processes.map((proc) => proc?.close(0)));
    throw new ModelSetupError('model.command', startFailure(label, cwd, (failed as PromiseRejectedResult).reason));
  }

  const evaluator = {
    isClosed: () => closed,
    async evaluate(slot: number, theta: number[]): Promise<SlotResult> {
      let proc = processes[slot];
      if (!proc?.usable) {
        context.log('warning', `starting a new process for slot ${slot + 1} of the model ${label}`);
        try {
          proc = processes[slot] = await ModelProcess.start(options);
        } catch (error) {
          return { failure: 'crashed', error: `its process could not be restarted: ${startFailure(label, cwd, error)}` };
        }
        if (closed) {
          await proc.close(0); // the host was closed while this one started
          return { failure: 'cancelled', error: 'the model host was closed' };
        }
      }
      return proc.evaluate(theta);
    },
  };

  return {
    slots,
    evaluateBatch: (requests, batchOptions = {}) =>
      runOnSlots(evaluator, requests, batchOptions, { slots, nOutputs: context.nOutputs, outputKind: context.outputKind, retries: context.retries ?? 1 }),
    close() {
      closed = true;
      const grace = context.closeGraceMs ?? DEFAULT_CLOSE_GRACE_MS;
      closing ??= Promise.all(processes.map((proc) => proc?.close(grace))).then(() => undefined);
      return closing;
    },
  };
}

/**
 * The process environment plus the spec's `env`, with the Python helper findable
 * (`import gmki_model`) and Python's stdout unbuffered, so that a hand-written model which
 * forgets to flush still answers.
 */
function modelEnvironment(extra: Readonly<Record<string, string>>, helperDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  env.PYTHONPATH = env.PYTHONPATH ? `${env.PYTHONPATH}${delimiter}${helperDir}` : helperDir;
  env.PYTHONUNBUFFERED ??= '1';
  return env;
}

function startFailure(label: string, cwd: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const hint =
    code === 'ENOENT'
      ? ' (is the program installed and on the PATH, or is its path right relative to the working folder?)'
      : code === 'EACCES'
        ? ' (is the file executable?)'
        : '';
  return `could not start the model command ${label} in ${cwd}: ${thrownMessage(error)}${hint}`;
}

/** The argv as a user would type it, for messages. */
function describeCommand(argv: readonly string[]): string {
  return argv.map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : JSON.stringify(arg))).join(' ');
}
