import { describe, expect, it } from 'vitest';
import { formatCount, formatDuration, formatValue, formatWeight } from '../../../renderer/src/runs/format';

describe('formatting', () => {
  it('writes elapsed times with one decimal under ten seconds and whole seconds up to a minute', () => {
    expect(formatDuration(0.04)).toBe('0 s');
    expect(formatDuration(0.42)).toBe('0.4 s');
    expect(formatDuration(3.46)).toBe('3.5 s');
    expect(formatDuration(12.4)).toBe('12 s');
    expect(formatDuration(45.4)).toBe('45 s');
  });

  it('writes longer elapsed times in the two largest units and drops a zero lower unit', () => {
    expect(formatDuration(185)).toBe('3 min 5 s');
    expect(formatDuration(200)).toBe('3 min 20 s');
    expect(formatDuration(120)).toBe('2 min');
    expect(formatDuration(2 * 3600 + 7 * 60)).toBe('2 h 7 min');
    expect(formatDuration(2 * 3600 + 5 * 60 + 7)).toBe('2 h 5 min');
    expect(formatDuration(3 * 86400 + 4 * 3600)).toBe('3 d 4 h');
  });

  it('shows a dash for an unknown, negative or infinite duration, whatever the precision', () => {
    for (const precision of ['elapsed', 'measured', 'estimate'] as const) {
      expect(formatDuration(null, precision)).toBe('—');
      expect(formatDuration(undefined, precision)).toBe('—');
      expect(formatDuration(-1, precision)).toBe('—');
      expect(formatDuration(Number.POSITIVE_INFINITY, precision)).toBe('—');
    }
  });

  it('writes measured times in milliseconds under a second, as elapsed times above', () => {
    expect(formatDuration(0.0004, 'measured')).toBe('0.4 ms');
    expect(formatDuration(0.01234, 'measured')).toBe('12.3 ms');
    expect(formatDuration(0.5, 'measured')).toBe('500 ms');
    expect(formatDuration(1.5, 'measured')).toBe('1.5 s');
    expect(formatDuration(42.2, 'measured')).toBe('42 s');
    expect(formatDuration(200, 'measured')).toBe('3 min 20 s');
    expect(formatDuration(7500, 'measured')).toBe('2 h 5 min');
    expect(formatDuration(9637.5, 'measured')).toBe('2 h 41 min');
    expect(formatDuration(9637.5)).toBe('2 h 40 min');
  });

  it('writes expected durations roughly, as estimates', () => {
    expect(formatDuration(0.3, 'estimate')).toBe('under a second');
    expect(formatDuration(42.4, 'estimate')).toBe('about 42 s');
    expect(formatDuration(240, 'estimate')).toBe('about 4 min');
    expect(formatDuration(3599, 'estimate')).toBe('about 1 h');
    expect(formatDuration(2 * 3600 + 9 * 60, 'estimate')).toBe('about 2 h 10 min');
    expect(formatDuration(2 * 3600 + 58 * 60, 'estimate')).toBe('about 3 h');
    expect(formatDuration(3 * 86_400 + 4 * 3600, 'estimate')).toBe('about 3 days 4 h');
    expect(formatDuration(86_400, 'estimate')).toBe('about 1 day');
  });

  it('groups thousands with a thin space whatever the locale', () => {
    expect(formatCount(450)).toBe('450');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(38_550)).toBe('38\u202f550');
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
