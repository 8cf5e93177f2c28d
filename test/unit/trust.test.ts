import { describe, expect, test } from 'vitest';
import {
  isTrustedApp,
  judgePermission,
  judgeTrust,
  type PermissionLevel,
  type TrustFacts,
  type TrustRules,
} from '../../src/core/trust.js';

const rules: TrustRules = {
  associations: ['OWNER', 'MEMBER', 'COLLABORATOR'],
  users: ['Trusted-Tess'],
  apps: ['renovate'],
  permission: 'write',
  okToTestLabel: 'ok-to-test',
};

const facts = (over: Partial<TrustFacts>): TrustFacts => ({
  commenterLogin: 'stranger',
  commenterAssociation: 'NONE',
  prAuthorAssociation: 'NONE',
  labels: [],
  ...over,
});

describe('judgeTrust', () => {
  const table: [string, Partial<TrustFacts>, Partial<TrustRules>, string][] = [
    ['an owner', { commenterAssociation: 'OWNER' }, {}, 'trusted'],
    ['a member', { commenterAssociation: 'MEMBER' }, {}, 'trusted'],
    ['a collaborator', { commenterAssociation: 'COLLABORATOR' }, {}, 'trusted'],
    [
      'a contributor (maybe a private member): ask GitHub',
      { commenterAssociation: 'CONTRIBUTOR' },
      {},
      'ask-permission',
    ],
    ['a first-time contributor: ask GitHub', { commenterAssociation: 'FIRST_TIME_CONTRIBUTOR' }, {}, 'ask-permission'],
    ['a stranger with the fallback off', {}, { permission: 'none' }, 'denied'],
    ['a listed user, any case', { commenterLogin: 'trusted-tess' }, { permission: 'none' }, 'trusted'],
    ['a trusted app', { commenterLogin: 'renovate[bot]' }, { permission: 'none' }, 'trusted'],
    ['a human named like the app', { commenterLogin: 'renovate' }, { permission: 'none' }, 'denied'],
    ['another app', { commenterLogin: 'dependabot[bot]' }, { permission: 'none' }, 'denied'],
    ['the ok-to-test label', { labels: ['docs', 'ok-to-test'] }, { permission: 'none' }, 'trusted'],
    ['a label that only looks alike', { labels: ['OK-to-test', 'ok-to-test '] }, { permission: 'none' }, 'denied'],
    [
      'a custom label name',
      { labels: ['safe to build'] },
      { permission: 'none', okToTestLabel: 'safe to build' },
      'trusted',
    ],
    ['a PR by a member', { prAuthorAssociation: 'MEMBER' }, { permission: 'none' }, 'trusted'],
    ['a PR by a contributor', { prAuthorAssociation: 'CONTRIBUTOR' }, { permission: 'none' }, 'denied'],
    ['associations emptied', { commenterAssociation: 'OWNER' }, { associations: [], permission: 'none' }, 'denied'],
    [
      'contributors trusted by configuration',
      { commenterAssociation: 'CONTRIBUTOR' },
      { associations: ['CONTRIBUTOR'] },
      'trusted',
    ],
  ];
  test.each(table)('%s → %s', (_name, given, ruleChanges, expected) => {
    expect(judgeTrust(facts(given), { ...rules, ...ruleChanges }).kind).toBe(expected);
  });

  test('says why', () => {
    expect(judgeTrust(facts({ labels: ['ok-to-test'] }), rules)).toEqual({
      kind: 'trusted',
      reason: 'the PR carries the ok-to-test label',
    });
    expect(judgeTrust(facts({}), { ...rules, permission: 'none' })).toEqual({
      kind: 'denied',
      reason: '@stranger is not trusted to run commands on this PR',
    });
  });
});

describe('judgePermission', () => {
  const levels: PermissionLevel[] = ['none', 'read', 'triage', 'write', 'maintain', 'admin'];
  const table: [PermissionLevel, PermissionLevel, string][] = [];
  for (const required of levels.slice(1)) {
    for (const granted of levels) {
      table.push([granted, required, levels.indexOf(granted) >= levels.indexOf(required) ? 'trusted' : 'denied']);
    }
  }
  test.each(table)('%s against %s required → %s', (granted, required, expected) => {
    expect(judgePermission('pat', granted, { ...rules, permission: required }).kind).toBe(expected);
  });

  test('names both levels when it denies', () => {
    expect(judgePermission('pat', 'triage', rules)).toEqual({
      kind: 'denied',
      reason: '@pat has triage permission on the repository, and write is required',
    });
  });
});

describe('isTrustedApp', () => {
  test.each([
    ['renovate[bot]', true],
    ['Renovate[bot]', true],
    ['renovate', false],
    ['renovate[bot]x', false],
    ['evil-renovate[bot]', false],
    ['[bot]', false],
  ])('%s → %s', (login, expected) => {
    expect(isTrustedApp(login, ['renovate'])).toBe(expected);
  });
});
