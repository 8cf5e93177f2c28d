import { describe, expect, test } from 'vitest';
import { type CommandName, mayHoldCommand, parseCommand } from '../../src/core/command.js';

const words = { retest: '/retest', rebuild: '/rebuild-preview' };
const fence = '```';

describe('parseCommand', () => {
  const table: [string, string, CommandName | null][] = [
    ['the word alone', '/retest', 'retest'],
    ['the rebuild word', '/rebuild-preview', 'rebuild'],
    ['surrounding spaces and tabs', '  \t/retest \t ', 'retest'],
    ['any case', '/ReTeSt', 'retest'],
    ['on a later line', 'The build flaked.\n\n/retest', 'retest'],
    ['CRLF line ends', 'flaky\r\n/retest\r\n', 'retest'],
    ['trailing words', '/retest please', null],
    ['leading words', 'please /retest', null],
    ['a longer word', '/retesting', null],
    ['no slash', 'retest', null],
    ['inline code', '`/retest`', null],
    ['inside a backtick fence', `${fence}\n/retest\n${fence}`, null],
    ['inside a tilde fence', '~~~\n/retest\n~~~', null],
    ['after a closed fence', `${fence}sh\necho\n${fence}\n/retest`, 'retest'],
    ['inside an unclosed fence', `${fence}\n/retest`, null],
    ['a shorter closing fence does not close', '````\n```\n/retest\n````', null],
    ['a tilde line inside a backtick fence is content', `${fence}\n~~~\n/retest\n${fence}`, null],
    ['a fence indented four spaces is no fence', `    ${fence}\n/retest`, 'retest'],
    ['a quoted line', '> /retest', null],
    ['a nested quote', '> > /retest', null],
    ['a quote indented by spaces', '   > /retest', null],
    ['an HTML comment on its line', '<!-- /retest -->', null],
    ['an HTML comment over lines', '<!--\n/retest\n-->', null],
    ['after an HTML comment closes', '<!--\nhidden\n-->\n/retest', 'retest'],
    ['a comment before the word on the line', '<!-- note -->/retest', 'retest'],
    ['a zero-width space before the word', '\u200b/retest', null],
    ['a zero-width joiner inside the word', '/re\u200dtest', null],
    ['a byte order mark before the word', '\ufeff/retest', null],
    ['a non-breaking space after the word', '/retest\u00a0', null],
    ['a division slash look-alike', '\u2215retest', null],
    ['a fullwidth slash look-alike', '\uff0fretest', null],
    ['the Kelvin sign lower-cases to k but is not ASCII', '/rebuild-previe\u212a', null],
    ['the first command wins', '/rebuild-preview\n/retest', 'rebuild'],
    ['an empty comment', '', null],
  ];
  test.each(table)('%s', (_name, body, expected) => {
    expect(parseCommand(body, words)).toBe(expected);
  });

  test('configured words replace the defaults', () => {
    const prow = { retest: '/retest', rebuild: '/netlify-rebuild' };
    expect(parseCommand('/netlify-rebuild', prow)).toBe('rebuild');
    expect(parseCommand('/rebuild-preview', prow)).toBeNull();
  });
});

describe('mayHoldCommand', () => {
  const table: [string, boolean][] = [
    ['/retest', true],
    ['/anything-else', true],
    ['hello there', false],
    ['see /retest above', false],
    [`${fence}\n/retest\n${fence}`, false],
    ['> /retest', false],
    ['', false],
  ];
  test.each(table)('%j → %s', (body, expected) => {
    expect(mayHoldCommand(body)).toBe(expected);
  });

  test('is true whenever parseCommand finds a command, for any valid words', () => {
    const cases: [string, string][] = [
      ['/Retest', '/retest'],
      [' /x_y-1 ', '/x_y-1'],
      ['a\n/netlify-rebuild\nb', '/netlify-rebuild'],
      ['<!-- c -->/z', '/z'],
    ];
    for (const [body, word] of cases) {
      expect(parseCommand(body, { retest: word, rebuild: '/other' })).toBe('retest');
      expect(mayHoldCommand(body)).toBe(true);
    }
  });
});
