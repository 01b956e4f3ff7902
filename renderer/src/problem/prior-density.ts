/**
 * The prior density of one parameter in physical units, as the run will use it: for a bounded
 * parameter the Gaussian in u found by core's `constrainedGaussian`, pushed through the
 * parameter's transform (density × |du/dθ|), problem-format.md §1.1.
 */
import type { EChartsOption } from 'echarts';
import { constrainedGaussian, transformFor, type PhysicalPrior } from '../../../core/problem/transforms';
import { axisStyle, formatTick, LIGHT_THEME, type ChartTheme } from '../charts/theme';
import { componentColor } from '../charts/palette';

export type PriorCurve =
  | {
      readonly ok: true;
      /** [θ, p(θ)] ordered by θ. */
      readonly points: readonly (readonly [number, number])[];
      /** The Gaussian in u (= θ without bounds). */
      readonly u: { readonly mean: number; readonly std: number };
    }
  | { readonly ok: false; readonly message: string };

/** |du/dθ| of the transform for these bounds. */
function jacobian(theta: number, lower?: number, upper?: number): number {
  if (lower !== undefined && upper !== undefined) return 1 / (theta - lower) + 1 / (upper - theta);
  if (lower !== undefined) return 1 / (theta - lower);
  if (upper !== undefined) return 1 / (upper - theta);
  return 1;
}

/**
 * p(θ) on θ points spread evenly in θ and in u (u from μ − 4σ to μ + 4σ), so that both the peak
 * near a bound and a long tail are drawn.
 */
export function priorCurve(prior: PhysicalPrior, points = 120): PriorCurve {
  if (!(Number.isFinite(prior.mean) && prior.std > 0 && Number.isFinite(prior.std))) {
    return { ok: false, message: 'Enter a mean and a std > 0 to see the prior.' };
  }
  const gaussian = constrainedGaussian(prior);
  if (!gaussian.ok) return { ok: false, message: gaussian.message };
  const transform = transformFor(prior);
  const { mean, std } = gaussian;
  const uGrid = Array.from({ length: points }, (_, i) => mean - 4 * std + (8 * std * i) / (points - 1));
  const thetaFromU = uGrid.map((u) => transform.toPhysical(u));
  const low = Math.min(...thetaFromU);
  const high = Math.max(...thetaFromU);
  const even = Array.from({ length: points }, (_, i) => low + ((high - low) * i) / (points - 1));
  const thetas = [...new Set([...thetaFromU, ...even])]
    .filter((t) => Number.isFinite(t) && (prior.lower === undefined || t > prior.lower) && (prior.upper === undefined || t < prior.upper))
    .sort((a, b) => a - b);
  const normal = (u: number) => Math.exp(-0.5 * ((u - mean) / std) ** 2) / (std * Math.sqrt(2 * Math.PI));
  return {
    ok: true,
    u: { mean, std },
    points: thetas.map((t) => [t, normal(transform.toUnconstrained(t)) * jacobian(t, prior.lower, prior.upper)] as const),
  };
}

/** A small density chart of one parameter's prior, with its bounds as dashed lines. */
export function priorChart(name: string, prior: PhysicalPrior, curve: PriorCurve & { ok: true }, theme: ChartTheme = LIGHT_THEME): EChartsOption {
  const axis = axisStyle(theme);
  const colour = componentColor(0, theme);
  const bounds = [prior.lower, prior.upper].filter((b): b is number => b !== undefined);
  return {
    animation: false,
    backgroundColor: 'transparent',
    grid: { left: 56, right: 16, top: 40, bottom: 36 },
    title: {
      text: `Prior of ${name || 'this parameter'} (physical units)`,
      left: 'center',
      top: 4,
      textStyle: { fontSize: 12, color: theme.text, fontWeight: 'normal' },
    },
    tooltip: { trigger: 'axis', valueFormatter: (v) => formatTick(Number(v)) },
    xAxis: { ...axis, type: 'value', scale: true, name: name, nameLocation: 'middle', nameGap: 24, axisLabel: { ...axis.axisLabel, formatter: formatTick } },
    yAxis: { ...axis, type: 'value', name: 'density', nameLocation: 'middle', nameGap: 42, axisLabel: { ...axis.axisLabel, formatter: formatTick } },
    series: [
      {
        type: 'line',
        name: 'prior density',
        data: curve.points.map(([t, p]) => [t, p]),
        showSymbol: false,
        lineStyle: { width: 2, color: colour },
        itemStyle: { color: colour },
        areaStyle: { opacity: 0.15, color: colour },
        markLine: bounds.length
          ? {
              silent: true,
              symbol: 'none',
              lineStyle: { type: 'dashed', color: theme.mutedText },
              label: { color: theme.mutedText, formatter: 'bound' },
              data: bounds.map((b) => ({ xAxis: b })),
            }
          : undefined,
      },
    ],
  };
}
