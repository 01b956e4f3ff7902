/**
 * Entry of the `javascript` pool's worker threads: imports the user's module (or takes a
 * built-in model) once, then evaluates θs on request (over Comlink). Outputs are checked here, so that only plain arrays of
 * numbers or a failure sentence cross the thread boundary (a model's return value may hold things
 * that cannot be cloned), and every reply is a tagged value because thrown errors lose their
 * class across Comlink. The same threads evaluate a problem's field hook (`fields(theta)`,
 * problem-format.md §1.7; fields-host.ts) when loaded with a fields source.
 */
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { describeOutputProblem } from '../../../core/inversion/errors';
import { getBuiltinModel } from '../../../core/problem/builtins';
import { BUILTIN_FIELDS } from '../../../core/problem/builtin-fields';
import { checkFieldsOutput, type FieldGrid } from '../../../core/problem/fields';
import type { ModelOutputKind } from '../../../core/problem/types';
import { loadFieldsFunction, loadJavascriptModel } from './javascript';
import { thrownMessage } from './types';
import type { LoadedModel } from './types';

/**
 * What a worker evaluates: a module file (absolute path) or a built-in model, or a field hook
 * (a module exporting `fields`, or built-in fields).
 */
export type WorkerModelSource =
  | { readonly kind: 'module'; readonly path: string }
  | { readonly kind: 'builtin'; readonly name: string }
  | { readonly kind: 'fields-module'; readonly path: string }
  | { readonly kind: 'fields-builtin'; readonly name: string };

export type FieldsReply =
  { readonly ok: true; readonly fields: FieldGrid[] } | { readonly ok: false; readonly failure: 'threw' | 'bad-output'; readonly message: string };

type FieldsFunction = (theta: number[]) => unknown;

export type LoadReply = { readonly ok: true; readonly forwardBatch: boolean } | { readonly ok: false; readonly message: string };

export type PointReply = { readonly ok: true; readonly output: number[] } | { readonly ok: false; readonly failure: 'threw' | 'bad-output'; readonly message: string };

export type BatchReply =
  { readonly ok: true; readonly points: PointReply[] } | { readonly ok: false; readonly failure: 'threw' | 'bad-output'; readonly message: string };

let model: LoadedModel | null = null;
let fieldsFunction: FieldsFunction | null = null;
let nOutputs = 0;
let outputKind: ModelOutputKind = 'observations';

const api = {
  /** Answers once this thread runs, before any of the model's code: its start-up is not the model's time. */
  ready(): true {
    return true;
  },

  /** Imports the module (path resolved against problemDir), or takes the built-in model, and remembers n_y. */
  async load(source: WorkerModelSource, problemDir: string, outputs: number, kind: ModelOutputKind): Promise<LoadReply> {
    try {
      if (source.kind === 'fields-module') fieldsFunction = await loadFieldsFunction(source.path, problemDir);
      else if (source.kind === 'fields-builtin') fieldsFunction = builtinFields(source.name);
      else model = source.kind === 'builtin' ? builtinModel(source.name) : await loadJavascriptModel(source.path, problemDir);
    } catch (error) {
      return { ok: false, message: thrownMessage(error) };
    }
    nOutputs = outputs;
    outputKind = kind;
    return { ok: true, forwardBatch: model?.forwardBatch !== undefined };
  },

  /** The field hook at θ, checked (core/problem/fields.ts) into plain grids. */
  async fields(theta: number[]): Promise<FieldsReply> {
    let output: unknown;
    try {
      if (!fieldsFunction) throw new Error('the field hook was not loaded');
      output = await fieldsFunction(theta);
    } catch (error) {
      return { ok: false, failure: 'threw', message: thrownMessage(error) };
    }
    try {
      const checked = checkFieldsOutput(output);
      return checked.ok ? checked : { ok: false, failure: 'bad-output', message: checked.message };
    } catch (error) {
      return { ok: false, failure: 'bad-output', message: `fields(theta) returned a value that could not be read (${thrownMessage(error)})` };
    }
  },

  async forward(theta: number[]): Promise<PointReply> {
    let output: unknown;
    try {
      output = await loadedModel().forward!(theta);
    } catch (error) {
      return { ok: false, failure: 'threw', message: thrownMessage(error) };
    }
    return checked(output);
  },

  async forwardBatch(thetas: number[][]): Promise<BatchReply> {
    let returned: unknown;
    try {
      returned = await loadedModel().forwardBatch!(thetas);
    } catch (error) {
      const message = `${thrownMessage(error)} (in forwardBatch, called with ${thetas.length} points)`;
      return { ok: false, failure: 'threw', message };
    }
    if (!Array.isArray(returned) || returned.length !== thetas.length) {
      const what = Array.isArray(returned) ? `${returned.length} outputs` : describeNonArray(returned);
      return { ok: false, failure: 'bad-output', message: `forwardBatch returned ${what} for ${thetas.length} points` };
    }
    return { ok: true, points: returned.map(checked) };
  },
};

export type JavascriptWorkerApi = typeof api;

function builtinModel(name: string): LoadedModel {
  const builtin = getBuiltinModel(name);
  if (!builtin) throw new Error(`there is no builtin model "${name}"`);
  return { label: `builtin model "${name}"`, forward: (theta) => builtin.forward(theta) };
}

function builtinFields(name: string): FieldsFunction {
  const builtin = BUILTIN_FIELDS[name];
  if (!builtin) throw new Error(`there are no built-in fields "${name}"`);
  return (theta) => builtin.fields(theta);
}

function loadedModel(): LoadedModel {
  if (!model) throw new Error('the model was not loaded');
  return model;
}

/**
 * The output as a plain array, or why it is not n_y finite numbers (also for unreadable values).
 * A list of numbers crosses as it is even when its length or a value is wrong: the host refuses
 * it with the same sentence (schedule.ts checkedOutcome) and keeps the numbers to show them.
 */
function checked(output: unknown): PointReply {
  if ((Array.isArray(output) || output instanceof Float64Array) && Array.prototype.every.call(output, (x: unknown) => typeof x === 'number')) {
    return { ok: true, output: Array.from(output as ArrayLike<number>) };
  }
  try {
    const problem = describeOutputProblem(output, nOutputs, outputKind);
    if (problem) return { ok: false, failure: 'bad-output', message: `it ${problem}` };
    return { ok: true, output: Array.from(output as ArrayLike<number>) };
  } catch (error) {
    return { ok: false, failure: 'bad-output', message: `it returned a value that could not be read (${thrownMessage(error)})` };
  }
}

function describeNonArray(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  return `a ${typeof value} instead of an array`;
}

Comlink.expose(api, nodeEndpoint(parentPort!));
