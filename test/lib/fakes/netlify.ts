/**
 * A fake of the Netlify API (https://api.netlify.com/api/v1) on 127.0.0.1: sites, deploys, paging,
 * the undocumented retry, and Netlify's error bodies. Every request and answer is checked against Netlify's
 * OpenAPI spec (@netlify/open-api; test/lib/contract/exceptions.ts lists the exceptions).
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
  readonly context?: 'deploy-preview' | 'branch-deploy' | 'production';
  readonly commit?: string;
  readonly branch?: string;
  readonly errorMessage?: string | null;
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
    updated_at: spec.createdAt,
    published_at: spec.state === 'ready' ? spec.createdAt : null,
    error_message: spec.errorMessage ?? (spec.state === 'error' ? 'Build script returned non-zero exit code: 2' : null),
    skipped: null,
    locked: null,
    draft: false,
    links: { permalink: `https://${id}--${host}`, alias: `https://${alias}`, branch: null },
  };
}

export class FakeNetlify extends FakeServer {
  readonly sites = new Map<string, FakeSite>();
  /** What a successful retry does to the deploy (Netlify queues it again). */
  retryState = 'enqueued';

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
    return deploy;
  }

  findDeploy(id: string): NetlifyDeploy | undefined {
    for (const site of this.sites.values()) {
      const found = site.deploys.find((d) => d.id === id);
      if (found) return found;
    }
    return undefined;
  }

  /** Requests of one kind, for assertions. */
  retries(): RecordedRequest[] {
    return this.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/retry'));
  }

  override notFound(): Reply {
    return { status: 404, body: { code: 404, message: 'Not Found' } };
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

  #findSite(id: string | undefined): FakeSite | undefined {
    if (!id) return undefined;
    return this.sites.get(id) ?? [...this.sites.values()].find((s) => `${s.name}.netlify.app` === id);
  }

  #list(req: RecordedRequest, siteId: string): Reply {
    const site = this.#findSite(siteId);
    if (!site) return this.notFound();
    const q = req.query;
    let deploys = [...site.deploys];
    if (q['deploy-previews'] === 'true') deploys = deploys.filter((d) => d.context === 'deploy-preview');
    if (q.production === 'true') deploys = deploys.filter((d) => d.context === 'production');
    if (q.branch) deploys = deploys.filter((d) => d.branch === q.branch);
    if (q.state) deploys = deploys.filter((d) => d.state === q.state);
    deploys.sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at));
    const perPage = Math.min(Math.max(Number(q.per_page ?? 100) || 100, 1), 100);
    const page = Math.max(Number(q.page ?? 1) || 1, 1);
    const last = Math.max(Math.ceil(deploys.length / perPage), 1);
    const slice = deploys.slice((page - 1) * perPage, page * perPage);
    const link = (n: number, rel: string) => {
      const url = new URL(`${this.apiUrl}/sites/${siteId}/deploys`);
      for (const [k, v] of Object.entries(q)) url.searchParams.set(k, v);
      url.searchParams.set('page', String(n));
      url.searchParams.set('per_page', String(perPage));
      return `<${url.href}>; rel="${rel}"`;
    };
    const links = [page < last ? link(page + 1, 'next') : null, link(last, 'last')].filter(Boolean);
    return { status: 200, body: slice, headers: { link: links.join(', ') } };
  }

  #deploy(id: string, siteId?: string): Reply {
    const deploy = this.findDeploy(id);
    if (!deploy || (siteId && this.#findSite(siteId)?.id !== deploy.site_id)) return this.notFound();
    return { status: 200, body: deploy };
  }

  #retry(id: string): Reply {
    const deploy = this.findDeploy(id);
    if (!deploy) return this.notFound();
    if (deploy.state !== 'error' && deploy.state !== 'ready') {
      return { status: 422, body: { code: 422, message: 'Deploy is already building' } };
    }
    deploy.state = this.retryState;
    deploy.error_message = null;
    deploy.updated_at = new Date().toISOString();
    return { status: 200, body: deploy };
  }

  #cancel(id: string): Reply {
    const deploy = this.findDeploy(id);
    if (!deploy) return this.notFound();
    deploy.state = 'error';
    deploy.error_message = 'Canceled build';
    return { status: 201, body: deploy };
  }
}
