// @vitest-environment happy-dom
/**
 * The problem editor's observations form (values, names, noise), mounted with Pinia and Element
 * Plus against the services' own problem/validate: lists typed as text reach the draft as parsed
 * (non-numbers kept, so core's message quotes them), the noise switches between its three forms,
 * and each message shows on the form item it is about.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import ObservationsSection from '../../../renderer/src/components/problem-editor/ObservationsSection.vue';
import { fieldId } from '../../../renderer/src/problem/field-paths';
import { useDraftStore } from '../../../renderer/src/stores/draft';
import { useProblemEditorStore } from '../../../renderer/src/stores/problem-editor';
import { eventually, freshPinia, installFormBridge, mountInApp } from '../support/mount-app';

installFormBridge();

const problem = {
  format: 'gmki-problem/1',
  name: 'three values',
  parameters: [{ name: 'a', prior: { mean: 0, std: 1 } }],
  observations: { values: [1, 2, 3], noise: { std: 0.1 } },
  model: { type: 'javascript', path: '/models/three.mjs' },
  settings: {},
};

let wrapper: VueWrapper;
async function mountForm() {
  const pinia = freshPinia();
  const draft = useDraftStore();
  draft.load(problem);
  wrapper = mountInApp(ObservationsSection, pinia);
  const editor = useProblemEditorStore();
  await eventually(() => expect(editor.validation.status).toBe('valid'));
  return { draft, editor, observations: () => draft.problem.observations as { values: unknown[]; names?: unknown; noise: Record<string, unknown> } };
}

const textarea = (path: string) => wrapper.get<HTMLTextAreaElement>(`textarea#${fieldId(path)}`);
/** The form item whose label is for the field at `path`, with its label and its message. */
function formItem(path: string) {
  const label = wrapper.get(`label[for="${fieldId(path)}"]`);
  const item = wrapper.findAll('.el-form-item').find((candidate) => candidate.find(`label[for="${fieldId(path)}"]`).exists())!;
  return { label: label.text(), message: () => item.find('.el-form-item__error') };
}

beforeEach(() => sessionStorage.clear());
afterEach(() => wrapper.unmount());

describe('ObservationsSection', () => {
  it('shows the values, their count and the noise as the draft holds them', async () => {
    await mountForm();
    expect(textarea('observations.values').element.value.split(/\s+/)).toEqual(['1', '2', '3']);
    expect(formItem('observations.values').label).toBe('Values (3)');
    expect(wrapper.get<HTMLInputElement>(`input#${fieldId('observations.noise')}`).element.value).toBe('0.1');
  });

  it("keeps a value that is not a number and shows core's message for it on the Values item", async () => {
    const { observations } = await mountForm();
    await textarea('observations.values').setValue('1, x, 3, 4');
    expect(observations().values).toEqual([1, 'x', 3, 4]);
    expect(textarea('observations.values').element.value).toBe('1, x, 3, 4');
    expect(formItem('observations.values').label).toBe('Values (4)');
    await eventually(() => expect(formItem('observations.values').message().exists()).toBe(true));
    expect(formItem('observations.values').message().text()).toBe('#2: expected a finite number, got "x"');
  });

  it('switches the noise to a std per value, keeping the std, and names a count that no longer fits', async () => {
    const { observations, editor } = await mountForm();
    await wrapper
      .findAll('[data-testid="noise-mode"] label')
      .find((label) => label.text() === 'A std per value')!
      .get('input')
      .setValue(true);
    expect(observations().noise).toEqual({ std: [0.1, 0.1, 0.1] });
    await eventually(() => expect(editor.validation.status).toBe('valid'));

    await textarea('observations.values').setValue('1 2 3 4');
    await eventually(() => expect(formItem('observations.noise').message().exists()).toBe(true));
    expect(formItem('observations.noise').message().text()).toBe('std: expected 4 standard deviations (one per value) or a single number, got 3');
  });

  it("refuses a noise std of 0 with core's message, and takes a covariance matrix of the values' size", async () => {
    const { observations, editor } = await mountForm();
    await wrapper.get<HTMLInputElement>(`input#${fieldId('observations.noise')}`).setValue('0');
    expect(observations().noise).toEqual({ std: 0 });
    await eventually(() => expect(formItem('observations.noise').message().exists()).toBe(true));
    expect(formItem('observations.noise').message().text()).toBe('std: expected a number > 0, got 0');

    await wrapper
      .findAll('[data-testid="noise-mode"] label')
      .find((label) => label.text() === 'Covariance matrix')!
      .get('input')
      .setValue(true);
    // Switching from an invalid std starts from 1 on the diagonal.
    expect(observations().noise).toEqual({
      covariance: [
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
      ],
    });
    await eventually(() => expect(formItem('observations.noise').message().exists()).toBe(false));
    expect(editor.validation.status).toBe('valid');
  });
});
