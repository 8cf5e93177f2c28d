/**
 * The README is the user's guide: it must say what action.yml and the code say.
 * - its Inputs and Outputs tables list exactly action.yml's inputs and outputs, in order, with the
 *   same required flags and defaults;
 * - src/settings.ts reads exactly action.yml's inputs, and INPUT_DEFAULTS equals action.yml's defaults;
 * - every message its Troubleshooting tables are keyed by can still be printed by src/;
 * - the workflows it tells users to copy use only inputs that exist.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { INPUT_DEFAULTS, InputError, readSettings } from '../../src/settings.js';

const ROOT = resolve(import.meta.dirname, '../..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

interface ActionYml {
  readonly inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  readonly outputs: Record<string, { description: string }>;
}
const ACTION = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYml;
const INPUTS = Object.keys(ACTION.inputs);

/** The text of a `## ` section of the README, up to the next `## ` heading. */
function section(title: string): string {
  const start = README.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`README.md has no "## ${title}" section`);
  const end = README.indexOf('\n## ', start + 1);
  return README.slice(start, end < 0 ? undefined : end);
}

/** The body rows of every Markdown table in the text, as trimmed cells. */
function tableRows(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('|')) continue;
    const cells = line
      .slice(1, line.trimEnd().endsWith('|') ? line.trimEnd().length - 1 : undefined)
      .split('|')
      .map((cell) => cell.trim());
    if (cells.every((cell) => /^:?-+:?$/.test(cell))) continue; // the separator
    rows.push(cells);
  }
  // Drop each table's header: the row right before a separator line.
  const headers = new Set<string>();
  const lines = text.split('\n');
  for (let i = 1; i < lines.length; i++) {
    if (/^\|(\s*:?-+:?\s*\|)+\s*$/.test(lines[i] as string)) headers.add((lines[i - 1] as string).trim());
  }
  return rows.filter((cells) => !headers.has(`| ${cells.join(' | ')} |`));
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
  const rows = tableRows(section('Inputs'));

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
});

describe('README outputs table', () => {
  test('lists every output of action.yml, in the same order, and no other', () => {
    const rows = tableRows(section('Outputs'));
    expect(rows.map((cells) => code(cells[0] ?? ''))).toEqual(Object.keys(ACTION.outputs));
  });

  test('every output of action.yml is set by src/main.ts', () => {
    const main = readFileSync(join(ROOT, 'src/main.ts'), 'utf8');
    for (const name of Object.keys(ACTION.outputs)) {
      expect(new RegExp(`(['"]?)${name}\\1\\s*:`).test(main), `${name} is not set in src/main.ts`).toBe(true);
    }
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

  test('readSettings reads every input of action.yml, and no other', () => {
    const read: string[] = [];
    const settings = readSettings((name) => {
      read.push(name);
      return validValue(name);
    });
    expect(settings.dryRun).toBe(false);
    expect([...read].sort()).toEqual([...INPUTS].sort());
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

/** Every .ts file under src/, concatenated. */
function sourceText(): string {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts')) files.push(readFileSync(path, 'utf8'));
    }
  };
  walk(join(ROOT, 'src'));
  return files.join('\n');
}

/** The one-line errors readSettings gives for empty and malformed values of each input. */
function inputErrors(): string[] {
  const messages: string[] = [];
  for (const name of INPUTS) {
    for (const bad of ['', 'not valid!', 'has white space', 'https://bad.example/?q=1']) {
      try {
        readSettings((input) => (input === name ? bad : validValue(input)));
      } catch (error) {
        if (error instanceof InputError) messages.push(error.message);
      }
    }
  }
  return messages;
}

describe('README troubleshooting', () => {
  const src = sourceText();
  // Adapter messages name the service through ${service}: spell them out for both.
  const corpus = [
    src,
    src.replaceAll('${service}', 'Netlify'),
    src.replaceAll('${service}', 'GitHub'),
    ...inputErrors(),
  ]
    .join('\n')
    .toLowerCase();
  const keys = tableRows(section('Troubleshooting')).flatMap((cells) => codeSpans(cells[0] ?? ''));

  test('is keyed by messages', () => {
    expect(keys.length).toBeGreaterThan(30);
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

describe('README workflows', () => {
  const blocks = [...README.matchAll(/<!-- validate: workflow -->\s*\n```ya?ml\n([\s\S]*?)\n```/g)].map(
    (m) =>
      parse(m[1] as string) as {
        jobs: Record<string, { if?: string; steps: { uses?: string; with?: Record<string, unknown> }[] }>;
      },
  );

  test('the README has copy-paste workflows', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(2);
  });

  test('their steps give every required input and only inputs that exist', () => {
    const required = INPUTS.filter((name) => ACTION.inputs[name]?.required);
    for (const workflow of blocks) {
      for (const job of Object.values(workflow.jobs)) {
        const step = job.steps.find((s) => s.uses?.includes('netlify-preview-retry@'));
        expect(step, 'a step uses the action').toBeDefined();
        const given = Object.keys(step?.with ?? {});
        for (const name of given) expect(INPUTS, `unknown input ${name}`).toContain(name);
        for (const name of required) expect(given, `required input ${name}`).toContain(name);
      }
    }
  });

  test("the quick start's if: lets the default commands through", () => {
    const condition = Object.values(blocks[0]?.jobs ?? {})[0]?.if ?? '';
    expect(condition).toContain('github.event.issue.pull_request');
    expect(condition).toContain(ACTION.inputs['retest-command']?.default as string);
    expect(condition).toContain(ACTION.inputs['rebuild-command']?.default as string);
  });
});

describe('README first steps', () => {
  test('the first commands are install, then the demo, then the tests', () => {
    const first = /```sh\n([\s\S]*?)\n```/.exec(README)?.[1] ?? '';
    const at = (command: string) => first.indexOf(command);
    expect(at('npm ci')).toBeGreaterThanOrEqual(0);
    expect(at('npm run demo')).toBeGreaterThan(at('npm ci'));
    expect(at('npm test')).toBeGreaterThan(at('npm run demo'));
  });

  test('links SECURITY.md and the benchmark', () => {
    expect(README).toContain('](SECURITY.md)');
    expect(README).toContain('](docs/benchmarks.md)');
  });
});
