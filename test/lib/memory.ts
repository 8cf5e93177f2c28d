/**
 * An in-memory world for the flow's tests: sites and their deploys, the pull request, permissions, labels,
 * replies and reactions; ports that answer from it as the adapters present the real APIs; a virtual clock
 * the test drives; a log that keeps its lines. Every port call is recorded with when it started and ended,
 * so that a test can assert the calls, their order and their round trips.
 */
import { IN_PROGRESS_STATES } from '../../src/core/decision.js';
import type { RateLimit } from '../../src/core/follow.js';
import type { Failure } from '../../src/core/outcome.js';
import { type Deploy, type DeployPage, PER_PAGE, type SkippedDeploy } from '../../src/core/preview.js';
import type { Reaction } from '../../src/core/reply.js';
import type { PermissionLevel } from '../../src/core/trust.js';
import {
  type Clock,
  type Connect,
  type Log,
  type Poll,
  PortError,
  type Pull,
  type Report,
  type Reported,
  type Sent,
} from '../../src/flow/ports.js';

/** Every world starts at this virtual time. */
export const T0 = Date.parse('2026-11-02T12:00:00Z');
export const PR = 7;
export const HEAD_SHA = 'b'.repeat(40);
/** The ISO time `minutes` before T0. */
export const ago = (minutes: number): string => new Date(T0 - minutes * 60_000).toISOString();

/** Time moves only as `drive` moves it: timers fire one at a time, earliest (then first set) first. */
export class VirtualClock implements Clock {
  #now = T0;
  #timers: { due: number; fire: () => void }[] = [];
  now(): number {
    return this.#now;
  }
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const stop = () => {
        this.#timers = this.#timers.filter((t) => t.fire !== fire);
        resolve();
      };
      const fire = () => {
        signal?.removeEventListener('abort', stop);
        resolve();
      };
      this.at(this.#now + Math.max(0, ms), fire);
      signal?.addEventListener('abort', stop, { once: true });
    });
  }
  /** Runs `fire` once the clock reaches `time` (ms since the epoch). */
  at(time: number, fire: () => void): void {
    this.#timers.push({ due: time, fire });
  }
  /** Moves time on until `work` settles; throws when it waits on something other than the clock. */
  async drive<T>(work: Promise<T>): Promise<T> {
    let settled = false;
    const done = () => {
      settled = true;
    };
    work.then(done, done);
    for (;;) {
      await new Promise<void>((resolve) => setImmediate(resolve)); // every microtask has run
      if (settled) return work;
      this.#timers.sort((a, b) => a.due - b.due); // stable: of two due at once, the first set fires first
      const next = this.#timers.shift();
      if (!next) throw new Error('the flow waits on something other than the clock');
      this.#now = Math.max(this.#now, next.due);
      next.fire();
    }
  }
}

/** A change of a deploy once the clock is `afterMs` past T0; `gone` deletes the deploy. */
export type Step = { afterMs: number; state?: string; errorMessage?: string | null; gone?: boolean };

/** A deploy in short: `pr` null (the default) is a production deploy. */
export type DeploySpec = Partial<
  Pick<Deploy, 'id' | 'state' | 'createdAt' | 'updatedAt' | 'errorMessage' | 'context' | 'branch'>
> & {
  pr?: number | null;
  commit?: string | null;
  timeline?: readonly Step[];
};

export interface SiteOptions {
  /** Default: the first label of a domain, none for an API ID. */
  name?: string | null;
  /** Deploys on page 1 that the adapter could not validate. */
  malformed?: readonly SkippedDeploy[];
  /** A Netlify that answers page 1 whatever page is asked for. */
  ignoresPage?: boolean;
  /** A Netlify that answers only this many deploys of each page, with no next link. */
  short?: number;
}
type Site = SiteOptions & { id: string; name: string | null; deploys: Deploy[] };

/** What a call does instead: a read throws it (a PortError); a retry or cancel answers it; a poll answers it. */
export type Fault = Partial<Failure> & {
  /** A write's answer (default `unclear`), or `gone` for a poll. */
  kind?: Exclude<Sent['kind'], 'accepted'> | 'gone';
  /** The write took effect; only its answer was lost. */
  reached?: boolean;
  retryAt?: number | null;
  rate?: RateLimit | null;
};

/** A port call: its line, the virtual time it was made, and sequence numbers for its start and end. */
export type Call = { line: string; at: number; start: number; end: number };
export type Reply = { id: string; body: string; history: string[] };

let made = 0;

/** A deploy as the adapter presents one, from a short spec. */
export function makeDeploy(spec: DeploySpec, site: string | null = 'docs', createdAt = ago(1)): Deploy {
  const { pr = null, id = `deploy-${++made}`, commit = HEAD_SHA } = spec;
  return {
    id,
    siteName: site,
    state: spec.state ?? 'ready',
    context: spec.context ?? (pr === null ? 'production' : 'deploy-preview'),
    reviewId: pr,
    commitRef: commit,
    branch: spec.branch === undefined ? (pr === null ? 'main' : `pr-${pr}`) : spec.branch,
    url: site && pr !== null ? `https://deploy-preview-${pr}--${site}.netlify.app` : null,
    logUrl: site ? `https://app.netlify.com/sites/${site}/deploys/${id}` : null,
    createdAt: spec.createdAt ?? createdAt,
    updatedAt: spec.updatedAt ?? spec.createdAt ?? createdAt,
    errorMessage: spec.errorMessage ?? null,
  };
}

export class World {
  readonly clock = new VirtualClock();
  readonly sites = new Map<string, Site>();
  pull: Pull = {
    headSha: HEAD_SHA,
    headRef: `pr-${PR}`,
    createdAt: ago(43_200),
    open: true,
    merged: false,
    fork: false,
  };
  /** By lower-case login; anyone else has `read`, as on a public repository. */
  permissions: Record<string, PermissionLevel> = {};
  labels: string[] = [];
  readonly replies: Reply[] = [];
  readonly reactions: Reaction[] = [];
  readonly calls: Call[] = [];
  /** How long each call takes, in virtual ms. */
  latencyMs = 0;
  /** What each poll's answer says of the rate limit. */
  rate: (now: number) => RateLimit | null = () => null;
  #faults: { prefix: string; fault: Fault; left: number }[] = [];
  #steps = new Map<string, Step[]>();
  #seq = 0;

  /** Adds a site; its deploys come newest first, by default a minute apart, the newest a minute old. */
  site(id: string, deploys: readonly DeploySpec[], options: SiteOptions = {}): this {
    const name = options.name !== undefined ? options.name : id.includes('.') ? (id.split('.')[0] as string) : null;
    const list = deploys.map((spec, i) => makeDeploy({ id: `${name ?? 'site'}-${i}`, ...spec }, name, ago(i + 1)));
    for (const [i, spec] of deploys.entries())
      if (spec.timeline) this.#steps.set((list[i] as Deploy).id, [...spec.timeline]);
    this.sites.set(id, { ...options, id, name, deploys: list });
    return this;
  }

  /** The next `times` calls whose line starts with `prefix` fail with `fault`. */
  fail(prefix: string, fault: Fault = {}, times = 1): this {
    this.#faults.push({ prefix, fault, left: times });
    return this;
  }

  /** The deploy as it is now, or null. */
  deploy(id: string): Deploy | null {
    this.#advance();
    const [site, i] = this.#find(id);
    return site?.deploys[i] ?? null;
  }

  /** The lines of the calls that start with `prefix`, in the order they were made. */
  lines(prefix = ''): string[] {
    return this.calls.filter((c) => c.line.startsWith(prefix)).map((c) => c.line);
  }

  /** The calls by round trip, sorted within each: one round after the latest call that ended before it began. */
  rounds(): string[][] {
    const level = new Map<Call, number>();
    const groups: string[][] = [];
    for (const call of this.calls) {
      const before = this.calls.filter((c) => c.end >= 0 && c.end < call.start);
      const depth = Math.max(0, ...before.map((c) => level.get(c) as number)) + 1;
      level.set(call, depth);
      groups[depth - 1] = [...(groups[depth - 1] ?? []), call.line].sort();
    }
    return groups;
  }

  /** Records a call, takes its fault, lets the latency pass, then answers from the world as it is then. */
  async call<T>(line: string, answer: (fault: Fault | null) => T): Promise<T> {
    const call: Call = { line, at: this.clock.now(), start: this.#seq++, end: -1 };
    this.calls.push(call);
    const slot = this.#faults.find((f) => f.left > 0 && line.startsWith(f.prefix));
    if (slot) slot.left--;
    await this.clock.sleep(this.latencyMs);
    this.#advance();
    try {
      return answer(slot?.fault ?? null);
    } finally {
      call.end = this.#seq++;
    }
  }

  failure(line: string, f: Fault): Failure {
    const service = line.startsWith('netlify') ? 'Netlify' : 'GitHub';
    const what = `${service} failed (${line})`;
    return { service, status: f.status ?? null, what: f.what ?? what, said: f.said ?? '', fix: f.fix ?? 'try again' };
  }

  /** Changes a deploy now, as Netlify would. */
  update(id: string, change: Partial<Deploy>): void {
    const [site, i] = this.#find(id);
    const updatedAt = new Date(this.clock.now()).toISOString();
    if (site) site.deploys[i] = { ...(site.deploys[i] as Deploy), updatedAt, ...change };
  }

  siteOf(id: string): Site {
    const site = this.sites.get(id);
    if (!site) throw new PortError(this.failure('netlify', { status: 404, what: `Netlify has no site ${id}` }));
    return site;
  }

  #find(id: string): [Site | undefined, number] {
    for (const site of this.sites.values()) {
      const i = site.deploys.findIndex((d) => d.id === id);
      if (i >= 0) return [site, i];
    }
    return [undefined, -1];
  }

  /** Applies every timeline step that is due. */
  #advance(): void {
    for (const [id, steps] of this.#steps) {
      for (let step = steps[0]; step && T0 + step.afterMs <= this.clock.now(); step = steps[0]) {
        steps.shift();
        const [site, i] = this.#find(id);
        if (step.gone) site?.deploys.splice(i, 1);
        else this.update(id, { ...(step.state && { state: step.state }), errorMessage: step.errorMessage ?? null });
      }
    }
  }
}

/** Ports that answer from the world. */
export function memoryPorts(world: World): Connect {
  const read = <T>(line: string, value: () => T) =>
    world.call(line, (fault) => {
      if (fault) throw new PortError(world.failure(line, fault));
      return value();
    });
  // A write's fault is its answer; `reached` lets the write happen first.
  const write = (line: string, id: string, apply: (deploy: Deploy) => Sent) =>
    world.call(line, (fault): Sent => {
      const deploy = world.deploy(id);
      if (fault?.reached && deploy) apply(deploy);
      if (fault) return { kind: (fault.kind ?? 'unclear') as 'unclear', failure: world.failure(line, fault) };
      return deploy ? apply(deploy) : refused(line, 404);
    });
  const refused = (line: string, status: number, said = ''): Sent => ({
    kind: 'refused',
    failure: world.failure(line, { status, said }),
  });
  const parts = (reactions: readonly Reaction[], body: string | null) =>
    `reactions=${reactions.join(',')} body=${body === null ? 'no' : 'yes'}`;
  // A report or an edit: the reply (when there is a body) and the reactions, or a failure of both.
  const show = (line: string, { body, reactions }: Report, post: (body: string) => Reply | null) =>
    world.call(line, (fault): Reported => {
      if (fault) return { reply: null, reactions: [], failures: [world.failure(line, fault)] };
      const shown = body === null ? null : post(body);
      world.reactions.push(...reactions);
      const reply = shown && { id: shown.id, url: `https://github.com/o/r/pull/${PR}#${shown.id}` };
      return { reply, reactions, failures: [] };
    });

  return () => ({
    github: {
      react: (content) => read(`github.react ${content}`, () => void world.reactions.push(content)),
      readPull: () => read('github.readPull', () => world.pull),
      readPermission: (login) =>
        read(`github.readPermission ${login}`, () => world.permissions[login.toLowerCase()] ?? 'read'),
      addLabel: (label) =>
        read(`github.addLabel ${label}`, () => {
          if (!world.labels.some((l) => l.toLowerCase() === label.toLowerCase())) world.labels.push(label);
        }),
      report: ({ body, reactions }) =>
        show(`github.report ${parts(reactions, body)}`, { body, reactions }, (text) => {
          const reply = { id: `IC_reply${world.replies.length + 1}`, body: text, history: [text] };
          world.replies.push(reply);
          return reply;
        }),
      edit: ({ replyId, body, reactions }) =>
        show(`github.edit ${parts(reactions, body)}`, { body, reactions }, (text) => {
          const reply = world.replies.find((r) => r.id === replyId) ?? null;
          if (reply) reply.body = text;
          reply?.history.push(text);
          return reply;
        }),
    },
    netlify: {
      siteName: (site) => read(`netlify.siteName site=${site}`, () => world.siteOf(site).name),
      listPreviews: (siteId, { page, branch }) =>
        read(`netlify.listPreviews site=${siteId} page=${page}${branch ? ` branch=${branch}` : ''}`, (): DeployPage => {
          const site = world.siteOf(siteId);
          const all = site.deploys.filter((d) => d.context === 'deploy-preview' && (!branch || d.branch === branch));
          const from = ((site.ignoresPage ? 1 : page) - 1) * PER_PAGE;
          const skipped = page === 1 && !branch ? (site.malformed ?? []) : [];
          const more = site.short === undefined && from + PER_PAGE < all.length;
          return { deploys: all.slice(from, from + (site.short ?? PER_PAGE)), skipped, more };
        }),
      readDeploy: (id) =>
        read(`netlify.readDeploy id=${id}`, () => {
          const deploy = world.deploy(id);
          if (!deploy) throw new PortError(world.failure('netlify.readDeploy', { status: 404 }));
          return deploy;
        }),
      pollDeploy: (id) =>
        world.call(`netlify.pollDeploy id=${id}`, (fault): Poll => {
          const deploy = world.deploy(id);
          if (fault?.kind === 'gone' || (!fault && !deploy)) return { kind: 'gone' };
          if (fault) {
            const failure = world.failure('netlify.pollDeploy', fault);
            return { kind: 'failed', failure, rate: fault.rate ?? null, retryAt: fault.retryAt ?? null };
          }
          return { kind: 'deploy', deploy: deploy as Deploy, rate: world.rate(world.clock.now()) };
        }),
      // Netlify builds a deploy that has ended again, and refuses one in progress.
      retry: (id) =>
        write(`netlify.retry id=${id}`, id, (deploy) => {
          if (deploy.state !== 'error' && deploy.state !== 'ready') {
            const failure = world.failure('netlify.retry', { status: 422, said: 'Deploy is already building' });
            return { kind: 'conflict', failure };
          }
          world.update(id, { state: 'enqueued', errorMessage: null });
          return { kind: 'accepted' };
        }),
      // Netlify cancels a build in progress only.
      cancel: (id) =>
        write(`netlify.cancel id=${id}`, id, (deploy) => {
          if (!IN_PROGRESS_STATES.has(deploy.state)) return refused('netlify.cancel', 422, 'Build is already done');
          world.update(id, { state: 'error', errorMessage: 'Canceled build' });
          return { kind: 'accepted' };
        }),
    },
  });
}

/** A log that keeps every line. */
export function recordingLog(): Log & { infos: string[]; warnings: string[] } {
  const infos: string[] = [];
  const warnings: string[] = [];
  return { infos, warnings, info: (text) => void infos.push(text), warning: (text) => void warnings.push(text) };
}
