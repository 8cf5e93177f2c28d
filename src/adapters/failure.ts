/**
 * What the adapters throw: an ApiFailure carries a message that is safe to print (never a token,
 * never a stack or a request dump), what to fix, and whether the request may have reached the API.
 */

export type Service = 'Netlify' | 'GitHub';

export class ApiFailure extends Error {
  override readonly name = 'ApiFailure';
  constructor(
    readonly service: Service,
    /** HTTP status, or null when no answer came. */
    readonly status: number | null,
    message: string,
    /** What a maintainer should do about it. */
    readonly fix: string,
    /** True when the request may have been processed although no good answer came back. */
    readonly mayHaveReached: boolean,
    /** True when trying the same request again later could succeed. */
    readonly transient: boolean,
    /** How long the API asked to wait before trying again (Retry-After, X-RateLimit-Reset), when it said. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

/** Network-level failure codes (from node-fetch, undici and the OS) and whether the request was sent. */
export function networkFailure(service: Service, error: unknown, what: string, timedOut: boolean): ApiFailure {
  const code = errorCode(error);
  if (timedOut || isAbort(error)) {
    return new ApiFailure(
      service,
      null,
      `${service} did not answer in time (${what})`,
      `check ${service}'s status, or raise timeout-seconds`,
      true,
      true,
    );
  }
  const refused = code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
  const detail = code ? `: ${code}` : '';
  return new ApiFailure(
    service,
    null,
    refused
      ? `${service} could not be reached (${what}${detail})`
      : `the connection to ${service} failed (${what}${detail})`,
    service === 'Netlify'
      ? "check netlify-api-url and the runner's network"
      : "check the runner's network and GITHUB_API_URL",
    !refused,
    true,
  );
}

function isAbort(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const type = (error as { type?: unknown }).type;
  return error.name === 'AbortError' || error.name === 'TimeoutError' || type === 'aborted';
}

/** The first system error code found on an error or its causes. */
function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
    const errno = (current as { errno?: unknown }).errno;
    if (typeof errno === 'string' && /^E[A-Z_]+$/.test(errno)) return errno;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Status codes after which the same request may succeed later. */
export function isTransientStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/**
 * A short, printable excerpt of an API's error text: one line, bounded, no markup, and none of the
 * `secrets` (removed before the text is cut, so that no part of one survives at the cut). Of an HTML
 * page only its title is kept.
 */
export function excerpt(text: unknown, secrets: readonly string[] = []): string {
  if (typeof text !== 'string') return '';
  let clean = text.slice(0, 20_000);
  for (const secret of secrets) if (secret) clean = clean.split(secret).join('***');
  const title = /<title[^>]{0,100}>([^<]{1,200})<\/title>/i.exec(clean)?.[1];
  const line = (title ?? clean)
    .replace(/<[^>]{0,200}>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}

/** The wait an answer asks for before the next try: Retry-After (seconds or a date) or X-RateLimit-Reset (epoch seconds). */
export function retryAfter(header: (name: string) => string | null | undefined, now = Date.now()): number | null {
  const after = header('retry-after')?.trim();
  if (after && /^\d{1,7}$/.test(after)) return Number(after) * 1000;
  if (after && !Number.isNaN(Date.parse(after))) return Math.max(0, Date.parse(after) - now);
  const reset = header('x-ratelimit-reset')?.trim();
  if (reset && /^\d{1,12}$/.test(reset)) return Math.max(0, Number(reset) * 1000 - now);
  return null;
}

/** What to do about a rate limit that ends in `waitMs`: a fix, in words a maintainer acts on. */
export function commentAgain(waitMs: number | null, now = Date.now()): string {
  if (waitMs === null || waitMs <= 60_000) return 'wait a minute and comment again';
  const at = new Date(now + waitMs + 60_000).toISOString().slice(11, 16);
  return `the limit resets at about ${at} UTC: comment again after that`;
}

/** One zod issue in plain words: where, and what was wrong there. */
export function describeIssue(
  issue: { readonly path: readonly PropertyKey[]; readonly message: string } | undefined,
): string {
  if (!issue) return 'body: not valid';
  const where = issue.path.map(String).join('.') || 'body';
  const missing = /received undefined$/.test(issue.message);
  return `${where}: ${missing ? 'missing' : issue.message.replace(/^Invalid input: /, '')}`;
}
