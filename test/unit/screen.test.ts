import { describe, expect, test } from 'vitest';
import type { CommandLine } from '../../src/core/command.js';
import type { SiteRef } from '../../src/core/preview.js';
import { type CommentFacts, chooseLine, screenComment } from '../../src/core/screen.js';

const words = { retest: '/retest', rebuild: '/rebuild-preview', okToTest: '/ok-to-test' };

const facts = (over: Partial<CommentFacts> = {}): CommentFacts => ({
  action: 'created',
  isPullRequest: true,
  prState: 'open',
  body: '/retest',
  commenterLogin: 'alice',
  commenterType: 'User',
  ...over,
});

describe('screenComment', () => {
  // [what, event name, the comment, trusted-apps, what it gives: an ignored kind, or `command`]
  const table: [string, string, Partial<CommentFacts>, string[], string][] = [
    ['a PR comment with a command', 'issue_comment', {}, [], 'command'],
    ['another event', 'pull_request_target', {}, [], 'event'],
    ['an edited comment', 'issue_comment', { action: 'edited' }, [], 'action'],
    ['a deleted comment', 'issue_comment', { action: 'deleted' }, [], 'action'],
    ['a comment on an issue', 'issue_comment', { isPullRequest: false }, [], 'issue'],
    ['a closed PR', 'issue_comment', { prState: 'closed' }, [], 'closed'],
    ['a bot by its type', 'issue_comment', { commenterLogin: 'ci-helper', commenterType: 'Bot' }, [], 'bot'],
    [
      'a bot by its login, type absent',
      'issue_comment',
      { commenterLogin: 'renovate[bot]', commenterType: undefined },
      [],
      'bot',
    ],
    [
      'an app that is not in trusted-apps',
      'issue_comment',
      { commenterLogin: 'renovate[bot]', commenterType: 'Bot' },
      ['dependabot'],
      'bot',
    ],
    [
      'an app in trusted-apps',
      'issue_comment',
      { commenterLogin: 'renovate[bot]', commenterType: 'Bot' },
      ['renovate'],
      'command',
    ],
    [
      'an app in trusted-apps, any case',
      'issue_comment',
      { commenterLogin: 'Renovate[bot]', commenterType: 'Bot' },
      ['RENOVATE'],
      'command',
    ],
    [
      'a bot account named like a trusted app is not the app',
      'issue_comment',
      { commenterLogin: 'renovate', commenterType: 'Bot' },
      ['renovate'],
      'bot',
    ],
    [
      'a human named like a trusted app is screened as a human',
      'issue_comment',
      { commenterLogin: 'renovate', commenterType: 'User' },
      ['renovate'],
      'command',
    ],
    ['an organization account is no bot', 'issue_comment', { commenterType: 'Organization' }, [], 'command'],
    ['no command in the comment', 'issue_comment', { body: 'LGTM, thanks!' }, [], 'no-command'],
    ['a command in a quote only', 'issue_comment', { body: '> /retest\n\nDid that help?' }, [], 'no-command'],
  ];

  test.each(table)('%s', (_what, eventName, over, apps, expected) => {
    const screened = screenComment(eventName, () => facts(over), words, apps);
    expect(screened.kind === 'ignored' ? screened.ignored.kind : screened.kind).toBe(expected);
  });

  test('another event is ignored before the comment is read at all', () => {
    const screened = screenComment(
      'push',
      () => {
        throw new Error('read');
      },
      words,
      [],
    );
    expect(screened).toEqual({ kind: 'ignored', ignored: { kind: 'event', eventName: 'push' } });
  });

  test('a command gives its lines, in order', () => {
    const screened = screenComment('issue_comment', () => facts({ body: '/rebuild-preview docs\n/retest' }), words, []);
    expect(screened).toEqual({
      kind: 'command',
      lines: [
        { name: 'rebuild', site: 'docs' },
        { name: 'retest', site: null },
      ],
    });
  });

  test('an ignored bot is named', () => {
    const screened = screenComment(
      'issue_comment',
      () => facts({ commenterLogin: 'x[bot]', commenterType: 'Bot' }),
      words,
      [],
    );
    expect(screened).toEqual({ kind: 'ignored', ignored: { kind: 'bot', login: 'x[bot]' } });
  });
});

describe('chooseLine', () => {
  const one: SiteRef[] = [{ id: '3f1e2d4c-5b6a-4789-9abc-def012345678', name: null }];
  const docs: SiteRef = { id: 'Octo-Docs.netlify.app', name: 'octo-docs' };
  const blog: SiteRef = { id: '11111111-2222-4333-8444-555555555555', name: 'blog' };
  const unnamed: SiteRef = { id: 'docs.example.com', name: null };
  const line = (name: CommandLine['name'], site: string | null = null): CommandLine => ({ name, site });

  // [what, lines, sites, expected]
  const table: [string, CommandLine[], SiteRef[], ReturnType<typeof chooseLine>][] = [
    ['a bare command, one site', [line('retest')], one, { kind: 'chosen', command: 'retest', sites: one }],
    [
      'a bare command acts on every listed site',
      [line('rebuild')],
      [docs, blog],
      { kind: 'chosen', command: 'rebuild', sites: [docs, blog] },
    ],
    [
      'one site listed: a site word makes the line no command',
      [line('retest', 'octo-docs')],
      one,
      { kind: 'none', word: '' },
    ],
    ['one site listed: even its own id', [line('retest', one[0]?.id as string)], one, { kind: 'none', word: '' }],
    [
      'one site listed: a later bare line is the command',
      [line('retest', 'x'), line('rebuild')],
      one,
      { kind: 'chosen', command: 'rebuild', sites: one },
    ],
    [
      'several sites: a word names one by its name',
      [line('retest', 'blog')],
      [docs, blog],
      { kind: 'chosen', command: 'retest', sites: [blog] },
    ],
    [
      'several sites: by its id as listed, any case',
      [line('rebuild', 'octo-docs.netlify.app')],
      [docs, blog],
      { kind: 'chosen', command: 'rebuild', sites: [docs] },
    ],
    ['several sites: a word that names none', [line('retest', 'shop')], [docs, blog], { kind: 'none', word: 'shop' }],
    [
      'several sites: the first unmatched word is told',
      [line('retest', 'shop'), line('retest', 'wiki')],
      [docs, blog],
      { kind: 'none', word: 'shop' },
    ],
    [
      'several sites: a later line that names one',
      [line('retest', 'shop'), line('retest', 'blog')],
      [docs, blog],
      { kind: 'chosen', command: 'retest', sites: [blog] },
    ],
    [
      'several sites, a name unknown: the word may be it',
      [line('rebuild', 'wiki')],
      [docs, unnamed],
      { kind: 'resolve', command: 'rebuild', word: 'wiki' },
    ],
    [
      'several sites, a name unknown: a known name still chooses',
      [line('retest', 'octo-docs')],
      [docs, unnamed],
      { kind: 'chosen', command: 'retest', sites: [docs] },
    ],
    ['no lines', [], [docs, blog], { kind: 'none', word: '' }],
  ];

  test.each(table)('%s', (_what, lines, sites, expected) => {
    expect(chooseLine(lines, sites)).toEqual(expected);
  });
});
