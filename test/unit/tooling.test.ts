/**
 * The project's own tooling, where a new user met it: `npm test` on a Node older than 24 (the node
 * devDependency's install script skipped) stops at once with one line that says why and what to run.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { problem } from '../../scripts/require-node.mjs';
import { ROOT } from '../lib/root.js';

describe('npm test needs Node 24', () => {
  test.each([
    ['20.20.2', 'npm test needs Node 24, and this is Node 20.20.2'],
    ['22.12.0', 'npm test needs Node 24, and this is Node 22.12.0'],
  ])('Node %s: one line naming the version and the fix', (version, start) => {
    const line = problem(version) as string;
    expect(line.startsWith(start)).toBe(true);
    expect(line).toContain('Run: npm rebuild node');
    expect(line).not.toContain('\n');
  });

  test.each(['24.0.0', '24.21.0', '25.1.0'])('Node %s: no problem', (version) => {
    expect(problem(version)).toBeNull();
  });

  test('the pretest script passes on the Node that runs the tests (24)', () => {
    expect(() =>
      execFileSync(process.execPath, [join(ROOT, 'scripts/require-node.mjs')], { stdio: 'pipe' }),
    ).not.toThrow();
  });
});
