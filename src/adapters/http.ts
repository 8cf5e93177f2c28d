/**
 * HTTP for the adapters, on Node's own client: every request keeps its deadline, redirects are never
 * followed (a request carries a token), answers are bounded in size, and the headers come back (the
 * rate limit, the `Link` of a list). Node's http and https modules are loaded on the first request to
 * each scheme, through process.getBuiltinModule, which skips the lazy exports an ESM import would touch.
 */
import type * as Http from 'node:http';

export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'PATCH';
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Aborts the request: its own timeout, the phase's deadline, or a stop. */
  readonly signal: AbortSignal;
}

export interface HttpAnswer {
  readonly status: number;
  /** Header names in lower case. */
  readonly header: (name: string) => string | null;
  readonly text: string;
}

/** Why no answer came; `sent` tells whether the request may have reached the server. */
export class HttpProblem extends Error {
  override readonly name = 'HttpProblem';
  constructor(
    readonly kind: 'timeout' | 'refused' | 'network' | 'too-large',
    readonly code: string,
    readonly sent: boolean,
  ) {
    super(`${kind}${code ? ` (${code})` : ''}`);
  }
}

/** No answer the adapters read is larger: a page of 100 deploys is about 300 KB. */
const MAX_BODY = 8 * 1024 * 1024;

type Client = typeof Http;
const clients = new Map<string, { client: Client; agent: Http.Agent }>();

function clientFor(url: URL): { client: Client; agent: Http.Agent } {
  const scheme = url.protocol === 'https:' ? 'https' : 'http';
  let entry = clients.get(scheme);
  if (!entry) {
    const client = process.getBuiltinModule(`node:${scheme}`) as Client;
    // A runner behind a proxy sets HTTPS_PROXY (and NO_PROXY): Node's agents honour them when given the environment.
    const proxied = Boolean(
      process.env.HTTPS_PROXY || process.env.https_proxy || process.env.HTTP_PROXY || process.env.http_proxy,
    );
    const options = { keepAlive: true, ...(proxied ? { proxyEnv: process.env } : {}) } as Http.AgentOptions;
    entry = { client, agent: new client.Agent(options) };
    clients.set(scheme, entry);
  }
  return entry;
}

export function send(request: HttpRequest): Promise<HttpAnswer> {
  const { client, agent } = clientFor(request.url);
  return new Promise<HttpAnswer>((resolve, reject) => {
    let sent = false;
    const fail = (error: unknown) => reject(problemOf(error, sent, request.signal));
    if (request.signal.aborted) {
      fail(request.signal.reason);
      return;
    }
    const req = client.request(
      request.url,
      { method: request.method, headers: request.headers, agent, signal: request.signal },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BODY) {
            // Settled before the destroy, whose 'aborted' would otherwise make it a reset.
            reject(new HttpProblem('too-large', '', true));
            res.destroy();
            return;
          }
          chunks.push(chunk);
        });
        res.on('error', fail);
        res.on('aborted', () => fail(new HttpProblem('network', 'ECONNRESET', true)));
        res.on('end', () => {
          if (!res.complete) {
            fail(new HttpProblem('network', 'ECONNRESET', true));
            return;
          }
          const headers = res.headers;
          resolve({
            status: res.statusCode ?? 0,
            header: (name) => {
              const value = headers[name.toLowerCase()];
              return Array.isArray(value) ? value.join(', ') : (value ?? null);
            },
            text: Buffer.concat(chunks).toString('utf8'),
          });
        });
      },
    );
    req.on('error', fail);
    // Once the socket is connected and the request written, the server may act on it.
    req.on('finish', () => {
      sent = true;
    });
    req.end(request.body);
  });
}

function problemOf(error: unknown, sent: boolean, signal: AbortSignal): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (signal.aborted) return new HttpProblem('timeout', '', sent);
  const code = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : '';
  const safe = /^E[A-Z_]{2,30}$/.test(code) ? code : '';
  if (safe === 'ECONNREFUSED' || safe === 'ENOTFOUND' || safe === 'EAI_AGAIN')
    return new HttpProblem('refused', safe, false);
  return new HttpProblem('network', safe, sent);
}

/** A signal for one request: its own timeout, or `outer`, whichever fires first. */
export function requestSignal(timeoutMs: number, outer?: AbortSignal): AbortSignal {
  const own = AbortSignal.timeout(Math.max(1, Math.floor(timeoutMs)));
  return outer ? AbortSignal.any([own, outer]) : own;
}
