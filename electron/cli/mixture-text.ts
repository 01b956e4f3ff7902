/**
 * A mixture as people read it on a terminal, for `gmki run`'s end summary and `gmki runs show`:
 * per component (GMKI; the one Gaussian of other methods) its heading, then each parameter by
 * name in physical units.
 */
import type { Mixture } from '../../core/gmki/state';
import type { ParameterTransform, ProblemReference } from '../../core/problem/types';
import { referenceDistances, type ReferenceDistance } from '../../core/results/reference';
import { summarizeMixture } from '../../core/results/summary';
import { formatNumber } from './format';
import { resultHeading } from './method-lines';

/** Parameters listed per component; more go to mixture.json only, so d = 128 stays readable. */
const MAX_PARAMETERS_SHOWN = 10;

export interface MixtureText {
  /** `component 1  weight 0.62` (resultHeading), then one line per parameter (indented by two spaces more). */
  readonly lines: readonly string[];
  /** One sentence saying what the numbers are. */
  readonly legend: string;
}

/**
 * Per component: weight (and the distance to the problem's reference, if it has one), then per
 * parameter mean ± std (unbounded) or median and central 95 % interval (bounded). The transforms
 * are monotone, so the u-quantiles map to the exact θ-quantiles of the component; a u-mean ± std
 * would not be physical.
 * @param options `method`: settings.method, for the headings (absent: GMKI's); `indent`: put
 *   before every line
 */
export function formatMixture(
  mixture: Mixture,
  parameterNames: readonly string[],
  transforms: readonly ParameterTransform[],
  options: { readonly reference?: ProblemReference | null; readonly method?: string; readonly indent?: string } = {},
): MixtureText {
  const indent = options.indent ?? '';
  const reference = options.reference ?? null;
  const shown = Math.min(parameterNames.length, MAX_PARAMETERS_SHOWN);
  const nameWidth = Math.max(...parameterNames.slice(0, shown).map((name) => name.length));
  const distances = reference ? referenceDistances(mixture, transforms, reference) : null;
  const lines: string[] = [];
  let anyBounded = false;
  let anyUnbounded = false;
  summarizeMixture(mixture).components.forEach((component, k) => {
    const toReference = distances && reference ? `  ${formatReferenceDistance(distances[k]!, reference.label)}` : '';
    lines.push(`${indent}${resultHeading(options.method ?? 'gmki-robust', k, component.weight)}${toReference}`);
    for (let i = 0; i < shown; i++) {
      const transform = transforms[i]!;
      const m = component.mean[i]!;
      const s = component.std[i]!;
      let text: string;
      if (transform.kind === 'identity') {
        anyUnbounded = true;
        text = `${formatNumber(m)} ± ${formatNumber(s)}`;
      } else {
        anyBounded = true;
        const [low, high] = [transform.toPhysical(m - 1.96 * s), transform.toPhysical(m + 1.96 * s)].sort((a, b) => a - b);
        text = `${formatNumber(transform.toPhysical(m))}  (95 %: ${formatNumber(low!)} to ${formatNumber(high!)})`;
      }
      lines.push(`${indent}  ${parameterNames[i]!.padEnd(nameWidth)}  ${text}`);
    }
    if (shown < parameterNames.length) lines.push(`${indent}  … ${parameterNames.length - shown} more parameters in mixture.json`);
  });
  return { lines, legend: legend(anyUnbounded, anyBounded) };
}

function legend(anyUnbounded: boolean, anyBounded: boolean): string {
  const interval = 'median and central 95 % interval (physical units)';
  if (anyUnbounded && anyBounded) return `Unbounded parameters: mean ± std. Bounded parameters: ${interval}.`;
  return anyBounded ? `Values are the ${interval} per component.` : 'Values are mean ± std per component.';
}

/** `distance to truth 12.3 (relative error 0.4812)`: one component's distance to the reference. */
export function formatReferenceDistance(distance: ReferenceDistance, label: string): string {
  const relative = distance.relativeError === null ? '' : ` (relative error ${formatNumber(distance.relativeError)})`;
  return `distance to ${label} ${formatNumber(distance.distance)}${relative}`;
}
