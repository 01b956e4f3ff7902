/**
 * Sentences for requests that do not match their schema, naming the field:
 * `runId: expected a string, got 3`, `format: expected one of csv, json, npz, problem, got "pdf"`.
 */
import type { z } from 'zod';
import { describeValue, formatPath } from '../../../core/problem/describe';
import type { ErrorIssue } from '../../contract/result';

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  record: 'an object',
};

/** One issue per problem of the payload, each with its field path (`(request)` for the payload itself). */
export function requestIssues(error: z.ZodError): ErrorIssue[] {
  return error.issues.flatMap((issue): ErrorIssue[] => {
    const input = (issue as { input?: unknown }).input;
    switch (issue.code) {
      case 'unrecognized_keys':
        return issue.keys.map((key) => ({ path: pathOf([...issue.path, key]), message: 'unknown field' }));
      case 'invalid_type': {
        const expected = TYPE_WORDS[issue.expected] ?? issue.expected;
        return [{ path: pathOf(issue.path), message: `expected ${expected}, got ${describeValue(input)}` }];
      }
      case 'invalid_value':
        return [{ path: pathOf(issue.path), message: `expected one of ${issue.values.map(String).join(', ')}, got ${describeValue(input)}` }];
      case 'too_small':
      case 'too_big': {
        const word = issue.code === 'too_small' ? (issue.inclusive ? '≥' : '>') : issue.inclusive ? '≤' : '<';
        const what = issue.origin === 'string' ? 'a text of length' : issue.origin === 'array' ? 'a list of length' : 'a number';
        return [
          {
            path: pathOf(issue.path),
            message: `expected ${what} ${word} ${String(issue.code === 'too_small' ? issue.minimum : issue.maximum)}, got ${describeValue(input)}`,
          },
        ];
      }
      default:
        return [{ path: pathOf(issue.path), message: `${issue.message}, got ${describeValue(input)}` }];
    }
  });
}

/** `run/export: format: expected one of …` — all issues in one sentence. */
export function requestMessage(channel: string, issues: readonly ErrorIssue[]): string {
  return `invalid request for ${channel}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`;
}

function pathOf(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(request)' : formatPath(path);
}
