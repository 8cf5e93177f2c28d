export const id = 969;
export const ids = [969,94];
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


/***/ })

};
