/**
 * Several Netlify sites built from one repository (issue 14), through the built bundle: one reply with a
 * section per site, the strongest result, the `results` output, a command that names one site, a site that
 * fails while another is retried, the organization map, following builds on two sites, and the unchanged
 * single-site reply. Requests are asserted per site.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { NetlifyDeploy } from '../lib/fakes/netlify.js';
import type { RecordedRequest } from '../lib/http.js';
import { type CommandRun, headSha, Sandbox, SITE } from '../lib/support/sandbox.js';

/** SITE (octo-docs) is listed by its API ID; these others by ID or by domain, as a test says. */
const BLOG = {
  id: 'b10b0000-1111-4222-8333-444455556666',
  name: 'octo-blog',
  domain: 'octo-blog.netlify.app',
} as const;
const API = { id: 'a91a0000-1111-4222-8333-444455556666', name: 'octo-api' } as const;
const DOCS = { id: 'd0c50000-1111-4222-8333-444455556666', name: 'docs', domain: 'docs.netlify.app' } as const;
/** A UUID that no site of the token has: Netlify answers 404. */
const GONE = 'dead0000-1111-4222-8333-444455556666';
const CREATED = '2026-11-21T10:00:00Z';

let sandbox: Sandbox;
let nextPr = 600;

beforeAll(async () => {
  sandbox = await Sandbox.start();
  sandbox.addSite(BLOG.id, BLOG.name);
  sandbox.addSite(API.id, API.name);
  sandbox.addSite(DOCS.id, DOCS.name);
});
afterAll(() => sandbox.stop());
afterEach(() => {
  sandbox.netlify.onRetry = null;
  sandbox.netlify.clearFaults();
});

/** A fresh open PR with a preview in the given state on each listed site (null: none there). */
function pullWith(previews: Record<string, string | null>): { pr: number; deploys: Record<string, NetlifyDeploy> } {
  const pr = nextPr++;
  sandbox.addPull(pr);
  const deploys: Record<string, NetlifyDeploy> = {};
  for (const [site, state] of Object.entries(previews)) {
    if (state) deploys[site] = sandbox.addPreview(pr, { state, createdAt: CREATED }, site);
  }
  return { pr, deploys };
}

const url = (pr: number, name: string) => `https://deploy-preview-${pr}--${name}.netlify.app`;
const logUrl = (name: string, deploy: NetlifyDeploy) => `https://app.netlify.com/sites/${name}/deploys/${deploy.id}`;

/** The site (its id) a Netlify request was about: by the listed id or domain in its path, or by its deploy. */
function siteOf(request: RecordedRequest): string | null {
  const listed = /^\/api\/v1\/sites\/([^/]+)/.exec(request.path)?.[1];
  if (listed) {
    const byDomain = [...sandbox.netlify.sites.values()].find((s) => `${s.name}.netlify.app` === listed);
    return byDomain?.id ?? listed;
  }
  const deploy = /^\/api\/v1\/deploys\/([^/]+)/.exec(request.path)?.[1];
  return deploy ? (sandbox.netlify.findDeploy(deploy)?.site_id ?? null) : null;
}

function perSite(run: CommandRun): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const request of run.netlifyRequests) {
    const site = siteOf(request) ?? '?';
    const query = request.query.branch ? `?branch=${request.query.branch}` : '';
    out[site] = [...(out[site] ?? []), `${request.method} ${request.path.replace(/^\/api\/v1/, '')}${query}`];
  }
  return out;
}

function reports(run: CommandRun): RecordedRequest[] {
  return run.githubRequests.filter((r) => r.path === '/graphql');
}

/** The reply's `### ` headings, in order. */
function headings(reply: string): string[] {
  return reply
    .split('\n')
    .filter((line) => line.startsWith('### '))
    .map((line) => line.slice(4));
}

/** The section of a reply under `### name`, up to the next heading or the end. */
function section(reply: string, name: string): string {
  const start = reply.indexOf(`### ${name}\n`);
  expect(start, `section ${name}`).toBeGreaterThanOrEqual(0);
  const next = reply.indexOf('\n### ', start + 4);
  return reply.slice(start, next === -1 ? undefined : next);
}

function results(run: CommandRun): Record<string, string>[] {
  return JSON.parse(run.outputs.results as string) as Record<string, string>[];
}

describe('several sites, one reply', () => {
  test('retried, ready and without a preview (comma- and newline-separated, IDs and a domain): a section each', async () => {
    const { pr, deploys } = pullWith({ [SITE.id]: 'error', [API.id]: 'ready', [BLOG.id]: null });
    const run = await sandbox.run({
      prNumber: pr,
      body: '/retest',
      inputs: { 'site-id': `${SITE.id}, ${API.id}\n${BLOG.domain}` },
    });
    const docs = deploys[SITE.id] as NetlifyDeploy;
    const api = deploys[API.id] as NetlifyDeploy;

    expect(run.code).toBe(0);
    expect(run.outputs.result).toBe('retried');
    expect(run.replies).toHaveLength(1);
    const reply = run.replies[0] as string;
    expect(reply.startsWith('@alice `/retest` on 3 sites:\n')).toBe(true);
    // Each heading is the site's name: from its preview for an API ID, from the domain otherwise.
    expect(headings(reply)).toEqual([SITE.name, API.name, BLOG.name]);
    expect(section(reply, SITE.name)).toContain('The deploy preview had failed, so a retry was requested.');
    expect(section(reply, SITE.name)).toContain(`- Preview: ${url(pr, SITE.name)}`);
    expect(section(reply, SITE.name)).toContain(`- Deploy log: ${logUrl(SITE.name, docs)}`);
    expect(section(reply, API.name)).toContain('The deploy preview is ready, so it was not retried.');
    expect(section(reply, API.name)).toContain(`- Preview: ${url(pr, API.name)}`);
    expect(section(reply, API.name)).toContain(`- Deploy log: ${logUrl(API.name, api)}`);
    expect(section(reply, BLOG.name)).toContain(`PR #${pr} has no deploy preview on site ${BLOG.domain}.`);
    expect(section(reply, BLOG.name)).not.toContain('- Preview:');
    expect(run.reactions).toEqual(['eyes', 'rocket']);

    expect(results(run)).toEqual([
      {
        site: SITE.id,
        result: 'retried',
        'deploy-id': docs.id,
        'deploy-state': 'error',
        'deploy-url': url(pr, SITE.name),
        reason: 'The deploy preview had failed, so a retry was requested.',
      },
      {
        site: API.id,
        result: 'skipped',
        'deploy-id': api.id,
        'deploy-state': 'ready',
        'deploy-url': url(pr, API.name),
        reason: 'The deploy preview is ready, so it was not retried.',
      },
      {
        site: BLOG.domain,
        result: 'not-found',
        'deploy-id': '',
        'deploy-state': '',
        'deploy-url': '',
        reason: `PR #${pr} has no deploy preview on site ${BLOG.domain}.`,
      },
    ]);
    expect(run.outputs).toMatchObject({
      'deploy-id': docs.id,
      'deploy-state': 'error',
      'deploy-url': url(pr, SITE.name),
    });

    // Per site: the first page and the retry; the page, nothing more, where the preview is ready; the page and
    // the PR's branch where there is none. One report for all.
    expect(perSite(run)).toEqual({
      [SITE.id]: [`GET /sites/${SITE.id}/deploys`, `POST /deploys/${docs.id}/retry`],
      [API.id]: [`GET /sites/${API.id}/deploys`],
      [BLOG.id]: [`GET /sites/${BLOG.domain}/deploys`, `GET /sites/${BLOG.domain}/deploys?branch=pr-${pr}`],
    });
    expect(reports(run)).toHaveLength(1);
  });

  const strongest: [string, Record<string, string | null>, string, string[], number][] = [
    ['failed over retried', { [SITE.id]: 'error', [GONE]: null }, 'failed', ['eyes', 'rocket', 'confused'], 1],
    [
      'retried over skipped and not-found',
      { [SITE.id]: 'ready', [API.id]: 'error', [BLOG.id]: null },
      'retried',
      ['eyes', 'rocket'],
      0,
    ],
    ['skipped over not-found', { [SITE.id]: null, [API.id]: 'building' }, 'skipped', ['eyes'], 0],
    ['not-found when no site has a preview', { [SITE.id]: null, [API.id]: null }, 'not-found', ['eyes'], 0],
  ];
  test.each(strongest)('result: %s', async (_name, previews, result, reactions, code) => {
    const { pr, deploys } = pullWith(previews);
    const listed = Object.keys(previews);
    const run = await sandbox.run({ prNumber: pr, body: '/retest', inputs: { 'site-id': listed.join('\n') } });
    expect(run.outputs.result).toBe(result);
    expect(run.code).toBe(code);
    expect(run.reactions).toEqual(reactions);
    expect(results(run).map((r) => r.site)).toEqual(listed);
    expect(headings(run.replies[0] as string)).toHaveLength(listed.length);
    // The deploy outputs describe the first listed site that has a preview.
    const first = listed.map((site) => deploys[site]).find(Boolean);
    expect(run.outputs['deploy-id']).toBe(first?.id ?? '');
    expect(run.outputs['deploy-url']).toBe(
      first ? url(pr, sandbox.netlify.sites.get(first.site_id)?.name as string) : '',
    );
    for (const site of listed) expect((perSite(run)[site] ?? []).length).toBeLessThanOrEqual(2);
    expect(reports(run)).toHaveLength(1);
  });

  test('one site answers 404 while another is retried: failed, both sections, the failing one says what happened', async () => {
    const { pr, deploys } = pullWith({ [SITE.id]: 'error', [GONE]: null });
    const run = await sandbox.run({ prNumber: pr, body: '/retest', inputs: { 'site-id': `${SITE.id}, ${GONE}` } });
    const reply = run.replies[0] as string;
    expect(run.outputs.result).toBe('failed');
    expect(run.code).toBe(1);
    expect(headings(reply)).toEqual([SITE.name, GONE]);
    expect(section(reply, SITE.name)).toContain('The deploy preview had failed, so a retry was requested.');
    expect(section(reply, GONE)).toContain(
      `The retry could not be requested. Netlify found nothing while listing the deploy previews on site ${GONE} (404: \`Not Found\`).`,
    );
    expect(section(reply, GONE)).toContain('To fix: check the site-id input');
    expect(run.reactions).toEqual(['eyes', 'rocket', 'confused']);
    expect(sandbox.netlify.findDeploy((deploys[SITE.id] as NetlifyDeploy).id)?.state).toBe('enqueued');
    expect(perSite(run)[GONE]).toEqual([`GET /sites/${GONE}/deploys`]);
    expect(results(run).map((r) => r.result)).toEqual(['retried', 'failed']);
  });

  test('one site rate limited while another is retried: failed, and the section says when to comment again', async () => {
    const { pr } = pullWith({ [SITE.id]: 'error', [BLOG.id]: 'error' });
    const reset = Math.ceil(Date.now() / 1000) + 3_600;
    sandbox.netlify.inject({
      path: new RegExp(`^/api/v1/sites/${BLOG.id}/`),
      fault: {
        kind: 'status',
        status: 429,
        body: { code: 429, message: 'Rate limit exceeded' },
        headers: { 'x-ratelimit-limit': '500', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
      },
    });
    const run = await sandbox.run({ prNumber: pr, body: '/retest', inputs: { 'site-id': `${SITE.id}\n${BLOG.id}` } });
    const reply = run.replies[0] as string;
    expect(run.outputs.result).toBe('failed');
    expect(headings(reply)).toEqual([SITE.name, BLOG.id]);
    expect(section(reply, SITE.name)).toContain('a retry was requested');
    expect(section(reply, BLOG.id)).toContain(
      "Netlify's rate limit was reached while listing the deploy previews (429",
    );
    expect(section(reply, BLOG.id)).toMatch(
      /To fix: the limit resets at about \d\d:\d\d UTC: comment again after that\./,
    );
    expect(run.reactions).toEqual(['eyes', 'rocket', 'confused']);
    // The limit resets an hour from now: the read is not tried again meanwhile.
    expect(perSite(run)[BLOG.id]).toEqual([`GET /sites/${BLOG.id}/deploys`]);
  });

  test('a single-site configuration posts the same reply as before: no heading, no site name', async () => {
    const { pr, deploys } = pullWith({ [SITE.id]: 'error' });
    const docs = deploys[SITE.id] as NetlifyDeploy;
    const run = await sandbox.run({ prNumber: pr, body: '/retest', inputs: { 'site-id': SITE.id } });
    expect(run.replies).toEqual([
      [
        '@alice The deploy preview had failed, so a retry was requested.',
        '',
        `- Preview: ${url(pr, SITE.name)}`,
        `- Deploy log: ${logUrl(SITE.name, docs)}`,
        `- Deploy \`${docs.id}\`: state \`error\` when checked, built from \`${headSha(pr).slice(0, 7)}\``,
        '',
        '<!-- netlify-preview-retry -->',
      ].join('\n'),
    ]);
    expect(run.outputs.reason).toBe('The deploy preview had failed, so a retry was requested.');
    expect(results(run)).toHaveLength(1);
  });
});

describe('a command that names a site', () => {
  test('/rebuild-preview docs acts on the docs.netlify.app site alone, with no request to the others', async () => {
    const { pr, deploys } = pullWith({ [SITE.id]: 'ready', [DOCS.id]: 'ready' });
    const docs = deploys[DOCS.id] as NetlifyDeploy;
    const run = await sandbox.run({
      prNumber: pr,
      body: '/rebuild-preview docs',
      inputs: { 'site-id': `${SITE.id}, ${DOCS.domain}` },
    });
    expect(run.outputs).toMatchObject({ result: 'retried', command: 'rebuild', 'deploy-id': docs.id });
    expect(perSite(run)).toEqual({
      [DOCS.id]: [`GET /sites/${DOCS.domain}/deploys`, `POST /deploys/${docs.id}/retry`],
    });
    expect(results(run).map((r) => r.site)).toEqual([DOCS.domain]);
    // One site acted on: the single-site reply.
    expect(headings(run.replies[0] as string)).toEqual([]);
    expect(run.replies[0]).toContain(
      `@alice A rebuild of the deploy preview was requested.\n\n- Preview: ${url(pr, DOCS.name)}`,
    );
    expect(run.reactions).toEqual(['eyes', 'rocket']);
  });

  test("a site listed by API ID is named by Netlify's site read, for a trusted commenter", async () => {
    const { pr, deploys } = pullWith({ [SITE.id]: 'ready', [API.id]: 'ready' });
    const api = deploys[API.id] as NetlifyDeploy;
    const run = await sandbox.run({
      prNumber: pr,
      body: `/rebuild-preview ${API.name}`,
      inputs: { 'site-id': `${SITE.id}\n${API.id}` },
    });
    expect(run.outputs).toMatchObject({ result: 'retried', 'deploy-id': api.id });
    expect(perSite(run)).toEqual({
      [SITE.id]: [`GET /sites/${SITE.id}`],
      [API.id]: [`GET /sites/${API.id}`, `GET /sites/${API.id}/deploys`, `POST /deploys/${api.id}/retry`],
    });
    expect(sandbox.netlify.findDeploy((deploys[SITE.id] as NetlifyDeploy).id)?.state).toBe('ready');
  });

  test('an untrusted commenter naming a site listed by API ID: ignored, Netlify is not asked', async () => {
    const { pr } = pullWith({ [SITE.id]: 'ready', [API.id]: 'ready' });
    const run = await sandbox.run({
      prNumber: pr,
      body: `/rebuild-preview ${API.name}`,
      login: 'mallory',
      association: 'NONE',
      inputs: { 'site-id': `${SITE.id}\n${API.id}` },
    });
    expect(run.outputs.result).toBe('ignored');
    expect(run.netlifyRequests).toEqual([]);
    expect(run.reactions).toEqual([]);
    expect(run.replies).toEqual([]);
  });

  test('/retest please with several sites is no command: ignored, no request', async () => {
    const { pr } = pullWith({ [DOCS.id]: 'error', [BLOG.id]: 'error' });
    const run = await sandbox.run({
      prNumber: pr,
      body: '/retest please',
      inputs: { 'site-id': `${DOCS.domain}, ${BLOG.domain}` },
    });
    expect(run.outputs.result).toBe('ignored');
    expect(run.outputs.reason).toBe('The comment names please, which is not a listed site, so it holds no command.');
    expect(run.netlifyRequests).toEqual([]);
    expect(run.githubRequests).toEqual([]);
    expect(run.reactions).toEqual([]);
    expect(run.replies).toEqual([]);
  });

  test('/retest please with sites listed by API ID: only their names are read, then ignored', async () => {
    const { pr } = pullWith({ [SITE.id]: 'error', [API.id]: 'error' });
    const run = await sandbox.run({
      prNumber: pr,
      body: '/retest please',
      inputs: { 'site-id': `${SITE.id}, ${API.id}` },
    });
    expect(run.outputs.result).toBe('ignored');
    expect(perSite(run)).toEqual({ [SITE.id]: [`GET /sites/${SITE.id}`], [API.id]: [`GET /sites/${API.id}`] });
    expect(run.githubRequests).toEqual([]);
    expect(run.reactions).toEqual([]);
    expect(run.replies).toEqual([]);
  });
});

describe('one workflow for an organization: site-id lines per repository', () => {
  const map = `octo-org/docs: ${SITE.id}\nocto-org/blog: ${BLOG.domain}`;

  test.each(['octo-org/docs', 'Octo-Org/DOCS'])('GITHUB_REPOSITORY %s uses its own line', async (repository) => {
    const { pr, deploys } = pullWith({ [SITE.id]: 'error', [BLOG.id]: 'error' });
    const run = await sandbox.run({ prNumber: pr, body: '/retest', repository, inputs: { 'site-id': map } });
    const docs = deploys[SITE.id] as NetlifyDeploy;
    expect(run.outputs).toMatchObject({ result: 'retried', 'deploy-id': docs.id });
    expect(perSite(run)).toEqual({ [SITE.id]: [`GET /sites/${SITE.id}/deploys`, `POST /deploys/${docs.id}/retry`] });
    expect(headings(run.replies[0] as string)).toEqual([]);
  });

  test('a repository without a line: ignored, the reason names it, no request', async () => {
    const { pr } = pullWith({ [SITE.id]: 'error' });
    const run = await sandbox.run({
      prNumber: pr,
      body: '/retest',
      repository: 'octo-org/handbook',
      inputs: { 'site-id': map },
    });
    expect(run.code).toBe(0);
    expect(run.outputs.result).toBe('ignored');
    expect(run.outputs.reason).toBe(
      'site-id has no line for octo-org/handbook, so this repository has no Netlify site to act on.',
    );
    expect(run.netlifyRequests).toEqual([]);
    expect(run.githubRequests).toEqual([]);
    expect(run.reactions).toEqual([]);
  });
});

describe('following builds on two sites', () => {
  test('each section is updated when its build ends, in the one reply', async () => {
    const { pr, deploys } = pullWith({ [SITE.id]: 'error', [BLOG.id]: 'error' });
    const docs = deploys[SITE.id] as NetlifyDeploy;
    const blog = deploys[BLOG.id] as NetlifyDeploy;
    sandbox.netlify.onRetry = (deploy) => [
      { afterMs: 1_000, state: 'building' },
      deploy.id === docs.id
        ? { afterMs: 3_000, state: 'ready' }
        : { afterMs: 3_000, state: 'error', errorMessage: 'Build script returned non-zero exit code: 2' },
    ];
    const run = await sandbox.run({
      prNumber: pr,
      body: '/retest',
      inputs: { 'site-id': `${SITE.id}, ${BLOG.domain}`, follow: 'true' },
    });

    expect(run.code).toBe(0);
    expect(run.replies).toHaveLength(1);
    const following = 'Following the build: this comment will say how it ends.';
    for (const name of [SITE.name, BLOG.name]) expect(section(run.replies[0] as string, name)).toContain(following);
    // One edit per end, both to the reply; the first tells one end and leaves the other section following.
    expect(run.edits).toHaveLength(2);
    expect(new Set(run.edits.map((edit) => edit.commentId)).size).toBe(1);
    const ended = (body: string) => [SITE.name, BLOG.name].filter((name) => !section(body, name).includes(following));
    expect(ended(run.edits[0]?.body as string)).toHaveLength(1);
    const final = run.finalReplies[0] as string;
    expect(ended(final)).toHaveLength(2);
    expect(section(final, SITE.name)).toContain(
      `**Ready:** the preview is ready again: ${url(pr, SITE.name)} (built in `,
    );
    expect(section(final, BLOG.name)).toContain(
      `**Failed again:** \`Build script returned non-zero exit code: 2\`. Deploy log: ${logUrl(BLOG.name, blog)}`,
    );
    expect([...run.reactions].sort()).toEqual(['confused', 'eyes', 'hooray', 'rocket']);
    expect(run.outputs.result).toBe('retried');
    // The build outputs describe the first listed site that was followed.
    expect(run.outputs['build-state']).toBe('ready');
    expect(run.outputs['build-seconds']).toMatch(/^\d+$/);
  });
});
