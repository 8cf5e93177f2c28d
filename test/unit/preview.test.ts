import { describe, expect, test } from 'vitest';
import { choosePreview, type Deploy, deployLogUrl, mayFindOlder } from '../../src/core/preview.js';

let n = 0;
const deploy = (over: Partial<Deploy>): Deploy => ({
  id: `d${++n}`,
  siteName: 'docs',
  state: 'ready',
  context: 'deploy-preview',
  reviewId: 7,
  commitRef: null,
  branch: null,
  url: null,
  createdAt: '2026-11-01T00:00:00Z',
  errorMessage: null,
  ...over,
});

describe('choosePreview', () => {
  test('the newest preview of the PR, by created_at, wherever it stands in the list', () => {
    const older = deploy({ createdAt: '2026-11-01T00:00:00Z' });
    const newest = deploy({ createdAt: '2026-11-03T00:00:00Z' });
    const middle = deploy({ createdAt: '2026-11-02T00:00:00Z' });
    expect(choosePreview([older, newest, middle], 7)).toBe(newest);
  });

  test.each([
    ['another PR', { reviewId: 8 }],
    ['a branch deploy', { context: 'branch-deploy' }],
    ['a production deploy with the same number', { context: 'production' }],
    ['no review id', { reviewId: null }],
  ])('ignores %s', (_name, over) => {
    expect(choosePreview([deploy(over as Partial<Deploy>)], 7)).toBeNull();
  });

  test('nothing in an empty page', () => {
    expect(choosePreview([], 7)).toBeNull();
  });
});

describe('mayFindOlder', () => {
  const page = (count: number, oldest: string) =>
    Array.from({ length: count }, (_, i) => deploy({ createdAt: i === count - 1 ? oldest : '2026-11-10T00:00:00Z' }));
  test.each([
    ['a full page still newer than the PR', page(100, '2026-11-05T00:00:00Z'), true],
    ['a full page reaching back before the PR', page(100, '2026-10-01T00:00:00Z'), false],
    ['a short page: the list ended', page(40, '2026-11-05T00:00:00Z'), false],
    ['an empty page', [], false],
  ])('%s → %s', (_name, deploys, expected) => {
    expect(mayFindOlder(deploys, 100, '2026-11-04T00:00:00Z')).toBe(expected);
  });
});

test('deployLogUrl links the deploy in the Netlify app', () => {
  expect(deployLogUrl(deploy({ id: 'abc123', siteName: 'my-docs' }))).toBe(
    'https://app.netlify.com/sites/my-docs/deploys/abc123',
  );
  expect(deployLogUrl(deploy({ siteName: null }))).toBeNull();
});
