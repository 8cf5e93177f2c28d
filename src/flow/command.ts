/**
 * One command, from trust to the report, in as few round trips as the rules allow:
 *
 *   round trip 1: the eyes reaction; and either the commenter's permission (when only that can settle
 *                 trust) or, trust settled, the PR read with the first page of every site's previews
 *   round trip 2: the retries (or, after a permission read, the PR and the first pages)
 *   round trip 3: the reply and the final reactions, in one request
 *
 * A denied command costs no Netlify request and at most three GitHub requests. The retry waits for the PR
 * read (a PR closed since the comment is not rebuilt), which goes out with the first pages.
 */
import type { CommandLine, CommandName } from '../core/command.js';
import { decide } from '../core/decision.js';
import { type Failure, fromSites, type Outcome, type SiteOutcome } from '../core/outcome.js';
import type { DeployPage, SiteRef } from '../core/preview.js';
import { chooseLine } from '../core/screen.js';
import { groundText } from '../core/sentences.js';
import { hasLabel, judgePermission, judgeTrust, type PermissionLevel, type TrustVerdict } from '../core/trust.js';
import type { CommentEvent } from '../event.js';
import type { Settings } from '../settings.js';
import { act } from './act.js';
import { findPreview } from './lookup.js';
import { type FlowDeps, type Ports, PortError, type Pull } from './ports.js';
import { type Reported, report } from './report.js';

export interface CommandInput {
  readonly settings: Settings;
  readonly event: CommentEvent;
  /** The comment's command lines, in order (from screening). */
  readonly lines: readonly CommandLine[];
  /** The sites listed for this repository. */
  readonly sites: readonly SiteRef[];
  readonly runUrl: string | null;
  /** The eyes reaction already sent by the shell (null when it sent none): what became of it. */
  readonly early?: Promise<Failure | null> | null;
}

export interface Handled {
  readonly outcome: Outcome;
  readonly reported: Reported;
}

export async function runCommand(input: CommandInput, deps: FlowDeps): Promise<Handled> {
  // Whatever is still in flight when the command is answered (the eyes reaction, hung) is given up then:
  // nothing of a command outlives it.
  const over = new AbortController();
  try {
    return await command(input, deps, over.signal);
  } finally {
    over.abort();
  }
}

async function command(input: CommandInput, deps: FlowDeps, over: AbortSignal): Promise<Handled> {
  const { settings, event } = input;
  const { clock } = deps;
  // Once the command is answered, a late failure of what was given up is no news: it is not logged.
  const log: FlowDeps['log'] = {
    info: (text) => deps.log.info(text),
    warning: (text) => {
      if (!over.aborted) deps.log.warning(text);
    },
  };
  const ports = deps.connect({ endsAt: clock.now() + settings.timeoutSeconds * 1000, signal: over });
  const trust = trustOf(input, ports, deps);

  let chosen = chooseLine(input.lines, input.sites);
  if (chosen.kind === 'resolve') {
    // A word that may be the name of a site only Netlify can name: asked only for a trusted commenter.
    const verdict = await trust.settle(chosen.command);
    if (verdict.kind !== 'trusted')
      return quietly({ result: 'ignored', command: null, ignored: { kind: 'unresolved-site', word: chosen.word } });
    const asked = chosen.command;
    const resolved = await resolveNames(input.sites, ports, log);
    chosen = chooseLine(input.lines, resolved.sites);
    if (chosen.kind === 'resolve' && resolved.failure) {
      // A trusted commenter's command that may name a site whose name Netlify did not give: said, not ignored.
      const eyes = settings.dryRun ? Promise.resolve(true) : settle(ports.github.react('eyes'), log);
      return done(
        { result: 'failed', command: asked, sites: [], problem: { kind: 'failure', failure: resolved.failure } },
        eyes,
      );
    }
  }
  if (chosen.kind !== 'chosen') {
    return quietly({
      result: 'ignored',
      command: null,
      ignored: chosen.word ? { kind: 'unknown-site', word: chosen.word } : { kind: 'no-command' },
    });
  }
  const { command, sites } = chosen;

  // Round trip 1: everything that does not depend on another answer goes out together.
  const acknowledged = input.early
    ? settle(
        input.early.then((failure) => (failure ? Promise.reject(new PortError(failure)) : undefined)),
        log,
      )
    : settings.dryRun
      ? Promise.resolve(true)
      : settle(ports.github.react('eyes'), log);
  const first = trust.judge(command);
  log.info(
    `Command ${command} by @${event.commenterLogin} on PR #${event.prNumber}: ${describe(first, event.commenterLogin)}.`,
  );
  const trusted = first.kind === 'trusted';
  // Trust settled by the event: the PR and the first pages go out with the eyes.
  const early = trusted && command !== 'ok-to-test' ? startLookups(ports, sites, log) : null;
  const verdict = trusted ? first : await trust.settle(command);
  if (verdict.kind === 'failed') {
    return done(
      { result: 'failed', command, sites: [], problem: { kind: 'failure', failure: verdict.failure } },
      acknowledged,
    );
  }
  if (verdict.kind === 'denied') {
    log.info(`Trust after reading the permission: denied.`);
    return done({ result: 'denied', command, denial: verdict.denial }, acknowledged);
  }
  if (!trusted) log.info(`Trust after reading the permission: ${describe(verdict, event.commenterLogin)}.`);

  if (command === 'ok-to-test') return done(await okToTest(settings, event, ports), acknowledged);

  const { pull, pages } = early ?? startLookups(ports, sites, log);
  // Each site acts once its own preview is found and the PR is known to be open: one site's longer lookup
  // (its branch, more pages) does not hold up another site's retry by a round trip.
  const outcomes = await Promise.all(
    sites.map(async (site, i): Promise<SiteOutcome | null> => {
      let lookup: Awaited<ReturnType<typeof findPreview>>;
      try {
        lookup = await findPreview(ports.netlify, site, event.prNumber, pages[i] as Promise<DeployPage>, pull, log);
      } catch (error) {
        return { result: 'failed', site, preview: null, step: 'lookup', failure: failureOf(error) };
      }
      const head = await pull;
      if (head && !head.open) return null;
      if (lookup.kind === 'none') return { result: 'not-found', site, pageLimit: lookup.pageLimit };
      const preview = lookup.preview;
      const decisionContext = { now: clock.now(), stuckMinutes: settings.stuckMinutes };
      const decision = decide(command, preview, decisionContext);
      const stale = staleOf(preview.commitRef, head?.headSha ?? null);
      if (decision.kind === 'not-found') return { result: 'not-found', site, pageLimit: null };
      if (decision.kind === 'skip')
        return { result: 'skipped', site, preview, decision, raced: null, stale, follow: null };
      const acted = await act(ports.netlify, site, preview, decision, {
        command,
        dryRun: settings.dryRun,
        decision: decisionContext,
        log,
      });
      return acted.result === 'retried' || acted.result === 'skipped' ? { ...acted, stale } : acted;
    }),
  );
  const head = await pull;
  if (head && !head.open) {
    return done(
      { result: 'skipped', command, sites: [], whole: { kind: 'closed', merged: head.merged } },
      acknowledged,
    );
  }
  return done(markFollows(fromSites(command, outcomes as SiteOutcome[]), settings), acknowledged);

  function quietly(outcome: Outcome): Handled {
    return { outcome, reported: { shown: true, reply: null, fix: null } };
  }

  async function done(outcome: Outcome, eyes: Promise<boolean>): Promise<Handled> {
    return { outcome, reported: await report(outcome, eyes, input, deps) };
  }
}

/** The PR read and the first page of each site's previews, started together. */
function startLookups(ports: Ports, sites: readonly SiteRef[], log: FlowDeps['log']) {
  const pull = ports.github.readPull().then(
    (value): Pull | null => value,
    (error: unknown) => {
      log.warning(
        `Could not read the pull request, so it is not known whether it is still open: ${failureOf(error).what}.`,
      );
      return null;
    },
  );
  const pages = sites.map((site) => {
    const page = ports.netlify.listPreviews(site.id, { page: 1 });
    page.catch(() => undefined); // awaited by the lookup; keeps an early rejection from going unhandled
    return page;
  });
  return { pull, pages };
}

/** Trust for the command, with the permission read at most once. */
function trustOf(input: CommandInput, ports: Ports, deps: FlowDeps) {
  const { event, settings } = input;
  const facts = {
    commenterLogin: event.commenterLogin,
    commenterAssociation: event.commenterAssociation,
    prAuthorAssociation: event.prAuthorAssociation,
    labels: event.labels,
  };
  let permission: Promise<PermissionLevel> | null = null;
  const judge = (command: CommandName) => judgeTrust(command, facts, settings.trust);
  return {
    judge,
    async settle(
      command: CommandName,
    ): Promise<Exclude<TrustVerdict, { kind: 'ask-permission' }> | { kind: 'failed'; failure: Failure }> {
      const verdict = judge(command);
      if (verdict.kind !== 'ask-permission') return verdict;
      permission ??= ports.github.readPermission(event.commenterLogin);
      try {
        return judgePermission(event.commenterLogin, await permission, settings.trust, verdict.prTrusted);
      } catch (error) {
        // Without GitHub's answer nobody is let in, and nobody is told they lack a permission GitHub did not
        // report: the command fails, saying what to fix.
        deps.log.warning(`Could not read @${event.commenterLogin}'s permission: ${failureOf(error).what}.`);
        return { kind: 'failed', failure: failureOf(error) };
      }
    },
  };
}

/**
 * The names of the sites listed by API ID, read from Netlify at once; a site whose name cannot be read keeps
 * none, and the first such failure comes back with them.
 */
async function resolveNames(
  sites: readonly SiteRef[],
  ports: Ports,
  log: FlowDeps['log'],
): Promise<{ sites: SiteRef[]; failure: Failure | null }> {
  let failure: Failure | null = null;
  const resolved = await Promise.all(
    sites.map(async (site) => {
      if (site.name !== null) return site;
      try {
        return { ...site, name: await ports.netlify.siteName(site.id) };
      } catch (error) {
        failure ??= failureOf(error);
        log.warning(`Could not read the name of site ${site.id}: ${failureOf(error).what}.`);
        return site;
      }
    }),
  );
  return { sites: resolved, failure };
}

async function okToTest(settings: Settings, event: CommentEvent, ports: Ports): Promise<Outcome> {
  const label = settings.trust.okToTestLabel;
  if (hasLabel(event.labels, label))
    return { result: 'skipped', command: 'ok-to-test', sites: [], whole: { kind: 'labeled', label } };
  if (settings.dryRun) return { result: 'labeled', command: 'ok-to-test', label, dryRun: true };
  try {
    await ports.github.addLabel(label);
    return { result: 'labeled', command: 'ok-to-test', label, dryRun: false };
  } catch (error) {
    return {
      result: 'failed',
      command: 'ok-to-test',
      sites: [],
      problem: { kind: 'failure', failure: failureOf(error) },
    };
  }
}

/** Marks the builds that are to be followed: those retried, and those already in progress. */
function markFollows(outcome: Outcome, settings: Settings): Outcome {
  if (settings.follow === 'off' || settings.dryRun || !('sites' in outcome)) return outcome;
  const sites = outcome.sites.map((site): SiteOutcome => {
    if (site.result === 'retried') return { ...site, follow: 'pending' };
    if (site.result === 'skipped' && (site.raced || site.decision.because === 'in-progress'))
      return { ...site, follow: 'pending' };
    return site;
  });
  return { ...outcome, sites } as Outcome;
}

function staleOf(built: string | null, head: string | null): { built: string; head: string } | null {
  if (!head || !built || built === head) return null;
  return { built, head };
}

export function failureOf(error: unknown): Failure {
  if (error instanceof PortError) return error.failure;
  return {
    service: 'GitHub' as const,
    status: null,
    what: 'the action failed unexpectedly',
    said: error instanceof Error ? error.name : '',
    fix: 'report it at the action’s repository with the workflow run’s log',
  };
}

async function settle(work: Promise<void>, log: FlowDeps['log']): Promise<boolean> {
  try {
    await work;
    return true;
  } catch (error) {
    const failure = failureOf(error);
    log.warning(`Could not add the eyes reaction: ${failure.what}: ${failure.fix}.`);
    return false;
  }
}

function describe(verdict: TrustVerdict, login: string): string {
  if (verdict.kind === 'ask-permission') return 'trust not settled by the event, asking GitHub for the permission';
  if (verdict.kind === 'denied') return 'denied';
  return `trusted (${groundText(verdict.ground, login)})`;
}
