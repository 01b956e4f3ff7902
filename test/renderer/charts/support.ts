/**
 * Fixtures for the chart tests: small mixtures with known moments, a synthetic run history, and
 * a check that ECharts itself accepts an option (server-side SVG rendering in Node runs every
 * renderItem and layout step a browser would).
 */
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';
import { mixtureFromJson } from '../../../core/gmki/state';
import type { Mixture } from '../../../core/gmki/state';
import type { ChartHistory } from '../../../renderer/src/charts/history';

/** A 1×1 transparent PNG, standing in for the canvas the chart component would make. */
export const PIXEL_PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

/** Two well-separated components in 3-D with correlated covariances. */
export function twoComponentMixture(): Mixture {
  return mixtureFromJson({
    weights: [0.7, 0.3],
    means: [
      [-1, 0.5, 2],
      [1.5, -0.5, 1],
    ],
    covariances: [
      [
        [0.3, 0.1, 0],
        [0.1, 0.2, 0.05],
        [0, 0.05, 0.4],
      ],
      [
        [0.2, -0.05, 0],
        [-0.05, 0.1, 0],
        [0, 0, 0.3],
      ],
    ],
  });
}

/** One Gaussian N(mean, cov) in d dimensions. */
export function singleGaussian(mean: number[], cov: number[][]): Mixture {
  return mixtureFromJson({ weights: [1], means: [mean], covariances: [cov] });
}

/**
 * A d-dimensional K-component mixture with seeded pseudo-random means and diagonal-dominant
 * covariances (a fixed LCG, so every run sees the same mixture).
 */
export function randomMixture(d: number, K: number, seed = 1): Mixture {
  let state = seed >>> 0;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const weights = Array.from({ length: K }, () => 0.2 + next());
  const means = Array.from({ length: K }, () => Array.from({ length: d }, () => 4 * next() - 2));
  const covariances = Array.from({ length: K }, () => {
    const c = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? 0.05 + 0.2 * next() : 0)));
    for (let i = 0; i < d; i++) for (let j = 0; j < i; j++) c[i][j] = c[j][i] = 0.3 * Math.sqrt(c[i][i] * c[j][j]) * (2 * next() - 1);
    return c;
  });
  return mixtureFromJson({ weights, means, covariances });
}

/**
 * A run's history: component 1 collapses to 1e-15 and revives, component 0 takes the rest;
 * iteration 0 has no diagnostics (as the engine stores it).
 */
export function syntheticHistory(iterations = 10): ChartHistory {
  const out = [];
  for (let t = 0; t <= iterations; t++) {
    const w1 = t < 4 ? 0.5 / (t + 1) : t < 7 ? 1e-15 : 0.2;
    const mixture = mixtureFromJson({
      weights: [1 - w1, w1],
      means: [
        [-1 + 0.05 * t, 2],
        [1, -2 + 0.1 * t],
      ],
      covariances: [
        [
          [0.5 / (t + 1), 0],
          [0, 0.3],
        ],
        [
          [0.4, 0.1],
          [0.1, 0.2 / (t + 1)],
        ],
      ],
    });
    out.push(t === 0 ? { iteration: t, mixture } : { iteration: t, mixture, diagnostics: { misfit: [100 / (t * t), t === 5 ? 0 : 50 / t] } });
  }
  return out;
}

/** A series as ECharts holds it after drawing an option. */
export interface DrawnSeries {
  readonly type: string;
  readonly name: string | undefined;
  readonly points: number;
}

/**
 * Draws `option` with ECharts in Node (SVG, server side: every layout and renderItem step runs,
 * and an option ECharts rejects throws) and returns its series as ECharts then holds them.
 */
export function drawnSeries(option: EChartsOption, width = 800, height = 600): DrawnSeries[] {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    chart.renderToSVGString();
    const series = (chart.getOption().series ?? []) as { type: string; name?: string; data?: ArrayLike<unknown> }[];
    return series.map((s) => ({ type: s.type, name: s.name, points: s.data?.length ?? 0 }));
  } finally {
    chart.dispose();
  }
}

/** What drawnSeries should find for an option: its own series, one for one. */
export function seriesSummary(option: EChartsOption): DrawnSeries[] {
  return seriesOf(option).map((s) => ({ type: s.type as string, name: s.name as string | undefined, points: (s.data as unknown[] | undefined)?.length ?? 0 }));
}

/** Renders `option` to SVG with ECharts in Node; throws if ECharts rejects the option. */
export function renderToSvg(option: EChartsOption, width = 800, height = 600): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Trapezoid rule ∫ y dx. */
export function trapezoid(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let sum = 0;
  for (let a = 1; a < x.length; a++) sum += 0.5 * (x[a] - x[a - 1]) * (y[a] + y[a - 1]);
  return sum;
}

/** The option's series as an array of plain records. */
export function seriesOf(option: EChartsOption): Record<string, unknown>[] {
  const series = option.series;
  return (Array.isArray(series) ? series : series ? [series] : []) as Record<string, unknown>[];
}
