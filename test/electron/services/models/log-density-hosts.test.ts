/**
 * Log-density models (`problem-format.md` §2.6) in the javascript and command hosts: forward
 * returns [log π] (JavaScript) or "output": [log π] (JSON Lines, here through the Python helper,
 * whose json writes -Infinity and NaN as bare tokens); −∞ is a value, a bare number and NaN are
 * failures that say what came back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createModelHost } from '../../../../electron/services/models/host-factory';
import type { ModelHost } from '../../../../electron/services/models/host';
import { spawnWorker } from '../../../../electron/services/workers/spawn-worker';
import { problemFolder, testContext } from './host-support';

const WORKER_ENTRY = new URL('../../../../electron/services/models/javascript-worker.ts', import.meta.url);
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function host(spec: Record<string, unknown>, files: Record<string, string>): Promise<ModelHost> {
  const folder = await problemFolder(files);
  cleanups.push(folder.remove);
  const context = testContext(folder.dir, { outputKind: 'logDensity', createJavascriptWorker: (options) => spawnWorker(WORKER_ENTRY, options) });
  const created = await createModelHost(spec as never, context);
  cleanups.push(() => created.close());
  return created;
}

const thetas = (count: number) => Array.from({ length: count }, (_, index) => ({ index, theta: [index, 0] }));

describe('log-density outputs', () => {
  it('javascript: [log π] and [-Infinity] are values; a bare number and NaN are failures with the reason', async () => {
    const model = `export function forward([i]) {
      if (i === 1) return [-Infinity];
      if (i === 2) return -3.5;
      if (i === 3) return [NaN];
      return [-0.5 * i * i];
    }`;
    const js = await host({ type: 'javascript', path: 'density.mjs' }, { 'density.mjs': model });
    const outcomes = await js.evaluateBatch(thetas(5), { stopOnFailure: false });
    expect(outcomes.map((outcome) => outcome.output)).toEqual([[-0], [Number.NEGATIVE_INFINITY], null, null, [-8]]);
    expect(outcomes[2]!.error).toBe('it returned the number -3.5, expected a list of one number, [log π] (e.g. return [-3.5])');
    expect(outcomes[3]!.error).toBe('it returned NaN as its log density');
  });

  it('command (the Python helper): -Infinity is a value, NaN a failure', async () => {
    const model = [
      'import math',
      'from gmki_model import serve',
      'def forward(theta):',
      '    if theta[0] == 1: return [-math.inf]',
      '    if theta[0] == 2: return [math.nan]',
      '    return [-0.5 * theta[0] ** 2]',
      'if __name__ == "__main__":',
      '    serve(forward)',
      '',
    ].join('\n');
    const command = await host({ type: 'command', command: ['python3', 'density.py'] }, { 'density.py': model });
    const outcomes = await command.evaluateBatch(thetas(4), { stopOnFailure: false });
    expect(outcomes.map((outcome) => outcome.output)).toEqual([[-0], [Number.NEGATIVE_INFINITY], null, [-4.5]]);
    expect(outcomes[2]).toMatchObject({ failure: 'bad-output', error: 'it returned NaN as its log density' });
  });
});
