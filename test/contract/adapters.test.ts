/**
 * The adapters accept whatever the specs allow in the fields they read: for every field the action reads,
 * an answer in which the spec (with exceptions.ts's live nulls) lets it be absent or null must be read without
 * an error. The only fields the action insists on beyond the spec are listed in exceptions.ts ACTION_REQUIRES.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { permissionSchema, pullSchema } from '../../src/adapters/github.js';
import { deploySchema } from '../../src/adapters/netlify.js';
import { decide, IN_PROGRESS_STATES } from '../../src/core/decision.js';
import type { Deploy } from '../../src/core/preview.js';
import { API_PREFIX } from '../lib/fakes/netlify.js';
import { GITHUB_TOKEN, NETLIFY_TOKEN, OWNER, REPO, Sandbox } from '../lib/support/sandbox.js';
import { ACTION_REQUIRES, type ApiName } from '../lib/contract/exceptions.js';
import { READS } from '../lib/contract/reads.js';
import { checkResponse, operationFor, type HttpRequest } from '../lib/contract/specs.js';

interface Case {
  readonly key: string;
  readonly api: ApiName;
  readonly request: HttpRequest;
  readonly schema: { safeParse(data: unknown): { success: boolean } };
  /** A complete answer, as the fake serves it. */
  body: Record<string, unknown>;
}

const PREVIEW: Deploy = {
  id: '6000000000000000000000a1',
  siteName: 'octo-docs',
  state: 'error',
  context: 'deploy-preview',
  reviewId: 42,
  commitRef: null,
  branch: 'pr-42',
  url: null,
  createdAt: '2026-11-21T10:00:00Z',
  errorMessage: null,
};

let sandbox: Sandbox;
const cases: Case[] = [];
const get = (path: string): HttpRequest => ({ method: 'GET', path, query: {}, headers: {}, body: '' });

beforeAll(async () => {
  sandbox = await Sandbox.start();
  sandbox.addPull(42);
  const preview = sandbox.addPreview(42, { state: 'error', createdAt: '2026-11-21T10:00:00Z' });
  sandbox.github.permissions.set('erin', { permission: 'write', role_name: 'maintain' });
  const served = async (base: string, token: string, path: string) =>
    (await (await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } })).json()) as Record<
      string,
      unknown
    >;
  const deployPath = `${API_PREFIX}/deploys/${preview.id}`;
  const pullPath = `/repos/${OWNER}/${REPO}/pulls/42`;
  const permissionPath = `/repos/${OWNER}/${REPO}/collaborators/erin/permission`;
  cases.push(
    {
      key: 'netlify getDeploy',
      api: 'netlify',
      request: get(deployPath),
      schema: deploySchema,
      body: await served(sandbox.netlify.origin, NETLIFY_TOKEN, deployPath),
    },
    {
      key: 'github pulls/get',
      api: 'github',
      request: get(pullPath),
      schema: pullSchema,
      body: await served(sandbox.github.origin, GITHUB_TOKEN, pullPath),
    },
    {
      key: 'github repos/get-collaborator-permission-level',
      api: 'github',
      request: get(permissionPath),
      schema: permissionSchema,
      body: await served(sandbox.github.origin, GITHUB_TOKEN, permissionPath),
    },
  );
});
afterAll(() => sandbox.stop());

function without(body: Record<string, unknown>, path: string, value: null | undefined): Record<string, unknown> {
  const copy = structuredClone(body);
  const keys = path.split('.');
  const last = keys.pop() as string;
  const parent = keys.reduce<any>((node, key) => node?.[key], copy);
  if (parent && typeof parent === 'object') {
    if (value === undefined) delete parent[last];
    else parent[last] = value;
  }
  return copy;
}

describe('what the specs allow, the adapters read', () => {
  test('the complete answers conform, and are read', () => {
    expect(cases).toHaveLength(3);
    for (const c of cases) {
      expect(checkResponse(c.api, c.request, { status: 200, body: c.body })).toEqual([]);
      expect(c.schema.safeParse(c.body).success).toBe(true);
    }
  });

  test('every field read, absent or null where the spec allows it, is accepted (ACTION_REQUIRES aside)', () => {
    const allowed: string[] = [];
    const refused: string[] = [];
    for (const c of cases) {
      for (const path of READS[c.key]?.paths ?? []) {
        for (const value of [undefined, null]) {
          const body = without(c.body, path, value);
          if (checkResponse(c.api, c.request, { status: 200, body }).length > 0) continue; // the spec rejects it
          const name = `${c.key} ${path} ${value === undefined ? 'absent' : 'null'}`;
          allowed.push(name);
          if (!c.schema.safeParse(body).success) refused.push(name);
        }
      }
    }
    // Netlify's spec requires no field of a deploy and lets the live nulls be null; GitHub's requires the
    // pull request's fields and lets the permission answer's user be null, its permissions absent.
    expect(allowed).toEqual([
      ...[
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
        'error_message',
      ].flatMap((path) => [
        `netlify getDeploy ${path} absent`,
        ...(['review_id', 'commit_ref', 'error_message'].includes(path) ? [`netlify getDeploy ${path} null`] : []),
      ]),
      'github repos/get-collaborator-permission-level user null',
      'github repos/get-collaborator-permission-level user.permissions absent',
    ]);
    const required = (key: string) => ACTION_REQUIRES[key] ?? [];
    expect(refused).toEqual(required('netlify getDeploy').map((path) => `netlify getDeploy ${path} absent`));
  });

  test('ACTION_REQUIRES names the same fields for the list and the single deploy, all read by the adapter', () => {
    expect(ACTION_REQUIRES['netlify listSiteDeploys']).toEqual(ACTION_REQUIRES['netlify getDeploy']);
    for (const path of ACTION_REQUIRES['netlify getDeploy'] ?? [])
      expect(READS['netlify getDeploy']?.paths).toContain(path);
  });
});

describe('the values the specs enumerate, the action handles', () => {
  test("every deploy state in Netlify's spec has a deliberate decision", () => {
    const list = operationFor('netlify', 'GET', '/sites/{site_id}/deploys');
    const states = (list.params.find((p) => p.name === 'state')?.schema.enum ?? []) as string[];
    expect(states.length).toBeGreaterThan(10);
    const decided = Object.fromEntries(
      states.map((state) => {
        const decision = decide('retest', { ...PREVIEW, state });
        return [state, decision.kind === 'skip' ? decision.because : decision.kind];
      }),
    );
    // Not retried: still building, or held for (or refused) deploy approval; retried: failed.
    for (const state of states) {
      if (IN_PROGRESS_STATES.has(state)) expect(decided[state], state).toBe('in-progress');
    }
    expect(decided).toMatchObject({
      error: 'retry',
      ready: 'ready',
      pending_review: 'other-state',
      accepted: 'other-state',
      rejected: 'other-state',
    });
    expect(states.filter((s) => !IN_PROGRESS_STATES.has(s)).sort()).toEqual([
      'accepted',
      'error',
      'pending_review',
      'ready',
      'rejected',
    ]);
  });
});
