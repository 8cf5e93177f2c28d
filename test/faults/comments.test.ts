/**
 * Odd and hostile comments, logins, labels and event payloads, in-process: huge comments, fences, CRLF,
 * invisible and look-alike characters, HTML comments, very long or odd logins, odd labels, malformed
 * payloads. Each is decided as a reader of the rendered comment would expect, ends on its own (a linear
 * parse of 64 KiB takes milliseconds), and holds the suite's invariants. (The attacks that an earlier
 * release fell to are in hostile.test.ts, through the bundle.)
 */
import { describe, expect, test } from 'vitest';
import type { Sandbox } from '../lib/support/sandbox.js';
import { commentPayload } from '../lib/support/payloads.js';
import { assertInvariants, errorLines, explain, type Played, Pool, play, retryPosts } from './harness.js';

const PR = 42;
const MAX = 65_536; // GitHub's limit on a comment's length
const pool = new Pool(16);

type Decided = 'retest' | 'rebuild' | 'ignored';

interface BodyCase {
  readonly what: string;
  readonly body: string;
  readonly decided: Decided;
}

/** `text` padded with `fill` to exactly `length` characters. */
function exactly(length: number, before: string, fill: string, after = ''): string {
  const room = length - before.length - after.length;
  const text = before + fill.repeat(Math.ceil(room / fill.length)).slice(0, room) + after;
  if (text.length !== length) throw new Error('bad padding');
  return text;
}

const lines = (count: number, line: string) => Array.from({ length: count }, () => line).join('\n');

const BODIES: readonly BodyCase[] = [
  {
    what: '65,536 characters, the command on the first line',
    body: exactly(MAX, '/retest\n', 'lorem ipsum '),
    decided: 'retest',
  },
  {
    what: '65,536 characters, the command on the last line',
    body: exactly(MAX, '', 'lorem ipsum ', '\n/retest'),
    decided: 'retest',
  },
  {
    what: 'one line of 65,536 characters: the command and blanks after it',
    body: exactly(MAX, '/retest', ' \t'),
    decided: 'retest',
  },
  {
    what: 'one line of 65,536 characters: the command and then words',
    body: exactly(MAX, '/retest', ' x'),
    decided: 'ignored',
  },
  { what: 'one line of 65,536 blanks before a word', body: exactly(MAX, '', ' ', 'x'), decided: 'ignored' },
  { what: '65,536 slashes', body: exactly(MAX, '', '/'), decided: 'ignored' },
  {
    what: '10,000 lines, the command on the last',
    body: `${lines(9_999, 'the build failed again')}\n/retest`,
    decided: 'retest',
  },
  { what: '10,000 empty lines, then the command', body: `${'\n'.repeat(10_000)}/retest`, decided: 'retest' },
  {
    what: '10,000 fence lines (all closed), then the command',
    body: `${lines(10_000, '```')}\n/retest`,
    decided: 'retest',
  },
  {
    what: '10,001 fence lines (the last left open), then the command',
    body: `${lines(10_001, '```')}\n/retest`,
    decided: 'ignored',
  },
  {
    what: '10,000 lines that each open an HTML comment, then the command',
    body: `${lines(10_000, '<!--')}\n/retest`,
    decided: 'ignored',
  },
  {
    what: '10,000 lines of the command inside one code fence',
    body: `\`\`\`\n${lines(10_000, '/retest')}\n\`\`\``,
    decided: 'ignored',
  },
  { what: 'an unclosed code fence', body: 'Try this:\n```\n/retest\n', decided: 'ignored' },
  { what: 'a fence nested in a longer fence', body: '````md\n```\n/retest\n```\n````', decided: 'ignored' },
  {
    what: 'a backtick fence inside a tilde fence, the command after both',
    body: '~~~\n```\n~~~\n/retest',
    decided: 'retest',
  },
  { what: 'a fence closed by a shorter fence (it stays open)', body: '````\n```\n/retest', decided: 'ignored' },
  { what: 'CRLF line ends', body: 'The preview failed.\r\n/retest\r\n', decided: 'retest' },
  { what: 'CRLF inside a fence', body: '```\r\n/retest\r\n```\r\n', decided: 'ignored' },
  { what: 'a zero-width space inside the word', body: '/\u200Bretest', decided: 'ignored' },
  { what: 'a zero-width space before the slash', body: '\u200B/retest', decided: 'ignored' },
  { what: 'a zero-width joiner after the word', body: '/retest\u200D', decided: 'ignored' },
  { what: 'a byte-order mark before the slash', body: '\uFEFF/retest', decided: 'ignored' },
  { what: 'a division slash instead of the slash', body: '\u2215retest', decided: 'ignored' },
  { what: 'a fraction slash instead of the slash', body: '\u2044retest', decided: 'ignored' },
  { what: 'a full-width slash instead of the slash', body: '\uFF0Fretest', decided: 'ignored' },
  { what: 'a Cyrillic e inside the word', body: '/r\u0435test', decided: 'ignored' },
  { what: 'a non-breaking space after the word', body: '/retest\u00A0', decided: 'ignored' },
  { what: 'the command in an HTML comment', body: '<!-- /retest -->', decided: 'ignored' },
  { what: 'the command in a multi-line HTML comment', body: '<!--\n/retest\n-->', decided: 'ignored' },
  {
    what: 'the command in an HTML comment that is never closed',
    body: 'Before.\n\n<!-- hidden\n/retest',
    decided: 'ignored',
  },
  { what: 'the command after a closed HTML comment', body: '<!-- template -->\n/retest', decided: 'retest' },
  { what: 'the command in a block quote', body: '> /retest', decided: 'ignored' },
  { what: 'the command as inline code', body: 'Comment `/retest` to retry.', decided: 'ignored' },
  { what: 'the command followed by a word', body: '/retest please', decided: 'ignored' },
  { what: 'the command in mixed case with blanks after it', body: '/ReTest \t', decided: 'retest' },
  { what: 'both commands: the first one wins', body: '/rebuild-preview\n/retest', decided: 'rebuild' },
  { what: 'a comment that is only blanks', body: ' \n\t\n ', decided: 'ignored' },
];

function seed(sandbox: Sandbox): void {
  sandbox.addPull(PR);
  sandbox.addPreview(PR, { state: 'error', createdAt: '2026-11-21T10:00:00Z' });
}

function checkDecided(played: Played, decided: Decided): void {
  const { run } = played;
  if (decided === 'ignored') {
    expect(run.outputs.result).toBe('ignored');
    expect(run.code).toBe(0);
    expect(played.github).toEqual([]);
  } else {
    expect(run.outputs).toMatchObject({ result: 'retried', command: decided });
    expect(retryPosts(played.netlify)).toHaveLength(1);
  }
  assertInvariants(played, { kind: decided === 'ignored' ? 'ignored' : 'command' });
}

describe('comment bodies', () => {
  for (const c of BODIES) {
    const played = pool.run(() =>
      play(seed, { body: c.body, prNumber: PR, login: 'alice', association: 'MEMBER', killAfterMs: 30_000 }),
    );
    test(`${c.what}: ${c.decided}`, { timeout: 120_000 }, async () => {
      const result = await played;
      explain(result, () => checkDecided(result, c.decided));
    });
  }
});

interface TrustCase {
  readonly what: string;
  readonly login: string;
  readonly association: string;
  readonly labels?: string[];
  /** failed: the payload is refused (a login GitHub cannot have), before any request. */
  readonly result: 'retried' | 'denied' | 'ignored' | 'failed';
  /** The permission read, when it must (or must not) be made. */
  readonly asksPermission?: boolean;
  /**
   * The fake decodes the path before matching it, so an encoded `/` in a login looks like a path of
   * some other operation to the contract check: that check is off for the case that sends one.
   */
  readonly slashInPath?: boolean;
}

const manyLabels = Array.from({ length: 100 }, (_, i) => `area/${'x'.repeat(40)}-${i}`);

const TRUST: readonly TrustCase[] = [
  {
    what: 'a member with a 1,000-character login (no GitHub login is longer than 39)',
    login: 'm'.repeat(1_000),
    association: 'MEMBER',
    result: 'failed',
    asksPermission: false,
  },
  {
    what: 'an outsider with a 1,000-character login',
    login: 'o'.repeat(1_000),
    association: 'NONE',
    result: 'failed',
    asksPermission: false,
  },
  {
    what: 'an outsider whose login holds slashes and dots (it cannot steer the permission read)',
    login: 'evil/../../admin',
    association: 'NONE',
    result: 'failed',
    asksPermission: false,
    slashInPath: true,
  },
  {
    what: 'an outsider on a PR with the ok-to-test label',
    login: 'newcomer',
    association: 'NONE',
    labels: ['ok-to-test'],
    result: 'retried',
    asksPermission: false,
  },
  {
    what: 'the ok-to-test label among 100 long label names',
    login: 'newcomer',
    association: 'FIRST_TIME_CONTRIBUTOR',
    labels: [...manyLabels, 'ok-to-test'],
    result: 'retried',
    asksPermission: false,
  },
  {
    what: 'a label with look-alike hyphens (ok\u2010to\u2010test)',
    login: 'newcomer',
    association: 'NONE',
    labels: ['ok\u2010to\u2010test'],
    result: 'denied',
  },
  {
    what: 'a label in capitals (OK-TO-TEST: GitHub label names are unique without regard to case)',
    login: 'newcomer',
    association: 'NONE',
    labels: ['OK-TO-TEST'],
    result: 'retried',
  },
  {
    what: 'a label with a trailing space',
    login: 'newcomer',
    association: 'NONE',
    labels: ['ok-to-test '],
    result: 'denied',
  },
  {
    what: 'a label with an emoji and the name inside',
    login: 'newcomer',
    association: 'NONE',
    labels: ['\u{1F680} ok-to-test'],
    result: 'denied',
  },
  { what: 'a bot that is not in trusted-apps', login: 'renovate[bot]', association: 'NONE', result: 'ignored' },
  { what: "the workflow's own bot", login: 'github-actions[bot]', association: 'NONE', result: 'ignored' },
];

describe('logins and labels', () => {
  for (const c of TRUST) {
    const played = pool.run(() =>
      play(
        (sandbox) => {
          seed(sandbox);
          if (c.slashInPath) sandbox.github.contract = null;
        },
        {
          body: '/retest',
          prNumber: PR,
          login: c.login,
          association: c.association,
          prAuthorAssociation: 'NONE',
          labels: c.labels,
          killAfterMs: 30_000,
        },
      ),
    );
    test(`${c.what}: ${c.result}`, { timeout: 120_000 }, async () => {
      const result = await played;
      explain(result, () => {
        expect(result.run.outputs.result).toBe(c.result);
        expect(retryPosts(result.netlify)).toHaveLength(c.result === 'retried' ? 1 : 0);
        const permissionReads = result.github.filter((r) => r.path.endsWith('/permission'));
        if (c.asksPermission !== undefined) expect(permissionReads.length > 0).toBe(c.asksPermission);
        // A login cannot steer the permission read to another path.
        for (const r of permissionReads)
          expect(r.path).toBe(`/repos/octo-org/docs/collaborators/${c.login}/permission`);
        if (c.result === 'failed') {
          expect(errorLines(result.run).join('\n')).toMatch(/malformed at comment\.user\.login/);
          expect(result.github).toEqual([]);
        }
        assertInvariants(result, { kind: c.result === 'ignored' || c.result === 'failed' ? 'ignored' : 'command' });
      });
    });
  }
});

interface PayloadCase {
  readonly what: string;
  /** The event file's text. */
  readonly raw: string;
  /** What the one error line must name. */
  readonly names: RegExp;
}

/** A valid payload with one change, written as the event file's text. */
function changed(change: (payload: Record<string, any>) => void): string {
  const payload = commentPayload({ body: '/retest', prNumber: PR, association: 'MEMBER' });
  change(payload);
  return JSON.stringify(payload);
}

const MALFORMED = /The issue_comment event payload is malformed at /;

const PAYLOADS: readonly PayloadCase[] = [
  {
    what: 'an event file that is not JSON',
    raw: '{"action": "created", "comment": {"body": "/retest"',
    names: /not JSON/,
  },
  { what: 'an empty event file', raw: '', names: /not JSON/ },
  { what: 'null', raw: 'null', names: /not JSON|malformed/ },
  { what: 'an array', raw: '[]', names: MALFORMED },
  { what: 'a string', raw: '"/retest"', names: MALFORMED },
  { what: 'no comment', raw: changed((p) => delete p.comment), names: /malformed at comment \(/ },
  { what: 'no issue', raw: changed((p) => delete p.issue), names: /malformed at issue \(/ },
  { what: 'no repository', raw: changed((p) => delete p.repository), names: /malformed at repository \(/ },
  {
    what: 'a comment body that is a number',
    raw: changed((p) => (p.comment.body = 42)),
    names: /malformed at comment\.body/,
  },
  {
    what: 'a comment body that is a list',
    raw: changed((p) => (p.comment.body = ['/retest'])),
    names: /malformed at comment\.body/,
  },
  {
    what: 'a PR number that is a string',
    raw: changed((p) => (p.issue.number = '42')),
    names: /malformed at issue\.number/,
  },
  { what: 'a negative PR number', raw: changed((p) => (p.issue.number = -1)), names: /malformed at issue\.number/ },
  { what: 'a fractional PR number', raw: changed((p) => (p.issue.number = 4.2)), names: /malformed at issue\.number/ },
  {
    what: 'a comment id that is a string',
    raw: changed((p) => (p.comment.id = 'abc')),
    names: /malformed at comment\.id/,
  },
  {
    what: 'an empty commenter login',
    raw: changed((p) => (p.comment.user.login = '')),
    names: /malformed at comment\.user\.login/,
  },
  {
    what: 'labels that are a string',
    raw: changed((p) => (p.issue.labels = 'ok-to-test')),
    names: /malformed at issue\.labels/,
  },
  { what: 'a label that is null', raw: changed((p) => (p.issue.labels = [null])), names: /malformed at issue\.labels/ },
  {
    what: 'no author association',
    raw: changed((p) => delete p.comment.author_association),
    names: /malformed at comment\.author_association/,
  },
  {
    what: 'a PR node id that is a number',
    raw: changed((p) => (p.issue.node_id = 7)),
    names: /malformed at issue\.node_id/,
  },
];

describe('malformed event payloads end with a clear error, not a crash', () => {
  for (const c of PAYLOADS) {
    const played = pool.run(() => play(seed, { body: '/retest', rawPayload: c.raw, killAfterMs: 30_000 }));
    test(c.what, { timeout: 120_000 }, async () => {
      const result = await played;
      explain(result, () => {
        const { run } = result;
        expect(run.code).toBe(1);
        expect(run.outputs.result).toBe('failed');
        const errors = errorLines(run);
        expect(errors).toHaveLength(1);
        expect(errors[0]).toMatch(c.names);
        expect(errors[0]).not.toMatch(/Unexpected error|TypeError|Cannot read/);
        expect(run.stderr).toBe('');
        expect(result.netlify).toEqual([]);
        expect(result.github).toEqual([]);
        assertInvariants(result, { kind: 'ignored' });
      });
    });
  }
});
