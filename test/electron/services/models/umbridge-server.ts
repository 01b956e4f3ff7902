/**
 * A small UM-Bridge protocol server (GET /Info, POST /ModelInfo, /InputSizes, /OutputSizes,
 * /Evaluate, as UM-Bridge's reference Python server answers them) on 127.0.0.1, for tests and
 * the benchmark. It counts requests and the most Evaluate requests it had in flight at once.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What /Evaluate answers for one θ: output vectors, or a raw status and body. */
export type EvaluateReply = number[][] | { readonly status: number; readonly body: string } | 'hang-up';

export interface UmbridgeServerOptions {
  readonly models?: readonly string[];
  readonly inputSizes?: readonly number[];
  readonly outputSizes: readonly number[];
  readonly evaluate: (theta: number[]) => EvaluateReply | Promise<EvaluateReply>;
  /** Milliseconds an idle kept-alive connection stays open (Node's default: 5000). */
  readonly keepAliveTimeout?: number;
}

export interface UmbridgeServer {
  readonly url: string;
  /** `abandoned`: Evaluate requests whose client went away before the answer was sent. */
  readonly stats: { evaluateRequests: number; inFlight: number; peakInFlight: number; lastConfig: unknown; abandoned: number };
  /** A plain function (tests push it onto their cleanups). */
  readonly close: () => Promise<void>;
}

export async function startUmbridgeServer(options: UmbridgeServerOptions): Promise<UmbridgeServer> {
  const models = options.models ?? ['forward'];
  const stats = { evaluateRequests: 0, inFlight: 0, peakInFlight: 0, lastConfig: undefined as unknown, abandoned: 0 };
  const json = (response: ServerResponse, status: number, body: unknown): void => {
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  const unknownModel = (response: ServerResponse, name: unknown): void =>
    json(response, 400, { error: { type: 'ModelNotFound', message: `Model ${String(name)} not found!` } });

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method === 'GET' && request.url === '/Info') {
      json(response, 200, { protocolVersion: 1.0, models });
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { name?: string; input?: number[][]; config?: unknown };
    if (!models.includes(body.name ?? '')) {
      unknownModel(response, body.name);
      return;
    }
    switch (request.url) {
      case '/ModelInfo':
        json(response, 200, { support: { Evaluate: true, Gradient: false, ApplyJacobian: false, ApplyHessian: false } });
        return;
      case '/InputSizes':
        json(response, 200, { inputSizes: options.inputSizes ?? [2] });
        return;
      case '/OutputSizes':
        json(response, 200, { outputSizes: options.outputSizes });
        return;
      case '/Evaluate': {
        stats.evaluateRequests++;
        stats.lastConfig = body.config;
        stats.peakInFlight = Math.max(stats.peakInFlight, ++stats.inFlight);
        response.once('close', () => {
          if (!response.writableFinished) stats.abandoned++;
        });
        try {
          const reply = await options.evaluate(body.input![0]!);
          if (reply === 'hang-up') request.socket.destroy();
          else if (Array.isArray(reply)) json(response, 200, { output: reply });
          else response.writeHead(reply.status, { 'content-type': 'text/plain' }).end(reply.body);
        } finally {
          stats.inFlight--;
        }
        return;
      }
      default:
        json(response, 404, { error: { type: 'NotFound', message: `no route ${request.url}` } });
    }
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) json(response, 500, { error: { type: 'ServerError', message: String(error) } });
    });
  });
  if (options.keepAliveTimeout !== undefined) server.keepAliveTimeout = options.keepAliveTimeout;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
