import { describe, expect, test } from 'vitest';
import { type CommandLine, type CommandWords, mayHoldCommand, parseCommands } from '../../src/core/command.js';

const words: CommandWords = { retest: '/retest', rebuild: '/rebuild-preview', okToTest: '/ok-to-test' };
const F = '```';

/** `retest`, `rebuild docs`: a found line as the tables write it. */
const shown = (lines: readonly CommandLine[]) => lines.map((l) => (l.site === null ? l.name : `${l.name} ${l.site}`));

// [what, comment body, the command lines found]
const table: [string, string, string[]][] = [
  // The line itself
  ['the retest word alone', '/retest', ['retest']],
  ['the rebuild word alone', '/rebuild-preview', ['rebuild']],
  ['the ok-to-test word alone', '/ok-to-test', ['ok-to-test']],
  ['spaces around it, a tab after it', '  /retest\t ', ['retest']],
  ['any case', '/ReTeSt', ['retest']],
  ['CRLF line ends', 'flaky\r\n/retest\r\n', ['retest']],
  ['on a later line', 'The build flaked.\n\n/retest', ['retest']],
  ['one site word after it', '/retest docs', ['retest docs']],
  ['a site word is lower-cased', '/Rebuild-Preview Octo-Docs.Netlify.App', ['rebuild octo-docs.netlify.app']],
  ['a tab before the site word', '/retest\tdocs', ['retest docs']],
  ['ok-to-test takes no site word', '/ok-to-test docs', []],
  ['two words after the command', '/retest docs now', []],
  ['a trailing word that is no site', '/retest please!', []],
  ['words before the command', 'please /retest', []],
  ['a longer word', '/retesting', []],
  ['no slash', 'retest', []],
  ['two slashes', '//retest', []],
  ['inline code', '`/retest`', []],
  ['bold', '**/retest**', []],
  ['an empty comment', '', []],
  [
    'the first commands first',
    '/rebuild-preview\nnoise\n/retest docs\n/ok-to-test',
    ['rebuild', 'retest docs', 'ok-to-test'],
  ],

  // Fenced code (CommonMark 4.5)
  ['inside a backtick fence', `${F}\n/retest\n${F}`, []],
  ['inside a tilde fence', '~~~\n/retest\n~~~', []],
  ['after a closed fence', `${F}sh\necho\n${F}\n/retest`, ['retest']],
  ['inside an unclosed fence, to the end', `${F}\n/retest\n\n/rebuild-preview`, []],
  ['a shorter closing fence does not close', `\`\`\`\`\n${F}\n/retest\n\`\`\`\``, []],
  ['a longer closing fence closes', `${F}\nx\n\`\`\`\`\`\n/retest`, ['retest']],
  ['a closing fence with text after it does not close', `${F}\nx\n${F} no\n/retest`, []],
  ['a closing fence indented 3 spaces closes', `${F}\nx\n   ${F}\n/retest`, ['retest']],
  ['a closing fence indented by a tab is content', `${F}\nx\n\t${F}\n/retest\n${F}`, []],
  ['a closing fence after a space and a tab is content', `${F}\nx\n \t${F}\n/retest\n${F}`, []],
  ['a tilde line inside a backtick fence is content', `${F}\n~~~\n/retest\n${F}`, []],
  ['a fence indented 3 spaces', `   ${F}\n/retest\n${F}`, []],
  ['a fence indented 4 spaces is indented code, not a fence', `    ${F}\n/retest`, ['retest']],
  ['a backtick in a backtick fence info string: no fence', `${F} a\`b\n/retest`, ['retest']],
  ['a backtick in a tilde fence info string: a fence', '~~~ a`b\n/retest\n~~~', []],
  ['a fence interrupts a paragraph', `text\n${F}\n/retest\n${F}`, []],

  // Block quotes and their lazy continuation lines
  ['a quoted line', '> /retest', []],
  ['a quote without a space', '>/retest', []],
  ['a nested quote', '> > /retest', []],
  ['a quote indented 3 spaces', '   > /retest', []],
  ['a lazy continuation line of a quote', '> I ran\n/retest', []],
  ['lazy continuation goes on until a blank line', '> I ran\nand then\n/retest', []],
  ['after a blank line the quote is over', '> I ran\n\n/retest', ['retest']],
  ['a heading ends the quote', '> I ran\n# Next\n/retest', ['retest']],
  ['a thematic break ends the quote', '> I ran\n***\n/retest', ['retest']],

  // HTML blocks, all seven kinds (CommonMark 4.6)
  ['1: in <pre>', '<pre>\n/retest\n</pre>', []],
  ['1: <pre> spans blank lines', '<pre>\n\n/retest\n</pre>', []],
  ['1: after </pre>', '<pre>\nx\n</pre>\n/retest', ['retest']],
  ['1: <script> that ends on its line', '<script>x()</script>\n/retest', ['retest']],
  ['1: in <script>', '<script>\n/retest\n</script>', []],
  ['1: in <style>', '<style>\n/retest\n</style>', []],
  ['1: in <textarea>', '<TEXTAREA rows=2>\n/retest\n</textarea>', []],
  ['2: in an HTML comment over lines', '<!--\n/retest\n-->', []],
  ['2: an HTML comment on its line', '<!-- /retest -->', []],
  ['2: an HTML comment spans blank lines', '<!--\n\n/retest\n\n-->', []],
  ['2: after the comment closes', '<!--\nhidden\n-->\n/retest', ['retest']],
  ['2: text after a comment at line start is in the block', '<!-- note -->/retest', []],
  ['2: <!--> ends on its own line', '<!-->\n/retest', ['retest']],
  ['3: a processing instruction', '<?php\n/retest\n?>', []],
  ['4: a declaration', '<!DOCTYPE html\n/retest\n>', []],
  ['5: CDATA', '<![CDATA[\n/retest\n]]>', []],
  ['6: in <details>', '<details>\n<summary>Log</summary>\n/retest\n</details>', []],
  ['6: in <div>', '<div>\n/retest', []],
  ['6: a closing </div> starts one too', '</div>\n/retest', []],
  ['6: any case, with attributes', '<DIV class="x">\n/retest', []],
  ['6: <source>, in GFM list of block tags', 'text\n<source src=x>\n/retest', []],
  ['6: ends at a blank line', '<div>\nx\n\n/retest', ['retest']],
  ['6: interrupts a paragraph', 'text\n<div>\n/retest', []],
  ['7: a lone custom tag', '<x-foo>\n/retest', []],
  ['7: a lone open tag with attributes', '<a href="https://example.com" title=\'t\'>\n/retest', []],
  ['7: a lone closing tag', '</span>\n/retest', []],
  ['7: ends at a blank line', '<x-foo>\n\n/retest', ['retest']],
  ['7: does not interrupt a paragraph', 'text\n<x-foo>\n/retest', ['retest']],
  ['7: a tag with text after it is no block', '<x-foo> hi\n/retest', ['retest']],

  // Inline HTML comments
  ['a comment after the word', '/retest <!-- why -->', ['retest']],
  ['a comment inside the word leaves the word', '/re<!-- x -->test', ['retest']],
  ['an inline comment over lines', 'I ran <!--\n/retest\n--> it', []],
  ['an inline comment closes on a later line', 'I ran <!--\nx -->\n/retest', ['retest']],
  ['an unclosed inline comment is text after a blank line', 'use <!-- to hide\n\n/retest', ['retest']],

  // Indented code (CommonMark 4.4): 4+ columns, a tab to the next multiple of 4
  ['4 spaces at the start', '    /retest', []],
  ['a tab at the start', '\t/retest', []],
  ['a space and a tab (4 columns)', ' \t/retest', []],
  ['3 spaces still count', '   /retest', ['retest']],
  ['4 spaces after a blank line', 'text\n\n    /retest', []],
  ['4 spaces after an ATX heading', '# Title\n    /retest', []],
  ['4 spaces after a setext heading (=)', 'Title\n=====\n    /retest', []],
  ['4 spaces after a setext heading (-)', 'Title\n---\n    /retest', []],
  ['4 spaces after a thematic break', '* * *\n    /retest', []],
  ['4 spaces after a closed fence', `${F}\nx\n${F}\n    /retest`, []],
  ['4 spaces after an HTML block ended', '<pre>\n</pre>\n    /retest', []],
  ['4 spaces continuing a paragraph count', 'I ran it\n    /retest', ['retest']],
  ['a tab continuing a paragraph counts', 'I ran it\n\t/retest', ['retest']],
  ['8 spaces continuing a paragraph count', 'I ran it\n        /retest', ['retest']],

  // List items: their fences, HTML blocks and quotes hide as at the top
  ['in a list item fence', `- ${F}\n  /retest\n  ${F}`, []],
  ['in an ordered list item tilde fence', '1. ~~~\n   /retest\n   ~~~\n/rebuild-preview', ['rebuild']],
  ['in a nested list item fence', `- - ${F}\n    /retest`, []],
  ['a list item fence ends with its item', `- ${F}\n  x\n/retest`, ['retest']],
  ['in a list item <pre>', '- <pre>\n  /retest\n  </pre>', []],
  ['a lazy line of a quote in a list item', '- > I ran\n/retest', []],
  ['a list item paragraph continues', '- I ran\n  /retest', ['retest']],

  // Look-alikes: only ASCII counts
  ['a zero-width space before the word', '\u200b/retest', []],
  ['a zero-width joiner inside the word', '/re\u200dtest', []],
  ['a byte order mark before the word', '\ufeff/retest', []],
  ['a non-breaking space after the word', '/retest\u00a0', []],
  ['a non-breaking space before the word', '\u00a0/retest', []],
  ['a non-breaking space before the site word', '/retest\u00a0docs', []],
  ['a fullwidth slash', '\uff0fretest', []],
  ['a division slash', '\u2215retest', []],
  ['a fullwidth letter', '/r\uff45test', []],
  ['a Cyrillic e', '/r\u0435test', []],
  ['the Kelvin sign, which lower-cases to k', '/rebuild-previe\u212a', []],
  ['the Kelvin sign in the site word', '/retest do\u212a', []],
  ['a form feed after the word', '/retest\f', []],
];

describe('parseCommands', () => {
  test.each(table)('%s', (_what, body, expected) => {
    expect(shown(parseCommands(body, words))).toEqual(expected);
  });

  test('configured words replace the defaults', () => {
    const prow: CommandWords = { retest: '/test', rebuild: '/netlify-rebuild', okToTest: null };
    expect(shown(parseCommands('/Netlify-Rebuild\n/rebuild-preview\n/retest\n/test', prow))).toEqual([
      'rebuild',
      'retest',
    ]);
  });

  test('with ok-to-test off, its word is no command', () => {
    expect(parseCommands('/ok-to-test', { ...words, okToTest: null })).toEqual([]);
  });

  test('at most the first 10 command lines are returned, in order', () => {
    const body = Array.from({ length: 14 }, (_, i) => `/retest site${i}`).join('\n');
    expect(shown(parseCommands(body, words))).toEqual(Array.from({ length: 10 }, (_, i) => `retest site${i}`));
  });
});

describe('mayHoldCommand', () => {
  test.each([
    ['/retest', true],
    ['/anything-else', true],
    ['/anything-else some-site', true],
    ['hello there', false],
    ['see /retest above', false],
    ['/retest now please', false],
    ['/ retest', false],
    ['/-x', false],
    ['`/retest`', false],
    [`${F}\n/retest\n${F}`, false],
    ['> /retest', false],
    ['    /retest', false],
    ['<!-- /retest -->', false],
    ['\uff0fretest', false],
    ['', false],
  ])('%j → %s', (body, expected) => {
    expect(mayHoldCommand(body)).toBe(expected);
  });

  // Every valid word shape: one character, the longest (51), digits, - and _.
  const wordSets: CommandWords[] = [
    words,
    { retest: '/x', rebuild: '/Y_1', okToTest: '/ok' },
    { retest: `/${'a'.repeat(50)}`, rebuild: '/9-9', okToTest: null },
    { retest: '/netlify-rebuild', rebuild: '/re_test', okToTest: '/LGTM' },
  ];
  const bodies = [
    ...table.map(([, body]) => body),
    '/x',
    ' /Y_1 docs.example.com ',
    `a\n/${'A'.repeat(50)}\nb`,
    '<!-- c -->\n/9-9',
    '/re<!-- x -->_test',
    'text\n    /LGTM',
    '/netlify-rebuild 3f1e2d4c-5b6a-4789-9abc-def012345678',
  ];

  test('is true whenever parseCommands finds a command, for any valid words', () => {
    const misses: string[] = [];
    let found = 0;
    for (const set of wordSets) {
      for (const body of bodies) {
        if (parseCommands(body, set).length === 0) continue;
        found++;
        if (!mayHoldCommand(body)) misses.push(`${JSON.stringify(body)} with ${set.retest}`);
      }
    }
    expect(misses).toEqual([]);
    // The check means something only if it ran over many commands.
    expect(found).toBeGreaterThan(40);
  });
});

describe('linear time', () => {
  // 200 KB comments built to make a backtracking or quadratic parser stall; each ends with a command that
  // must still be found (or, where the text before it hides it, not), so the whole text was read.
  const hostile: [string, string, string[]][] = [
    ['an open tag and 200k spaces', `<a ${' '.repeat(200_000)}\n\n/retest`, ['retest']],
    ['runs of backticks', `${`${'`'.repeat(50_000)} `.repeat(4)}\n\n/retest`, ['retest']],
    ['nested quote markers', `${'>'.repeat(200_000)}\n\n/retest`, ['retest']],
    ['spaced quote markers', `${'> '.repeat(100_000)}/retest`, []],
    ['a near thematic break', `${'* '.repeat(100_000)}x\n\n/retest`, ['retest']],
    ['deeply nested list markers and a fence', `${'- '.repeat(100_000)}${F}\n\n/retest`, ['retest']],
    ['many attributes, no end', `${'<a b=c '.repeat(28_000)}\n\n/retest`, ['retest']],
    ['unclosed quoted attribute', `<a b='${'x'.repeat(200_000)}\n\n/retest`, ['retest']],
    ['comment openers', `x ${'<!--'.repeat(50_000)}\n\n/retest`, ['retest']],
    ['comments opened and closed', `x ${'<!-- -->'.repeat(25_000)}\n/retest`, ['retest']],
    ['many tab-indented lines', `${`${'\t'.repeat(10)}x\n`.repeat(18_000)}\n/retest`, ['retest']],
    ['many command-like lines', `${'/x\n'.repeat(66_000)}/retest`, ['retest']],
    ['a site word too long', `/retest ${'a'.repeat(200_000)}`, []],
  ];

  test.each(hostile)('%s is parsed well within 2 s', (_what, body, expected) => {
    expect(body.length).toBeGreaterThan(190_000);
    const started = performance.now();
    const lines = parseCommands(body, words);
    mayHoldCommand(body);
    const ms = performance.now() - started;
    expect(shown(lines)).toEqual(expected);
    expect(ms).toBeLessThan(2_000);
  });
});
