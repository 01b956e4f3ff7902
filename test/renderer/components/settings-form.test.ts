// @vitest-environment happy-dom
/**
 * The run-setup settings form, mounted with Pinia and Element Plus as RunSetupView holds it (the
 * settings it emits come back as its props), with the defaults of the services' own
 * settings/defaults. Every range it shows and enforces is core's (core/problem/limits.ts), in the
 * words of the server's problem/validate, each message starting with the field's label.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import { MAX_COMPONENTS, MAX_ITERATIONS, SETTING_RULES, type RuledSetting } from '../../../core/problem/limits';
import type { ValidationOutcome } from '../../../electron/contract/types';
import SettingsForm from '../../../renderer/src/components/run-setup/SettingsForm.vue';
import { FIELDS, type FieldKey, type NumberField } from '../../../renderer/src/setup/fields';
import type { SettingsJson } from '../../../renderer/src/setup/settings-edit';
import { useRunSetupStore } from '../../../renderer/src/stores/run-setup';
import { freshPinia, installFormBridge, mountInApp } from '../support/mount-app';

installFormBridge();

const problem = (settings: SettingsJson) => ({
  format: 'gmki-problem/1',
  name: 'settings',
  parameters: [
    { name: 'a', prior: { mean: 0, std: 1 } },
    { name: 'b', prior: { mean: 0, std: 1 } },
  ],
  observations: { values: [0.3], noise: { std: 0.1 } },
  model: { type: 'javascript', path: '/models/sum.mjs' },
  settings,
});

let wrapper: VueWrapper;
/** The settings the form last wrote, as the draft would hold them. */
let written: SettingsJson;

async function mountForm(settings: SettingsJson = {}) {
  const pinia = freshPinia();
  const setup = useRunSetupStore();
  await setup.loadDefaults();
  expect(setup.defaults).not.toBeNull();
  written = settings;
  wrapper = mountInApp(SettingsForm, pinia, {
    props: {
      settings,
      defaults: setup.defaults!,
      explanations: setup.explanations,
      serverMessages: {},
      initializationMessage: null,
      nTheta: 2,
      onChange: (next: SettingsJson) => {
        written = next;
        void wrapper.setProps({ settings: next });
      },
    },
  });
  return setup;
}

const input = (key: FieldKey) => wrapper.get<HTMLInputElement>(`input[data-testid="input-${key}"]`);
const message = (key: FieldKey) => wrapper.find(`[data-testid="message-${key}"]`);
/** What RunSetupView last heard: how many fields the form itself finds wrong (Start waits for 0). */
const localErrors = () => (wrapper.emitted('localErrors') ?? []).at(-1)?.[0];

/** The server's message for a settings path, for the same settings (problem/validate, core's schema). */
async function serverMessage(settings: SettingsJson, path: string): Promise<string | undefined> {
  const reply = await window.gmki!.invoke('problem/validate', { problem: problem(settings) });
  if (!reply.ok) throw new Error(reply.error.message);
  const outcome: ValidationOutcome = reply.value;
  return outcome.valid ? undefined : outcome.errors.find((error) => error.path === path)?.message;
}

beforeEach(() => sessionStorage.clear());
afterEach(() => wrapper.unmount());

describe('SettingsForm', () => {
  it("shows the machine's defaults as placeholders and hints, with an empty input for each", async () => {
    const setup = await mountForm();
    expect(input('components').element.value).toBe('');
    expect(input('components').attributes('placeholder')).toBe(String(setup.defaults!.components));
    expect(wrapper.get('[data-testid="default-concurrency"]').text()).toBe(`default: ${String(setup.defaults!.concurrency)} (the CPU cores here)`);
    expect(localErrors()).toBe(0);
  });

  it("refuses a value out of core's range with the server's own words after the field's label, and writes it as typed", async () => {
    await mountForm();
    await input('components').setValue('0');
    const expected = `expected an integer from 1 to ${MAX_COMPONENTS}, got 0`;
    expect(message('components').text()).toBe(`Components K: ${expected}`);
    expect(await serverMessage({ components: 0 }, 'settings.components')).toBe(expected);
    expect(message('components').attributes('role')).toBe('alert');
    expect(input('components').attributes('aria-invalid')).toBe('true');
    expect(input('components').attributes('aria-describedby')).toBe('setting-components-message');
    // The draft shows what the user typed; the view keeps Start blocked while the form counts an error.
    expect(written).toEqual({ components: 0 });
    expect(localErrors()).toBe(1);

    await input('components').setValue('5');
    expect(message('components').exists()).toBe(false);
    expect(written).toEqual({ components: 5 });
    expect(localErrors()).toBe(0);
  });

  it('allows as many iterations as core does, and not one more (the cap run/extend shares)', async () => {
    await mountForm();
    await input('iterations').setValue(String(MAX_ITERATIONS));
    expect(message('iterations').exists()).toBe(false);
    await input('iterations').setValue(String(MAX_ITERATIONS + 1));
    const expected = `expected an integer from 1 to ${MAX_ITERATIONS}, got ${MAX_ITERATIONS + 1}`;
    expect(message('iterations').text()).toBe(`Iterations: ${expected}`);
    expect(await serverMessage({ iterations: MAX_ITERATIONS + 1 }, 'settings.iterations')).toBe(expected);
  });

  it('keeps text that is no number on screen with its message, and leaves the draft as it was', async () => {
    await mountForm({ dt: 0.5 });
    await input('dt').setValue('1,5');
    expect(input('dt').element.value).toBe('1,5');
    expect(message('dt').text()).toBe('Step size Δt: expected a number in (0, 1), got 1,5');
    expect(written).toEqual({ dt: 0.5 });
    expect(localErrors()).toBe(1);
  });

  it('checks the weight floor against K across the two fields, as core does', async () => {
    await mountForm({ components: 4 });
    await input('minWeight').setValue('0.3');
    expect(message('minWeight').text()).toBe('Weight floor: expected a number < 1/K = 0.25 (K·floor must stay below 1 with K = 4), got 0.3');
    expect(await serverMessage({ components: 4, minWeight: 0.3 }, 'settings.minWeight')).toBe(
      'expected a number < 1/K = 0.25 (K·minWeight must stay below 1 with K = 4), got 0.3',
    );
    // Fewer components make the same floor fine.
    await input('components').setValue('3');
    expect(message('minWeight').exists()).toBe(false);
    // K = 3 is the default, which the file does not write.
    expect(written).toEqual({ minWeight: 0.3 });
  });

  it("states core's rule for every number field it shows, for gmki-robust and for smc", async () => {
    for (const method of ['gmki-robust', 'smc']) {
      if (method !== 'gmki-robust') wrapper.unmount();
      await mountForm({ method });
      const shown = FIELDS.filter((field): field is NumberField => field.kind === 'integer' || field.kind === 'number').filter((field) =>
        wrapper.find(`input[data-testid="input-${field.key}"]:not([disabled])`).exists(),
      );
      expect(shown.length).toBeGreaterThan(method === 'smc' ? 5 : 8);
      for (const field of shown) {
        await input(field.key).setValue('abc');
        expect(message(field.key).text()).toBe(`${field.label}: expected ${field.expected}, got abc`);
        expect(field.expected.startsWith(SETTING_RULES[field.key as RuledSetting].expected)).toBe(true);
        await input(field.key).setValue('');
        expect(message(field.key).exists()).toBe(false);
      }
      expect(localErrors()).toBe(0);
    }
  });

  it("shows a message of the server's on its field when the form itself has none", async () => {
    await mountForm();
    await wrapper.setProps({ serverMessages: { seed: 'Seed: expected a safe integer (|seed| ≤ 2^53 − 1), got 1e300' } });
    expect(message('seed').text()).toBe('Seed: expected a safe integer (|seed| ≤ 2^53 − 1), got 1e300');
    expect(localErrors()).toBe(0);
  });
});
