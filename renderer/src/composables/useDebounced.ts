/**
 * `call` once calls to the returned function have paused for `delayMs`, with the arguments of the
 * last call; a call still pending when the component (or effect scope) goes away is dropped, so
 * nothing runs for a screen that has been left. Run setup validates the draft through one, once
 * typing pauses rather than on every keystroke. (VueUse's useDebounceFn and watchDebounced keep
 * their pending call after unmount.)
 */
import { getCurrentScope, onScopeDispose } from 'vue';

export interface Debounced<A extends unknown[]> {
  (...args: A): void;
  /** Drops the pending call, if any. */
  cancel(): void;
}

export function useDebounced<A extends unknown[]>(call: (...args: A) => void, delayMs: number): Debounced<A> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = (): void => {
    clearTimeout(timer);
    timer = undefined;
  };
  const debounced = (...args: A): void => {
    cancel();
    timer = setTimeout(() => {
      timer = undefined;
      call(...args);
    }, delayMs);
  };
  if (getCurrentScope()) onScopeDispose(cancel);
  return Object.assign(debounced, { cancel });
}
