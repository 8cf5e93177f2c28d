/**
 * The types shared by the fakes (fakes/server.ts) and the contract checker (contract/checker.ts): what a fake
 * received, what it answers, the faults it can play, and the hook through which the checker sees both.
 * Kept apart so that neither side imports the other.
 */
export interface RecordedRequest {
  readonly method: string;
  /** Path without the query, e.g. /api/v1/sites/abc/deploys. */
  readonly path: string;
  readonly query: Record<string, string>;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
  readonly startedAt: number;
  endedAt: number;
  /** What the fake answered: a status, or the fault it played. */
  outcome: number | string;
}

export interface Reply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

/** A fault the server plays instead of its normal answer. */
export type Fault =
  | {
      readonly kind: 'status';
      readonly status: number;
      readonly body?: unknown;
      readonly headers?: Record<string, string>;
      readonly raw?: string;
    }
  | { readonly kind: 'hang' }
  | { readonly kind: 'half-body' }
  | { readonly kind: 'reset' }
  | { readonly kind: 'malformed-json' }
  | { readonly kind: 'html'; readonly status?: number }
  | { readonly kind: 'wrong-shape' }
  /** Answers normally (the request takes effect), then drops the connection before the answer is sent. */
  | { readonly kind: 'lose-answer' }
  /** Holds the request until `until` settles, then answers normally: lines up requests of concurrent runs. */
  | { readonly kind: 'hold'; readonly until: Promise<unknown> };

export interface Injection {
  readonly method?: string;
  /** Matched against the path (without the query). */
  readonly path: RegExp;
  readonly fault: Fault;
  /** How many matching requests get the fault (default: every one). */
  times?: number;
  /** Narrows the match further (e.g. on the query or the body); matching requests only count toward `times`. */
  readonly when?: (request: RecordedRequest) => boolean;
}

/**
 * Checks what the fake receives and serves against the API's published spec (test/lib/contract/checker.ts):
 * every request as it arrives; every answer the fake serves, but not the faults injected on purpose.
 */
export interface ContractHook {
  request(request: RecordedRequest): void;
  response(request: RecordedRequest, reply: Reply): void;
}
