// useDebounced: one call with the last arguments once calls pause; nothing after its scope ends.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope } from 'vue';
import { useDebounced } from '../../../renderer/src/composables/useDebounced';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('useDebounced', () => {
  it('calls once, with the last arguments, when calls pause for the delay', () => {
    const calls: string[] = [];
    const debounced = useDebounced((text: string) => calls.push(text), 250);
    debounced('a');
    vi.advanceTimersByTime(200);
    debounced('ab');
    vi.advanceTimersByTime(200);
    debounced('abc');
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(249);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual(['abc']);
    vi.advanceTimersByTime(1000);
    expect(calls).toEqual(['abc']);
  });

  it('drops the pending call on cancel, and when its effect scope (a component) ends', () => {
    const calls: number[] = [];
    const scope = effectScope();
    const debounced = scope.run(() => useDebounced((n: number) => calls.push(n), 100))!;
    debounced(1);
    debounced.cancel();
    vi.advanceTimersByTime(100);
    expect(calls).toEqual([]);
    debounced(2);
    scope.stop();
    vi.advanceTimersByTime(100);
    expect(calls).toEqual([]);
  });

  it('works outside a component too (a store or module), where nothing ends it', () => {
    const calls: number[] = [];
    const debounced = useDebounced((n: number) => calls.push(n), 100);
    debounced(1);
    vi.advanceTimersByTime(100);
    debounced(2);
    vi.advanceTimersByTime(100);
    expect(calls).toEqual([1, 2]);
  });
});
