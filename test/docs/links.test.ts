/**
 * The user docs stay whole: every relative link in README.md and docs/*.md points to a file or
 * folder of the repository (a heading, when it names one), and none leaves it — the design notes
 * outside the repository (../shared) exist only on the developers' machines.
 */
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../cli/helpers';

const PAGES = [
  'README.md',
  ...readdirSync(join(REPO_ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** Link targets of a Markdown text, outside fenced code blocks. */
function linkTargets(markdown: string): string[] {
  const prose = markdown.replace(/^```[\s\S]*?^```/gm, '');
  return [...prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((match) => match[1]!);
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
function anchorsOf(markdown: string): Set<string> {
  const headings = markdown.replace(/^```[\s\S]*?^```/gm, '').match(/^#{1,6} .*$/gm) ?? [];
  return new Set(
    headings.map((heading) =>
      heading
        .replace(/^#+ /, '')
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]/gu, '')
        .replace(/ /g, '-'),
    ),
  );
}

describe('links of the user docs', () => {
  it('finds the pages, and links in them', () => {
    expect(PAGES).toEqual(expect.arrayContaining(['README.md', 'docs/README.md', 'docs/cli.md', 'docs/models.md', 'docs/results.md', 'docs/architecture.md']));
    expect(linkTargets(readFileSync(join(REPO_ROOT, 'docs', 'README.md'), 'utf8')).length).toBeGreaterThan(5);
  });

  it.each(PAGES)('%s links only to files of the repository that exist', (page) => {
    const text = readFileSync(join(REPO_ROOT, page), 'utf8');
    const problems: string[] = [];
    for (const target of linkTargets(text)) {
      if (/^(https?|mailto):/.test(target)) continue;
      const [path, anchor] = target.split('#') as [string, string | undefined];
      const file = path === '' ? join(REPO_ROOT, page) : resolve(REPO_ROOT, dirname(page), decodeURIComponent(path));
      const inside = relative(REPO_ROOT, file);
      if (inside.startsWith('..') || /(^|\/)shared(\/|$)/.test(path)) {
        problems.push(`${target}: outside the repository`);
        continue;
      }
      if (!existsSync(file)) {
        problems.push(`${target}: no such file`);
        continue;
      }
      if (relative(REPO_ROOT, realpathSync(file)).startsWith('..')) problems.push(`${target}: leads outside the repository`);
      if (anchor && file.endsWith('.md') && !anchorsOf(readFileSync(file, 'utf8')).has(anchor)) problems.push(`${target}: no heading #${anchor}`);
    }
    expect(problems).toEqual([]);
  });
});
