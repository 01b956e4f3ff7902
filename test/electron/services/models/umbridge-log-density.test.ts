/**
 * A UM-Bridge "posterior" model (as UM-Bridge's analytic benchmark servers: output sizes [1],
 * Evaluate → {"output": [[log π]]}) as a log-density model (`problem-format.md` §2.6), through a
 * real HTTP server on 127.0.0.1: −∞ is a value, NaN, +∞, absurd values and error pages are
 * failures that say what came back; smc and dfgmvi run the banana over HTTP to exactly the numbers
 * they reach in-process, and dfgmvi's to the grid L1 of the example.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createInversion } from '../../../../core/inversion';
import { getBuiltinModel, getExampleProblem, parseProblem } from '../../../../core/problem';
import type { ResolvedProblem } from '../../../../core/problem/types';
import { createModelHost } from '../../../../electron/services/models/host-factory';
import type { ModelHost } from '../../../../electron/services/models/host';
import { ModelSetupError } from '../../../../electron/services/models/setup-error';
import { gridReference2d, mixtureL1OnGrid2d } from '../../../support/grid-l1';
import { runInversion } from '../../../support/runInversion';
import { bytesOf } from '../store/helpers';
import { testContext } from './host-support';
import { startUmbridgeServer, type EvaluateReply } from './umbridge-server';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const banana = getBuiltinModel('analytic-banana')!;

/** The banana served as UM-Bridge's benchmark serves it; `special` answers chosen θ1 otherwise. */
async function posteriorServer(special: (theta: number[]) => EvaluateReply | null = () => null) {
  const server = await startUmbridgeServer({ models: ['posterior'], outputSizes: [1], evaluate: (theta) => special(theta) ?? [banana.forward(theta)] });
  cleanups.push(server.close);
  return server;
}

async function logDensityHost(url: string, concurrency = 2): Promise<ModelHost> {
  const host = await createModelHost({ type: 'umbridge', url, name: 'posterior' }, testContext('/', { outputKind: 'logDensity', concurrency }));
  cleanups.push(() => host.close());
  return host;
}

function bananaProblem(url: string, settings: Record<string, unknown>): ResolvedProblem {
  const file = structuredClone(getExampleProblem('banana-density-2d')!.problem) as Record<string, any>;
  file.model = { type: 'umbridge', url, name: 'posterior', output: 'logDensity', logDensity: 'posterior' };
  file.settings = { ...file.settings, ...settings };
  const parsed = parseProblem(file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.problem;
}

/** Runs the inversion to its end with the host, as the run session does (one batch per iteration). */
async function runThroughHost(problem: ResolvedProblem, host: ModelHost) {
  const inversion = createInversion(problem);
  let record = inversion.initialRecord;
  while (!inversion.done) {
    const batch = inversion.ask();
    const outcomes = await host.evaluateBatch(batch.points.map((point) => ({ index: point.index, theta: point.theta })));
    if (outcomes.some((outcome) => outcome.failure !== null)) throw new Error(outcomes.find((outcome) => outcome.failure)!.error!);
    record = inversion.tell(outcomes.map((outcome) => outcome.output!));
  }
  return record;
}

describe('a UM-Bridge posterior model as a log density', () => {
  it('takes −∞ as zero density and refuses NaN, +∞, 1e301 and error pages, saying what came back', async () => {
    const server = await posteriorServer((theta) => {
      switch (theta[0]) {
        case 1:
          return { status: 200, body: '{"output": [[-Infinity]]}' };
        case 2:
          return { status: 200, body: '{"output": [[NaN]]}' };
        case 3:
          return { status: 200, body: '{"output": [[Infinity]]}' };
        case 4:
          return [[1e301]];
        case 5:
          return {
            status: 500,
            body: '<html><head><title>500 Internal Server Error</title></head><body><h1>500 Internal Server Error</h1>Server got itself in trouble</body></html>',
          };
        case 6:
          return [[1, 2]];
        default:
          return null;
      }
    });
    const host = await logDensityHost(server.url);
    const outcomes = await host.evaluateBatch(
      Array.from({ length: 7 }, (_, index) => ({ index, theta: [index, 0.5] })),
      { stopOnFailure: false },
    );
    expect(outcomes.map((outcome) => outcome.failure)).toEqual([null, null, 'bad-output', 'bad-output', 'bad-output', 'http', 'bad-output']);
    expect(outcomes[0]!.output).toEqual(banana.forward([0, 0.5]));
    expect(outcomes[1]!.output).toEqual([Number.NEGATIVE_INFINITY]);
    expect(outcomes[2]!.error).toBe('it returned NaN as its log density');
    expect(outcomes[3]!.error).toBe('it returned +Infinity as its log density (an infinite density)');
    expect(outcomes[4]!.error).toBe(
      'it returned 1e+301 as its log density, which is no plausible log density (|log π| must stay below 1e300; −Infinity means zero density)',
    );
    expect(outcomes[5]!.error).toBe(`the UM-Bridge server at ${server.url} answered HTTP 500 Internal Server Error: 500 Internal Server Error (the first of 3 lines)`);
    expect(outcomes[6]!.error).toMatch(/^it returned output vectors of sizes \[2\] \(2 numbers\), expected 1 in all/);
  });

  it('refuses at set-up a model whose output is not one number, saying a log density is one', async () => {
    const server = await startUmbridgeServer({ models: ['posterior'], outputSizes: [2], evaluate: () => [[0, 0]] });
    cleanups.push(server.close);
    const error = await createModelHost({ type: 'umbridge', url: server.url }, testContext('/', { outputKind: 'logDensity' })).then(
      () => new Error('expected a setup error'),
      (failure: unknown) => failure as Error,
    );
    expect(error).toBeInstanceOf(ModelSetupError);
    expect(error.message).toMatch(
      /returns outputs of sizes \[2\] \(2 numbers in all\), but the problem says it returns a log density \("output": "logDensity"\): one number, output sizes \[1\]/,
    );
  });

  it('dfgmvi over HTTP gives bit for bit the in-process run, at the example’s grid L1 (< 0.35)', async () => {
    const server = await posteriorServer();
    const problem = bananaProblem(server.url, { iterations: 60, concurrency: 3 });
    const overHttp = await runThroughHost(problem, await logDensityHost(server.url, 3));
    const inProcess = runInversion(problem, (theta) => banana.forward(theta)).history.at(-1)!;
    expect(bytesOf(overHttp.mixture.means)).toEqual(bytesOf(inProcess.mixture.means));
    expect(bytesOf(overHttp.mixture.covariances)).toEqual(bytesOf(inProcess.mixture.covariances));
    expect(overHttp.forwardEvaluations).toBe(20 * 5 * 60);
    const reference = gridReference2d((a, b) => banana.forward([a, b])[0], 400, -8, 8);
    expect(mixtureL1OnGrid2d(overHttp.mixture, reference)).toBeLessThan(0.35);
  });

  it('smc over HTTP gives bit for bit the in-process particles and log-evidence (≈ 0: the banana is normalised)', async () => {
    const server = await posteriorServer();
    const problem = bananaProblem(server.url, { method: 'smc', particles: 300, seed: 5 });
    const overHttp = await runThroughHost(problem, await logDensityHost(server.url));
    const inProcess = runInversion(problem, (theta) => banana.forward(theta)).history.at(-1)!;
    expect(bytesOf(overHttp.particles!.positions)).toEqual(bytesOf(inProcess.particles!.positions));
    expect(overHttp.diagnostics.smc!.logEvidence).toBe(inProcess.diagnostics.smc!.logEvidence);
    expect(Math.abs(overHttp.diagnostics.smc!.logEvidence!)).toBeLessThan(0.2);
  });
});
