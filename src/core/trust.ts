/**
 * Deciding trust: may this command run?
 *
 * Trust is per command, because builds cost money:
 * - the commenter's own trust (association, trusted-users, trusted-apps, repository permission) allows
 *   every command;
 * - the PR's trust (the ok-to-test label, or a trusted author) allows `/retest` only, which retries a
 *   failed preview: that is what a contributor needs, and Prow's rule. `/rebuild-preview` needs the
 *   commenter's trust unless rebuild-trust is `pr`; `/ok-to-test` always does.
 * Everything the event payload can settle is settled here without a request; only when it cannot, and
 * the permission fallback is on, does the caller ask GitHub (author_association shows private
 * organization members as CONTRIBUTOR, so it must never be the only reason to turn someone away).
 */
import type { CommandName } from './command.js';

export const PERMISSION_LEVELS = ['none', 'read', 'triage', 'write', 'maintain', 'admin'] as const;
export type PermissionLevel = (typeof PERMISSION_LEVELS)[number];

export const ASSOCIATIONS = [
  'OWNER',
  'MEMBER',
  'COLLABORATOR',
  'CONTRIBUTOR',
  'FIRST_TIME_CONTRIBUTOR',
  'FIRST_TIMER',
  'MANNEQUIN',
  'NONE',
] as const;
export type Association = (typeof ASSOCIATIONS)[number];

export interface TrustRules {
  readonly associations: readonly Association[];
  readonly users: readonly string[];
  readonly apps: readonly string[];
  readonly permission: PermissionLevel;
  readonly okToTestLabel: string;
  /** Whose trust `/rebuild-preview` needs: the commenter's own, or (Prow's rule) the PR's too. */
  readonly rebuildTrust: 'commenter' | 'pr';
}

export interface TrustFacts {
  readonly commenterLogin: string;
  readonly commenterAssociation: string;
  readonly prAuthorAssociation: string;
  readonly labels: readonly string[];
}

/** Why someone or something is trusted. */
export type Ground =
  | { readonly kind: 'association'; readonly association: string }
  | { readonly kind: 'user' }
  | { readonly kind: 'app' }
  | { readonly kind: 'permission'; readonly granted: PermissionLevel }
  | { readonly kind: 'label'; readonly label: string }
  | { readonly kind: 'author'; readonly association: string };

export interface Denial {
  readonly login: string;
  /** Set when GitHub was asked: what it granted, and what is required. */
  readonly permission: { readonly granted: PermissionLevel; readonly required: PermissionLevel } | null;
  /** Set when the PR is trusted but that does not count for this command. */
  readonly prTrusted: Ground | null;
}

export type TrustVerdict =
  | { readonly kind: 'trusted'; readonly ground: Ground }
  | { readonly kind: 'ask-permission'; readonly prTrusted: Ground | null }
  | { readonly kind: 'denied'; readonly denial: Denial };

/** Whether the PR's own trust lets anyone run this command. */
export function prTrustCounts(command: CommandName, rules: TrustRules): boolean {
  return command === 'retest' || (command === 'rebuild' && rules.rebuildTrust === 'pr');
}

export function judgeTrust(command: CommandName, facts: TrustFacts, rules: TrustRules): TrustVerdict {
  const login = facts.commenterLogin;
  const own = commenterGround(facts, rules);
  if (own) return { kind: 'trusted', ground: own };
  const pr = prGround(facts, rules);
  const counts = prTrustCounts(command, rules);
  if (pr && counts) return { kind: 'trusted', ground: pr };
  const prTrusted = pr && !counts ? pr : null;
  if (rules.permission !== 'none') return { kind: 'ask-permission', prTrusted };
  return { kind: 'denied', denial: { login, permission: null, prTrusted } };
}

/** The verdict once GitHub has answered with the commenter's permission on the repository. */
export function judgePermission(
  login: string,
  granted: PermissionLevel,
  rules: TrustRules,
  prTrusted: Ground | null,
): Exclude<TrustVerdict, { kind: 'ask-permission' }> {
  if (rules.permission !== 'none' && rankOf(granted) >= rankOf(rules.permission)) {
    return { kind: 'trusted', ground: { kind: 'permission', granted } };
  }
  return { kind: 'denied', denial: { login, permission: { granted, required: rules.permission }, prTrusted } };
}

function commenterGround(facts: TrustFacts, rules: TrustRules): Ground | null {
  if (includesAssociation(rules.associations, facts.commenterAssociation)) {
    return { kind: 'association', association: facts.commenterAssociation };
  }
  if (rules.users.some((user) => sameLogin(user, facts.commenterLogin))) return { kind: 'user' };
  if (isTrustedApp(facts.commenterLogin, rules.apps)) return { kind: 'app' };
  return null;
}

function prGround(facts: TrustFacts, rules: TrustRules): Ground | null {
  // GitHub label names are unique without regard to case: OK-To-Test is the ok-to-test label.
  if (hasLabel(facts.labels, rules.okToTestLabel)) return { kind: 'label', label: rules.okToTestLabel };
  if (includesAssociation(rules.associations, facts.prAuthorAssociation)) {
    return { kind: 'author', association: facts.prAuthorAssociation };
  }
  return null;
}

export function hasLabel(labels: readonly string[], label: string): boolean {
  const wanted = label.toLowerCase();
  return labels.some((name) => name.toLowerCase() === wanted);
}

/** An app's comments come from `<app>[bot]`; a human account named `<app>` is not the app. */
export function isTrustedApp(login: string, apps: readonly string[]): boolean {
  if (!login.endsWith('[bot]')) return false;
  const app = login.slice(0, -'[bot]'.length);
  return apps.some((name) => sameLogin(name, app));
}

export function isBotLogin(login: string, type: string | undefined): boolean {
  return type === 'Bot' || login.endsWith('[bot]');
}

function rankOf(level: PermissionLevel): number {
  return PERMISSION_LEVELS.indexOf(level);
}

function includesAssociation(list: readonly Association[], value: string): boolean {
  return (list as readonly string[]).includes(value);
}

/** GitHub logins are case-insensitive. */
function sameLogin(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
