/**
 * Issue 6's "done when", end to end: a fake that drops a field the action reads, a request with an
 * undeclared query parameter, and an event payload the webhook schema rejects each make the suite FAIL,
 * through the setup file alone. Runs a separate vitest on fixtures/slips.fixture.ts, whose tests pass on
 * what they assert, and reads which of them failed and why.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

interface JsonReport {
  testResults: { assertionResults: { title: string; status: string; failureMessages: string[] }[] }[];
}

async function runFixtures(): Promise<JsonReport> {
  const dir = mkdtempSync(join(tmpdir(), 'npr-slips-'));
  const output = join(dir, 'report.json');
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'NODE_OPTIONS'),
  );
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'node_modules/vitest/vitest.mjs'),
      'run',
      '--config',
      'test/contract/fixtures/vitest.config.ts',
      '--reporter=json',
      `--outputFile=${output}`,
    ],
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  try {
    expect(code, log).toBe(1); // the suite fails
    return JSON.parse(readFileSync(output, 'utf8')) as JsonReport;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('each slip fails the suite through the contract check, and nothing else does', { timeout: 120_000 }, async () => {
  const report = await runFixtures();
  const results = Object.fromEntries(
    report.testResults.flatMap((file) => file.assertionResults).map((r) => [r.title, r]),
  );
  const failure = (title: string) => results[title]?.failureMessages.join('\n') ?? '';
  expect(Object.fromEntries(Object.entries(results).map(([title, r]) => [title, r.status]))).toEqual({
    'control: nothing slips': 'passed',
    'slip: the fake drops a field the action reads': 'failed',
    'slip: a request carries an undeclared query parameter': 'failed',
    'slip: the event payload is one the webhook schema rejects': 'failed',
  });
  expect(failure('slip: the fake drops a field the action reads')).toContain(
    'listSiteDeploys 200 body[0] lacks error_message, which the action reads',
  );
  expect(failure('slip: a request carries an undeclared query parameter')).toContain(
    'listSiteDeploys: query parameter sort is not declared by the spec',
  );
  expect(failure('slip: the event payload is one the webhook schema rejects')).toContain(
    'issue_comment created payload/issue/author_association must be equal to one of the allowed values',
  );
  for (const title of Object.keys(results).filter((t) => t.startsWith('slip'))) {
    expect(failure(title)).toMatch(/^Error: Contract violations/);
  }
});
