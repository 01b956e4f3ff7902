import { describe, expect, it } from 'vitest';
import { RUN_STATUSES } from '../../../electron/contract/types';
import { availableActions, explainConflict, isSettled, noPosteriorReason, statusLook } from '../../../renderer/src/runs/status';

describe('statusLook', () => {
  it('gives only a completed run the success look', () => {
    const successful = RUN_STATUSES.filter((status) => statusLook(status).tag === 'success');
    expect(successful).toEqual(['completed']);
  });
  it('shows a failed run as danger and stopped runs as warnings', () => {
    expect(statusLook('failed').tag).toBe('danger');
    expect(statusLook('cancelled').tag).toBe('warning');
    expect(statusLook('interrupted').tag).toBe('warning');
  });
  it('labels every status with its own name', () => {
    for (const status of RUN_STATUSES) expect(statusLook(status).label).toBe(status);
  });
  it('marks stopped runs with an icon other than the tick, so colour is not the only sign', () => {
    expect(RUN_STATUSES.filter((status) => statusLook(status).icon === '✓')).toEqual(['completed']);
    expect(new Set(RUN_STATUSES.map((status) => statusLook(status).icon)).size).toBe(RUN_STATUSES.length);
  });
  it('explains every status in a sentence', () => {
    for (const status of RUN_STATUSES) expect(statusLook(status).explanation).toMatch(/^[A-Z].*\.$/);
  });
});

describe('availableActions', () => {
  it('offers cancel only for live runs without a pending cancel', () => {
    expect(availableActions('running').cancel).toBe(true);
    expect(availableActions('queued').cancel).toBe(true);
    expect(availableActions('running', true).cancel).toBe(false);
    expect(availableActions('completed').cancel).toBe(false);
  });
  it('offers resume for cancelled and interrupted runs and extend for completed ones only, as the services allow', () => {
    expect(RUN_STATUSES.filter((s) => availableActions(s).resume)).toEqual(['cancelled', 'interrupted']);
    expect(RUN_STATUSES.filter((s) => availableActions(s).extend)).toEqual(['completed']);
  });
});

describe('isSettled', () => {
  it('is false while queued or running and true for every end state', () => {
    expect(RUN_STATUSES.filter(isSettled)).toEqual(['completed', 'failed', 'cancelled', 'interrupted']);
  });
});

describe('explainConflict', () => {
  it('tells to extend instead of resuming a completed run, and keeps the server message', () => {
    const text = explainConflict('resume', 'completed', 'Run abc is completed.');
    expect(text).toContain('extend it');
    expect(text).toContain('Run abc is completed.');
  });
  it('tells to resume a cancelled run before extending it', () => {
    expect(explainConflict('extend', 'cancelled', 'no')).toContain('resume it first');
  });
});

describe('noPosteriorReason', () => {
  it('is null once an iteration has completed, whatever the status', () => {
    for (const status of RUN_STATUSES) expect(noPosteriorReason(status, 1)).toBeNull();
  });
  it('says that a run stopped at iteration 0 has only its initial mixture', () => {
    expect(noPosteriorReason('failed', 0)).toBe(
      'The run failed before its first iteration completed, so there is no posterior: the only mixture is the initial one, drawn from the prior.',
    );
    expect(noPosteriorReason('cancelled', null)).toMatch(/^The run was cancelled before its first iteration completed/);
    expect(noPosteriorReason('interrupted', 0)).toMatch(/^The run was interrupted before/);
  });
  it('says that a live run has not got there yet', () => {
    expect(noPosteriorReason('running', 0)).toBe('No iteration has completed yet: the run is running.');
  });
});
