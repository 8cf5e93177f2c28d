/**
 * The official toolkit as the reference the action is held to, though the action does not load it (it costs
 * more than a whole command to load: docs/design.md):
 * - src/toolkit.ts writes what @actions/core writes for the same calls: the same GITHUB_OUTPUT values, the
 *   same workflow commands, the same summary;
 * - the fake GitHub answers @actions/github's Octokit as GitHub does: the official client reads its answers.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import { getOctokit } from '@actions/github';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { runnerToolkit } from '../../src/toolkit.js';
import { FakeGitHub } from '../lib/fakes/github.js';
import { parseOutputs } from '../lib/support/action.js';
import { GITHUB_TOKEN, OWNER, REPO } from '../lib/support/sandbox.js';

describe('src/toolkit.ts writes what @actions/core writes', () => {
  let dir: string;
  let exitCode: typeof process.exitCode;
  const saved: Record<string, string | undefined> = {};

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'npr-reference-'));
    exitCode = process.exitCode;
    for (const name of ['GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY']) saved[name] = process.env[name];
  });
  afterEach(() => {
    process.exitCode = exitCode;
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  /** The files and the stdout a set of calls leaves, through `calls` of one toolkit or the other. */
  function leaves(calls: (kit: 'ours' | 'core') => void, kit: 'ours' | 'core') {
    const output = join(dir, `${kit}-output`);
    const summary = join(dir, `${kit}-summary`);
    writeFileSync(output, '');
    writeFileSync(summary, '');
    process.env.GITHUB_OUTPUT = output;
    process.env.GITHUB_STEP_SUMMARY = summary;
    const written: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    try {
      calls(kit);
    } finally {
      spy.mockRestore();
    }
    return {
      outputs: parseOutputs(readFileSync(output, 'utf8')),
      lines: written.join('').split(/\r?\n/).filter(Boolean),
      summary: readFileSync(summary, 'utf8'),
    };
  }

  const values: Record<string, string> = {
    result: 'retried',
    reason: 'The deploy preview had failed, so a retry was requested.',
    results: JSON.stringify([{ site: 'docs.netlify.app', result: 'retried' }]),
    'build-state': '',
    multiline: 'first line\nsecond line',
  };

  test('outputs (one-line, empty, multi-line, JSON), masks, warnings, failures and the summary', async () => {
    const secret = 'nfp_ReferenceSecret0123456789';
    let failed = 0;
    const run = (kit: 'ours' | 'core') => {
      if (kit === 'ours') {
        const ours = runnerToolkit(process.env, {
          write: (text) => void process.stdout.write(text),
          failed: () => void failed++,
        });
        ours.mask(secret);
        ours.setOutputs(values);
        ours.warning('Could not add the eyes reaction: 100% sure.');
        ours.fail('Input site-id is empty.');
        ours.appendSummary('<h3>Netlify preview: retried</h3>\n');
        return;
      }
      core.setSecret(secret);
      for (const [name, value] of Object.entries(values)) core.setOutput(name, value);
      core.warning('Could not add the eyes reaction: 100% sure.');
      core.setFailed('Input site-id is empty.');
    };
    const ours = leaves(run, 'ours');
    const theirs = leaves(run, 'core');
    await core.summary.addRaw('<h3>Netlify preview: retried</h3>', true).write();
    expect(ours.outputs).toEqual(theirs.outputs);
    expect(ours.outputs).toEqual(values);
    expect(ours.lines).toEqual(theirs.lines);
    expect(ours.summary).toBe(readFileSync(join(dir, 'core-summary'), 'utf8'));
    expect(failed).toBe(1);
    expect(process.exitCode).toBe(1); // set by core.setFailed: the toolkit's own failure goes through its sink
  });
});

describe("the fake GitHub answers @actions/github's Octokit as GitHub does", () => {
  let github: FakeGitHub;
  beforeAll(async () => {
    github = new FakeGitHub(OWNER, REPO, GITHUB_TOKEN);
    await github.start();
    github.addPull({
      number: 7,
      node_id: 'PR_kwDOpr7',
      state: 'open',
      title: 'Docs change',
      created_at: '2026-11-20T10:00:00Z',
      updated_at: '2026-11-21T10:00:00Z',
      author: 'alice',
      head: { sha: 'b2'.repeat(20), ref: 'docs-change' },
    });
  });
  afterAll(() => github.stop());

  test('REST: the pull request, a permission, a reaction and a label; GraphQL: a comment, then its edit', async () => {
    const octokit = getOctokit(GITHUB_TOKEN, { baseUrl: github.apiUrl });
    const pull = await octokit.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 7 });
    expect(pull.data).toMatchObject({ number: 7, state: 'open', head: { sha: 'b2'.repeat(20), ref: 'docs-change' } });
    const permission = await octokit.rest.repos.getCollaboratorPermissionLevel({
      owner: OWNER,
      repo: REPO,
      username: 'reader',
    });
    expect(permission.data.permission).toBe('read');
    const commentNodeId = github.commentNodeId(55);
    const reaction = await octokit.rest.reactions.createForIssueComment({
      owner: OWNER,
      repo: REPO,
      comment_id: 55,
      content: 'eyes',
    });
    expect(reaction.data.content).toBe('eyes');
    const labels = await octokit.rest.issues.addLabels({
      owner: OWNER,
      repo: REPO,
      issue_number: 7,
      labels: ['ok-to-test'],
    });
    expect(labels.data.map((label) => label.name)).toEqual(['ok-to-test']);

    const posted = await octokit.graphql<{ reply: { commentEdge: { node: { id: string; url: string } } } }>(
      'mutation($subject: ID!, $body: String!) { reply: addComment(input: {subjectId: $subject, body: $body}) { commentEdge { node { id url } } } }',
      { subject: 'PR_kwDOpr7', body: 'hello' },
    );
    const id = posted.reply.commentEdge.node.id;
    expect(posted.reply.commentEdge.node.url).toMatch(
      /^https:\/\/github\.com\/octo-org\/docs\/pull\/7#issuecomment-\d+$/,
    );
    const edited = await octokit.graphql<{ edit: { issueComment: { id: string } } }>(
      'mutation($id: ID!, $body: String!) { edit: updateIssueComment(input: {id: $id, body: $body}) { issueComment { id } } }',
      { id, body: 'hello again' },
    );
    expect(edited.edit.issueComment.id).toBe(id);
    expect(github.comments.find((comment) => comment.nodeId === id)?.body).toBe('hello again');
    expect(github.reactionsOn(55)).toEqual(['eyes']);
    expect(commentNodeId).not.toBe('');
  });
});
