/**
 * A sandbox: the fake Netlify and GitHub servers started together, seeded with one repository and one
 * site, and a way to run the built action on a comment. Used by the end-to-end tests, the fault
 * suite, the benchmark and the demo.
 */
import { FakeGitHub, type FakePull } from '../fakes/github.js';
import { type DeploySpec, FakeNetlify, type NetlifyDeploy } from '../fakes/netlify.js';
import type { RecordedRequest } from '../http.js';
import { type ActionRun, runAction } from './action.js';
import { type CommentSpec, commentPayload } from './payloads.js';

export const NETLIFY_TOKEN = 'nfp_Sandbox7Hq2Lr9Vx4Tz8Kp3Wm6Nc1Bd5Fg0Js';
export const GITHUB_TOKEN = 'ghs_SandboxWorkflowToken4f8a2c6e9b1d3f5a7c';
export const SITE = { id: '3f1e2d4c-5b6a-4789-9abc-def012345678', name: 'octo-docs' } as const;
export const OWNER = 'octo-org';
export const REPO = 'docs';

export interface CommandRun extends ActionRun {
  /** The requests this run made, in order of arrival. */
  readonly netlifyRequests: RecordedRequest[];
  readonly githubRequests: RecordedRequest[];
  /** Replies posted during this run. */
  readonly replies: string[];
  /** Reactions added during this run on the command comment. */
  readonly reactions: string[];
}

export interface RunSpec extends Partial<CommentSpec> {
  readonly body: string;
  readonly inputs?: Record<string, string>;
  readonly eventName?: string;
  readonly payload?: unknown;
  readonly rawPayload?: string;
  readonly killAfterMs?: number;
}

let commentIds = 2_000_000_000;

export class Sandbox {
  readonly netlify = new FakeNetlify(NETLIFY_TOKEN);
  readonly github = new FakeGitHub(OWNER, REPO, GITHUB_TOKEN);

  static async start(): Promise<Sandbox> {
    const sandbox = new Sandbox();
    await Promise.all([sandbox.netlify.start(), sandbox.github.start()]);
    sandbox.netlify.addSite(SITE.id, SITE.name);
    return sandbox;
  }

  async stop(): Promise<void> {
    await Promise.all([this.netlify.stop(), this.github.stop()]);
  }

  set latencyMs(ms: number) {
    this.netlify.latencyMs = ms;
    this.github.latencyMs = ms;
  }

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

  addPreview(pr: number, spec: Omit<DeploySpec, 'pr'> & { commit?: string }): NetlifyDeploy {
    const pull = this.github.pulls.get(pr);
    return this.netlify.addDeploy(SITE.id, {
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

  /** Posts a comment (an event) and runs the action on it. */
  async run(spec: RunSpec): Promise<CommandRun> {
    const commentId = spec.commentId ?? commentIds++;
    const commentNodeId = this.github.commentNodeId(commentId);
    const payload =
      spec.payload ??
      commentPayload({ owner: OWNER, repo: REPO, association: 'MEMBER', ...spec, commentId, commentNodeId });
    const netlifyFrom = this.netlify.requests.length;
    const githubFrom = this.github.requests.length;
    const repliesFrom = this.github.comments.length;
    const run = await runAction({
      inputs: this.inputs(spec.inputs),
      eventName: spec.eventName,
      payload,
      rawPayload: spec.rawPayload,
      githubApiUrl: this.github.apiUrl,
      githubToken: GITHUB_TOKEN,
      killAfterMs: spec.killAfterMs,
    });
    return {
      ...run,
      netlifyRequests: this.netlify.requests.slice(netlifyFrom),
      githubRequests: this.github.requests.slice(githubFrom),
      replies: this.github.comments.slice(repliesFrom).map((c) => c.body),
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
