// @vitest-environment happy-dom
/**
 * The run monitor's failed evaluations (FailedEvaluations.vue), mounted with Element Plus as the
 * monitor holds it, from the iterations as run/iterations sends them (diagnostics.failures under
 * settings.onEvaluationFailure "skip") and the ledger's failed rows: the failures per iteration and
 * what each left out, the warning when the last iteration skipped a component, and none otherwise.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import type { IterationFailures } from '../../../core/inversion/types';
import type { EvaluationEntry, IterationData } from '../../../electron/contract/types';
import FailedEvaluations from '../../../renderer/src/components/run-monitor/FailedEvaluations.vue';
import { mergeIterations } from '../../../renderer/src/monitor/history';
import { eventually, freshPinia, mountInApp } from '../support/mount-app';

function iteration(i: number, failures?: IterationFailures): IterationData {
  return {
    iteration: i,
    weights: [0.6, 0.4],
    means: [[i], [-i]],
    covariances: [[[1]], [[1]]],
    diagnostics: { misfit: [1, 2], jitter: [0, 0], explorationEss: [null, null], ...(failures ? { failures } : {}) },
    forwardEvaluations: 6 * i,
    elapsedSeconds: i,
  };
}

function ledgerRow(iteration: number, component: number, theta: number[]): EvaluationEntry {
  return {
    iteration,
    pointIndex: component * 3,
    component,
    sigmaPoint: 0,
    theta,
    output: null,
    error: 'the model raised an error: the solver diverged at this θ',
    durationMs: 3,
    slot: 0,
    attempts: 1,
  };
}

let wrapper: VueWrapper;
afterEach(() => wrapper.unmount());

function mountWith(history: IterationData[], entries: EvaluationEntry[]) {
  wrapper = mountInApp(FailedEvaluations, freshPinia(), {
    props: { entries, total: entries.length, names: ['a'], history: mergeIterations([], history) },
  });
}

const rowsOf = (selector: string) => wrapper.findAll(`${selector} .el-table__body tr`).map((row) => row.findAll('td').map((cell) => cell.text()));

describe('FailedEvaluations', () => {
  it('lists the failures per iteration, the components each skipped, and warns when the last iteration skipped one', async () => {
    mountWith(
      [iteration(0), iteration(1, { count: 2, perComponent: [1, 1] }), iteration(2), iteration(3, { count: 1, perComponent: [0, 1] })],
      [ledgerRow(1, 0, [0.5]), ledgerRow(1, 1, [-0.25]), ledgerRow(3, 1, [1.5])],
    );
    await wrapper.vm.$nextTick();
    expect(wrapper.get('h3').text()).toBe('Failed evaluations (3)');
    // Element Plus fills a table's cells once it has laid the table out.
    await eventually(() =>
      expect(rowsOf('[data-testid="failures-per-iteration"]')).toEqual([
        ['1', '2', 'components 0 and 1 skipped'],
        ['3', '1', 'component 1 skipped'],
      ]),
    );
    const warning = wrapper.get('[data-testid="skipped-last-iteration"]');
    expect(warning.text()).toContain('The last iteration (3) skipped component 1');
    expect(warning.text()).toContain('that weight reflects the failures, not the data');
    await eventually(() => expect(wrapper.text()).toContain('a = 1.5'));
    expect(wrapper.text()).toContain('the solver diverged at this θ');
  });

  it("gives no warning when the last iteration skipped nothing, and names a particle method's failed particles", async () => {
    mountWith([iteration(0), iteration(1, { count: 2, particles: [4, 9] }), iteration(2)], [ledgerRow(1, 4, [0.1]), ledgerRow(1, 9, [0.2])]);
    await wrapper.vm.$nextTick();
    expect(wrapper.find('[data-testid="skipped-last-iteration"]').exists()).toBe(false);
    await eventually(() => expect(rowsOf('[data-testid="failures-per-iteration"]')).toEqual([['1', '2', 'particles 4 and 9 left out']]));
  });

  it('shows only the ledger rows for a run that the first failure stopped (no iteration recorded failures)', async () => {
    mountWith([iteration(0), iteration(1)], [ledgerRow(2, 0, [3])]);
    await wrapper.vm.$nextTick();
    expect(wrapper.find('[data-testid="failures-per-iteration"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="skipped-last-iteration"]').exists()).toBe(false);
    await eventually(() => expect(wrapper.text()).toContain('a = 3'));
  });
});
