/**
 * Parsing a comment body into commands.
 *
 * A command is a line that holds only a command word (case-insensitive, ASCII only), with spaces or
 * tabs around it; a retest or rebuild word may be followed by one more word that names a site. Only
 * lines that GitHub shows as text count: not inside code (fenced, or an indented code block), block
 * quotes, HTML blocks (`<pre>`, `<details>`, `<!-- … -->` …) or HTML comments.
 * Runs in one pass over the text: linear time whatever the input.
 */

export type CommandName = 'retest' | 'rebuild' | 'ok-to-test';

export interface CommandWords {
  readonly retest: string;
  readonly rebuild: string;
  /** The `/ok-to-test` word, or null when that command is off. */
  readonly okToTest: string | null;
}

/** One command line: the command, and the site word after it (lower-cased), if any. */
export interface CommandLine {
  readonly name: CommandName;
  readonly site: string | null;
}

/** A command word's shape: a slash, then letters, digits, - or _. Every valid command word has it. */
export const COMMAND_SHAPE = /^\/[A-Za-z0-9][A-Za-z0-9_-]{0,49}$/;
/** A site word's shape: a Netlify site name, or a domain. */
const SITE_WORD = /^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$/;
/** A line that could be a command, whatever the configured words: `/word` or `/word site`. */
const LINE_SHAPE = /^\/[A-Za-z0-9][A-Za-z0-9_-]{0,49}(?:[ \t]+[A-Za-z0-9][A-Za-z0-9.-]{0,252})?$/;

/** Command lines kept per comment: the first ones are all that matter. */
const MAX_LINES = 10;

/** Every command line of the comment, in order (at most 10). */
export function parseCommands(body: string, words: CommandWords): CommandLine[] {
  const retest = asciiLower(words.retest);
  const rebuild = asciiLower(words.rebuild);
  const okToTest = words.okToTest === null ? null : asciiLower(words.okToTest);
  const found: CommandLine[] = [];
  for (const line of visibleLines(body)) {
    const [first, second, extra] = line.split(/[ \t]+/);
    if (extra !== undefined || first === undefined) continue;
    const word = asciiLower(first);
    const site = second === undefined ? null : asciiLower(second);
    if (site !== null && !SITE_WORD.test(site)) continue;
    if (word === retest) found.push({ name: 'retest', site });
    else if (word === rebuild) found.push({ name: 'rebuild', site });
    else if (word === okToTest && site === null) found.push({ name: 'ok-to-test', site: null });
    if (found.length >= MAX_LINES) break;
  }
  return found;
}

/**
 * Whether the comment has a line shaped like a command at all. When it has none, no configuration
 * can make it hold a command, so the action can stop before loading anything else.
 */
export function mayHoldCommand(body: string): boolean {
  for (const line of visibleLines(body)) if (LINE_SHAPE.test(line)) return true;
  return false;
}

interface Fence {
  readonly char: '`' | '~';
  readonly length: number;
}

/** An HTML block (CommonMark 4.6), by how it ends: at a line holding `end`, or at a blank line. */
interface HtmlBlock {
  readonly end: RegExp | 'blank';
}

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const QUOTE = /^ {0,3}>/;
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const BLOCK_TAGS =
  'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|' +
  'fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|' +
  'menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul';
/** The start conditions of the seven kinds of HTML block, and how each ends. */
const HTML_BLOCKS: readonly { readonly start: RegExp; readonly end: RegExp | 'blank'; readonly interrupts: boolean }[] =
  [
    {
      start: /^ {0,3}<(?:pre|script|style|textarea)(?:[ \t>]|$)/i,
      end: /<\/(?:pre|script|style|textarea)>/i,
      interrupts: true,
    },
    { start: /^ {0,3}<!--/, end: /-->/, interrupts: true },
    { start: /^ {0,3}<\?/, end: /\?>/, interrupts: true },
    { start: /^ {0,3}<![A-Za-z]/, end: />/, interrupts: true },
    { start: /^ {0,3}<!\[CDATA\[/, end: /\]\]>/, interrupts: true },
    { start: new RegExp(`^ {0,3}</?(?:${BLOCK_TAGS})(?:[ \\t]|/?>|$)`, 'i'), end: 'blank', interrupts: true },
    {
      start:
        /^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:[ \t]+[A-Za-z_:][A-Za-z0-9_.:-]*(?:[ \t]*=[ \t]*(?:[^ \t"'=<>`]+|'[^']*'|"[^"]*"))?)*[ \t]*\/?>|<\/[A-Za-z][A-Za-z0-9-]*[ \t]*>)[ \t]*$/,
      end: 'blank',
      interrupts: false,
    },
  ];

/**
 * The lines that GitHub renders as text, blanks trimmed: not in code, quotes, HTML blocks or HTML
 * comments. A line indented by 4 or more columns (a tab counts to the next multiple of 4) is code when it
 * does not continue a paragraph.
 */
function* visibleLines(body: string): Generator<string> {
  let fence: Fence | null = null;
  let html: HtmlBlock | null = null;
  let inHtmlComment = false;
  /** The previous line was paragraph text, which an indented line or a type-7 tag would continue. */
  let paragraph = false;
  /** The previous line was a quote's text: a line that continues it lazily is quoted too. */
  let quoted = false;

  for (const rawLine of body.split('\n')) {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    const blank = isBlankLine(line);

    if (fence) {
      if (closesFence(line, fence)) fence = null;
      continue;
    }
    if (html) {
      if (html.end === 'blank') {
        if (blank) html = null;
      } else if (html.end.test(line)) {
        html = null;
      }
      continue;
    }
    if (blank) {
      paragraph = false;
      quoted = false;
      continue;
    }
    if (!inHtmlComment) {
      if (indentOf(line) >= 4 && !paragraph && !quoted) continue; // an indented code block
      const opened = opensFence(line);
      if (opened) {
        fence = opened;
        paragraph = quoted = false;
        continue;
      }
      const block = HTML_BLOCKS.find((kind) => kind.start.test(line) && (kind.interrupts || !paragraph));
      if (block) {
        paragraph = quoted = false;
        // Kinds 1 to 5 may end on the line they start.
        if (block.end === 'blank' || !block.end.test(line.replace(block.start, ''))) html = { end: block.end };
        continue;
      }
      if (QUOTE.test(line)) {
        quoted = true;
        paragraph = false;
        continue;
      }
      if (quoted) continue; // a lazy continuation line of the quote above
      if (HEADING.test(line)) {
        paragraph = false; // a heading is no paragraph: an indented line after it is code
        continue;
      }
    }

    const visible = stripHtmlComments(line, inHtmlComment);
    inHtmlComment = visible.stillOpen;
    paragraph = true;
    yield trimBlanks(visible.text);
  }
}

function opensFence(line: string): Fence | null {
  const match = FENCE.exec(line);
  if (!match) return null;
  const marker = match[1] as string;
  const char = marker[0] as '`' | '~';
  // CommonMark: a backtick fence's info string may not contain a backtick.
  if (char === '`' && (match[2] as string).includes('`')) return null;
  return { char, length: marker.length };
}

function closesFence(line: string, fence: Fence): boolean {
  const trimmed = trimBlanks(line.replace(/^ {0,3}/, ''));
  if (trimmed.length < fence.length) return false;
  for (const ch of trimmed) if (ch !== fence.char) return false;
  return true;
}

/** Columns of leading white space, a tab advancing to the next multiple of 4 (CommonMark 2.2). */
function indentOf(line: string): number {
  let columns = 0;
  for (const ch of line) {
    if (ch === ' ') columns++;
    else if (ch === '\t') columns += 4 - (columns % 4);
    else break;
    if (columns >= 4) return columns;
  }
  return columns;
}

function isBlankLine(line: string): boolean {
  for (let at = 0; at < line.length; at++) if (!isBlank(line.charCodeAt(at))) return false;
  return true;
}

/** The text of a line that GitHub renders, with `<!-- … -->` spans (possibly opened earlier) removed. */
function stripHtmlComments(line: string, open: boolean): { text: string; stillOpen: boolean } {
  let text = '';
  let at = 0;
  let inside = open;
  while (at <= line.length) {
    if (inside) {
      const end = line.indexOf('-->', at);
      if (end < 0) return { text, stillOpen: true };
      at = end + 3;
      inside = false;
    } else {
      const start = line.indexOf('<!--', at);
      if (start < 0) return { text: text + line.slice(at), stillOpen: false };
      text += line.slice(at, start);
      at = start + 4;
      inside = true;
    }
  }
  return { text, stillOpen: inside };
}

/** Strips spaces and tabs at both ends, in linear time (a regex with `[ \t]+$` backtracks). */
function trimBlanks(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isBlank(text.charCodeAt(start))) start++;
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/**
 * Lower-cases A–Z only, and returns a string that matches no command word when the text holds any
 * character outside printable ASCII (look-alike slashes, zero-width characters, the Kelvin sign…).
 */
function asciiLower(text: string): string {
  if (!/^[\x21-\x7e]*$/.test(text)) return '\u0000';
  return text.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}
