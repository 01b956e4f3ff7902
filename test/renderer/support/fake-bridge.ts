/**
 * A bridge for the renderer's store tests, typed by the contract: each answer takes the
 * channel's request type and gives the channel's Result, each event the event map's payload, so a
 * change of the contract breaks the fakes at the type check instead of leaving them to pass.
 * A channel without an answer rejects (a store that calls it is a test failure, not a silent one).
 */
import type { AppBridge, EventMap, RequestOf, ResponseOf } from '../../../electron/contract/channel-map';
import type { Channel, EventName } from '../../../electron/contract/channels';
import type { AppError, Result } from '../../../electron/contract/result';

/** How the fake answers channel C. */
export type ChannelAnswer<C extends Channel> = (request: RequestOf<C>) => Result<ResponseOf<C>> | Promise<Result<ResponseOf<C>>>;

/** The answers of a fake, by channel; tests may replace them while they run. */
export type FakeAnswers = { [C in Channel]?: ChannelAnswer<C> };

/** A call the store made: its channel and request. */
export interface FakeCall {
  readonly channel: Channel;
  readonly request: RequestOf<Channel>;
}

export interface FakeBridge {
  readonly bridge: AppBridge;
  readonly answers: FakeAnswers;
  readonly calls: FakeCall[];
  /** Sends an event to the store's listeners, as the services would (a plain function: tests pass it around). */
  readonly emit: <E extends EventName>(event: E, payload: EventMap[E]) => void;
  /** Listeners still subscribed (to event, or to any). */
  readonly listenerCount: (event?: EventName) => number;
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const refused = (error: AppError): Result<never> => ({ ok: false, error });

export function fakeBridge(answers: FakeAnswers = {}): FakeBridge {
  const calls: FakeCall[] = [];
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const bridge: AppBridge = {
    async invoke(channel, request) {
      calls.push({ channel, request });
      const answer = answers[channel] as ChannelAnswer<typeof channel> | undefined;
      if (!answer) throw new Error(`the fake bridge has no answer for ${channel}`);
      return answer(request);
    },
    subscribe(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => void set.delete(listener);
    },
  };
  return {
    bridge,
    answers,
    calls,
    emit(event, payload) {
      for (const listener of [...(listeners.get(event) ?? [])]) (listener as (payload: EventMap[typeof event]) => void)(payload);
    },
    listenerCount(event) {
      if (event) return listeners.get(event)?.size ?? 0;
      return [...listeners.values()].reduce((n, set) => n + set.size, 0);
    },
  };
}

/**
 * Puts `bridge` where the renderer's bridge module looks first (the desktop's window.gmki). The
 * module keeps the first bridge it finds: import the store after vi.resetModules() to get this one.
 */
export function installBridge(bridge: AppBridge): void {
  (globalThis as { window?: unknown }).window = { gmki: bridge };
}
