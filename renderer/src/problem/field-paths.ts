/**
 * Where a validation error belongs on the screen. `gmki` names each error by its JSON path
 * (`parameters[1].prior.std`, `observations.values[3]`, `model.path`); the editor has one field
 * per editable path. An error lands on the field of its path; an error about a whole group
 * (`parameters[1].prior`: the mean is outside the bounds) on the group's first field; any other on
 * the deepest field that encloses it (`observations.values[3]` → `observations.values`).
 */

/** `a.b[2]` → ['a', 'b', '2'], for comparisons at key boundaries. */
function segments(path: string): string[] {
  return path.split(/\.|\[|\]/).filter((s) => s !== '');
}

function startsWith(long: readonly string[], short: readonly string[]): boolean {
  return short.length <= long.length && short.every((s, i) => long[i] === s);
}

/** The field (one of `fields`) an error at `path` is shown on, or null when none fits. */
export function anchorFor(path: string, fields: readonly string[]): string | null {
  const target = segments(path);
  if (target.length === 0) return null;
  // A group's own message goes on its first field, before any enclosing field is considered.
  const inside = fields.find((field) => startsWith(segments(field), target));
  if (inside !== undefined) return inside;
  let best: string | null = null;
  let bestDepth = -1;
  for (const field of fields) {
    const own = segments(field);
    if (startsWith(target, own) && own.length > bestDepth) [best, bestDepth] = [field, own.length];
  }
  return best;
}

/** The DOM id of the input of the field at `path` (summary links focus it). */
export function fieldId(path: string): string {
  return `field-${path.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

/**
 * The error's message as shown on `field`: prefixed with where inside the field it is when the
 * error is about one item of a list (`observations.values[1]` on the values field → "#2: …").
 */
export function messageOnField(error: { readonly path: string; readonly message: string }, field: string): string {
  const own = segments(field);
  const target = segments(error.path);
  if (!startsWith(target, own) || target.length === own.length) return error.message;
  const where = target
    .slice(own.length)
    .map((s) => (/^\d+$/.test(s) ? `#${Number(s) + 1}` : s))
    .join(' ');
  return `${where}: ${error.message}`;
}

/** Errors grouped by the field they land on; errors without a field go under null. */
export function groupByField<E extends { readonly path: string }>(errors: readonly E[], fields: readonly string[]): Map<string | null, E[]> {
  const groups = new Map<string | null, E[]>();
  for (const error of errors) {
    const anchor = anchorFor(error.path, fields);
    groups.set(anchor, [...(groups.get(anchor) ?? []), error]);
  }
  return groups;
}

/** The fields the editor shows for this problem, in screen order (their paths). */
export function editorFields(problem: Readonly<Record<string, unknown>>): string[] {
  const parameters = Array.isArray(problem.parameters) ? problem.parameters : [];
  const model = (typeof problem.model === 'object' && problem.model !== null ? problem.model : {}) as Record<string, unknown>;
  const modelFields: Record<string, string[]> = {
    javascript: ['model.path'],
    command: ['model.command', 'model.cwd'],
    umbridge: ['model.url', 'model.name'],
    builtin: ['model.name'],
  };
  const hasModel = String(model.type) in modelFields;
  // The reference's values sit in the parameters table, one per row; its label under it.
  const reference = typeof problem.reference === 'object' && problem.reference !== null;
  return [
    'name',
    'description',
    'parameters',
    ...parameters.flatMap((_, i) => [
      ...['name', 'prior.mean', 'prior.std', 'prior.lower', 'prior.upper'].map((key) => `parameters[${i}].${key}`),
      ...(reference ? [`reference.theta[${i}]`] : []),
    ]),
    ...(reference ? ['reference.label'] : []),
    'priorCorrelation',
    'observations.values',
    'observations.names',
    'observations.noise',
    'model.type',
    ...(modelFields[String(model.type)] ?? []),
    // Every model type has a time limit per evaluation (problem-format.md §2).
    ...(hasModel ? ['model.timeoutSeconds'] : []),
  ];
}
