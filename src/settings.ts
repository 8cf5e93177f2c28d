/**
 * The inputs, read once through zod into typed settings. A bad input is an InputError whose one line
 * names the input (and the bad item of a list) and what it accepts; a token's value is never echoed.
 */
import * as z from 'zod/mini';
import { COMMAND_SHAPE, type CommandWords } from './core/command.js';
import { nameFromId, type SiteRef } from './core/preview.js';
import {
  ASSOCIATIONS,
  type Association,
  PERMISSION_LEVELS,
  type PermissionLevel,
  type TrustRules,
} from './core/trust.js';
import { LOGIN, REPOSITORY, SITE_NAME } from './patterns.js';

/** The sites to act on: one list for this repository, or a list per repository (one workflow for an organization). */
export type SiteConfig =
  | { readonly kind: 'list'; readonly sites: readonly string[] }
  | { readonly kind: 'map'; readonly map: ReadonlyMap<string, readonly string[]> };

export interface Settings {
  readonly netlifyToken: string;
  readonly sites: SiteConfig;
  readonly githubToken: string;
  readonly words: CommandWords;
  readonly trust: TrustRules;
  readonly quietRetest: boolean;
  readonly denyReply: boolean;
  readonly dryRun: boolean;
  readonly netlifyApiUrl: URL;
  readonly timeoutSeconds: number;
  /** 0: a build in progress is never stuck. */
  readonly stuckMinutes: number;
  /** Follow the build here, hand it to a later job, or not at all. */
  readonly follow: 'off' | 'here' | 'next-job';
  readonly followMinutes: number;
  /** A later job's handoff from the command's job (JSON), or empty. */
  readonly handoff: string;
}

/** Each input's default, as action.yml declares it (a test keeps the two in step). */
export const INPUT_DEFAULTS = {
  'github-token': '${{ github.token }}',
  'retest-command': '/retest',
  'rebuild-command': '/rebuild-preview',
  'ok-to-test-command': '',
  'trusted-associations': 'OWNER, MEMBER, COLLABORATOR',
  'trusted-users': '',
  'trusted-apps': '',
  'trusted-permission': 'write',
  'ok-to-test-label': 'ok-to-test',
  'rebuild-trust': 'commenter',
  'quiet-retest': 'false',
  'deny-reply': 'true',
  'stuck-minutes': '30',
  follow: 'false',
  'follow-minutes': '20',
  handoff: '',
  'dry-run': 'false',
  'netlify-api-url': 'https://api.netlify.com/api/v1',
  'timeout-seconds': '120',
} as const;

/** At most this many sites per repository: each costs Netlify requests on every command. */
export const MAX_SITES = 20;

export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    /** The input to fix. */
    readonly input: string,
    message: string,
  ) {
    super(message);
  }
}

/** Reads one input as the runner passes it: undefined when not set at all. */
export type InputReader = (name: string) => string | undefined;

const APP_SLUG = /^[a-z0-9][a-z0-9-]{0,98}$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,62})(?:\.[a-z0-9](?:[a-z0-9-]{0,62}))+$/i;
const MAP_LINE = /^([^\s:]+\/[^\s:]+)[ \t]*:(.*)$/;

/** An item of a list as an error message quotes it: one line, bounded. */
function quoted(item: string): string {
  const flat = item.replace(/\s+/g, ' ');
  return `"${flat.length > 60 ? `${flat.slice(0, 57)}...` : flat}"`;
}

/** A string input, trimmed, that must pass `ok`; `accepts` ends the one-line error. */
const text = (ok: (value: string) => boolean, accepts: string) => z.string().check(z.trim(), z.refine(ok, accepts));
const mapped = <T>(schema: z.ZodMiniType<string, string>, to: (value: string) => T) => z.pipe(schema, z.transform(to));

const token = (what: string) =>
  z.string().check(
    z.trim(),
    z.refine((value) => value !== '', `is empty: set it to ${what}`),
    z.refine((value) => !/\s/.test(value), `contains white space: set it to ${what} with nothing around it`),
  );

/** A comma- or newline-separated list; `problem` says what is wrong with an item, or null. */
const list = <T>(problem: (item: string) => string | null, to: (item: string) => T) =>
  z.pipe(
    z.string(),
    z.transform((value, ctx) => {
      const all = items(value);
      for (const item of all) {
        const wrong = problem(item);
        if (wrong) {
          ctx.issues.push({ code: 'custom', message: `${quoted(item)} ${wrong}`, input: value });
          return z.NEVER;
        }
      }
      return all.map(to);
    }),
  );

export function items(value: string): string[] {
  return value
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

const boolean = mapped(
  text((value) => /^(true|false)$/i.test(value), 'accepts true or false'),
  (value) => value.toLowerCase() === 'true',
);

const wholeNumber = (min: number, max: number, unit: string) =>
  mapped(
    text(
      (value) => /^\d{1,6}$/.test(value) && Number(value) >= min && Number(value) <= max,
      `accepts a whole number of ${unit} from ${min} to ${max}`,
    ),
    Number,
  );

const association = (item: string) => item.toUpperCase().replace(/-/g, '_');
const app = (item: string) => item.replace(/\[bot\]$/i, '');

/** What is wrong with one site item, or null. */
function siteProblem(item: string): string | null {
  if (UUID.test(item) || DOMAIN.test(item)) return null;
  if (SITE_NAME.test(item)) {
    return `is a site name, which the Netlify API does not take: use its domain ${item.toLowerCase()}.netlify.app or its API ID`;
  }
  return "is not a site: give the site's API ID (a UUID, Site configuration > General > Site information) or its domain such as my-site.netlify.app, not a URL or a path";
}

function siteList(value: string, ctx: { issues: unknown[] }, where: string): string[] | null {
  const all = items(value);
  for (const item of all) {
    const wrong = siteProblem(item);
    if (wrong) {
      ctx.issues.push({ code: 'custom', message: `${where}${quoted(item)} ${wrong}`, input: value });
      return null;
    }
  }
  const seen = new Set<string>();
  for (const item of all) {
    if (seen.has(item.toLowerCase())) {
      ctx.issues.push({ code: 'custom', message: `${where}lists ${quoted(item)} twice`, input: value });
      return null;
    }
    seen.add(item.toLowerCase());
  }
  if (all.length > MAX_SITES) {
    ctx.issues.push({
      code: 'custom',
      message: `${where}lists ${all.length} sites; at most ${MAX_SITES} are allowed`,
      input: value,
    });
    return null;
  }
  return all;
}

const siteConfig = z.pipe(
  z.string().check(
    z.trim(),
    z.refine(
      (value) => value !== '',
      "is empty: set it to the Netlify site's API ID (Site configuration > General > Site information) or its domain",
    ),
  ),
  z.transform((value, ctx): SiteConfig => {
    const lines = value
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    if (!lines.some((line) => MAP_LINE.test(line))) {
      return { kind: 'list', sites: siteList(value, ctx, ': ') ?? [] };
    }
    const map = new Map<string, string[]>();
    for (const line of lines) {
      const match = MAP_LINE.exec(line);
      const repository = match?.[1] ?? '';
      if (!match || !REPOSITORY.test(repository)) {
        ctx.issues.push({
          code: 'custom',
          message: `: line ${quoted(line)} is not of the form owner/repo: site[, site] (once one line is, every line must be)`,
          input: value,
        });
        return z.NEVER;
      }
      const key = repository.toLowerCase();
      if (map.has(key)) {
        ctx.issues.push({ code: 'custom', message: `: ${repository} has more than one line`, input: value });
        return z.NEVER;
      }
      const sites = siteList(match[2] as string, ctx, `: the line of ${repository}: `);
      if (!sites) return z.NEVER;
      if (sites.length === 0) {
        ctx.issues.push({ code: 'custom', message: `: the line of ${repository} names no site`, input: value });
        return z.NEVER;
      }
      map.set(key, sites);
    }
    return { kind: 'map', map };
  }),
);

const commandWord = (optional: boolean) =>
  text(
    (value) => (optional && value === '') || COMMAND_SHAPE.test(value),
    `accepts one word that starts with a slash, then letters, digits, - or _ (such as /retest)${optional ? ', or nothing to turn it off' : ''}`,
  );

const schemas = {
  'netlify-token': token('a Netlify personal access token from a secret, e.g. ${{ secrets.NETLIFY_AUTH_TOKEN }}'),
  'site-id': siteConfig,
  'github-token': token('a GitHub token, or leave it unset to use the workflow token'),
  'retest-command': commandWord(false),
  'rebuild-command': commandWord(false),
  'ok-to-test-command': commandWord(true),
  'trusted-associations': list(
    (item) =>
      (ASSOCIATIONS as readonly string[]).includes(association(item))
        ? null
        : `is not an author association: use ${ASSOCIATIONS.join(', ')}`,
    (item) => association(item) as Association,
  ),
  'trusted-users': list(
    (item) => {
      if (LOGIN.test(item)) return null;
      if (item.startsWith('@') && LOGIN.test(item.slice(1))) return 'is not a login: drop the @';
      if (/\[bot\]$/i.test(item)) return 'is an app: list it in trusted-apps without [bot]';
      return 'is not a GitHub login';
    },
    (item) => item,
  ),
  'trusted-apps': list((item) => (APP_SLUG.test(app(item)) ? null : 'is not a GitHub App name such as renovate'), app),
  'trusted-permission': mapped(
    text(
      (value) => (PERMISSION_LEVELS as readonly string[]).includes(value.toLowerCase()),
      `accepts one of ${PERMISSION_LEVELS.join(', ')}`,
    ),
    (value) => value.toLowerCase() as PermissionLevel,
  ),
  'ok-to-test-label': text(
    (value) => value !== '' && value.length <= 50 && !/[,\n]/.test(value),
    'accepts the name of a label of 1 to 50 characters, such as ok-to-test',
  ),
  'rebuild-trust': mapped(
    text((value) => /^(commenter|pr)$/i.test(value), 'accepts commenter or pr'),
    (value) => value.toLowerCase() as 'commenter' | 'pr',
  ),
  'quiet-retest': boolean,
  'deny-reply': boolean,
  'stuck-minutes': wholeNumber(0, 1440, 'minutes'),
  follow: mapped(
    text((value) => /^(true|false|next-job)$/i.test(value), 'accepts true, false or next-job'),
    (value): Settings['follow'] => {
      const lower = value.toLowerCase();
      return lower === 'true' ? 'here' : lower === 'next-job' ? 'next-job' : 'off';
    },
  ),
  'follow-minutes': wholeNumber(1, 60, 'minutes'),
  handoff: z.string().check(z.trim()),
  'dry-run': boolean,
  'netlify-api-url': mapped(
    text(
      isHttpUrl,
      'accepts an http(s) URL without credentials, query or fragment, such as https://api.netlify.com/api/v1',
    ),
    (value) => new URL(value.replace(/\/+$/, '')),
  ),
  'timeout-seconds': wholeNumber(5, 3600, 'seconds'),
} as const;

type InputName = keyof typeof schemas;
type Parsed = { [K in InputName]: z.output<(typeof schemas)[K]> };

export const INPUT_NAMES = Object.keys(schemas) as InputName[];

/** One input, parsed; an InputError when it is not valid. */
function parseInput<K extends InputName>(name: K, read: InputReader): Parsed[K] {
  const raw = read(name);
  const given =
    raw ??
    (name in INPUT_DEFAULTS && name !== 'github-token' ? INPUT_DEFAULTS[name as keyof typeof INPUT_DEFAULTS] : '');
  const parsed = z.safeParse(schemas[name], given);
  if (parsed.success) return parsed.data as Parsed[K];
  const message = parsed.error.issues[0]?.message ?? 'is not valid';
  throw new InputError(name, `Input ${name}${message.startsWith(':') ? '' : ' '}${message}.`);
}

export function readSettings(read: InputReader): Settings {
  const v = {} as Parsed;
  for (const name of INPUT_NAMES) (v as Record<InputName, unknown>)[name] = parseInput(name, read);
  const words = {
    retest: v['retest-command'],
    rebuild: v['rebuild-command'],
    okToTest: v['ok-to-test-command'] || null,
  };
  const lower = [words.retest, words.rebuild, words.okToTest ?? ''].map((word) => word.toLowerCase());
  if (lower[0] === lower[1]) {
    throw new InputError('rebuild-command', 'Inputs retest-command and rebuild-command must be different words.');
  }
  if (words.okToTest && (lower[2] === lower[0] || lower[2] === lower[1])) {
    throw new InputError(
      'ok-to-test-command',
      'Input ok-to-test-command must be a word other than retest-command and rebuild-command.',
    );
  }
  return {
    netlifyToken: v['netlify-token'],
    sites: v['site-id'],
    githubToken: v['github-token'],
    words,
    trust: {
      associations: v['trusted-associations'],
      users: v['trusted-users'],
      apps: v['trusted-apps'],
      permission: v['trusted-permission'],
      okToTestLabel: v['ok-to-test-label'],
      rebuildTrust: v['rebuild-trust'],
    },
    quietRetest: v['quiet-retest'],
    denyReply: v['deny-reply'],
    dryRun: v['dry-run'],
    netlifyApiUrl: v['netlify-api-url'],
    timeoutSeconds: v['timeout-seconds'],
    stuckMinutes: v['stuck-minutes'],
    follow: v.follow,
    followMinutes: v['follow-minutes'],
    handoff: v.handoff,
  };
}

/**
 * The command words as far as they can be read when some input is bad: each valid word, or its default.
 * Used to tell whether a comment holds a command, so that a bad configuration is answered on it.
 */
export function wordsDespiteErrors(read: InputReader): CommandWords {
  const word = (name: 'retest-command' | 'rebuild-command' | 'ok-to-test-command'): string => {
    try {
      return parseInput(name, read);
    } catch {
      return INPUT_DEFAULTS[name];
    }
  };
  return {
    retest: word('retest-command'),
    rebuild: word('rebuild-command'),
    okToTest: word('ok-to-test-command') || null,
  };
}

/** The sites listed for a repository (`owner/repo`, any case), or null when the map has no line for it. */
export function sitesFor(config: SiteConfig, repository: string): SiteRef[] | null {
  const ids = config.kind === 'list' ? config.sites : config.map.get(repository.toLowerCase());
  if (!ids) return null;
  return ids.map((id) => ({ id, name: nameFromId(id) }));
}

/**
 * What the inputs cannot be checked for without the event: on a public repository GitHub reports `read`
 * for every user, so trusted-permission read would trust everyone.
 */
export function checkAgainstRepository(settings: Settings, repositoryIsPrivate: boolean): void {
  if (!repositoryIsPrivate && settings.trust.permission === 'read') {
    throw new InputError(
      'trusted-permission',
      'Input trusted-permission is read, which on a public repository trusts everyone, since GitHub reports read for every user there: use triage or higher.',
    );
  }
}

function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (
    (url.protocol === 'https:' || url.protocol === 'http:') &&
    url.hostname !== '' &&
    url.username === '' &&
    url.password === '' &&
    url.search === '' &&
    url.hash === ''
  );
}
