/**
 * Many runs written straight into a database before its server starts (the runs browser's
 * filtering target is about a long list, not about running a thousand inversions): each is a
 * completed run of the square-map example through the store's own API, with two committed
 * iterations, and names and tags that a search can pick a part of.
 */
import { getExampleProblem } from '../../core/problem/examples';
import { parseProblem } from '../../core/problem/parse';
import type { Mixture } from '../../core/gmki/state';
import { openRunStore } from '../../electron/services/store/index';

/** The tags the seeded runs carry in turn; a search for one finds every third run. */
export const SEED_TAGS = ['alpha', 'beta', 'gamma'] as const;

function mixture(shift: number): Mixture {
  return {
    nComponents: 3,
    nTheta: 1,
    logWeights: new Float64Array(3).fill(-Math.log(3)),
    means: Float64Array.from([-1 + shift, 0.5, 1 - shift]),
    covariances: Float64Array.from([0.4, 0.3, 0.2]),
  };
}

/** Writes `count` completed runs into the database at `databasePath` (created if missing). */
export function seedRuns(databasePath: string, count: number): void {
  const example = getExampleProblem('square-map-1d')!;
  const parsed = parseProblem(example.problem);
  if (!parsed.ok) throw new Error(`The square-map example does not parse: ${parsed.errors[0]?.message}`);
  const store = openRunStore(databasePath);
  try {
    for (let r = 1; r <= count; r++) {
      const tag = SEED_TAGS[r % SEED_TAGS.length];
      const { id } = store.createRun({
        name: `seeded run ${String(r).padStart(4, '0')} ${tag}`,
        problem: parsed.problem.file,
        problemDir: null,
        nTheta: 1,
        softwareName: 'gmki-studio',
        softwareVersion: 'bench',
        modelHash: null,
      });
      store.setTags(id, [tag]);
      store.claimRun(id, { pid: process.pid, host: 'bench-seed' });
      for (let i = 0; i <= 1; i++) {
        const diagnostics = { misfit: [1, 2, 3], jitter: [0, 0, 0], explorationEss: [null, null, null] };
        store.commitIteration(id, { iteration: i, mixture: mixture(i * 0.1), diagnostics, forwardEvaluations: i * 9, elapsedSeconds: i * 0.01 }, []);
      }
      store.finishRun(id, 'completed', null, { elapsedSeconds: 0.02 });
    }
  } finally {
    store.close();
  }
}
