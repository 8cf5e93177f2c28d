/**
 * Parsing a comment body into a command.
 *
 * A command is a line that holds only a command word (case-insensitive, ASCII only), with spaces or
 * tabs around it. Lines inside fenced code blocks, block quotes and HTML comments do not count, nor does
 * a word with anything else on its line. The first command in the comment wins.
 * Runs in one pass over the text: linear time whatever the input.
 */

export type CommandName = 'retest' | 'rebuild';

export interface CommandWords {
  readonly retest: string;
  readonly rebuild: string;
}

interface Fence {
  readonly char: '`' | '~';
  readonly length: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const QUOTE = /^ {0,3}>/;

export function parseCommand(body: string, words: CommandWords): CommandName | null {
  const retest = asciiLower(words.retest);
  const rebuild = asciiLower(words.rebuild);
  for (const line of visibleLines(body)) {
    const word = asciiLower(line);
    if (word === retest) return 'retest';
    if (word === rebuild) return 'rebuild';
  }
  return null;
}

/** A command word's shape: a slash, then letters, digits, - or _. Every valid command word has it. */
export const COMMAND_SHAPE = /^\/[A-Za-z0-9][A-Za-z0-9_-]{0,49}$/;

/**
 * Whether the comment has a line shaped like a command at all. When it has none, no configuration
 * can make it hold a command, so the action can stop before loading anything else.
 */
export function mayHoldCommand(body: string): boolean {
  for (const line of visibleLines(body)) if (COMMAND_SHAPE.test(line)) return true;
  return false;
}

/** The rendered lines that can hold a command, blanks trimmed: not in code fences, quotes or HTML comments. */
function* visibleLines(body: string): Generator<string> {
  let fence: Fence | null = null;
  let inHtmlComment = false;

  for (const rawLine of body.split('\n')) {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;

    if (fence) {
      if (closesFence(line, fence)) fence = null;
      continue;
    }
    if (!inHtmlComment) {
      const opened = opensFence(line);
      if (opened) {
        fence = opened;
        continue;
      }
      if (QUOTE.test(line)) continue;
    }

    const visible = stripHtmlComments(line, inHtmlComment);
    inHtmlComment = visible.stillOpen;
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
