import { describe, expect, test } from 'vitest';
import type { CommandName } from '../../src/core/command.js';
import {
  hasLabel,
  isBotLogin,
  isTrustedApp,
  judgePermission,
  judgeTrust,
  type PermissionLevel,
  type TrustFacts,
  type TrustRules,
} from '../../src/core/trust.js';

const rules = (over: Partial<TrustRules> = {}): TrustRules => ({
  associations: ['OWNER', 'MEMBER', 'COLLABORATOR'],
  users: ['Alice-Dev'],
  apps: ['renovate'],
  permission: 'write',
  okToTestLabel: 'ok-to-test',
  rebuildTrust: 'commenter',
  ...over,
});

const facts = (over: Partial<TrustFacts> = {}): TrustFacts => ({
  commenterLogin: 'stranger',
  commenterAssociation: 'NONE',
  prAuthorAssociation: 'FIRST_TIME_CONTRIBUTOR',
  labels: [],
  ...over,
});

/** A verdict in short: `trusted:label`, `ask`, `ask:author` (the PR trusted, not counting), `denied`, `denied:label`. */
function short(verdict: ReturnType<typeof judgeTrust>): string {
  if (verdict.kind === 'trusted') return `trusted:${verdict.ground.kind}`;
  const pr = verdict.kind === 'ask-permission' ? verdict.prTrusted : verdict.denial.prTrusted;
  return `${verdict.kind === 'ask-permission' ? 'ask' : 'denied'}${pr ? `:${pr.kind}` : ''}`;
}

describe('judgeTrust', () => {
  const label = { labels: ['bug', 'OK-To-Test'] };
  const author = { prAuthorAssociation: 'MEMBER' };
  // [what, facts, rules, retest, rebuild, ok-to-test]
  const table: [string, Partial<TrustFacts>, Partial<TrustRules>, string, string, string][] = [
    [
      'an owner',
      { commenterAssociation: 'OWNER' },
      {},
      'trusted:association',
      'trusted:association',
      'trusted:association',
    ],
    [
      'a collaborator',
      { commenterAssociation: 'COLLABORATOR' },
      {},
      'trusted:association',
      'trusted:association',
      'trusted:association',
    ],
    [
      'a contributor, when listed',
      { commenterAssociation: 'CONTRIBUTOR' },
      { associations: ['CONTRIBUTOR'] },
      'trusted:association',
      'trusted:association',
      'trusted:association',
    ],
    ['a contributor, when not listed', { commenterAssociation: 'CONTRIBUTOR' }, {}, 'ask', 'ask', 'ask'],
    ['trusted-users, any case', { commenterLogin: 'alice-DEV' }, {}, 'trusted:user', 'trusted:user', 'trusted:user'],
    [
      'a trusted app, as <app>[bot]',
      { commenterLogin: 'renovate[bot]' },
      {},
      'trusted:app',
      'trusted:app',
      'trusted:app',
    ],
    [
      'a trusted app, any case',
      { commenterLogin: 'Renovate[bot]' },
      { apps: ['RENOVATE'] },
      'trusted:app',
      'trusted:app',
      'trusted:app',
    ],
    ['a human named like the app is not the app', { commenterLogin: 'renovate' }, {}, 'ask', 'ask', 'ask'],
    ['another app', { commenterLogin: 'dependabot[bot]' }, {}, 'ask', 'ask', 'ask'],
    ['a login that only starts with the app name', { commenterLogin: 'renovate-bot1' }, {}, 'ask', 'ask', 'ask'],
    [
      'the commenter before the PR',
      { commenterAssociation: 'MEMBER', ...label },
      {},
      'trusted:association',
      'trusted:association',
      'trusted:association',
    ],
    ['the ok-to-test label, any case', label, {}, 'trusted:label', 'ask:label', 'ask:label'],
    ['the label, rebuild-trust pr', label, { rebuildTrust: 'pr' }, 'trusted:label', 'trusted:label', 'ask:label'],
    [
      'a configured label',
      { labels: ['Safe To Test'] },
      { okToTestLabel: 'safe to test' },
      'trusted:label',
      'ask:label',
      'ask:label',
    ],
    [
      'a configured label in another case',
      { labels: ['SAFE-TO-TEST'] },
      { okToTestLabel: 'Safe-To-Test' },
      'trusted:label',
      'ask:label',
      'ask:label',
    ],
    ['another label', { labels: ['ok-to-merge'] }, {}, 'ask', 'ask', 'ask'],
    ['a trusted PR author', author, {}, 'trusted:author', 'ask:author', 'ask:author'],
    [
      'a trusted PR author, rebuild-trust pr',
      author,
      { rebuildTrust: 'pr' },
      'trusted:author',
      'trusted:author',
      'ask:author',
    ],
    ['an untrusted author, no label', {}, {}, 'ask', 'ask', 'ask'],
    ['permission none: denied at once', {}, { permission: 'none' }, 'denied', 'denied', 'denied'],
    ['permission none, the label', label, { permission: 'none' }, 'trusted:label', 'denied:label', 'denied:label'],
    [
      'permission none, a trusted author',
      author,
      { permission: 'none' },
      'trusted:author',
      'denied:author',
      'denied:author',
    ],
    ['an association outside the known ones', { commenterAssociation: 'OWNERS' }, {}, 'ask', 'ask', 'ask'],
  ];

  test.each(table)('%s', (_what, f, r, retest, rebuild, okToTest) => {
    const got = (command: CommandName) => short(judgeTrust(command, facts(f), rules(r)));
    expect({ retest: got('retest'), rebuild: got('rebuild'), okToTest: got('ok-to-test') }).toEqual({
      retest,
      rebuild,
      okToTest,
    });
  });

  test('a denial names the commenter and has no permission answer', () => {
    expect(judgeTrust('retest', facts(), rules({ permission: 'none' }))).toEqual({
      kind: 'denied',
      denial: { login: 'stranger', permission: null, prTrusted: null },
    });
  });

  test('the label ground names the configured label', () => {
    expect(judgeTrust('retest', facts({ labels: ['OK-TO-TEST'] }), rules())).toEqual({
      kind: 'trusted',
      ground: { kind: 'label', label: 'ok-to-test' },
    });
  });
});

describe('judgePermission', () => {
  // [granted, required, trusted]
  const table: [PermissionLevel, PermissionLevel, boolean][] = [
    ['admin', 'write', true],
    ['maintain', 'write', true],
    ['write', 'write', true],
    ['triage', 'write', false],
    ['read', 'write', false],
    ['none', 'write', false],
    ['triage', 'triage', true],
    ['read', 'triage', false],
    ['read', 'read', true],
    ['none', 'read', false],
    ['admin', 'admin', true],
    ['maintain', 'admin', false],
    ['admin', 'none', false],
    ['none', 'none', false],
  ];

  test.each(table)('%s granted, %s required → trusted %s', (granted, required, trusted) => {
    const prTrusted = { kind: 'label', label: 'ok-to-test' } as const;
    const verdict = judgePermission('bob', granted, rules({ permission: required }), prTrusted);
    if (trusted) {
      expect(verdict).toEqual({ kind: 'trusted', ground: { kind: 'permission', granted } });
    } else {
      expect(verdict).toEqual({
        kind: 'denied',
        denial: { login: 'bob', permission: { granted, required }, prTrusted },
      });
    }
  });
});

describe('the signals', () => {
  test.each([
    [['Bug', 'OK-TO-TEST'], 'ok-to-test', true],
    [['ok-to-test'], 'OK-To-Test', true],
    [['ok-to-test-later'], 'ok-to-test', false],
    [[], 'ok-to-test', false],
  ])('hasLabel(%j, %s) → %s', (labels, label, expected) => {
    expect(hasLabel(labels, label)).toBe(expected);
  });

  test.each([
    ['renovate[bot]', ['renovate'], true],
    ['RENOVATE[bot]', ['renovate'], true],
    ['renovate', ['renovate'], false],
    ['renovate[bot]', ['renovate[bot]'], false],
    ['evil-renovate[bot]', ['renovate'], false],
    ['renovate-bot1', ['renovate'], false],
    ['renovate[bot]', [], false],
  ])('isTrustedApp(%s, %j) → %s', (login, apps, expected) => {
    expect(isTrustedApp(login, apps)).toBe(expected);
  });

  test.each([
    ['ci', 'Bot', true],
    ['x[bot]', undefined, true],
    ['x[bot]', 'User', true],
    ['alice', 'User', false],
    ['alice', undefined, false],
    ['octo-org', 'Organization', false],
  ])('isBotLogin(%s, %s) → %s', (login, type, expected) => {
    expect(isBotLogin(login, type)).toBe(expected);
  });
});
