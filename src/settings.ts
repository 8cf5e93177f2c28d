/**
 * Settings: the action's inputs, validated once through zod into a typed value.
 * A bad input stops the run before any request, with one line naming the input and what it accepts.
 * The Netlify token's value never appears in an error.
 */
import * as z from 'zod/mini';
import { COMMAND_SHAPE, type CommandWords } from './core/command.js';
import {
  ASSOCIATIONS,
  type Association,
  PERMISSION_LEVELS,
  type PermissionLevel,
  type TrustRules,
} from './core/trust.js';

export interface Settings {
  readonly netlifyToken: string;
  readonly siteId: string;
  readonly githubToken: string;
  readonly words: CommandWords;
  readonly trust: TrustRules;
  readonly quietRetest: boolean;
  readonly dryRun: boolean;
  readonly netlifyApiUrl: URL;
  readonly timeoutSeconds: number;
}

/** Each input's default, as action.yml declares it (a test keeps the two in step). */
export const INPUT_DEFAULTS = {
  'github-token': '${{ github.token }}',
  'retest-command': '/retest',
  'rebuild-command': '/rebuild-preview',
  'trusted-associations': 'OWNER, MEMBER, COLLABORATOR',
  'trusted-users': '',
  'trusted-apps': '',
  'trusted-permission': 'write',
  'ok-to-test-label': 'ok-to-test',
  'quiet-retest': 'false',
  'dry-run': 'false',
  'netlify-api-url': 'https://api.netlify.com/api/v1',
  'timeout-seconds': '120',
} as const;

export class InputError extends Error {
  override readonly name = 'InputError';
}

/** Reads one input as the runner passes it: undefined when not set at all (the runner sets every input
 * action.yml declares, with its default; a missing one means the action runs some other way). */
export type InputReader = (name: string) => string | undefined;

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const APP_SLUG = /^[a-z0-9][a-z0-9-]{0,98}$/i;
// A site's API ID is a UUID; the API also takes the site's domain (my-site.netlify.app).
const SITE_ID =
  /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9](?:[a-z0-9-]{0,62})(?:\.[a-z0-9](?:[a-z0-9-]{0,62}))*)$/i;

/** A string input, trimmed, that must pass `ok`; `accepts` ends the one-line error. */
const text = (ok: (value: string) => boolean, accepts: string) => z.string().check(z.trim(), z.refine(ok, accepts));
const mapped = <T>(schema: z.ZodMiniType<string, string>, to: (value: string) => T) => z.pipe(schema, z.transform(to));

const token = (what: string) =>
  z.string().check(
    z.trim(),
    z.refine((value) => value !== '', `is empty: set it to ${what}`),
    z.refine((value) => !/\s/.test(value), `contains white space: set it to ${what} with nothing around it`),
  );

/** A comma- or newline-separated list whose every item must pass `ok`. */
const list = <T>(ok: (item: string) => boolean, accepts: string, to: (item: string) => T) =>
  mapped(z.string().check(z.refine((value) => items(value).every(ok), accepts)), (value) => items(value).map(to));

function items(value: string): string[] {
  return value
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

const boolean = mapped(
  text((value) => /^(true|false)$/i.test(value), 'accepts true or false'),
  (value) => value.toLowerCase() === 'true',
);

const association = (item: string) => item.toUpperCase().replace(/-/g, '_');
const app = (item: string) => item.replace(/\[bot\]$/i, '');

const schemas = {
  'netlify-token': token('a Netlify personal access token from a secret, e.g. ${{ secrets.NETLIFY_AUTH_TOKEN }}'),
  'site-id': z.string().check(
    z.trim(),
    z.refine(
      (value) => value !== '',
      "is empty: set it to the Netlify site's API ID (Site configuration > General > Site information)",
    ),
    z.refine(
      (value) => SITE_ID.test(value),
      "accepts the Netlify site's API ID (a UUID) or its domain such as my-site.netlify.app, not a URL or a path",
    ),
  ),
  'github-token': token('a GitHub token, or leave it unset to use the workflow token'),
  'retest-command': commandWord(),
  'rebuild-command': commandWord(),
  'trusted-associations': list(
    (item) => (ASSOCIATIONS as readonly string[]).includes(association(item)),
    `accepts a comma-separated list of ${ASSOCIATIONS.join(', ')}`,
    (item) => association(item) as Association,
  ),
  'trusted-users': list(
    (item) => LOGIN.test(item),
    'accepts a comma-separated list of GitHub logins (apps go in trusted-apps)',
    (item) => item,
  ),
  'trusted-apps': list(
    (item) => APP_SLUG.test(app(item)),
    'accepts a comma-separated list of GitHub App names such as renovate',
    app,
  ),
  'trusted-permission': mapped(
    text(
      (value) => (PERMISSION_LEVELS as readonly string[]).includes(value.toLowerCase()),
      `accepts one of ${PERMISSION_LEVELS.join(', ')}`,
    ),
    (value) => value.toLowerCase() as PermissionLevel,
  ),
  'ok-to-test-label': text(
    (value) => value !== '' && value.length <= 50,
    'accepts the name of a label of 1 to 50 characters, such as ok-to-test',
  ),
  'quiet-retest': boolean,
  'dry-run': boolean,
  'netlify-api-url': mapped(
    text(
      isHttpUrl,
      'accepts an http(s) URL without credentials, query or fragment, such as https://api.netlify.com/api/v1',
    ),
    (value) => new URL(value.replace(/\/+$/, '')),
  ),
  'timeout-seconds': mapped(
    text(
      (value) => /^\d+$/.test(value) && Number(value) >= 5 && Number(value) <= 3600,
      'accepts a whole number of seconds from 5 to 3600',
    ),
    Number,
  ),
} as const;

type InputName = keyof typeof schemas;
type Parsed = { [K in InputName]: z.output<(typeof schemas)[K]> };

export function readSettings(read: InputReader): Settings {
  const values = {} as Record<InputName, unknown>;
  for (const name of Object.keys(schemas) as InputName[]) {
    const raw = read(name);
    const given =
      raw ??
      (name in INPUT_DEFAULTS && name !== 'github-token' ? INPUT_DEFAULTS[name as keyof typeof INPUT_DEFAULTS] : '');
    const parsed = z.safeParse(schemas[name], given);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InputError(`Input ${name} ${issue?.message ?? 'is not valid'}.`);
    }
    values[name] = parsed.data;
  }
  const v = values as Parsed;
  if (v['retest-command'].toLowerCase() === v['rebuild-command'].toLowerCase()) {
    throw new InputError('Inputs retest-command and rebuild-command must be different words.');
  }
  return {
    netlifyToken: v['netlify-token'],
    siteId: v['site-id'],
    githubToken: v['github-token'],
    words: { retest: v['retest-command'], rebuild: v['rebuild-command'] },
    trust: {
      associations: v['trusted-associations'],
      users: v['trusted-users'],
      apps: v['trusted-apps'],
      permission: v['trusted-permission'],
      okToTestLabel: v['ok-to-test-label'],
    },
    quietRetest: v['quiet-retest'],
    dryRun: v['dry-run'],
    netlifyApiUrl: v['netlify-api-url'],
    timeoutSeconds: v['timeout-seconds'],
  };
}

function commandWord() {
  return text(
    (value) => COMMAND_SHAPE.test(value),
    'accepts one word that starts with a slash, then letters, digits, - or _ (such as /retest)',
  );
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
