/**
 * The preview: which of a site's deploys is the PR's newest deploy preview, and how far to look for it.
 */

/** A Netlify deploy as the core sees it: validated at the edge, only the fields used. */
export interface Deploy {
  readonly id: string;
  /** The site's name (`docs` for docs.netlify.app), or null when Netlify sent none that is valid. */
  readonly siteName: string | null;
  /** A plain word (`^[a-z_]{1,40}$`), or `unknown` when Netlify sent anything else. */
  readonly state: string;
  readonly context: string | null;
  readonly reviewId: number | null;
  readonly commitRef: string | null;
  readonly branch: string | null;
  /** The preview's https URL, or null. */
  readonly url: string | null;
  /** The deploy's page in the Netlify app (its build log), or null. */
  readonly logUrl: string | null;
  readonly createdAt: string;
  /** When the deploy last changed (its state, for a build in progress). */
  readonly updatedAt: string;
  readonly errorMessage: string | null;
}

/** A listed site, as the site-id input names it; its name when known (from a domain, or from Netlify). */
export interface SiteRef {
  /** As listed: an API ID or a domain. */
  readonly id: string;
  readonly name: string | null;
}

/** What a listed deploy looked like when it could not be read; enough to tell whose it was. */
export interface SkippedDeploy {
  readonly id: string | null;
  readonly context: string | null;
  readonly reviewId: number | null;
  /** What was wrong, in a few words (a field and its problem). */
  readonly problem: string;
}

/** One page of a site's deploy previews, newest first. */
export interface DeployPage {
  readonly deploys: readonly Deploy[];
  /** Deploys of the page that could not be read. */
  readonly skipped: readonly SkippedDeploy[];
  /** Whether Netlify says there are more pages. */
  readonly more: boolean;
}

/** At most this many pages of a site's deploys are read per command (branch lookups aside). */
export const MAX_PAGES = 30;
/** Deploys per page: Netlify's maximum. */
export const PER_PAGE = 100;

export function isPreviewOf(deploy: { context: string | null; reviewId: number | null }, prNumber: number): boolean {
  return deploy.context === 'deploy-preview' && deploy.reviewId === prNumber;
}

export function choosePreview(deploys: readonly Deploy[], prNumber: number): Deploy | null {
  let newest: Deploy | null = null;
  for (const deploy of deploys) {
    if (!isPreviewOf(deploy, prNumber)) continue;
    if (!newest || Date.parse(deploy.createdAt) > Date.parse(newest.createdAt)) newest = deploy;
  }
  return newest;
}

/**
 * Whether the page reaches back before the PR was opened: the site's deploys come newest first, and a
 * PR's previews are never older than the PR, so none of them can be on a later page.
 */
export function reachesBefore(page: DeployPage, prCreatedAt: string): boolean {
  const oldest = page.deploys[page.deploys.length - 1];
  return oldest !== undefined && Date.parse(oldest.createdAt) < Date.parse(prCreatedAt);
}

/** Whether paging on can still find the PR's preview: there is a next page, and it is not older than the PR. */
export function mayFindOlder(page: DeployPage, prCreatedAt: string): boolean {
  return page.more && page.deploys.length > 0 && !reachesBefore(page, prCreatedAt);
}

/** A page that repeats the previous one (a Netlify that ignores `page`): paging ends there. */
export function repeats(page: DeployPage, previous: DeployPage | null): boolean {
  if (!previous || page.deploys.length === 0 || page.deploys.length !== previous.deploys.length) return false;
  return page.deploys.every((deploy, i) => deploy.id === previous.deploys[i]?.id);
}

/** The malformed deploy that would have been the PR's preview, if any. */
export function skippedPreviewOf(page: DeployPage, prNumber: number): SkippedDeploy | null {
  return page.skipped.find((deploy) => isPreviewOf(deploy, prNumber)) ?? null;
}

/** The name a site has by its listed id alone: `docs` for docs.netlify.app; null for an API ID or a custom domain. */
export function nameFromId(id: string): string | null {
  const match = /^([a-z0-9][a-z0-9-]{0,62})\.netlify\.app$/i.exec(id);
  return match ? (match[1] as string).toLowerCase() : null;
}

/** Whether a command's site word names this site: its name, or its id as listed. */
export function namesSite(word: string, site: SiteRef): boolean {
  const lower = word.toLowerCase();
  return lower === site.id.toLowerCase() || (site.name !== null && lower === site.name.toLowerCase());
}
