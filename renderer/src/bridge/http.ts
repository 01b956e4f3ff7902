/**
 * The AppBridge over HTTP, for a browser pointed at `gmki serve` (electron/contract/README.md,
 * "Over HTTP"; docs/security.md): one JSON POST per request with the token in the Authorization
 * header — never in a cookie or the URL —, one shared EventSource for every event listener (the
 * one request that carries `?token=`, as EventSource cannot send headers). Never rejects:
 * transport failures become error Results.
 */
import type { AppBridge, EventMap } from '../../../electron/contract/channel-map';
import type { EventName } from '../../../electron/contract/channels';
import type { AppError, Result } from '../../../electron/contract/result';

type Listener = (payload: never) => void;

/** Turns an HTTP status the server uses for transport failures into the contract's error. */
function transportError(status: number, text: string): AppError {
  if (status === 401) return { code: 'INVALID_REQUEST', message: 'The server refused the access token. Open the address `gmki serve` printed (it carries ?token=…).' };
  if (status === 413) return { code: 'INVALID_REQUEST', message: 'The request is larger than the server accepts (16 MiB).' };
  return { code: 'INTERNAL', message: `The server answered HTTP ${status}${text ? `: ${text.slice(0, 200)}` : ''}` };
}

/** The server's own error when it answered one (403, 415 …: a JSON Result), else the status in words. */
function refusal(status: number, text: string): AppError {
  try {
    const body = JSON.parse(text) as Partial<Result<never>>;
    if (body.ok === false && typeof body.error?.message === 'string') return body.error;
  } catch {
    // Not JSON: a plain-text reply.
  }
  return transportError(status, text);
}

export function createHttpBridge(token: string, base = '/api/'): AppBridge {
  const listeners = new Map<EventName, Set<Listener>>();
  let source: EventSource | null = null;

  function ensureEventSource(): EventSource {
    if (source) return source;
    source = new EventSource(`${base}events?token=${encodeURIComponent(token)}`);
    return source;
  }

  return {
    async invoke(channel, request) {
      try {
        const response = await fetch(base + channel, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(request ?? {}),
        });
        if (!response.ok) return { ok: false, error: refusal(response.status, await response.text()) };
        return (await response.json()) as Result<never>;
      } catch (cause) {
        const message = cause instanceof Error ? cause.message : String(cause);
        return { ok: false, error: { code: 'INTERNAL', message: `Cannot reach the GMKI server (${message}). Is \`gmki serve\` still running?` } };
      }
    },
    subscribe<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void) {
      let set = listeners.get(event);
      if (!set) {
        const created = new Set<Listener>();
        listeners.set(event, created);
        set = created;
        ensureEventSource().addEventListener(event, (message) => {
          const payload = JSON.parse((message as MessageEvent<string>).data) as never;
          for (const forward of created) forward(payload);
        });
      }
      set.add(listener as Listener);
      return () => void set.delete(listener as Listener);
    },
  };
}
