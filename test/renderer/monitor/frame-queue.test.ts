import { describe, expect, it } from 'vitest';
import { createFrameQueue } from '../../../renderer/src/monitor/frame-queue';

/** A hand-cranked clock: `frame()` paints once (runs what waits for the paint, then what follows it). */
function manualClock() {
  let beforePaint: (() => void)[] = [];
  let afterPaint: (() => void)[] = [];
  return {
    clock: { beforePaint: (callback: () => void) => void beforePaint.push(callback), soon: (callback: () => void) => void afterPaint.push(callback) },
    frame: () => {
      const now = beforePaint;
      beforePaint = [];
      now.forEach((callback) => callback());
      const after = afterPaint;
      afterPaint = [];
      after.forEach((callback) => callback());
    },
  };
}

describe('frame queue', () => {
  it('runs one job per painted frame, in the order they were added', () => {
    const { clock, frame } = manualClock();
    const queue = createFrameQueue(clock);
    const ran: string[] = [];
    for (const name of ['weights', 'misfit', 'means', 'pair']) queue.add(() => ran.push(name));
    expect(ran).toEqual([]);
    frame();
    expect(ran).toEqual(['weights']);
    frame();
    frame();
    frame();
    expect(ran).toEqual(['weights', 'misfit', 'means', 'pair']);
    frame();
    expect(ran).toHaveLength(4);
  });

  it('keeps a job waiting once however often it is added, and drops removed jobs', () => {
    const { clock, frame } = manualClock();
    const queue = createFrameQueue(clock);
    let runs = 0;
    const job = () => void runs++;
    const dropped = () => void (runs += 100);
    queue.add(job);
    queue.add(dropped);
    queue.add(job);
    queue.remove(dropped);
    frame();
    frame();
    expect(runs).toBe(1);
  });

  it('starts again when a job is added after the queue ran dry', () => {
    const { clock, frame } = manualClock();
    const queue = createFrameQueue(clock);
    const ran: number[] = [];
    queue.add(() => ran.push(1));
    frame();
    queue.add(() => ran.push(2));
    frame();
    expect(ran).toEqual([1, 2]);
  });
});
