export const id = 508;
export const ids = [508,94,969];
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

/***/ 2969:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PER_PAGE: () => (/* binding */ PER_PAGE),
/* harmony export */   createNetlify: () => (/* binding */ createNetlify),
/* harmony export */   deploySchema: () => (/* binding */ deploySchema)
/* harmony export */ });
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3619);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3305);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3945);
/* harmony import */ var _deadline_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5094);
/* harmony import */ var _failure_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1506);



const PER_PAGE = 100;
/** The retry is not sent when less time than this is left: it could not be told whether it took effect. */
const LEAST_TIME_TO_SEND_MS = 1_000;
const nullableString = zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .pipe */ .FsL(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullish */ .cl6(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()), zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .transform */ .pdi((value) => value ?? null));
const date = zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .refine */ .YPB((value) => !Number.isNaN(Date.parse(value)), 'is not a date'));
/**
 * Only the fields read, and as loosely as the live API sends them (nulls everywhere). Netlify's spec requires
 * no field at all; id, state and created_at are required here because a deploy cannot be retried, judged or
 * ordered without them (test/contract/exceptions.ts ACTION_REQUIRES). Exported for the contract tests.
 */
const deploySchema = zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .pipe */ .FsL(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    id: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_2__/* ._regex */ .Fk(/^[A-Za-z0-9_-]{1,64}$/)),
    name: nullableString,
    state: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_2__/* ._minLength */ .m9(1)),
    context: nullableString,
    review_id: zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .pipe */ .FsL(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .nullish */ .cl6(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .union */ .KCZ([zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(), zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .pipe */ .FsL(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_2__/* ._regex */ .Fk(/^\d+$/)), zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .transform */ .pdi(Number))])), zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .transform */ .pdi((value) => value ?? null)),
    commit_ref: nullableString,
    branch: nullableString,
    deploy_ssl_url: nullableString,
    deploy_url: nullableString,
    created_at: date,
    error_message: nullableString,
}), zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .transform */ .pdi((d) => ({
    id: d.id,
    siteName: d.name,
    state: d.state,
    context: d.context,
    reviewId: d.review_id,
    commitRef: d.commit_ref,
    branch: d.branch,
    url: d.deploy_ssl_url ?? d.deploy_url,
    createdAt: d.created_at,
    errorMessage: d.error_message,
})));
function createNetlify(options) {
    const { apiUrl, deadline, siteId } = options;
    const secrets = [options.token];
    // The client, with the 700 KB OpenAPI spec it is built from, loads on the first read: the GitHub
    // requests that go out in the same round trip (the eyes reaction first) do not wait for it.
    let client = null;
    const api = () => (client ??= __webpack_require__.e(/* import() */ 393).then(__webpack_require__.bind(__webpack_require__, 6393)).then(({ NetlifyAPI }) => new NetlifyAPI(options.token, {
        scheme: apiUrl.protocol.replace(':', ''),
        host: apiUrl.host,
        pathPrefix: apiUrl.pathname.replace(/\/+$/, ''),
        userAgent: options.userAgent,
    })));
    /** A documented read: safe to repeat, so transient failures are tried again while the budget lasts. */
    const read = (what, call, schema) => (0,_deadline_js__WEBPACK_IMPORTED_MODULE_3__.withRetries)(deadline, 3, async () => {
        let body;
        const signal = deadline.request();
        try {
            body = await call(signal);
        }
        catch (error) {
            // Asked of the signal: @netlify/api turns an abort into a TypeError (it assigns a DOMException's name).
            throw describe(error, what, siteId, deadline.expired || signal.aborted, secrets);
        }
        const parsed = zod_mini__WEBPACK_IMPORTED_MODULE_4__/* .safeParse */ .xL(schema, body);
        if (!parsed.success) {
            throw new _failure_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiFailure */ .F9('Netlify', 200, `Netlify answered ${what} with data of an unexpected shape (${(0,_failure_js__WEBPACK_IMPORTED_MODULE_0__/* .describeIssue */ .n6)(parsed.error.issues[0])})`, 'check that netlify-api-url points at the Netlify API', false, false);
        }
        return parsed.data;
    }, (error) => {
        if (!(error instanceof _failure_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiFailure */ .F9) || !error.transient)
            return null;
        // No answer, or a cut one: worth another try while the budget lasts. (@netlify/api tries again
        // by itself after resets and 429s, within the same request deadline.)
        if (error.status === null)
            return deadline.expired ? null : 500;
        return error.status >= 500 ? 1_000 : null;
    });
    return {
        listPreviews: ({ page, branch }) => read('the list of deploys', async (signal) => (await api()).listSiteDeploys({ site_id: siteId, 'deploy-previews': true, page, per_page: PER_PAGE, ...(branch ? { branch } : {}) }, { signal }), zod_mini__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(deploySchema)),
        getDeploy: (id) => read(`the deploy ${id}`, async (signal) => (await api()).getDeploy({ deploy_id: id }, { signal }), deploySchema),
        async retry(id) {
            const url = `${apiUrl.href.replace(/\/+$/, '')}/deploys/${encodeURIComponent(id)}/retry`;
            if (deadline.remaining() < LEAST_TIME_TO_SEND_MS) {
                throw new _failure_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiFailure */ .F9('Netlify', null, 'the retry was not sent: timeout-seconds ran out before it could be', 'raise timeout-seconds, then comment again', false, true);
            }
            let response;
            const signal = deadline.request();
            try {
                response = await fetch(url, {
                    method: 'POST',
                    headers: {
                        Authorization: `Bearer ${options.token}`,
                        'User-Agent': options.userAgent,
                        Accept: 'application/json',
                    },
                    signal,
                });
            }
            catch (error) {
                throw (0,_failure_js__WEBPACK_IMPORTED_MODULE_0__/* .networkFailure */ .rd)('Netlify', error, 'the retry request', deadline.expired || signal.aborted);
            }
            const text = await response.text().catch(() => '');
            if (!response.ok) {
                const wait = (0,_failure_js__WEBPACK_IMPORTED_MODULE_0__/* .retryAfter */ .P9)((name) => response.headers.get(name));
                throw statusFailure(response.status, messageOf(text, secrets), 'the retry request', siteId, wait);
            }
        },
    };
}
function messageOf(text, secrets) {
    try {
        const json = JSON.parse(text);
        if (typeof json?.message === 'string')
            return (0,_failure_js__WEBPACK_IMPORTED_MODULE_0__/* .excerpt */ .Kb)(json.message, secrets);
    }
    catch {
        // Not JSON: an HTML error page or plain text.
    }
    return (0,_failure_js__WEBPACK_IMPORTED_MODULE_0__/* .excerpt */ .Kb)(text, secrets);
}
/** Turns what @netlify/api throws into an ApiFailure, reading only safe fields (its errors hold the token). */
function describe(error, what, siteId, expired, secrets) {
    const status = typeof error?.status === 'number' ? error.status : null;
    if (status === null)
        return (0,_failure_js__WEBPACK_IMPORTED_MODULE_0__/* .networkFailure */ .rd)('Netlify', error, what, expired);
    if (status >= 200 && status < 300) {
        // @netlify/api throws a TextHTTPError with the success status when a JSON answer does not parse.
        return new _failure_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiFailure */ .F9('Netlify', status, `Netlify answered ${what} with a body that is not valid JSON`, 'check that netlify-api-url points at the Netlify API, or try again later', false, false);
    }
    const json = error.json;
    const data = error.data;
    const message = typeof json?.message === 'string'
        ? (0,_failure_js__WEBPACK_IMPORTED_MODULE_0__/* .excerpt */ .Kb)(json.message, secrets)
        : (0,_failure_js__WEBPACK_IMPORTED_MODULE_0__/* .excerpt */ .Kb)(typeof data === 'string' ? data : '', secrets);
    return statusFailure(status, message, what, siteId, null);
}
function statusFailure(status, message, what, siteId, retryAfterMs) {
    const said = message ? `: ${message}` : '';
    const fail = (text, fix) => new _failure_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiFailure */ .F9('Netlify', status, text, fix, status >= 500, (0,_failure_js__WEBPACK_IMPORTED_MODULE_0__/* .isTransientStatus */ .Dm)(status), retryAfterMs);
    switch (status) {
        case 401:
            return fail(`Netlify rejected the token (401${said})`, 'set the netlify-token secret to a valid Netlify personal access token');
        case 403:
            return fail(`Netlify refused access to site ${siteId} (403${said})`, "use a netlify-token of a member of the site's Netlify team");
        case 404:
            return fail(`Netlify found nothing for ${what} on site ${siteId} (404${said})`, "check the site-id input: it must be the site's API ID, and the token must see that site");
        case 429:
            return fail(`Netlify's rate limit was reached during ${what} (429)`, (0,_failure_js__WEBPACK_IMPORTED_MODULE_0__/* .commentAgain */ .Qe)(retryAfterMs));
        default:
            if (status >= 500)
                return fail(`Netlify failed during ${what} (${status}${said})`, 'try again later');
            return fail(`Netlify refused ${what} (${status}${said})`, 'see the message from Netlify');
    }
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


/***/ }),

/***/ 508:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  decideAndAct: () => (/* binding */ decideAndAct),
  messageOf: () => (/* binding */ messageOf),
  report: () => (/* binding */ report),
  startProgress: () => (/* binding */ startProgress)
});

;// CONCATENATED MODULE: ./src/core/decision.ts
/** States in which Netlify is still working on the deploy: a retry now would waste or race a build. */
const IN_PROGRESS_STATES = new Set([
    'new',
    'enqueued',
    'building',
    'uploading',
    'uploaded',
    'preparing',
    'prepared',
    'processing',
    'processed',
    'retrying',
]);
function decide(command, preview) {
    if (!preview)
        return { kind: 'not-found' };
    const state = preview.state;
    if (state === 'error')
        return { kind: 'retry', because: 'failed' };
    if (IN_PROGRESS_STATES.has(state))
        return { kind: 'skip', because: 'in-progress' };
    if (state === 'ready') {
        return command === 'rebuild' ? { kind: 'retry', because: 'forced' } : { kind: 'skip', because: 'ready' };
    }
    return { kind: 'skip', because: 'other-state' };
}
/**
 * After a retry request whose answer was lost (a timeout, a reset, a 5xx), the deploy is read again
 * instead of sending a second request: if Netlify is building it now, the retry took effect.
 */
function retryTookEffect(before, after) {
    // A fast build may already have ended: any change of state means a new attempt ran.
    return IN_PROGRESS_STATES.has(after.state) || after.state !== before.state;
}
function isStale(preview, headSha) {
    if (!headSha || !preview.commitRef || preview.commitRef === headSha)
        return undefined;
    return { built: preview.commitRef, head: headSha };
}
/** The reason sentence for a decision that sends no retry. */
function skipReason(decision, preview, prNumber, siteLabel) {
    if (decision.kind === 'not-found' || !preview) {
        return `PR #${prNumber} has no deploy preview on site ${siteLabel}.`;
    }
    if (decision.kind === 'skip' && decision.because === 'ready') {
        return 'The deploy preview is ready, so it was not retried.';
    }
    if (decision.kind === 'skip' && decision.because === 'in-progress') {
        return `A build of the deploy preview is already in progress (${preview.state}).`;
    }
    return `The deploy preview is in state ${preview.state}, which is not retried.`;
}
function retryReason(decision) {
    return decision.because === 'failed'
        ? 'The deploy preview had failed, so a retry was requested.'
        : 'A rebuild of the deploy preview was requested.';
}

;// CONCATENATED MODULE: ./src/core/preview.ts
/**
 * Choosing the preview: the PR's newest deploy preview among the deploys read so far.
 */
function choosePreview(deploys, prNumber) {
    let newest = null;
    for (const deploy of deploys) {
        if (deploy.context !== 'deploy-preview' || deploy.reviewId !== prNumber)
            continue;
        if (!newest || Date.parse(deploy.createdAt) > Date.parse(newest.createdAt))
            newest = deploy;
    }
    return newest;
}
/**
 * Whether paging on through the site's deploys (newest first) can still find the PR's preview:
 * not when the page was short (the list ended) or already reached deploys older than the PR,
 * because a PR's previews are never older than the PR itself.
 */
function mayFindOlder(page, perPage, prCreatedAt) {
    if (page.length < perPage)
        return false;
    const oldest = page[page.length - 1];
    return Date.parse(oldest.createdAt) >= Date.parse(prCreatedAt);
}
/** Netlify's app page for a deploy: its build log. */
function deployLogUrl(deploy) {
    if (!deploy.siteName)
        return null;
    return `https://app.netlify.com/sites/${encodeURIComponent(deploy.siteName)}/deploys/${encodeURIComponent(deploy.id)}`;
}

;// CONCATENATED MODULE: ./src/core/reply.ts

/** The reaction each result leaves on the command comment once it is decided. */
function finalReaction(result) {
    if (result === 'retried')
        return 'rocket';
    if (result === 'denied' || result === 'failed')
        return 'confused';
    return null;
}
/** Marks the action's own replies, so that they can be told apart from people's comments. */
const REPLY_MARKER = '<!-- netlify-preview-retry -->';
function renderReply(outcome, ctx) {
    // A denial's reason already starts with the commenter's @login (see core/trust.ts).
    const addressed = outcome.result === 'denied' && outcome.decidedBy?.startsWith(`@${ctx.login} `);
    const lines = [addressed ? headline(outcome, ctx) : `@${ctx.login} ${headline(outcome, ctx)}`];
    if (outcome.detail)
        lines.push('', outcome.detail);
    const preview = outcome.preview;
    if (preview && outcome.result !== 'denied') {
        const links = [];
        if (preview.url)
            links.push(`- Preview: ${preview.url}`);
        const log = deployLogUrl(preview);
        if (log)
            links.push(`- Deploy log: ${log}`);
        const commit = preview.commitRef ? `, built from ${reply_short(preview.commitRef)}` : '';
        links.push(`- Deploy \`${preview.id}\`: state \`${preview.state}\` when checked${commit}`);
        lines.push('', ...links);
    }
    if (outcome.stale) {
        lines.push('', `Note: this preview was built from ${reply_short(outcome.stale.built)}, not from the PR's head ${reply_short(outcome.stale.head)}. ` +
            'A retry rebuilds the same commit; Netlify builds the head in a new deploy preview of its own.');
    }
    if (outcome.result === 'failed') {
        if (outcome.fix)
            lines.push('', `To fix: ${outcome.fix}.`);
        if (ctx.runUrl)
            lines.push('', `Details are in the [workflow run](${ctx.runUrl}).`);
    }
    lines.push('', REPLY_MARKER);
    return lines.join('\n');
}
function headline(outcome, ctx) {
    switch (outcome.result) {
        case 'retried':
            return outcome.reason;
        case 'skipped':
            if (outcome.preview?.state === 'ready') {
                return `${outcome.reason} Comment \`${ctx.words.rebuild}\` to force a rebuild.`;
            }
            return outcome.reason;
        case 'not-found':
            return `${outcome.reason} Netlify may not have started building it yet; nothing was retried.`;
        case 'denied':
            return (`${outcome.decidedBy ?? outcome.reason.replace(/\.$/, '')}, so \`${commandWord(outcome, ctx)}\` was not run. ` +
                `A maintainer can allow commands on this PR by adding the \`${ctx.okToTestLabel}\` label.`);
        case 'failed':
            return `The retry could not be requested. ${outcome.reason}`;
        case 'ignored':
            return outcome.reason;
    }
}
function commandWord(outcome, ctx) {
    return outcome.command === 'rebuild' ? ctx.words.rebuild : ctx.words.retest;
}
function reply_short(sha) {
    return `\`${sha.slice(0, 7)}\``;
}

// EXTERNAL MODULE: ./src/core/trust.ts
var trust = __webpack_require__(9597);
// EXTERNAL MODULE: ./src/adapters/failure.ts
var adapters_failure = __webpack_require__(1506);
// EXTERNAL MODULE: ./src/adapters/netlify.ts
var adapters_netlify = __webpack_require__(2969);
;// CONCATENATED MODULE: ./src/flow.ts






function startProgress() {
    return { step: 'starting', service: 'GitHub', outcome: null, acknowledged: Promise.resolve(false) };
}
/** Decides and acts; never throws for API failures (they become a `failed` outcome). */
async function decideAndAct(input) {
    const { settings, event, command, ports, log } = input;
    const { github, netlify } = ports;
    const progress = input.progress ?? startProgress();
    const waitOn = (service, step, fallback) => {
        progress.service = service;
        progress.step = step;
        if (fallback)
            progress.outcome = fallback;
    };
    const verdict = (0,trust/* judgeTrust */.g_)({
        commenterLogin: event.commenterLogin,
        commenterAssociation: event.commenterAssociation,
        prAuthorAssociation: event.prAuthorAssociation,
        labels: event.labels,
    }, settings.trust);
    log.info(`Command ${command} by @${event.commenterLogin} on PR #${event.prNumber}: trust ${describeVerdict(verdict)}.`);
    // Round trip 1: everything that does not depend on another answer goes out together.
    const acknowledged = settings.dryRun ? Promise.resolve(true) : settle(github.react('eyes'), log);
    progress.acknowledged = acknowledged;
    if (verdict.kind === 'denied')
        return { outcome: denied(command, verdict.reason), acknowledged };
    const pull = github.readPull().then((value) => value, (error) => {
        log.warning(`Could not read the pull request, so the preview's commit is not compared with the head: ${messageOf(error)}`);
        return null;
    });
    const permission = verdict.kind === 'ask-permission' ? github.readPermission(event.commenterLogin) : null;
    let firstPage = verdict.kind === 'trusted' ? netlify.listPreviews({ page: 1 }) : null;
    firstPage?.catch(() => undefined); // awaited below; keeps an early rejection from going unhandled
    try {
        if (permission) {
            waitOn('GitHub', `reading @${event.commenterLogin}'s permission`);
            const granted = (0,trust/* judgePermission */.Np)(event.commenterLogin, await permission, settings.trust);
            log.info(`Trust after reading the permission: ${describeVerdict(granted)}.`);
            if (granted.kind !== 'trusted')
                return { outcome: denied(command, granted.reason), acknowledged };
            firstPage = netlify.listPreviews({ page: 1 });
        }
        waitOn('Netlify', 'listing the deploy previews');
        const preview = await findPreview(netlify, event.prNumber, await firstPage, pull, log);
        const decision = decide(command, preview);
        let outcome;
        if (decision.kind !== 'retry' || !preview) {
            const result = decision.kind === 'not-found' ? 'not-found' : 'skipped';
            outcome = { result, command, reason: skipReason(decision, preview, event.prNumber, settings.siteId), preview };
        }
        else if (settings.dryRun) {
            log.info('dry-run: the retry was not requested.');
            outcome = { result: 'retried', command, reason: retryReason(decision), preview };
        }
        else {
            waitOn('Netlify', 'sending the retry', unknown(command, null, preview));
            const base = { command, reason: retryReason(decision), prNumber: event.prNumber, siteId: settings.siteId };
            outcome = await retryOnce(netlify, preview, base, log, waitOn);
        }
        // The PR read only adds the note on a stale preview: it never holds up the decision or the retry.
        progress.outcome = outcome;
        waitOn('GitHub', 'reading the pull request');
        const head = await pull;
        const stale = preview && outcome.result !== 'failed' ? isStale(preview, head?.headSha ?? null) : undefined;
        return { outcome: stale ? { ...outcome, stale } : outcome, acknowledged };
    }
    catch (error) {
        return { outcome: failed(command, error), acknowledged };
    }
}
/**
 * The PR's newest preview: on the first page of the site's previews for an active PR; otherwise on
 * the page of the PR's head branch; otherwise by paging on until deploys are older than the PR.
 */
async function findPreview(netlify, prNumber, firstPage, pullRead, log) {
    const found = choosePreview(firstPage, prNumber);
    if (found)
        return found;
    const pull = await pullRead;
    const since = pull?.createdAt ?? '1970-01-01T00:00:00Z';
    if (!mayFindOlder(firstPage, adapters_netlify.PER_PAGE, since))
        return null;
    if (pull) {
        const onBranch = choosePreview(await netlify.listPreviews({ page: 1, branch: pull.headRef }), prNumber);
        if (onBranch)
            return onBranch;
        log.info(`No preview of PR #${prNumber} among the deploys of branch ${pull.headRef}; paging through the site's deploys.`);
    }
    for (let page = 2;; page++) {
        const deploys = await netlify.listPreviews({ page });
        const match = choosePreview(deploys, prNumber);
        if (match || !mayFindOlder(deploys, adapters_netlify.PER_PAGE, since))
            return match;
    }
}
/** Sends the retry at most once; when its answer is lost, reads the deploy to learn whether it took. */
async function retryOnce(netlify, preview, context, log, waitOn) {
    const base = { command: context.command, reason: context.reason };
    try {
        await netlify.retry(preview.id);
        log.info(`Netlify accepted the retry of deploy ${preview.id}.`);
        return { ...base, result: 'retried', preview };
    }
    catch (error) {
        if (error instanceof adapters_failure/* ApiFailure */.F9 && (error.status === 409 || error.status === 422)) {
            // Refused, perhaps because a build started since the deploy was read (a push, another command).
            log.info(`Netlify refused the retry (${error.message}); reading the deploy to see whether a build is running now.`);
            waitOn('Netlify', 'reading the deploy after the retry was refused', failed(base.command, error, preview));
            const after = await readAgain(netlify, preview, log, 'the refused retry');
            if (!after)
                return failed(base.command, error, preview);
            const decision = decide(context.command, after);
            if (decision.kind === 'skip' && decision.because === 'in-progress') {
                const reason = skipReason(decision, after, context.prNumber, context.siteId);
                return {
                    result: 'skipped',
                    command: context.command,
                    reason,
                    preview: after,
                    detail: 'A build started after the command was read, so Netlify refused a second one.',
                };
            }
            return failed(base.command, error, after);
        }
        if (!(error instanceof adapters_failure/* ApiFailure */.F9) || !error.mayHaveReached)
            return failed(base.command, error, preview);
        log.warning(`The retry's answer was lost (${error.message}); reading the deploy instead of sending it again.`);
        waitOn('Netlify', "reading the deploy after the retry's answer was lost", unknown(base.command, error, preview));
        const after = await readAgain(netlify, preview, log, 'the lost answer');
        if (!after)
            return unknown(base.command, error, preview);
        if (retryTookEffect(preview, after)) {
            return {
                ...base,
                result: 'retried',
                preview: after,
                detail: `Netlify's answer was lost, but the deploy is now ${after.state}.`,
            };
        }
        return failed(base.command, error, after);
    }
}
/** The deploy read again after an unclear retry answer, or null (with a warning) when that read fails too. */
async function readAgain(netlify, preview, log, after) {
    try {
        return await netlify.getDeploy(preview.id);
    }
    catch (readError) {
        log.warning(`Reading the deploy after ${after} failed too: ${messageOf(readError)}`);
        return null;
    }
}
/** Posts what the PR shows (unless dry-run); returns whether the outcome is visible there. */
async function report(input, outcome, acknowledged) {
    const { settings, log, ports } = input;
    const quiet = settings.quietRetest && outcome.command === 'retest';
    const body = quiet
        ? null
        : renderReply(outcome, {
            login: input.event.commenterLogin,
            words: settings.words,
            okToTestLabel: settings.trust.okToTestLabel,
            runUrl: input.runUrl,
        });
    const reaction = finalReaction(outcome.result);
    if (settings.dryRun) {
        log.info(`dry-run: would react ${reaction ?? '(no final reaction)'} and ${body === null ? 'post no reply' : `reply:\n${body}`}`);
        return { outcome, shown: true };
    }
    let reported;
    try {
        reported = await ports.github.report({ body, reaction });
    }
    catch (error) {
        const failure = error instanceof adapters_failure/* ApiFailure */.F9
            ? error
            : new adapters_failure/* ApiFailure */.F9('GitHub', null, messageOf(error), 'try again later', true, true);
        reported = { replyUrl: null, reactionAdded: false, failures: [failure] };
    }
    for (const failure of reported.failures)
        log.warning(`${capitalize(failure.message)}: ${failure.fix}.`);
    if (reported.replyUrl)
        log.info(`Replied: ${reported.replyUrl}`);
    // The eyes reaction is waited for only when it is all the PR shows: a hung one must not hold up (nor
    // use up the deadline of) the reply.
    const nothingMore = body === null && reaction === null;
    const eyes = nothingMore && (await acknowledged);
    return { outcome, shown: reported.replyUrl !== null || reported.reactionAdded || eyes };
}
function denied(command, reason) {
    return { result: 'denied', command, reason: `${reason}.`, preview: null, decidedBy: reason };
}
/** The retry may or may not have reached Netlify, and reading the deploy could not tell. */
function unknown(command, error, preview) {
    const why = error
        ? `${capitalize(error.message)}, and the deploy could not be read again`
        : 'The run ended while the retry was being sent';
    return {
        result: 'failed',
        command,
        reason: `${why}: it is not known whether Netlify started the build.`,
        preview,
        fix: 'look at the deploy log before commenting again',
    };
}
function failed(command, error, preview = null, detail) {
    const failure = error instanceof adapters_failure/* ApiFailure */.F9 ? error : null;
    const reason = failure ? `${capitalize(failure.message)}.` : `Unexpected error: ${messageOf(error)}.`;
    return { result: 'failed', command, reason, preview, fix: failure?.fix, detail };
}
async function settle(work, log) {
    try {
        await work;
        return true;
    }
    catch (error) {
        const failure = error instanceof adapters_failure/* ApiFailure */.F9 ? error : null;
        log.warning(`Could not add the eyes reaction: ${messageOf(error)}${failure ? `: ${failure.fix}` : ''}.`);
        return false;
    }
}
function describeVerdict(verdict) {
    if (verdict.kind === 'ask-permission')
        return 'not settled by the event, asking GitHub for the permission';
    return `${verdict.kind} (${verdict.reason})`;
}
function messageOf(error) {
    if (error instanceof adapters_failure/* ApiFailure */.F9)
        return error.message;
    if (error instanceof Error)
        return `${error.name}: ${error.message.split('\n')[0]}`;
    return 'unknown error';
}
function capitalize(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}


/***/ })

};
