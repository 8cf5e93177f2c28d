/** How trust is said in the log: an association with the right article ("an owner", not "a owner"). */
import { describe, expect, test } from 'vitest';
import { associationPhrase, groundText } from '../../src/core/sentences.js';

describe('associations, with their articles', () => {
  test.each([
    ['OWNER', '@maria is an owner of the repository'],
    ['MEMBER', '@maria is a member of the repository'],
    ['COLLABORATOR', '@maria is a collaborator of the repository'],
    ['CONTRIBUTOR', '@maria is a contributor of the repository'],
    ['FIRST_TIME_CONTRIBUTOR', '@maria is a first-time contributor of the repository'],
    ['FIRST_TIMER', '@maria is a first-timer of the repository'],
    ['MANNEQUIN', '@maria is a mannequin of the repository'],
    ['NONE', '@maria is without any association with the repository'],
  ])('%s', (association, said) => {
    expect(groundText({ kind: 'association', association }, 'maria')).toBe(said);
  });

  test("the PR's author is said the same way", () => {
    expect(groundText({ kind: 'author', association: 'OWNER' }, 'x')).toBe(
      "the PR's author is an owner of the repository",
    );
    expect(associationPhrase('ORGANIZATION_OWNER')).toBe('an organization owner of');
  });
});
