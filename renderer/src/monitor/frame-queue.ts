/**
 * Jobs that run one per animation frame, each right after a frame has been painted. The run
 * monitor redraws four charts when an iteration arrives; run back to back (even as separate
 * setTimeout tasks, which the browser may run without rendering in between) they make one long
 * frame. Spread over frames, no frame waits for more than one chart (issue 4: frames < 50 ms).
 */

export interface FrameClock {
  /** Calls `callback` before the next paint (requestAnimationFrame). */
  readonly beforePaint: (callback: () => void) => void;
  /** Calls `callback` in a task of its own (setTimeout 0): after the paint that followed beforePaint. */
  readonly soon: (callback: () => void) => void;
}

export interface FrameQueue {
  /** Queues `job` unless it is already waiting (a job waits once however often it is added). */
  add(job: () => void): void;
  /** Takes `job` out of the queue if it is still waiting. */
  remove(job: () => void): void;
}

export function createFrameQueue(clock: FrameClock): FrameQueue {
  const waiting: (() => void)[] = [];
  let running = false;

  function runOneAfterNextPaint(): void {
    running = true;
    clock.beforePaint(() =>
      clock.soon(() => {
        waiting.shift()?.();
        if (waiting.length > 0) runOneAfterNextPaint();
        else running = false;
      }),
    );
  }

  return {
    add(job) {
      if (waiting.includes(job)) return;
      waiting.push(job);
      if (!running) runOneAfterNextPaint();
    },
    remove(job) {
      const index = waiting.indexOf(job);
      if (index >= 0) waiting.splice(index, 1);
    },
  };
}
