// The reference sampler's run (runs/reference-run.ts): the problem as run turned to smc, its name,
// the note that links it to the original, the knobs' checks in core's words, and its most cost.
import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../../core/problem/settings';
import type { EvaluationEntry, RunRecord } from '../../../electron/contract/types';
import {
  checkReferenceKnobs,
  originalRunId,
  referenceCost,
  referenceName,
  referenceNote,
  referenceProblem,
  REFERENCE_TAG,
} from '../../../renderer/src/runs/reference-run';
import { runSummary } from './support';

const explicit = {
  type: 'explicit' as const,
  weights: [0.5, 0.5],
  means: [
    [0, 0],
    [1, 1],
  ],
  covariances: [
    [
      [1, 0],
      [0, 1],
    ],
    [
      [1, 0],
      [0, 1],
    ],
  ],
};
const original: RunRecord = {
  ...runSummary({ id: 'run-7', name: 'Two-modal', method: 'gmki-paper', nTheta: 2, forwardEvaluations: 450 }),
  problem: {
    format: 'gmki-problem/1',
    name: 'Two-modal',
    parameters: [{ name: 'a' }, { name: 'b' }],
    settings: resolveSettings({ method: 'gmki-paper', components: 2, initialization: explicit, seed: 5, concurrency: 2 }, { cpuCount: 2 }),
  },
};
const knobs = { particles: 400, mhSteps: 4, maxStages: 10 };

describe('referenceProblem', () => {
  it('is the problem as run with smc and the knobs, from the prior, the seed and concurrency kept', () => {
    const problem = referenceProblem(original.problem, knobs) as { settings: Record<string, unknown>; parameters: unknown };
    expect(problem.parameters).toBe(original.problem.parameters);
    expect(problem.settings).toMatchObject({ method: 'smc', particles: 400, mhSteps: 4, maxStages: 10, initialization: { type: 'prior' }, seed: 5, concurrency: 2 });
    expect(original.problem.settings.method).toBe('gmki-paper');
  });
});

describe('the link between a reference run and its original', () => {
  it('names the reference after the original and notes the original’s id, which originalRunId reads back', () => {
    expect(referenceName(original)).toBe('Reference (smc) for Two-modal');
    expect(referenceName({ name: 'x'.repeat(200) })).toHaveLength(200);
    const notes = referenceNote(original, knobs);
    expect(notes).toBe('Reference sampler for run run-7 (Two-modal): smc with 400 particles, at most 4 MH steps per stage and 10 stages.');
    expect(originalRunId({ notes, tags: [REFERENCE_TAG] })).toBe('run-7');
    expect(originalRunId({ notes, tags: [] })).toBeNull();
    expect(originalRunId({ notes: 'my own notes', tags: [REFERENCE_TAG] })).toBeNull();
  });
});

describe('checkReferenceKnobs', () => {
  it('accepts a budget inside core’s limits', () => {
    expect(checkReferenceKnobs(knobs, 2)).toEqual({});
  });

  it('names each knob out of range in the words of the problem’s checks', () => {
    expect(checkReferenceKnobs({ particles: 1, mhSteps: 0, maxStages: 2000 }, 2)).toEqual({
      particles: 'Particles J: expected an integer from 2 to 100000, got 1',
      mhSteps: 'MH steps per stage: expected an integer from 1 to 1000, got 0',
      maxStages: 'Most stages: expected an integer from 1 to 1000, got 2000',
    });
  });

  it('keeps 1 + stages·steps ≤ 10 000 and J·d ≤ 10⁷', () => {
    expect(checkReferenceKnobs({ particles: 400, mhSteps: 100, maxStages: 200 }, 2).maxStages).toBe(
      'Most stages: expected at most 99 with 100 MH steps (1 + stages·steps ≤ 10000 iterations), got 200',
    );
    expect(checkReferenceKnobs({ particles: 20_000, mhSteps: 4, maxStages: 10 }, 1000).particles).toBe(
      'Particles J: expected at most 10000 with 1000 parameters (J·d ≤ 10000000), got 20000',
    );
  });
});

describe('referenceCost', () => {
  const entry = (durationMs: number, error: string | null = null) => ({ durationMs, error }) as EvaluationEntry;

  it('is smc’s upper bound J·(1 + stages·steps), and its time from the median evaluation at the original’s concurrency', () => {
    const cost = referenceCost(original, knobs, [entry(10), entry(30), entry(20), entry(5000, 'crashed')]);
    expect(cost).toEqual({ evaluations: 400 * 41, iterations: 41, secondsPerEvaluation: 0.02, wallSeconds: (400 * 41 * 0.02) / 2, timesOriginal: (400 * 41) / 450 });
  });

  it('has no time without a ledger', () => {
    expect(referenceCost(original, knobs, [])).toMatchObject({ secondsPerEvaluation: null, wallSeconds: null });
  });
});
