import { describe, expect, it } from 'vitest';
import { parseCommandArgs } from '../../electron/cli/args';
import { UsageError } from '../../electron/cli/errors';

function usageErrorOf(fn: () => unknown): UsageError {
  try {
    fn();
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error('expected a UsageError');
}

describe('parseCommandArgs', () => {
  it('reads run options and turns setting flags into numeric overrides', () => {
    expect(
      parseCommandArgs('run', [
        'p.gmki.json',
        '--out',
        'o',
        '--components',
        '2',
        '--dt=0.25',
        '--iterations',
        '3',
        '--seed',
        '7',
        '--posterior-samples',
        '10',
        '--concurrency',
        '4',
        '--json',
        '--force',
      ]),
    ).toEqual({
      command: 'run',
      options: {
        problemFile: 'p.gmki.json',
        out: 'o',
        overrides: { components: 2, dt: 0.25, iterations: 3, seed: 7, posteriorSamples: 10, concurrency: 4 },
        json: true,
        force: true,
      },
    });
  });

  it('treats --help of a command as a request for its help', () => {
    expect(parseCommandArgs('run', ['--help'])).toEqual({ command: 'help', topic: 'run' });
    expect(parseCommandArgs('examples', ['-h'])).toEqual({ command: 'help', topic: 'examples' });
  });

  it('defaults the examples folder to gmki-examples', () => {
    expect(parseCommandArgs('examples', [])).toEqual({ command: 'examples', options: { out: 'gmki-examples', force: false } });
  });

  it('rejects unknown options in one line with a usage hint', () => {
    const error = usageErrorOf(() => parseCommandArgs('run', ['p.json', '--bogus']));
    expect(error.exitStatus).toBe(2);
    expect(error.lines).toEqual(['gmki: run: unknown option --bogus', "Run 'gmki help run' for usage."]);
    expect(usageErrorOf(() => parseCommandArgs('run', ['p.json', '--dbb', 'x'])).lines[0]).toMatch(/unknown option --dbb/);
  });

  it('takes the run database from --db', () => {
    const parsed = parseCommandArgs('run', ['p.json', '--db', 'runs.sqlite']);
    expect(parsed.command === 'run' && parsed.options.db).toBe('runs.sqlite');
  });

  it('rejects a flag without its value, a non-number, and a wrong count of problem files', () => {
    expect(usageErrorOf(() => parseCommandArgs('run', ['p.json', '--out'])).lines[0]).toBe('gmki: run: option --out needs a value');
    expect(usageErrorOf(() => parseCommandArgs('run', ['p.json', '--dt', 'half'])).lines[0]).toBe("gmki: run: --dt: expected a number, got 'half'");
    expect(usageErrorOf(() => parseCommandArgs('validate', [])).lines[0]).toBe('gmki: validate: missing the problem file');
    expect(usageErrorOf(() => parseCommandArgs('validate', ['a', 'b'])).lines[0]).toMatch(/expected one problem file, got 2/);
  });

  it('builds the pages for serve unless --no-build', () => {
    expect(parseCommandArgs('serve', [])).toEqual({ command: 'serve', options: { port: 5391, db: undefined, build: true } });
    expect(parseCommandArgs('serve', ['--no-build', '--port', '0'])).toEqual({ command: 'serve', options: { port: 0, db: undefined, build: false } });
  });

  it('bounds runs extend --iterations like the iterations setting', () => {
    expect(parseCommandArgs('runs', ['extend', 'abc', '--iterations', '10000'])).toMatchObject({ options: { iterations: 10_000 } });
    expect(usageErrorOf(() => parseCommandArgs('runs', ['extend', 'abc', '--iterations', '10001'])).lines[0]).toBe(
      "gmki: runs extend: --iterations: expected an integer from 1 to 10000, got '10001'",
    );
  });
});
