/**
 * zod issues → ProblemErrors: one error per offending field, each with its JSON path.
 * Messages were already worded by the schema's builders; here unknown-key issues are split into
 * one error per key, and failed unions report the branch that matched the value's type.
 */
import type { ProblemError } from './types';
import { describeValue, formatPath } from './describe';
import { UNKNOWN_KEY_SEPARATOR } from './schema-builders';

/** The fields of a finalised zod issue this module reads. */
export interface IssueRecord {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly keys?: readonly string[];
  readonly errors?: readonly (readonly IssueRecord[])[];
  readonly input?: unknown;
}

/** Converts issues (parsed with `reportInput: true`) into ProblemErrors, paths prefixed by `prefix`. */
export function issuesToProblemErrors(issues: readonly IssueRecord[], prefix: readonly PropertyKey[] = []): ProblemError[] {
  const out: ProblemError[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      const lines = issue.message.split(UNKNOWN_KEY_SEPARATOR);
      issue.keys.forEach((key, i) => out.push({ path: formatPath([...path, key]), message: lines[i] ?? `unknown key ${JSON.stringify(key)}` }));
      continue;
    }
    if (issue.code === 'invalid_union' && issue.errors && issue.errors.length > 0) {
      // A branch whose own type matched (no type error at its root) explains the failure best:
      // for `"std": [1, -2]` that is the array branch's `std[1]`, not "expected a number".
      const matching = issue.errors.filter((branch) => !branch.some((e) => e.path.length === 0 && e.code === 'invalid_type'));
      if (matching.length === 1) {
        out.push(...issuesToProblemErrors(matching[0], path));
        continue;
      }
    }
    out.push({ path: formatPath(path), message: issue.message || `invalid value ${describeValue(issue.input)}` });
  }
  return out;
}
