/**
 * Finding a site's newest preview of the PR, in as few reads as the site allows:
 *   1. the first page of the site's previews (an active PR's preview is there);
 *   2. unless that page already reaches back before the PR was opened: the previews of the PR's head
 *      branch, and for a fork PR those of `pull/N/head` too (Netlify builds a fork's PR from there), at once;
 *   3. only if those find nothing: paging on, while pages can still hold the PR's previews, at most 30
 *      pages in all, and never past a page that repeats the one before (a Netlify that ignores `page`).
 */
import {
  choosePreview,
  type Deploy,
  type DeployPage,
  MAX_PAGES,
  mayFindOlder,
  reachesBefore,
  repeats,
  type SiteRef,
  skippedPreviewOf,
} from '../core/preview.js';
import { type Log, type NetlifyPort, PortError, type Pull } from './ports.js';

export type Found =
  | { readonly kind: 'found'; readonly preview: Deploy }
  | { readonly kind: 'none'; readonly pageLimit: number | null };

/** The PR's creation when the PR could not be read: the start of time, so that nothing is ruled out. */
const DAWN = '1970-01-01T00:00:00Z';

export async function findPreview(
  netlify: NetlifyPort,
  site: SiteRef,
  prNumber: number,
  firstPage: Promise<DeployPage>,
  pullRead: Promise<Pull | null>,
  log: Log,
): Promise<Found> {
  const first = checked(await firstPage, prNumber, site, log);
  const onFirst = choosePreview(first.deploys, prNumber);
  if (onFirst) return { kind: 'found', preview: onFirst };

  const pull = await pullRead;
  const since = pull?.createdAt ?? DAWN;
  if (reachesBefore(first, since)) return { kind: 'none', pageLimit: null };

  if (pull) {
    // Not counted toward the page limit: at most two reads, and they answer for the PR's whole life.
    const branches = pull.fork ? [pull.headRef, `pull/${prNumber}/head`] : [pull.headRef];
    const pages = await Promise.all(branches.map((branch) => netlify.listPreviews(site.id, { page: 1, branch })));
    const onBranch = choosePreview(
      pages.flatMap((page) => checked(page, prNumber, site, log).deploys),
      prNumber,
    );
    if (onBranch) return { kind: 'found', preview: onBranch };
    log.info(
      `No preview of PR #${prNumber} among the deploys of its branch on ${site.id}; paging through the site's deploys.`,
    );
  }

  let previous = first;
  for (let page = 2; page <= MAX_PAGES; page++) {
    if (!mayFindOlder(previous, since)) return { kind: 'none', pageLimit: null };
    const next = checked(await netlify.listPreviews(site.id, { page }), prNumber, site, log);
    if (repeats(next, previous)) {
      log.warning(
        `Netlify answered page ${page} of ${site.id}'s deploys with the page before it again; paging stops there.`,
      );
      // The search stopped short of the PR's first deploy: the pages read are its limit, and the reason says so.
      return { kind: 'none', pageLimit: page - 1 };
    }
    const match = choosePreview(next.deploys, prNumber);
    if (match) return { kind: 'found', preview: match };
    previous = next;
  }
  return mayFindOlder(previous, since) ? { kind: 'none', pageLimit: MAX_PAGES } : { kind: 'none', pageLimit: null };
}

/**
 * A page whose malformed deploys are skipped with a warning, unless one of them is the PR's preview: then
 * it cannot be judged, and the lookup fails clearly.
 */
function checked(page: DeployPage, prNumber: number, site: SiteRef, log: Log): DeployPage {
  const own = skippedPreviewOf(page, prNumber);
  if (own) {
    throw new PortError({
      service: 'Netlify',
      status: 200,
      what: `Netlify's record of PR #${prNumber}'s preview${own.id ? ` (deploy ${own.id})` : ''} on ${site.id} could not be read`,
      said: own.problem,
      fix: 'look at the deploy in the Netlify app; if its record is fine there, check netlify-api-url',
    });
  }
  if (page.skipped.length > 0) {
    log.warning(
      `Skipped ${page.skipped.length} deploy(s) of ${site.id} that could not be read (${page.skipped[0]?.problem}); none is this PR's preview.`,
    );
  }
  return page;
}
