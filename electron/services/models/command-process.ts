/**
 * One running `command` model (`problem-format.md` §2.2): a process that reads JSON Lines
 * requests on stdin and answers on stdout. It is the leader of its own process group, so that
 * killing it also kills whatever it started. Any misbehaviour — exiting, hanging past the
 * timeout, writing garbage — fails the evaluation waiting on it and ends the process; the
 * command host then starts a fresh one for the next request. It is started by launch.ts, which
 * also makes its group die with this process.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import type { LogStream } from '../store/types';
import type { EvaluationFailureKind } from './host';
import { encodeRequest, parseAnswer, splitLines } from './jsonl';
import { launchModel } from './launch';
import { signalProcessGroup } from './process-tree';
import type { SlotResult } from './schedule';
import { LineTail, quoteStderrTail } from './text';
import { describeLimit, timerDelayMs } from './timeout';

export interface ModelProcessOptions {
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly timeoutSeconds: number;
  readonly log: (stream: LogStream, text: string) => void;
  /** Told when the model's process group starts and ends (see ModelHostContext). */
  readonly onProcessGroup?: (pid: number, event: 'started' | 'ended') => void;
}

interface Pending {
  readonly resolve: (result: SlotResult) => void;
  readonly timer: NodeJS.Timeout;
}

const MAX_ANSWER_LENGTH = 64 * 1024 * 1024;
const MAX_STDERR_LINE = 8192;
/** How long to wait for the last stderr lines after an exit before reporting it. */
const STDIO_DRAIN_MS = 300;
/** Request ids are unique within this process (Node's), across every model process. */
let nextRequestId = 1;

export class ModelProcess {
  readonly pid: number;
  private readonly pending = new Map<number, Pending>();
  private readonly stderrTail = new LineTail();
  private state: 'running' | 'killed' | 'closing' | 'exited' = 'running';
  /** Set once we kill or close it: anything it still writes to stdout is late and ignored. */
  private ignoreAnswers = false;
  /** A failure found while no request was waiting, reported to the next request. */
  private fault: SlotResult | null = null;
  private readonly exited: Promise<void>;
  private readonly drained: Promise<void>;

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly options: ModelProcessOptions,
  ) {
    this.pid = child.pid!;
    options.onProcessGroup?.(this.pid, 'started');
    child.stdin.on('error', () => {}); // EPIPE after an exit: the 'exit' handler reports it
    child.on('error', (error) => options.log('warning', `model process ${this.pid}: ${error.message}`));
    splitLines(child.stdout, (line, overlong) => this.onAnswerLine(line, overlong), MAX_ANSWER_LENGTH);
    splitLines(
      child.stderr,
      (line) => {
        this.stderrTail.push(line);
        options.log('stderr', line);
      },
      MAX_STDERR_LINE,
    );
    this.drained = new Promise((resolve) => child.once('close', () => resolve()));
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        const wasRunning = this.state === 'running';
        this.state = 'exited';
        signalProcessGroup(this.pid, 'SIGKILL'); // whatever the model started dies with it
        options.onProcessGroup?.(this.pid, 'ended');
        resolve();
        void this.reportExit(code, signal, wasRunning);
      });
    });
  }

  /** Starts the command; rejects with the spawn error (no such program, no permission). */
  static async start(options: ModelProcessOptions): Promise<ModelProcess> {
    const child = await launchModel(options.argv, { cwd: options.cwd, env: options.env });
    return new ModelProcess(child, options);
  }

  /** False once the process has ended and has nothing left to report: the slot needs a new one. */
  get usable(): boolean {
    return this.state === 'running' || this.fault !== null;
  }

  /** Sends θ and waits for the answer, the timeout, an exit or garbage; never rejects. */
  evaluate(theta: readonly number[]): Promise<SlotResult> {
    if (this.fault) {
      const fault = this.fault;
      this.fault = null;
      return Promise.resolve(fault);
    }
    if (this.state !== 'running') return Promise.resolve(this.failure('crashed', 'its process is not running'));
    const id = nextRequestId++;
    return new Promise((resolve) => {
      const seconds = this.options.timeoutSeconds;
      const timer = setTimeout(() => {
        this.settle(id, this.failure('timeout', `no answer within ${describeLimit(seconds)} (timeoutSeconds); its process was stopped`));
        this.kill();
      }, timerDelayMs(seconds));
      this.pending.set(id, { resolve, timer });
      this.child.stdin.write(encodeRequest(id, theta));
    });
  }

  /** Kills the process group at once (after a timeout or garbage). */
  kill(): void {
    this.ignoreAnswers = true;
    if (this.state === 'exited') return;
    this.state = 'killed';
    signalProcessGroup(this.pid, 'SIGKILL');
  }

  /**
   * Asks the process to exit by closing its stdin, then SIGTERM, then SIGKILL, each after
   * `graceMs`; evaluations still waiting are cancelled. Resolves when the group is gone.
   */
  async close(graceMs: number): Promise<void> {
    this.ignoreAnswers = true;
    this.failAll('cancelled', 'the model host was closed');
    if (this.state !== 'exited') {
      this.state = 'closing';
      this.child.stdin.end();
      if (!(await this.exitsWithin(graceMs))) {
        signalProcessGroup(this.pid, 'SIGTERM');
        if (!(await this.exitsWithin(graceMs))) signalProcessGroup(this.pid, 'SIGKILL');
      }
      await this.exited;
    }
    signalProcessGroup(this.pid, 'SIGKILL'); // children that outlived the model itself
    await Promise.race([this.drained, delay(STDIO_DRAIN_MS)]);
  }

  private onAnswerLine(line: string, overlong: boolean): void {
    if (this.ignoreAnswers) return;
    if (overlong) {
      this.protocolFailure(`it wrote a line of more than ${MAX_ANSWER_LENGTH} characters to stdout`);
      return;
    }
    const answer = parseAnswer(line);
    if (answer.kind === 'garbage') {
      this.protocolFailure(`${answer.problem}. stdout is reserved for answers; write anything else to stderr`);
      return;
    }
    if (!this.pending.has(answer.id)) {
      const waiting = [...this.pending.keys()];
      const expected = waiting.length > 0 ? `the request it was sent has id ${waiting.join(', ')}` : 'no request was waiting';
      this.protocolFailure(`it answered with id ${answer.id}, but ${expected}`);
      return;
    }
    if (answer.kind === 'error') {
      this.settle(answer.id, { failure: 'threw', error: answer.error });
    } else this.settle(answer.id, { output: answer.output });
  }

  private protocolFailure(problem: string): void {
    const failure = this.failure('protocol', problem);
    if (this.pending.size === 0) this.fault = failure;
    else for (const id of [...this.pending.keys()]) this.settle(id, failure);
    this.kill();
  }

  /**
   * After an exit: answers already written are read first (stdout drains), then whatever still
   * waits has crashed. An exit we caused (timeout, garbage) has already been reported.
   */
  private async reportExit(code: number | null, signal: NodeJS.Signals | null, unexpected: boolean): Promise<void> {
    const how = code !== null ? `exited with code ${code}` : `was killed by signal ${signal}`;
    await Promise.race([this.drained, delay(STDIO_DRAIN_MS)]); // also lets the stderr tail hold its last words
    if (this.pending.size > 0) this.failAll('crashed', `its process ${how} before answering`);
    else if (unexpected) {
      this.options.log('warning', `the model's process ${this.pid} ${how} between evaluations; a new one starts for the next`);
    }
  }

  private failAll(kind: EvaluationFailureKind, sentence: string): void {
    for (const id of [...this.pending.keys()]) this.settle(id, kind === 'cancelled' ? { failure: kind, error: sentence } : this.failure(kind, sentence));
  }

  private failure(kind: EvaluationFailureKind, sentence: string): SlotResult {
    return { failure: kind, error: `${sentence}${quoteStderrTail(this.stderrTail.snapshot())}` };
  }

  private settle(id: number, result: SlotResult): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    clearTimeout(pending.timer);
    pending.resolve(result);
  }

  private exitsWithin(ms: number): Promise<boolean> {
    return Promise.race([this.exited.then(() => true), delay(ms).then(() => false)]);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
