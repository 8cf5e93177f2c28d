/**
 * `npm run local -- <event.json>`: a real dry run. Runs the bundled action (dist/index.js) the way
 * the runner does, on a real issue_comment event file, against the real Netlify and GitHub APIs,
 * with `dry-run: true` and `follow: false` forced: it reads the PR, the commenter's permission and the
 * sites' deploys, decides, and prints what it would do. It retries, cancels, labels, posts and reacts
 * to nothing, and follows no build (a dry run starts none).
 *
 * Environment:
 *   NETLIFY_AUTH_TOKEN  a Netlify personal access token (required; never printed)
 *   SITE_ID             the site-id input (required), in any of its forms: an API ID; a domain such as
 *                       my-site.netlify.app; several, comma- or newline-separated; or lines
 *                       `owner/repo: site[, site]` (the event's repository picks its line)
 *   GITHUB_TOKEN        a GitHub token that can read the repository (required; never printed)
 *   GITHUB_API_URL      optional, default https://api.github.com (GitHub Enterprise Server: https://HOST/api/v3)
 *   NETLIFY_API_URL     optional, sets the netlify-api-url input
 *
 * Options:
 *   --input name=value  sets another input (e.g. --input trusted-permission=triage); repeatable
 *   --event-name NAME   the event's name (default issue_comment)
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { actionYml, assertFreshDist, DIST, inputVariable, parseOutputs } from '../test/lib/support/action.js';

const USAGE = 'usage: npm run local -- <event.json> [--input name=value]... [--event-name issue_comment]';
/** Inputs that come from the environment only, so that tokens stay out of the shell's history. */
const FROM_ENVIRONMENT: Record<string, string> = {
  'netlify-token': 'NETLIFY_AUTH_TOKEN',
  'site-id': 'SITE_ID',
  'github-token': 'GITHUB_TOKEN',
  'netlify-api-url': 'NETLIFY_API_URL',
};

/** Inputs a dry run sets itself, and why they cannot be given. */
const FORCED: Record<string, string> = {
  'dry-run': 'this script always runs with dry-run: true',
  follow: 'a dry run starts no build, so there is nothing to follow: follow is always false here',
  handoff: 'a handoff makes the step follow builds that a real run started; a dry run follows nothing',
};

class UsageError extends Error {}

interface Args {
  readonly eventPath: string;
  readonly eventName: string;
  readonly inputs: Record<string, string>;
}

function parseArgs(argv: readonly string[]): Args {
  let eventPath: string | null = null;
  let eventName = 'issue_comment';
  const inputs: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(
        `${USAGE}\nEnvironment: NETLIFY_AUTH_TOKEN, SITE_ID, GITHUB_TOKEN (required); GITHUB_API_URL, NETLIFY_API_URL (optional).\n`,
      );
      process.exit(0);
    }
    if (arg === '--event-name') {
      eventName = argv[++i] ?? '';
      if (!eventName) throw new UsageError(`--event-name needs a value; ${USAGE}`);
    } else if (arg === '--input') {
      const pair = argv[++i] ?? '';
      const at = pair.indexOf('=');
      if (at <= 0) throw new UsageError(`--input takes name=value, got "${pair}"`);
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1);
      if (!(name in actionYml.inputs)) {
        throw new UsageError(
          `--input ${name}: action.yml has no such input (it has ${Object.keys(actionYml.inputs).join(', ')})`,
        );
      }
      if (name in FROM_ENVIRONMENT)
        throw new UsageError(`--input ${name}: set ${FROM_ENVIRONMENT[name]} in the environment instead`);
      const forced = FORCED[name];
      if (forced) throw new UsageError(`--input ${name}: ${forced}`);
      inputs[name] = value;
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option ${arg}; ${USAGE}`);
    } else if (eventPath === null) {
      eventPath = arg;
    } else {
      throw new UsageError(`one event file only, got a second: ${arg}`);
    }
  }
  if (eventPath === null) throw new UsageError(`give the path of an issue_comment event file; ${USAGE}`);
  return { eventPath: resolve(eventPath), eventName, inputs };
}

/**
 * The event file must be an issue_comment payload; the action says more if a field is off. Returns the
 * event's repository (`owner/repo`), which picks the line of a site-id map, or null.
 */
function checkEvent(path: string): string | null {
  if (!existsSync(path) || !statSync(path).isFile()) throw new UsageError(`no event file at ${path}`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`${path} is not JSON (${(error as Error).message})`);
  }
  const payload = json as { comment?: unknown; issue?: unknown; repository?: { full_name?: unknown } } | null;
  if (!payload || typeof payload !== 'object' || !payload.comment || !payload.issue) {
    throw new UsageError(`${path} is not an issue_comment payload (it has no comment and issue)`);
  }
  const repository = payload.repository?.full_name;
  return typeof repository === 'string' && /^[\w.-]+\/[\w.-]+$/.test(repository) ? repository : null;
}

function requiredEnvironment(): { netlifyToken: string; siteId: string; githubToken: string } {
  const missing: string[] = [];
  const need = (name: string, what: string) => {
    const value = process.env[name]?.trim() ?? '';
    if (!value) missing.push(`local: ${name} is not set: export ${what}.`);
    return value;
  };
  const netlifyToken = need('NETLIFY_AUTH_TOKEN', 'a Netlify personal access token (it is never printed)');
  const siteId = need(
    'SITE_ID',
    "the Netlify site's API ID (Site configuration > General) or its domain, e.g. my-site.netlify.app; several, comma-separated; or lines 'owner/repo: site'",
  );
  const githubToken = need(
    'GITHUB_TOKEN',
    'a GitHub token that can read the repository, e.g. GITHUB_TOKEN=$(gh auth token) (it is never printed)',
  );
  if (missing.length > 0) throw new UsageError(missing.join('\n'));
  return { netlifyToken, siteId, githubToken };
}

function graphqlUrl(apiUrl: string): string {
  const url = apiUrl.replace(/\/+$/, '');
  // GitHub Enterprise Server: https://HOST/api/v3 -> https://HOST/api/graphql
  return url.endsWith('/api/v3') ? `${url.slice(0, -'/v3'.length)}/graphql` : `${url}/graphql`;
}

function scrub(text: string, secrets: readonly string[]): string {
  let clean = text;
  for (const secret of secrets) clean = clean.split(secret).join('***');
  return clean;
}

/** Makes the runner's workflow commands readable, and hides anything secret. */
function presentLine(line: string, secrets: readonly string[]): string | null {
  if (line.startsWith('::add-mask::')) return null;
  const command = /^::(error|warning|notice|debug)(?: [^:]*)?::(.*)$/.exec(line);
  if (!command) return scrub(line, secrets);
  const message = (command[2] as string).replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
  return scrub(`${command[1]}: ${message}`, secrets);
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const repository = checkEvent(args.eventPath);
  const { netlifyToken, siteId, githubToken } = requiredEnvironment();
  if (!existsSync(DIST)) throw new UsageError(`${DIST} is missing; run npm run build first`);
  try {
    assertFreshDist();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }

  const apiUrl = process.env.GITHUB_API_URL?.trim() || 'https://api.github.com';
  const dir = mkdtempSync(join(tmpdir(), 'npr-local-'));
  const outputPath = join(dir, 'output');
  const summaryPath = join(dir, 'summary');
  writeFileSync(outputPath, '');
  writeFileSync(summaryPath, '');

  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(actionYml.inputs)) inputs[name] = spec.default ?? '';
  Object.assign(inputs, args.inputs, {
    'netlify-token': netlifyToken,
    'site-id': siteId,
    'github-token': githubToken,
    'dry-run': 'true',
    follow: 'false',
    handoff: '',
  });
  const netlifyApiUrl = process.env.NETLIFY_API_URL?.trim();
  if (netlifyApiUrl) inputs['netlify-api-url'] = netlifyApiUrl;

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: args.eventName,
    GITHUB_EVENT_PATH: args.eventPath,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_API_URL: apiUrl,
    GITHUB_GRAPHQL_URL: graphqlUrl(apiUrl),
    GITHUB_SERVER_URL: process.env.GITHUB_SERVER_URL?.trim() || 'https://github.com',
    RUNNER_TEMP: dir,
  };
  // The runner names the workflow's repository; here the event's does (it picks a site-id map's line).
  if (repository) env.GITHUB_REPOSITORY = repository;
  for (const name of [
    'HTTPS_PROXY',
    'HTTP_PROXY',
    'NO_PROXY',
    'https_proxy',
    'http_proxy',
    'no_proxy',
    'NODE_EXTRA_CA_CERTS',
  ]) {
    const value = process.env[name];
    if (value) env[name] = value;
  }
  for (const [name, value] of Object.entries(inputs)) env[inputVariable(name)] = value;

  const secrets = [netlifyToken, githubToken].filter((secret) => secret.length >= 4);
  const shown = Object.entries(args.inputs).map(([name, value]) => `${name}=${value}`);
  const sites = siteId
    .split(/\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .join('; ');
  process.stdout.write(
    scrub(
      `Dry run of dist/index.js on ${args.eventPath} (${args.eventName}${repository ? `, ${repository}` : ''}), ` +
        `site-id ${sites}, GitHub API ${apiUrl}${shown.length > 0 ? `, ${shown.join(', ')}` : ''}.\n` +
        'Nothing will be retried, canceled, labeled, posted or reacted to, and no build is followed.\n\n',
      secrets,
    ),
  );

  const child = spawn(process.execPath, [DIST], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const relay = (stream: NodeJS.ReadableStream, to: NodeJS.WriteStream) => {
    let pending = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const text = presentLine(line, secrets);
        if (text !== null) to.write(`${text}\n`);
      }
    });
    stream.on('end', () => {
      const text = pending ? presentLine(pending, secrets) : null;
      if (text !== null) to.write(`${text}\n`);
    });
  };
  relay(child.stdout, process.stdout);
  relay(child.stderr, process.stderr);
  const code = await new Promise<number>((done) => child.on('close', (status) => done(status ?? 1)));

  const outputs = parseOutputs(readFileSync(outputPath, 'utf8'));
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write('\nOutputs:\n');
  for (const name of Object.keys(actionYml.outputs)) {
    const value = scrub(outputs[name] ?? '', secrets);
    process.stdout.write(`  ${name}: ${value}\n`);
  }
  return code;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message.startsWith('local:') ? error.message : `local: ${error.message}`}\n`);
      process.exit(2);
    }
    process.stderr.write(`local: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
