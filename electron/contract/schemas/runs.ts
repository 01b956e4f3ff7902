/** Request schemas of the run channels: start and control, browse, read, annotate, export. */
import { z } from 'zod';
import { MAX_ITERATIONS } from '../../../core/problem/limits';
import { EXPORT_FORMATS } from '../exports';
import { MAX_SAMPLE_ROWS, RUN_STATUSES } from '../types';
import { absolutePath, count, empty, id, limit, name, problemJson } from './common';

const runId = z.strictObject({ runId: id });

export const runSchemas = {
  'run/start': z.strictObject({
    problem: problemJson,
    problemDir: absolutePath.optional(),
    /** Default: the problem's name. */
    name: name.optional(),
  }),
  'run/cancel': runId,
  'run/resume': runId,
  // Iterations to add: a run has at most MAX_ITERATIONS in all (the lifecycle checks the sum).
  'run/extend': z.strictObject({ runId: id, iterations: z.number().int().min(1).max(MAX_ITERATIONS) }),
  'runs/list': z.strictObject({
    search: z.string().max(200).optional(),
    status: z.enum(RUN_STATUSES).optional(),
    tag: z.string().min(1).max(100).optional(),
    limit: limit(10_000).optional(),
    offset: count(Number.MAX_SAFE_INTEGER).optional(),
  }),
  'runs/tags': empty,
  'run/get': runId,
  'run/iterations': z.strictObject({ runId: id, from: count(1_000_000).optional(), to: count(1_000_000).optional() }),
  /** Posterior samples as the exports draw them; count·d is bounded too (MAX_SAMPLE_NUMBERS). */
  'run/samples': z.strictObject({ runId: id, count: limit(MAX_SAMPLE_ROWS) }),
  'run/evaluations': z.strictObject({
    runId: id,
    iteration: count(1_000_000).optional(),
    failedOnly: z.boolean().optional(),
    limit: limit(10_000).optional(),
    offset: count(Number.MAX_SAFE_INTEGER).optional(),
  }),
  'run/logs': z.strictObject({ runId: id, afterSeq: count(Number.MAX_SAFE_INTEGER).optional(), limit: limit(10_000).optional() }),
  'run/diagnostics': runId,
  /** The problem's field hook at each component's centre and the reference (default: the last committed iteration). */
  'run/fields': z.strictObject({ runId: id, iteration: count(1_000_000).optional() }),
  'run/rename': z.strictObject({ runId: id, name }),
  'run/notes': z.strictObject({ runId: id, notes: z.string().max(100_000) }),
  'run/tags': z.strictObject({ runId: id, tags: z.array(z.string().trim().min(1).max(100)).max(100) }),
  'run/delete': runId,
  'run/duplicate': runId,
  'run/export': z.strictObject({
    runId: id,
    format: z.enum(EXPORT_FORMATS),
    /** Posterior samples to draw (csv, npz); default: the run's posteriorSamples. */
    samples: count(10_000_000).optional(),
    /** Write the file here instead of returning its bytes. */
    path: absolutePath.optional(),
    /** Replace an existing file at `path` (refused otherwise). */
    overwrite: z.boolean().optional(),
  }),
} as const;
