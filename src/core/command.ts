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
  /** The column its container's content starts at (a list item's; 0 at the top): a line indented less ends it. */
  readonly column: number;
}

/** An HTML block (CommonMark 4.6), by how it ends: at a line holding `end`, or at a blank line. */
interface HtmlBlock {
  readonly end: RegExp | 'blank';
}

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const QUOTE = /^ {0,3}>/;
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
/** A thematic break (`***`, `- - -`, `___`): it ends a paragraph, so an indented line after it is code. */
const THEMATIC_BREAK = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
/** A setext heading's underline, when it follows paragraph text. */
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const BLOCK_TAGS =
  'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|' +
  'fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|' +
  'menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|source|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul';
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
 * comments (a list item's fence, HTML block or quote included). A line indented by 4 or more columns (a tab
 * counts to the next multiple of 4) is code when it does not continue a paragraph: at the start, after a
 * blank line, a heading (ATX or setext), a thematic break or a block that ended.
 */
function* visibleLines(body: string): Generator<string> {
  // Set by opensBlock, too (hence the casts, which keep TypeScript from narrowing them to null).
  let fence = null as Fence | null;
  let html = null as HtmlBlock | null;
  let inHtmlComment = false;
  /** The previous line was paragraph text, which an indented line or a type-7 tag would continue. */
  let paragraph = false;
  /** The previous line was a quote's text: a line that continues it lazily is quoted too. */
  let quoted = false;

  for (const rawLine of body.split('\n')) {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    const blank = isBlankLine(line);

    if (fence) {
      // A list item's fence ends with the item, at the first line indented less than its content.
      const ended = !blank && fence.column > 0 && indentOf(line, fence.column) < fence.column;
      if (!ended) {
        if (closesFence(line, fence)) fence = null;
        continue;
      }
      fence = null;
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
      inHtmlComment = false; // inline HTML does not span paragraphs: an unclosed `<!--` is text
      continue;
    }
    if (!inHtmlComment) {
      if (indentOf(line) >= 4 && !paragraph && !quoted) continue; // an indented code block
      if (opensBlock(line, 0, paragraph)) continue;
      if (QUOTE.test(line)) {
        quoted = true;
        paragraph = false;
        continue;
      }
      if (HEADING.test(line) || THEMATIC_BREAK.test(line)) {
        paragraph = quoted = false; // no paragraph: an indented line after it is code
        continue;
      }
      if (quoted) continue; // a lazy continuation line of the quote above
      if (paragraph && SETEXT_UNDERLINE.test(line)) {
        paragraph = false; // the paragraph above is a heading now
        continue;
      }
      const item = listItemContent(line);
      if (item && opensBlock(item.text, item.column, false)) continue;
      if (item && QUOTE.test(item.text)) {
        quoted = true;
        paragraph = false;
        continue;
      }
    }

    const visible = stripHtmlComments(line, inHtmlComment);
    inHtmlComment = visible.stillOpen;
    paragraph = true;
    yield trimBlanks(visible.text);
  }

  /** Opens a fence or an HTML block when `text` (a line, or a list item's content at `column`) starts one. */
  function opensBlock(text: string, column: number, afterParagraph: boolean): boolean {
    const opened = opensFence(text, column);
    if (opened) {
      fence = opened;
      paragraph = quoted = false;
      return true;
    }
    const block = HTML_BLOCKS.find((kind) => kind.start.test(text) && (kind.interrupts || !afterParagraph));
    if (!block) return false;
    paragraph = quoted = false;
    // Kinds 1 to 5 may end on the line they start (CommonMark looks for the end in the whole line: `<!-->` ends).
    if (block.end === 'blank' || !block.end.test(text)) html = { end: block.end };
    return true;
  }
}

/**
 * The content of a list item's first line (after its markers, nested ones too) and the column it starts at,
 * when that content could open a block of its own; a fence or an HTML block there hides what follows it.
 */
function listItemContent(line: string): { text: string; column: number } | null {
  let at = 0;
  let column = 0;
  let found = false;
  for (;;) {
    ({ at, column } = skipBlanks(line, at, column));
    const marker = /^(?:[-+*]|\d{1,9}[.)])/.exec(line.slice(at, at + 10));
    if (!marker || !isBlank(line.charCodeAt(at + marker[0].length))) {
      return found && at < line.length ? { text: line.slice(at), column } : null;
    }
    at += marker[0].length;
    column += marker[0].length;
    found = true;
  }
}

function skipBlanks(line: string, at: number, column: number): { at: number; column: number } {
  while (at < line.length && isBlank(line.charCodeAt(at))) {
    column = line[at] === '\t' ? column + 4 - (column % 4) : column + 1;
    at++;
  }
  return { at, column };
}

function opensFence(line: string, column: number): Fence | null {
  const match = FENCE.exec(line);
  if (!match) return null;
  const marker = match[1] as string;
  const char = marker[0] as '`' | '~';
  // CommonMark: a backtick fence's info string may not contain a backtick.
  if (char === '`' && (match[2] as string).includes('`')) return null;
  return { char, length: marker.length, column };
}

/** A closing fence: at most 3 columns of indentation (past its container's), then the fence's character only. */
function closesFence(line: string, fence: Fence): boolean {
  const { at, column } = skipBlanks(line, 0, 0);
  if (column - fence.column > 3) return false;
  const trimmed = trimBlanks(line.slice(at));
  if (trimmed.length < fence.length) return false;
  for (const ch of trimmed) if (ch !== fence.char) return false;
  return true;
}

/** Columns of leading white space, a tab advancing to the next multiple of 4 (CommonMark 2.2), counted up to `cap`. */
function indentOf(line: string, cap = 4): number {
  let columns = 0;
  for (const ch of line) {
    if (ch === ' ') columns++;
    else if (ch === '\t') columns += 4 - (columns % 4);
    else break;
    if (columns >= cap) return columns;
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
