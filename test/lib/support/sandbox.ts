/**
 * A sandbox: the fake Netlify and GitHub servers started together, seeded with one repository and one
 * site (more with addSite), and a way to run the built action on a comment. Used by the end-to-end tests,
 * the fault suite, the benchmark and the demo.
 */
import { type CommentEdit, FakeGitHub, type FakePull } from '../fakes/github.js';
import { type DeploySpec, FakeNetlify, type FakeSite, type NetlifyDeploy } from '../fakes/netlify.js';
import type { RecordedRequest } from '../http.js';
import { type ActionRun, type RunOptions, runAction } from './action.js';
import { type CommentSpec, commentPayload } from './payloads.js';

export const NETLIFY_TOKEN = 'nfp_Sandbox7Hq2Lr9Vx4Tz8Kp3Wm6Nc1Bd5Fg0Js';
export const GITHUB_TOKEN = 'ghs_SandboxWorkflowToken4f8a2c6e9b1d3f5a7c';
export const SITE = { id: '3f1e2d4c-5b6a-4789-9abc-def012345678', name: 'octo-docs' } as const;
export const OWNER = 'octo-org';
export const REPO = 'docs';

export interface CommandRun extends ActionRun {
  /** The event payload the run was fed (spec.payload, or the one built from the spec). */
  readonly payload: unknown;
  /** The requests this run made, in order of arrival. */
  readonly netlifyRequests: RecordedRequest[];
  readonly githubRequests: RecordedRequest[];
  /** Replies posted during this run, as first posted. */
  readonly replies: string[];
  /** The same replies as they are once the run is over (after every edit made to them). */
  readonly finalReplies: string[];
  /** Edits made during this run to any comment (replies of earlier runs included), in order. */
  readonly edits: CommentEdit[];
  /** Reactions added during this run on the command comment. */
  readonly reactions: string[];
}

export interface RunSpec extends Partial<CommentSpec> {
  readonly body: string;
  readonly inputs?: Record<string, string>;
  readonly eventName?: string;
  readonly payload?: unknown;
  readonly rawPayload?: string;
  /** Extra environment for the action (applied last). */
  readonly env?: Record<string, string>;
  /** GITHUB_REPOSITORY for the run (default octo-org/docs), e.g. for an organization-wide site map. */
  readonly repository?: string;
  readonly killAfterMs?: number;
  /** Sends `signal` (default SIGTERM) to the action this long after it started. */
  readonly signalAfterMs?: number;
  readonly signal?: 'SIGTERM' | 'SIGINT';
  /** Another bundle than dist/index.js (RunOptions.dist), e.g. an earlier release's. */
  readonly dist?: string;
}

let commentIds = 2_000_000_000;
/** The PR number commentPayload uses when a spec names none. */
const DEFAULT_PR = 42;

export class Sandbox {
  readonly netlify = new FakeNetlify(NETLIFY_TOKEN);
  readonly github = new FakeGitHub(OWNER, REPO, GITHUB_TOKEN);

  static async start(): Promise<Sandbox> {
    const sandbox = new Sandbox();
    await Promise.all([sandbox.netlify.start(), sandbox.github.start()]);
    sandbox.addSite(SITE.id, SITE.name);
    return sandbox;
  }

  /** Another Netlify site (SITE is there from the start); its previews: addPreview(pr, spec, id). */
  addSite(id: string, name: string): FakeSite {
    return this.netlify.addSite(id, name);
  }

  async stop(): Promise<void> {
    await Promise.all([this.netlify.stop(), this.github.stop()]);
  }

  set latencyMs(ms: number) {
    this.netlify.latencyMs = ms;
    this.github.latencyMs = ms;
  }

  /** An open PR by alice, its head a branch of this repository, unless `spec` says otherwise. */
  addPull(number: number, spec: Partial<Omit<FakePull, 'number'>> = {}): FakePull {
    return this.github.addPull({
      number,
      node_id: `PR_kwDOpr${number}`,
      state: 'open',
      title: `Docs change ${number}`,
      created_at: spec.created_at ?? '2026-11-20T10:00:00Z',
      updated_at: spec.updated_at ?? '2026-11-21T10:00:00Z',
      author: spec.author ?? 'alice',
      ...spec,
      head: spec.head ?? { sha: headSha(number), ref: `pr-${number}` },
    });
  }

  /** A deploy preview of the PR (its head SHA and ref by default) on a site (default SITE). */
  addPreview(pr: number, spec: Omit<DeploySpec, 'pr'> & { commit?: string }, siteId: string = SITE.id): NetlifyDeploy {
    const pull = this.github.pulls.get(pr);
    return this.netlify.addDeploy(siteId, {
      pr,
      commit: spec.commit ?? pull?.head.sha ?? headSha(pr),
      branch: spec.branch ?? pull?.head.ref ?? `pr-${pr}`,
      ...spec,
    });
  }

  /** Inputs as a workflow would set them, pointed at the fakes. */
  inputs(extra: Record<string, string> = {}): Record<string, string> {
    return { 'netlify-token': NETLIFY_TOKEN, 'site-id': SITE.id, 'netlify-api-url': this.netlify.apiUrl, ...extra };
  }

  /**
   * Posts a comment (an event) and runs the action on it. The payload's labels default to the fake PR's
   * labels as they are now (so that a label added by one run is in the next run's event), and its
   * repository.private to the fake's privateRepo. `runner` runs it: the built bundle in a child process
   * (runAction, the default), or runInProcess (support/inprocess.ts).
   */
  async run(spec: RunSpec, runner: (options: RunOptions) => Promise<ActionRun> = runAction): Promise<CommandRun> {
    const commentId = spec.commentId ?? commentIds++;
    const commentNodeId = this.github.commentNodeId(commentId);
    const pull = this.github.pulls.get(spec.prNumber ?? DEFAULT_PR);
    const payload =
      spec.payload ??
      commentPayload({
        owner: OWNER,
        repo: REPO,
        association: 'MEMBER',
        ...spec,
        labels: spec.labels ?? [...(pull?.labels ?? [])],
        privateRepo: spec.privateRepo ?? this.github.privateRepo,
        commentId,
        commentNodeId,
      });
    const netlifyFrom = this.netlify.requests.length;
    const githubFrom = this.github.requests.length;
    const repliesFrom = this.github.comments.length;
    const editsFrom = this.github.edits.length;
    const run = await runner({
      inputs: this.inputs(spec.inputs),
      eventName: spec.eventName,
      payload,
      rawPayload: spec.rawPayload,
      githubApiUrl: this.github.apiUrl,
      githubToken: GITHUB_TOKEN,
      env: spec.env,
      repository: spec.repository,
      killAfterMs: spec.killAfterMs,
      signalAfterMs: spec.signalAfterMs,
      signal: spec.signal,
      dist: spec.dist,
    });
    const posted = this.github.comments.slice(repliesFrom);
    return {
      ...run,
      payload,
      netlifyRequests: this.netlify.requests.slice(netlifyFrom),
      githubRequests: this.github.requests.slice(githubFrom),
      replies: posted.map((c) => c.posted),
      finalReplies: posted.map((c) => c.body),
      edits: this.github.edits.slice(editsFrom),
      reactions: this.github.reactionsOn(commentId),
    };
  }
}

/** A stable 40-hex-digit head SHA for a PR number. */
export function headSha(pr: number): string {
  return `${pr.toString(16)}c0ffee`.repeat(8).slice(0, 40);
}

/** `METHOD path` of each request, for compact assertions. */
export function lines(requests: readonly RecordedRequest[]): string[] {
  return requests.map((r) => `${r.method} ${r.path}`);
}
