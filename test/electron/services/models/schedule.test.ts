import { describe, expect, it } from 'vitest';
import { createModelHost } from '../../../../electron/services/models/host-factory';
import type { EvaluationOutcome } from '../../../../electron/services/models/host';
import { runOnSlots } from '../../../../electron/services/models/schedule';
import type { SlotResult } from '../../../../electron/services/models/schedule';
import { ModelSetupError } from '../../../../electron/services/models/setup-error';
import { delay, requests, testContext } from './host-support';

/** An evaluator whose answer for θ comes from `answer`, after `ms(θ)` milliseconds. */
function fakeEvaluator(answer: (theta: number[], attempt: number) => SlotResult, ms: (theta: number[]) => number = () => 1) {
  const attempts = new Map<number, number>();
  const state = { inFlight: 0, peak: 0, started: [] as number[] };
  return {
    state,
    isClosed: () => false,
    async evaluate(_slot: number, theta: number[]): Promise<SlotResult> {
      state.started.push(theta[0]!);
      state.peak = Math.max(state.peak, ++state.inFlight);
      const attempt = (attempts.get(theta[0]!) ?? 0) + 1;
      attempts.set(theta[0]!, attempt);
      await delay(ms(theta));
      state.inFlight--;
      return answer(theta, attempt);
    },
  };
}

const settings = { slots: 3, nOutputs: 1, retries: 1 };

describe('runOnSlots', () => {
  it('places outcomes by index and keeps at most `slots` evaluations in flight', async () => {
    const evaluator = fakeEvaluator(
      (theta) => ({ output: [theta[0]! * 3] }),
      (theta) => 12 - theta[0]!,
    );
    const seen: EvaluationOutcome[] = [];
    const outcomes = await runOnSlots(evaluator, requests(10), { onOutcome: (outcome) => seen.push(outcome) }, settings);

    expect(outcomes.map((outcome) => outcome.output)).toEqual(Array.from({ length: 10 }, (_, i) => [i * 3]));
    expect(evaluator.state.peak).toBe(3);
    expect(evaluator.state.started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(seen).toHaveLength(10);
  });

  it('stops launching after the first failure by default, and evaluates everything when told not to', async () => {
    const answer = (theta: number[]): SlotResult => (theta[0] === 1 ? { failure: 'threw', error: 'boom' } : { output: [0] });
    const stopping = fakeEvaluator(answer, (theta) => (theta[0] === 1 ? 1 : 20));
    const stopped = await runOnSlots(stopping, requests(10), {}, { ...settings, slots: 2 });
    // Point 0 was in flight when point 1 failed: it finishes; point 2 never starts.
    expect(stopped.map((outcome) => outcome.index)).toEqual([0, 1]);
    expect(stopping.state.started).toEqual([0, 1]);
    expect(stopped[1]).toMatchObject({ failure: 'threw', error: 'boom', output: null });

    const all = await runOnSlots(fakeEvaluator(answer), requests(10), { stopOnFailure: false }, settings);
    expect(all.map((outcome) => outcome.failure)).toEqual([null, 'threw', null, null, null, null, null, null, null, null]);
  });

  it('stops launching when the signal aborts, and launches nothing when it already has', async () => {
    const abort = new AbortController();
    const evaluator = fakeEvaluator(
      () => ({ output: [0] }),
      () => 5,
    );
    const outcomes = await runOnSlots(evaluator, requests(10), { signal: abort.signal, onOutcome: () => abort.abort() }, settings);
    expect(outcomes.map((outcome) => outcome.index)).toEqual([0, 1, 2]);
    expect(await runOnSlots(evaluator, requests(4), { signal: abort.signal }, settings)).toEqual([]);
  });

  it('retries a crash `retries` times, and never a failure of another kind', async () => {
    const evaluator = fakeEvaluator((theta, attempt) => {
      if (theta[0] === 0 && attempt === 1) return { failure: 'crashed', error: 'exit code 1' };
      if (theta[0] === 1) return { failure: 'crashed', error: 'exit code 2' };
      if (theta[0] === 2) return { failure: 'timeout', error: 'no answer' };
      return { output: [theta[0]!] };
    });
    const outcomes = await runOnSlots(evaluator, requests(4), { stopOnFailure: false }, { ...settings, retries: 2 });
    expect(outcomes.map(({ failure, attempts }) => [failure, attempts])).toEqual([
      [null, 2],
      ['crashed', 3],
      ['timeout', 1],
      [null, 1],
    ]);
  });

  it('checks outputs with the core’s words and gives the model a copy of θ', async () => {
    const evaluator = {
      isClosed: () => false,
      async evaluate(_slot: number, theta: number[]): Promise<SlotResult> {
        const output = theta[0] === 0 ? [Infinity] : theta[0] === 1 ? 'seven' : [theta[1]!];
        theta[1] = 99;
        return { output };
      },
    };
    const batch = requests(3);
    const outcomes = await runOnSlots(evaluator, batch, { stopOnFailure: false }, settings);
    expect(outcomes.map((outcome) => outcome.error)).toEqual([
      'it returned Infinity at output 1 (of 1)',
      'it returned the string "seven", expected an array of 1 numbers',
      null,
    ]);
    expect(batch[2]!.theta).toEqual([2, -2]);
  });
});

describe('builtin model host', () => {
  it("evaluates the paper's two-modal model by index", async () => {
    const host = await createModelHost({ type: 'builtin', name: 'two-modal-2d' }, testContext('/'));
    const outcomes = await host.evaluateBatch(requests(4));
    await host.close();
    expect(outcomes.map((outcome) => outcome.output)).toEqual([[0], [4], [16], [36]]);
    expect(outcomes.every((outcome) => outcome.failure === null && outcome.attempts === 1)).toBe(true);
  });

  it('refuses an unknown model and one whose sizes do not fit the problem', async () => {
    const failure = (name: string, nOutputs = 1) =>
      createModelHost({ type: 'builtin', name }, testContext('/', { nOutputs })).then(
        () => {
          throw new Error('expected a setup error');
        },
        (error: unknown) => error as ModelSetupError,
      );
    const unknown = await failure('three-modal-9d');
    expect(unknown).toBeInstanceOf(ModelSetupError);
    expect(unknown).toMatchObject({ path: 'model.name', message: 'there is no builtin model "three-modal-9d"' });
    expect((await failure('two-modal-2d', 3)).message).toBe(
      'the builtin model "two-modal-2d" takes 2 parameter(s) and returns 1 output(s), but the problem has 2 parameter(s) and 3 observation(s)',
    );
  });
});
