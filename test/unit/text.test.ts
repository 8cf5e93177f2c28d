import { describe, expect, test } from 'vitest';
import { codeSpan, cut, excerpt, FRAGMENT, logLine, oneLine, scrub } from '../../src/core/text.js';

// Secrets are upper case and digits; the text around them is lower case, so any of their characters left in
// an output is a leak, however short.
const TOKEN = 'NFP9AB3CD7EF1GH5IJ2KL8MN4OP6QR0ST9UV3WX';
const OTHER = 'GHS7ZZ1YY2XX3WW4VV5UU6TT7SS8RR9';
const leaks = (text: string, secrets: string[]) => {
  const found: string[] = [];
  for (const secret of secrets) {
    for (let at = 0; at + FRAGMENT <= secret.length; at++) {
      const piece = secret.slice(at, at + FRAGMENT);
      if (text.includes(piece)) found.push(piece);
    }
  }
  return found;
};

describe('scrub', () => {
  // [what, text, the scrubbed text]
  const table: [string, string, string][] = [
    ['the whole token', `token ${TOKEN} here`, 'token *** here'],
    ['the token with no space around', `x${TOKEN}y`, 'x***y'],
    ['its first 8 characters', `cut at ${TOKEN.slice(0, 8)}`, 'cut at ***'],
    ['its last 8 characters', `${TOKEN.slice(-8)} ended`, '*** ended'],
    ['a piece from its middle', `said "${TOKEN.slice(13, 27)}"`, 'said "***"'],
    ['two pieces', `${TOKEN.slice(0, 10)} and ${TOKEN.slice(20, 30)}`, '*** and ***'],
    ['the token twice', `${TOKEN}${TOKEN}`, '***'],
    ['a second secret', `a ${OTHER} b ${TOKEN}`, 'a *** b ***'],
    ['7 characters are no fragment', `short ${TOKEN.slice(3, 10)}`, `short ${TOKEN.slice(3, 10)}`],
    ['nothing of a secret', 'all is fine', 'all is fine'],
  ];
  test.each(table)('%s', (_what, text, expected) => {
    expect(scrub(text, [TOKEN, OTHER])).toBe(expected);
  });

  test('no secrets: the text as it is', () => {
    expect(scrub(`a ${TOKEN}`, [])).toBe(`a ${TOKEN}`);
  });

  test('every piece of 8 or more characters, at every offset, is removed', () => {
    const left: string[] = [];
    for (let start = 0; start + FRAGMENT <= TOKEN.length; start++) {
      for (let end = start + FRAGMENT; end <= TOKEN.length; end++) {
        const out = scrub(`before ${TOKEN.slice(start, end)} after`, [TOKEN]);
        if (/[A-Z0-9]/.test(out)) left.push(`${start}-${end}: ${out}`);
      }
    }
    expect(left).toEqual([]);
  });
});

describe('excerpt', () => {
  test('scrubs before it cuts: no character of the token survives a cut at any offset', () => {
    const text = `netlify said: bad token ${TOKEN} for this site, try again later`;
    const left: string[] = [];
    for (let max = 3; max <= text.length + 5; max++) {
      const out = excerpt(text, [TOKEN], max);
      if (out.length > max) left.push(`${max}: longer than max: ${out}`);
      if (/[A-Z0-9]/.test(out)) left.push(`${max}: ${out}`);
    }
    expect(left).toEqual([]);
  });

  test('a token cut by the 20,000-character limit is scrubbed too', () => {
    const text = `${'x'.repeat(19_990)}${TOKEN}`;
    expect(leaks(excerpt(text, [TOKEN], 30_000), [TOKEN])).toEqual([]);
  });

  // [what, text, excerpt at 40]
  const table: [string, unknown, string][] = [
    ['one line', 'line one\nline two\r\n\tthree', 'line one line two three'],
    ['tags removed', 'Bad <b>request</b><script>x</script>', 'Bad request x'],
    [
      'an HTML page: its title only',
      '<html><head><title>502 Bad Gateway</title></head><body>…</body></html>',
      '502 Bad Gateway',
    ],
    ['cut with ...', 'a'.repeat(100), `${'a'.repeat(37)}...`],
    ['not a string', { message: 'x' }, ''],
    ['undefined', undefined, ''],
  ];
  test.each(table)('%s', (_what, text, expected) => {
    expect(excerpt(text, [], 40)).toBe(expected);
  });
});

describe('logLine', () => {
  // [text, the log line]
  const table: [string, string][] = [
    ['plain', 'plain'],
    ['a\nb', 'a b'],
    ['a\r\nb', 'a b'],
    ['a\rb', 'a b'],
    ['a\u2028b\u2029c\u0085d', 'a b c d'],
    ['::add-mask::x', ': :add-mask: :x'],
    ['\n::add-mask::secret', ' : :add-mask: :secret'],
    [':::', ': : :'],
    ['::::stop-commands::', ': : : :stop-commands: :'],
    ['a: b', 'a: b'],
  ];
  test.each(table)('%j → %j', (text, expected) => {
    expect(logLine(text)).toBe(expected);
  });

  test.each(['::error::x', '\r\n::warning file=a::b', ':'.repeat(9), 'x\u2028::set-output name=a::b', ' :: ::: :::: '])(
    '%j: no line break, no ::',
    (text) => {
      const line = logLine(text);
      expect(line).not.toMatch(/[\r\n\u2028\u2029\u0085]/);
      expect(line).not.toContain('::');
    },
  );
});

/**
 * A tiny model of CommonMark's inline code spans (6.1): a run of n backticks opens one, the next run of
 * exactly n closes it; its content has line endings as spaces and one space stripped from each side when
 * both sides have one (and it is not all spaces). Returns the content when `text` is one code span and
 * nothing else, or null.
 */
function asCodeSpan(text: string): string | null {
  const open = /^`+/.exec(text)?.[0];
  if (!open) return null;
  const runs = /`+/g;
  runs.lastIndex = open.length;
  for (let run = runs.exec(text); run; run = runs.exec(text)) {
    if (run[0].length !== open.length) continue;
    if (run.index + run[0].length !== text.length) return null; // closed before the end: the rest is Markdown
    let content = text.slice(open.length, run.index).replace(/\n/g, ' ');
    if (content.length > 1 && content.startsWith(' ') && content.endsWith(' ') && content.trim() !== '') {
      content = content.slice(1, -1);
    }
    return content;
  }
  return null;
}

describe('codeSpan', () => {
  const hostile = [
    'a`b',
    '`',
    '``',
    '`start',
    'end`',
    '` both `',
    'x ```` y ` z',
    '@org/team please look',
    '![x](https://evil.example/p.png)',
    '<img src=x onerror=alert(1)>',
    '[link](javascript:alert(1))',
    'line\n/rebuild-preview\nmore',
    '\n::add-mask::x',
    'tab\there',
    'a\r\nb',
    '<!-- x -->',
    '*not bold*',
    'plain',
  ];
  test.each(hostile)('%j is one code span holding the text as one line', (text) => {
    const span = codeSpan(text);
    expect(span).not.toMatch(/[\r\n]/);
    expect(asCodeSpan(span)).toBe(oneLine(text));
    // The fence is longer than any run of backticks inside.
    const fence = /^`+/.exec(span)?.[0].length ?? 0;
    const longest = Math.max(0, ...(oneLine(text).match(/`+/g) ?? []).map((run) => run.length));
    expect(fence).toBeGreaterThan(longest);
  });

  test('an empty text is still a code span', () => {
    expect(asCodeSpan(codeSpan(''))).not.toBeNull();
  });

  test('the model itself tells a broken span', () => {
    expect(asCodeSpan('`a`b`')).toBeNull();
    expect(asCodeSpan('``a`')).toBeNull();
    expect(asCodeSpan('`a` @team')).toBeNull();
  });
});

describe('oneLine and cut', () => {
  test.each([
    [' a \n\t b\u2028c ', 'a b c'],
    ['', ''],
  ])('oneLine(%j) → %j', (text, expected) => {
    expect(oneLine(text)).toBe(expected);
  });

  test.each([
    ['abcdef', 6, 'abcdef'],
    ['abcdefg', 6, 'abc...'],
    ['abcdefg', 3, '...'],
  ])('cut(%j, %i) → %j', (text, max, expected) => {
    expect(cut(text, max)).toBe(expected);
  });
});
