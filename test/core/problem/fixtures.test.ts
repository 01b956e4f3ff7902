import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseProblem } from '../../../core/problem/index';

const FIXTURES = fileURLToPath(new URL('../../fixtures/problems/', import.meta.url));
const BAD = join(FIXTURES, 'bad');
const GOOD = join(FIXTURES, 'good');

interface Expectation {
  readonly breaks: string;
  readonly errors: readonly { readonly path: string; readonly message: string }[];
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const problemFiles = (folder: string): string[] =>
  readdirSync(folder)
    .filter((f) => f.endsWith('.gmki.json'))
    .sort();
const expected = readJson(join(BAD, 'expected.json')) as Record<string, Expectation>;
const readme = readFileSync(join(BAD, 'README.md'), 'utf8');

describe('malformed problem fixtures', () => {
  it('has an expectation for every file and a file for every expectation', () => {
    expect(problemFiles(BAD)).toEqual(Object.keys(expected).sort());
    expect(problemFiles(BAD).length).toBeGreaterThanOrEqual(12);
  });

  it.each(problemFiles(BAD))('%s is rejected with exactly the documented errors', (file) => {
    const result = parseProblem(readJson(join(BAD, file)));
    expect(result.ok ? [] : result.errors).toEqual(expected[file].errors);
  });

  it.each(problemFiles(BAD))('%s is listed in the README with its paths', (file) => {
    const row = readme.split('\n').find((line) => line.startsWith(`| \`${file}\``));
    expect(row, `README row for ${file}`).toBeDefined();
    for (const error of expected[file].errors) expect(row).toContain(`\`${error.path}\``);
  });
});

describe('valid problem fixtures', () => {
  it.each(problemFiles(GOOD))('%s parses', (file) => {
    const result = parseProblem(readJson(join(GOOD, file)));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });
});
