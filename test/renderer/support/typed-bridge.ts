/**
 * A fake AppBridge whose answers are typed against the contract: each handler takes the channel's
 * request type and returns its Result type, so a fake that drifts from the contract fails the
 * typecheck. Records every call; `emit` delivers an event to the subscribers.
 */
import type { AppBridge, EventMap, RequestOf, ResponseOf } from '../../../electron/contract/channel-map';
import type { Channel, EventName } from '../../../electron/contract/channels';
import type { Result } from '../../../electron/contract/result';

export type FakeAnswers = { readonly [C in Channel]?: (request: RequestOf<C>) => Result<ResponseOf<C>> | Promise<Result<ResponseOf<C>>> };

export interface TypedFakeBridge {
  readonly bridge: AppBridge;
  readonly calls: { readonly channel: Channel; readonly request: unknown }[];
  emit<E extends EventName>(event: E, payload: EventMap[E]): void;
  /** How many listeners are subscribed. */
  listening(): number;
}

export function typedFakeBridge(answers: FakeAnswers): TypedFakeBridge {
  const calls: { channel: Channel; request: unknown }[] = [];
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const bridge: AppBridge = {
    async invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>> {
      calls.push({ channel, request });
      const answer = answers[channel] as ((request: RequestOf<C>) => Result<ResponseOf<C>> | Promise<Result<ResponseOf<C>>>) | undefined;
      if (!answer) throw new Error(`the fake bridge has no answer for ${channel}`);
      return answer(request);
    },
    subscribe<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener as (payload: never) => void);
      return () => listeners.get(event)!.delete(listener as (payload: never) => void);
    },
  };
  return {
    bridge,
    calls,
    emit: (event, payload) => listeners.get(event)?.forEach((listener) => (listener as (payload: unknown) => void)(payload)),
    listening: () => [...listeners.values()].reduce((n, set) => n + set.size, 0),
  };
}

/** `{ ok: true, value }`. */
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
