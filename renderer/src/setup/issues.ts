/**
 * Where a problem error belongs on the run-setup screen: on a settings field (same JSON paths as
 * problem/validate and run/start report), on the initialization row, or in the problem summary
 * (parameters, observations, model: the editor's business).
 */
import { FIELDS, type FieldKey } from './fields';

export interface Issue {
  readonly path: string;
  readonly message: string;
}

export interface SortedIssues {
  /** One message per field (the first, the most specific path wins). */
  readonly fields: Partial<Record<FieldKey, string>>;
  readonly initialization: string | null;
  /** Everything else, with its path, for the summary. */
  readonly problem: readonly Issue[];
}

/** The field of a settings path: the longest field path that is the path or a prefix of it. */
export function fieldOfPath(path: string): FieldKey | null {
  let best: { key: FieldKey; length: number } | null = null;
  for (const field of FIELDS) {
    const matches = path === field.path || path.startsWith(`${field.path}.`) || path.startsWith(`${field.path}[`);
    if (matches && (!best || field.path.length > best.length)) best = { key: field.key, length: field.path.length };
  }
  return best?.key ?? null;
}

export function sortIssues(issues: readonly Issue[]): SortedIssues {
  const fields: Partial<Record<FieldKey, string>> = {};
  let initialization: string | null = null;
  const problem: Issue[] = [];
  for (const issue of issues) {
    if (issue.path === 'settings.initialization' || issue.path.startsWith('settings.initialization.') || issue.path.startsWith('settings.initialization[')) {
      initialization ??= `${issue.path}: ${issue.message}`;
      continue;
    }
    const key = fieldOfPath(issue.path);
    if (key) {
      const label = FIELDS.find((field) => field.key === key)!.label;
      fields[key] ??= `${label}: ${issue.message}`;
    } else problem.push(issue);
  }
  return { fields, initialization, problem };
}
