import { describe, expect, test } from 'vitest';
import { INPUT_DEFAULTS, InputError, readSettings } from '../../src/settings.js';

const TOKEN = 'nfp_UnitTestToken0123456789';
/** Reads like the runner: every declared input is set, to the given value or action.yml's default. */
const reader = (given: Record<string, string>) => (name: string) =>
  given[name] ?? (name === 'github-token' ? 'ghs_x' : (INPUT_DEFAULTS as Record<string, string>)[name]);

const read = (given: Record<string, string>) =>
  readSettings(reader({ 'netlify-token': TOKEN, 'site-id': 'my-docs.netlify.app', ...given }));

describe('readSettings', () => {
  test('the defaults', () => {
    const settings = read({});
    expect(settings.words).toEqual({ retest: '/retest', rebuild: '/rebuild-preview' });
    expect(settings.trust).toEqual({
      associations: ['OWNER', 'MEMBER', 'COLLABORATOR'],
      users: [],
      apps: [],
      permission: 'write',
      okToTestLabel: 'ok-to-test',
    });
    expect(settings.quietRetest).toBe(false);
    expect(settings.dryRun).toBe(false);
    expect(settings.netlifyApiUrl.href).toBe('https://api.netlify.com/api/v1');
    expect(settings.timeoutSeconds).toBe(120);
  });

  test('lists take commas or new lines, any case and dashes for associations, apps with or without [bot]', () => {
    const settings = read({
      'trusted-associations': 'owner,\ncontributor, first-time-contributor',
      'trusted-users': 'tess, Max-1',
      'trusted-apps': 'renovate[bot]\nmy-app',
    });
    expect(settings.trust.associations).toEqual(['OWNER', 'CONTRIBUTOR', 'FIRST_TIME_CONTRIBUTOR']);
    expect(settings.trust.users).toEqual(['tess', 'Max-1']);
    expect(settings.trust.apps).toEqual(['renovate', 'my-app']);
  });

  test('unset inputs (not run by the runner) take the defaults', () => {
    const settings = readSettings((name) => ({ 'netlify-token': TOKEN, 'site-id': 'x', 'github-token': 'g' })[name]);
    expect(settings.words.retest).toBe('/retest');
    expect(settings.trust.permission).toBe('write');
  });

  test('an empty association list trusts no association', () => {
    expect(read({ 'trusted-associations': '' }).trust.associations).toEqual([]);
  });

  test('booleans, permission and the API URL', () => {
    const settings = read({
      'dry-run': 'TRUE',
      'quiet-retest': 'True',
      'trusted-permission': 'Maintain',
      'netlify-api-url': 'http://127.0.0.1:4010/api/v1/',
    });
    expect(settings.dryRun).toBe(true);
    expect(settings.quietRetest).toBe(true);
    expect(settings.trust.permission).toBe('maintain');
    expect(settings.netlifyApiUrl.href).toBe('http://127.0.0.1:4010/api/v1');
  });

  test.each([
    ['netlify-token', '', 'Input netlify-token is empty'],
    ['site-id', 'https://app.netlify.com/sites/x', 'Input site-id accepts'],
    [
      'trusted-permission',
      'superuser',
      'Input trusted-permission accepts one of none, read, triage, write, maintain, admin.',
    ],
    ['dry-run', 'maybe', 'Input dry-run accepts true or false.'],
    ['retest-command', 'retest', 'Input retest-command accepts one word that starts with a slash'],
  ])('%s = %j is refused with one line naming it', (name, value, message) => {
    let error: unknown;
    try {
      read({ [name]: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message.startsWith(message)).toBe(true);
    expect((error as Error).message).not.toContain('\n');
  });

  test('the token never appears in an error, even when it is what is wrong', () => {
    const bad = 'nfp_secret with space';
    expect(() => read({ 'netlify-token': bad })).toThrow(/Input netlify-token contains white space/);
    try {
      read({ 'netlify-token': bad });
    } catch (error) {
      expect((error as Error).message).not.toContain('nfp_secret');
    }
  });

  test('the same word for both commands is refused', () => {
    expect(() => read({ 'rebuild-command': '/RETEST' })).toThrow(
      'Inputs retest-command and rebuild-command must be different words.',
    );
  });
});
