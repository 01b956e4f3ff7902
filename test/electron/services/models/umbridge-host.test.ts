import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createModelHost } from '../../../../electron/services/models/host-factory';
import type { ModelHost, ModelHostContext } from '../../../../electron/services/models/host';
import { ModelSetupError } from '../../../../electron/services/models/setup-error';
import { delay, requests, results, testContext } from './host-support';
import { startUmbridgeServer } from './umbridge-server';
import type { UmbridgeServerOptions } from './umbridge-server';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function server(options: UmbridgeServerOptions) {
  const started = await startUmbridgeServer(options);
  cleanups.push(started.close);
  return started;
}

async function umbridgeHost(
  url: string,
  overrides: Partial<ModelHostContext> = {},
  extra: { name?: string; config?: Record<string, unknown>; timeoutSeconds?: number } = {},
) {
  const host: ModelHost = await createModelHost({ type: 'umbridge', url, ...extra }, testContext('/', overrides));
  cleanups.push(() => host.close());
  return host;
}

function setupFailure(url: string, overrides: Partial<ModelHostContext> = {}, name?: string): Promise<ModelSetupError> {
  return createModelHost({ type: 'umbridge', url, name }, testContext('/', overrides)).then(
    () => {
      throw new Error('expected a setup error');
    },
    (error: unknown) => error as ModelSetupError,
  );
}

/** Varies like a random duration but is the same on every run. */
const jitter = (theta: number[]): number => (Math.abs(Math.sin(theta[0]! * 12.9898 + theta[1]! * 78.233) * 43758.5453) % 1) * 20;

describe('UM-Bridge model host', () => {
  it('evaluates by index with up to `concurrency` requests in flight and the same results for 1 and 3', async () => {
    const model = await server({
      outputSizes: [1, 1],
      evaluate: async (theta) => {
        await delay(jitter(theta));
        return [[(theta[0]! + 1) * theta[1]!], [theta[0]! + 0.5]]; // never -0, which JSON cannot carry
      },
    });
    const batch = requests(20, (i) => (i % 4) - 1.5);
    const serial = await (await umbridgeHost(model.url, { concurrency: 1, nOutputs: 2 })).evaluateBatch(batch);
    expect(model.stats.peakInFlight).toBe(1);
    model.stats.peakInFlight = 0;
    const host = await umbridgeHost(model.url, { concurrency: 3, nOutputs: 2 }, { config: { level: 2 } });
    const parallel = await host.evaluateBatch(batch);

    expect(results(parallel)).toEqual(results(serial));
    expect(parallel.map((outcome) => outcome.output)).toEqual(batch.map(({ theta }) => [(theta[0]! + 1) * theta[1]!, theta[0]! + 0.5]));
    expect(model.stats.peakInFlight).toBe(3);
    expect(model.stats.lastConfig).toEqual({ level: 2 });
  });

  it('checks the input and output sizes against the problem before anything runs', async () => {
    const threeInputs = await server({ inputSizes: [3], outputSizes: [1], evaluate: () => [[0]] });
    const inputs = await setupFailure(threeInputs.url);
    expect(inputs).toBeInstanceOf(ModelSetupError);
    expect(inputs.message).toBe(
      'the UM-Bridge model "forward" takes inputs of sizes [3], but the problem has 2 parameter(s): ' +
        'gmki sends one input vector of length 2, so the sizes must be [2]',
    );
    const fourOutputs = await server({
      outputSizes: [2, 2],
      evaluate: () => [
        [0, 0],
        [0, 0],
      ],
    });
    expect((await setupFailure(fourOutputs.url, { nOutputs: 3 })).message).toBe(
      'the UM-Bridge model "forward" returns outputs of sizes [2,2] (4 numbers in all), but the problem has 3 observation(s)',
    );
    expect(threeInputs.stats.evaluateRequests + fourOutputs.stats.evaluateRequests).toBe(0);
  });

  it("reports HTTP errors with the server's words and a wrong output size with its answer", async () => {
    const model = await server({
      outputSizes: [1],
      evaluate: (theta) => {
        if (theta[0] === 1) return { status: 500, body: JSON.stringify({ error: { type: 'InvalidOutput', message: 'solver diverged' } }) };
        if (theta[0] === 2) return [[1, 2, 3]];
        if (theta[0] === 3) return { status: 503, body: 'upstream unavailable' };
        if (theta[0] === 4) return 'hang-up';
        return [[theta[0]!]];
      },
    });
    const host = await umbridgeHost(model.url);
    const outcomes = await host.evaluateBatch(requests(6), { stopOnFailure: false });

    expect(outcomes.map((outcome) => outcome.failure)).toEqual([null, 'http', 'bad-output', 'http', 'http', null]);
    expect(outcomes[1]!.error).toBe(`the UM-Bridge server at ${model.url} answered HTTP 500 Internal Server Error: InvalidOutput: solver diverged`);
    expect(outcomes[2]!.error).toBe('it returned output vectors of sizes [3] (3 numbers), expected 1 in all: "{\\"output\\":[[1,2,3]]}"');
    expect(outcomes[3]!.error).toBe(`the UM-Bridge server at ${model.url} answered HTTP 503 Service Unavailable: upstream unavailable`);
    expect(outcomes[4]!.error).toMatch(new RegExp(`^could not reach the UM-Bridge server at ${model.url}: socket hang up`));
    expect(outcomes[5]!.output).toEqual([5]);
  });

  it('refuses a server that cannot be reached and a model the server does not offer', async () => {
    const model = await server({ models: ['posterior', 'forward-fine'], outputSizes: [1], evaluate: () => [[0]] });
    const missing = await setupFailure(model.url, {}, 'forward');
    expect(missing.path).toBe('model.name');
    expect(missing.message).toBe(`the UM-Bridge server at ${model.url} has no model "forward" (it serves "posterior", "forward-fine")`);

    const gone = await startUmbridgeServer({ outputSizes: [1], evaluate: () => [[0]] });
    await gone.close();
    const unreachable = await setupFailure(gone.url);
    expect(unreachable.path).toBe('model.url');
    expect(unreachable.message).toMatch(new RegExp(`^could not reach the UM-Bridge server at ${gone.url}: .*ECONNREFUSED`));
  });

  it('keeps working when the server closes idle connections between batches', async () => {
    const model = await server({ outputSizes: [1], keepAliveTimeout: 20, evaluate: (theta) => [[theta[0]! * 2]] });
    const host = await umbridgeHost(model.url);
    for (let round = 0; round < 3; round++) {
      const outcomes = await host.evaluateBatch(requests(4));
      expect(outcomes.map((outcome) => outcome.output)).toEqual([[0], [2], [4], [6]]);
      await delay(60);
    }
  });

  it('cancels the requests in flight when the host is closed', async () => {
    const model = await server({
      outputSizes: [1],
      evaluate: async (theta) => {
        if (theta[0] !== 0) await delay(30_000);
        return [[theta[0]!]];
      },
    });
    const host = await umbridgeHost(model.url);
    const evaluating = host.evaluateBatch(requests(4));
    while (model.stats.evaluateRequests < 3) await delay(5);
    await host.close();
    const outcomes = await evaluating;

    expect(outcomes.map((outcome) => outcome.failure)).toEqual([null, 'cancelled', 'cancelled']);
  });

  it('aborts an Evaluate request the server never answers after timeoutSeconds, and goes on with the next point', async () => {
    const model = await server({
      outputSizes: [1],
      evaluate: (theta) => (theta[0] === 1 ? new Promise<never>(() => {}) : [[theta[0]!]]),
    });
    const host = await umbridgeHost(model.url, { concurrency: 1 }, { timeoutSeconds: 1 });
    const outcomes = await host.evaluateBatch(requests(3), { stopOnFailure: false });

    expect(outcomes.map((outcome) => outcome.failure)).toEqual([null, 'timeout', null]);
    expect(outcomes[1]!.error).toBe(`the UM-Bridge server at ${model.url} sent no answer within 1 s (timeoutSeconds); the request was aborted`);
    expect(outcomes[2]!.output).toEqual([2]);
    await waitUntil(() => model.stats.abandoned === 1);
  }, 30_000);

  it('gives up on a server that accepts the connection but never answers its set-up requests', async () => {
    const silent = createServer(() => {}); // reads every request, answers none
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          silent.closeAllConnections();
          silent.close(() => resolve());
        }),
    );
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const failure = await createModelHost({ type: 'umbridge', url, timeoutSeconds: 0.5 }, testContext('/')).then(
      () => {
        throw new Error('expected a setup error');
      },
      (error: unknown) => error as ModelSetupError,
    );
    expect(failure).toBeInstanceOf(ModelSetupError);
    expect(failure.path).toBe('model.url');
    expect(failure.message).toBe(`the UM-Bridge server at ${url} sent no answer within 0.5 s (timeoutSeconds) to Info`);
  }, 30_000);
});

async function waitUntil(condition: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for a condition');
    await delay(10);
  }
}
