/**
 * `builtin` models (`problem-format.md` §2.4): the paper's examples, evaluated in this thread
 * because each costs microseconds — except those marked `runsInWorkers` (darcy-2d: a PDE solve
 * of tens of milliseconds), which go to the JavaScript worker pool so that `concurrency` slots
 * are `concurrency` threads. Same interface and checks as the other hosts.
 */
import { getBuiltinModel } from '../../../core/problem/builtins';
import type { ModelHost, ModelHostContext } from './host';
import { createBuiltinWorkerHost } from './javascript-pool';
import { runOnSlots } from './schedule';
import type { SlotResult } from './schedule';
import { ModelSetupError } from './setup-error';
import { thrownMessage } from './types';

/**
 * @param timeoutSeconds limit of one evaluation of a `runsInWorkers` model (its worker is then
 *   replaced); the microsecond models run in this thread, where nothing could stop them
 * @throws ModelSetupError when there is no such model or its sizes do not fit the problem
 */
export async function createBuiltinHost(name: string, context: ModelHostContext, timeoutSeconds?: number): Promise<ModelHost> {
  const model = getBuiltinModel(name);
  if (!model) throw new ModelSetupError('model.name', `there is no builtin model "${name}"`);
  if (model.nTheta !== context.nTheta || model.nOutputs !== context.nOutputs) {
    throw new ModelSetupError(
      'model.name',
      `the builtin model "${name}" takes ${model.nTheta} parameter(s) and returns ${model.nOutputs} output(s), ` +
        `but the problem has ${context.nTheta} parameter(s) and ${context.nOutputs} observation(s)`,
    );
  }
  if (model.runsInWorkers) return createBuiltinWorkerHost(name, context, timeoutSeconds);
  let closed = false;
  const slots = Math.max(1, Math.floor(context.concurrency));
  const evaluator = {
    isClosed: () => closed,
    async evaluate(_slot: number, theta: number[]): Promise<SlotResult> {
      try {
        return { output: model.forward(theta) };
      } catch (error) {
        return { failure: 'threw', error: thrownMessage(error) };
      }
    },
  };
  return {
    slots,
    evaluateBatch: (requests, options = {}) =>
      runOnSlots(evaluator, requests, options, { slots, nOutputs: context.nOutputs, outputKind: context.outputKind, retries: 0 }),
    async close() {
      closed = true;
    },
  };
}
