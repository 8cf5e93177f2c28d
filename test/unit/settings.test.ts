import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import {
  checkAgainstRepository,
  INPUT_DEFAULTS,
  InputError,
  readSettings,
  type Settings,
  sitesFor,
  wordsDespiteErrors,
} from '../../src/settings.js';

const NETLIFY_TOKEN = 'nfp_Zq8vK2mW9xR4tY7uP1sD6fG3hJ5kL0aB';
const GITHUB_TOKEN = 'ghs_Qw3Er5Ty7Ui9Op1As2Df4Gh6Jk8Lz0Xc';
const UUID = '3f1e2d4c-5b6a-4789-9abc-def012345678';

/** The runner's inputs: the required ones, the workflow token, and `over`; anything else unset. */
const reader = (over: Record<string, string> = {}) => {
  const inputs: Record<string, string> = {
    'netlify-token': NETLIFY_TOKEN,
    'site-id': UUID,
    'github-token': GITHUB_TOKEN,
    ...over,
  };
  return (name: string) => inputs[name];
};
const read = (over: Record<string, string> = {}) => readSettings(reader(over));

function errorOf(over: Record<string, string>): InputError {
  try {
    read(over);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error(`no error for ${JSON.stringify(over)}`);
}

describe('the defaults', () => {
  test('every default parses, into what action.yml promises', () => {
    const settings = read();
    expect(settings).toMatchObject({
      netlifyToken: NETLIFY_TOKEN,
      githubToken: GITHUB_TOKEN,
      sites: { kind: 'list', sites: [UUID] },
      words: { retest: '/retest', rebuild: '/rebuild-preview', okToTest: null },
      trust: {
        associations: ['OWNER', 'MEMBER', 'COLLABORATOR'],
        users: [],
        apps: [],
        permission: 'write',
        okToTestLabel: 'ok-to-test',
        rebuildTrust: 'commenter',
      },
      quietRetest: false,
      denyReply: true,
      dryRun: false,
      timeoutSeconds: 120,
      stuckMinutes: 30,
      follow: 'off',
      followMinutes: 20,
      handoff: '',
    } satisfies Partial<Settings>);
    expect(settings.netlifyApiUrl.href).toBe('https://api.netlify.com/api/v1');
  });

  test.each(Object.entries(INPUT_DEFAULTS).filter(([name]) => name !== 'github-token'))(
    'the default of %s parses when given as the value',
    (name, value) => {
      expect(() => read({ [name]: value })).not.toThrow();
    },
  );

  test('the defaults are the ones action.yml declares', () => {
    const yml = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
      inputs: Record<string, { default?: string }>;
    };
    const declared = Object.fromEntries(
      Object.entries(yml.inputs)
        .filter(([, input]) => input.default !== undefined)
        .map(([name, input]) => [name, String(input.default)]),
    );
    expect(declared).toEqual(INPUT_DEFAULTS);
  });
});

describe('a bad input is one line that names it', () => {
  // [input, value, what the message says]
  const table: [string, string, string][] = [
    ['netlify-token', '', 'is empty'],
    ['netlify-token', `${NETLIFY_TOKEN} extra`, 'contains white space'],
    ['github-token', '  ', 'is empty'],
    ['github-token', `Bearer ${GITHUB_TOKEN}`, 'contains white space'],
    ['site-id', '', 'is empty'],
    [
      'site-id',
      'octo-docs',
      '"octo-docs" is a site name, which the Netlify API does not take: use its domain octo-docs.netlify.app',
    ],
    ['site-id', 'https://octo-docs.netlify.app', 'is not a site'],
    ['site-id', 'octo-docs.netlify.app/path', 'is not a site'],
    ['site-id', 'docs.netlify.app, blog.netlify.app\nDOCS.netlify.app', 'lists "DOCS.netlify.app" twice'],
    ['retest-command', 'retest', 'starts with a slash'],
    ['retest-command', '/re test', 'starts with a slash'],
    ['rebuild-command', '', 'starts with a slash'],
    ['ok-to-test-command', 'ok', 'or nothing to turn it off'],
    ['trusted-associations', 'OWNER, boss', '"boss" is not an author association'],
    ['trusted-users', 'alice, @stranger', '"@stranger" is not a login: drop the @'],
    ['trusted-users', 'renovate[bot]', '"renovate[bot]" is an app: list it in trusted-apps without [bot]'],
    ['trusted-users', 'not a login', '"not a login" is not a GitHub login'],
    ['trusted-apps', 'renovate, my app', '"my app" is not a GitHub App name'],
    ['trusted-permission', 'root', 'accepts one of none, read, triage, write, maintain, admin'],
    ['ok-to-test-label', 'a,b', 'accepts the name of a label'],
    ['ok-to-test-label', 'x'.repeat(51), 'accepts the name of a label'],
    ['rebuild-trust', 'anyone', 'accepts commenter or pr'],
    ['quiet-retest', 'yes', 'accepts true or false'],
    ['deny-reply', 'no', 'accepts true or false'],
    ['dry-run', '1', 'accepts true or false'],
    ['stuck-minutes', '1441', 'from 0 to 1440'],
    ['stuck-minutes', '-1', 'from 0 to 1440'],
    ['stuck-minutes', '1.5', 'from 0 to 1440'],
    ['stuck-minutes', 'thirty', 'from 0 to 1440'],
    ['follow', 'later', 'accepts true, false or next-job'],
    ['follow-minutes', '0', 'from 1 to 60'],
    ['follow-minutes', '61', 'from 1 to 60'],
    ['netlify-api-url', 'ftp://api.netlify.com', 'accepts an http(s) URL'],
    ['netlify-api-url', 'https://user:pass@api.netlify.com', 'without credentials'],
    ['netlify-api-url', 'https://api.netlify.com/api/v1?x=1', 'without credentials, query or fragment'],
    ['timeout-seconds', '4', 'from 5 to 3600'],
  ];

  test.each(table)('%s: %j', (input, value, says) => {
    const error = errorOf({ [input]: value });
    expect(error.input).toBe(input);
    expect(error.message.startsWith(`Input ${input}`)).toBe(true);
    expect(error.message).toContain(says);
    expect(error.message).not.toMatch(/[\r\n]/);
  });

  test.each([
    ['netlify-token', `${NETLIFY_TOKEN} extra`],
    ['netlify-token', `\n${NETLIFY_TOKEN}\n${NETLIFY_TOKEN}`],
    ['github-token', `token ${GITHUB_TOKEN}`],
  ])('a bad %s is not echoed', (input, value) => {
    const message = errorOf({ [input]: value }).message;
    for (const secret of [NETLIFY_TOKEN, GITHUB_TOKEN]) {
      for (let at = 0; at + 8 <= secret.length; at++) expect(message).not.toContain(secret.slice(at, at + 8));
    }
  });

  test('a long bad item is quoted cut, on one line', () => {
    const error = errorOf({ 'trusted-users': `${'x'.repeat(100)}!` });
    expect(error.message).toContain(`"${'x'.repeat(57)}..."`);
  });
});

describe('the inputs that are valid', () => {
  // [what, inputs, what settings hold]
  const table: [string, Record<string, string>, Partial<Settings> | Record<string, unknown>][] = [
    [
      'lists, newline-separated',
      { 'trusted-users': 'alice\nbob\r\n  carol \n\n' },
      { trust: expect.objectContaining({ users: ['alice', 'bob', 'carol'] }) },
    ],
    [
      'lists, comma-separated',
      { 'trusted-users': 'alice, bob,carol' },
      { trust: expect.objectContaining({ users: ['alice', 'bob', 'carol'] }) },
    ],
    [
      'associations in any case, with - for _',
      { 'trusted-associations': 'owner\nfirst-time-contributor' },
      { trust: expect.objectContaining({ associations: ['OWNER', 'FIRST_TIME_CONTRIBUTOR'] }) },
    ],
    [
      'apps with or without [bot]',
      { 'trusted-apps': 'renovate[bot], dependabot' },
      { trust: expect.objectContaining({ apps: ['renovate', 'dependabot'] }) },
    ],
    [
      'a permission in any case',
      { 'trusted-permission': 'Maintain' },
      { trust: expect.objectContaining({ permission: 'maintain' }) },
    ],
    ['rebuild-trust pr', { 'rebuild-trust': 'PR' }, { trust: expect.objectContaining({ rebuildTrust: 'pr' }) }],
    ['stuck-minutes 0: never stuck', { 'stuck-minutes': '0' }, { stuckMinutes: 0 }],
    ['stuck-minutes 1440', { 'stuck-minutes': '1440' }, { stuckMinutes: 1440 }],
    ['follow true', { follow: 'true' }, { follow: 'here' }],
    ['follow FALSE', { follow: 'FALSE' }, { follow: 'off' }],
    ['follow next-job', { follow: 'Next-Job' }, { follow: 'next-job' }],
    ['follow-minutes 1', { 'follow-minutes': '1' }, { followMinutes: 1 }],
    ['follow-minutes 60', { 'follow-minutes': '60' }, { followMinutes: 60 }],
    ['deny-reply false', { 'deny-reply': 'False' }, { denyReply: false }],
    ['quiet-retest true', { 'quiet-retest': 'TRUE' }, { quietRetest: true }],
    [
      'words of their own',
      { 'retest-command': '/test', 'rebuild-command': '/netlify-rebuild', 'ok-to-test-command': '/ok-to-test' },
      { words: { retest: '/test', rebuild: '/netlify-rebuild', okToTest: '/ok-to-test' } },
    ],
    [
      'a token with white space around it',
      { 'netlify-token': `  ${NETLIFY_TOKEN}\n` },
      { netlifyToken: NETLIFY_TOKEN },
    ],
  ];
  test.each(table)('%s', (_what, over, expected) => {
    expect(read(over)).toMatchObject(expected);
  });

  test.each([
    ['/retest', '/RETEST', 'rebuild-command'],
    ['/x', '/x', 'rebuild-command'],
  ])('retest %s and rebuild %s must differ', (retest, rebuild, input) => {
    const error = errorOf({ 'retest-command': retest, 'rebuild-command': rebuild });
    expect(error.input).toBe(input);
    expect(error.message).toContain('must be different words');
  });

  test.each(['/retest', '/Rebuild-Preview'])('ok-to-test-command %s must differ from both', (word) => {
    const error = errorOf({ 'ok-to-test-command': word });
    expect(error.input).toBe('ok-to-test-command');
    expect(error.message).toContain('must be a word other than');
  });
});

describe('site-id', () => {
  const many = (n: number, sep = ',') => Array.from({ length: n }, (_, i) => `site-${i}.netlify.app`).join(sep);
  // [what, site-id, the sites for octo-org/docs, or the message]
  const table: [string, string, string[] | null | RegExp][] = [
    ['a UUID', UUID, [UUID]],
    ['a UUID in upper case', UUID.toUpperCase(), [UUID.toUpperCase()]],
    ['a netlify.app domain', 'octo-docs.netlify.app', ['octo-docs.netlify.app']],
    ['a custom domain', 'docs.example.com', ['docs.example.com']],
    ['several, comma-separated', `octo-docs.netlify.app, ${UUID}`, ['octo-docs.netlify.app', UUID]],
    ['several, newline-separated', `octo-docs.netlify.app\n${UUID}\n`, ['octo-docs.netlify.app', UUID]],
    ['20 sites', many(20, '\n'), Array.from({ length: 20 }, (_, i) => `site-${i}.netlify.app`)],
    ['21 sites', many(21), /lists 21 sites; at most 20 are allowed/],
    ['a bare site name', 'octo-docs', /use its domain octo-docs\.netlify\.app/],
    ['a bare site name among others', `${UUID}, Octo-Docs`, /"Octo-Docs" is a site name.*octo-docs\.netlify\.app/],
    ['a URL', 'https://app.netlify.com/sites/octo-docs', /is not a site/],
    [
      'the map: this repository, any case',
      'Octo-Org/Docs: octo-docs.netlify.app, blog.netlify.app\nocto-org/api: api.netlify.app',
      ['octo-docs.netlify.app', 'blog.netlify.app'],
    ],
    ['the map: no line for this repository', 'octo-org/api: api.netlify.app', null],
    [
      'the map mixed with a plain list',
      `octo-org/docs: octo-docs.netlify.app\n${UUID}`,
      /is not of the form owner\/repo: site\[, site\]/,
    ],
    [
      'the map: a repository twice, in another case',
      'octo-org/docs: a.netlify.app\nOCTO-ORG/DOCS: b.netlify.app',
      /OCTO-ORG\/DOCS has more than one line/,
    ],
    [
      'the map: a line with no site',
      'octo-org/docs:\nocto-org/api: api.netlify.app',
      /the line of octo-org\/docs names no site/,
    ],
    [
      'the map: a bare site name',
      'octo-org/docs: octo-docs',
      /the line of octo-org\/docs: "octo-docs" is a site name.*octo-docs\.netlify\.app/,
    ],
    [
      'the map: a bad owner',
      'octo!org/docs: a.netlify.app',
      /line "octo!org\/docs: a\.netlify\.app" is not of the form/,
    ],
    ['a repository with a space is no map line', 'octo org/docs: a.netlify.app', /is not a site/],
    ['the map: 21 sites on a line', `octo-org/docs: ${many(21)}`, /the line of octo-org\/docs: lists 21 sites/],
  ];

  test.each(table)('%s', (_what, value, expected) => {
    if (expected instanceof RegExp) {
      const error = errorOf({ 'site-id': value });
      expect(error.input).toBe('site-id');
      expect(error.message.startsWith('Input site-id')).toBe(true);
      expect(error.message).toMatch(expected);
      expect(error.message).not.toMatch(/[\r\n]/);
      return;
    }
    const sites = sitesFor(read({ 'site-id': value }).sites, 'octo-org/docs');
    expect(sites?.map((site) => site.id) ?? null).toEqual(expected);
  });

  test('a netlify.app domain gives the site its name; a UUID or another domain does not', () => {
    const sites = sitesFor(read({ 'site-id': `Octo-Docs.netlify.app, ${UUID}, docs.example.com` }).sites, 'any/repo');
    expect(sites).toEqual([
      { id: 'Octo-Docs.netlify.app', name: 'octo-docs' },
      { id: UUID, name: null },
      { id: 'docs.example.com', name: null },
    ]);
  });

  test('the map is looked up without regard to case', () => {
    const config = read({ 'site-id': 'octo-org/docs: octo-docs.netlify.app' }).sites;
    expect(sitesFor(config, 'Octo-Org/DOCS')?.map((s) => s.id)).toEqual(['octo-docs.netlify.app']);
  });

  test('a plain list serves every repository', () => {
    expect(sitesFor(read().sites, 'someone/else')?.map((s) => s.id)).toEqual([UUID]);
  });
});

describe('checkAgainstRepository', () => {
  // [trusted-permission, private repository, refused]
  test.each([
    ['read', false, true],
    ['read', true, false],
    ['triage', false, false],
    ['write', false, false],
    ['none', false, false],
  ] as const)('%s on a %s repository → refused %s', (permission, isPrivate, refused) => {
    const settings = read({ 'trusted-permission': permission });
    const check = () => checkAgainstRepository(settings, isPrivate);
    if (!refused) return expect(check).not.toThrow();
    expect(check).toThrow(InputError);
    expect(check).toThrow(/^Input trusted-permission is read, which on a public repository trusts everyone/);
  });
});

describe('wordsDespiteErrors: the words a bad configuration is still answered on', () => {
  // [inputs, words]
  test.each([
    [{}, { retest: '/retest', rebuild: '/rebuild-preview', okToTest: null }],
    [
      { 'retest-command': 'bad', 'rebuild-command': '/netlify-rebuild' },
      { retest: '/retest', rebuild: '/netlify-rebuild', okToTest: null },
    ],
    [{ 'ok-to-test-command': '/ok' }, { retest: '/retest', rebuild: '/rebuild-preview', okToTest: '/ok' }],
    [
      { 'ok-to-test-command': 'no slash', 'netlify-token': '' },
      { retest: '/retest', rebuild: '/rebuild-preview', okToTest: null },
    ],
  ])('%j → %j', (over, words) => {
    expect(wordsDespiteErrors(reader(over))).toEqual(words);
  });
});
