export const id = 401;
export const ids = [401,94];
export const modules = {

/***/ 5094:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Deadline: () => (/* binding */ Deadline),
/* harmony export */   withRetries: () => (/* binding */ withRetries)
/* harmony export */ });
/**
 * Deadlines: every request gets a signal that fires at its own timeout or when the run's budget is
 * spent, whichever comes first; retries wait only while the budget lasts.
 */
const REQUEST_TIMEOUT_MS = 15_000;
/**
 * A request may take at most this share of the budget, so that one that never answers leaves time
 * to try it again and to go on: with timeout-seconds 5 a request gets 1.7 s, from 45 s on it gets 15 s.
 */
const REQUEST_SHARE = 3;
class Deadline {
    #budget;
    #endsAt;
    #requestMs;
    constructor(budget, endsAt, requestMs = REQUEST_TIMEOUT_MS) {
        this.#budget = budget;
        this.#endsAt = endsAt;
        this.#requestMs = requestMs;
    }
    static after(ms) {
        return new Deadline(AbortSignal.timeout(ms), Date.now() + ms, requestTimeout(ms));
    }
    /** The signal for one request: its own timeout, or the end of the budget, whichever comes first. */
    request(timeoutMs = this.#requestMs) {
        return AbortSignal.any([this.#budget, AbortSignal.timeout(Math.max(1, Math.min(timeoutMs, this.remaining())))]);
    }
    get expired() {
        return this.#budget.aborted || this.remaining() <= 0;
    }
    remaining() {
        return this.#endsAt - Date.now();
    }
    /** Waits `ms` if the budget allows it; returns false (at once) when it does not. */
    async pause(ms) {
        if (ms >= this.remaining() - 1_000)
            return false;
        await new Promise((resolve) => setTimeout(resolve, ms));
        return !this.expired;
    }
}
/** Each request's own timeout within a budget of `budgetMs`. */
function requestTimeout(budgetMs) {
    return Math.min(REQUEST_TIMEOUT_MS, Math.max(1_000, Math.floor(budgetMs / REQUEST_SHARE)));
}
/**
 * Runs `attempt` up to `tries` times while the failure is transient and the budget lasts, waiting
 * `waitMs(failure, n)` between tries. Only for requests that are safe to repeat.
 */
async function withRetries(deadline, tries, attempt, retryable) {
    for (let n = 1;; n++) {
        try {
            return await attempt();
        }
        catch (error) {
            const wait = n < tries ? retryable(error) : null;
            if (wait === null || !(await deadline.pause(wait)))
                throw error;
        }
    }
}


/***/ }),

/***/ 1506:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dm: () => (/* binding */ isTransientStatus),
/* harmony export */   F9: () => (/* binding */ ApiFailure),
/* harmony export */   Kb: () => (/* binding */ excerpt),
/* harmony export */   P9: () => (/* binding */ retryAfter),
/* harmony export */   Qe: () => (/* binding */ commentAgain),
/* harmony export */   n6: () => (/* binding */ describeIssue),
/* harmony export */   rd: () => (/* binding */ networkFailure)
/* harmony export */ });
/**
 * What the adapters throw: an ApiFailure carries a message that is safe to print (never a token,
 * never a stack or a request dump), what to fix, and whether the request may have reached the API.
 */
class ApiFailure extends Error {
    service;
    status;
    fix;
    mayHaveReached;
    transient;
    retryAfterMs;
    name = 'ApiFailure';
    constructor(service, 
    /** HTTP status, or null when no answer came. */
    status, message, 
    /** What a maintainer should do about it. */
    fix, 
    /** True when the request may have been processed although no good answer came back. */
    mayHaveReached, 
    /** True when trying the same request again later could succeed. */
    transient, 
    /** How long the API asked to wait before trying again (Retry-After, X-RateLimit-Reset), when it said. */
    retryAfterMs = null) {
        super(message);
        this.service = service;
        this.status = status;
        this.fix = fix;
        this.mayHaveReached = mayHaveReached;
        this.transient = transient;
        this.retryAfterMs = retryAfterMs;
    }
}
/** Network-level failure codes (from node-fetch, undici and the OS) and whether the request was sent. */
function networkFailure(service, error, what, timedOut) {
    const code = errorCode(error);
    if (timedOut || isAbort(error)) {
        return new ApiFailure(service, null, `${service} did not answer in time (${what})`, `check ${service}'s status, or raise timeout-seconds`, true, true);
    }
    const refused = code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
    const detail = code ? `: ${code}` : '';
    return new ApiFailure(service, null, refused
        ? `${service} could not be reached (${what}${detail})`
        : `the connection to ${service} failed (${what}${detail})`, service === 'Netlify'
        ? "check netlify-api-url and the runner's network"
        : "check the runner's network and GITHUB_API_URL", !refused, true);
}
function isAbort(error) {
    if (!(error instanceof Error))
        return false;
    const type = error.type;
    return error.name === 'AbortError' || error.name === 'TimeoutError' || type === 'aborted';
}
/** The first system error code found on an error or its causes. */
function errorCode(error) {
    let current = error;
    for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
        const code = current.code;
        if (typeof code === 'string' && /^E[A-Z_]+$/.test(code))
            return code;
        const errno = current.errno;
        if (typeof errno === 'string' && /^E[A-Z_]+$/.test(errno))
            return errno;
        current = current.cause;
    }
    return undefined;
}
/** Status codes after which the same request may succeed later. */
function isTransientStatus(status) {
    return status === 429 || status >= 500;
}
/**
 * A short, printable excerpt of an API's error text: one line, bounded, no markup, and none of the
 * `secrets` (removed before the text is cut, so that no part of one survives at the cut). Of an HTML
 * page only its title is kept.
 */
function excerpt(text, secrets = []) {
    if (typeof text !== 'string')
        return '';
    let clean = text.slice(0, 20_000);
    for (const secret of secrets)
        if (secret)
            clean = clean.split(secret).join('***');
    const title = /<title[^>]{0,100}>([^<]{1,200})<\/title>/i.exec(clean)?.[1];
    const line = (title ?? clean)
        .replace(/<[^>]{0,200}>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}
/** The wait an answer asks for before the next try: Retry-After (seconds or a date) or X-RateLimit-Reset (epoch seconds). */
function retryAfter(header, now = Date.now()) {
    const after = header('retry-after')?.trim();
    if (after && /^\d{1,7}$/.test(after))
        return Number(after) * 1000;
    if (after && !Number.isNaN(Date.parse(after)))
        return Math.max(0, Date.parse(after) - now);
    const reset = header('x-ratelimit-reset')?.trim();
    if (reset && /^\d{1,12}$/.test(reset))
        return Math.max(0, Number(reset) * 1000 - now);
    return null;
}
/** What to do about a rate limit that ends in `waitMs`: a fix, in words a maintainer acts on. */
function commentAgain(waitMs, now = Date.now()) {
    if (waitMs === null || waitMs <= 60_000)
        return 'wait a minute and comment again';
    const at = new Date(now + waitMs + 60_000).toISOString().slice(11, 16);
    return `the limit resets at about ${at} UTC: comment again after that`;
}
/** One zod issue in plain words: where, and what was wrong there. */
function describeIssue(issue) {
    if (!issue)
        return 'body: not valid';
    const where = issue.path.map(String).join('.') || 'body';
    const missing = /received undefined$/.test(issue.message);
    return `${where}: ${missing ? 'missing' : issue.message.replace(/^Invalid input: /, '')}`;
}


/***/ }),

/***/ 2401:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createGitHub: () => (/* binding */ createGitHub),
/* harmony export */   permissionSchema: () => (/* binding */ permissionSchema),
/* harmony export */   pullSchema: () => (/* binding */ pullSchema)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2413);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3619);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3305);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3945);
/* harmony import */ var _core_trust_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9597);
/* harmony import */ var _deadline_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5094);
/* harmony import */ var _failure_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1506);
/**
 * The GitHub adapter: the only place that knows GitHub's paths, answers and errors.
 * REST for reads and the acknowledgement; one GraphQL mutation posts the reply and the final reaction
 * together, so that reporting costs a single request.
 */





/** The fields read from a pull request (exported, like permissionSchema, for the contract tests). */
const pullSchema = zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .pipe */ .FsL(zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    head: zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
        sha: zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_3__/* ._regex */ .Fk(/^[0-9a-f]{40,64}$/)),
        ref: zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_3__/* ._minLength */ .m9(1)),
    }),
    created_at: zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .refine */ .YPB((value) => !Number.isNaN(Date.parse(value)), 'is not a date')),
    state: zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
}), zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .transform */ .pdi((p) => ({ headSha: p.head.sha, headRef: p.head.ref, createdAt: p.created_at, state: p.state })));
const permissionSchema = zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .pipe */ .FsL(zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    // Required by GitHub's schema: an answer without it is not a permission answer.
    permission: zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    role_name: zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .nullish */ .cl6(zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()),
    user: zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .nullish */ .cl6(zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ permissions: zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .nullish */ .cl6(zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY())) })),
}), zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .transform */ .pdi((p) => strongest([p.role_name, p.permission, ...flags(p.user?.permissions)])));
/** GitHub's permission flags, named as the levels they grant. */
const FLAG_LEVELS = {
    admin: 'admin',
    maintain: 'maintain',
    push: 'write',
    triage: 'triage',
    pull: 'read',
};
function flags(permissions) {
    if (!permissions)
        return [];
    return Object.entries(permissions).flatMap(([flag, on]) => (on && FLAG_LEVELS[flag] ? [FLAG_LEVELS[flag]] : []));
}
/** The strongest known level among the answer's fields; a custom role's name counts as nothing by itself. */
function strongest(names) {
    let best = 0;
    for (const name of names) {
        const rank = _core_trust_js__WEBPACK_IMPORTED_MODULE_4__/* .PERMISSION_LEVELS */ .eO.indexOf(name ?? '');
        if (rank > best)
            best = rank;
    }
    return _core_trust_js__WEBPACK_IMPORTED_MODULE_4__/* .PERMISSION_LEVELS */ .eO[best];
}
const REPORT_MUTATION_PARTS = {
    reply: 'reply: addComment(input: {subjectId: $subject, body: $body}) { commentEdge { node { url } } }',
    reaction: 'reaction: addReaction(input: {subjectId: $comment, content: $content}) { reaction { content } }',
};
function createGitHub(options) {
    const { deadline, owner, repo } = options;
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(options.token, { userAgent: options.userAgent });
    const secrets = [options.token];
    /**
     * A request that is safe to repeat: tried again on 5xx, 429, network failures and unreadable answers
     * while the budget lasts. `forbidden` is what to fix when GitHub answers 403.
     */
    const idempotent = (what, forbidden, call, schema) => (0,_deadline_js__WEBPACK_IMPORTED_MODULE_5__.withRetries)(deadline, 3, async () => {
        let data;
        const signal = deadline.request();
        try {
            ({ data } = await call(signal));
        }
        catch (error) {
            throw describe(error, what, deadline.expired || signal.aborted, forbidden, secrets);
        }
        return validate(schema, data, what);
    }, retryWait);
    return {
        readPull: () => idempotent('reading the pull request', READ_PULL_FIX, (signal) => octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
            owner,
            repo,
            pull_number: options.prNumber,
            request: { signal },
        }), pullSchema),
        async readPermission(login) {
            try {
                return await idempotent(`reading @${login}'s permission`, READ_PERMISSION_FIX, (signal) => octokit.request('GET /repos/{owner}/{repo}/collaborators/{username}/permission', {
                    owner,
                    repo,
                    username: login,
                    request: { signal },
                }), permissionSchema);
            }
            catch (error) {
                // GitHub answers 404 for an account that is no collaborator at all (or no longer exists).
                if (error instanceof _failure_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiFailure */ .F9 && error.status === 404)
                    return 'none';
                throw error;
            }
        },
        async react(content) {
            await idempotent(`adding the ${content} reaction`, PERMISSIONS_FIX, (signal) => octokit.request('POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions', {
                owner,
                repo,
                comment_id: options.commentId,
                content,
                request: { signal },
            }), reactionAnswer);
        },
        async report({ body, reaction }) {
            const parts = [];
            const declared = [];
            const variables = {};
            if (body !== null) {
                parts.push(REPORT_MUTATION_PARTS.reply);
                declared.push('$subject: ID!', '$body: String!');
                Object.assign(variables, { subject: options.prNodeId, body });
            }
            if (reaction !== null) {
                parts.push(REPORT_MUTATION_PARTS.reaction);
                declared.push('$comment: ID!', '$content: ReactionContent!');
                Object.assign(variables, { comment: options.commentNodeId, content: reaction.toUpperCase() });
            }
            if (parts.length === 0)
                return { replyUrl: null, reactionAdded: false, failures: [] };
            const query = `mutation Report(${declared.join(', ')}) { ${parts.join(' ')} }`;
            let data;
            let errors = [];
            try {
                // Not repeated after an answer was lost: the reply may have been posted. Refused connections,
                // 429 and 503 mean GitHub did not act on it, so those are tried again.
                data = await (0,_deadline_js__WEBPACK_IMPORTED_MODULE_5__.withRetries)(deadline, 3, async () => {
                    const signal = deadline.request();
                    try {
                        return await octokit.graphql(query, { ...variables, request: { signal } });
                    }
                    catch (error) {
                        if (isGraphqlResponseError(error))
                            return error;
                        throw describe(error, 'posting the reply', deadline.expired || signal.aborted, PERMISSIONS_FIX, secrets);
                    }
                }, (error) => error instanceof _failure_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiFailure */ .F9 && (!error.mayHaveReached || error.status === 429 || error.status === 503)
                    ? retryWait(error)
                    : null);
            }
            catch (error) {
                return { replyUrl: null, reactionAdded: false, failures: [asFailure(error, 'posting the reply', secrets)] };
            }
            if (isGraphqlResponseError(data)) {
                errors = data.errors ?? [];
                data = data.data;
            }
            const answer = zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .safeParse */ .xL(reportAnswer, data ?? {});
            const failures = errors.map((error) => graphqlFailure(error, secrets));
            const replyUrl = answer.success ? (answer.data.reply?.commentEdge?.node?.url ?? null) : null;
            const reactionAdded = answer.success && answer.data.reaction?.reaction != null;
            if (failures.length === 0 && ((body !== null && replyUrl === null) || (reaction !== null && !reactionAdded))) {
                failures.push(new _failure_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiFailure */ .F9('GitHub', 200, "GitHub's answer to the reply could not be read, so it is not known whether the reply was posted", 'look at the pull request; if this keeps happening, check GITHUB_API_URL', true, false));
            }
            return { replyUrl, reactionAdded, failures };
        },
    };
}
const reportAnswer = zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    reply: zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .nullish */ .cl6(zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ commentEdge: zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .nullish */ .cl6(zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ node: zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .nullish */ .cl6(zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ url: zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP() })) })) })),
    reaction: zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .nullish */ .cl6(zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ reaction: zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .nullish */ .cl6(zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ content: zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP() })) })),
});
function isGraphqlResponseError(error) {
    return error instanceof Error && error.name === 'GraphqlResponseError';
}
function graphqlFailure(error, secrets) {
    const part = error.path?.[0] === 'reaction' ? 'adding the reaction' : 'posting the reply';
    const message = (0,_failure_js__WEBPACK_IMPORTED_MODULE_1__/* .excerpt */ .Kb)(typeof error.message === 'string' ? error.message : 'no message', secrets);
    if (error.type === 'FORBIDDEN' || /not accessible by integration/i.test(message)) {
        return new _failure_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiFailure */ .F9('GitHub', 403, `GitHub refused ${part} (${message})`, PERMISSIONS_FIX, false, false);
    }
    return new _failure_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiFailure */ .F9('GitHub', 200, `GitHub failed ${part} (${message})`, 'see the message from GitHub', false, false);
}
const PERMISSIONS_FIX = 'give the job `permissions: issues: write` and `pull-requests: write` (needed to react and reply), or set github-token to a token that has them';
const READ_PULL_FIX = 'give the job `permissions: pull-requests: read` (needed to read the pull request), or set github-token to a token that has it';
const READ_PERMISSION_FIX = "set github-token to a token that can read this repository's collaborators, or leave it unset to use the workflow token";
/** What the reaction endpoint answers: only that it is an object is relied on. */
const reactionAnswer = zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .looseObject */ ._H3({});
function validate(schema, data, what) {
    if (typeof data === 'string' || data === undefined || data === null) {
        // Octokit hands over the text when a JSON answer does not parse (a cut or garbled answer).
        throw new _failure_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiFailure */ .F9('GitHub', 200, `GitHub's answer could not be read while ${what} (it is not JSON)`, 'try again later; if it keeps happening, check GITHUB_API_URL', false, true);
    }
    const parsed = zod_mini__WEBPACK_IMPORTED_MODULE_6__/* .safeParse */ .xL(schema, data);
    if (parsed.success)
        return parsed.data;
    throw new _failure_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiFailure */ .F9('GitHub', 200, `GitHub answered with data of an unexpected shape while ${what} (${(0,_failure_js__WEBPACK_IMPORTED_MODULE_1__/* .describeIssue */ .n6)(parsed.error.issues[0])})`, 'check GITHUB_API_URL', false, false);
}
function asFailure(error, what, secrets) {
    return error instanceof _failure_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiFailure */ .F9 ? error : describe(error, what, false, PERMISSIONS_FIX, secrets);
}
/** How long to wait before trying a failed idempotent request again, or null not to. */
function retryWait(error) {
    if (!(error instanceof _failure_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiFailure */ .F9) || !error.transient)
        return null;
    if (error.retryAfterMs !== null)
        return Math.max(error.retryAfterMs, 500);
    return error.status === 429 ? 2_000 : 1_000;
}
/** Turns what Octokit throws into an ApiFailure, reading only safe fields. */
function describe(error, what, expired, forbidden, secrets) {
    if (error instanceof _failure_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiFailure */ .F9)
        return error;
    const response = error?.response;
    const status = typeof response?.status === 'number' ? response.status : null;
    if (status === null)
        return (0,_failure_js__WEBPACK_IMPORTED_MODULE_1__/* .networkFailure */ .rd)('GitHub', error, what, expired);
    const data = response?.data;
    const message = (0,_failure_js__WEBPACK_IMPORTED_MODULE_1__/* .excerpt */ .Kb)(typeof data === 'object' && data && 'message' in data ? data.message : data, secrets);
    const said = message ? `: ${message}` : '';
    const header = (name) => {
        const value = response?.headers?.[name];
        return typeof value === 'string' ? value : null;
    };
    const limited = status === 429 || (status === 403 && (/rate limit/i.test(message) || header('x-ratelimit-remaining') === '0'));
    const wait = limited ? (0,_failure_js__WEBPACK_IMPORTED_MODULE_1__/* .retryAfter */ .P9)(header) : null;
    const fail = (text, fix) => new _failure_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiFailure */ .F9('GitHub', status, text, fix, status >= 500, limited || status >= 500, wait);
    if (limited) {
        return fail(`GitHub's rate limit was reached while ${what} (${status})`, (0,_failure_js__WEBPACK_IMPORTED_MODULE_1__/* .commentAgain */ .Qe)(wait));
    }
    if (status === 401)
        return fail(`GitHub rejected the github-token (401${said})`, 'set github-token to a valid token, or leave it unset to use the workflow token');
    if (status === 403)
        return fail(`GitHub refused ${what} (403${said})`, forbidden);
    if (status === 404)
        return fail(`GitHub found nothing while ${what} (404${said})`, 'check that the workflow runs on issue_comment in this repository');
    if (status >= 500)
        return fail(`GitHub failed while ${what} (${status}${said})`, 'try again later');
    return fail(`GitHub refused ${what} (${status}${said})`, 'see the message from GitHub');
}


/***/ }),

/***/ 9597:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DU: () => (/* binding */ isBotLogin),
/* harmony export */   Np: () => (/* binding */ judgePermission),
/* harmony export */   eO: () => (/* binding */ PERMISSION_LEVELS),
/* harmony export */   g_: () => (/* binding */ judgeTrust),
/* harmony export */   nV: () => (/* binding */ ASSOCIATIONS),
/* harmony export */   rQ: () => (/* binding */ isTrustedApp)
/* harmony export */ });
/**
 * Deciding trust: may this command run?
 *
 * The command runs when the commenter is trusted or the PR is trusted. Everything that the event
 * payload can settle is settled here without a request; only when it cannot, and the repository
 * permission fallback is enabled, does the caller ask GitHub for the commenter's permission
 * (author_association shows private organization members as CONTRIBUTOR, so it must never be the
 * only reason to turn someone away).
 */
const PERMISSION_LEVELS = ['none', 'read', 'triage', 'write', 'maintain', 'admin'];
const ASSOCIATIONS = [
    'OWNER',
    'MEMBER',
    'COLLABORATOR',
    'CONTRIBUTOR',
    'FIRST_TIME_CONTRIBUTOR',
    'FIRST_TIMER',
    'MANNEQUIN',
    'NONE',
];
function judgeTrust(facts, rules) {
    const login = facts.commenterLogin;
    if (includesAssociation(rules.associations, facts.commenterAssociation)) {
        return { kind: 'trusted', reason: `@${login} is a ${facts.commenterAssociation.toLowerCase()} of the repository` };
    }
    if (rules.users.some((user) => sameLogin(user, login))) {
        return { kind: 'trusted', reason: `@${login} is listed in trusted-users` };
    }
    if (isTrustedApp(login, rules.apps)) {
        return { kind: 'trusted', reason: `@${login} is an app listed in trusted-apps` };
    }
    if (facts.labels.some((label) => label === rules.okToTestLabel)) {
        return { kind: 'trusted', reason: `the PR carries the ${rules.okToTestLabel} label` };
    }
    if (includesAssociation(rules.associations, facts.prAuthorAssociation)) {
        return {
            kind: 'trusted',
            reason: `the PR's author is a ${facts.prAuthorAssociation.toLowerCase()} of the repository`,
        };
    }
    if (rules.permission !== 'none')
        return { kind: 'ask-permission' };
    return { kind: 'denied', reason: `@${login} is not trusted to run commands on this PR` };
}
/** The verdict once GitHub has answered with the commenter's permission on the repository. */
function judgePermission(login, granted, rules) {
    if (rankOf(granted) >= rankOf(rules.permission) && rules.permission !== 'none') {
        return { kind: 'trusted', reason: `@${login} has ${granted} permission on the repository` };
    }
    return {
        kind: 'denied',
        reason: `@${login} has ${granted} permission on the repository, and ${rules.permission} is required`,
    };
}
/** An app's comments come from `<app>[bot]`; a human account named `<app>` is not the app. */
function isTrustedApp(login, apps) {
    if (!login.endsWith('[bot]'))
        return false;
    const app = login.slice(0, -'[bot]'.length);
    return apps.some((name) => sameLogin(name, app));
}
function isBotLogin(login, type) {
    return type === 'Bot' || login.endsWith('[bot]');
}
function rankOf(level) {
    return PERMISSION_LEVELS.indexOf(level);
}
function includesAssociation(list, value) {
    return list.includes(value);
}
/** GitHub logins are case-insensitive. */
function sameLogin(a, b) {
    return a.toLowerCase() === b.toLowerCase();
}


/***/ })

};
