/**
 * Screening an event: which comments the action acts on at all. Everything else is `ignored`:
 * no request, no reaction, no reply.
 */
import { type CommandName, type CommandWords, parseCommand } from './command.js';
import { isBotLogin, isTrustedApp } from './trust.js';

export interface CommentFacts {
  readonly action: string;
  readonly isPullRequest: boolean;
  readonly prState: string;
  readonly body: string;
  readonly commenterLogin: string;
  readonly commenterType: string | undefined;
}

export type Screened =
  | { readonly kind: 'ignored'; readonly reason: string }
  | { readonly kind: 'command'; readonly command: CommandName };

export function screenComment(
  eventName: string,
  comment: () => CommentFacts,
  words: CommandWords,
  trustedApps: readonly string[],
): Screened {
  if (eventName !== 'issue_comment') return ignored(`The event is ${eventName || 'unknown'}, not issue_comment.`);
  const facts = comment();
  if (facts.action !== 'created') return ignored(`The comment was ${facts.action}, not created.`);
  if (!facts.isPullRequest) return ignored('The comment is on an issue, not on a pull request.');
  if (facts.prState !== 'open') return ignored('The pull request is closed.');
  if (isBotLogin(facts.commenterLogin, facts.commenterType) && !isTrustedApp(facts.commenterLogin, trustedApps)) {
    return ignored(`The comment is by the bot @${facts.commenterLogin}, which is not in trusted-apps.`);
  }
  const command = parseCommand(facts.body, words);
  if (!command) return ignored('The comment holds no command.');
  return { kind: 'command', command };
}

function ignored(reason: string): Screened {
  return { kind: 'ignored', reason };
}
