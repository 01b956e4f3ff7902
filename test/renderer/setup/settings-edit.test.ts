import { describe, expect, it } from 'vitest';
import { effectiveValue, explicitInitializationSize, readField, withPriorInitialization, writeField } from '../../../renderer/src/setup/settings-edit';

// As settings/defaults answers on a 4-core machine.
const DEFAULTS = {
  method: 'gmki-robust',
  components: 3,
  dt: 0.5,
  iterations: 30,
  seed: 1,
  initialization: { type: 'prior' },
  exploration: { method: 'monte-carlo', samples: 10_000 },
  minWeight: 1e-15,
  sigmaPointAlpha: null,
  splitThreshold: 1,
  settleIterations: null,
  modeSearch: true,
  concurrency: 4,
  posteriorSamples: 10_000,
};

describe('writeField', () => {
  it('writes a value that differs from the default and leaves the other keys alone', () => {
    const init = { type: 'explicit', weights: [0.5, 0.5], means: [[0], [1]], covariances: [[[1]], [[1]]] };
    expect(writeField({ iterations: 20, initialization: init }, DEFAULTS, 'components', 5)).toEqual({ iterations: 20, initialization: init, components: 5 });
  });

  it('removes a field set back to its default, or reset (undefined)', () => {
    expect(writeField({ components: 5, dt: 0.3 }, DEFAULTS, 'components', 3)).toEqual({ dt: 0.3 });
    expect(writeField({ components: 5, dt: 0.3 }, DEFAULTS, 'dt', undefined)).toEqual({ components: 5 });
    expect(writeField({ concurrency: 2 }, DEFAULTS, 'concurrency', 4)).toEqual({});
  });

  it('keeps an explicit null out of the file when null is the default (sigma-point α automatic)', () => {
    expect(writeField({ sigmaPointAlpha: 0.001 }, DEFAULTS, 'sigmaPointAlpha', null)).toEqual({});
    expect(writeField({}, DEFAULTS, 'sigmaPointAlpha', 0.001)).toEqual({ sigmaPointAlpha: 0.001 });
  });

  it('writes exploration as the file nests it, and only what differs', () => {
    expect(writeField({}, DEFAULTS, 'explorationSamples', 2000)).toEqual({ exploration: { method: 'monte-carlo', samples: 2000 } });
    expect(writeField({}, DEFAULTS, 'explorationMethod', 'disjoint')).toEqual({ exploration: { method: 'disjoint' } });
    expect(writeField({ exploration: { method: 'disjoint' } }, DEFAULTS, 'explorationMethod', 'monte-carlo')).toEqual({});
    expect(writeField({ exploration: { method: 'monte-carlo', samples: 2000 } }, DEFAULTS, 'explorationSamples', 10_000)).toEqual({});
    expect(writeField({ exploration: { method: 'monte-carlo', samples: 2000 } }, DEFAULTS, 'explorationSamples', undefined)).toEqual({});
  });

  it('does not change the settings it was given', () => {
    const settings = { components: 5 };
    writeField(settings, DEFAULTS, 'components', 7);
    expect(settings).toEqual({ components: 5 });
  });
});

describe('reading', () => {
  it('reads what the file writes, and the default where it writes nothing', () => {
    const settings = { components: 6, exploration: { method: 'monte-carlo', samples: 500 } };
    expect(readField(settings, 'components')).toBe(6);
    expect(readField(settings, 'dt')).toBeUndefined();
    expect(readField(settings, 'explorationSamples')).toBe(500);
    expect(effectiveValue(settings, DEFAULTS, 'dt')).toBe(0.5);
    expect(effectiveValue(settings, DEFAULTS, 'explorationMethod')).toBe('monte-carlo');
    expect(effectiveValue({}, DEFAULTS, 'explorationSamples')).toBe(10_000);
  });

  it('has no sample count for the disjoint exploration', () => {
    expect(effectiveValue({ exploration: { method: 'disjoint' } }, DEFAULTS, 'explorationSamples')).toBeUndefined();
  });

  it('knows the size of an explicit initialization and can go back to the prior', () => {
    const settings = { components: 3, initialization: { type: 'explicit', weights: [0.2, 0.3, 0.5], means: [], covariances: [] } };
    expect(explicitInitializationSize(settings)).toBe(3);
    expect(explicitInitializationSize({ initialization: { type: 'prior' } })).toBeNull();
    expect(withPriorInitialization(settings)).toEqual({ components: 3 });
  });
});
