import { describe, expect, test } from 'vitest';
import {
  choosePreview,
  type Deploy,
  type DeployPage,
  mayFindOlder,
  nameFromId,
  namesSite,
  reachesBefore,
  repeats,
  type SkippedDeploy,
  skippedPreviewOf,
} from '../../src/core/preview.js';
import { deploy } from './fixtures.js';

const d = (id: string, createdAt: string, over: Partial<Deploy> = {}) => deploy({ id, createdAt, ...over });
const page = (deploys: Deploy[], more = true, skipped: SkippedDeploy[] = []): DeployPage => ({
  deploys,
  more,
  skipped,
});

describe("choosePreview: the PR's newest deploy preview", () => {
  // [what, deploys, the id chosen for PR 42]
  const table: [string, Deploy[], string | null][] = [
    ['the only preview', [d('a', '2026-11-30T10:00:00Z')], 'a'],
    [
      'the newest by created_at, whatever the order',
      [d('old', '2026-11-30T10:00:00Z'), d('new', '2026-11-30T12:00:00Z'), d('mid', '2026-11-30T11:00:00Z')],
      'new',
    ],
    [
      'other PRs are not its previews',
      [d('pr41', '2026-11-30T12:00:00Z', { reviewId: 41 }), d('pr42', '2026-11-30T10:00:00Z')],
      'pr42',
    ],
    [
      'a branch deploy or production deploy with the same number is not',
      [
        d('branch', '2026-11-30T12:00:00Z', { context: 'branch-deploy' }),
        d('prod', '2026-11-30T13:00:00Z', { context: 'production' }),
        d('preview', '2026-11-30T10:00:00Z'),
      ],
      'preview',
    ],
    ['no review id', [d('x', '2026-11-30T10:00:00Z', { reviewId: null })], null],
    ['no context', [d('x', '2026-11-30T10:00:00Z', { context: null })], null],
    ['nothing at all', [], null],
  ];
  test.each(table)('%s', (_what, deploys, expected) => {
    expect(choosePreview(deploys, 42)?.id ?? null).toBe(expected);
  });
});

describe('paging: how far to look', () => {
  const prCreated = '2026-11-30T09:00:00Z';
  const newer = [d('1', '2026-11-30T12:00:00Z'), d('2', '2026-11-30T10:00:00Z')];
  const older = [d('1', '2026-11-30T12:00:00Z'), d('2', '2026-11-30T08:59:59Z')];
  const equal = [d('1', '2026-11-30T12:00:00Z'), d('2', prCreated)];

  // [what, page, reachesBefore, mayFindOlder]
  const table: [string, DeployPage, boolean, boolean][] = [
    ['a page still newer than the PR, more to come', page(newer), false, true],
    ['a page reaching back before the PR', page(older), true, false],
    ['a page whose oldest is as old as the PR', page(equal), false, true],
    ['the last page', page(newer, false), false, false],
    ['an empty page that says there is more', page([], true), false, false],
  ];
  test.each(table)('%s', (_what, p, before, more) => {
    expect(reachesBefore(p, prCreated)).toBe(before);
    expect(mayFindOlder(p, prCreated)).toBe(more);
  });

  // [what, page, previous page, repeats]
  const a = [d('1', '2026-11-30T12:00:00Z'), d('2', '2026-11-30T11:00:00Z')];
  const table2: [string, DeployPage, DeployPage | null, boolean][] = [
    ['the same ids in the same order: a Netlify that ignores page', page(a), page(a), true],
    ['the first page', page(a), null, false],
    ['other ids', page([d('3', '2026-11-30T10:00:00Z'), d('4', '2026-11-30T09:00:00Z')]), page(a), false],
    ['the same ids, another order', page([...a].reverse()), page(a), false],
    ['fewer deploys', page(a.slice(0, 1)), page(a), false],
    ['two empty pages', page([]), page([]), false],
  ];
  test.each(table2)('repeats: %s', (_what, p, previous, expected) => {
    expect(repeats(p, previous)).toBe(expected);
  });

  test("skippedPreviewOf finds the unreadable deploy that was the PR's preview", () => {
    const other: SkippedDeploy = { id: 's1', context: 'deploy-preview', reviewId: 7, problem: 'state: missing' };
    const branch: SkippedDeploy = { id: 's2', context: 'branch-deploy', reviewId: 42, problem: 'state: missing' };
    const ours: SkippedDeploy = {
      id: 's3',
      context: 'deploy-preview',
      reviewId: 42,
      problem: 'created_at: is not a date',
    };
    expect(skippedPreviewOf(page([], false, [other, branch, ours]), 42)).toEqual(ours);
    expect(skippedPreviewOf(page([], false, [other, branch]), 42)).toBeNull();
  });
});

describe('sites', () => {
  test.each([
    ['docs.netlify.app', 'docs'],
    ['Octo-Docs.Netlify.App', 'octo-docs'],
    ['3f1e2d4c-5b6a-4789-9abc-def012345678', null],
    ['docs.example.com', null],
    ['a.b.netlify.app', null],
    ['netlify.app', null],
    ['docs.netlify.app.evil.com', null],
  ])('nameFromId(%s) → %s', (id, name) => {
    expect(nameFromId(id)).toBe(name);
  });

  const site = { id: 'Docs.Example.com', name: 'octo-docs' };
  test.each([
    ['octo-docs', true],
    ['OCTO-DOCS', true],
    ['docs.example.com', true],
    ['docs', false],
    ['octo-docs.netlify.app', false],
    ['', false],
  ])('namesSite(%s) → %s', (word, expected) => {
    expect(namesSite(word, site)).toBe(expected);
  });

  test('a site whose name is unknown is named by its id only', () => {
    expect(namesSite('docs.example.com', { id: 'docs.example.com', name: null })).toBe(true);
    expect(namesSite('docs', { id: 'docs.example.com', name: null })).toBe(false);
  });
});
