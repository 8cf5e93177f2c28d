/**
 * Every sentence the action says about an outcome, in one place: the `reason` output and the log get
 * them as plain text, the reply as Markdown (command words in backticks, anything that came from an API
 * in a code span, so that it can neither mention anyone nor render).
 */
import type { CommandName, CommandWords } from './command.js';
import type { Skip } from './decision.js';
import type { Failure, FollowEnd, Ignored, Outcome, SiteOutcome } from './outcome.js';
import { MAX_PAGES, PER_PAGE, type SiteRef } from './preview.js';
import { codeSpan } from './text.js';
import type { Denial, Ground } from './trust.js';

export interface SentenceContext {
  readonly prNumber: number;
  readonly words: CommandWords;
  readonly okToTestLabel: string;
  readonly rebuildTrust: 'commenter' | 'pr';
}

/** How data and command words are written: plain for outputs and the log, Markdown for the reply. */
export interface Style {
  /** A value from elsewhere (a state, an API's message): verbatim, never markup. */
  readonly data: (text: string) => string;
  /** A command word or a label name. */
  readonly word: (text: string) => string;
}

export const PLAIN: Style = { data: (text) => text, word: (text) => text };
export const MARKDOWN: Style = { data: codeSpan, word: (text) => `\`${text}\`` };

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `GitHub refused adding the labels (403: Resource not accessible by integration)`, without a final period. */
export function failureText(failure: Failure, style: Style = PLAIN): string {
  const parts = [failure.status === null ? '' : String(failure.status), failure.said ? style.data(failure.said) : ''];
  const detail = parts.filter(Boolean).join(': ');
  return `${failure.what}${detail ? ` (${detail})` : ''}`;
}

export function ignoredReason(ignored: Ignored): string {
  switch (ignored.kind) {
    case 'event':
      return `The event is ${ignored.eventName || 'unknown'}, not issue_comment.`;
    case 'action':
      return `The comment was ${ignored.action}, not created.`;
    case 'issue':
      return 'The comment is on an issue, not on a pull request.';
    case 'closed':
      return 'The pull request is closed.';
    case 'bot':
      return `The comment is by the bot @${ignored.login}, which is not in trusted-apps.`;
    case 'no-command':
      return 'The comment holds no command.';
    case 'unknown-site':
      return `The comment names ${ignored.word}, which is not a listed site, so it holds no command.`;
    case 'unresolved-site':
      return `The comment names ${ignored.word}, which is not the name of a listed site as far as the action can tell without asking Netlify (it asks only for a trusted commenter), so it holds no command.`;
    case 'repository':
      return `site-id has no line for ${ignored.repository}, so this repository has no Netlify site to act on.`;
  }
}

/** "an owner", "a member", "a first-time contributor": an association with its article. */
export function associationPhrase(association: string): string {
  const words = association.toLowerCase().replace(/_/g, ' ').replace('first time', 'first-time');
  if (association === 'NONE') return 'without any association with';
  return `${/^[aeiou]/.test(words) ? 'an' : 'a'} ${words} of`;
}

export function groundText(ground: Ground, login: string, style: Style = PLAIN): string {
  switch (ground.kind) {
    case 'association':
      return `@${login} is ${associationPhrase(ground.association)} the repository`;
    case 'user':
      return `@${login} is listed in trusted-users`;
    case 'app':
      return `@${login} is an app listed in trusted-apps`;
    case 'permission':
      return `@${login} has ${ground.granted} permission on the repository`;
    case 'label':
      return `the PR carries the ${style.word(ground.label)} label`;
    case 'author':
      return `the PR's author is ${associationPhrase(ground.association)} the repository`;
  }
}

/** Why the commenter may not run the command, without a final period. */
export function denialText(denial: Denial, command: CommandName): string {
  if (denial.permission) {
    return `@${denial.login} has ${denial.permission.granted} permission on the repository, and ${denial.permission.required} is required`;
  }
  if (command === 'rebuild' && denial.prTrusted)
    return `@${denial.login} is not trusted to rebuild previews on this PR`;
  if (command === 'ok-to-test') return `@${denial.login} is not trusted to mark this PR ok to test`;
  return `@${denial.login} is not trusted to run commands on this PR`;
}

export function wordOf(command: CommandName, words: CommandWords): string {
  if (command === 'rebuild') return words.rebuild;
  if (command === 'ok-to-test') return words.okToTest ?? '/ok-to-test';
  return words.retest;
}

function siteLabel(site: SiteRef): string {
  return site.name ?? site.id;
}

function minutes(count: number): string {
  if (count < 120) return `${count} minute${count === 1 ? '' : 's'}`;
  const hours = Math.floor(count / 60);
  return `${hours} hours${count % 60 ? ` ${count % 60} minutes` : ''}`;
}

function skipSentence(decision: Skip, state: string, style: Style): string {
  switch (decision.because) {
    case 'ready':
      return 'The deploy preview is ready, so it was not retried.';
    case 'in-progress':
      return `A build of the deploy preview is already in progress (${state}).`;
    case 'canceled':
      return decision.canceled === 'no-change'
        ? "Netlify's ignore rule found nothing to build for the deploy preview: its build was canceled, not failed, so it was not retried."
        : "The deploy preview's build was canceled, not failed, so it was not retried.";
    case 'stuck':
      return `The build of the deploy preview has been ${state} for ${minutes(decision.stuckMinutes)} without a change, so it looks stuck; it was not retried.`;
    case 'pending-review':
      return "A Netlify team member must approve this deploy before it builds: Netlify holds contributors' previews for review, and no command gets around that.";
    case 'rejected':
      return 'A Netlify team member rejected this deploy, so it was not retried.';
    case 'unknown-state':
      return `The deploy preview is in state ${style.data(state)}, which is not retried.`;
  }
}

/** The one sentence about a site's outcome: the `reason` output for a single site. */
export function siteSentence(site: SiteOutcome, ctx: SentenceContext, style: Style = PLAIN): string {
  switch (site.result) {
    case 'retried': {
      const would = site.dryRun ? 'would be' : 'was';
      const decision = site.decision;
      if (decision.kind === 'restart') {
        return `The build of the deploy preview had been ${site.preview.state} for ${minutes(decision.stuckMinutes)} without a change, so it ${would} canceled and a retry ${would} requested.`;
      }
      if (decision.because === 'failed') return `The deploy preview had failed, so a retry ${would} requested.`;
      if (decision.because === 'canceled') {
        return `The deploy preview's build had been canceled, so a rebuild ${would} requested.`;
      }
      return `A rebuild of the deploy preview ${would} requested.`;
    }
    case 'skipped':
      return skipSentence(site.decision, (site.raced ?? site.preview).state, style);
    case 'not-found':
      if (site.pageLimit !== null && site.pageLimit < MAX_PAGES) {
        // Paging stopped early: Netlify answered the next page with the one before it again.
        return `PR #${ctx.prNumber} has no deploy preview among the newest ${(site.pageLimit * PER_PAGE).toLocaleString('en-US')} deploys of site ${site.site.id}: Netlify answered page ${site.pageLimit + 1} with page ${site.pageLimit} again, so paging stopped there (at most ${MAX_PAGES} pages are read).`;
      }
      if (site.pageLimit !== null) {
        return `PR #${ctx.prNumber} has no deploy preview among the newest ${(MAX_PAGES * PER_PAGE).toLocaleString('en-US')} deploys of site ${site.site.id} (at most ${MAX_PAGES} pages are read).`;
      }
      return `PR #${ctx.prNumber} has no deploy preview on site ${site.site.id}.`;
    case 'failed':
      switch (site.step) {
        case 'unclear':
          return `${capitalize(failureText(site.failure, style))}, and the deploy could not be read again: it is not known whether Netlify started the build.`;
        case 'cancel':
          return `The stuck build could not be canceled, so no retry was sent: ${failureText(site.failure, style)}.`;
        case 'malformed':
          return `${capitalize(failureText(site.failure, style))}.`;
        default:
          return `${capitalize(failureText(site.failure, style))}.`;
      }
  }
}

/** What to fix after a site failed. */
export function siteFix(site: Extract<SiteOutcome, { result: 'failed' }>): string {
  return site.step === 'unclear' ? 'look at the deploy log before commenting again' : site.failure.fix;
}

/** The reply's addition to a site's sentence: what the commenter can do next (Markdown). */
export function siteHint(site: SiteOutcome, ctx: SentenceContext): string {
  const rebuild = MARKDOWN.word(ctx.words.rebuild);
  if (site.result === 'not-found') return 'Netlify may not have started building it yet; nothing was retried.';
  if (site.result !== 'skipped') return '';
  switch (site.decision.because) {
    case 'ready':
      return `Comment ${rebuild} to force a rebuild.`;
    case 'canceled':
      return `Comment ${rebuild} to build it anyway.`;
    case 'stuck':
      return `Comment ${rebuild} to cancel it and build again.`;
    case 'pending-review':
      return site.preview.logUrl
        ? `A team member can approve it on its page in the Netlify app: ${site.preview.logUrl}`
        : '';
    default:
      return '';
  }
}

/** The `reason` output: one short sentence (a few, one per site, when several sites are listed). */
export function reasonOf(outcome: Outcome, ctx: SentenceContext): string {
  switch (outcome.result) {
    case 'ignored':
      return ignoredReason(outcome.ignored);
    case 'denied':
      return `${denialText(outcome.denial, outcome.command)}.`;
    case 'labeled':
      return `The ${outcome.label} label ${outcome.dryRun ? 'would be' : 'was'} added: anyone may now run ${ctx.words.retest} on this PR.`;
    default:
      break;
  }
  if (outcome.result === 'skipped' && outcome.whole) {
    if (outcome.whole.kind === 'labeled') return `The PR already carries the ${outcome.whole.label} label.`;
    return `The PR was ${outcome.whole.merged ? 'merged' : 'closed'} after the command was written, so nothing was retried.`;
  }
  if (outcome.result === 'failed' && outcome.problem) return problemText(outcome.problem);
  const sites = outcome.sites;
  if (sites.length === 1) return siteSentence(sites[0] as SiteOutcome, ctx);
  return sites.map((site) => `${siteLabel(site.site)}: ${siteSentence(site, ctx)}`).join(' ');
}

export function problemText(problem: NonNullable<Extract<Outcome, { result: 'failed' }>['problem']>): string {
  return problem.kind === 'input' ? problem.message : `${capitalize(failureText(problem.failure))}.`;
}

function duration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return s ? `${m} min ${s} s` : `${m} min`;
}

/** How following ended, for the reply (Markdown; the error message in a code span). */
export function followText(end: FollowEnd, retried: boolean, windowMinutes: number): string {
  const deploy = end.deploy;
  switch (end.end) {
    case 'ready': {
      const url = deploy?.url ? `: ${deploy.url}` : '';
      return `**Ready:** the preview is ready ${retried ? 'again' : 'now'}${url} (built in ${duration(end.seconds)}).`;
    }
    case 'error': {
      const message = firstLine(deploy?.errorMessage ?? '');
      const failed = `Failed${retried ? ' again' : ''}`;
      const head = message ? `**${failed}:** ${codeSpan(message)}.` : `**${failed}.**`;
      const log = deploy?.logUrl ? ` Deploy log: ${deploy.logUrl}` : '';
      return `${head}${log}`;
    }
    case 'window':
      return `**Still ${plainState(end.state)}** after ${windowMinutes} minutes of following (${duration(end.seconds)} in all); Netlify keeps reporting on the PR's checks.`;
    case 'gone':
      return '**Gone:** the deploy no longer exists on Netlify (404), so following ended.';
    case 'stopped':
      return `**Following stopped** after ${duration(end.seconds)}: the job was cancelled or timed out. The build was ${end.state ? codeSpan(end.state) : 'still running'} then; Netlify keeps reporting on the PR's checks.`;
  }
}

/** A state as prose when it is a plain word (as Netlify's are), else as data in a code span. */
function plainState(state: string): string {
  if (state === '') return 'building';
  return /^[a-z_]{1,40}$/.test(state) ? state : codeSpan(state);
}

/** The first line of an error message, at most 300 characters. */
export function firstLine(message: string): string {
  const line = message.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const trimmed = line.trim();
  return trimmed.length > 300 ? `${trimmed.slice(0, 297)}...` : trimmed;
}

/** What the reply says while a build is followed. */
export const FOLLOWING = 'Following the build: this comment will say how it ends.';
