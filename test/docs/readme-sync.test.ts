/**
 * The README is the user's guide: it must say what action.yml and the code say. This file fails when
 * - its Inputs and Outputs tables differ from action.yml's inputs and outputs (names, order, required
 *   flags, defaults), or src/settings.ts reads other inputs, or INPUT_DEFAULTS other defaults, than
 *   action.yml declares, or src/outputs.ts sets other outputs;
 * - its state table is not src/core/decision.ts STATE_TABLE, row for row: the same cases in the same order,
 *   the `/retest` and `/rebuild-preview` cells naming each row's decision, the reply cell its `reply`;
 * - a message its Troubleshooting table is keyed by can no longer be printed by src/;
 * - a workflow it shows uses an input that does not exist, leaves out a required one, is not marked for
 *   `npm run validate`, or (the follow handoff) is not wired as the README says;
 * - it links a file that does not exist, or grows to 350 lines or more.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { type Decision, SPEC_STATES, STATE_TABLE } from '../../src/core/decision.js';
import { OUTPUT_NAMES } from '../../src/outputs.js';
import { INPUT_DEFAULTS, INPUT_NAMES, InputError, readSettings } from '../../src/settings.js';

const ROOT = resolve(import.meta.dirname, '../..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const MAX_LINES = 350;

interface ActionYml {
  readonly inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  readonly outputs: Record<string, { description: string }>;
}
const ACTION = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYml;
const INPUTS = Object.keys(ACTION.inputs);
const OUTPUTS = Object.keys(ACTION.outputs);

/** The text under a heading of any level (`## Inputs`, `### What each state gets`), up to the next heading of that level or above. */
function section(text: string, title: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => /^#{2,6} /.test(line) && line.replace(/^#+ /, '') === title);
  if (start < 0) throw new Error(`README.md has no "${title}" heading`);
  const level = (lines[start] as string).indexOf(' ');
  const end = lines.findIndex((line, i) => i > start && /^#+ /.test(line) && line.indexOf(' ') <= level);
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** The body rows of every Markdown table in the text, as trimmed cells (headers and separators left out). */
function tableRows(text: string): string[][] {
  const lines = text.split('\n');
  const separator = (line: string | undefined) => line !== undefined && /^\|(\s*:?-+:?\s*\|)+\s*$/.test(line);
  const rows: string[][] = [];
  for (const [i, line] of lines.entries()) {
    if (!line.startsWith('|') || separator(line) || separator(lines[i + 1])) continue;
    const inner = line.trimEnd().replace(/^\|/, '').replace(/\|$/, '');
    rows.push(inner.split('|').map((cell) => cell.trim()));
  }
  return rows;
}

/** The text inside the backticks of a cell: `x` -> x. Null when the cell is not one code span. */
function code(cell: string): string | null {
  const match = /^`([^`]*)`$/.exec(cell);
  return match ? (match[1] as string) : null;
}

function codeSpans(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1] as string);
}

describe('README inputs table', () => {
  const rows = tableRows(section(README, 'Inputs'));

  test('lists every input of action.yml, in the same order, and no other', () => {
    expect(rows.map((cells) => code(cells[0] ?? ''))).toEqual(INPUTS);
  });

  test.each(INPUTS)('%s: required and default as in action.yml', (name) => {
    const row = rows.find((cells) => code(cells[0] ?? '') === name);
    expect(row, `no row for ${name}`).toBeDefined();
    const [, required, shownDefault] = row as string[];
    const spec = ACTION.inputs[name];
    expect(required, `${name}: Required column`).toBe(spec?.required ? 'yes' : 'no');
    if (spec?.default === undefined) {
      expect(shownDefault, `${name}: an input without a default shows "none"`).toBe('none');
    } else {
      const shown = code(shownDefault ?? '');
      expect(shown === "''" ? '' : shown, `${name}: Default column`).toBe(spec.default);
    }
  });

  test('every input has a description in the README', () => {
    for (const cells of rows) expect((cells[3] ?? '').length, `${cells[0]}`).toBeGreaterThan(10);
  });

  test('says that lists are comma- or newline-separated, and that a bare site name is refused', () => {
    const text = section(README, 'Inputs');
    expect(text).toMatch(/comma- or newline-separated/);
    expect(rows.find((cells) => cells[0] === '`site-id`')?.[3]).toMatch(/bare site name is refused/i);
  });
});

describe('README outputs table', () => {
  test('lists every output of action.yml, in the same order, and no other', () => {
    const rows = tableRows(section(README, 'Outputs'));
    expect(rows.map((cells) => code(cells[0] ?? ''))).toEqual(OUTPUTS);
  });

  test('src/outputs.ts sets exactly the outputs of action.yml, in the same order', () => {
    expect([...OUTPUT_NAMES]).toEqual(OUTPUTS);
  });
});

describe('src/settings.ts and action.yml', () => {
  test('INPUT_DEFAULTS equals the defaults that action.yml declares', () => {
    const declared = Object.fromEntries(
      Object.entries(ACTION.inputs).flatMap(([name, spec]) =>
        spec.default === undefined ? [] : [[name, spec.default]],
      ),
    );
    expect({ ...INPUT_DEFAULTS }).toEqual(declared);
  });

  test('inputs without a default are required, and the others are not', () => {
    for (const [name, spec] of Object.entries(ACTION.inputs)) {
      expect(Boolean(spec.required), name).toBe(spec.default === undefined);
    }
  });

  test('INPUT_NAMES is action.yml inputs, in the same order', () => {
    expect([...INPUT_NAMES]).toEqual(INPUTS);
  });

  test('readSettings reads every input of action.yml, and no other', () => {
    const read: string[] = [];
    const settings = readSettings((name) => {
      read.push(name);
      return validValue(name);
    });
    expect(settings.dryRun).toBe(false);
    expect([...new Set(read)].sort()).toEqual([...INPUTS].sort());
  });
});

/** A value each input accepts: action.yml's default, or a sample for those without a usable one. */
function validValue(name: string): string {
  const samples: Record<string, string> = {
    'netlify-token': 'nfp_sample0token',
    'site-id': 'my-site.netlify.app',
    'github-token': 'ghs_sample0token',
  };
  return samples[name] ?? ACTION.inputs[name]?.default ?? '';
}

/** What the README's `/retest` and `/rebuild-preview` cells say for each decision kind. */
const DECISION_WORDS: Record<Decision['kind'], string> = {
  retry: 'retried',
  skip: 'skipped',
  restart: 'cancel then retry',
  'not-found': 'not found',
};

/** A state cell as the README writes a row's `state`: a plain Netlify state in backticks, a description as is. */
function stateCell(state: string): string {
  return /^[a-z_]+$/.test(state) ? `\`${state}\`` : state;
}

/** A cell without emphasis: `**retried**` reads as retried. */
function plain(cell: string): string {
  return cell.replace(/\*\*/g, '').trim();
}

describe('README state table', () => {
  const rows = tableRows(section(README, 'What each state gets'));

  test('is STATE_TABLE, row for row: the same cases, in the same order, with the same decisions and replies', () => {
    const shown = rows.map((cells) => cells.map(plain));
    const expected = STATE_TABLE.map((row) => [
      stateCell(row.state),
      DECISION_WORDS[row.retest],
      DECISION_WORDS[row.rebuild],
      row.reply,
    ]);
    expect(shown).toEqual(expected);
  });

  test("has a row for every state of Netlify's spec, the canceled builds, stuck, any other state and no preview", () => {
    const states = rows.map((cells) => cells[0] ?? '');
    for (const state of SPEC_STATES) expect(states, state).toContain(`\`${state}\``);
    for (const words of [
      /canceled by a person/,
      /canceled by the ignore rule/,
      /stuck/,
      /any other state/,
      /no preview/,
    ]) {
      expect(
        states.some((state) => words.test(state)),
        String(words),
      ).toBe(true);
    }
  });
});

/** Every .ts file under src/, concatenated. */
function sourceFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts')) files.set(path, readFileSync(path, 'utf8'));
    }
  };
  walk(join(ROOT, 'src'));
  return files;
}

/** The one-line errors readSettings gives for empty and malformed values of each input. */
function inputErrors(): string[] {
  const messages: string[] = [];
  for (const name of INPUTS) {
    for (const bad of ['', 'not valid!', 'has white space', 'https://bad.example/?q=1', 'docs']) {
      try {
        readSettings((input) => (input === name ? bad : validValue(input)));
      } catch (error) {
        if (error instanceof InputError) messages.push(error.message);
      }
    }
  }
  return messages;
}

/**
 * The text src/ can print, lower-cased: its sources, and the failure table's sentences spelled out for each
 * service (`${w.service} rejected ${w.token}` is "Netlify rejected the token" and "GitHub rejected the
 * github-token"; each adapter's words are read from the adapter), and the input errors readSettings gives.
 */
function printable(): string {
  const files = sourceFiles();
  const src = [...files.values()].join('\n');
  // Each service's words, where its adapter keeps them (GitHub's REST part is a module of its own).
  const spelled = ['netlify', 'github-rest'].map((adapter) => {
    const words = files.get(join(ROOT, `src/adapters/${adapter}.ts`)) ?? '';
    const service = /service: '([A-Za-z]+)'/.exec(words)?.[1] ?? '';
    const token = /\btoken: '([^']+)'/.exec(words)?.[1] ?? '';
    expect(service, `src/adapters/${adapter}.ts names its service`).not.toBe('');
    expect(token, `src/adapters/${adapter}.ts names its token`).not.toBe('');
    return src.replace(/\$\{(?:w\.|words\.)?service\}/g, service).replace(/\$\{w\.token\}/g, token);
  });
  return [src, ...spelled, ...inputErrors()].join('\n').toLowerCase();
}

describe('README troubleshooting', () => {
  const corpus = printable();
  const keys = tableRows(section(README, 'Troubleshooting')).flatMap((cells) => codeSpans(cells[0] ?? ''));

  test('is keyed by messages', () => {
    expect(keys.length).toBeGreaterThanOrEqual(25);
  });

  // A key's literal parts ("…" stands for a variable part) must each be text the code can print.
  test.each(keys)('"%s" can still be printed by src/', (key) => {
    for (const piece of key
      .split('…')
      .map((p) => p.trim())
      .filter((p) => p.length > 0)) {
      expect(corpus.includes(piece.toLowerCase()), `"${piece}" appears nowhere in src/`).toBe(true);
    }
  });
});

interface Step {
  readonly id?: string;
  readonly uses?: string;
  readonly with?: Record<string, unknown>;
}
interface Job {
  readonly if?: string;
  readonly uses?: string;
  readonly needs?: string | string[];
  readonly concurrency?: { group?: string } | string;
  readonly outputs?: Record<string, string>;
  readonly steps?: Step[];
}
interface Workflow {
  readonly on: Record<string, unknown>;
  readonly jobs: Record<string, Job>;
}

const MARKER = '<!-- validate: workflow -->';

/** Every yaml block of the README, and whether the validate marker is right before it. */
function yamlBlocks(text: string): { readonly yaml: string; readonly marked: boolean }[] {
  return [...text.matchAll(/(?:^|\n)((?:<!-- validate: workflow -->\s*\n)?)```ya?ml\n([\s\S]*?)\n```/g)].map((m) => ({
    yaml: m[2] as string,
    marked: (m[1] as string).startsWith(MARKER),
  }));
}

/** The steps that run this action, with the job they are in. */
function actionSteps(workflow: Workflow): { job: string; step: Step }[] {
  return Object.entries(workflow.jobs).flatMap(([job, spec]) =>
    (spec.steps ?? []).filter((s) => /(^|\/)netlify-preview-retry@/.test(s.uses ?? '')).map((step) => ({ job, step })),
  );
}

describe('README workflows', () => {
  const blocks = yamlBlocks(README);
  const workflows = blocks.filter((b) => /^jobs:/m.test(b.yaml)).map((b) => parse(b.yaml) as Workflow);

  test('every workflow the README shows is marked for npm run validate', () => {
    const unmarked = blocks.filter((b) => /^jobs:/m.test(b.yaml) && !b.marked).map((b) => b.yaml.slice(0, 60));
    expect(unmarked).toEqual([]);
    expect(workflows.length).toBeGreaterThanOrEqual(4);
  });

  test('each either runs the action or calls a reusable workflow', () => {
    for (const workflow of workflows) {
      const calls = Object.values(workflow.jobs).some((job) => typeof job.uses === 'string');
      expect(actionSteps(workflow).length > 0 || calls, JSON.stringify(Object.keys(workflow.jobs))).toBe(true);
    }
  });

  test('their steps give every required input and only inputs that exist', () => {
    const required = INPUTS.filter((name) => ACTION.inputs[name]?.required);
    const steps = workflows.flatMap(actionSteps);
    expect(steps.length).toBeGreaterThanOrEqual(4);
    for (const { job, step } of steps) {
      const given = Object.keys(step.with ?? {});
      for (const name of given) expect(INPUTS, `${job}: unknown input ${name}`).toContain(name);
      for (const name of required) expect(given, `${job}: required input ${name}`).toContain(name);
    }
  });

  test("the quick start's if: lets the default commands through, and it keeps one command per PR at a time", () => {
    const job = Object.values(workflows[0]?.jobs ?? {})[0];
    const condition = job?.if ?? '';
    expect(condition).toContain('github.event.issue.pull_request');
    expect(condition).toContain(ACTION.inputs['retest-command']?.default as string);
    expect(condition).toContain(ACTION.inputs['rebuild-command']?.default as string);
    expect(JSON.stringify(job?.concurrency)).toContain('github.event.issue.number');
  });

  test('the reusable workflow is on workflow_call, with its secret, and a repository calls it', () => {
    const reusable = workflows.find((w) => 'workflow_call' in w.on);
    expect(reusable, 'a workflow on workflow_call').toBeDefined();
    expect(JSON.stringify(reusable?.on)).toContain('NETLIFY_AUTH_TOKEN');
    const caller = workflows.find((w) =>
      Object.values(w.jobs).some((job) => /\.github\/workflows\//.test(job.uses ?? '')),
    );
    expect(caller, 'a workflow that calls it').toBeDefined();
    expect(Object.keys(caller?.on ?? {})).toEqual(['issue_comment']);
  });

  test('the follow handoff: job 1 with the per-PR group hands off; job 2 needs it, runs on a handoff, follows it', () => {
    const workflow = workflows.find((w) =>
      actionSteps(w).some(({ step }) => String(step.with?.follow ?? '') === 'next-job'),
    );
    expect(workflow, 'a workflow with follow: next-job').toBeDefined();
    const first = actionSteps(workflow as Workflow).find(({ step }) => step.with?.follow === 'next-job');
    const firstJob = (workflow as Workflow).jobs[first?.job ?? ''] as Job;
    expect(JSON.stringify(firstJob.concurrency), 'job 1 keeps the per-PR group').toContain('github.event.issue.number');
    expect(firstJob.outputs?.handoff).toBe(`\${{ steps.${first?.step.id}.outputs.handoff }}`);

    const second = actionSteps(workflow as Workflow).find(({ step }) => step.with?.handoff !== undefined);
    expect(second, 'a step that takes the handoff').toBeDefined();
    const secondJob = (workflow as Workflow).jobs[second?.job ?? ''] as Job;
    expect([secondJob.needs].flat()).toContain(first?.job);
    expect(secondJob.if?.replace(/\s+/g, ' ')).toBe(`needs.${first?.job}.outputs.handoff != ''`);
    expect(JSON.stringify(secondJob.concurrency ?? ''), 'job 2 has no per-PR group').not.toContain(
      'github.event.issue.number',
    );
    expect(second?.step.with?.handoff).toBe(`\${{ needs.${first?.job}.outputs.handoff }}`);
  });
});

describe('README as a whole', () => {
  test(`stays under ${MAX_LINES} lines`, () => {
    expect(README.split('\n').length).toBeLessThan(MAX_LINES);
  });

  test('every file it links exists', () => {
    const links = [...README.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)]
      .map((m) => m[1] as string)
      .filter((target) => !/^[a-z]+:/i.test(target));
    expect(links.length).toBeGreaterThan(0);
    for (const target of links) expect(existsSync(join(ROOT, target)), target).toBe(true);
  });

  test('links the security policy, the benchmark and the contributor notes', () => {
    for (const target of ['SECURITY.md', 'docs/benchmarks.md', 'docs/CONTRIBUTING-NOTES.md']) {
      expect(README).toContain(`](${target})`);
    }
  });
});

describe('docs/', () => {
  test('the contributor notes link every other page of docs/', () => {
    const notes = readFileSync(join(ROOT, 'docs/CONTRIBUTING-NOTES.md'), 'utf8');
    const pages = readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md') && f !== 'CONTRIBUTING-NOTES.md');
    for (const page of pages) expect(notes, page).toContain(`](${page})`);
  });

  // The contributor notes name files by path: each must exist, so that the notes follow the layout.
  const docs = ['CONTRIBUTING-NOTES.md', 'testing.md', 'development.md', 'contracts.md', 'racing.md', 'design.md'];
  test.each(docs.map((name) => `docs/${name}`))('%s names only files and directories that exist', (doc) => {
    const text = readFileSync(join(ROOT, doc), 'utf8');
    const paths = [...text.matchAll(/`((?:src|test|scripts|docs|\.github)\/[A-Za-z0-9_./-]*)`/g)].map((m) =>
      (m[1] as string).replace(/\/$/, ''),
    );
    expect(paths.length, `${doc} names files`).toBeGreaterThan(0);
    const missing = paths.filter((path) => !existsSync(join(ROOT, path)) && !pending(path));
    expect(missing, `${doc} names files that do not exist`).toEqual([]);
  });
});

/** Paths the notes name ahead of a branch that lands in parallel (test/adapters, from the faults work). */
function pending(path: string): boolean {
  return path === 'test/adapters' || dirname(path) === 'test/adapters';
}
