/**
 * Screening an event: which comments the action acts on at all, and which line of a comment is the
 * command. Everything else is `ignored`: no request, no reaction, no reply.
 */
import { type CommandLine, type CommandName, type CommandWords, parseCommands } from './command.js';
import type { Ignored } from './outcome.js';
import { namesSite, type SiteRef } from './preview.js';
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
  | { readonly kind: 'ignored'; readonly ignored: Ignored }
  | { readonly kind: 'command'; readonly lines: readonly CommandLine[] };

export function screenComment(
  eventName: string,
  comment: () => CommentFacts,
  words: CommandWords,
  trustedApps: readonly string[],
): Screened {
  if (eventName !== 'issue_comment') return ignored({ kind: 'event', eventName });
  const facts = comment();
  if (facts.action !== 'created') return ignored({ kind: 'action', action: facts.action });
  if (!facts.isPullRequest) return ignored({ kind: 'issue' });
  if (facts.prState !== 'open') return ignored({ kind: 'closed' });
  if (isBotLogin(facts.commenterLogin, facts.commenterType) && !isTrustedApp(facts.commenterLogin, trustedApps)) {
    return ignored({ kind: 'bot', login: facts.commenterLogin });
  }
  const lines = parseCommands(facts.body, words);
  if (lines.length === 0) return ignored({ kind: 'no-command' });
  return { kind: 'command', lines };
}

/** The command a comment holds, given what is known of the listed sites' names. */
export type Chosen =
  | { readonly kind: 'chosen'; readonly command: CommandName; readonly sites: readonly SiteRef[] }
  /** A line names a word that may be the name of a site whose name only Netlify knows. */
  | { readonly kind: 'resolve'; readonly command: CommandName; readonly word: string }
  /** No line is a command for these sites; `word` is the first site word that named none (empty: none was given). */
  | { readonly kind: 'none'; readonly word: string };

/**
 * The first line that is a command for these sites: a bare command word acts on every listed site; with
 * several sites listed, a word after it must name one of them (by its name or as listed), or the line is
 * no command. With one site listed, a word after the command makes it no command, as it always has.
 */
export function chooseLine(lines: readonly CommandLine[], sites: readonly SiteRef[]): Chosen {
  let unmatched = '';
  for (const line of lines) {
    if (line.site === null) return { kind: 'chosen', command: line.name, sites };
    if (sites.length < 2) continue;
    const named = sites.filter((site) => namesSite(line.site as string, site));
    if (named.length > 0) return { kind: 'chosen', command: line.name, sites: named.slice(0, 1) };
    if (sites.some((site) => site.name === null)) return { kind: 'resolve', command: line.name, word: line.site };
    unmatched ||= line.site;
  }
  return { kind: 'none', word: unmatched };
}

function ignored(why: Ignored): Screened {
  return { kind: 'ignored', ignored: why };
}
