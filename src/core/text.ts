/**
 * Text that came from somewhere else (an API, a payload) made safe for where it goes: no secret, no
 * fragment of one, one bounded line, and in Markdown a code span that nothing inside can break out of.
 */

/** The shortest run of a secret's characters that counts as a fragment of it. */
export const FRAGMENT = 8;

/**
 * Removes every run of 8 or more characters that also occurs in one of the secrets (a whole token, its
 * first half after a cut elsewhere, any piece an error text quoted), replacing each with `***`.
 * One native search per 8-character piece of each secret.
 */
export function scrub(text: string, secrets: readonly string[]): string {
  if (text.length < FRAGMENT) return text;
  let hidden: Uint8Array | null = null;
  for (const secret of secrets) {
    for (let at = 0; at + FRAGMENT <= secret.length; at++) {
      const piece = secret.slice(at, at + FRAGMENT);
      for (let found = text.indexOf(piece); found >= 0; found = text.indexOf(piece, found + 1)) {
        hidden ??= new Uint8Array(text.length);
        hidden.fill(1, found, found + FRAGMENT);
      }
    }
  }
  if (!hidden) return text;
  let out = '';
  for (let at = 0; at < text.length; at++) {
    if (!hidden[at]) out += text[at];
    else if (at === 0 || !hidden[at - 1]) out += '***';
  }
  return out;
}

/** White space of any kind (line breaks included) folded into single spaces, trimmed. */
export function oneLine(text: string): string {
  return text.replace(/[\s\u0085\u2028\u2029]+/g, ' ').trim();
}

/** At most `max` characters; a cut text ends with `...`. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 3))}...`;
}

/**
 * A short, printable excerpt of an API's text: one line, bounded, no markup and no secret. Secrets are
 * removed before the text is cut, so that no part of one survives at the cut. Of an HTML page only its
 * title is kept.
 */
export function excerpt(text: unknown, secrets: readonly string[], max = 160): string {
  if (typeof text !== 'string') return '';
  const clean = scrub(text.slice(0, 20_000), secrets);
  const title = /<title[^>]{0,100}>([^<]{1,200})<\/title>/i.exec(clean)?.[1];
  return cut(oneLine((title ?? clean).replace(/<[^>]{0,200}>/g, ' ')), max);
}

/**
 * A line for the runner's log: no line break (each would start a new line, which the runner reads for
 * `::command::` syntax), no `::` that could start or end a workflow command, and no `##[`, which the runner
 * reads anywhere in a line as a command of the legacy kind (`##[stop-commands]token`).
 */
export function logLine(text: string): string {
  // Every colon followed by a colon gets a space (`:::` becomes `: : :`), and `##[` (the runner's legacy
  // command syntax, read anywhere in a line) loses its meaning.
  return text
    .replace(/[\r\n\u0085\u2028\u2029]+/g, ' ')
    .replace(/:(?=:)/g, ': ')
    .replace(/##\[/g, '## [');
}

/**
 * A Markdown code span holding `text` verbatim: a fence of backticks longer than any run inside, so it
 * cannot be closed early; GitHub renders neither mentions, links, images nor HTML inside one. Line
 * breaks become spaces (a code span is inline).
 */
export function codeSpan(text: string): string {
  const flat = oneLine(text) || ' ';
  let longest = 0;
  for (const run of flat.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
