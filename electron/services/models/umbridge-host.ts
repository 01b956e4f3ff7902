/**
 * `umbridge` models (`problem-format.md` §2.3): an HTTP client of the UM-Bridge protocol
 * (GET /Info, POST /ModelInfo, /InputSizes, /OutputSizes, /Evaluate). The model's sizes are
 * checked against the problem before anything runs; then up to `concurrency` evaluations are in
 * flight, each `{"name", "input": [θ], "config"}` → `{"output": [[y…], …]}`, flattened to n_y.
 */
import type { ModelSpec } from '../../../core/problem/types';
import type { ModelHost, ModelHostContext } from './host';
import { parseJsonAllowingNonFinite, quote } from './jsonl';
import { runOnSlots } from './schedule';
import type { SlotResult } from './schedule';
import { ModelSetupError } from './setup-error';
import { truncate } from './text';
import { thrownMessage } from './types';
import { timeoutSecondsOf } from './timeout';
import { JsonHttpClient, RequestTimeoutError } from './umbridge-http';
import type { HttpReply } from './umbridge-http';

type UmbridgeSpec = Extract<ModelSpec, { type: 'umbridge' }>;

/** UM-Bridge's conventional model name, used when the spec names none and the server has several. */
const DEFAULT_MODEL_NAME = 'forward';
const BODY_QUOTE_LIMIT = 500;

/**
 * Connects, finds the model and checks its sizes.
 * @throws ModelSetupError when the server cannot be reached, lacks the model, or its sizes do not
 *   fit the problem (one input vector of length d; outputs of n_y numbers in all)
 */
export async function createUmbridgeHost(spec: UmbridgeSpec, context: ModelHostContext): Promise<ModelHost> {
  let base: URL;
  try {
    base = new URL(spec.url);
  } catch {
    throw new ModelSetupError('model.url', `"${spec.url}" is not a URL (expected e.g. http://localhost:4242)`);
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw new ModelSetupError('model.url', `"${spec.url}" is not an http:// or https:// URL`);
  }
  const slots = Math.max(1, Math.floor(context.concurrency));
  const client = new JsonHttpClient(base, slots, timeoutSecondsOf(spec));
  let name: string;
  try {
    name = await checkModel(client, spec, context);
  } catch (error) {
    client.close();
    throw error;
  }
  const config = spec.config ?? {};
  const where = `the UM-Bridge server at ${spec.url}`;

  const evaluator = {
    isClosed: () => client.isClosed,
    async evaluate(_slot: number, theta: number[]): Promise<SlotResult> {
      let reply: HttpReply;
      try {
        reply = await client.post('Evaluate', { name, input: [theta], config });
      } catch (error) {
        if (client.isClosed) return { failure: 'cancelled', error: 'the model host was closed' };
        if (error instanceof RequestTimeoutError) return { failure: 'timeout', error: `${where} sent ${error.message}; the request was aborted` };
        return { failure: 'http', error: `could not reach ${where}: ${thrownMessage(error)}` };
      }
      if (reply.status < 200 || reply.status >= 300) {
        return { failure: 'http', error: `${where} answered HTTP ${reply.status} ${reply.statusText}: ${describeBody(reply.body)}`.trim() };
      }
      return readOutput(reply.body, context.nOutputs);
    },
  };

  return {
    slots,
    evaluateBatch: (requests, options = {}) =>
      runOnSlots(evaluator, requests, options, { slots, nOutputs: context.nOutputs, outputKind: context.outputKind, retries: 0 }),
    async close() {
      client.close();
    },
  };
}

/** @returns the model's name on the server */
async function checkModel(client: JsonHttpClient, spec: UmbridgeSpec, context: ModelHostContext): Promise<string> {
  const where = `the UM-Bridge server at ${spec.url}`;
  const info = (await setupCall(client, 'Info', undefined, where)) as { protocolVersion?: unknown; models?: unknown };
  const models = Array.isArray(info.models) ? info.models.map(String) : [];
  if (info.protocolVersion !== 1 && info.protocolVersion !== undefined) {
    context.log('warning', `${where} speaks UM-Bridge protocol version ${String(info.protocolVersion)}; gmki was written for 1.0`);
  }
  const name = spec.name ?? (models.length === 1 ? models[0]! : DEFAULT_MODEL_NAME);
  if (models.length > 0 && !models.includes(name)) {
    const offered = models.map((model) => `"${model}"`).join(', ');
    throw new ModelSetupError('model.name', `${where} has no model "${name}" (it serves ${offered})`);
  }
  const modelInfo = await client.post('ModelInfo', { name }).catch(() => null);
  const support = modelInfo?.status === 200 ? (parseJsonAllowingNonFinite(modelInfo.body) as { support?: { Evaluate?: unknown } })?.support : undefined;
  if (support && support.Evaluate === false) {
    throw new ModelSetupError('model.name', `the model "${name}" of ${where} does not support Evaluate`);
  }

  const config = spec.config ?? {};
  const inputs = sizes(await setupCall(client, 'InputSizes', { name, config }, where), 'inputSizes');
  if (inputs === null || inputs.length !== 1 || inputs[0] !== context.nTheta) {
    throw new ModelSetupError(
      'model',
      `the UM-Bridge model "${name}" takes inputs of sizes ${JSON.stringify(inputs)}, but the problem has ` +
        `${context.nTheta} parameter(s): gmki sends one input vector of length ${context.nTheta}, so the sizes must be [${context.nTheta}]`,
    );
  }
  const outputs = sizes(await setupCall(client, 'OutputSizes', { name, config }, where), 'outputSizes');
  const total = outputs?.reduce((sum, size) => sum + size, 0);
  if (outputs === null || total !== context.nOutputs) {
    const wanted =
      context.outputKind === 'logDensity'
        ? 'but the problem says it returns a log density ("output": "logDensity"): one number, output sizes [1], as UM-Bridge\'s "posterior" benchmark models'
        : `but the problem has ${context.nOutputs} observation(s)`;
    throw new ModelSetupError('model', `the UM-Bridge model "${name}" returns outputs of sizes ${JSON.stringify(outputs)} (${total ?? '?'} numbers in all), ${wanted}`);
  }
  return name;
}

/** A setup request's JSON answer; anything else is a ModelSetupError quoting the server. */
async function setupCall(client: JsonHttpClient, path: string, body: unknown, where: string): Promise<Record<string, unknown>> {
  let reply: HttpReply;
  try {
    reply = await (body === undefined ? client.get(path) : client.post(path, body));
  } catch (error) {
    if (error instanceof RequestTimeoutError) throw new ModelSetupError('model.url', `${where} sent ${error.message} to ${path}`);
    throw new ModelSetupError('model.url', `could not reach ${where}: ${thrownMessage(error)}`);
  }
  if (reply.status !== 200) {
    throw new ModelSetupError('model.url', `${where} answered ${path} with HTTP ${reply.status} ${reply.statusText}: ${describeBody(reply.body)}`);
  }
  const value = parseJsonAllowingNonFinite(reply.body);
  if (typeof value !== 'object' || value === null) {
    throw new ModelSetupError('model.url', `${where} answered ${path} with something that is not JSON: ${quote(reply.body)}`);
  }
  return value as Record<string, unknown>;
}

function sizes(answer: Record<string, unknown>, field: string): number[] | null {
  const value = answer[field];
  return Array.isArray(value) && value.every((size) => Number.isInteger(size)) ? (value as number[]) : null;
}

/** The flattened output, or a bad-output failure quoting the server's answer. */
function readOutput(body: string, nOutputs: number): SlotResult {
  const answer = parseJsonAllowingNonFinite(body) as { output?: unknown; error?: unknown } | undefined;
  if (typeof answer !== 'object' || answer === null) {
    return { failure: 'bad-output', error: `the UM-Bridge server's answer is not JSON: ${quote(body)}` };
  }
  if (answer.error !== undefined) return { failure: 'threw', error: describeError(answer.error) };
  const output = answer.output;
  if (!Array.isArray(output) || !output.every((vector) => Array.isArray(vector))) {
    return { failure: 'bad-output', error: `the UM-Bridge server's answer has no "output" list of vectors: ${quote(body)}` };
  }
  const flat = (output as unknown[][]).flat();
  if (flat.length !== nOutputs) {
    const got = JSON.stringify(output.map((vector: unknown[]) => vector.length));
    return {
      failure: 'bad-output',
      error: `it returned output vectors of sizes ${got} (${flat.length} numbers), expected ${nOutputs} in all: ${quote(body)}`,
    };
  }
  return { output: flat };
}

/**
 * UM-Bridge errors are `{"error": {"type", "message"}}`; any other body (a server's HTML or
 * plain-text error page: aiohttp answers an exception with "500 Internal Server Error" and a
 * paragraph) is quoted by its first non-empty line, tags stripped, cut short.
 */
function describeBody(body: string): string {
  const value = parseJsonAllowingNonFinite(body) as { error?: unknown } | undefined;
  if (typeof value === 'object' && value !== null && value.error !== undefined) return describeError(value.error);
  const lines = body
    .replace(/<[^>]*>/g, '\n')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (lines.length === 0) return '(empty body)';
  const more = lines.length > 1 ? ` (the first of ${lines.length} lines)` : '';
  return `${truncate(lines[0], BODY_QUOTE_LIMIT)}${more}`;
}

function describeError(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const { type, message } = error as { type?: unknown; message?: unknown };
    if (message !== undefined) return truncate(type !== undefined ? `${String(type)}: ${String(message)}` : String(message), BODY_QUOTE_LIMIT);
  }
  return truncate(typeof error === 'string' ? error : JSON.stringify(error), BODY_QUOTE_LIMIT);
}
