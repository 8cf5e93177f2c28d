/**
 * The adapters' schemas (deploySchema, siteSchema, pullSchema, permissionSchema) read what the specs allow:
 * - the spec's complete answers, as the fakes serve them, conform to the spec and are read in full: every
 *   field the schema reads comes out with the value served (none falls back to "absent" for want of matching
 *   the schema's stricter rule);
 * - for every field read, an answer in which the spec (with exceptions.ts's live nulls) lets it be absent or
 *   null is read without an error; the only fields insisted on beyond the spec are ACTION_REQUIRES.
 * And every deploy state the spec enumerates has a deliberate decision.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { permissionSchema, pullSchema } from '../../src/adapters/github.js';
import { deploySchema, siteSchema } from '../../src/adapters/netlify.js';
import { decide, SPEC_STATES } from '../../src/core/decision.js';
import type { Deploy } from '../../src/core/preview.js';
import { ACTION_REQUIRES, type ApiName } from '../lib/contract/exceptions.js';
import { READS } from '../lib/contract/reads.js';
import { checkResponse, type HttpRequest, operationFor } from '../lib/contract/specs.js';
import { API_PREFIX } from '../lib/fakes/netlify.js';
import { GITHUB_TOKEN, NETLIFY_TOKEN, OWNER, REPO, Sandbox, SITE } from '../lib/support/sandbox.js';

interface Case {
  readonly key: string;
  readonly api: ApiName;
  readonly request: HttpRequest;
  readonly schema: { safeParse(data: unknown): { success: boolean; data?: unknown } };
  /** A complete answer, as the fake serves it. */
  body: Record<string, unknown>;
}

let sandbox: Sandbox;
let preview: { id: string; commit_ref: string | null; created_at: string };
const cases: Case[] = [];
const get = (path: string): HttpRequest => ({ method: 'GET', path, query: {}, headers: {}, body: '' });

beforeAll(async () => {
  sandbox = await Sandbox.start();
  sandbox.addPull(42);
  const served = sandbox.addPreview(42, {
    state: 'error',
    createdAt: '2026-11-21T10:00:00Z',
    updatedAt: '2026-11-21T10:05:00Z',
  });
  preview = served;
  sandbox.github.permissions.set('erin', { permission: 'write', role_name: 'maintain' });
  const fetched = async (base: string, token: string, path: string) =>
    (await (await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } })).json()) as Record<
      string,
      unknown
    >;
  const deployPath = `${API_PREFIX}/deploys/${served.id}`;
  const sitePath = `${API_PREFIX}/sites/${SITE.id}`;
  const pullPath = `/repos/${OWNER}/${REPO}/pulls/42`;
  const permissionPath = `/repos/${OWNER}/${REPO}/collaborators/erin/permission`;
  cases.push(
    {
      key: 'netlify getDeploy',
      api: 'netlify',
      request: get(deployPath),
      schema: deploySchema,
      body: await fetched(sandbox.netlify.origin, NETLIFY_TOKEN, deployPath),
    },
    {
      key: 'netlify getSite',
      api: 'netlify',
      request: get(sitePath),
      schema: siteSchema,
      body: await fetched(sandbox.netlify.origin, NETLIFY_TOKEN, sitePath),
    },
    {
      key: 'github pulls/get',
      api: 'github',
      request: get(pullPath),
      schema: pullSchema,
      body: await fetched(sandbox.github.origin, GITHUB_TOKEN, pullPath),
    },
    {
      key: 'github repos/get-collaborator-permission-level',
      api: 'github',
      request: get(permissionPath),
      schema: permissionSchema,
      body: await fetched(sandbox.github.origin, GITHUB_TOKEN, permissionPath),
    },
  );
});
afterAll(() => sandbox.stop());

function changed(body: Record<string, unknown>, path: string, value: null | undefined): Record<string, unknown> {
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

const caseOf = (key: string) => cases.find((c) => c.key === key) as Case;
const parsed = (c: Case) => {
  const result = c.schema.safeParse(c.body);
  expect(result.success, c.key).toBe(true);
  return result.data;
};

describe("the spec's complete answers are read in full", () => {
  test('each conforms to its spec, and every field the adapters read is in it', () => {
    expect(cases.map((c) => c.key)).toEqual(Object.keys(READS).filter((key) => key !== 'netlify listSiteDeploys'));
    for (const c of cases) {
      expect(checkResponse(c.api, c.request, { status: 200, body: c.body }), c.key).toEqual([]);
      for (const path of READS[c.key]?.paths ?? []) {
        const value = path.split('.').reduce<any>((node, key) => node?.[key], c.body);
        expect(value, `${c.key} ${path}`).not.toBeUndefined();
      }
    }
  });

  test('a deploy: every field comes out with the value served', () => {
    const deploy = parsed(caseOf('netlify getDeploy')) as Deploy;
    expect(deploy).toEqual({
      id: preview.id,
      siteName: SITE.name,
      state: 'error',
      context: 'deploy-preview',
      reviewId: 42,
      commitRef: preview.commit_ref,
      branch: 'pr-42',
      url: 'https://deploy-preview-42--octo-docs.netlify.app',
      logUrl: `https://app.netlify.com/sites/${SITE.name}/deploys/${preview.id}`,
      createdAt: '2026-11-21T10:00:00Z',
      updatedAt: '2026-11-21T10:05:00Z',
      errorMessage: 'Build script returned non-zero exit code: 2',
    } satisfies Deploy);
    // No field read fell back to null: the served values pass the adapter's own rules.
    for (const [key, value] of Object.entries(deploy)) expect(value, key).not.toBeNull();
  });

  test('the site: its name', () => {
    expect(parsed(caseOf('netlify getSite'))).toEqual({ name: SITE.name });
  });

  test('the pull request: head, age, state and where its head lives', () => {
    const pull = sandbox.github.pulls.get(42);
    expect(parsed(caseOf('github pulls/get'))).toEqual({
      headSha: pull?.head.sha,
      headRef: pull?.head.ref,
      createdAt: pull?.created_at,
      open: true,
      merged: false,
      fork: false,
    });
  });

  test('the permission: the strongest of role_name, permission and the flags', () => {
    expect(parsed(caseOf('github repos/get-collaborator-permission-level'))).toBe('maintain');
  });
});

describe('what the specs allow, the adapters read', () => {
  test('every field read, absent or null where the spec allows it, is accepted (ACTION_REQUIRES aside)', () => {
    const allowed: string[] = [];
    const refused: string[] = [];
    for (const c of cases) {
      for (const path of READS[c.key]?.paths ?? []) {
        for (const value of [undefined, null]) {
          const body = changed(c.body, path, value);
          if (checkResponse(c.api, c.request, { status: 200, body }).length > 0) continue; // the spec rejects it
          const name = `${c.key} ${path} ${value === undefined ? 'absent' : 'null'}`;
          allowed.push(name);
          if (!c.schema.safeParse(body).success) refused.push(name);
        }
      }
    }
    // Netlify's spec requires no field of a deploy or a site and lets the live nulls be null; GitHub's requires
    // the pull request's fields (head.repo and merged_at may be null) and lets the permission answer's user be
    // null, its permissions absent.
    const deployFields = [
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
    ];
    const liveNulls = ['review_id', 'commit_ref', 'error_message'];
    expect(allowed).toEqual([
      ...deployFields.flatMap((path) => [
        `netlify getDeploy ${path} absent`,
        ...(liveNulls.includes(path) ? [`netlify getDeploy ${path} null`] : []),
      ]),
      'netlify getSite name absent',
      // A deleted fork (a live null, exceptions.ts), and a PR never merged.
      'github pulls/get head.repo null',
      'github pulls/get merged_at null',
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
    expect([...states].sort()).toEqual([...SPEC_STATES].sort());
    const deploy = parsed(caseOf('netlify getDeploy')) as Deploy;
    const context = { now: Date.parse('2026-11-21T10:10:00Z'), stuckMinutes: 30 };
    for (const state of states) {
      const decision = decide('retest', { ...deploy, state, errorMessage: null }, context);
      expect(decision.kind === 'skip' && decision.because === 'unknown-state', state).toBe(false);
    }
  });
});
