/**
 * Monitor charts of the methods beside GMKI, which have no mixture weights to follow: smc's
 * tempering (β, the ESS each stage kept, the MH acceptance: all fractions in [0, 1], one axis) and
 * the ensemble spread of eki and eks (each parameter's standard deviation, log axis).
 */
import type { EChartsOption, LineSeriesOption } from 'echarts';
import type { SmcDiagnostics } from '../../../core/inversion/types';
import type { ChartHistory } from './history';
import { componentColor } from './palette';
import { axisStyle, commonOption, LIGHT_THEME, sideName } from './theme';
import type { ChartOptions, ChartTheme } from './theme';

type Point = [number, number | null];

/** An entry's smc figures, where the history carries them. */
function smcOf(entry: ChartHistory[number]): SmcDiagnostics | undefined {
  return entry.diagnostics?.smc;
}

function iterationAxis(theme: ChartTheme) {
  return { type: 'value' as const, name: 'Iteration', nameLocation: 'middle' as const, nameGap: 26, minInterval: 1, ...axisStyle(theme) };
}

function line(name: string, colour: string, data: Point[], dashed = false): LineSeriesOption {
  return { type: 'line', name, data, showSymbol: false, connectNulls: false, color: colour, lineStyle: { width: 1.5, ...(dashed ? { type: 'dashed' as const } : {}) } };
}

/** Options of temperingChart. */
export interface TemperingChartOptions extends ChartOptions {
  /** J, to show the ESS as a fraction of the particles. */
  readonly particles: number;
}

/**
 * smc's tempering against the iteration: β (a step up starts a stage, the flat stretch after it
 * is the stage's MH steps; 1 is the posterior), the effective sample size the stage's reweighting
 * kept as a fraction of J, and the acceptance of the stage's MH steps so far (a gap before the
 * stage's first step). Entries without smc figures (iteration 0) are gaps.
 */
export function temperingChart(history: ChartHistory, options: TemperingChartOptions): EChartsOption {
  const theme = options.theme ?? LIGHT_THEME;
  const points = (value: (smc: SmcDiagnostics) => number | null): Point[] =>
    history.map((entry) => {
      const smc = smcOf(entry);
      const y = smc ? value(smc) : null;
      return [entry.iteration, y === null || !Number.isFinite(y) ? null : y];
    });
  const series = [
    {
      ...line(
        'β (1 = posterior)',
        componentColor(0, theme),
        points((smc) => smc.beta),
      ),
      lineStyle: { width: 2.5 },
    },
    line(
      'ESS / J',
      componentColor(1, theme),
      points((smc) => (smc.stage > 0 ? smc.ess / options.particles : null)),
    ),
    line(
      'MH acceptance',
      componentColor(2, theme),
      points((smc) => smc.acceptance),
      true,
    ),
  ];
  return {
    ...commonOption(theme),
    grid: { left: 64, right: 16, top: 36, bottom: 40 },
    xAxis: iterationAxis(theme),
    yAxis: { type: 'value', ...sideName('Fraction'), min: 0, max: 1, ...axisStyle(theme) },
    series,
  };
}

/** Options of spreadChart. */
export interface SpreadChartOptions extends ChartOptions {
  /** The parameters' names (default θ1…θd). */
  readonly names?: readonly string[];
  /** More parameters than this are summarised by the smallest, median and largest spread (default 8). */
  readonly maxLines?: number;
}

/**
 * The ensemble's spread against the iteration: each parameter's standard deviation, √C_ii of the
 * ensemble's Gaussian summary (in the unconstrained u, = θ where a parameter has no bounds), on a
 * log axis; beyond `maxLines` parameters, the smallest, median and largest of them.
 */
export function spreadChart(history: ChartHistory, options: SpreadChartOptions = {}): EChartsOption {
  const theme = options.theme ?? LIGHT_THEME;
  const d = history.reduce((most, entry) => Math.max(most, entry.mixture.nTheta), 0);
  const stds = history.map((entry) => {
    const { nTheta, covariances } = entry.mixture;
    return Array.from({ length: nTheta }, (_, i) => Math.sqrt(covariances[i * nTheta + i]!));
  });
  const positive = (x: number | undefined): number | null => (x !== undefined && Number.isFinite(x) && x > 0 ? x : null);
  const series: LineSeriesOption[] = [];
  if (d <= (options.maxLines ?? 8)) {
    for (let i = 0; i < d; i++) {
      const name = options.names?.[i] ?? `θ${i + 1}`;
      series.push(
        line(
          name,
          componentColor(i, theme),
          history.map((entry, n) => [entry.iteration, positive(stds[n]![i])]),
        ),
      );
    }
  } else {
    const pick = (q: (sorted: number[]) => number | undefined) => history.map((entry, n): Point => [entry.iteration, positive(q([...stds[n]!].sort((a, b) => a - b)))]);
    series.push(
      line(
        'largest',
        componentColor(0, theme),
        pick((s) => s.at(-1)),
      ),
      line(
        'median',
        componentColor(1, theme),
        pick((s) => s[Math.floor((s.length - 1) / 2)]),
      ),
      line(
        'smallest',
        componentColor(2, theme),
        pick((s) => s[0]),
      ),
    );
  }
  return {
    ...commonOption(theme),
    grid: { left: 64, right: 16, top: 36, bottom: 40 },
    xAxis: iterationAxis(theme),
    yAxis: { type: 'log', ...sideName('Standard deviation'), ...axisStyle(theme) },
    series,
  };
}
