import { describe, expect, it } from 'vitest';
import { RUN_STATUSES } from '../../../electron/contract/types';
import { formatCount, formatDuration, formatValue, formatWeight, isSettled, statusLook } from '../../../renderer/src/runs/format';

describe('statusLook', () => {
  it('shows only a completed run as a success', () => {
    const green = RUN_STATUSES.filter((status) => statusLook(status).type === 'success');
    expect(green).toEqual(['completed']);
    expect(statusLook('cancelled').icon).not.toBe('✓');
    expect(statusLook('interrupted').icon).not.toBe('✓');
    expect(statusLook('failed').type).toBe('danger');
  });

  it('calls only queued and running unsettled', () => {
    expect(RUN_STATUSES.filter((status) => !isSettled(status))).toEqual(['queued', 'running']);
  });
});

describe('formatting', () => {
  it('writes durations from tenths of a second to hours', () => {
    expect(formatDuration(0.42)).toBe('0.4 s');
    expect(formatDuration(12.4)).toBe('12 s');
    expect(formatDuration(185)).toBe('3 min 05 s');
    expect(formatDuration(2 * 3600 + 7 * 60)).toBe('2 h 07 min');
    expect(formatDuration(null)).toBe('—');
  });

  it('groups thousands and rounds values to four digits', () => {
    expect(formatCount(1234567)).toBe('1\u202f234\u202f567');
    expect(formatValue(3.14159)).toBe('3.142');
    expect(formatValue(-0.000012346)).toBe('-1.235e-5');
    expect(formatValue(Number.NaN)).toBe('—');
    expect(formatWeight(0.5234)).toBe('52.3 %');
    expect(formatWeight(1e-15)).toBe('<0.1 %');
  });
});
