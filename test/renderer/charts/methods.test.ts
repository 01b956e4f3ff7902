// The monitor charts of the methods without weights (charts/methods.ts): smc's tempering and the
// ensemble spread of eki/eks, checked for what they draw and drawn by ECharts itself.
import { describe, expect, it } from 'vitest';
import type { SmcDiagnostics } from '../../../core/inversion/types';
import type { ChartHistory } from '../../../renderer/src/charts/history';
import { spreadChart, temperingChart } from '../../../renderer/src/charts/methods';
import { DARK_THEME } from '../../../renderer/src/charts/theme';
import { renderToSvg, seriesOf, singleGaussian } from './support';

function smc(stage: number, beta: number, ess: number, acceptance: number | null): SmcDiagnostics {
  return { stage, beta, ess, logEvidence: beta === 1 ? -2.9 : null, step: 1, steps: 3, acceptance, scale: 0.5, finished: false };
}

/** Iteration 0 (no figures), then stage 1 at β = 0.2 for two MH steps, then stage 2 at β = 1. */
const tempering: ChartHistory = [
  {
    iteration: 0,
    mixture: singleGaussian(
      [0, 0],
      [
        [1, 0],
        [0, 1],
      ],
    ),
  },
  {
    iteration: 1,
    mixture: singleGaussian(
      [0, 0],
      [
        [1, 0],
        [0, 1],
      ],
    ),
    diagnostics: { misfit: [2], smc: smc(1, 0.2, 50, null) },
  },
  {
    iteration: 2,
    mixture: singleGaussian(
      [0, 0],
      [
        [1, 0],
        [0, 1],
      ],
    ),
    diagnostics: { misfit: [2], smc: smc(1, 0.2, 50, 0.3) },
  },
  {
    iteration: 3,
    mixture: singleGaussian(
      [0, 0],
      [
        [1, 0],
        [0, 1],
      ],
    ),
    diagnostics: { misfit: [2], smc: smc(2, 1, 80, 0.25) },
  },
];

describe('temperingChart', () => {
  it('draws β, ESS as a fraction of J and the acceptance on one axis from 0 to 1, gaps where there is no figure', () => {
    const option = temperingChart(tempering, { particles: 100 });
    const series = seriesOf(option);
    expect(series.map((s) => s.name)).toEqual(['β (1 = posterior)', 'ESS / J', 'MH acceptance']);
    expect(series[0]!.data).toEqual([
      [0, null],
      [1, 0.2],
      [2, 0.2],
      [3, 1],
    ]);
    expect(series[1]!.data).toEqual([
      [0, null],
      [1, 0.5],
      [2, 0.5],
      [3, 0.8],
    ]);
    expect(series[2]!.data).toEqual([
      [0, null],
      [1, null],
      [2, 0.3],
      [3, 0.25],
    ]);
    expect(option.yAxis).toMatchObject({ type: 'value', min: 0, max: 1, name: 'Fraction' });
    expect(renderToSvg(temperingChart(tempering, { particles: 100, theme: DARK_THEME }))).toContain('<svg');
  });
});

describe('spreadChart', () => {
  const spread: ChartHistory = [0, 1, 2].map((iteration) => ({
    iteration,
    mixture: singleGaussian(
      [0, 0],
      [
        [4 / 4 ** iteration, 0],
        [0, 1],
      ],
    ),
  }));

  it('draws each parameter’s standard deviation √C_ii against the iteration, on a log axis, named', () => {
    const option = spreadChart(spread, { names: ['a', 'b'] });
    const series = seriesOf(option);
    expect(series.map((s) => s.name)).toEqual(['a', 'b']);
    expect(series[0]!.data).toEqual([
      [0, 2],
      [1, 1],
      [2, 0.5],
    ]);
    expect(series[1]!.data).toEqual([
      [0, 1],
      [1, 1],
      [2, 1],
    ]);
    expect(option.yAxis).toMatchObject({ type: 'log', name: 'Standard deviation' });
    expect(renderToSvg(option)).toContain('<svg');
  });

  it('summarises many parameters by the largest, median and smallest spread', () => {
    const many: ChartHistory = [
      {
        iteration: 1,
        mixture: singleGaussian(
          [0, 0, 0],
          [
            [9, 0, 0],
            [0, 1, 0],
            [0, 0, 0.25],
          ],
        ),
      },
    ];
    const series = seriesOf(spreadChart(many, { maxLines: 2 }));
    expect(series.map((s) => [s.name, (s.data as [number, number][])[0]![1]])).toEqual([
      ['largest', 3],
      ['median', 1],
      ['smallest', 0.5],
    ]);
  });
});
