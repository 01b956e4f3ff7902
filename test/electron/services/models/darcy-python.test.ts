/**
 * The Darcy example's Python model (resources/examples/darcy-2d/model.py: sparse assembly and
 * SciPy's spsolve), run by the real command host, gives the built-in TypeScript model's outputs
 * (banded Cholesky) to 1e-11 relative: two independent implementations of gmki-algorithm.md §5.5.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DARCY_EXAMPLE } from '../../../../core/problem/darcy-example';
import { darcyForward } from '../../../../core/problem/darcy-model';
import { darcyMirroredTheta } from '../../../../core/problem/darcy-truth';
import { createModelHost } from '../../../../electron/services/models/host-factory';
import type { ModelHost } from '../../../../electron/services/models/host';
import { testContext } from './host-support';
import { pythonWith } from '../../../support/python';

const EXAMPLE_DIR = join(import.meta.dirname, '..', '..', '..', '..', 'resources', 'examples', 'darcy-2d');
const PROBLEM = JSON.parse(readFileSync(join(EXAMPLE_DIR, 'darcy-2d.gmki.json'), 'utf8'));
/** Largest |TS − Python| / max|TS| accepted: both solve the same system, with different factorisations. */
const TOLERANCE = 1e-11;

const python = pythonWith(['numpy', 'scipy']);
if (!python.command) console.log(`Skipping the Python Darcy model test: ${python.reason}.`);

describe.skipIf(!python.command)('darcy-2d in Python', () => {
  let host: ModelHost | null = null;
  afterAll(() => host?.close());

  it('gives the built-in model’s outputs at the prior mean, the truth, its mirror image and a rough θ', async () => {
    // The example's own command, with the interpreter that has SciPy here.
    const model = { ...PROBLEM.model, command: [python.command!, ...PROBLEM.model.command.slice(1)] };
    host = await createModelHost(model, testContext(EXAMPLE_DIR, { nTheta: 128, nOutputs: 28, concurrency: 2, closeGraceMs: 2000 }));
    const truth: number[] = PROBLEM.reference.theta;
    const thetas = [new Array<number>(128).fill(0), truth, Array.from(darcyMirroredTheta(truth)), Array.from({ length: 128 }, (_, l) => 25 * Math.sin(l * 2.3))];
    const outcomes = await host.evaluateBatch(thetas.map((theta, index) => ({ index, theta })));
    outcomes.forEach((outcome, i) => {
      expect(outcome.error).toBeNull();
      const expected = darcyForward(thetas[i]!);
      const scale = Math.max(...expected.map(Math.abs));
      const worst = Math.max(...outcome.output!.map((value, j) => Math.abs(value - expected[j]!)));
      expect(worst / scale, `θ number ${i}`).toBeLessThan(TOLERANCE);
    });
  }, 120_000);

  it('has the built-in example’s parameters, data, settings, truth and field maps', () => {
    for (const key of ['parameters', 'observations', 'settings', 'reference', 'fields']) {
      expect(PROBLEM[key], key).toEqual((DARCY_EXAMPLE.problem as Record<string, unknown>)[key]);
    }
  });
});
