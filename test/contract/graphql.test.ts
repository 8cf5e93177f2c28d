/**
 * The one GraphQL mutation the action sends, held to GitHub's public GraphQL schema
 * (@octokit/graphql-schema), and the fake's answers held to the selection they answer.
 */
import { isEnumType } from 'graphql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RecordedRequest } from '../lib/http.js';
import { GITHUB_TOKEN, Sandbox } from '../lib/support/sandbox.js';
import { checkGraphqlRequest, checkGraphqlResponse, githubSchema } from '../lib/contract/graphql.js';

let sandbox: Sandbox;
/** The report request of each kind, as the built action sent it. */
const reports: Record<'reply and reaction' | 'reply only' | 'reaction only', RecordedRequest> = {} as never;

beforeAll(async () => {
  sandbox = await Sandbox.start();
  const report = async (pr: number, state: string, body: string, inputs: Record<string, string> = {}) => {
    sandbox.addPull(pr);
    sandbox.addPreview(pr, { state, createdAt: '2026-11-21T10:00:00Z' });
    const run = await sandbox.run({ prNumber: pr, body, inputs });
    const sent = run.githubRequests.find((r) => r.path === '/graphql');
    if (!sent) throw new Error(`no report in the run for PR #${pr}: ${run.stdout}`);
    return sent;
  };
  reports['reply and reaction'] = await report(1, 'error', '/retest');
  reports['reply only'] = await report(2, 'ready', '/retest');
  reports['reaction only'] = await report(3, 'error', '/retest', { 'quiet-retest': 'true' });
});
afterAll(() => sandbox.stop());

function variant(
  sent: RecordedRequest,
  change: (body: { query: string; variables: Record<string, unknown> }) => void,
): RecordedRequest {
  const body = JSON.parse(sent.body);
  change(body);
  return { ...sent, body: JSON.stringify(body) };
}

/** The fake's answer to a request, as served. */
async function answer(sent: RecordedRequest): Promise<{ status: number; body: any }> {
  const response = await fetch(`${sandbox.github.apiUrl}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${GITHUB_TOKEN}`, 'content-type': 'application/json' },
    body: sent.body,
  });
  return { status: response.status, body: await response.json() };
}

describe('the documents the action sends', () => {
  test.each(['reply and reaction', 'reply only', 'reaction only'] as const)(
    '%s: valid against GitHub’s schema',
    (kind) => {
      const sent = reports[kind];
      expect(JSON.parse(sent.body).query).toMatch(/^mutation Report\(/);
      expect(checkGraphqlRequest(sent)).toEqual([]);
    },
  );

  test('the reaction the action sends is a ReactionContent', () => {
    const content = JSON.parse(reports['reaction only'].body).variables.c0;
    const type = githubSchema().getType('ReactionContent');
    const values = isEnumType(type) ? type.getValues().map((v) => v.name) : [];
    expect(values).toContain(content);
  });
});

describe('documents GitHub would refuse', () => {
  const cases: [string, (body: { query: string; variables: Record<string, unknown> }) => void, RegExp][] = [
    [
      'a field the Mutation type lacks',
      (b) => (b.query = b.query.replace('addComment(', 'addComent(')),
      /Cannot query field "addComent" on type "Mutation"/,
    ],
    [
      'a field the payload lacks',
      (b) => (b.query = b.query.replace('{ id url }', '{ id link }')),
      /Cannot query field "link" on type "IssueComment"/,
    ],
    ['a reaction GitHub does not have', (b) => (b.variables.c0 = 'PARTY'), /Variable "\$c0" got invalid value "PARTY"/],
    [
      'a variable left out',
      (b) => delete b.variables.body,
      /Variable "\$body" of required type "String!" was not provided/,
    ],
    [
      'a variable of another type',
      (b) => (b.query = b.query.replace('$c0: ReactionContent!', '$c0: String!')),
      /Variable "\$c0" of type "String!" used in position expecting type "ReactionContent!"/,
    ],
    [
      'an object without a selection',
      (b) => (b.query = b.query.replace(' { reaction { content } }', '')),
      /must have a selection of subfields/,
    ],
    ['no query at all', (b) => (b.query = undefined as never), /the body has no query string/],
  ];
  test.each(cases)('%s', (_name, change, problem) => {
    expect(checkGraphqlRequest(variant(reports['reply and reaction'], change)).join('\n')).toMatch(problem);
  });
});

describe("the fake's answers", () => {
  test('each answer has exactly the selected fields, of their types', async () => {
    for (const sent of Object.values(reports)) {
      const served = await answer(sent);
      expect(served.status).toBe(200);
      expect(checkGraphqlResponse(sent, served)).toEqual([]);
    }
  });

  test('answers that do not fit the selection are rejected', async () => {
    const sent = reports['reply and reaction'];
    const served = await answer(sent);
    expect(served.body.data.reply.commentEdge.node.url).toMatch(/^https:\/\/github\.com\//);
    const check = (change: (data: any) => void) => {
      const body = structuredClone(served.body);
      change(body);
      return checkGraphqlResponse(sent, { status: 200, body });
    };
    expect(check((b) => delete b.data.reply.commentEdge.node.url)).toEqual([
      'data.reply.commentEdge.node.url is missing (it is selected)',
    ]);
    expect(check((b) => (b.data.reply.commentEdge.node.url = null))).toEqual([
      'data.reply.commentEdge.node.url is null, but its type URI! is non-null',
    ]);
    expect(check((b) => delete b.data.r0.reaction)).toEqual(['data.r0.reaction is missing (it is selected)']);
    expect(check((b) => (b.data.r0.reaction.content = 'eyes'))).toEqual([
      'data.r0.reaction.content is "eyes", not a value of ReactionContent',
    ]);
    expect(check((b) => (b.data.reply.commentEdge.cursor = 'Y3Vyc29yOjE='))).toEqual([
      'data.reply.commentEdge.cursor is answered but was not selected',
    ]);
    expect(check((b) => (b.data.reply.commentEdge = []))).toEqual(['data.reply.commentEdge is not an object']);
    expect(check((b) => (b.errors = [{ path: ['reply'] }]))).toEqual(['graphql: errors[0] has no message']);
    expect(check((b) => (b.data = null))).toEqual(['graphql: data is null without errors']);
    // A payload field may be null when GitHub says why (its type is nullable), as the fake does for a
    // token without the permissions.
    expect(
      check((b) => {
        b.data.reply = null;
        b.errors = [{ type: 'FORBIDDEN', path: ['reply'], message: 'Resource not accessible by integration' }];
      }),
    ).toEqual([]);
  });
});
