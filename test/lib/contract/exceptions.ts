/**
 * The one place where the tests knowingly step outside GitHub's and Netlify's published specs.
 * Everything that is not listed here is held to the specs by test/lib/contract/specs.ts: every request the
 * fakes receive and every answer they serve, in every suite. Keep each entry narrow and say why.
 */
export type ApiName = 'github' | 'netlify';

/** A JSON Schema (or a Swagger/OpenAPI schema object) as the specs hold it. */
export type JsonSchema = Record<string, unknown>;

/** A request that no REST spec describes, and what is checked instead. */
export interface UndocumentedOperation {
  readonly api: ApiName;
  readonly method: string;
  /** Path template below the API's base path, with `{name}` parameters. */
  readonly template: string;
  readonly id: string;
  readonly why: string;
}

export const UNDOCUMENTED_OPERATIONS: readonly UndocumentedOperation[] = [
  {
    api: 'netlify',
    method: 'POST',
    template: '/deploys/{deploy_id}/retry',
    id: 'retryDeploy (undocumented)',
    // Netlify's OpenAPI spec has no retry, so @netlify/api has no method for it; it is still the only call that
    // rebuilds a deploy preview in place (PR previews of forks included). What is checked: the path exists in
    // this shape, deploy_id is a non-empty string, no query parameter, no body (NETLIFY_RETRY below).
    // What the live API answers is NOT verifiable offline: the fake's 2xx body is checked as getDeploy's 200
    // body and any other status as Netlify's error body, which is our assumption and nothing more.
    why: "Netlify's OpenAPI spec lacks POST /deploys/{deploy_id}/retry",
  },
  {
    api: 'github',
    method: 'POST',
    template: '/graphql',
    id: 'graphql',
    // GraphQL is not part of GitHub's REST description. test/lib/contract/graphql.ts checks the document against
    // GitHub's public GraphQL schema (@octokit/graphql-schema), the variables against their declared types,
    // and the fake's answer against the selection (every selected field, of its declared type and nullability).
    why: 'GraphQL is checked against the GraphQL schema instead of the REST spec',
  },
];

/** The retry request as the action sends it, since no spec declares it. */
export const NETLIFY_RETRY = {
  pathParams: { deploy_id: { type: 'string', minLength: 1 } } satisfies Record<string, JsonSchema>,
  /** Whose answer schemas stand in for the retry's: an assumption, see above. */
  answersLike: { method: 'GET', template: '/deploys/{deploy_id}' },
} as const;

/**
 * Statuses GitHub answers on any REST operation, whether or not the spec lists them for that operation:
 * 401 for bad credentials, 403 for a token that lacks the permission ("Resource not accessible by
 * integration") or a rate limit, 404 for a resource that does not exist or that the token may not see
 * (GitHub answers 404 rather than 403 for what it hides, e.g. PATCH of an unknown or deleted comment; the
 * description omits it on issues/update-comment). The spec declares them on some operations only; the answer
 * is a basic-error body either way, and is checked as one.
 */
export const GITHUB_ANY_OPERATION_STATUSES: readonly number[] = [401, 403, 404];

/**
 * Fields the live APIs send as null although their spec types them as non-null. The fakes may send null
 * in these places and nowhere else; each one is made nullable for the check, nothing more.
 * Keys: `<api> <operationId>`; values: dotted paths in the answer (for a list, in each item).
 */
export const LIVE_NULLS: Readonly<Record<string, readonly string[]>> = (() => {
  // Netlify's Swagger 2.0 spec has no x-nullable on deploy fields, while the live API sends null for these on
  // many deploys (docs/contracts.md, shared API notes): review_id and review_url on anything but a preview,
  // error_message unless it failed, published_at until it is published, commit_ref/commit_url on deploys
  // that were not built from a git commit. This is what the action is written to accept.
  const deploy = [
    'review_id',
    'review_url',
    'error_message',
    'published_at',
    'skipped',
    'locked',
    'title',
    'commit_ref',
    'commit_url',
  ];
  return {
    'netlify listSiteDeploys': deploy,
    'netlify getDeploy': deploy,
    'netlify getSiteDeploy': deploy,
    'netlify cancelSiteDeploy': deploy,
    'netlify retryDeploy (undocumented)': deploy,
    // GitHub sends head.repo: null when the fork a PR came from was deleted; the description types it as a
    // repository (github/rest-api-description#424, #1811). The action does not read it.
    'github pulls/get': ['head.repo'],
  };
})();

/**
 * Fields of an answer that the action cannot do without although the spec lets them be absent: a deploy
 * without an id cannot be retried, one without a state cannot be judged, one without created_at cannot be
 * ordered against the PR's other previews or the PR's age. Netlify's Swagger spec marks no field of a deploy
 * as required at all; the live API sends these three on every deploy. An answer without one of them fails
 * the read with a message naming the field (src/adapters/netlify.ts), and the tests hold the adapter to
 * accepting every other absence and null the spec allows (test/contract/adapters.test.ts).
 */
export const ACTION_REQUIRES: Readonly<Record<string, readonly string[]>> = {
  'netlify listSiteDeploys': ['id', 'state', 'created_at'],
  'netlify getDeploy': ['id', 'state', 'created_at'],
};
