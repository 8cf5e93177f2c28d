import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { runnerToolkit, type Toolkit } from '../../src/toolkit.js';

const SECRET = 'nfp_Zq8vK2mW9xR4tY7uP1sD6fG3hJ5kL0aB';
const OTHER = 'ghs_Qw3Er5Ty7Ui9Op1As2Df4Gh6Jk8Lz0Xc';

let dir: string;
let out: string[];
let toolkit: Toolkit;
let exitCode: typeof process.exitCode;
let failed = 0;
/** Captures what the toolkit writes, and counts the step being marked failed. */
const sink = () => ({ write: (text: string) => void out.push(text), failed: () => void failed++ });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'toolkit-'));
  writeFileSync(join(dir, 'output'), '');
  writeFileSync(join(dir, 'summary'), '');
  out = [];
  failed = 0;
  toolkit = runnerToolkit({ GITHUB_OUTPUT: join(dir, 'output'), GITHUB_STEP_SUMMARY: join(dir, 'summary') }, sink());
  exitCode = process.exitCode;
});

afterEach(() => {
  process.exitCode = exitCode;
  rmSync(dir, { recursive: true, force: true });
});

/** What the runner reads: every line written to stdout. */
const lines = () => out.join('').split('\n').slice(0, -1);
/** Every 8-character piece of the secrets found in `text`. */
const pieces = (text: string) => {
  const found: string[] = [];
  for (const secret of [SECRET, OTHER]) {
    for (let at = 0; at + 8 <= secret.length; at++)
      if (text.includes(secret.slice(at, at + 8))) found.push(secret.slice(at, at + 8));
  }
  return found;
};

/** GITHUB_OUTPUT in the delimiter form: `name<<DELIM`, the value's lines, `DELIM`. */
function parseOutputFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const rows = text.split('\n');
  for (let at = 0; at < rows.length - 1; ) {
    const head = /^([A-Za-z0-9_-]+)<<(ghadelimiter_[A-Za-z0-9]+)$/.exec(rows[at] as string);
    if (!head) throw new Error(`not the delimiter form at line ${at}: ${rows[at]}`);
    const end = rows.indexOf(head[2] as string, at + 1);
    if (end < 0) throw new Error(`no closing delimiter for ${head[1]}`);
    values[head[1] as string] = rows.slice(at + 1, end).join('\n');
    at = end + 1;
  }
  return values;
}

describe('masking and scrubbing', () => {
  test('mask tells the runner, once per secret', () => {
    toolkit.mask(SECRET);
    toolkit.mask(SECRET);
    toolkit.mask('');
    expect(lines()).toEqual([`::add-mask::${SECRET}`]);
  });

  // [what, text that carries a secret]
  const table: [string, string][] = [
    ['the whole token', `token ${SECRET} rejected`],
    ['its first half, cut', `Authorization: Bearer ${SECRET.slice(0, 18)}`],
    ['a middle piece', `said ${SECRET.slice(9, 25)}!`],
    ['the other secret', `${OTHER.slice(3)}`],
    ['over several lines', `line one\n${SECRET}\nline three ${OTHER}`],
  ];

  test.each(table)('no log line, warning or failure holds a piece of it: %s', (_what, text) => {
    toolkit.mask(SECRET);
    toolkit.mask(OTHER);
    out = [];
    toolkit.info(text);
    toolkit.warning(text);
    toolkit.fail(text);
    expect(pieces(out.join(''))).toEqual([]);
    expect(out.join('')).toContain('***');
  });

  test.each(table)('no output or summary holds a piece of it: %s', (_what, text) => {
    toolkit.mask(SECRET);
    toolkit.mask(OTHER);
    toolkit.setOutputs({ reason: text });
    toolkit.appendSummary(`<p>${text}</p>`);
    expect(pieces(readFileSync(join(dir, 'output'), 'utf8'))).toEqual([]);
    expect(pieces(readFileSync(join(dir, 'summary'), 'utf8'))).toEqual([]);
  });
});

describe('workflow commands', () => {
  const hostile = '::add-mask::x\n::error::y\r::warning file=a::b\r\n  ::stop-commands::z\u2028::group::g\n::::';

  test('info never lets a line start with ::', () => {
    toolkit.info(hostile);
    expect(lines().length).toBeGreaterThan(1);
    expect(lines().filter((line) => line.trimStart().startsWith('::'))).toEqual([]);
    expect(lines().filter((line) => line.includes('::'))).toEqual([]);
  });

  test.each([
    ['warning', '::warning::'],
    ['fail', '::error::'],
  ] as const)('%s is one command of its own, its data defused', (method, command) => {
    toolkit[method](hostile);
    expect(lines()).toHaveLength(1);
    const line = lines()[0] as string;
    expect(line.startsWith(command)).toBe(true);
    expect(line.slice(command.length)).not.toContain('::');
  });

  test('fail marks the step failed', () => {
    toolkit.fail('no');
    expect(failed).toBe(1);
  });

  test.each([
    ['100% done', '::warning::100%25 done'],
    ['%0A is not a line break', '::warning::%250A is not a line break'],
  ])('command data escapes %%: %j', (text, line) => {
    toolkit.warning(text);
    expect(lines()).toEqual([line]);
  });

  test('a mask value escapes %, CR and LF', () => {
    toolkit.mask('a%b\r\nc');
    expect(out.join('')).toBe('::add-mask::a%25b%0D%0Ac\n');
  });
});

describe('outputs and the summary', () => {
  test('GITHUB_OUTPUT gets every output in the delimiter form, multi-line values whole', () => {
    const outputs = { result: 'retried', reason: 'line one\nline two', results: '[{"a":"b<<c"}]', empty: '' };
    toolkit.setOutputs(outputs);
    toolkit.setOutputs({ later: 'x' });
    expect(parseOutputFile(readFileSync(join(dir, 'output'), 'utf8'))).toEqual({ ...outputs, later: 'x' });
  });

  test('a value cannot end its block early', () => {
    toolkit.setOutputs({ reason: 'x\nghadelimiter_\nEOF\nresult<<EOF\nfake' });
    const text = readFileSync(join(dir, 'output'), 'utf8');
    expect(parseOutputFile(text)).toEqual({ reason: 'x\nghadelimiter_\nEOF\nresult<<EOF\nfake' });
  });

  test('without GITHUB_OUTPUT or GITHUB_STEP_SUMMARY nothing is written and nothing fails', () => {
    const bare = runnerToolkit({}, sink());
    expect(() => bare.setOutputs({ a: 'b' })).not.toThrow();
    expect(() => bare.appendSummary('<p>x</p>')).not.toThrow();
    expect(out).toEqual([]);
  });

  test('the summary is appended', () => {
    toolkit.appendSummary('<h3>one</h3>\n');
    toolkit.appendSummary('<h3>two</h3>\n');
    expect(readFileSync(join(dir, 'summary'), 'utf8')).toBe('<h3>one</h3>\n<h3>two</h3>\n');
  });

  test('a summary that cannot be written is a warning, not a failure', () => {
    const blocked = join(dir, 'a-directory');
    mkdirSync(blocked);
    const kit = runnerToolkit({ GITHUB_STEP_SUMMARY: blocked }, sink());
    expect(() => kit.appendSummary('<p>x</p>')).not.toThrow();
    expect(lines()).toEqual(['::warning::Could not write the job summary.']);
  });
});
