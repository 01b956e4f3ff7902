/**
 * A value that follows `source` a frame or more later. Each chart of the monitor reads its data
 * through one, so that a committed iteration redraws the weights, misfit, means and pair plot in
 * four different frames (monitor/frame-queue.ts); a source that changes again before its turn is taken
 * at its newest value, once.
 */
import { onScopeDispose, shallowRef, watch, type ShallowRef } from 'vue';
import { createFrameQueue } from '../monitor/frame-queue';

const frames = createFrameQueue({
  beforePaint: (callback) => requestAnimationFrame(() => callback()),
  soon: (callback) => setTimeout(callback, 0),
});

export function useFrameDeferred<T>(source: () => T): Readonly<ShallowRef<T>> {
  // Typed here: shallowRef's conditional return type stays unresolved for a generic T.
  const value: ShallowRef<T> = shallowRef(source());
  let latest = value.value;
  const apply = (): void => {
    value.value = latest;
  };
  watch(source, (next) => {
    latest = next;
    frames.add(apply);
  });
  onScopeDispose(() => frames.remove(apply));
  return value;
}
