/**
 * Component tests mount the real components as the app does (Pinia, Element Plus, a router for
 * their links). Their bridge answers the channels the forms use with the services' own handlers
 * (problem/validate: core's problem schema; settings/defaults: core's resolved defaults), each
 * request parsed by the contract's schema first as the IPC gate and `gmki serve` do, so a field's
 * message is the one a user would read. The whole services (SQLite, workers, model hosts) cannot
 * load in a DOM environment (their `new URL(…, import.meta.url)` paths become page URLs there);
 * a channel the forms do not use is refused loudly instead of faked. Test files opt into a DOM
 * with `// @vitest-environment happy-dom` on their first line.
 */
import { vi } from 'vitest';
import { mount, type ComponentMountingOptions } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { defineComponent, type Component } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { AppBridge } from '../../../electron/contract/channel-map';
import type { Channel } from '../../../electron/contract/channels';
import { fail, type Result } from '../../../electron/contract/result';
import { REQUEST_SCHEMAS } from '../../../electron/contract/schemas/index';
import type { HandlerDeps } from '../../../electron/services/handlers/deps';
import { toAppError } from '../../../electron/services/handlers/errors';
import { validateProblem } from '../../../electron/services/handlers/problems';
import { requestIssues, requestMessage } from '../../../electron/services/handlers/request-issues';
import { settingsDefaults } from '../../../electron/services/handlers/settings';

type FormHandler = (deps: HandlerDeps, request: never) => Promise<unknown>;
const FORM_HANDLERS: Partial<Record<Channel, FormHandler>> = {
  'problem/validate': validateProblem,
  'settings/defaults': settingsDefaults,
};

/** What the form channels read of the services: the machine's cores (the default concurrency). */
const FORM_DEPS = { cpuCount: 4 } as HandlerDeps;

/** The channels the renderer called, in order (a test may check a form called nothing else). */
export type CallLog = Channel[];

/**
 * The form channels' handlers as the renderer's bridge, installed where the renderer looks first
 * (the desktop's window.gmki). Call before anything calls useBridge(): the renderer keeps the
 * first bridge it finds.
 */
export function installFormBridge(): CallLog {
  const calls: CallLog = [];
  const bridge: AppBridge = {
    async invoke(channel, request) {
      calls.push(channel);
      const handler = FORM_HANDLERS[channel];
      if (!handler) throw new Error(`component tests serve only ${Object.keys(FORM_HANDLERS).join(' and ')}, not ${channel}`);
      const parsed = REQUEST_SCHEMAS[channel].safeParse(request ?? {}, { reportInput: true });
      if (!parsed.success) {
        const issues = requestIssues(parsed.error);
        return fail('INVALID_REQUEST', requestMessage(channel, issues), issues);
      }
      try {
        return { ok: true, value: await handler(FORM_DEPS, parsed.data as never) } as Result<never>;
      } catch (error) {
        return { ok: false, error: toAppError(error) };
      }
    },
    subscribe(event) {
      throw new Error(`component tests send no events (${event})`);
    },
  };
  window.gmki = bridge;
  return calls;
}

/** A fresh Pinia per test, active so that the test can use the stores the component uses. */
export function freshPinia(): Pinia {
  const pinia = createPinia();
  setActivePinia(pinia);
  return pinia;
}

/** Any address renders nothing: components only link (the guide's "?"), they are not routed here. */
function linkOnlyRouter() {
  return createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: defineComponent({ render: () => null }) }] });
}

/** Mounts `component` with the app's plugins, attached to the document (focus and labels work). */
export function mountInApp<C extends Component>(component: C, pinia: Pinia, options: ComponentMountingOptions<C> = {}) {
  return mount(component, {
    ...options,
    attachTo: document.body,
    global: { ...options.global, plugins: [pinia, ElementPlus, linkOnlyRouter()] },
  } as ComponentMountingOptions<C>);
}

/**
 * Waits until `assertion` passes: validation runs once typing pauses (300 ms) and then answers
 * asynchronously, which a loaded machine can stretch well past vi.waitFor's default second.
 */
export function eventually(assertion: () => void): Promise<void> {
  return vi.waitFor(assertion, { timeout: 20_000, interval: 20 });
}
