// The field hook (problem-format.md §1.7) in real worker threads: built-in Darcy log κ, a module
// of the user's, its answers in order, what it gets wrong in its own words, a call stuck in a
// loop stopped at the time limit, and setup errors that name the field.
import { afterEach, describe, expect, it } from 'vitest';
import { darcyLogPermeability } from '../../../../core/problem/darcy-model';
import { DARCY_TRUTH } from '../../../../core/problem/darcy-data';
import { createFieldsHost, type FieldsHost } from '../../../../electron/services/models/fields-host';
import { ModelSetupError } from '../../../../electron/services/models/setup-error';
import { problemFolder, testContext } from './host-support';

const hosts: FieldsHost[] = [];
const folders: { remove: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.close()));
  await Promise.all(folders.splice(0).map((folder) => folder.remove()));
});

async function folderWith(files: Record<string, string>): Promise<string> {
  const folder = await problemFolder(files);
  folders.push(folder);
  return folder.dir;
}

async function started(spec: Parameters<typeof createFieldsHost>[0], dir: string, concurrency = 1): Promise<FieldsHost> {
  const host = await createFieldsHost(spec, testContext(dir, { concurrency }));
  hosts.push(host);
  return host;
}

const GRID_MODULE = `
export async function fields([a, b]) {
  // The later θ answers first: the order of the answers must not follow the clock.
  await new Promise((resolve) => setTimeout(resolve, a === 0 ? 300 : 10));
  return {
    sum: { nx: 3, ny: 2, values: [a, b, a + b, NaN, 0, 1], x: [0, 2], label: 'a + b' },
    product: { nx: 1, ny: 1, values: new Float64Array([a * b]) },
  };
}
`;

describe('createFieldsHost', () => {
  it('evaluates the built-in Darcy log κ on its 80×80 grid in a worker, exactly as core computes it', async () => {
    const host = await started({ builtin: 'darcy-2d' }, await folderWith({}));
    const zero = new Array(128).fill(0);
    const [truth, flat] = await host.evaluate([[...DARCY_TRUTH], zero]);
    expect(truth!.ok && truth.fields.map((f) => [f.name, f.label, f.nx, f.ny, f.x, f.y])).toEqual([['logPermeability', 'log κ', 80, 80, [0, 1], [0, 1]]]);
    if (!truth!.ok || !flat!.ok) throw new Error('expected grids');
    expect(truth.fields[0]!.values).toEqual(Array.from(darcyLogPermeability(DARCY_TRUTH)));
    expect(new Set(flat.fields[0]!.values)).toEqual(new Set([0]));
  });

  it("runs a module's fields(theta), answers in the order asked over two workers, and fills in what the grid left out", async () => {
    const host = await started({ path: 'fields.mjs' }, await folderWith({ 'fields.mjs': GRID_MODULE }), 2);
    const outcomes = await host.evaluate([
      [0, 2],
      [3, 4],
      [5, 6],
    ]);
    const sums = outcomes.map((outcome) => (outcome.ok ? outcome.fields[0]!.values.slice(0, 3) : outcome.error));
    expect(sums).toEqual([
      [0, 2, 2],
      [3, 4, 7],
      [5, 6, 11],
    ]);
    const first = outcomes[0]!;
    if (!first.ok) throw new Error(first.error);
    // NaN is "no value" (null); y defaults to the row indices, the label to the name.
    expect(first.fields[0]).toMatchObject({ name: 'sum', label: 'a + b', x: [0, 2], y: [0, 1], values: [0, 2, 2, null, 0, 1] });
    expect(first.fields[1]).toMatchObject({ name: 'product', label: 'product', nx: 1, ny: 1, x: [0, 0], values: [0] });
  });

  it("reports a throw and a malformed answer in the hook's own words, for that θ only", async () => {
    const source = `export function fields([a]) {
      if (a < 0) throw new Error('negative permeability');
      if (a === 0) return { k: { nx: 2, ny: 2, values: [1, 2, 3] } };
      return { k: { nx: 1, ny: 1, values: [a] } };
    }`;
    const host = await started({ path: 'fields.mjs' }, await folderWith({ 'fields.mjs': source }));
    const [threw, short, fine] = await host.evaluate([[-1], [0], [1]]);
    expect(threw).toMatchObject({ ok: false, failure: 'threw', error: 'negative permeability' });
    expect(short).toMatchObject({ ok: false, failure: 'bad-output', error: 'field "k".values: expected nx·ny = 2·2 = 4 numbers, got 3' });
    expect(fine).toMatchObject({ ok: true });
  });

  it('stops a call stuck in while (true) {} after timeoutSeconds and answers the next θ in a fresh worker', async () => {
    const source = `export function fields([a]) {
      if (a === 1) while (true) {}
      return { k: { nx: 1, ny: 1, values: [a] } };
    }`;
    const host = await started({ path: 'fields.mjs', timeoutSeconds: 0.5 }, await folderWith({ 'fields.mjs': source }));
    const [stuck, after] = await host.evaluate([[1], [2]]);
    expect(stuck).toMatchObject({ ok: false, failure: 'timeout' });
    expect(!stuck!.ok && stuck.error).toContain('no answer within 0.5 s');
    expect(after).toMatchObject({ ok: true, fields: [{ values: [2] }] });
  }, 60_000);

  it('refuses a missing file, a module without fields and unknown built-in fields, naming the field', async () => {
    const dir = await folderWith({ 'model.mjs': 'export function forward(t) { return t; }\n' });
    const refusal = (spec: Parameters<typeof createFieldsHost>[0]) =>
      createFieldsHost(spec, testContext(dir)).then(
        () => null,
        (error: unknown) => (error instanceof ModelSetupError ? [error.path, error.message] : String(error)),
      );
    expect(await refusal({ path: 'nowhere.mjs' })).toEqual(['fields.path', expect.stringContaining('fields module "nowhere.mjs" not found')]);
    expect(await refusal({ path: 'model.mjs' })).toEqual(['fields.path', expect.stringContaining('exports no function fields')]);
    expect(await refusal({ builtin: 'nope' })).toEqual(['fields.builtin', 'there are no built-in fields "nope"']);
  });
});
