/**
 * A value that follows `source` one task later (setTimeout 0). Each chart of the monitor reads its
 * data through one, so that a committed iteration redraws the weights, misfit, means and pair
 * plot in four short tasks instead of one long one: the page keeps answering between them and no
 * frame waits for all four (the 50 ms budget of issue 4).
 */
import { onScopeDispose, shallowRef, watch, type ShallowRef } from 'vue';

export function useTaskDeferred<T>(source: () => T): Readonly<ShallowRef<T>> {
  const value = shallowRef(source());
  let timer: ReturnType<typeof setTimeout> | null = null;
  watch(source, (next) => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      value.value = next;
    }, 0);
  });
  onScopeDispose(() => {
    if (timer !== null) clearTimeout(timer);
  });
  return value;
}
