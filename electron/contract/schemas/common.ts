/** Building blocks of the request schemas, with limits so that no request can ask for unbounded work. */
import { z } from 'zod';

/** A run's or a saved problem's id. */
export const id = z.string().min(1).max(200);

/** A name a user gives (trimmed; the store refuses empty ones). */
export const name = z.string().trim().min(1).max(200);

/** A problem file's JSON content; its rules are checked by core's parseProblem, all errors at once. */
export const problemJson = z.record(z.string(), z.unknown());

// No node:path here (the renderer compiles against the contract): POSIX `/…`, Windows `C:\…` or `\\server\…`.
const ABSOLUTE_PATH = /^(\/|[A-Za-z]:[\\/]|\\\\)/;

/**
 * An absolute file or folder path. Relative paths are refused: over HTTP there is no folder they
 * could be relative to that the user would expect.
 */
export const absolutePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((path) => ABSOLUTE_PATH.test(path), { message: 'expected an absolute path' })
  .refine((path) => !path.includes('\0'), { message: 'expected a path without NUL characters' });

/** A count ≥ 0 with an upper bound. */
export const count = (max: number) => z.number().int().min(0).max(max);

/** A page size ≥ 1. */
export const limit = (max: number) => z.number().int().min(1).max(max);

/** Channels without parameters: `{}` (or nothing) and no unknown keys. */
export const empty = z.strictObject({});
