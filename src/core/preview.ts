/**
 * Choosing the preview: the PR's newest deploy preview among the deploys read so far.
 */

/** A Netlify deploy as the core sees it: validated at the edge, only the fields used. */
export interface Deploy {
  readonly id: string;
  readonly siteName: string | null;
  readonly state: string;
  readonly context: string | null;
  readonly reviewId: number | null;
  readonly commitRef: string | null;
  readonly branch: string | null;
  readonly url: string | null;
  readonly createdAt: string;
  readonly errorMessage: string | null;
}

export function choosePreview(deploys: readonly Deploy[], prNumber: number): Deploy | null {
  let newest: Deploy | null = null;
  for (const deploy of deploys) {
    if (deploy.context !== 'deploy-preview' || deploy.reviewId !== prNumber) continue;
    if (!newest || Date.parse(deploy.createdAt) > Date.parse(newest.createdAt)) newest = deploy;
  }
  return newest;
}

/**
 * Whether paging on through the site's deploys (newest first) can still find the PR's preview:
 * not when the page was short (the list ended) or already reached deploys older than the PR,
 * because a PR's previews are never older than the PR itself.
 */
export function mayFindOlder(page: readonly Deploy[], perPage: number, prCreatedAt: string): boolean {
  if (page.length < perPage) return false;
  const oldest = page[page.length - 1] as Deploy;
  return Date.parse(oldest.createdAt) >= Date.parse(prCreatedAt);
}

/** Netlify's app page for a deploy: its build log. */
export function deployLogUrl(deploy: Deploy): string | null {
  if (!deploy.siteName) return null;
  return `https://app.netlify.com/sites/${encodeURIComponent(deploy.siteName)}/deploys/${encodeURIComponent(deploy.id)}`;
}
