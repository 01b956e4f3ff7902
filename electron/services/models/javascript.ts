/**
 * `javascript` models (`problem-format.md` §2.1): an ES module (or CommonJS file) exporting
 * `forward` and/or `forwardBatch`, loaded with a dynamic import. The path is resolved against
 * the folder of the problem file, as every relative path of a problem file is.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ModelLoadError, thrownMessage } from './types';
import type { LoadedModel } from './types';

/**
 * The absolute path of the model file.
 * @throws ModelLoadError when there is no such file
 */
export async function resolveJavascriptModel(modelPath: string, problemDir: string): Promise<string> {
  const resolved = resolve(problemDir, modelPath);
  const info = await stat(resolved).catch(() => null);
  if (!info) {
    throw new ModelLoadError('model.path', `model file "${modelPath}" not found (looked for ${resolved})`);
  }
  if (!info.isFile()) throw new ModelLoadError('model.path', `"${modelPath}" is not a file (${resolved})`);
  return resolved;
}

export async function loadJavascriptModel(modelPath: string, problemDir: string): Promise<LoadedModel> {
  const resolved = await resolveJavascriptModel(modelPath, problemDir);

  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(resolved).href)) as Record<string, unknown>;
  } catch (error) {
    throw new ModelLoadError('model.path', `could not load ${resolved}: ${thrownMessage(error)}`);
  }
  // A CommonJS file's exports arrive as `default` when Node cannot detect them statically.
  const fallback = (module.default ?? {}) as Record<string, unknown>;
  const forward = module.forward ?? fallback.forward;
  const forwardBatch = module.forwardBatch ?? fallback.forwardBatch;
  if (forward === undefined && forwardBatch === undefined) {
    throw new ModelLoadError('model.path', `${resolved} exports neither forward nor forwardBatch`);
  }
  for (const [name, value] of [['forward', forward], ['forwardBatch', forwardBatch]] as const) {
    if (value !== undefined && typeof value !== 'function') {
      throw new ModelLoadError('model.path', `${resolved}: the export ${name} is a ${typeof value}, not a function`);
    }
  }
  return {
    label: resolved,
    forward: forward as LoadedModel['forward'],
    forwardBatch: forwardBatch as LoadedModel['forwardBatch'],
  };
}
