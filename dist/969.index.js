export const id = 969;
export const ids = [969,94];
export const modules = {

/***/ 5094:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Deadline: () => (/* binding */ Deadline),
/* harmony export */   REQUEST_TIMEOUT_MS: () => (/* binding */ REQUEST_TIMEOUT_MS),
/* harmony export */   withRetries: () => (/* binding */ withRetries)
/* harmony export */ });
/**
 * Deadlines: every request gets a signal that fires at its own timeout or when the run's budget is
 * spent, whichever comes first; retries wait only while the budget lasts.
 */
const REQUEST_TIMEOUT_MS = 15_000;
class Deadline {
    #budget;
    #endsAt;
    constructor(budget, endsAt) {
        this.#budget = budget;
        this.#endsAt = endsAt;
    }
    static after(ms) {
        return new Deadline(AbortSignal.timeout(ms), Date.now() + ms);
    }
    /** The signal for one request. */
    request(timeoutMs = REQUEST_TIMEOUT_MS) {
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
/* harmony export */   rd: () => (/* binding */ networkFailure)
/* harmony export */ });
/* unused harmony export errorCode */
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
    name = 'ApiFailure';
    constructor(service, 
    /** HTTP status, or null when no answer came. */
    status, message, 
    /** What a maintainer should do about it. */
    fix, 
    /** True when the request may have been processed although no good answer came back. */
    mayHaveReached, 
    /** True when trying the same request again later could succeed. */
    transient) {
        super(message);
        this.service = service;
        this.status = status;
        this.fix = fix;
        this.mayHaveReached = mayHaveReached;
        this.transient = transient;
    }
}
/** Network-level failure codes (from node-fetch, undici and the OS) and whether the request was sent. */
function networkFailure(service, error, what, budgetExpired) {
    const code = errorCode(error);
    if (budgetExpired || isAbort(error)) {
        return new ApiFailure(service, null, `${service} did not answer ${what} in time`, `check ${service}'s status; the request was abandoned`, true, true);
    }
    const refused = code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
    const detail = code ? ` (${code})` : '';
    return new ApiFailure(service, null, refused ? `${service} could not be reached for ${what}${detail}` : `the connection to ${service} failed during ${what}${detail}`, service === 'Netlify' ? 'check netlify-api-url and the runner\'s network' : 'check the runner\'s network and GITHUB_API_URL', !refused, true);
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
/** A short, printable excerpt of an API's error text: one line, bounded, no markup. */
function excerpt(text) {
    if (typeof text !== 'string')
        return '';
    const line = text.replace(/<[^>]{0,200}>/g, ' ').replace(/\s+/g, ' ').trim();
    return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}


/***/ }),

/***/ 2969:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PER_PAGE: () => (/* binding */ PER_PAGE),
/* harmony export */   createNetlify: () => (/* binding */ createNetlify)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(0);
/* harmony import */ var _deadline_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5094);
/* harmony import */ var _failure_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1506);
/**
 * The Netlify adapter: the only place that knows Netlify's paths, answers and errors.
 * Documented reads go through @netlify/api; the retry, which its OpenAPI spec lacks, is a plain POST.
 */



const PER_PAGE = 100;
const nullableString = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullish().transform((value) => value ?? null);
/** Only the fields read, and as loosely as the live API sends them (nulls everywhere, no required fields). */
const deploySchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    id: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(/^[A-Za-z0-9_-]{1,64}$/),
    name: nullableString,
    state: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1),
    context: nullableString,
    review_id: zod__WEBPACK_IMPORTED_MODULE_1__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(/^\d+$/).transform(Number)])
        .nullish()
        .transform((value) => value ?? null),
    commit_ref: nullableString,
    branch: nullableString,
    deploy_ssl_url: nullableString,
    deploy_url: nullableString,
    created_at: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().refine((value) => !Number.isNaN(Date.parse(value)), 'is not a date'),
    error_message: nullableString,
})
    .transform((d) => ({
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
}));
async function createNetlify(options) {
    const { NetlifyAPI } = await __webpack_require__.e(/* import() */ 393).then(__webpack_require__.bind(__webpack_require__, 6393));
    const { apiUrl, deadline, siteId } = options;
    const api = new NetlifyAPI(options.token, {
        scheme: apiUrl.protocol.replace(':', ''),
        host: apiUrl.host,
        pathPrefix: apiUrl.pathname.replace(/\/+$/, ''),
        userAgent: options.userAgent,
    });
    /** A documented read: safe to repeat, so transient failures are tried again while the budget lasts. */
    const read = (what, call, schema) => (0,_deadline_js__WEBPACK_IMPORTED_MODULE_2__.withRetries)(deadline, 3, async () => {
        let body;
        try {
            body = await call(deadline.request());
        }
        catch (error) {
            throw describe(error, what, siteId, deadline.expired);
        }
        const parsed = schema.safeParse(body);
        if (!parsed.success) {
            const issue = parsed.error.issues[0];
            throw new _failure_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiFailure */ .F9('Netlify', 200, `Netlify answered ${what} with data of an unexpected shape (${issue?.path.join('.') || 'body'}: ${issue?.message})`, 'check that netlify-api-url points at the Netlify API', false, false);
        }
        return parsed.data;
    }, 
    // @netlify/api already waits out 429s and resets; 5xx answers are ours to try again.
    (error) => (error instanceof _failure_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiFailure */ .F9 && error.status !== null && error.status >= 500 ? 1_000 : null));
    return {
        listPreviews: ({ page, branch }) => read('the list of deploys', (signal) => api.listSiteDeploys({ site_id: siteId, 'deploy-previews': true, page, per_page: PER_PAGE, ...(branch ? { branch } : {}) }, { signal }), zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(deploySchema)),
        getDeploy: (id) => read(`the deploy ${id}`, (signal) => api.getDeploy({ deploy_id: id }, { signal }), deploySchema),
        async retry(id) {
            const url = `${apiUrl.href.replace(/\/+$/, '')}/deploys/${encodeURIComponent(id)}/retry`;
            let response;
            try {
                response = await fetch(url, {
                    method: 'POST',
                    headers: { Authorization: `Bearer ${options.token}`, 'User-Agent': options.userAgent, Accept: 'application/json' },
                    signal: deadline.request(),
                });
            }
            catch (error) {
                throw (0,_failure_js__WEBPACK_IMPORTED_MODULE_0__/* .networkFailure */ .rd)('Netlify', error, 'the retry request', deadline.expired);
            }
            const text = await response.text().catch(() => '');
            if (!response.ok)
                throw statusFailure(response.status, messageOf(text), 'the retry request', siteId);
        },
    };
}
function messageOf(text) {
    try {
        const json = JSON.parse(text);
        if (typeof json.message === 'string')
            return (0,_failure_js__WEBPACK_IMPORTED_MODULE_0__/* .excerpt */ .Kb)(json.message);
    }
    catch {
        // Not JSON: an HTML error page or plain text.
    }
    return (0,_failure_js__WEBPACK_IMPORTED_MODULE_0__/* .excerpt */ .Kb)(text);
}
/** Turns what @netlify/api throws into an ApiFailure, reading only safe fields (its errors hold the token). */
function describe(error, what, siteId, expired) {
    const status = typeof error?.status === 'number' ? error.status : null;
    if (status === null)
        return (0,_failure_js__WEBPACK_IMPORTED_MODULE_0__/* .networkFailure */ .rd)('Netlify', error, what, expired);
    const json = error.json;
    const data = error.data;
    const message = typeof json?.message === 'string' ? (0,_failure_js__WEBPACK_IMPORTED_MODULE_0__/* .excerpt */ .Kb)(json.message) : (0,_failure_js__WEBPACK_IMPORTED_MODULE_0__/* .excerpt */ .Kb)(typeof data === 'string' ? data : '');
    return statusFailure(status, message, what, siteId);
}
function statusFailure(status, message, what, siteId) {
    const said = message ? `: ${message}` : '';
    const fail = (text, fix) => new _failure_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiFailure */ .F9('Netlify', status, text, fix, status >= 500, (0,_failure_js__WEBPACK_IMPORTED_MODULE_0__/* .isTransientStatus */ .Dm)(status));
    switch (status) {
        case 401:
            return fail(`Netlify rejected the token (401${said})`, 'set the netlify-token secret to a valid Netlify personal access token');
        case 403:
            return fail(`Netlify refused access to site ${siteId} (403${said})`, "use a netlify-token of a member of the site's Netlify team");
        case 404:
            return fail(`Netlify found nothing for ${what} on site ${siteId} (404${said})`, 'check the site-id input: it must be the site\'s API ID, and the token must see that site');
        case 429:
            return fail(`Netlify's rate limit was reached during ${what} (429)`, 'wait a minute and comment again');
        default:
            if (status >= 500)
                return fail(`Netlify failed during ${what} (${status}${said})`, 'try again later');
            return fail(`Netlify refused ${what} (${status}${said})`, 'see the message from Netlify');
    }
}


/***/ })

};
