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
  ) {
    super(message);
  }
}

/** Network-level failure codes (from node-fetch, undici and the OS) and whether the request was sent. */
export function networkFailure(service: Service, error: unknown, what: string, budgetExpired: boolean): ApiFailure {
  const code = errorCode(error);
  if (budgetExpired || isAbort(error)) {
    return new ApiFailure(service, null, `${service} did not answer ${what} in time`, `check ${service}'s status; the request was abandoned`, true, true);
  }
  const refused = code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
  const detail = code ? ` (${code})` : '';
  return new ApiFailure(
    service,
    null,
    refused ? `${service} could not be reached for ${what}${detail}` : `the connection to ${service} failed during ${what}${detail}`,
    service === 'Netlify' ? 'check netlify-api-url and the runner\'s network' : 'check the runner\'s network and GITHUB_API_URL',
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
export function errorCode(error: unknown): string | undefined {
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

/** A short, printable excerpt of an API's error text: one line, bounded, no markup. */
export function excerpt(text: unknown): string {
  if (typeof text !== 'string') return '';
  const line = text.replace(/<[^>]{0,200}>/g, ' ').replace(/\s+/g, ' ').trim();
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}
