/**
 * Runs `work` at most once per `intervalMs`: the first call runs at once, calls within the
 * interval are folded into one trailing run at its end. The monitor redraws its charts through
 * it, so a burst of committed iterations (a fast model) costs one redraw per interval instead of
 * one per iteration.
 */
export interface Throttled {
  /** Asks for a run of the work (now, or at the end of the current interval). */
  request(): void;
  /** Drops a pending run and stops the timer (on unmount). */
  cancel(): void;
}

export function throttle(work: () => void, intervalMs: number, now: () => number = () => performance.now()): Throttled {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = (): void => {
    timer = null;
    last = now();
    work();
  };
  return {
    request() {
      if (timer !== null) return;
      const wait = last + intervalMs - now();
      if (wait <= 0) run();
      else timer = setTimeout(run, wait);
    },
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
