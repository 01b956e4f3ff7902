// @vitest-environment happy-dom
/**
 * The problem editor's parameters table (the priors), mounted with Pinia and Element Plus against
 * the services' own problem/validate: what is typed reaches the draft as typed, core's schema judges it through
 * problem/validate, and its message lands under the cell it is about, tied to the input.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import ParametersTable from '../../../renderer/src/components/problem-editor/ParametersTable.vue';
import { fieldId } from '../../../renderer/src/problem/field-paths';
import { useDraftStore } from '../../../renderer/src/stores/draft';
import { useProblemEditorStore } from '../../../renderer/src/stores/problem-editor';
import { eventually, freshPinia, installFormBridge, mountInApp } from '../support/mount-app';

const calls = installFormBridge();

const problem = {
  format: 'gmki-problem/1',
  name: 'two priors',
  parameters: [
    { name: 'a', prior: { mean: 0, std: 1 } },
    { name: 'b', prior: { mean: 2, std: 0.5, lower: 0 } },
  ],
  observations: { values: [0.3], noise: { std: 0.1 } },
  model: { type: 'javascript', path: '/models/sum.mjs' },
  settings: {},
};

let wrapper: VueWrapper;
async function mountTable() {
  const pinia = freshPinia();
  const draft = useDraftStore();
  draft.load(problem);
  wrapper = mountInApp(ParametersTable, pinia, { props: { selected: 0 } });
  const editor = useProblemEditorStore();
  await eventually(() => expect(editor.validation.status).toBe('valid'));
  return { draft, editor };
}

const input = (path: string) => wrapper.get<HTMLInputElement>(`input#${fieldId(path)}`);
const message = (path: string) => wrapper.find(`[data-testid="${fieldId(path)}-message"]`);

beforeEach(() => sessionStorage.clear());
afterEach(() => wrapper.unmount());

describe('ParametersTable', () => {
  it('shows each prior as the draft holds it, and names each input by column and parameter', async () => {
    await mountTable();
    expect(wrapper.findAll('tbody tr')).toHaveLength(2);
    expect(input('parameters[0].name').element.value).toBe('a');
    expect(input('parameters[1].prior.std').element.value).toBe('0.5');
    expect(input('parameters[1].prior.lower').element.value).toBe('0');
    expect(input('parameters[1].prior.upper').element.value).toBe('');
    expect(input('parameters[1].prior.std').attributes('aria-label')).toBe('Prior std of b');
    expect(input('parameters[0].prior.upper').attributes('aria-label')).toBe('Upper bound of a');
  });

  it("puts core's message under the cell typed wrong, tied to its input, and clears it once fixed", async () => {
    const { draft, editor } = await mountTable();
    await input('parameters[0].prior.std').setValue('0');
    expect((draft.problem.parameters as { prior: { std: unknown } }[])[0]!.prior.std).toBe(0);
    await eventually(() => expect(message('parameters[0].prior.std').exists()).toBe(true));
    expect(message('parameters[0].prior.std').text()).toBe('expected a number > 0, got 0');
    expect(message('parameters[0].prior.std').attributes('role')).toBe('alert');
    expect(input('parameters[0].prior.std').attributes('aria-invalid')).toBe('true');
    expect(input('parameters[0].prior.std').attributes('aria-describedby')).toBe(`${fieldId('parameters[0].prior.std')}-message`);
    // The other cells have nothing to say.
    expect(message('parameters[0].prior.mean').exists()).toBe(false);

    await input('parameters[0].prior.std').setValue('0.2');
    await eventually(() => expect(message('parameters[0].prior.std').exists()).toBe(false));
    expect(editor.validation.status).toBe('valid');
    expect(input('parameters[0].prior.std').attributes('aria-invalid')).toBeUndefined();
  });

  it('keeps text that is not a number in the cell and in the draft, so the message quotes it', async () => {
    const { draft } = await mountTable();
    await input('parameters[1].prior.mean').setValue('abc');
    expect(input('parameters[1].prior.mean').element.value).toBe('abc');
    expect((draft.problem.parameters as { prior: { mean: unknown } }[])[1]!.prior.mean).toBe('abc');
    await eventually(() => expect(message('parameters[1].prior.mean').text()).toBe('expected a finite number, got "abc"'));
  });

  it('adds a valid row, names a clash with the row it clashes with, and removes the row again', async () => {
    const { draft, editor } = await mountTable();
    await wrapper.get('[data-testid="add-parameter"]').trigger('click');
    expect(wrapper.findAll('tbody tr')).toHaveLength(3);
    expect(draft.problem.parameters).toHaveLength(3);
    expect(input('parameters[2].prior.mean').element.value).toBe('0');
    expect(input('parameters[2].prior.std').element.value).toBe('1');

    await input('parameters[2].name').setValue('a');
    await eventually(() => expect(message('parameters[2].name').exists()).toBe(true));
    expect(message('parameters[2].name').text()).toBe('expected a name no other parameter has, got "a" (also the name of parameters[0])');
    expect(wrapper.findAll('[role="alert"]')).toHaveLength(1);

    await wrapper.get('[data-testid="remove-parameter-2"]').trigger('click');
    expect(draft.problem.parameters).toHaveLength(2);
    await eventually(() => expect(wrapper.findAll('[role="alert"]')).toHaveLength(0));
    expect(editor.validation.status).toBe('valid');
    // The new row is selected for the prior preview, then the one above the removed row.
    expect(wrapper.emitted('select')).toEqual([[2], [1]]);
    expect(new Set(calls)).toEqual(new Set(['problem/validate']));
  });
});
