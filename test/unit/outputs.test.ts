import { describe, expect, test } from 'vitest';
import type { Outcome } from '../../src/core/outcome.js';
import { html, ignoredOutputs, type Outputs, outputsOf, summaryOf } from '../../src/outputs.js';
import {
  DEPLOY_ID,
  deploy,
  failed,
  followEnd,
  notFound,
  ofSites,
  PREVIEW_URL,
  replyContext,
  retried,
  SITE_ID,
  skipped,
} from './fixtures.js';

const ALL = [
  'result',
  'command',
  'deploy-id',
  'deploy-state',
  'deploy-url',
  'reason',
  'results',
  'build-state',
  'build-seconds',
  'handoff',
];
const ctx = replyContext();
const blog = { id: 'blog.netlify.app', name: 'blog' };

// [what, outcome, outputs it must have]
const table: [string, Outcome, Partial<Outputs>][] = [
  [
    'ignored',
    { result: 'ignored', command: null, ignored: { kind: 'no-command' } },
    { result: 'ignored', command: '', results: '[]', 'deploy-id': '' },
  ],
  [
    'denied',
    { result: 'denied', command: 'rebuild', denial: { login: 'x', permission: null, prTrusted: null } },
    { result: 'denied', command: 'rebuild', results: '[]' },
  ],
  [
    'labeled',
    { result: 'labeled', command: 'ok-to-test', label: 'ok-to-test', dryRun: false },
    { result: 'labeled', command: 'ok-to-test', results: '[]' },
  ],
  [
    'retried',
    ofSites('retest', retried()),
    {
      result: 'retried',
      command: 'retest',
      'deploy-id': DEPLOY_ID,
      'deploy-state': 'error',
      'deploy-url': PREVIEW_URL,
    },
  ],
  [
    'skipped',
    ofSites('retest', skipped({ kind: 'skip', because: 'ready' }, { preview: deploy({ state: 'ready' }) })),
    { result: 'skipped', 'deploy-state': 'ready' },
  ],
  [
    'skipped whole: closed since',
    { result: 'skipped', command: 'retest', sites: [], whole: { kind: 'closed', merged: false } },
    { result: 'skipped', results: '[]' },
  ],
  [
    'not found',
    ofSites('rebuild', notFound()),
    { result: 'not-found', command: 'rebuild', 'deploy-id': '', 'deploy-url': '' },
  ],
  [
    'failed before any site',
    {
      result: 'failed',
      command: null,
      sites: [],
      problem: { kind: 'input', input: 'site-id', message: 'Input site-id is empty.' },
    },
    { result: 'failed', command: '', reason: 'Input site-id is empty.' },
  ],
  ['failed at a site', ofSites('retest', failed()), { result: 'failed', 'deploy-id': DEPLOY_ID }],
  [
    'several sites: the first with a preview',
    ofSites('retest', notFound(), retried({ site: blog, preview: deploy({ id: 'b'.repeat(24) }) })),
    { result: 'retried', 'deploy-id': 'b'.repeat(24) },
  ],
];

describe('outputsOf', () => {
  test.each(table)('%s: all 10 outputs, as strings', (_what, outcome, expected) => {
    const outputs = outputsOf(outcome, ctx);
    expect(Object.keys(outputs).sort()).toEqual([...ALL].sort());
    for (const value of Object.values(outputs)) expect(typeof value).toBe('string');
    expect(outputs).toMatchObject(expected);
    expect(outputs['build-state']).toBe('');
    expect(outputs['build-seconds']).toBe('');
    expect(outputs.reason).not.toBe('');
  });

  test('the fast path sets the same 10 outputs', () => {
    expect(Object.keys(ignoredOutputs('The comment holds no command.')).sort()).toEqual([...ALL].sort());
  });

  test('results: one entry per site, in this shape', () => {
    const outputs = outputsOf(ofSites('retest', retried(), notFound({ site: blog })), ctx);
    expect(JSON.parse(outputs.results)).toEqual([
      {
        site: SITE_ID,
        result: 'retried',
        'deploy-id': DEPLOY_ID,
        'deploy-state': 'error',
        'deploy-url': PREVIEW_URL,
        reason: 'The deploy preview had failed, so a retry was requested.',
      },
      {
        site: 'blog.netlify.app',
        result: 'not-found',
        'deploy-id': '',
        'deploy-state': '',
        'deploy-url': '',
        reason: 'PR #42 has no deploy preview on site blog.netlify.app.',
      },
    ]);
  });

  // [what, how following went, build-state, build-seconds]
  const follows: [string, ReturnType<typeof retried>['follow'], string, string][] = [
    ['not followed', null, '', ''],
    ['still to follow', 'pending', '', ''],
    ['ready', followEnd('ready', { seconds: 95 }), 'ready', '95'],
    ['failed again', followEnd('error', { seconds: 300 }), 'error', '300'],
    ['the window ended', followEnd('window', { state: 'building', seconds: 1200 }), 'building', ''],
    ['stopped', followEnd('stopped', { state: 'uploading' }), 'uploading', ''],
  ];
  test.each(follows)('build-state and build-seconds: %s', (_what, follow, state, seconds) => {
    const outputs = outputsOf(ofSites('retest', retried({ follow })), ctx);
    expect([outputs['build-state'], outputs['build-seconds']]).toEqual([state, seconds]);
  });

  test('the handoff output carries what it is given', () => {
    expect(outputsOf(ofSites('retest', retried()), ctx, '{"v":1}').handoff).toBe('{"v":1}');
  });
});

describe('summaryOf', () => {
  const hostile = { ...ignoredOutputs('<script>alert("x")</script> & \'q\''), 'deploy-url': 'a\n\nb\r\rc\r\n\r\nd' };

  test('escapes HTML in every value', () => {
    const summary = summaryOf(hostile, false);
    expect(summary).not.toContain('<script>');
    expect(summary).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;');
  });

  test.each(table)('no blank line inside the table: %s', (_what, outcome) => {
    for (const outputs of [outputsOf(outcome, ctx), hostile]) {
      const summary = summaryOf(outputs, true);
      // CommonMark's line endings: LF, CR and CRLF. A blank line would end the HTML block.
      const lines = summary.split(/\r\n|\r|\n/);
      const inside = lines.slice(
        lines.indexOf('<table><tr><th>output</th><th>value</th></tr>'),
        lines.indexOf('</table>') + 1,
      );
      expect(inside.length).toBeGreaterThan(9);
      expect(inside.filter((line) => line.trim() === '')).toEqual([]);
      expect(summary.startsWith(`<h3>Netlify preview: ${outputs.result} (dry run)</h3>`)).toBe(true);
    }
  });

  test('the handoff is not shown; an empty value is a dash', () => {
    const summary = summaryOf({ ...ignoredOutputs('r'), handoff: '{"secret":"x"}' }, false);
    expect(summary).not.toContain('handoff');
    expect(summary).toContain('<tr><td>deploy-id</td><td>—</td></tr>');
  });

  test.each([
    ['a\nb', 'a<br>b'],
    ['a\r\nb', 'a<br>b'],
    ['a\rb', 'a<br>b'],
    ['<&>"\'', '&lt;&amp;&gt;&quot;&#39;'],
  ])('html(%j) → %j', (text, expected) => {
    expect(html(text)).toBe(expected);
  });
});
