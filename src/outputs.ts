/**
 * The step's outputs and its job summary, from an outcome: pure, and the one place either is built, for
 * every path (the fast path included, which is why this module imports nothing large).
 */
import type { Outcome, SiteOutcome } from './core/outcome.js';
import { sitesOf } from './core/outcome.js';
import { shownDeploy } from './core/reply.js';
import { reasonOf, type SentenceContext, siteSentence } from './core/sentences.js';

export const OUTPUT_NAMES = [
  'result',
  'command',
  'deploy-id',
  'deploy-state',
  'deploy-url',
  'reason',
  'results',
  'build-state',
  'build-seconds',
  'handoff',
] as const;

export type Outputs = Record<(typeof OUTPUT_NAMES)[number], string>;

/** The outputs of a comment that is ignored before anything is read (the fast path). */
export function ignoredOutputs(reason: string): Outputs {
  return {
    result: 'ignored',
    command: '',
    'deploy-id': '',
    'deploy-state': '',
    'deploy-url': '',
    reason,
    results: '[]',
    'build-state': '',
    'build-seconds': '',
    handoff: '',
  };
}

export function outputsOf(outcome: Outcome, ctx: SentenceContext, handoff = ''): Outputs {
  const sites = sitesOf(outcome);
  // With several sites, the deploy outputs describe the first listed site that has a preview.
  const deploy = sites.map(shownDeploy).find((d) => d !== null) ?? null;
  const followed = sites.find((site) => followOf(site) !== null);
  const end = followed ? followOf(followed) : null;
  return {
    result: outcome.result,
    command: outcome.command ?? '',
    'deploy-id': deploy?.id ?? '',
    'deploy-state': deploy?.state ?? '',
    'deploy-url': deploy?.url ?? '',
    reason: reasonOf(outcome, ctx),
    results: JSON.stringify(
      sites.map((site) => {
        const shown = shownDeploy(site);
        return {
          site: site.site.id,
          result: site.result,
          'deploy-id': shown?.id ?? '',
          'deploy-state': shown?.state ?? '',
          'deploy-url': shown?.url ?? '',
          reason: siteSentence(site, ctx),
        };
      }),
    ),
    'build-state': end?.state ?? '',
    'build-seconds': end && (end.end === 'ready' || end.end === 'error') ? String(end.seconds) : '',
    handoff,
  };
}

function followOf(site: SiteOutcome) {
  if (site.result !== 'retried' && site.result !== 'skipped') return null;
  return site.follow && site.follow !== 'pending' ? site.follow : null;
}

/**
 * The job summary: a heading and a table of the outputs, as HTML in which every value is escaped and no
 * line is blank (a blank line would end the HTML block, and what follows would render as Markdown).
 */
export function summaryOf(outputs: Outputs, dryRun: boolean): string {
  const rows = OUTPUT_NAMES.filter((name) => name !== 'handoff').map(
    (name) => `<tr><td>${name}</td><td>${html(outputs[name]) || '—'}</td></tr>`,
  );
  return [
    `<h3>Netlify preview: ${html(outputs.result)}${dryRun ? ' (dry run)' : ''}</h3>`,
    '<table><tr><th>output</th><th>value</th></tr>',
    ...rows,
    '</table>',
    '',
  ].join('\n');
}

/** Text escaped for HTML, every line break (CR, LF or CRLF, each one in CommonMark) a `<br>`. */
export function html(text: string): string {
  return text
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string)
    .replace(/\r\n|\r|\n/g, '<br>');
}
