/**
 * The contract checker the fakes call on every request and every answer, and the event payload check:
 * whatever does not conform to GitHub's or Netlify's spec is recorded as a violation. The setup file
 * (test/setup.ts) fails the test in which a violation was recorded; a test that provokes one on purpose
 * takes it with takeViolations() and asserts on it.
 */
import type { ContractHook, RecordedRequest, Reply } from '../http.js';
import type { ApiName } from './exceptions.js';
import { checkGraphqlRequest, checkGraphqlResponse } from './graphql.js';
import { checkReads } from './reads.js';
import { checkCommentPayload, checkRequest, checkResponse, findOperation } from './specs.js';
import { deferCheck } from './violations.js';

export { formatViolations, takeViolations, type Violation } from './violations.js';

/** Runs a check; a check that throws is itself reported, never swallowed. */
function guarded(check: () => string[]): string[] {
  try {
    return check();
  } catch (error) {
    return [`the contract check itself failed: ${(error as Error).stack ?? String(error)}`];
  }
}

/** Problems with a request to one of the APIs. */
export function requestProblems(api: ApiName, request: RecordedRequest): string[] {
  return guarded(() => {
    const problems = checkRequest(api, request);
    if (api === 'github' && request.method === 'POST' && request.path === '/graphql')
      problems.push(...checkGraphqlRequest(request));
    return problems;
  });
}

/** Problems with a fake's answer: the spec's schema for the status, and the fields the action reads. */
export function responseProblems(
  api: ApiName,
  request: RecordedRequest,
  reply: Pick<Reply, 'status' | 'body'>,
): string[] {
  return guarded(() => {
    if (api === 'github' && request.method === 'POST' && request.path === '/graphql')
      return checkGraphqlResponse(request, reply);
    const problems = checkResponse(api, request, reply);
    const found = findOperation(api, request.method, request.path);
    if ('operation' in found && reply.body !== undefined) {
      problems.push(...checkReads(api, found.operation.id, reply.status, JSON.parse(JSON.stringify(reply.body))));
    }
    return problems;
  });
}

/**
 * The hook a fake calls: each request as it arrives, each answer it serves (injected faults excepted).
 * It only queues them (the answer's body as served, frozen as JSON): the checks run when the test's
 * violations are taken, so that checking never delays an answer.
 */
export function contractHook(api: ApiName): ContractHook | null {
  // Only under vitest, whose setup file takes what is queued: the benchmark and the demo use the fakes too.
  if (!process.env.VITEST) return null;
  const source = api === 'github' ? 'GitHub fake' : 'Netlify fake';
  const subject = (request: RecordedRequest) => `${request.method} ${request.path}${queryText(request)}`;
  return {
    request(request) {
      deferCheck(() => {
        const problems = requestProblems(api, request);
        return problems.length ? { kind: 'request', source, subject: subject(request), problems } : null;
      });
    },
    response(request, reply) {
      const served = reply.body === undefined ? undefined : JSON.stringify(reply.body);
      deferCheck(() => {
        const body = served === undefined ? undefined : (JSON.parse(served) as unknown);
        const problems = responseProblems(api, request, { status: reply.status, body });
        return problems.length
          ? { kind: 'response', source, subject: `${subject(request)} -> ${reply.status}`, problems }
          : null;
      });
    },
  };
}

function queryText(request: RecordedRequest): string {
  const query = new URLSearchParams(request.query).toString();
  return query ? `?${query}` : '';
}

/** Queues the check of an issue_comment payload that a test feeds the action (as it is now). */
export function checkEventPayload(payload: unknown): void {
  if (!process.env.VITEST) return;
  const fed = JSON.stringify(payload);
  deferCheck(() => {
    const parsed = fed === undefined ? undefined : (JSON.parse(fed) as unknown);
    const problems = guarded(() => checkCommentPayload(parsed));
    const action = (parsed as { action?: unknown } | null)?.action;
    return problems.length
      ? { kind: 'event', source: 'event payload', subject: `issue_comment ${String(action)}`, problems }
      : null;
  });
}
