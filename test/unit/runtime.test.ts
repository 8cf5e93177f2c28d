import { expect, test } from 'vitest';
import { actionYml } from '../lib/support/action.js';

test('the tests run on Node 24, the runtime action.yml declares', () => {
  const runs = (actionYml as unknown as { runs: { using: string; main: string } }).runs;
  expect(runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  expect(process.versions.node.split('.')[0]).toBe('24');
});
