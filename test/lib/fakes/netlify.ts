/**
 * A fake of the Netlify API (https://api.netlify.com/api/v1) on 127.0.0.1: several sites, their deploys,
 * paging with a Link header, the undocumented retry, cancel, rate-limit headers, builds whose state moves
 * over time, and Netlify's error bodies. Every request and answer is checked against Netlify's OpenAPI spec
 * (@netlify/open-api; test/lib/contract/exceptions.ts lists the exceptions).
 *
 * Time: everything time-dependent reads the fake's clock, `now()` (default Date.now; a test may set it).
 * A planned build (`planBuild`, `onRetry`) is computed from that clock on every read: a deploy's state is
 * that of the latest step reached, and its updated_at the time of that step. Read deploys through the API
 * or `findDeploy()` (which applies the plans); `sites.get(id).deploys` holds the raw objects.
 *
 * Hostile modes (off by default): `ignorePage`, `shortPages`, `malform()`. What they serve may break the
 * spec on purpose (a malformed deploy does): the contract hook records that as violations, which would fail
 * the test (test/setup.ts). A test that means it takes them and asserts on them:
 *   `expect(takeViolations((v) => v.source === 'Netlify fake').length).toBeGreaterThan(0)`
 * (takeViolations from test/lib/contract/checker.ts; every violation left untaken fails the test).
 */
import { contractHook } from '../contract/checker.js';
import { FakeServer, type RecordedRequest, type Reply } from './server.js';

export const API_PREFIX = '/api/v1';

/** A deploy as the live API sends it: the fields that matter, and the nulls it really sends. */
export interface NetlifyDeploy {
  id: string;
  site_id: string;
  build_id: string;
  name: string;
  state: string;
  context: string;
  review_id: number | null;
  review_url: string | null;
  commit_ref: string | null;
  commit_url: string | null;
  branch: string;
  title: string | null;
  url: string;
  ssl_url: string;
  admin_url: string;
  deploy_url: string;
  deploy_ssl_url: string;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  error_message: string | null;
  skipped: boolean | null;
  locked: boolean | null;
  draft: boolean;
  /** Seconds the build took; real answers carry it (the spec does not declare it). Null until a build ends. */
  deploy_time: number | null;
  links: { permalink: string; alias: string; branch: string | null };
}

export interface FakeSite {
  readonly id: string;
  readonly name: string;
  readonly deploys: NetlifyDeploy[];
}

export interface DeploySpec {
  readonly pr?: number | null;
  readonly state: string;
  readonly createdAt: string;
  /** When it last changed (default createdAt): hours old for a build stuck in `building`. */
  readonly updatedAt?: string;
  readonly context?: 'deploy-preview' | 'branch-deploy' | 'production';
  readonly commit?: string;
  readonly branch?: string;
  /** Default: a failed build's message for `error`, null otherwise. See CANCELED for canceled builds. */
  readonly errorMessage?: string | null;
  readonly deployTime?: number | null;
  /** Served JSON overrides, as malform() sets them (undefined deletes the field): for malformed deploys. */
  readonly raw?: Readonly<Record<string, unknown>>;
}

/** The message of a build that failed on its own. */
export const BUILD_FAILED = 'Build script returned non-zero exit code: 2';

/**
 * The two forms a canceled build takes (there is no `canceled` state: it ends as `error`). Spread one
 * into a DeploySpec: `addPreview(42, { ...CANCELED.byUser, createdAt })`.
 */
export const CANCELED = {
  /** Someone canceled it (in the app, or POST /deploys/{id}/cancel). */
  byUser: { state: 'error', errorMessage: 'Canceled build' },
  /** Netlify's ignore rule found nothing to build (GitHub shows a green "Deploy Preview canceled"). */
  noContentChange: {
    state: 'error',
    errorMessage: "Failed during stage 'checking build content for changes': Canceled build due to no content change",
  },
} as const satisfies Record<string, Pick<DeploySpec, 'state' | 'errorMessage'>>;

/**
 * Netlify's approval gate (previews of contributors' PRs held until a team member approves them): use
 * `{ state: 'pending_review' }` etc. in a DeploySpec. The fake refuses to retry or cancel them (422).
 */
export const APPROVAL_STATES = ['pending_review', 'accepted', 'rejected'] as const;

/** States in which a build is still going: cancel is accepted only in these. */
export const IN_PROGRESS_STATES: readonly string[] = [
  'new',
  'enqueued',
  'building',
  'uploading',
  'uploaded',
  'preparing',
  'prepared',
  'processing',
  'processed',
  'retrying',
];

/** One step of a build: after `afterMs` (from the plan's start) the deploy is in `state`. */
export interface BuildStep {
  readonly afterMs: number;
  readonly state: string;
  /** Default: BUILD_FAILED when the state is `error`, null otherwise. */
  readonly errorMessage?: string | null;
  /** Seconds; default, for `ready` and `error`: the time since the plan's start. */
  readonly deployTime?: number;
}

export type BuildPlan = readonly BuildStep[];

export interface RateLimit {
  limit: number;
  remaining: number;
  /** When the window restarts, in epoch seconds (as X-RateLimit-Reset says). */
  resetAt: number;
}

interface ActivePlan {
  readonly startedAt: number;
  readonly steps: BuildPlan;
  /** The planned fields as they were when the plan started, for a clock set back before the first step. */
  readonly base: Pick<NetlifyDeploy, 'state' | 'error_message' | 'updated_at' | 'published_at' | 'deploy_time'>;
}

let counter = 0;

/** A 24-hex-digit deploy id, like Netlify's. */
export function deployId(seed = ++counter): string {
  return seed.toString(16).padStart(24, '0').replace(/^0/, '6');
}

export function makeDeploy(site: { id: string; name: string }, spec: DeploySpec, id = deployId()): NetlifyDeploy {
  const context = spec.context ?? (spec.pr != null ? 'deploy-preview' : 'production');
  const pr = context === 'deploy-preview' ? (spec.pr ?? null) : null;
  const host = `${site.name}.netlify.app`;
  const alias =
    pr != null
      ? `deploy-preview-${pr}--${host}`
      : context === 'production'
        ? host
        : `${spec.branch ?? 'main'}--${host}`;
  return {
    id,
    site_id: site.id,
    build_id: `b${id.slice(1)}`,
    name: site.name,
    state: spec.state,
    context,
    review_id: pr,
    review_url: pr != null ? `https://github.com/octo-org/docs/pull/${pr}` : null,
    commit_ref: spec.commit ?? null,
    commit_url: spec.commit ? `https://github.com/octo-org/docs/commit/${spec.commit}` : null,
    branch: spec.branch ?? (pr != null ? `pr-${pr}` : 'main'),
    title: pr != null ? `Pull request ${pr}` : null,
    url: `https://${host}`,
    ssl_url: `https://${host}`,
    admin_url: `https://app.netlify.com/projects/${site.name}`,
    deploy_url: `http://${alias}`,
    deploy_ssl_url: `https://${alias}`,
    created_at: spec.createdAt,
    updated_at: spec.updatedAt ?? spec.createdAt,
    published_at: spec.state === 'ready' ? (spec.updatedAt ?? spec.createdAt) : null,
    error_message: spec.errorMessage !== undefined ? spec.errorMessage : spec.state === 'error' ? BUILD_FAILED : null,
    skipped: null,
    locked: null,
    draft: false,
    deploy_time: spec.deployTime ?? null,
    links: { permalink: `https://${id}--${host}`, alias: `https://${alias}`, branch: null },
  };
}

export class FakeNetlify extends FakeServer {
  readonly sites = new Map<string, FakeSite>();
  /** What a successful retry does to the deploy at once (Netlify queues it again); then onRetry's plan. */
  retryState = 'enqueued';
  /** The plan of the build a retry starts (cancel and retry alike), or null to stay in retryState. */
  onRetry: ((deploy: NetlifyDeploy) => BuildPlan | null) | null = null;
  /** The fake's clock (ms since the epoch): plans, retries, cancels and the rate limit read it. */
  now: () => number = Date.now;
  /** Decremented by every request (never below 0); tests may set it. Sent on every answer as X-RateLimit-*. */
  rateLimit: RateLimit = { limit: 500, remaining: 500, resetAt: Math.ceil(Date.now() / 1000) + 60 };
  /** When true, a request that arrives with `remaining` 0 is answered 429 (until the window restarts). */
  enforceRateLimit = false;
  /** Hostile: every page request answers page 1's deploys, while the Link header still names the next page. */
  ignorePage = false;
  /**
   * Hostile: at most this many deploys per page, whatever per_page asks, with the Link header computed from
   * the smaller pages (so `next` is there while deploys remain): a client that stops at the first page shorter
   * than per_page misses deploys. Null: off.
   */
  shortPages: number | null = null;
  readonly #plans = new Map<string, ActivePlan>();
  readonly #raw = new Map<string, Readonly<Record<string, unknown>>>();
  readonly #limitHeaders = new WeakMap<RecordedRequest, Record<string, string>>();
  readonly #limited = new WeakSet<RecordedRequest>();

  constructor(readonly token: string) {
    super('Netlify');
    this.contract = contractHook('netlify');
    this.route('GET', `${API_PREFIX}/sites/:site_id`, (req, p) => this.#authorized(req) ?? this.#site(p.site_id));
    this.route(
      'GET',
      `${API_PREFIX}/sites/:site_id/deploys`,
      (req, p) => this.#authorized(req) ?? this.#list(req, p.site_id as string),
    );
    this.route(
      'GET',
      `${API_PREFIX}/sites/:site_id/deploys/:deploy_id`,
      (req, p) => this.#authorized(req) ?? this.#deploy(p.deploy_id as string, p.site_id),
    );
    this.route(
      'GET',
      `${API_PREFIX}/deploys/:deploy_id`,
      (req, p) => this.#authorized(req) ?? this.#deploy(p.deploy_id as string),
    );
    this.route(
      'POST',
      `${API_PREFIX}/deploys/:deploy_id/retry`,
      (req, p) => this.#authorized(req) ?? this.#retry(p.deploy_id as string),
    );
    this.route(
      'POST',
      `${API_PREFIX}/deploys/:deploy_id/cancel`,
      (req, p) => this.#authorized(req) ?? this.#cancel(p.deploy_id as string),
    );
  }

  /** The API base URL to give the action as netlify-api-url. */
  get apiUrl(): string {
    return `${this.origin}${API_PREFIX}`;
  }

  addSite(id: string, name: string): FakeSite {
    const site = { id, name, deploys: [] };
    this.sites.set(id, site);
    return site;
  }

  addDeploy(siteId: string, spec: DeploySpec, id?: string): NetlifyDeploy {
    const site = this.sites.get(siteId);
    if (!site) throw new Error(`no site ${siteId}`);
    const deploy = makeDeploy(site, spec, id);
    site.deploys.push(deploy);
    if (spec.raw) this.malform(deploy.id, spec.raw);
    return deploy;
  }

  /** The deploy (of any site) as it is now, its plan applied; undefined when there is none with that id. */
  findDeploy(id: string): NetlifyDeploy | undefined {
    const deploy = this.#rawDeploy(id);
    if (deploy) this.#advance(deploy);
    return deploy;
  }

  /**
   * Plans the deploy's build: each step's state is reached `afterMs` after `startAt` (default: now). Replaces
   * any plan the deploy had. Example: `planBuild(id, [{ afterMs: 1000, state: 'building' }, { afterMs: 3000,
   * state: 'ready' }])`, or end it with `{ afterMs: 2000, state: 'error', errorMessage: '…' }`.
   */
  planBuild(deployId: string, steps: BuildPlan, startAt = this.now()): void {
    const deploy = this.#rawDeploy(deployId);
    if (!deploy) throw new Error(`no deploy ${deployId}`);
    this.#advance(deploy);
    this.#plans.set(deployId, {
      startedAt: startAt,
      steps: [...steps].sort((a, b) => a.afterMs - b.afterMs),
      base: {
        state: deploy.state,
        error_message: deploy.error_message,
        updated_at: deploy.updated_at,
        published_at: deploy.published_at,
        deploy_time: deploy.deploy_time,
      },
    });
  }

  /** Whether the deploy has a plan whose last step is not reached yet. */
  isBuilding(deployId: string): boolean {
    const plan = this.#plans.get(deployId);
    const last = plan?.steps[plan.steps.length - 1];
    return !!plan && !!last && this.now() < plan.startedAt + last.afterMs;
  }

  /**
   * Hostile: the deploy is served with these JSON fields replaced (undefined deletes one), in lists and single
   * reads alike, e.g. `malform(id, { state: null })`. Its violations are the test's to take (see the top).
   * Merges with earlier overrides; `malform(id, null)` removes them.
   */
  malform(deployId: string, fields: Readonly<Record<string, unknown>> | null): void {
    if (fields === null) this.#raw.delete(deployId);
    else this.#raw.set(deployId, { ...this.#raw.get(deployId), ...fields });
  }

  /** Sets the rate limit's window: `remaining` requests left, restarting `resetInS` seconds from now. */
  setRateLimit(remaining: number, resetInS = 60, limit = this.rateLimit.limit): void {
    this.rateLimit = { limit, remaining, resetAt: Math.ceil(this.now() / 1000) + resetInS };
  }

  /** Requests of one kind, for assertions. */
  retries(): RecordedRequest[] {
    return this.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/retry'));
  }

  cancels(): RecordedRequest[] {
    return this.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/cancel'));
  }

  override notFound(): Reply {
    return { status: 404, body: { code: 404, message: 'Not Found' } };
  }

  protected override arrived(request: RecordedRequest): void {
    const limit = this.rateLimit;
    const nowS = this.now() / 1000;
    if (nowS >= limit.resetAt) {
      limit.remaining = limit.limit;
      limit.resetAt = Math.ceil(nowS) + 60;
    }
    if (limit.remaining <= 0) {
      limit.remaining = 0;
      if (this.enforceRateLimit) this.#limited.add(request);
    } else {
      limit.remaining--;
    }
    this.#limitHeaders.set(request, {
      'x-ratelimit-limit': String(limit.limit),
      'x-ratelimit-remaining': String(limit.remaining),
      'x-ratelimit-reset': String(limit.resetAt),
    });
  }

  protected override preempt(request: RecordedRequest): Reply | null {
    if (!this.#limited.has(request)) return null;
    return { status: 429, body: { code: 429, message: 'Rate limit exceeded' } };
  }

  protected override headersFor(request: RecordedRequest): Record<string, string> {
    return this.#limitHeaders.get(request) ?? {};
  }

  #rawDeploy(id: string): NetlifyDeploy | undefined {
    for (const site of this.sites.values()) {
      const found = site.deploys.find((d) => d.id === id);
      if (found) return found;
    }
    return undefined;
  }

  /** Applies the deploy's plan as of now: the fields of the latest step reached (or those before the first). */
  #advance(deploy: NetlifyDeploy): void {
    const plan = this.#plans.get(deploy.id);
    if (!plan) return;
    const now = this.now();
    let reached: BuildStep | undefined;
    for (const step of plan.steps) if (plan.startedAt + step.afterMs <= now) reached = step;
    if (!reached) {
      Object.assign(deploy, plan.base);
      return;
    }
    const at = new Date(plan.startedAt + reached.afterMs).toISOString();
    const ended = reached.state === 'ready' || reached.state === 'error';
    deploy.state = reached.state;
    deploy.updated_at = at;
    deploy.error_message =
      reached.errorMessage !== undefined ? reached.errorMessage : reached.state === 'error' ? BUILD_FAILED : null;
    if (reached.state === 'ready') deploy.published_at = at;
    deploy.deploy_time = ended ? (reached.deployTime ?? Math.round(reached.afterMs / 1000)) : plan.base.deploy_time;
  }

  #advanceAll(): void {
    for (const id of this.#plans.keys()) {
      const deploy = this.#rawDeploy(id);
      if (deploy) this.#advance(deploy);
    }
  }

  /** The deploy as served: the raw object, with malform()'s overrides. */
  #served(deploy: NetlifyDeploy): unknown {
    const raw = this.#raw.get(deploy.id);
    if (!raw) return deploy;
    const out: Record<string, unknown> = { ...deploy, ...raw };
    for (const [key, value] of Object.entries(raw)) if (value === undefined) delete out[key];
    return out;
  }

  #authorized(req: RecordedRequest): Reply | null {
    const header = req.headers.authorization;
    if (header === `Bearer ${this.token}`) return null;
    return { status: 401, body: { code: 401, message: 'Access Denied: Invalid authentication credentials' } };
  }

  #site(id: string | undefined): Reply {
    const site = this.#findSite(id);
    if (!site) return this.notFound();
    return {
      status: 200,
      body: {
        id: site.id,
        name: site.name,
        url: `https://${site.name}.netlify.app`,
        ssl_url: `https://${site.name}.netlify.app`,
        admin_url: `https://app.netlify.com/projects/${site.name}`,
      },
    };
  }

  /** A site by id or by `<name>.netlify.app`, as the API takes either. */
  #findSite(id: string | undefined): FakeSite | undefined {
    if (!id) return undefined;
    return this.sites.get(id) ?? [...this.sites.values()].find((s) => `${s.name}.netlify.app` === id);
  }

  /** A site's deploys sorted newest first, kept while no deploy is added (a busy site has 10,000). */
  readonly #sorted = new WeakMap<FakeSite, { readonly count: number; readonly deploys: NetlifyDeploy[] }>();

  #newestFirst(site: FakeSite): NetlifyDeploy[] {
    const cached = this.#sorted.get(site);
    if (cached && cached.count === site.deploys.length) return cached.deploys;
    const at = new Map(site.deploys.map((d) => [d, Date.parse(d.created_at)]));
    const deploys = [...site.deploys].sort((a, b) => (at.get(b) as number) - (at.get(a) as number));
    this.#sorted.set(site, { count: site.deploys.length, deploys });
    return deploys;
  }

  #list(req: RecordedRequest, siteId: string): Reply {
    const site = this.#findSite(siteId);
    if (!site) return this.notFound();
    this.#advanceAll();
    const q = req.query;
    let deploys = this.#newestFirst(site);
    if (q['deploy-previews'] === 'true') deploys = deploys.filter((d) => d.context === 'deploy-preview');
    if (q.production === 'true') deploys = deploys.filter((d) => d.context === 'production');
    if (q.branch) deploys = deploys.filter((d) => d.branch === q.branch);
    if (q.state) deploys = deploys.filter((d) => d.state === q.state);
    const asked = Math.min(Math.max(Number(q.per_page ?? 100) || 100, 1), 100);
    const perPage = this.shortPages !== null ? Math.max(Math.min(asked, this.shortPages), 1) : asked;
    const page = Math.max(Number(q.page ?? 1) || 1, 1);
    const last = Math.max(Math.ceil(deploys.length / perPage), 1);
    const served = this.ignorePage ? 1 : page;
    const slice = deploys.slice((served - 1) * perPage, served * perPage);
    const link = (n: number, rel: string) => {
      const url = new URL(`${this.apiUrl}/sites/${siteId}/deploys`);
      for (const [k, v] of Object.entries(q)) url.searchParams.set(k, v);
      url.searchParams.set('page', String(n));
      url.searchParams.set('per_page', String(asked));
      return `<${url.href}>; rel="${rel}"`;
    };
    const links = [page < last ? link(page + 1, 'next') : null, link(last, 'last')].filter(Boolean);
    return { status: 200, body: slice.map((d) => this.#served(d)), headers: { link: links.join(', ') } };
  }

  #deploy(id: string, siteId?: string): Reply {
    const deploy = this.findDeploy(id);
    if (!deploy || (siteId && this.#findSite(siteId)?.id !== deploy.site_id)) return this.notFound();
    return { status: 200, body: this.#served(deploy) };
  }

  #retry(id: string): Reply {
    const deploy = this.findDeploy(id);
    if (!deploy) return this.notFound();
    if (deploy.state !== 'error' && deploy.state !== 'ready') {
      const message = IN_PROGRESS_STATES.includes(deploy.state)
        ? 'Deploy is already building'
        : `Deploy in state ${deploy.state} cannot be retried`;
      return { status: 422, body: { code: 422, message } };
    }
    this.#plans.delete(id);
    deploy.state = this.retryState;
    deploy.error_message = null;
    deploy.deploy_time = null;
    deploy.updated_at = new Date(this.now()).toISOString();
    const plan = this.onRetry?.(deploy) ?? null;
    if (plan) this.planBuild(id, plan);
    return { status: 200, body: this.#served(deploy) };
  }

  #cancel(id: string): Reply {
    const deploy = this.findDeploy(id);
    if (!deploy) return this.notFound();
    if (!IN_PROGRESS_STATES.includes(deploy.state)) {
      return { status: 422, body: { code: 422, message: 'Build is already done' } };
    }
    this.#plans.delete(id);
    deploy.state = 'error';
    deploy.error_message = CANCELED.byUser.errorMessage;
    deploy.updated_at = new Date(this.now()).toISOString();
    return { status: 201, body: this.#served(deploy) };
  }
}
