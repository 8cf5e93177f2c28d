/**
 * A real HTTP server on 127.0.0.1 that the fakes of Netlify and GitHub are built on: routing, a fixed
 * latency per request, a log of every request, and faults injected per request.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { ContractHook, Fault, Injection, RecordedRequest, Reply } from '../http.js';

export type { ContractHook, Fault, Injection, RecordedRequest, Reply } from '../http.js';

export type Handler = (request: RecordedRequest, params: Record<string, string>) => Reply | Promise<Reply>;

interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  readonly names: readonly string[];
  readonly handler: Handler;
}

/**
 * An origin that refuses every connection: port 1 on the loopback, where nothing listens and which the
 * system never hands out as an ephemeral port. (A server started and stopped frees a port that another
 * test's server, started meanwhile, may be given: a request meant to be refused would reach it.)
 */
export const REFUSED_ORIGIN = 'http://127.0.0.1:1';

export class FakeServer {
  readonly requests: RecordedRequest[] = [];
  latencyMs = 0;
  /** The contract check of this fake's API, or null for none. */
  contract: ContractHook | null = null;
  readonly #routes: Route[] = [];
  readonly #injections: Injection[] = [];
  readonly #sockets = new Set<Socket>();
  #server: Server | null = null;
  #port = 0;

  constructor(readonly name: string) {}

  /** Registers a route; `:name` segments become params. */
  route(method: string, template: string, handler: Handler): void {
    const names: string[] = [];
    const source = template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:([a-z_]+)/gi, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    this.#routes.push({ method, pattern: new RegExp(`^${source}$`), names, handler });
  }

  inject(injection: Injection): void {
    this.#injections.push({ ...injection });
  }

  clearFaults(): void {
    this.#injections.length = 0;
  }

  async start(): Promise<string> {
    const server = createServer((req, res) => void this.#handle(req, res));
    server.keepAliveTimeout = 1_000;
    server.on('connection', (socket) => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.#server = server;
    this.#port = (server.address() as AddressInfo).port;
    return this.origin;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  async stop(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
    this.#server = null;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', this.origin);
    const request: RecordedRequest = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname),
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
      startedAt: performance.now(),
      endedAt: 0,
      outcome: 0,
    };
    this.requests.push(request);
    this.arrived(request);
    this.contract?.request(request);
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));

    const fault = this.#takeFault(request);
    if (fault?.kind === 'hold') await fault.until.catch(() => undefined);
    if (fault && fault.kind !== 'lose-answer' && fault.kind !== 'hold') {
      request.outcome = fault.kind === 'status' ? fault.status : fault.kind;
      this.#play(fault, res, request);
      return;
    }
    const reply = await this.#dispatch(request);
    request.endedAt = performance.now();
    this.contract?.response(request, reply);
    if (fault?.kind === 'lose-answer') {
      request.outcome = 'lose-answer';
      res.socket?.destroy();
      return;
    }
    request.outcome = reply.status;
    this.#send(res, reply, request);
  }

  async #dispatch(request: RecordedRequest): Promise<Reply> {
    const preempted = this.preempt(request);
    if (preempted) return preempted;
    for (const route of this.#routes) {
      if (route.method !== request.method) continue;
      const match = route.pattern.exec(request.path);
      if (!match) continue;
      const params = Object.fromEntries(route.names.map((name, i) => [name, match[i + 1] as string]));
      try {
        return await route.handler(request, params);
      } catch (error) {
        return { status: 500, body: { message: `fake ${this.name} failed: ${String(error)}` } };
      }
    }
    return this.notFound(request);
  }

  /** Called once per request as it arrives, before any fault or latency (e.g. to count it against a rate limit). */
  protected arrived(_request: RecordedRequest): void {}

  /** An answer that takes the place of the routes' (e.g. a 429 once a rate limit is spent), or null. */
  protected preempt(_request: RecordedRequest): Reply | null {
    return null;
  }

  /**
   * Headers added to every answer of the fake's own (e.g. rate-limit headers), not to injected faults, which
   * carry exactly the headers they were given; an answer's own headers win (names compared without case).
   */
  protected headersFor(_request: RecordedRequest): Record<string, string> {
    return {};
  }

  /** The API's own 404 for an unknown path; each fake overrides it with its API's body. */
  notFound(_request: RecordedRequest): Reply {
    return { status: 404, body: { message: 'Not Found' } };
  }

  #takeFault(request: RecordedRequest): Fault | null {
    for (const injection of this.#injections) {
      if (injection.method && injection.method !== request.method) continue;
      if (!injection.path.test(request.path)) continue;
      if (injection.when && !injection.when(request)) continue;
      if (injection.times === 0) continue;
      if (injection.times !== undefined) injection.times--;
      return injection.fault;
    }
    return null;
  }

  #play(fault: Fault, res: ServerResponse, request: RecordedRequest): void {
    const end = () => {
      request.endedAt = performance.now();
    };
    switch (fault.kind) {
      case 'status':
        end();
        if (fault.raw !== undefined) {
          res.writeHead(fault.status, { 'content-type': 'text/plain', ...fault.headers });
          res.end(fault.raw);
          return;
        }
        this.#send(res, { status: fault.status, body: fault.body ?? {}, headers: fault.headers ?? {} }, null);
        return;
      case 'hang':
        return; // never answers; the socket is destroyed when the server stops
      case 'half-body':
        end();
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': '4096' });
        res.write('[{"id":"5f1b2c3d4e5f6a7b8c9d0e1f","state":"err');
        setTimeout(() => res.socket?.destroy(), 20);
        return;
      case 'reset':
        end();
        res.socket?.destroy();
        return;
      case 'malformed-json':
        end();
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.end('{"id": "abc", "state": ');
        return;
      case 'html':
        end();
        res.writeHead(fault.status ?? 502, { 'content-type': 'text/html' });
        res.end('<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>');
        return;
      case 'wrong-shape':
        end();
        this.#send(res, { status: 200, body: { unexpected: true, items: 'none' } }, null);
        return;
      case 'lose-answer':
      case 'hold':
        return;
    }
  }

  /** Sends an answer; `request` is null for a fault, which carries exactly the headers it was given. */
  #send(res: ServerResponse, reply: Reply, request: RecordedRequest | null): void {
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    for (const [name, value] of Object.entries({ ...(request ? this.headersFor(request) : {}), ...reply.headers }))
      headers[name.toLowerCase()] = value;
    if (reply.status === 204 || reply.body === undefined) {
      res.writeHead(reply.status, headers);
      res.end();
      return;
    }
    res.writeHead(reply.status, headers);
    res.end(JSON.stringify(reply.body));
  }
}
