/**
 * `GET /api/events`: the contract's events as server-sent events (`event: run/progress`,
 * `data: {json}`), with a comment line every 15 s so that proxies and browsers keep it open.
 */
import type { ServerResponse } from 'node:http';
import type { EventHub } from '../services/handlers/events';

const HEARTBEAT_MS = 15_000;

/** Streams every event of `hub` to `response` until the client goes away; returns the stop function. */
export function streamEvents(hub: EventHub, response: ServerResponse, headers: Record<string, string>): () => void {
  response.writeHead(200, {
    ...headers,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
  });
  response.write(': connected\n\n');
  const unsubscribe = hub.subscribeAll((event, payload) => {
    response.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
  });
  const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  const stop = (): void => {
    clearInterval(heartbeat);
    unsubscribe();
  };
  response.on('close', stop);
  return () => {
    stop();
    response.end();
  };
}
