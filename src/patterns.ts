/**
 * What the values read at the edges must look like: one pattern each, shared by the zod schemas
 * (settings, event, handoff, the adapters) and the shell's early reading (src/early.ts).
 */

/** A GitHub login (a user or an organization). */
export const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
/** A commenter's login: a user's, or an app's `<app>[bot]`. */
export const COMMENTER_LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/;
/** A repository's name. */
export const REPO_NAME = /^[A-Za-z0-9._-]{1,100}$/;
/** `owner/repo`. */
export const REPOSITORY = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
/** A Netlify site's name (`docs` of docs.netlify.app). */
export const SITE_NAME = /^[a-z0-9](?:[a-z0-9-]{0,62})$/i;
/** A deploy's id. */
export const DEPLOY_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** A commit SHA, full or abbreviated. */
export const COMMIT = /^[0-9a-f]{7,64}$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what the pattern refuses
export const BRANCH = /^[^\s\x00-\x1f\x7f]{1,255}$/;
/** An https URL with nothing in it that Markdown or a shell could read as more than a URL. */
export const HTTPS_URL = /^https:\/\/[A-Za-z0-9.-]{1,253}(?::\d{1,5})?(?:\/[A-Za-z0-9._~/%-]*)?$/;
/** A deploy's state as the core takes it: a plain word. */
export const STATE_WORD = /^[a-z_]{1,40}$/;
