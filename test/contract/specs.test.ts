/**
 * The REST checker itself, against GitHub's and Netlify's published specs: it finds the operations the
 * action uses, and it rejects what the specs reject (each rejection is asserted, so that a checker that
 * passes everything fails here).
 */
import { describe, expect, test } from 'vitest';
import { LIVE_NULLS, UNDOCUMENTED_OPERATIONS } from '../lib/contract/exceptions.js';
import { READS, checkReads } from '../lib/contract/reads.js';
import { checkRequest, checkResponse, findOperation, githubExample, type HttpRequest } from '../lib/contract/specs.js';

const OWNER = 'octo-org';
const REPO = 'docs';
const SITE = '3f1e2d4c-5b6a-4789-9abc-def012345678';
const DEPLOY = '6000000000000000000000a1';

function request(method: string, path: string, query: Record<string, string> = {}, body?: unknown): HttpRequest {
  return {
    method,
    path,
    query,
    headers: body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' },
    body: body === undefined ? '' : JSON.stringify(body),
  };
}

/** The requests the action sends, as the fakes record them. */
const ACTION_REQUESTS: [string, 'github' | 'netlify', HttpRequest][] = [
  [
    'listSiteDeploys',
    'netlify',
    request('GET', `/api/v1/sites/${SITE}/deploys`, { 'deploy-previews': 'true', page: '1', per_page: '100' }),
  ],
  [
    'listSiteDeploys',
    'netlify',
    request('GET', `/api/v1/sites/${SITE}/deploys`, {
      'deploy-previews': 'true',
      branch: 'pr-42',
      page: '1',
      per_page: '100',
    }),
  ],
  ['getDeploy', 'netlify', request('GET', `/api/v1/deploys/${DEPLOY}`)],
  ['retryDeploy (undocumented)', 'netlify', request('POST', `/api/v1/deploys/${DEPLOY}/retry`)],
  ['pulls/get', 'github', request('GET', `/repos/${OWNER}/${REPO}/pulls/42`)],
  [
    'repos/get-collaborator-permission-level',
    'github',
    request('GET', `/repos/${OWNER}/${REPO}/collaborators/dependabot[bot]/permission`),
  ],
  [
    'reactions/create-for-issue-comment',
    'github',
    request('POST', `/repos/${OWNER}/${REPO}/issues/comments/2000000001/reactions`, {}, { content: 'eyes' }),
  ],
];

describe('the operations the action uses', () => {
  test.each(ACTION_REQUESTS)('%s (%s) is found, and the request conforms', (id, api, sent) => {
    const found = findOperation(api, sent.method, sent.path);
    expect('operation' in found && found.operation.id).toBe(id);
    expect(checkRequest(api, sent)).toEqual([]);
  });

  test('the retry and GraphQL are the only operations outside the REST specs, each with a reason', () => {
    expect(UNDOCUMENTED_OPERATIONS.map((u) => `${u.api} ${u.method} ${u.template}`)).toEqual([
      'netlify POST /deploys/{deploy_id}/retry',
      'github POST /graphql',
    ]);
    for (const u of UNDOCUMENTED_OPERATIONS) expect(u.why).not.toBe('');
    // The retry really is absent from Netlify's spec: were it added, the exception should go.
    const found = findOperation('netlify', 'POST', `/api/v1/deploys/${DEPLOY}/retry`);
    expect('operation' in found && found.operation.undocumented?.api).toBe('netlify');
  });

  test('a literal segment wins over a parameter: /pulls/comments is not pulls/get', () => {
    const found = findOperation('github', 'GET', `/repos/${OWNER}/${REPO}/pulls/comments`);
    expect('operation' in found && found.operation.id).toBe('pulls/list-review-comments-for-repo');
  });
});

describe('requests the specs reject', () => {
  const list = `/api/v1/sites/${SITE}/deploys`;
  const cases: [string, 'github' | 'netlify', HttpRequest, RegExp][] = [
    [
      'an undeclared query parameter',
      'netlify',
      request('GET', list, { 'deploy-previews': 'true', sort: 'desc' }),
      /query parameter sort is not declared/,
    ],
    [
      'a query parameter of the wrong type',
      'netlify',
      request('GET', list, { page: 'two' }),
      /query parameter page="two" must be integer/,
    ],
    [
      'a boolean query parameter spelled otherwise',
      'netlify',
      request('GET', list, { 'deploy-previews': 'yes' }),
      /deploy-previews="yes" must be boolean/,
    ],
    [
      'a state the spec does not list',
      'netlify',
      request('GET', list, { state: 'failed' }),
      /state="failed" must be equal to one of the allowed values/,
    ],
    [
      'a path the spec does not have',
      'netlify',
      request('GET', `/api/v1/sites/${SITE}/previews`),
      /is not an operation of @netlify\/open-api@/,
    ],
    [
      'a path outside the base path',
      'netlify',
      request('GET', `/sites/${SITE}/deploys`),
      /outside the API's base path \/api\/v1/,
    ],
    [
      'a method the path does not have',
      'netlify',
      request('DELETE', `/api/v1/deploys/${DEPLOY}/retry`),
      /is not an operation/,
    ],
    [
      'a body the operation does not take',
      'netlify',
      request('POST', `/api/v1/deploys/${DEPLOY}/retry`, {}, { force: true }),
      /sends a body, but the operation declares none/,
    ],
    [
      'a query parameter on the retry',
      'netlify',
      request('POST', `/api/v1/deploys/${DEPLOY}/retry`, { clear_cache: 'true' }),
      /query parameter clear_cache is not declared/,
    ],
    [
      'a path parameter of the wrong type',
      'github',
      request('GET', `/repos/${OWNER}/${REPO}/pulls/forty-two`),
      /path parameter pull_number="forty-two" must be integer/,
    ],
    [
      'a reaction GitHub does not have',
      'github',
      request('POST', `/repos/${OWNER}/${REPO}/issues/comments/1/reactions`, {}, { content: 'party' }),
      /request body\/content must be equal to one of the allowed values/,
    ],
    [
      'a missing required body',
      'github',
      request('POST', `/repos/${OWNER}/${REPO}/issues/comments/1/reactions`),
      /the required request body is missing/,
    ],
    [
      'a body that is not JSON',
      'github',
      {
        ...request('POST', `/repos/${OWNER}/${REPO}/issues/comments/1/reactions`),
        headers: { 'content-type': 'text/plain' },
        body: 'content=eyes',
      },
      /not application\/json/,
    ],
    [
      'an undeclared query parameter on GitHub',
      'github',
      request('GET', `/repos/${OWNER}/${REPO}/pulls/42`, { expand: 'head' }),
      /query parameter expand is not declared/,
    ],
  ];
  test.each(cases)('%s', (_name, api, sent, problem) => {
    const problems = checkRequest(api, sent);
    expect(problems.join('\n')).toMatch(problem);
  });
});

describe('answers the specs reject', () => {
  const getDeploy = request('GET', `/api/v1/deploys/${DEPLOY}`);
  const pull = request('GET', `/repos/${OWNER}/${REPO}/pulls/42`);
  const reaction = request('POST', `/repos/${OWNER}/${REPO}/issues/comments/1/reactions`, {}, { content: 'eyes' });
  const deploy = { id: DEPLOY, state: 'error', created_at: '2026-11-21T10:00:00Z', review_id: 42 };

  test('a deploy with what the spec declares passes; the fields the spec does not list are allowed', () => {
    expect(
      checkResponse('netlify', getDeploy, { status: 200, body: { ...deploy, links: { permalink: 'https://x' } } }),
    ).toEqual([]);
  });

  test('a field of the wrong type is rejected', () => {
    expect(checkResponse('netlify', getDeploy, { status: 200, body: { ...deploy, review_id: '42' } })).toEqual([
      'getDeploy 200 body/review_id must be number,null',
    ]);
    expect(checkResponse('netlify', getDeploy, { status: 200, body: { ...deploy, created_at: 'yesterday' } })).toEqual([
      'getDeploy 200 body/created_at must match format "dateTime"',
    ]);
  });

  test('null is allowed only where exceptions.ts lists the live API sending it', () => {
    expect(LIVE_NULLS['netlify getDeploy']).toContain('review_id');
    expect(checkResponse('netlify', getDeploy, { status: 200, body: { ...deploy, review_id: null } })).toEqual([]);
    expect(checkResponse('netlify', getDeploy, { status: 200, body: { ...deploy, state: null } })).toEqual([
      'getDeploy 200 body/state must be string',
    ]);
  });

  test("Netlify's error body: message is required", () => {
    expect(checkResponse('netlify', getDeploy, { status: 404, body: { code: 404, message: 'Not Found' } })).toEqual([]);
    expect(checkResponse('netlify', getDeploy, { status: 404, body: { error: 'Not Found' } })).toEqual([
      'getDeploy 404 body is missing required message',
    ]);
  });

  test('a status the operation does not declare is rejected; 401 and 403 are allowed on any GitHub operation', () => {
    expect(checkResponse('github', reaction, { status: 500, body: { message: 'boom' } })[0]).toMatch(
      /answers 500, which @octokit\/openapi@.* does not declare/,
    );
    const refused = {
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest',
      status: '403',
    };
    expect(checkResponse('github', reaction, { status: 403, body: refused })).toEqual([]);
    expect(checkResponse('github', reaction, { status: 403, body: { message: 42 } })).toEqual([
      'reactions/create-for-issue-comment 403 body/message must be string',
    ]);
  });

  test("a pull request without the fields GitHub always sends is rejected (the spec's own example, less one field)", () => {
    // The example itself does not validate: its requested team lacks `type`, which the schema requires.
    const example = githubExample('pull-request');
    expect(checkResponse('github', pull, { status: 200, body: example })).toEqual([
      'pulls/get 200 body/requested_teams/0 is missing required type',
    ]);
    const complete = { ...example, requested_teams: [] };
    expect(checkResponse('github', pull, { status: 200, body: complete })).toEqual([]);
    const { created_at: _, ...undated } = complete;
    expect(checkResponse('github', pull, { status: 200, body: undated })).toEqual([
      'pulls/get 200 body is missing required created_at',
    ]);
    const { sha: __, ...headless } = complete.head;
    expect(checkResponse('github', pull, { status: 200, body: { ...complete, head: headless } })).toEqual([
      'pulls/get 200 body/head is missing required sha',
    ]);
  });

  test('a body where the spec declares none, and none where it declares one, are rejected', () => {
    expect(checkResponse('github', reaction, { status: 201 })).toEqual([
      'reactions/create-for-issue-comment: answers 201 without the body the spec declares',
    ]);
  });
});

describe('the fields the action reads, from the adapters’ own schemas', () => {
  test('they are the ones the adapters validate', () => {
    expect(READS['netlify listSiteDeploys']?.paths).toEqual([
      'id',
      'name',
      'state',
      'context',
      'review_id',
      'commit_ref',
      'branch',
      'deploy_ssl_url',
      'deploy_url',
      'created_at',
      'updated_at',
      'error_message',
    ]);
    expect(READS['netlify getSite']?.paths).toEqual(['name']);
    expect(READS['github pulls/get']?.paths).toEqual([
      'head',
      'head.sha',
      'head.ref',
      'head.repo',
      'head.repo.full_name',
      'base',
      'base.repo',
      'base.repo.full_name',
      'created_at',
      'state',
      'merged_at',
    ]);
    expect(READS['github repos/get-collaborator-permission-level']?.paths).toEqual([
      'permission',
      'role_name',
      'user',
      'user.permissions',
    ]);
  });

  test('each one, missing from an answer, is a problem; null counts as present, and so does a null parent', () => {
    const deploy = Object.fromEntries((READS['netlify getDeploy']?.paths ?? []).map((p) => [p, null]));
    expect(checkReads('netlify', 'getDeploy', 200, deploy)).toEqual([]);
    for (const path of READS['netlify getDeploy']?.paths ?? []) {
      const { [path]: _, ...without } = deploy;
      expect(checkReads('netlify', 'getDeploy', 200, without)).toEqual([
        `getDeploy 200 body lacks ${path}, which the action reads`,
      ]);
    }
    expect(checkReads('netlify', 'listSiteDeploys', 200, [deploy, { ...deploy, branch: undefined }])).toEqual([
      'listSiteDeploys 200 body[1] lacks branch, which the action reads',
    ]);
    expect(
      checkReads('github', 'repos/get-collaborator-permission-level', 200, {
        permission: 'read',
        role_name: 'read',
        user: null,
      }),
    ).toEqual([]);
    expect(
      checkReads('github', 'repos/get-collaborator-permission-level', 200, {
        permission: 'read',
        role_name: 'read',
        user: {},
      }),
    ).toEqual(['repos/get-collaborator-permission-level 200 body lacks user.permissions, which the action reads']);
    // Error answers carry none of them.
    expect(checkReads('netlify', 'getDeploy', 404, { message: 'Not Found' })).toEqual([]);
  });
});
