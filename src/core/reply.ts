/**
 * The reply: what the PR shows the commenter, in Markdown.
 */
import type { CommandWords } from './command.js';
import type { Outcome, Result } from './decision.js';
import { deployLogUrl } from './preview.js';

export interface ReplyContext {
  readonly login: string;
  readonly words: CommandWords;
  readonly okToTestLabel: string;
  /** The workflow run's page, linked from failures. */
  readonly runUrl: string | null;
}

/** The reaction each result leaves on the command comment once it is decided. */
export function finalReaction(result: Result): 'rocket' | 'confused' | null {
  if (result === 'retried') return 'rocket';
  if (result === 'denied' || result === 'failed') return 'confused';
  return null;
}

/** Marks the action's own replies, so that they can be told apart from people's comments. */
export const REPLY_MARKER = '<!-- netlify-preview-retry -->';

export function renderReply(outcome: Outcome, ctx: ReplyContext): string {
  // A denial's reason already starts with the commenter's @login (see core/trust.ts).
  const addressed = outcome.result === 'denied' && outcome.decidedBy?.startsWith(`@${ctx.login} `);
  const lines = [addressed ? headline(outcome, ctx) : `@${ctx.login} ${headline(outcome, ctx)}`];
  if (outcome.detail) lines.push('', outcome.detail);
  const preview = outcome.preview;
  if (preview && outcome.result !== 'denied') {
    const links: string[] = [];
    if (preview.url) links.push(`- Preview: ${preview.url}`);
    const log = deployLogUrl(preview);
    if (log) links.push(`- Deploy log: ${log}`);
    const commit = preview.commitRef ? `, built from ${short(preview.commitRef)}` : '';
    links.push(`- Deploy \`${preview.id}\`: state \`${preview.state}\` when checked${commit}`);
    lines.push('', ...links);
  }
  if (outcome.stale) {
    lines.push(
      '',
      `Note: this preview was built from ${short(outcome.stale.built)}, not from the PR's head ${short(outcome.stale.head)}. ` +
        'A retry rebuilds the same commit; Netlify builds the head in a new deploy preview of its own.',
    );
  }
  if (outcome.result === 'failed') {
    if (outcome.fix) lines.push('', `To fix: ${outcome.fix}.`);
    if (ctx.runUrl) lines.push('', `Details are in the [workflow run](${ctx.runUrl}).`);
  }
  lines.push('', REPLY_MARKER);
  return lines.join('\n');
}

function headline(outcome: Outcome, ctx: ReplyContext): string {
  switch (outcome.result) {
    case 'retried':
      return outcome.reason;
    case 'skipped':
      if (outcome.preview?.state === 'ready') {
        return `${outcome.reason} Comment \`${ctx.words.rebuild}\` to force a rebuild.`;
      }
      return outcome.reason;
    case 'not-found':
      return `${outcome.reason} Netlify may not have started building it yet; nothing was retried.`;
    case 'denied':
      return (
        `${outcome.decidedBy ?? outcome.reason.replace(/\.$/, '')}, so \`${commandWord(outcome, ctx)}\` was not run. ` +
        `A maintainer can allow commands on this PR by adding the \`${ctx.okToTestLabel}\` label.`
      );
    case 'failed':
      return `The retry could not be requested. ${outcome.reason}`;
    case 'ignored':
      return outcome.reason;
  }
}

function commandWord(outcome: Outcome, ctx: ReplyContext): string {
  return outcome.command === 'rebuild' ? ctx.words.rebuild : ctx.words.retest;
}

function short(sha: string): string {
  return `\`${sha.slice(0, 7)}\``;
}
