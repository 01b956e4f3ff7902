/**
 * A problem's field hook (`problem-format.md` §1.7): `fields(theta)` of the module the problem
 * names (`fields.path`) or built-in fields (`fields.builtin`), evaluated in the worker threads of
 * the `javascript` model pool (worker-pool.ts) — never in the renderer or the main thread —
 * with the same time limit machinery: a call that takes longer than `fields.timeoutSeconds`
 * (default 60 s) has its worker terminated and fails alone. What the hook returns is checked in
 * the worker (core/problem/fields.ts), so only plain grids or a sentence come back.
 */
import { DEFAULT_FIELDS_TIMEOUT_SECONDS, type FieldGrid, type FieldsEntry } from '../../../core/problem/fields';
import { BUILTIN_FIELDS } from '../../../core/problem/builtin-fields';
import type { EvaluationFailureKind } from './host';
import { resolveModuleFile } from './javascript';
import type { FieldsReply, WorkerModelSource } from './javascript-worker';
import { ModelSetupError } from './setup-error';
import { thrownMessage } from './types';
import { startWorkerPool, type WorkerPoolContext } from './worker-pool';

/** The hook's answer at one θ: its grids, or why there are none. */
export type FieldsOutcome =
  | { readonly ok: true; readonly fields: FieldGrid[]; readonly seconds: number }
  | { readonly ok: false; readonly failure: EvaluationFailureKind; readonly error: string; readonly seconds: number };

export interface FieldsHost {
  /** The hook at every θ (physical units), one outcome per θ in order; never rejects. */
  evaluate(thetas: readonly (readonly number[])[]): Promise<FieldsOutcome[]>;
  /** Ends the workers; calling it again returns the same promise. */
  close(): Promise<void>;
}

export type FieldsHostContext = Omit<WorkerPoolContext, 'nOutputs'>;

export type CreateFieldsHost = (spec: FieldsEntry, context: FieldsHostContext) => Promise<FieldsHost>;

/**
 * Starts `concurrency` workers with the hook loaded.
 * @throws ModelSetupError naming `fields.path` (missing file, failed import, no `fields` export,
 *   an import past the time limit) or `fields.builtin` (no such fields); nothing is left running
 */
export const createFieldsHost: CreateFieldsHost = async (spec, context) => {
  const timeoutSeconds = spec.timeoutSeconds ?? DEFAULT_FIELDS_TIMEOUT_SECONDS;
  const { source, label, field } = await sourceOf(spec, context.problemDir);
  let pool;
  try {
    pool = await startWorkerPool(source, label, { ...context, nOutputs: 0 }, timeoutSeconds);
  } catch (error) {
    throw new ModelSetupError(field, thrownMessage(error));
  }
  const started = pool;
  return {
    async evaluate(thetas) {
      const outcomes: FieldsOutcome[] = new Array<FieldsOutcome>(thetas.length);
      let next = 0;
      // Each slot takes the next θ until none is left: the order of the answers is the order asked.
      const slot = async (index: number): Promise<void> => {
        while (next < thetas.length) {
          const at = next++;
          const begun = performance.now();
          const result = await started.onWorker<FieldsReply>(index, 1, (remote) => remote.fields([...thetas[at]!]) as Promise<FieldsReply>);
          const seconds = (performance.now() - begun) / 1000;
          if (!('reply' in result)) outcomes[at] = { ok: false, failure: result.failure, error: result.error, seconds };
          else if (result.reply.ok) outcomes[at] = { ok: true, fields: result.reply.fields, seconds };
          else outcomes[at] = { ok: false, failure: result.reply.failure, error: result.reply.message, seconds };
        }
      };
      await Promise.all(Array.from({ length: Math.min(started.slots, thetas.length) }, (_, index) => slot(index)));
      return outcomes;
    },
    close: () => started.close(),
  };
};

async function sourceOf(spec: FieldsEntry, problemDir: string): Promise<{ source: WorkerModelSource; label: string; field: string }> {
  if (spec.builtin !== undefined) {
    if (!BUILTIN_FIELDS[spec.builtin]) throw new ModelSetupError('fields.builtin', `there are no built-in fields "${spec.builtin}"`);
    return { source: { kind: 'fields-builtin', name: spec.builtin }, label: `built-in fields "${spec.builtin}"`, field: 'fields.builtin' };
  }
  if (spec.path === undefined) throw new ModelSetupError('fields', 'expected "path" or "builtin"');
  let resolved: string;
  try {
    resolved = await resolveModuleFile(spec.path, problemDir, 'fields.path', 'fields module');
  } catch (error) {
    throw new ModelSetupError('fields.path', thrownMessage(error));
  }
  return { source: { kind: 'fields-module', path: resolved }, label: resolved, field: 'fields.path' };
}
