/** Request schemas of the problem editor's channels: validation, examples, a test evaluation, saved problems. */
import { z } from 'zod';
import { absolutePath, empty, id, name, problemJson } from './common';

export const problemSchemas = {
  'problem/validate': z.strictObject({ problem: problemJson }),
  'problem/examples': empty,
  'problem/test-evaluation': z.strictObject({
    problem: problemJson,
    /** Folder the model's relative paths resolve against (the problem file's folder). */
    problemDir: absolutePath.optional(),
    /** θ in physical units; default: the prior mean. */
    theta: z.array(z.number()).min(1).max(10_000).optional(),
  }),
  'problem/test-evaluations': z.strictObject({
    problem: problemJson,
    problemDir: absolutePath.optional(),
    /** θ in physical units, one list per evaluation (the prior-predictive check sends 20). */
    thetas: z.array(z.array(z.number()).min(1).max(10_000)).min(1).max(1_000),
  }),
  'problem/read-file': z.strictObject({ /** A `.gmki.json` problem file. */ path: absolutePath }),
  'problem/write-file': z.strictObject({
    path: absolutePath,
    /** Saved as it is (drafts too), as pretty JSON. */
    content: problemJson,
    /** Replace an existing file (refused otherwise: CONFLICT). */
    overwrite: z.boolean().optional(),
  }),
  'problems/list': empty,
  'problems/get': z.strictObject({ id }),
  'problems/save': z.strictObject({
    /** Given to update a saved problem. */
    id: id.optional(),
    name,
    content: problemJson,
    dir: absolutePath.nullable().optional(),
  }),
  'problems/delete': z.strictObject({ id }),
  'settings/defaults': empty,
} as const;
