/**
 * Deciding trust: may this command run?
 *
 * The command runs when the commenter is trusted or the PR is trusted. Everything that the event
 * payload can settle is settled here without a request; only when it cannot, and the repository
 * permission fallback is enabled, does the caller ask GitHub for the commenter's permission
 * (author_association shows private organization members as CONTRIBUTOR, so it must never be the
 * only reason to turn someone away).
 */

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
}

export interface TrustFacts {
  readonly commenterLogin: string;
  readonly commenterAssociation: string;
  readonly prAuthorAssociation: string;
  readonly labels: readonly string[];
}

export type TrustVerdict =
  | { readonly kind: 'trusted'; readonly reason: string }
  | { readonly kind: 'ask-permission' }
  | { readonly kind: 'denied'; readonly reason: string };

export function judgeTrust(facts: TrustFacts, rules: TrustRules): TrustVerdict {
  const login = facts.commenterLogin;
  if (includesAssociation(rules.associations, facts.commenterAssociation)) {
    return { kind: 'trusted', reason: `@${login} is a ${facts.commenterAssociation.toLowerCase()} of the repository` };
  }
  if (rules.users.some((user) => sameLogin(user, login))) {
    return { kind: 'trusted', reason: `@${login} is listed in trusted-users` };
  }
  if (isTrustedApp(login, rules.apps)) {
    return { kind: 'trusted', reason: `@${login} is an app listed in trusted-apps` };
  }
  if (facts.labels.some((label) => label === rules.okToTestLabel)) {
    return { kind: 'trusted', reason: `the PR carries the ${rules.okToTestLabel} label` };
  }
  if (includesAssociation(rules.associations, facts.prAuthorAssociation)) {
    return {
      kind: 'trusted',
      reason: `the PR's author is a ${facts.prAuthorAssociation.toLowerCase()} of the repository`,
    };
  }
  if (rules.permission !== 'none') return { kind: 'ask-permission' };
  return { kind: 'denied', reason: `@${login} is not trusted to run commands on this PR` };
}

/** The verdict once GitHub has answered with the commenter's permission on the repository. */
export function judgePermission(
  login: string,
  granted: PermissionLevel,
  rules: TrustRules,
): Exclude<TrustVerdict, { kind: 'ask-permission' }> {
  if (rankOf(granted) >= rankOf(rules.permission) && rules.permission !== 'none') {
    return { kind: 'trusted', reason: `@${login} has ${granted} permission on the repository` };
  }
  return {
    kind: 'denied',
    reason: `@${login} has ${granted} permission on the repository, and ${rules.permission} is required`,
  };
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
