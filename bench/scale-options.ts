/** The options of `npm run bench:scale` (bench/scale.ts); a wrong one stops it with a message naming it. */
import { GMKI_METHODS } from '../core/problem/types';

export interface ScaleOptions {
  readonly iterations?: number;
  readonly components?: number;
  readonly method?: string;
  readonly concurrency?: number;
  readonly seed?: number;
  /** Start from the prior initialisation's means with covariances c·I instead of the prior's. */
  readonly initialCovariance?: number;
  /** Also write the figures to this file. */
  readonly json?: string;
}

const INTEGER_OPTIONS = { '--iterations': 'iterations', '--components': 'components', '--concurrency': 'concurrency', '--seed': 'seed' } as const;

export function parseScaleOptions(args: readonly string[]): ScaleOptions {
  const options: Record<string, number | string> = {};
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i]!;
    const value = args[i + 1];
    if (value === undefined) throw new Error(`bench:scale: ${name} needs a value`);
    if (name in INTEGER_OPTIONS) {
      const number = Number(value);
      if (!Number.isSafeInteger(number) || number < 0) throw new Error(`bench:scale: ${name}: expected a whole number, got ${value}`);
      options[INTEGER_OPTIONS[name as keyof typeof INTEGER_OPTIONS]] = number;
    } else if (name === '--method') {
      if (!(GMKI_METHODS as readonly string[]).includes(value)) throw new Error(`bench:scale: --method: expected one of ${GMKI_METHODS.join(', ')}, got ${value}`);
      options.method = value;
    } else if (name === '--initial-covariance') {
      const number = Number(value);
      if (!(number > 0 && Number.isFinite(number))) throw new Error(`bench:scale: --initial-covariance: expected a positive number, got ${value}`);
      options.initialCovariance = number;
    } else if (name === '--json') {
      options.json = value;
    } else {
      throw new Error(`bench:scale: unknown option ${name} (options: ${[...Object.keys(INTEGER_OPTIONS), '--method', '--initial-covariance', '--json'].join(', ')})`);
    }
  }
  return options;
}
