import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parseProblem } from '../../../../core/problem/parse';
import { createModelHost } from '../../../../electron/services/models/host-factory';
import type { ModelHost, ModelHostContext } from '../../../../electron/services/models/host';
import { ModelSetupError } from '../../../../electron/services/models/setup-error';
import { jitterSource, pidsInLog, problemFolder, requests, results, survivors, testContext, waitFor } from './host-support';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface CommandOptions {
  readonly timeoutSeconds?: number;
  readonly command?: string[];
}

/** A host running `python3 model.py` in a folder holding `files`. */
async function pythonHost(files: Record<string, string>, overrides: Partial<ModelHostContext> = {}, options: CommandOptions = {}) {
  const folder = await problemFolder(files);
  cleanups.push(folder.remove);
  const context = testContext(folder.dir, overrides);
  const spec = { type: 'command' as const, command: options.command ?? ['python3', 'model.py'], timeoutSeconds: options.timeoutSeconds };
  const host: ModelHost = await createModelHost(spec, context);
  cleanups.push(() => host.close());
  return { host, context, dir: folder.dir };
}

/** A model file served by gmki_model, with `body` as forward's body (θ is `theta`). */
function helperModel(body: string): string {
  const indented = body
    .trim()
    .split('\n')
    .map((line) => `    ${line.trim() === '' ? '' : line.replace(/^ {6}/, '')}`)
    .join('\n');
  return String.raw`import math, os, subprocess, sys, time
from gmki_model import serve

def forward(theta):
${indented}

serve(forward)
`;
}

describe('command model host', () => {
  it('places outputs by index and gives the same results with 1 and 3 processes when durations vary', async () => {
    const model = helperModel(String.raw`
      time.sleep(${jitterSource('python', 0.02)})
      return [theta[0] * theta[1] + math.sin(theta[0])]`);
    const batch = requests(24, (i) => (i % 5) - 2);
    const one = await pythonHost({ 'model.py': model }, { concurrency: 1 });
    const three = await pythonHost({ 'model.py': model }, { concurrency: 3 });
    const [serial, parallel] = await Promise.all([one.host.evaluateBatch(batch), three.host.evaluateBatch(batch)]);

    expect(results(parallel)).toEqual(results(serial));
    expect(parallel.map((outcome) => outcome.output)).toEqual(batch.map(({ theta }) => [theta[0]! * theta[1]! + Math.sin(theta[0]!)]));
    expect(new Set(parallel.map((outcome) => outcome.slot))).toEqual(new Set([0, 1, 2]));
  });

  it('reports an exception with its type, message and line, and keeps print() off the answers', async () => {
    const model = helperModel(String.raw`
      print("evaluating", theta)
      if theta[0] == 1:
          raise ValueError("cannot mesh the domain")
      if theta[0] == 2:
          return [float("nan")]
      if theta[0] == 3:
          return [1.0, 2.0]
      return [theta[0]]`);
    const { host, context } = await pythonHost({ 'model.py': model });
    const outcomes = await host.evaluateBatch(requests(5), { stopOnFailure: false });

    expect(outcomes.map((outcome) => outcome.failure)).toEqual([null, 'threw', 'bad-output', 'bad-output', null]);
    expect(outcomes[1]!.error).toBe('ValueError: cannot mesh the domain (model.py, line 7, in forward)');
    expect(outcomes[2]!.error).toBe('it returned NaN at output 1 (of 1)');
    expect(outcomes[3]!.error).toBe('it returned 2 numbers, expected 1');
    expect(outcomes[3]!.returned).toEqual([1, 2]);
    expect(outcomes[4]!.output).toEqual([4]);
    const stderr = context.entries.filter((entry) => entry.stream === 'stderr').map((entry) => entry.text);
    expect(stderr).toContain('evaluating [4, -4]');
    expect(stderr).toContain('Traceback (most recent call last):');
  });

  it('stops a model that sleeps past the timeout, with the program it started, and goes on with a fresh process', async () => {
    const model = helperModel(String.raw`
      if theta[0] == 1:
          child = subprocess.Popen(["sleep", "60"])
          print("model %d started %d" % (os.getpid(), child.pid), file=sys.stderr, flush=True)
          time.sleep(60)
      return [theta[0]]`);
    // Generous: the clock also runs while a fresh process starts Python, on a machine that may be busy.
    const { host, context } = await pythonHost({ 'model.py': model }, { concurrency: 1 }, { timeoutSeconds: 4 });
    const outcomes = await host.evaluateBatch(requests(3), { stopOnFailure: false });

    expect(outcomes.map((outcome) => outcome.failure)).toEqual([null, 'timeout', null]);
    expect(outcomes[1]!.error).toMatch(
      /^no answer within 4 s \(timeoutSeconds\); its process was stopped\nThe model's last lines on stderr:\n {2}\| model \d+ started \d+$/,
    );
    expect(outcomes[2]!.output).toEqual([2]);
    const [started] = context.entries.filter((entry) => /^model \d+ started/.test(entry.text));
    const pids = started!.text.match(/\d+/g)!.map(Number);
    expect(await survivors(pids)).toEqual([]);
  });

  it('retries an evaluation whose process exited, and quotes the exit code and last stderr lines when it exits again', async () => {
    const model = helperModel(String.raw`
      if theta[0] == 2 and not os.path.exists("crashed-once"):
          open("crashed-once", "w").close()
          os._exit(3)
      if theta[0] == 4:
          child = subprocess.Popen(["sleep", "60"])
          print("model %d started %d" % (os.getpid(), child.pid), file=sys.stderr)
          print("fatal: out of memory", file=sys.stderr, flush=True)
          os._exit(7)
      return [theta[0] + 1]`);
    const { host, context } = await pythonHost({ 'model.py': model });
    const outcomes = await host.evaluateBatch(requests(5), { stopOnFailure: false });

    expect(outcomes[2]).toMatchObject({ output: [3], failure: null, attempts: 2 });
    expect(outcomes[4]).toMatchObject({ output: null, failure: 'crashed', attempts: 2 });
    expect(outcomes[4]!.error).toMatch(
      /^its process exited with code 7 before answering\nThe model's last lines on stderr:\n(?: {2}\| .*\n)* {2}\| fatal: out of memory$/,
    );
    expect(outcomes.slice(0, 4).map((outcome) => outcome.output)).toEqual([[1], [2], [3], [4]]);
    const pids = context.entries.flatMap(
      (entry) =>
        entry.text
          .match(/^model (\d+) started (\d+)/)
          ?.slice(1)
          .map(Number) ?? [],
    );
    expect(pids).toHaveLength(4); // the model and the program it started, once per attempt
    expect(await survivors(pids)).toEqual([]);
  });

  it('fails an evaluation answered with garbage, an unknown id or an answer of the wrong shape', async () => {
    const model = String.raw`import json, sys
for line in sys.stdin:
    request = json.loads(line)
    t = request["theta"][0]
    if t == 1:
        print("hello from a debug print", flush=True)
    elif t == 2:
        print(json.dumps({"id": request["id"] + 1000, "output": [t]}), flush=True)
    elif t == 3:
        print(json.dumps({"id": request["id"], "result": [t]}), flush=True)
    else:
        print(json.dumps({"id": request["id"], "output": [t]}), flush=True)
`;
    const { host } = await pythonHost({ 'model.py': model });
    const outcomes = await host.evaluateBatch(requests(5), { stopOnFailure: false });

    expect(outcomes.map((outcome) => outcome.failure)).toEqual([null, 'protocol', 'protocol', 'protocol', null]);
    expect(outcomes[1]!.error).toBe(
      'it wrote a line to stdout that is not JSON: "hello from a debug print". stdout is reserved for answers; write anything else to stderr',
    );
    expect(outcomes[2]!.error).toMatch(/^it answered with id (\d+), but the request it was sent has id \d+$/);
    expect(outcomes[3]!.error).toMatch(/^its answer has neither "output" nor "error": /);
    expect(outcomes[4]!.output).toEqual([4]);
  });

  it('keeps a megabyte of stderr in the run log and quotes only its last lines in a failure', async () => {
    const model = helperModel(String.raw`
      if theta[0] == 1:
          for i in range(1024):
              sys.stderr.write("%04d " % i + "x" * 1018 + "\n")
          sys.stderr.flush()
          os._exit(9)
      return [theta[0]]`);
    const { host, context } = await pythonHost({ 'model.py': model }, { concurrency: 1, retries: 0 });
    const outcomes = await host.evaluateBatch(requests(3), { stopOnFailure: false });

    expect(outcomes.map((outcome) => outcome.failure)).toEqual([null, 'crashed', null]);
    const quoted = outcomes[1]!.error!.split('\n').filter((line) => line.startsWith('  | '));
    expect(quoted).toHaveLength(20);
    expect(quoted[19]).toMatch(/^ {2}\| 1023 x+… \(523 more characters\)$/);
    expect(context.entries.filter((entry) => entry.stream === 'stderr')).toHaveLength(1024);
  });

  it('closes by closing stdin, and kills a model that ignores it and SIGTERM, with what it started', async () => {
    const model = String.raw`import json, os, signal, subprocess, sys, time
signal.signal(signal.SIGTERM, signal.SIG_IGN)
child = subprocess.Popen(["sleep", "60"])
print("model %d started %d" % (os.getpid(), child.pid), file=sys.stderr, flush=True)
for line in sys.stdin:
    request = json.loads(line)
    print(json.dumps({"id": request["id"], "output": [1]}), flush=True)
time.sleep(60)
`;
    const { host, context } = await pythonHost({ 'model.py': model }, { closeGraceMs: 300 });
    expect((await host.evaluateBatch(requests(2))).map((outcome) => outcome.output)).toEqual([[1], [1]]);
    await waitFor(() => pidsInLog(context.entries, /^model \d+ started (\d+)/).length === 2);
    const pids = context.entries.flatMap(
      (entry) =>
        entry.text
          .match(/^model (\d+) started (\d+)/)
          ?.slice(1)
          .map(Number) ?? [],
    );

    const started = performance.now();
    await host.close();
    expect(performance.now() - started).toBeGreaterThanOrEqual(590); // stdin, then SIGTERM, both ignored
    expect(pids).toHaveLength(4);
    expect(await survivors(pids, 0)).toEqual([]);
  });

  it('cancels an evaluation in flight when the host is closed and leaves no process behind', async () => {
    const model = helperModel(String.raw`
      print("model %d busy" % os.getpid(), file=sys.stderr, flush=True)
      time.sleep(60)
      return [0]`);
    const { host, context } = await pythonHost({ 'model.py': model }, { concurrency: 1 });
    const evaluating = host.evaluateBatch(requests(3));
    await waitFor(() => pidsInLog(context.entries, /^model (\d+) busy/).length === 1);
    await host.close();
    const outcomes = await evaluating;

    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ failure: 'cancelled', error: 'the model host was closed' });
    expect(await survivors(pidsInLog(context.entries, /^model (\d+) busy/))).toEqual([]);
  });

  it('refuses a program that cannot start and a working folder that does not exist', async () => {
    const folder = await problemFolder({});
    cleanups.push(folder.remove);
    const failure = (spec: { command: string[]; cwd?: string }) =>
      createModelHost({ type: 'command', ...spec }, testContext(folder.dir)).then(
        () => {
          throw new Error('expected a setup error');
        },
        (error: unknown) => error as ModelSetupError,
      );

    const missing = await failure({ command: ['gmki-no-such-program', '--serve'] });
    expect(missing).toBeInstanceOf(ModelSetupError);
    expect(missing.path).toBe('model.command');
    expect(missing.message).toContain(`could not start the model command gmki-no-such-program --serve in ${folder.dir}`);
    expect(missing.message).toContain('on the PATH');
    const noFolder = await failure({ command: ['python3', 'model.py'], cwd: 'models' });
    expect(noFolder.path).toBe('model.cwd');
    expect(noFolder.message).toBe(`the model's working folder ${join(folder.dir, 'models')} does not exist`);
  });

  it('runs the python-two-modal example through its problem file', async () => {
    const file = fileURLToPath(new URL('../../../../resources/examples/python-two-modal/python-two-modal.gmki.json', import.meta.url));
    const parsed = parseProblem(JSON.parse(await readFile(file, 'utf8')));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const context = testContext(dirname(file), { concurrency: parsed.problem.settings.concurrency });
    const host = await createModelHost(parsed.problem.model, context);
    cleanups.push(() => host.close());

    const outcomes = await host.evaluateBatch([
      { index: 0, theta: [0.5, -1] },
      { index: 1, theta: [-1, 1] },
    ]);
    expect(outcomes.map((outcome) => outcome.output)).toEqual([[2.25], [4]]);
  });
});
