/**
 * The reply: what the PR shows the commenter, in Markdown, and the reactions that go with it. Only our own
 * words are Markdown; whatever came from an API is a validated id, state or https URL, or sits in a code span.
 */
import type { Deploy } from './preview.js';
import type { Outcome, SiteOutcome } from './outcome.js';
import {
  capitalize,
  denialText,
  failureText,
  FOLLOWING,
  followText,
  groundText,
  MARKDOWN,
  type SentenceContext,
  siteFix,
  siteHint,
  siteSentence,
  wordOf,
} from './sentences.js';
import { codeSpan } from './text.js';

export interface ReplyContext extends SentenceContext {
  readonly login: string;
  /** The workflow run's page, linked from failures. */
  readonly runUrl: string | null;
  /** Whether /ok-to-test is on, so that a denial can point to it. */
  readonly okToTestOn: boolean;
  /** follow-minutes, for the sentence on a window that ended. */
  readonly followMinutes: number;
}

export type Reaction = 'eyes' | 'rocket' | 'confused' | 'hooray';

/** Marks the action's own replies, so that they can be told apart from people's comments. */
export const REPLY_MARKER = '<!-- netlify-preview-retry -->';

/** GitHub refuses a comment body longer than this. */
export const MAX_REPLY = 65_536;

/** The reactions each outcome leaves on the command comment once it is decided. */
export function finalReactions(outcome: Outcome): Reaction[] {
  if (outcome.result === 'denied') return ['confused'];
  if (outcome.result === 'labeled') return ['rocket'];
  const reactions: Reaction[] = [];
  const sites = 'sites' in outcome ? outcome.sites : [];
  if (sites.some((site) => site.result === 'retried')) reactions.push('rocket');
  if (outcome.result === 'failed') reactions.push('confused');
  return reactions;
}

/** The reactions for how the followed builds ended: hooray when all are ready, confused when one failed again. */
export function endReactions(sites: readonly SiteOutcome[]): Reaction[] {
  const ends = sites.flatMap((site) =>
    (site.result === 'retried' || site.result === 'skipped') && site.follow && site.follow !== 'pending'
      ? [site.follow.end]
      : [],
  );
  const reactions: Reaction[] = [];
  if (ends.includes('ready')) reactions.push('hooray');
  if (ends.includes('error')) reactions.push('confused');
  return reactions;
}

export function renderReply(outcome: Outcome, ctx: ReplyContext): string {
  const full = compose(outcome, ctx, true);
  if (full.length <= MAX_REPLY) return full;
  const compact = compose(outcome, ctx, false);
  if (compact.length <= MAX_REPLY) return compact;
  const room = MAX_REPLY - REPLY_MARKER.length - 40;
  // Cut at a line's end, never inside a line (a cut code span would let its text render); when not even
  // the first line fits, only the addressee is left.
  const end = compact.lastIndexOf('\n', room);
  const kept = end > 0 ? compact.slice(0, end) : `@${ctx.login}`;
  return `${kept}\n\n(The rest was cut to fit.)\n\n${REPLY_MARKER}`;
}

function compose(outcome: Outcome, ctx: ReplyContext, withLinks: boolean): string {
  const lines = [...body(outcome, ctx, withLinks)];
  const failed = outcome.result === 'failed';
  if (failed && ctx.runUrl) lines.push('', `Details are in the [workflow run](${ctx.runUrl}).`);
  lines.push('', REPLY_MARKER);
  return lines.join('\n');
}

function body(outcome: Outcome, ctx: ReplyContext, withLinks: boolean): string[] {
  const to = `@${ctx.login}`;
  const word = MARKDOWN.word(wordOf(outcome.command ?? 'retest', ctx.words));
  switch (outcome.result) {
    case 'ignored':
      return [to];
    case 'denied':
      return [denial(outcome, ctx)];
    case 'labeled': {
      const rebuild = ctx.rebuildTrust === 'pr' ? ` (or ${MARKDOWN.word(ctx.words.rebuild)} to rebuild it)` : '';
      return [
        `${to} ${outcome.dryRun ? 'Would add' : 'Added'} the ${MARKDOWN.word(outcome.label)} label: anyone may now comment ${MARKDOWN.word(ctx.words.retest)} on this PR to retry a failed preview${rebuild}.`,
      ];
    }
    default:
      break;
  }
  if (outcome.result === 'skipped' && outcome.whole) {
    if (outcome.whole.kind === 'labeled') {
      return [
        `${to} The PR already carries the ${MARKDOWN.word(outcome.whole.label)} label: anyone may comment ${MARKDOWN.word(ctx.words.retest)} on it to retry a failed preview.`,
      ];
    }
    return [
      `${to} The PR was ${outcome.whole.merged ? 'merged' : 'closed'} after the command was written, so nothing was retried.`,
    ];
  }
  if (outcome.result === 'failed' && outcome.problem) {
    const problem = outcome.problem;
    if (problem.kind === 'input') {
      return [
        `${to} The command could not run: the workflow's input ${MARKDOWN.word(problem.input)} is not valid, so nothing was done.`,
        '',
        `To fix: a maintainer corrects ${MARKDOWN.word(problem.input)} in the workflow; the workflow run's log says what it accepts.`,
      ];
    }
    const what = outcome.command === 'ok-to-test' ? 'The label could not be added.' : 'The command could not run.';
    return [
      `${to} ${what} ${capitalize(failureText(problem.failure, MARKDOWN))}.`,
      '',
      `To fix: ${problem.failure.fix}.`,
    ];
  }
  const sites = outcome.sites;
  if (sites.length === 1) {
    const site = sites[0] as SiteOutcome;
    return [`${to} ${headline(site, ctx)}`, ...siteBody(site, ctx, withLinks)];
  }
  const lines = [`${to} ${word} on ${sites.length} sites:`];
  for (const site of sites) {
    lines.push('', `### ${sectionName(site)}`, '', headline(site, ctx), ...siteBody(site, ctx, withLinks));
  }
  return lines;
}

/** A site's section heading: its name, from the listed domain, Netlify's site read or its preview (a validated name); else its id. */
function sectionName(site: SiteOutcome): string {
  return site.site.name ?? shownDeploy(site)?.siteName ?? site.site.id;
}

function headline(site: SiteOutcome, ctx: SentenceContext): string {
  const sentence = siteSentence(site, ctx, MARKDOWN);
  if (site.result === 'failed') return `The retry could not be requested. ${sentence}`;
  const hint = siteHint(site, ctx);
  return hint ? `${sentence} ${hint}` : sentence;
}

/** What follows a site's headline: why in more words, the links, notes, what to fix, how following ended. */
function siteBody(site: SiteOutcome, ctx: ReplyContext, withLinks: boolean): string[] {
  const lines: string[] = [];
  if (site.result === 'retried' && site.lostAnswer) {
    lines.push('', `Netlify's answer was lost, but the deploy is now ${codeSpan(site.lostAnswer.state)}.`);
  }
  if (site.result === 'skipped' && site.raced) {
    lines.push('', 'A build started after the command was read, so Netlify refused a second one.');
  }
  const deploy = shownDeploy(site);
  if (deploy && withLinks) lines.push('', ...links(deploy));
  if ((site.result === 'retried' || site.result === 'skipped') && site.stale) {
    lines.push(
      '',
      `Note: this preview was built from ${short(site.stale.built)}, not from the PR's head ${short(site.stale.head)}. ` +
        'A retry rebuilds the same commit; Netlify builds the head in a new deploy preview of its own.',
    );
  }
  if (site.result === 'failed') lines.push('', `To fix: ${siteFix(site)}.`);
  if ((site.result === 'retried' || site.result === 'skipped') && site.follow) {
    lines.push(
      '',
      site.follow === 'pending' ? FOLLOWING : followText(site.follow, site.result === 'retried', ctx.followMinutes),
    );
  }
  return lines;
}

/** The deploy a site's section shows: as found, or as read again after an unclear or refused retry. */
export function shownDeploy(site: SiteOutcome): Deploy | null {
  switch (site.result) {
    case 'retried':
      return site.lostAnswer ?? site.preview;
    case 'skipped':
      return site.raced ?? site.preview;
    case 'failed':
      return site.preview;
    case 'not-found':
      return null;
  }
}

function links(deploy: Deploy): string[] {
  const lines: string[] = [];
  if (deploy.url) lines.push(`- Preview: ${deploy.url}`);
  if (deploy.logUrl) lines.push(`- Deploy log: ${deploy.logUrl}`);
  const commit = deploy.commitRef ? `, built from ${short(deploy.commitRef)}` : '';
  lines.push(`- Deploy ${codeSpan(deploy.id)}: state ${codeSpan(deploy.state)} when checked${commit}`);
  return lines;
}

function denial(outcome: Extract<Outcome, { result: 'denied' }>, ctx: ReplyContext): string {
  const { denial: why, command } = outcome;
  const word = MARKDOWN.word(wordOf(command, ctx.words));
  const retest = MARKDOWN.word(ctx.words.retest);
  const label = MARKDOWN.word(ctx.okToTestLabel);
  const text = denialText(why, command);
  // A denial's sentence already starts with the commenter's @login.
  const addressed = text.startsWith(`@${ctx.login} `) ? text : `@${ctx.login} ${capitalize(text)}`;
  const byComment = ctx.okToTestOn && ctx.words.okToTest ? ` or commenting ${MARKDOWN.word(ctx.words.okToTest)}` : '';
  if (command === 'rebuild' && why.prTrusted) {
    return (
      `${addressed}, so ${word} was not run: it needs the commenter's own trust, and here only the PR is trusted ` +
      `(${groundText(why.prTrusted, ctx.login, MARKDOWN)}). Comment ${retest} to retry a failed preview.`
    );
  }
  if (command === 'rebuild' && ctx.rebuildTrust === 'commenter') {
    return (
      `${addressed}, so ${word} was not run. Only a trusted commenter can rebuild a preview; a maintainer can let anyone ` +
      `retry a failed one with ${retest} by adding the ${label} label${byComment}.`
    );
  }
  if (command === 'ok-to-test')
    return `${addressed}, so ${word} was not run. Only a trusted commenter can mark a PR ok to test.`;
  return `${addressed}, so ${word} was not run. A maintainer can allow commands on this PR by adding the ${label} label${byComment}.`;
}

function short(sha: string): string {
  return codeSpan(sha.slice(0, 7));
}
