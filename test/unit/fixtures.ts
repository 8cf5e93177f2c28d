/**
 * Plain values shared by the unit tests: the PR, site and deploy of the pinned replies, and builders that
 * change one field at a time. Nothing here calls the code under test.
 */
import type { CommandWords } from '../../src/core/command.js';
import type { FollowEnd, Outcome, SiteOutcome } from '../../src/core/outcome.js';
import type { Deploy, SiteRef } from '../../src/core/preview.js';
import type { ReplyContext } from '../../src/core/reply.js';

export const SITE_ID = '3f1e2d4c-5b6a-4789-9abc-def012345678';
export const DEPLOY_ID = '6000000000000000000000a9';
export const PREVIEW_URL = 'https://deploy-preview-42--octo-docs.netlify.app';
export const LOG_URL = 'https://app.netlify.com/sites/octo-docs/deploys/6000000000000000000000a9';
export const COMMIT = '520c0ffee1234567890abcdef1234567890abcde';
export const RUN_URL = 'https://github.com/octo-org/docs/actions/runs/987654321';
export const MARKER = '<!-- netlify-preview-retry -->';

export const WORDS: CommandWords = { retest: '/retest', rebuild: '/rebuild-preview', okToTest: null };

export const SITE: SiteRef = { id: SITE_ID, name: null };

export function deploy(over: Partial<Deploy> = {}): Deploy {
  return {
    id: DEPLOY_ID,
    siteName: 'octo-docs',
    state: 'error',
    context: 'deploy-preview',
    reviewId: 42,
    commitRef: COMMIT,
    branch: 'fix-typo',
    url: PREVIEW_URL,
    logUrl: LOG_URL,
    createdAt: '2026-11-30T10:00:00Z',
    updatedAt: '2026-11-30T10:04:00Z',
    errorMessage: 'Build script returned non-zero exit code: 2',
    ...over,
  };
}

export function replyContext(over: Partial<ReplyContext> = {}): ReplyContext {
  return {
    prNumber: 42,
    words: WORDS,
    okToTestLabel: 'ok-to-test',
    rebuildTrust: 'commenter',
    login: 'alice',
    runUrl: RUN_URL,
    okToTestOn: false,
    followMinutes: 20,
    ...over,
  };
}

type Retried = Extract<SiteOutcome, { result: 'retried' }>;
type Skipped = Extract<SiteOutcome, { result: 'skipped' }>;
type Failed = Extract<SiteOutcome, { result: 'failed' }>;

export function retried(over: Partial<Retried> = {}): Retried {
  return {
    result: 'retried',
    site: SITE,
    preview: deploy(),
    decision: { kind: 'retry', because: 'failed' },
    dryRun: false,
    lostAnswer: null,
    stale: null,
    follow: null,
    ...over,
  };
}

export function skipped(decision: Skipped['decision'], over: Partial<Skipped> = {}): Skipped {
  return {
    result: 'skipped',
    site: SITE,
    preview: deploy(),
    decision,
    raced: null,
    stale: null,
    follow: null,
    ...over,
  };
}

export function notFound(over: Partial<Extract<SiteOutcome, { result: 'not-found' }>> = {}): SiteOutcome {
  return { result: 'not-found', site: SITE, pageLimit: null, ...over };
}

export function failed(over: Partial<Failed> = {}): Failed {
  return {
    result: 'failed',
    site: SITE,
    preview: deploy(),
    step: 'retry',
    failure: {
      service: 'Netlify',
      status: 422,
      what: 'Netlify refused the retry',
      said: 'Build is already done',
      fix: 'look at the deploy log',
    },
    ...over,
  };
}

export function followEnd(end: FollowEnd['end'], over: Partial<FollowEnd> = {}): FollowEnd {
  const state = end === 'ready' || end === 'error' ? end : end === 'gone' ? '' : 'building';
  return { end, state, seconds: 95, deploy: deploy({ state: state || 'error' }), ...over };
}

/** The command's outcome for these sites, as the flow builds it (the strongest result wins). */
export function ofSites(command: 'retest' | 'rebuild', ...sites: SiteOutcome[]): Outcome {
  if (sites.some((s) => s.result === 'failed')) return { result: 'failed', command, sites, problem: null };
  if (sites.some((s) => s.result === 'retried')) return { result: 'retried', command, sites };
  if (sites.some((s) => s.result === 'skipped')) return { result: 'skipped', command, sites, whole: null };
  return { result: 'not-found', command, sites };
}
