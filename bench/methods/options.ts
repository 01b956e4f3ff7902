/** bench:methods' command line: which problems, rivals, seeds and largest smc J; --quick for a smoke run. */
import { METHODS, type MethodName } from '../../core/problem/types';
import { BENCH_PROBLEMS, type BenchProblem } from './problems';

export const USAGE = `usage: npm run bench:methods -- [--quick] [--problems ID,…] [--methods NAME,…] [--seeds N | S1,S2,…] [--max-particles J]
  --quick          a smoke run: seed 1, smc J ≤ 2 000, the first budget series of each method (≈ 1 min)
  --problems       ${BENCH_PROBLEMS.map((p) => p.id).join(', ')} (default: all)
  --methods        rivals to climb: smc, dfgmvi, uki, eki, eks (default: all a problem can run; its anchors always run)
  --seeds          3 = seeds 1, 2, 3 (default), or a list
  --max-particles  the largest smc J tried (default 32000)`;

export interface BenchOptions {
  readonly problems: readonly BenchProblem[];
  /** The rivals to climb; undefined = every rival of each problem. */
  readonly methods: readonly MethodName[] | undefined;
  readonly seeds: readonly number[];
  readonly maxParticles: number;
  /** Only the first budget series of each method. */
  readonly firstSeriesOnly: boolean;
  readonly quick: boolean;
}

export type ParsedOptions = { readonly ok: true; readonly options: BenchOptions } | { readonly ok: false; readonly message: string; readonly help: boolean };

const VALUED = ['--problems', '--methods', '--seeds', '--max-particles'];

/** The options of `args` (process.argv after the script); explicit options override --quick's. */
export function parseOptions(args: readonly string[]): ParsedOptions {
  const values = new Map<string, string>();
  let quick = false;
  for (let i = 0; i < args.length; i++) {
    const name = args[i];
    if (name === '--help') return { ok: false, message: '', help: true };
    if (name === '--quick') {
      quick = true;
      continue;
    }
    if (!VALUED.includes(name)) return error(`unknown option ${name}`);
    const value = args[++i];
    if (value === undefined || value.startsWith('--')) return error(`${name} needs a value`);
    values.set(name, value);
  }
  const list = (name: string) =>
    values
      .get(name)
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const problemIds = list('--problems');
  const unknownProblem = problemIds?.find((id) => !BENCH_PROBLEMS.some((p) => p.id === id));
  if (unknownProblem !== undefined) return error(`--problems: no problem '${unknownProblem}'`);
  const methods = list('--methods');
  const unknownMethod = methods?.find((m) => !(METHODS as readonly string[]).includes(m));
  if (unknownMethod !== undefined) return error(`--methods: no method '${unknownMethod}'`);
  const seedText = values.get('--seeds') ?? (quick ? '1' : '3');
  const seeds = seedText.includes(',') ? seedText.split(',').map(Number) : Array.from({ length: Number(seedText) }, (_, i) => i + 1);
  if (seeds.length === 0 || !seeds.every((s) => Number.isInteger(s) && s >= 0))
    return error(`--seeds: expected a count ≥ 1 or a list of integers ≥ 0, got '${seedText}'`);
  const particlesText = values.get('--max-particles') ?? (quick ? '2000' : '32000');
  const maxParticles = Number(particlesText);
  if (!Number.isInteger(maxParticles) || maxParticles < 500) return error(`--max-particles: expected an integer ≥ 500, got '${particlesText}'`);
  return {
    ok: true,
    options: {
      problems: BENCH_PROBLEMS.filter((p) => !problemIds || problemIds.includes(p.id)),
      methods: methods as MethodName[] | undefined,
      seeds,
      maxParticles,
      firstSeriesOnly: quick,
      quick,
    },
  };
}

function error(message: string): ParsedOptions {
  return { ok: false, message, help: false };
}
