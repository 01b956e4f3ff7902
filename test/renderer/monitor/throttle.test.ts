import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttle } from '../../../renderer/src/monitor/throttle';

describe('throttle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs the first request at once and folds a burst into one trailing run', () => {
    const work = vi.fn();
    const throttled = throttle(work, 250, () => Date.now());
    throttled.request();
    expect(work).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(20);
      throttled.request();
    }
    expect(work).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(250);
    expect(work).toHaveBeenCalledTimes(2);
  });

  it('runs at most once per interval under a steady stream of 10 requests a second', () => {
    const work = vi.fn();
    const throttled = throttle(work, 500, () => Date.now());
    for (let i = 0; i < 50; i++) {
      throttled.request();
      vi.advanceTimersByTime(100);
    }
    // 5 s of requests: one run per 500 ms, give or take the first.
    expect(work.mock.calls.length).toBeGreaterThanOrEqual(10);
    expect(work.mock.calls.length).toBeLessThanOrEqual(11);
  });

  it('drops a pending run when cancelled', () => {
    const work = vi.fn();
    const throttled = throttle(work, 250, () => Date.now());
    throttled.request();
    throttled.request();
    throttled.cancel();
    vi.advanceTimersByTime(1000);
    expect(work).toHaveBeenCalledTimes(1);
  });
});
