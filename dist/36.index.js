export const id = 36;
export const ids = [36];
export const modules = {

/***/ 36:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  realClock: () => (/* binding */ realClock),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(24);
// EXTERNAL MODULE: ../main/node_modules/zod/v4/mini/schemas.js + 3 modules
var schemas = __webpack_require__(51);
// EXTERNAL MODULE: ../main/node_modules/zod/v4/core/api.js + 1 modules
var api = __webpack_require__(329);
// EXTERNAL MODULE: ../main/node_modules/zod/v4/core/parse.js + 1 modules
var core_parse = __webpack_require__(17);
;// CONCATENATED MODULE: ./src/core/trust.ts
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
/** Whether the PR's own trust lets anyone run this command. */
function prTrustCounts(command, rules) {
    return command === 'retest' || (command === 'rebuild' && rules.rebuildTrust === 'pr');
}
function judgeTrust(command, facts, rules) {
    const login = facts.commenterLogin;
    const own = commenterGround(facts, rules);
    if (own)
        return { kind: 'trusted', ground: own };
    const pr = prGround(facts, rules);
    const counts = prTrustCounts(command, rules);
    if (pr && counts)
        return { kind: 'trusted', ground: pr };
    const prTrusted = pr && !counts ? pr : null;
    if (rules.permission !== 'none')
        return { kind: 'ask-permission', prTrusted };
    return { kind: 'denied', denial: { login, permission: null, prTrusted } };
}
/** The verdict once GitHub has answered with the commenter's permission on the repository. */
function judgePermission(login, granted, rules, prTrusted) {
    if (rules.permission !== 'none' && rankOf(granted) >= rankOf(rules.permission)) {
        return { kind: 'trusted', ground: { kind: 'permission', granted } };
    }
    return { kind: 'denied', denial: { login, permission: { granted, required: rules.permission }, prTrusted } };
}
function commenterGround(facts, rules) {
    if (includesAssociation(rules.associations, facts.commenterAssociation)) {
        return { kind: 'association', association: facts.commenterAssociation };
    }
    if (rules.users.some((user) => sameLogin(user, facts.commenterLogin)))
        return { kind: 'user' };
    if (isTrustedApp(facts.commenterLogin, rules.apps))
        return { kind: 'app' };
    return null;
}
function prGround(facts, rules) {
    // GitHub label names are unique without regard to case: OK-To-Test is the ok-to-test label.
    if (hasLabel(facts.labels, rules.okToTestLabel))
        return { kind: 'label', label: rules.okToTestLabel };
    if (includesAssociation(rules.associations, facts.prAuthorAssociation)) {
        return { kind: 'author', association: facts.prAuthorAssociation };
    }
    return null;
}
function hasLabel(labels, label) {
    const wanted = label.toLowerCase();
    return labels.some((name) => name.toLowerCase() === wanted);
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

// EXTERNAL MODULE: ./src/core/text.ts
var core_text = __webpack_require__(542);
;// CONCATENATED MODULE: ./src/flow/ports.ts
/** Thrown by a port when a request got no usable answer: the failure says what and what to fix. */
class PortError extends Error {
    failure;
    name = 'PortError';
    constructor(failure) {
        super(failure.what);
        this.failure = failure;
    }
}

;// CONCATENATED MODULE: ./src/adapters/http.ts
/** Why no answer came; `sent` tells whether the request may have reached the server. */
class HttpProblem extends Error {
    kind;
    code;
    sent;
    name = 'HttpProblem';
    constructor(kind, code, sent) {
        super(`${kind}${code ? ` (${code})` : ''}`);
        this.kind = kind;
        this.code = code;
        this.sent = sent;
    }
}
/** No answer the adapters read is larger: a page of 100 deploys is about 300 KB. */
const MAX_BODY = 8 * 1024 * 1024;
const clients = new Map();
function clientFor(url) {
    const scheme = url.protocol === 'https:' ? 'https' : 'http';
    let entry = clients.get(scheme);
    if (!entry) {
        const client = process.getBuiltinModule(`node:${scheme}`);
        // A runner behind a proxy sets HTTPS_PROXY (and NO_PROXY): Node's agents honour them when given the environment.
        const proxied = Boolean(process.env.HTTPS_PROXY || process.env.https_proxy || process.env.HTTP_PROXY || process.env.http_proxy);
        const options = { keepAlive: true, ...(proxied ? { proxyEnv: process.env } : {}) };
        entry = { client, agent: new client.Agent(options) };
        clients.set(scheme, entry);
    }
    return entry;
}
function send(request) {
    const { client, agent } = clientFor(request.url);
    return new Promise((resolve, reject) => {
        let sent = false;
        const fail = (error) => reject(problemOf(error, sent, request.signal));
        if (request.signal.aborted) {
            fail(request.signal.reason);
            return;
        }
        const req = client.request(request.url, { method: request.method, headers: request.headers, agent, signal: request.signal }, (res) => {
            const chunks = [];
            let size = 0;
            res.on('data', (chunk) => {
                size += chunk.length;
                if (size > MAX_BODY) {
                    // Settled before the destroy, whose 'aborted' would otherwise make it a reset.
                    reject(new HttpProblem('too-large', '', true));
                    res.destroy();
                    return;
                }
                chunks.push(chunk);
            });
            res.on('error', fail);
            res.on('aborted', () => fail(new HttpProblem('network', 'ECONNRESET', true)));
            res.on('end', () => {
                if (!res.complete) {
                    fail(new HttpProblem('network', 'ECONNRESET', true));
                    return;
                }
                const headers = res.headers;
                resolve({
                    status: res.statusCode ?? 0,
                    header: (name) => {
                        const value = headers[name.toLowerCase()];
                        return Array.isArray(value) ? value.join(', ') : (value ?? null);
                    },
                    text: Buffer.concat(chunks).toString('utf8'),
                });
            });
        });
        req.on('error', fail);
        // Once the socket is connected and the request written, the server may act on it.
        req.on('finish', () => {
            sent = true;
        });
        req.end(request.body);
    });
}
function problemOf(error, sent, signal) {
    if (error instanceof HttpProblem)
        return error;
    if (signal.aborted)
        return new HttpProblem('timeout', '', sent);
    const code = typeof error?.code === 'string' ? error.code : '';
    const safe = /^E[A-Z_]{2,30}$/.test(code) ? code : '';
    if (safe === 'ECONNREFUSED' || safe === 'ENOTFOUND' || safe === 'EAI_AGAIN')
        return new HttpProblem('refused', safe, false);
    return new HttpProblem('network', safe, sent);
}
/** A signal for one request: its own timeout, or `outer`, whichever fires first. */
function requestSignal(timeoutMs, outer) {
    const own = AbortSignal.timeout(Math.max(1, Math.floor(timeoutMs)));
    return outer ? AbortSignal.any([own, outer]) : own;
}

;// CONCATENATED MODULE: ./src/adapters/failure.ts


/** From status to failure, first match wins. `doing` is a gerund phrase: "listing the deploy previews". */
const TABLE = [
    {
        when: (s) => s >= 300 && s < 400,
        what: (w, doing) => `${w.service} answered with a redirect while ${doing}, and a request that carries a token never follows one`,
        fix: (w) => w.fixRedirect,
        transient: false,
    },
    { when: (s) => s === 401, what: (w) => `${w.service} rejected ${w.token}`, fix: (w) => w.fixToken, transient: false },
    {
        when: (s) => s === 403,
        what: (w, doing) => `${w.service} refused ${doing}${w.where}`,
        fix: (w) => w.fixForbidden,
        transient: false,
    },
    {
        when: (s) => s === 404,
        what: (w, doing) => `${w.service} found nothing while ${doing}${w.where}`,
        fix: (w) => w.fixNotFound,
        transient: false,
    },
    {
        when: (s) => s === 429,
        what: (w, doing) => `${w.service}'s rate limit was reached while ${doing}`,
        fix: (_w, wait) => commentAgain(wait),
        transient: true,
    },
    { when: (s) => s >= 500, what: (w, doing) => `${w.service} failed while ${doing}`, fix: () => 'try again later', transient: true },
    {
        when: () => true,
        what: (w, doing) => `${w.service} refused ${doing}`,
        fix: (w) => `see the message from ${w.service}`,
        transient: false,
    },
];
function statusTrouble(words, status, said, doing, retryAfterMs) {
    const row = TABLE.find((r) => r.when(status));
    return {
        failure: { service: words.service, status, what: row.what(words, doing), said, fix: row.fix(words, retryAfterMs) },
        transient: row.transient,
        mayHaveReached: status >= 500,
        retryAfterMs,
    };
}
/** A rate limit that is not a 429: GitHub answers 403 with a message, or with no requests left. */
function rateLimited(words, status, said, doing, retryAfterMs) {
    const row = TABLE.find((r) => r.when(429));
    return {
        failure: { service: words.service, status, what: row.what(words, doing), said, fix: row.fix(words, retryAfterMs) },
        transient: true,
        mayHaveReached: false,
        retryAfterMs,
    };
}
/** No answer: a timeout, a refused connection, a dropped one. */
function problemTrouble(words, problem, doing) {
    const p = problem instanceof HttpProblem ? problem : new HttpProblem('network', '', true);
    const base = { status: null, service: words.service, said: p.code };
    switch (p.kind) {
        case 'timeout':
            return {
                failure: { ...base, what: `${words.service} did not answer in time while ${doing}`, fix: `check ${words.service}'s status, or raise timeout-seconds` },
                transient: true,
                mayHaveReached: p.sent,
                retryAfterMs: null,
            };
        case 'refused':
            return {
                failure: { ...base, what: `${words.service} could not be reached while ${doing}`, fix: words.fixNetwork },
                transient: true,
                mayHaveReached: false,
                retryAfterMs: null,
            };
        case 'too-large':
            return {
                failure: { ...base, what: `${words.service}'s answer was too large while ${doing}`, fix: words.fixRedirect },
                transient: false,
                mayHaveReached: true,
                retryAfterMs: null,
            };
        case 'network':
            return {
                failure: { ...base, what: `the connection to ${words.service} failed while ${doing}`, fix: words.fixNetwork },
                transient: true,
                mayHaveReached: p.sent,
                retryAfterMs: null,
            };
    }
}
/** An answer with a success status whose body cannot be used. */
function unreadable(words, doing, why) {
    const notJson = why === 'not-json';
    return {
        failure: {
            service: words.service,
            status: 200,
            what: notJson
                ? `${words.service}'s answer could not be read while ${doing} (it is not JSON)`
                : `${words.service} answered with data of an unexpected shape while ${doing}`,
            said: notJson ? '' : why,
            fix: words.fixRedirect,
        },
        transient: notJson,
        // A success status: the server acted on the request, whatever its body (a report must not be posted twice).
        mayHaveReached: true,
        retryAfterMs: null,
    };
}
/** The message of an API's error body (`{"message": …}`), or its text, excerpted without secrets. */
function saidBy(text, secrets) {
    try {
        const json = JSON.parse(text);
        if (json && typeof json.message === 'string')
            return (0,core_text/* excerpt */.Kb)(json.message, secrets);
    }
    catch {
        // Not JSON: an HTML error page or plain text.
    }
    return (0,core_text/* excerpt */.Kb)(text, secrets);
}
/** The wait an answer asks for: Retry-After (seconds or a date), or X-RateLimit-Reset (epoch seconds). */
function retryAfter(header, now) {
    const after = header('retry-after')?.trim();
    if (after && /^\d{1,7}$/.test(after))
        return Number(after) * 1000;
    if (after && !Number.isNaN(Date.parse(after)))
        return Math.max(0, Date.parse(after) - now);
    return resetIn(header, now);
}
/** Milliseconds until X-RateLimit-Reset (epoch seconds), or null. */
function resetIn(header, now) {
    const reset = header('x-ratelimit-reset')?.trim();
    if (reset && /^\d{1,12}$/.test(reset))
        return Math.max(0, Number(reset) * 1000 - now);
    return null;
}
/** What to do about a rate limit that ends in `waitMs`. */
function commentAgain(waitMs, now = Date.now()) {
    if (waitMs === null || waitMs <= 60_000)
        return 'wait a minute and comment again';
    const at = new Date(now + waitMs + 60_000).toISOString().slice(11, 16);
    return `the limit resets at about ${at} UTC: comment again after that`;
}
/**
 * One zod issue in plain words: where (field names only), and what was wrong there. zod/mini says only
 * "Invalid input", so the words come from the issue's code, and `input` (what was parsed) tells a missing
 * field from one of the wrong type.
 */
function describeIssue(issue, input) {
    if (!issue)
        return 'body: not valid';
    // A key of the answer is data: only a plain field name is repeated, anything else is shown as `…`.
    const where = issue.path.map((key) => (typeof key === 'number' || /^[A-Za-z0-9_-]{1,40}$/.test(String(key)) ? String(key) : '…')).join('.') || 'body';
    return (0,core_text/* oneLine */.TN)(`${where}: ${failure_problemOf(issue, valueAt(input, issue.path))}`).slice(0, 120);
}
function failure_problemOf(issue, value) {
    if (value === undefined && (issue.code === 'invalid_type' || /received undefined$/.test(issue.message)))
        return 'missing';
    if (issue.message !== 'Invalid input')
        return issue.message.replace(/^Invalid input: /, '');
    if (issue.code === 'invalid_type' && typeof issue.expected === 'string')
        return `expected ${issue.expected}, got ${value === null ? 'null' : typeof value}`;
    if (issue.code === 'invalid_format' || issue.code === 'too_small' || issue.code === 'too_big')
        return 'not in the expected form';
    return 'not valid';
}
function valueAt(input, path) {
    let node = input;
    for (const key of path) {
        if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key))
            return undefined;
        node = node[key];
    }
    return node;
}

;// CONCATENATED MODULE: ./src/adapters/request.ts



/** A request gets at most this long, and at most a third of its phase, so that a hung one leaves time to try again. */
const REQUEST_MS = 15_000;
const MIN_REQUEST_MS = 1_000;
/** The request timeout for a phase of `phaseMs`. */
function requestMsFor(phaseMs) {
    return Math.min(REQUEST_MS, Math.max(MIN_REQUEST_MS, Math.floor(phaseMs / 3)));
}
function remaining(t) {
    return t.deadline.endsAt - t.clock.now();
}
/** Sends one request; an answer of any status comes back, no answer becomes a Trouble. */
async function exchange(t, request, doing) {
    const left = remaining(t);
    if (left <= 0)
        return { ok: false, trouble: problemTrouble(t.words, new HttpProblem('timeout', '', false), doing) };
    try {
        const answer = await send({ ...request, signal: requestSignal(Math.min(t.requestMs, left), t.deadline.signal) });
        return { ok: true, answer };
    }
    catch (error) {
        return { ok: false, trouble: problemTrouble(t.words, error, doing) };
    }
}
/** For reads: transient troubles are tried again, after what the API asked for, or a second. */
const READ_POLICY = {
    tries: 3,
    waitMs: (trouble) => {
        if (!trouble.transient)
            return null;
        if (trouble.retryAfterMs !== null)
            return Math.max(500, trouble.retryAfterMs);
        return trouble.failure.status === null ? 500 : 1_000;
    },
};
/** Runs `attempt` under the policy while the deadline allows the wait; throws a PortError with the last failure. */
async function withRetries(t, policy, attempt) {
    for (let n = 1;; n++) {
        const result = await attempt();
        if (result.ok)
            return result.value;
        const wait = n < policy.tries ? policy.waitMs(result.trouble) : null;
        // Only a wait that leaves a second for the next try is worth it.
        if (wait === null || wait >= remaining(t) - 1_000)
            throw new PortError(result.trouble.failure);
        await t.clock.sleep(wait);
    }
}
/** JSON of an answer, or undefined when it is not JSON. */
function json(answer) {
    try {
        return JSON.parse(answer.text);
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/adapters/github.ts
/**
 * The GitHub adapter: the only place that knows GitHub's paths, statuses, headers and retries, for one
 * command comment on one pull request. REST for the reads, the label and the first reaction; one GraphQL
 * mutation posts (or edits) the reply together with the reactions, so that a report is a single request.
 */






/** The fields read from a pull request (exported, like permissionSchema, for the contract tests). */
const pullSchema = schemas/* pipe */.FsL(schemas/* object */.Ikc({
    head: schemas/* object */.Ikc({
        sha: schemas/* string */.YjP().check(api/* _regex */.Fk(/^[0-9a-f]{40,64}$/)),
        ref: schemas/* string */.YjP().check(api/* _regex */.Fk(/^[^\s\x00-\x1f\x7f]{1,255}$/)),
        repo: schemas/* nullish */.cl6(schemas/* object */.Ikc({ full_name: schemas/* string */.YjP() })),
    }),
    base: schemas/* object */.Ikc({ repo: schemas/* object */.Ikc({ full_name: schemas/* string */.YjP() }) }),
    created_at: schemas/* string */.YjP().check(schemas/* refine */.YPB((value) => !Number.isNaN(Date.parse(value)), 'is not a date')),
    state: schemas/* string */.YjP(),
    merged_at: schemas/* nullish */.cl6(schemas/* string */.YjP()),
}), schemas/* transform */.pdi((p) => ({
    headSha: p.head.sha,
    headRef: p.head.ref,
    createdAt: p.created_at,
    open: p.state === 'open',
    merged: p.merged_at != null,
    fork: !p.head.repo || p.head.repo.full_name.toLowerCase() !== p.base.repo.full_name.toLowerCase(),
})));
const permissionSchema = schemas/* pipe */.FsL(schemas/* object */.Ikc({
    // Required by GitHub's schema: an answer without it is not a permission answer.
    permission: schemas/* string */.YjP(),
    role_name: schemas/* nullish */.cl6(schemas/* string */.YjP()),
    user: schemas/* nullish */.cl6(schemas/* object */.Ikc({ permissions: schemas/* nullish */.cl6(schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J())) })),
}), schemas/* transform */.pdi((p) => strongest([p.role_name, p.permission, ...flags(p.user?.permissions)])));
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
    return Object.entries(FLAG_LEVELS).flatMap(([flag, level]) => (permissions[flag] === true ? [level] : []));
}
/** The strongest known level among the answer's fields; a custom role's name counts as nothing by itself. */
function strongest(names) {
    let best = 0;
    for (const name of names) {
        const rank = PERMISSION_LEVELS.indexOf(name ?? '');
        if (rank > best)
            best = rank;
    }
    return PERMISSION_LEVELS[best];
}
const REACTION_CONTENT = { eyes: 'EYES', rocket: 'ROCKET', confused: 'CONFUSED', hooray: 'HOORAY' };
const mutationAnswer = schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* nullish */.cl6(schemas/* object */.Ikc({
    commentEdge: schemas/* nullish */.cl6(schemas/* object */.Ikc({ node: schemas/* nullish */.cl6(schemas/* object */.Ikc({ id: schemas/* string */.YjP(), url: schemas/* string */.YjP() })) })),
    issueComment: schemas/* nullish */.cl6(schemas/* object */.Ikc({ id: schemas/* string */.YjP(), url: schemas/* string */.YjP() })),
    reaction: schemas/* nullish */.cl6(schemas/* object */.Ikc({ content: schemas/* string */.YjP() })),
})));
const graphqlBody = schemas/* object */.Ikc({
    data: schemas/* nullish */.cl6(schemas/* unknown */.L5J()),
    errors: schemas/* nullish */.cl6(schemas/* array */.YOg(schemas/* object */.Ikc({ type: schemas/* nullish */.cl6(schemas/* string */.YjP()), message: schemas/* nullish */.cl6(schemas/* string */.YjP()), path: schemas/* nullish */.cl6(schemas/* array */.YOg(schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig()]))) }))),
});
const PERMISSIONS_FIX = 'give the job `permissions: issues: write` and `pull-requests: write` (needed to react and reply), or set github-token to a token that has them';
const READ_PULL_FIX = 'give the job `permissions: pull-requests: read` (needed to read the pull request), or set github-token to a token that has it';
const READ_PERMISSION_FIX = "set github-token to a token that can read this repository's collaborators, or leave it unset to use the workflow token";
/** GitHub for one phase of the run: every request keeps `deadline`. */
function githubPort(options, deadline) {
    const { clock, secrets, owner, repo } = options;
    const requestMs = requestMsFor(deadline.endsAt - clock.now());
    const api = options.apiUrl.href.replace(/\/+$/, '');
    const repoPath = `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;
    const headers = {
        Authorization: `Bearer ${options.token}`,
        Accept: 'application/vnd.github+json',
        'X-GitHub-Api-Version': '2022-11-28',
        'User-Agent': options.userAgent,
    };
    const transport = (fixForbidden) => ({
        clock,
        deadline,
        secrets,
        requestMs,
        words: githubWords(fixForbidden),
    });
    const troubleOf = (t, answer, doing) => {
        const said = saidBy(answer.text, secrets);
        const wait = retryAfter(answer.header, clock.now());
        if (answer.status === 403 && (/rate limit/i.test(said) || answer.header('x-ratelimit-remaining') === '0')) {
            return rateLimited(t.words, 403, said, doing, wait);
        }
        return statusTrouble(t.words, answer.status, said, doing, wait);
    };
    /** A REST call that is safe to repeat; `read` turns a 2xx answer into a value. */
    const rest = (method, url, body, doing, fixForbidden, read, policy = READ_POLICY) => {
        const t = transport(fixForbidden);
        const text = body === undefined ? undefined : JSON.stringify(body);
        return withRetries(t, policy, async () => {
            const got = await exchange(t, {
                method,
                url: new URL(url),
                headers: text === undefined ? headers : { ...headers, 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)) },
                body: text,
            }, doing);
            if (!got.ok)
                return got;
            if (got.answer.status < 200 || got.answer.status >= 300)
                return { ok: false, trouble: troubleOf(t, got.answer, doing) };
            const value = read(got.answer, t);
            return isTrouble(value) ? { ok: false, trouble: value } : { ok: true, value };
        });
    };
    const parse = (schema, doing) => (answer, t) => {
        const body = json(answer);
        if (body === undefined)
            return unreadable(t.words, doing, 'not-json');
        const parsed = core_parse/* safeParse */.xL(schema, body);
        return parsed.success ? parsed.data : unreadable(t.words, doing, describeIssue(parsed.error.issues[0], body));
    };
    /** One GraphQL mutation of several aliased parts: what each part did, and what failed. */
    const mutate = async (name, parts, policy) => {
        const declared = parts.flatMap((part) => part.declare);
        const query = `mutation ${name}(${declared.join(', ')}) { ${parts.map((part) => `${part.alias}: ${part.field}`).join(' ')} }`;
        const variables = Object.assign({}, ...parts.map((part) => part.variables));
        const doing = name === 'Report' ? 'posting the reply' : 'editing the reply';
        const body = await rest('POST', options.graphqlUrl.href, { query, variables }, doing, PERMISSIONS_FIX, parse(graphqlBody, doing), policy).catch((error) => error);
        if (body instanceof PortError)
            return { data: {}, failures: [body.failure] };
        if (body instanceof Error)
            throw body;
        const answer = body;
        const data = core_parse/* safeParse */.xL(mutationAnswer, answer.data ?? {});
        const failures = (answer.errors ?? []).map((error) => graphqlFailure(error, secrets, doing));
        return { data: data.success ? data.data : {}, failures };
    };
    const reactionParts = (reactions) => reactions.map((content, i) => ({
        alias: `r${i}`,
        field: `addReaction(input: {subjectId: $comment, content: $c${i}}) { reaction { content } }`,
        declare: [...(i === 0 ? ['$comment: ID!'] : []), `$c${i}: ReactionContent!`],
        variables: { comment: options.commentNodeId, [`c${i}`]: REACTION_CONTENT[content] },
    }));
    const reported = (data, failures, wanted, replyAlias) => {
        const replyPart = replyAlias ? data[replyAlias] : null;
        const node = replyPart?.commentEdge?.node ?? replyPart?.issueComment ?? null;
        const reply = node && /^https:\/\//.test(node.url) ? { id: node.id, url: node.url } : null;
        const reactions = wanted.filter((_, i) => data[`r${i}`]?.reaction != null);
        if (failures.length === 0 && ((replyAlias && !reply) || reactions.length < wanted.length)) {
            failures.push({
                service: 'GitHub',
                status: 200,
                what: "GitHub's answer to the reply could not be read, so it is not known whether the reply was posted",
                said: '',
                fix: 'look at the pull request; if this keeps happening, check GITHUB_API_URL',
            });
        }
        return { reply, reactions, failures };
    };
    return {
        async react(content) {
            await rest('POST', `${api}${repoPath}/issues/comments/${options.commentId}/reactions`, { content }, `adding the ${content} reaction`, PERMISSIONS_FIX, () => true);
        },
        readPull: () => rest('GET', `${api}${repoPath}/pulls/${options.prNumber}`, undefined, 'reading the pull request', READ_PULL_FIX, parse(pullSchema, 'reading the pull request')),
        async readPermission(login) {
            const doing = `reading @${login}'s permission`;
            try {
                return await rest('GET', `${api}${repoPath}/collaborators/${encodeURIComponent(login)}/permission`, undefined, doing, READ_PERMISSION_FIX, parse(permissionSchema, doing));
            }
            catch (error) {
                // GitHub answers 404 for an account that is no collaborator of a private repository (or no longer exists).
                if (error instanceof PortError && error.failure.status === 404)
                    return 'none';
                throw error;
            }
        },
        async addLabel(label) {
            await rest('POST', `${api}${repoPath}/issues/${options.prNumber}/labels`, { labels: [label] }, `adding the ${label} label`, PERMISSIONS_FIX, () => true);
        },
        async report({ body, reactions }) {
            const parts = [
                ...(body === null
                    ? []
                    : [
                        {
                            alias: 'reply',
                            field: 'addComment(input: {subjectId: $subject, body: $body}) { commentEdge { node { id url } } }',
                            declare: ['$subject: ID!', '$body: String!'],
                            variables: { subject: options.prNodeId, body },
                        },
                    ]),
                ...reactionParts(reactions),
            ];
            if (parts.length === 0)
                return { reply: null, reactions: [], failures: [] };
            // Not repeated once it may have reached GitHub: the reply could be posted twice. A refused
            // connection, a 429 or a 503 mean GitHub did not act on it, so those are tried again.
            const { data, failures } = await mutate('Report', parts, REPORT_POLICY);
            return reported(data, failures, reactions, body === null ? null : 'reply');
        },
        async edit({ replyId, body, reactions }) {
            const editing = replyId !== null && body !== null;
            const parts = [
                ...(editing
                    ? [
                        {
                            alias: 'edit',
                            field: 'updateIssueComment(input: {id: $id, body: $body}) { issueComment { id url } }',
                            declare: ['$id: ID!', '$body: String!'],
                            variables: { id: replyId, body: body },
                        },
                    ]
                    : []),
                ...reactionParts(reactions),
            ];
            if (parts.length === 0)
                return { reply: null, reactions: [], failures: [] };
            // An edit to the same text, and a reaction already there, change nothing: safe to repeat.
            const { data, failures } = await mutate('Edit', parts, READ_POLICY);
            return reported(data, failures, reactions, editing ? 'edit' : null);
        },
    };
    function githubWords(fixForbidden) {
        return {
            service: 'GitHub',
            token: 'the github-token',
            fixToken: 'set github-token to a valid token, or leave it unset to use the workflow token',
            where: '',
            fixForbidden,
            fixNotFound: 'check that the workflow runs on issue_comment in this repository',
            fixRedirect: 'check GITHUB_API_URL: it must point at the GitHub API itself',
            fixNetwork: "check the runner's network and GITHUB_API_URL",
        };
    }
}
const REPORT_POLICY = {
    tries: 3,
    waitMs: (trouble) => {
        const status = trouble.failure.status;
        if (trouble.mayHaveReached && status !== 429 && status !== 503)
            return null;
        return READ_POLICY.waitMs(trouble);
    },
};
function graphqlFailure(error, secrets, doing) {
    const part = typeof error.path?.[0] === 'string' && /^r\d+$/.test(error.path[0]) ? 'adding the reaction' : doing;
    const said = (0,core_text/* excerpt */.Kb)(error.message ?? '', secrets);
    if (error.type === 'FORBIDDEN' || /not accessible by integration/i.test(said)) {
        return { service: 'GitHub', status: 403, what: `GitHub refused ${part}`, said, fix: PERMISSIONS_FIX };
    }
    return { service: 'GitHub', status: 200, what: `GitHub failed ${part}`, said, fix: 'see the message from GitHub' };
}
function isTrouble(value) {
    return typeof value === 'object' && value !== null && 'failure' in value && 'transient' in value && 'mayHaveReached' in value;
}

// EXTERNAL MODULE: ./src/core/preview.ts
var preview = __webpack_require__(789);
;// CONCATENATED MODULE: ./src/adapters/netlify.ts
/**
 * The Netlify adapter: the only place that knows Netlify's paths, statuses, headers, paging and retries.
 * It speaks HTTP itself (docs/design.md says why not @netlify/api); Netlify's OpenAPI spec is the contract
 * the tests hold every request and answer to.
 */




/** The retry is not sent when less time than this is left: it could not be told whether it took effect. */
const LEAST_TIME_TO_SEND_MS = 1_000;
const nullable = (schema) => schemas/* pipe */.FsL(schemas/* nullish */.cl6(schemas/* unknown */.L5J()), schemas/* transform */.pdi((value) => {
    const parsed = core_parse/* safeParse */.xL(schema, value);
    return parsed.success ? parsed.data : null;
}));
const date = schemas/* string */.YjP().check(schemas/* refine */.YPB((value) => !Number.isNaN(Date.parse(value)), 'is not a date'));
/** An https URL with nothing in it that Markdown or a shell could read as more than a URL. */
const HTTPS_URL = /^https:\/\/[A-Za-z0-9.-]{1,253}(?::\d{1,5})?(?:\/[A-Za-z0-9._~/%-]*)?$/;
const SITE_NAME = /^[a-z0-9](?:[a-z0-9-]{0,62})$/i;
/**
 * Only the fields read, and as loosely as the live API sends them (nulls everywhere). Netlify's spec requires
 * no field at all; id, state and created_at are required here because a deploy cannot be retried, judged or
 * ordered without them (test/lib/contract/exceptions.ts). Any other field that is not as expected is read as
 * absent: a state that is not a plain word is `unknown`, a URL that is not a plain https URL is none.
 */
const deploySchema = schemas/* pipe */.FsL(schemas/* object */.Ikc({
    id: schemas/* string */.YjP().check(api/* _regex */.Fk(/^[A-Za-z0-9_-]{1,64}$/)),
    name: nullable(schemas/* string */.YjP().check(api/* _regex */.Fk(SITE_NAME))),
    state: schemas/* string */.YjP().check(api/* _minLength */.m9(1)),
    context: nullable(schemas/* string */.YjP().check(api/* _regex */.Fk(/^[a-z-]{1,40}$/))),
    review_id: nullable(schemas/* union */.KCZ([schemas/* number */.aig(), schemas/* pipe */.FsL(schemas/* string */.YjP().check(api/* _regex */.Fk(/^\d{1,10}$/)), schemas/* transform */.pdi(Number))])),
    commit_ref: nullable(schemas/* string */.YjP().check(api/* _regex */.Fk(/^[0-9a-f]{7,64}$/))),
    branch: nullable(schemas/* string */.YjP().check(api/* _regex */.Fk(/^[^\s\x00-\x1f\x7f]{1,255}$/))),
    deploy_ssl_url: nullable(schemas/* string */.YjP().check(api/* _regex */.Fk(HTTPS_URL))),
    deploy_url: nullable(schemas/* string */.YjP().check(api/* _regex */.Fk(HTTPS_URL))),
    created_at: date,
    updated_at: nullable(date),
    error_message: nullable(schemas/* string */.YjP()),
}), schemas/* transform */.pdi((d) => ({
    id: d.id,
    siteName: d.name ? d.name.toLowerCase() : null,
    state: /^[a-z_]{1,40}$/.test(d.state) ? d.state : 'unknown',
    context: d.context,
    reviewId: typeof d.review_id === 'number' && Number.isSafeInteger(d.review_id) ? d.review_id : null,
    commitRef: d.commit_ref,
    branch: d.branch,
    url: d.deploy_ssl_url ?? d.deploy_url,
    logUrl: d.name ? `https://app.netlify.com/sites/${d.name.toLowerCase()}/deploys/${d.id}` : null,
    createdAt: d.created_at,
    updatedAt: d.updated_at ?? d.created_at,
    errorMessage: d.error_message === null ? null : d.error_message.slice(0, 2_000),
})));
/** The site: only its name is read. */
const siteSchema = schemas/* object */.Ikc({ name: nullable(schemas/* string */.YjP().check(api/* _regex */.Fk(SITE_NAME))) });
/** What is read of a deploy that did not pass, to tell whose it was. */
const loose = schemas/* object */.Ikc({
    id: nullable(schemas/* string */.YjP().check(api/* _regex */.Fk(/^[A-Za-z0-9_-]{1,64}$/))),
    context: nullable(schemas/* string */.YjP().check(api/* _regex */.Fk(/^[a-z-]{1,40}$/))),
    review_id: nullable(schemas/* number */.aig()),
});
/** Netlify for one phase of the run: every request keeps `deadline`. */
function netlifyPort(options, deadline) {
    const { clock, secrets } = options;
    const requestMs = requestMsFor(deadline.endsAt - clock.now());
    const base = options.apiUrl.href.replace(/\/+$/, '');
    const headers = {
        Authorization: `Bearer ${options.token}`,
        'User-Agent': options.userAgent,
        Accept: 'application/json',
    };
    const transportFor = (siteId) => ({
        clock,
        deadline,
        secrets,
        requestMs,
        words: netlifyWords(siteId),
    });
    const get = (t, path, doing) => exchange(t, { method: 'GET', url: new URL(`${base}${path}`), headers }, doing);
    /** A documented read, tried again on transient trouble; `read` turns a 2xx answer into a value. */
    const readWithRetries = (t, path, doing, read) => withRetries(t, READ_POLICY, async () => {
        const got = await get(t, path, doing);
        if (!got.ok)
            return got;
        if (got.answer.status < 200 || got.answer.status >= 300)
            return { ok: false, trouble: troubleOf(t, got.answer, doing) };
        const value = read(got.answer);
        return netlify_isTrouble(value) ? { ok: false, trouble: value } : { ok: true, value };
    });
    const troubleOf = (t, answer, doing) => statusTrouble(t.words, answer.status, saidBy(answer.text, secrets), doing, retryAfter(answer.header, clock.now()));
    const parse = (t, answer, schema, doing) => {
        const body = json(answer);
        if (body === undefined)
            return unreadable(t.words, doing, 'not-json');
        const parsed = core_parse/* safeParse */.xL(schema, body);
        return parsed.success ? parsed.data : unreadable(t.words, doing, describeIssue(parsed.error.issues[0], body));
    };
    /** A request that changes something: sent at most once, its answer read in the flow's words. */
    const post = async (path, doing, conflictMeansBusy) => {
        const t = transportFor(null);
        if (remaining(t) < LEAST_TIME_TO_SEND_MS) {
            return {
                kind: 'refused',
                failure: {
                    service: 'Netlify',
                    status: null,
                    what: `the request was not sent while ${doing}: timeout-seconds ran out before it could be`,
                    said: '',
                    fix: 'raise timeout-seconds, then comment again',
                },
            };
        }
        const got = await exchange(t, { method: 'POST', url: new URL(`${base}${path}`), headers: { ...headers, 'Content-Length': '0' } }, doing);
        if (!got.ok)
            return got.trouble.mayHaveReached ? { kind: 'unclear', failure: got.trouble.failure } : { kind: 'refused', failure: got.trouble.failure };
        const { status } = got.answer;
        if (status >= 200 && status < 300)
            return { kind: 'accepted' };
        const trouble = troubleOf(t, got.answer, doing);
        if (conflictMeansBusy && (status === 409 || status === 422))
            return { kind: 'conflict', failure: trouble.failure };
        return trouble.mayHaveReached ? { kind: 'unclear', failure: trouble.failure } : { kind: 'refused', failure: trouble.failure };
    };
    return {
        async siteName(siteId) {
            const t = transportFor(siteId);
            const site = await readWithRetries(t, `/sites/${encodeURIComponent(siteId)}`, 'reading the site', (answer) => parse(t, answer, siteSchema, 'reading the site'));
            return site.name ? site.name.toLowerCase() : null;
        },
        async listPreviews(siteId, { page, branch }) {
            const t = transportFor(siteId);
            const query = new URLSearchParams({ 'deploy-previews': 'true', page: String(page), per_page: String(preview/* PER_PAGE */.EK) });
            if (branch)
                query.set('branch', branch);
            // The branch is the PR's head ref, which its author names: it is data, and the failure's `what` is our own
            // words (a reply shows it as Markdown), so the branch is not repeated there.
            const doing = branch ? "listing the deploy previews of the PR's branch" : 'listing the deploy previews';
            return readWithRetries(t, `/sites/${encodeURIComponent(siteId)}/deploys?${query}`, doing, (answer) => pageOf(t, answer, doing));
        },
        readDeploy(id) {
            const t = transportFor(null);
            const doing = 'reading the deploy';
            return readWithRetries(t, `/deploys/${encodeURIComponent(id)}`, doing, (answer) => parse(t, answer, deploySchema, doing));
        },
        async pollDeploy(id) {
            const t = transportFor(null);
            const doing = 'reading the deploy';
            const got = await get(t, `/deploys/${encodeURIComponent(id)}`, doing);
            if (!got.ok)
                return { kind: 'failed', failure: got.trouble.failure, rate: null, retryAt: null };
            const rate = rateOf(got.answer, clock.now());
            if (got.answer.status === 404)
                return { kind: 'gone' };
            if (got.answer.status < 200 || got.answer.status >= 300) {
                const trouble = troubleOf(t, got.answer, doing);
                const retryAt = trouble.retryAfterMs === null ? null : clock.now() + trouble.retryAfterMs;
                return { kind: 'failed', failure: trouble.failure, rate, retryAt: got.answer.status === 429 ? retryAt : null };
            }
            const deploy = parse(t, got.answer, deploySchema, doing);
            if (netlify_isTrouble(deploy))
                return { kind: 'failed', failure: deploy.failure, rate, retryAt: null };
            return { kind: 'deploy', deploy, rate };
        },
        retry: (id) => post(`/deploys/${encodeURIComponent(id)}/retry`, 'sending the retry', true),
        cancel: (id) => post(`/deploys/${encodeURIComponent(id)}/cancel`, 'canceling the stuck build', false),
    };
    function pageOf(t, answer, doing) {
        const body = json(answer);
        if (body === undefined)
            return unreadable(t.words, doing, 'not-json');
        if (!Array.isArray(body))
            return unreadable(t.words, doing, 'body: expected an array');
        const deploys = [];
        const skipped = [];
        // Each deploy on its own: one malformed deploy of another PR must not fail every command.
        for (const item of body.slice(0, preview/* PER_PAGE */.EK * 2)) {
            const parsed = core_parse/* safeParse */.xL(deploySchema, item);
            if (parsed.success) {
                deploys.push(parsed.data);
                continue;
            }
            const seen = core_parse/* safeParse */.xL(loose, item);
            skipped.push({
                id: seen.success ? seen.data.id : null,
                context: seen.success ? seen.data.context : null,
                reviewId: seen.success ? seen.data.review_id : null,
                problem: describeIssue(parsed.error.issues[0], item),
            });
        }
        const link = answer.header('link');
        const more = link === null ? body.length >= preview/* PER_PAGE */.EK : /<[^>]*>\s*;\s*rel="?next"?/i.test(link);
        return { deploys, skipped, more };
    }
}
function rateOf(answer, now) {
    const remainingHeader = answer.header('x-ratelimit-remaining')?.trim();
    const left = remainingHeader && /^\d{1,9}$/.test(remainingHeader) ? Number(remainingHeader) : null;
    const reset = resetIn(answer.header, now);
    if (left === null && reset === null)
        return null;
    return { remaining: left, resetAt: reset === null ? null : now + reset };
}
function netlify_isTrouble(value) {
    return typeof value === 'object' && value !== null && 'failure' in value && 'transient' in value && 'mayHaveReached' in value;
}
function netlifyWords(siteId) {
    return {
        service: 'Netlify',
        token: 'the token',
        fixToken: 'set the netlify-token secret to a valid Netlify personal access token',
        where: siteId ? ` on site ${siteId}` : '',
        fixForbidden: "use a netlify-token of a member of the site's Netlify team",
        fixNotFound: "check the site-id input: it must be the site's API ID or domain, and the token must see that site",
        fixRedirect: 'check that netlify-api-url points at the Netlify API itself (https://api.netlify.com/api/v1)',
        fixNetwork: "check netlify-api-url and the runner's network",
    };
}

// EXTERNAL MODULE: ./src/core/outcome.ts
var core_outcome = __webpack_require__(349);
// EXTERNAL MODULE: ./src/core/reply.ts
var reply = __webpack_require__(253);
// EXTERNAL MODULE: ./src/core/command.ts
var command = __webpack_require__(752);
;// CONCATENATED MODULE: ./src/core/screen.ts
/**
 * Screening an event: which comments the action acts on at all, and which line of a comment is the
 * command. Everything else is `ignored`: no request, no reaction, no reply.
 */



function screenComment(eventName, comment, words, trustedApps) {
    if (eventName !== 'issue_comment')
        return ignored({ kind: 'event', eventName });
    const facts = comment();
    if (facts.action !== 'created')
        return ignored({ kind: 'action', action: facts.action });
    if (!facts.isPullRequest)
        return ignored({ kind: 'issue' });
    if (facts.prState !== 'open')
        return ignored({ kind: 'closed' });
    if (isBotLogin(facts.commenterLogin, facts.commenterType) && !isTrustedApp(facts.commenterLogin, trustedApps)) {
        return ignored({ kind: 'bot', login: facts.commenterLogin });
    }
    const lines = (0,command/* parseCommands */.Gr)(facts.body, words);
    if (lines.length === 0)
        return ignored({ kind: 'no-command' });
    return { kind: 'command', lines };
}
/**
 * The first line that is a command for these sites: a bare command word acts on every listed site; with
 * several sites listed, a word after it must name one of them (by its name or as listed), or the line is
 * no command. With one site listed, a word after the command makes it no command, as it always has.
 */
function chooseLine(lines, sites) {
    let unmatched = '';
    for (const line of lines) {
        if (line.site === null)
            return { kind: 'chosen', command: line.name, sites };
        if (sites.length < 2)
            continue;
        const named = sites.filter((site) => (0,preview/* namesSite */.gX)(line.site, site));
        if (named.length > 0)
            return { kind: 'chosen', command: line.name, sites: named.slice(0, 1) };
        if (sites.some((site) => site.name === null))
            return { kind: 'resolve', command: line.name, word: line.site };
        unmatched ||= line.site;
    }
    return { kind: 'none', word: unmatched };
}
function ignored(why) {
    return { kind: 'ignored', ignored: why };
}

// EXTERNAL MODULE: ./src/core/sentences.ts
var sentences = __webpack_require__(259);
;// CONCATENATED MODULE: ./src/event.ts
/**
 * The event: the workflow's `issue_comment` payload, validated once through zod into the facts the
 * core uses. Only the fields read are checked; where GitHub's webhook schema allows null or absence
 * (comment.user, user.type, issue.labels), so does this.
 */

class EventError extends Error {
    name = 'EventError';
}
// GitHub's login rule, with the `[bot]` suffix of apps.
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/;
const user = schemas/* pipe */.FsL(schemas/* nullish */.cl6(schemas/* object */.Ikc({ login: schemas/* string */.YjP().check(api/* _regex */.Fk(LOGIN)), type: schemas/* optional */.lqM(schemas/* string */.YjP()) })), schemas/* transform */.pdi((value) => value ?? { login: 'ghost', type: undefined }));
const labels = schemas/* pipe */.FsL(schemas/* nullish */.cl6(schemas/* array */.YOg(schemas/* union */.KCZ([schemas/* object */.Ikc({ name: schemas/* string */.YjP() }), schemas/* string */.YjP()]))), schemas/* transform */.pdi((list) => (list ?? []).map((label) => (typeof label === 'string' ? label : label.name))));
const payload = schemas/* object */.Ikc({
    action: schemas/* string */.YjP(),
    issue: schemas/* object */.Ikc({
        number: schemas/* int */.Whr().check(api/* _positive */.NC()),
        state: schemas/* string */.YjP(),
        node_id: schemas/* string */.YjP().check(api/* _minLength */.m9(1)),
        pull_request: schemas/* nullish */.cl6(schemas/* looseObject */._H3({})),
        labels,
        author_association: schemas/* string */.YjP(),
    }),
    comment: schemas/* object */.Ikc({
        id: schemas/* int */.Whr().check(api/* _positive */.NC()),
        node_id: schemas/* string */.YjP().check(api/* _minLength */.m9(1)),
        body: schemas/* nullish */.cl6(schemas/* string */.YjP()),
        user,
        author_association: schemas/* string */.YjP(),
    }),
    repository: schemas/* object */.Ikc({
        name: schemas/* string */.YjP().check(api/* _regex */.Fk(/^[A-Za-z0-9._-]{1,100}$/)),
        owner: schemas/* object */.Ikc({ login: schemas/* string */.YjP().check(api/* _regex */.Fk(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/)) }),
        private: schemas/* optional */.lqM(schemas/* boolean */.zMY()),
    }),
});
/** Parses the payload of an `issue_comment` event; a malformed one is an EventError naming the field. */
function readCommentEvent(json) {
    const parsed = core_parse/* safeParse */.xL(payload, json);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue?.path.length ? issue.path.join('.') : 'the payload';
        throw new EventError(`The issue_comment event payload is malformed at ${where} (${issue?.message ?? 'invalid'}); ` +
            'run this action from a workflow triggered by issue_comment.');
    }
    const { issue, comment, repository } = parsed.data;
    return {
        action: parsed.data.action,
        isPullRequest: issue.pull_request != null,
        prNumber: issue.number,
        prState: issue.state,
        prNodeId: issue.node_id,
        prAuthorAssociation: issue.author_association,
        labels: issue.labels,
        commentId: comment.id,
        commentNodeId: comment.node_id,
        body: comment.body ?? '',
        commenterLogin: comment.user.login,
        commenterType: comment.user.type,
        commenterAssociation: comment.author_association,
        owner: repository.owner.login,
        repo: repository.name,
        repository: `${repository.owner.login}/${repository.name}`,
        // Absent in some recorded payloads: then the repository is taken as public, the stricter reading.
        repositoryIsPrivate: repository.private === true,
    };
}

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
/** Netlify's approval gate: a team member must approve (or has rejected) a contributor's preview. */
const APPROVAL_STATES = new Set(['pending_review', 'accepted', 'rejected']);
/** Every state Netlify's spec lists for a deploy. */
const SPEC_STATES = (/* unused pure expression or super */ null && ([
    'new',
    'pending_review',
    'accepted',
    'rejected',
    'enqueued',
    'building',
    'uploading',
    'uploaded',
    'preparing',
    'prepared',
    'processing',
    'processed',
    'ready',
    'error',
    'retrying',
]));
/** Whether a failed build's message says it was canceled, and how. */
function canceledHow(errorMessage) {
    if (!errorMessage || !/cancell?ed/i.test(errorMessage))
        return null;
    return /no content change/i.test(errorMessage) ? 'no-change' : 'by-person';
}
/** Whole minutes since the deploy last changed, when it is in progress and stuck; else null. */
function stuckFor(deploy, context) {
    if (context.stuckMinutes === 0 || !IN_PROGRESS_STATES.has(deploy.state))
        return null;
    const changed = Date.parse(deploy.updatedAt);
    if (Number.isNaN(changed))
        return null;
    const minutes = Math.floor((context.now - changed) / 60_000);
    return minutes >= context.stuckMinutes ? minutes : null;
}
function decide(command, preview, context) {
    if (!preview)
        return { kind: 'not-found' };
    const { state } = preview;
    if (state === 'error') {
        const canceled = canceledHow(preview.errorMessage);
        if (!canceled)
            return { kind: 'retry', because: 'failed' };
        return command === 'rebuild' ? { kind: 'retry', because: 'canceled' } : { kind: 'skip', because: 'canceled', canceled };
    }
    if (state === 'ready') {
        return command === 'rebuild' ? { kind: 'retry', because: 'forced' } : { kind: 'skip', because: 'ready' };
    }
    // The approval gate is never got around, stuck or not: only a Netlify team member can release it.
    if (state === 'pending_review')
        return { kind: 'skip', because: 'pending-review' };
    if (state === 'rejected')
        return { kind: 'skip', because: 'rejected' };
    if (state === 'accepted')
        return { kind: 'skip', because: 'in-progress' };
    if (IN_PROGRESS_STATES.has(state)) {
        const stuck = stuckFor(preview, context);
        if (stuck === null)
            return { kind: 'skip', because: 'in-progress' };
        return command === 'rebuild' ? { kind: 'restart', stuckMinutes: stuck } : { kind: 'skip', because: 'stuck', stuckMinutes: stuck };
    }
    return { kind: 'skip', because: 'unknown-state' };
}
/**
 * After a retry request whose answer was lost (a timeout, a reset, a 5xx), the deploy is read again
 * instead of sending a second request: if Netlify is building it now, the retry took effect.
 */
function retryTookEffect(before, after) {
    // A fast build may already have ended: any change of state, or of its last change, means a new attempt ran.
    return IN_PROGRESS_STATES.has(after.state) || after.state !== before.state || after.updatedAt !== before.updatedAt;
}
/** Whether a state ends a build: following stops there. */
function isFinal(state) {
    return state === 'ready' || state === 'error';
}
const inProgressRow = (state) => ({
    state,
    example: { state },
    retest: 'skip',
    rebuild: 'skip',
    reply: 'A build is already in progress; the reply links it.',
});
const STATE_TABLE = [
    {
        state: 'error',
        example: { state: 'error', errorMessage: 'Build script returned non-zero exit code: 2' },
        retest: 'retry',
        rebuild: 'retry',
        reply: 'The preview had failed, so a retry was requested.',
    },
    {
        state: 'error, canceled by a person (`Canceled build`)',
        example: { state: 'error', errorMessage: 'Canceled build' },
        retest: 'skip',
        rebuild: 'retry',
        reply: 'The build was canceled, not failed; `/rebuild-preview` builds it anyway.',
    },
    {
        state: 'error, canceled by the ignore rule (`Canceled build due to no content change`)',
        example: {
            state: 'error',
            errorMessage: "Failed during stage 'checking build content for changes': Canceled build due to no content change",
        },
        retest: 'skip',
        rebuild: 'retry',
        reply: "Netlify's ignore rule found nothing to build; `/rebuild-preview` builds it anyway.",
    },
    {
        state: 'ready',
        example: { state: 'ready' },
        retest: 'skip',
        rebuild: 'retry',
        reply: 'The preview is ready; `/rebuild-preview` forces a rebuild.',
    },
    {
        state: 'pending_review',
        example: { state: 'pending_review' },
        retest: 'skip',
        rebuild: 'skip',
        reply: 'A Netlify team member must approve this deploy; the reply links its page in the Netlify app.',
    },
    {
        state: 'accepted',
        example: { state: 'accepted' },
        retest: 'skip',
        rebuild: 'skip',
        reply: 'Approved: the build is about to start (in progress).',
    },
    {
        state: 'rejected',
        example: { state: 'rejected' },
        retest: 'skip',
        rebuild: 'skip',
        reply: 'A Netlify team member rejected this deploy.',
    },
    ...['new', 'enqueued', 'building', 'uploading', 'uploaded', 'preparing', 'prepared', 'processing', 'processed', 'retrying'].map(inProgressRow),
    {
        state: 'in progress, unchanged for `stuck-minutes` (stuck)',
        example: { state: 'building', stuck: true },
        retest: 'skip',
        rebuild: 'restart',
        reply: 'How long it has been stuck; `/rebuild-preview` cancels it and builds again.',
    },
    {
        state: 'any other state',
        example: { state: 'old' },
        retest: 'skip',
        rebuild: 'skip',
        reply: 'The state is named; nothing is retried.',
    },
    {
        state: 'no preview of the PR',
        example: { state: '' },
        retest: 'not-found',
        rebuild: 'not-found',
        reply: 'The PR has no deploy preview on the site yet.',
    },
];

;// CONCATENATED MODULE: ./src/flow/act.ts


/** Sends what the decision asks for and says what became of it. */
async function act(netlify, site, preview, decision, ctx) {
    const retried = (lostAnswer) => ({
        result: 'retried',
        site,
        preview,
        decision,
        dryRun: ctx.dryRun,
        lostAnswer,
        stale: null,
        follow: null,
    });
    if (ctx.dryRun) {
        ctx.log.info(`dry-run: the ${decision.kind === 'restart' ? 'cancel and the retry were' : 'retry was'} not requested for deploy ${preview.id}.`);
        return retried(null);
    }
    if (decision.kind === 'restart') {
        const canceled = await netlify.cancel(preview.id);
        if (canceled.kind !== 'accepted') {
            return { result: 'failed', site, preview, step: 'cancel', failure: canceled.failure };
        }
        ctx.log.info(`Netlify canceled the stuck build of deploy ${preview.id} (${decision.stuckMinutes} minutes without a change).`);
    }
    const sent = await netlify.retry(preview.id);
    return answered(netlify, site, preview, sent, ctx, retried);
}
async function answered(netlify, site, preview, sent, ctx, retried) {
    const failed = (failure, step, deploy = preview) => ({
        result: 'failed',
        site,
        preview: deploy,
        step,
        failure,
    });
    switch (sent.kind) {
        case 'accepted':
            ctx.log.info(`Netlify accepted the retry of deploy ${preview.id}.`);
            return retried(null);
        case 'refused':
            return failed(sent.failure, 'retry');
        case 'conflict': {
            // Refused, perhaps because a build started since the deploy was read (a push, another command).
            ctx.log.info(`Netlify refused the retry of deploy ${preview.id}; reading it to see whether a build is running now.`);
            const after = await readAgain(netlify, preview, ctx.log, 'the refused retry');
            if (!after)
                return failed(sent.failure, 'retry');
            const now = decide(ctx.command, after, ctx.decision);
            if (now.kind === 'skip' && now.because === 'in-progress') {
                return { result: 'skipped', site, preview, decision: now, raced: after, stale: null, follow: null };
            }
            return failed(sent.failure, 'retry', after);
        }
        case 'unclear': {
            ctx.log.warning(`The retry's answer was lost (${sent.failure.what}); reading the deploy instead of sending it again.`);
            const after = await readAgain(netlify, preview, ctx.log, 'the lost answer');
            if (!after)
                return failed(sent.failure, 'unclear');
            if (retryTookEffect(preview, after))
                return retried(after);
            return failed(sent.failure, 'retry', after);
        }
    }
}
/** The deploy read again after an unclear retry answer, or null (with a warning) when that read fails too. */
async function readAgain(netlify, preview, log, after) {
    try {
        return await netlify.readDeploy(preview.id);
    }
    catch (error) {
        log.warning(`Reading the deploy after ${after} failed too: ${error instanceof PortError ? error.failure.what : 'unexpected error'}.`);
        return null;
    }
}

;// CONCATENATED MODULE: ./src/flow/lookup.ts
/**
 * Finding a site's newest preview of the PR, in as few reads as the site allows:
 *   1. the first page of the site's previews (an active PR's preview is there);
 *   2. unless that page already reaches back before the PR was opened: the previews of the PR's head
 *      branch, and for a fork PR those of `pull/N/head` too (Netlify builds a fork's PR from there), at once;
 *   3. only if those find nothing: paging on, while pages can still hold the PR's previews, at most 30
 *      pages in all, and never past a page that repeats the one before (a Netlify that ignores `page`).
 */


/** The PR's creation when the PR could not be read: the start of time, so that nothing is ruled out. */
const DAWN = '1970-01-01T00:00:00Z';
async function findPreview(netlify, site, prNumber, firstPage, pullRead, log) {
    const first = checked(await firstPage, prNumber, site, log);
    const onFirst = (0,preview/* choosePreview */.Ix)(first.deploys, prNumber);
    if (onFirst)
        return { kind: 'found', preview: onFirst };
    const pull = await pullRead;
    const since = pull?.createdAt ?? DAWN;
    if ((0,preview/* reachesBefore */.Ly)(first, since))
        return { kind: 'none', pageLimit: null };
    if (pull) {
        // Not counted toward the page limit: at most two reads, and they answer for the PR's whole life.
        const branches = pull.fork ? [pull.headRef, `pull/${prNumber}/head`] : [pull.headRef];
        const pages = await Promise.all(branches.map((branch) => netlify.listPreviews(site.id, { page: 1, branch })));
        const onBranch = (0,preview/* choosePreview */.Ix)(pages.flatMap((page) => checked(page, prNumber, site, log).deploys), prNumber);
        if (onBranch)
            return { kind: 'found', preview: onBranch };
        log.info(`No preview of PR #${prNumber} among the deploys of its branch on ${site.id}; paging through the site's deploys.`);
    }
    let previous = first;
    for (let page = 2; page <= preview/* MAX_PAGES */.Y0; page++) {
        if (!(0,preview/* mayFindOlder */.vF)(previous, since))
            return { kind: 'none', pageLimit: null };
        const next = checked(await netlify.listPreviews(site.id, { page }), prNumber, site, log);
        if ((0,preview/* repeats */.D_)(next, previous)) {
            log.warning(`Netlify answered page ${page} of ${site.id}'s deploys with the page before it again; paging stops there.`);
            // The search stopped short of the PR's first deploy: the pages read are its limit, and the reason says so.
            return { kind: 'none', pageLimit: page - 1 };
        }
        const match = (0,preview/* choosePreview */.Ix)(next.deploys, prNumber);
        if (match)
            return { kind: 'found', preview: match };
        previous = next;
    }
    return (0,preview/* mayFindOlder */.vF)(previous, since) ? { kind: 'none', pageLimit: preview/* MAX_PAGES */.Y0 } : { kind: 'none', pageLimit: null };
}
/**
 * A page whose malformed deploys are skipped with a warning, unless one of them is the PR's preview: then
 * it cannot be judged, and the lookup fails clearly.
 */
function checked(page, prNumber, site, log) {
    const own = (0,preview/* skippedPreviewOf */.Mb)(page, prNumber);
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
        log.warning(`Skipped ${page.skipped.length} deploy(s) of ${site.id} that could not be read (${page.skipped[0]?.problem}); none is this PR's preview.`);
    }
    return page;
}

;// CONCATENATED MODULE: ./src/flow/report.ts


/** The report's own budget: half the run's, from 5 s to 15 s. */
function reportBudgetMs(timeoutSeconds) {
    return Math.min(15_000, Math.max(5_000, Math.floor((timeoutSeconds * 1000) / 2)));
}
function replyContext(settings, event, runUrl) {
    return {
        login: event.commenterLogin,
        prNumber: event.prNumber,
        words: settings.words,
        okToTestLabel: settings.trust.okToTestLabel,
        rebuildTrust: settings.trust.rebuildTrust,
        okToTestOn: settings.words.okToTest !== null,
        runUrl,
        followMinutes: settings.followMinutes,
    };
}
/** Whether the outcome gets a reply: not a quiet /retest, not a quiet denial. */
function wantsReply(outcome, settings) {
    if (settings.quietRetest && outcome.command === 'retest')
        return false;
    if (!settings.denyReply && outcome.result === 'denied')
        return false;
    return true;
}
async function report(outcome, acknowledged, input, deps) {
    const { settings, event, runUrl } = input;
    const { log, clock } = deps;
    const body = wantsReply(outcome, settings) ? (0,reply/* renderReply */.Vv)(outcome, replyContext(settings, event, runUrl)) : null;
    const reactions = (0,reply/* finalReactions */.p4)(outcome);
    if (settings.dryRun) {
        log.info(`dry-run: would react ${reactions.join(' and ') || '(no final reaction)'} and ${body === null ? 'post no reply' : 'reply:'}`);
        if (body !== null)
            for (const line of body.split('\n'))
                log.info(`  ${line}`);
        return { shown: true, reply: null, fix: null };
    }
    const github = deps.connect({ endsAt: clock.now() + reportBudgetMs(settings.timeoutSeconds) }).github;
    const reported = await github.report({ body, reactions });
    for (const failure of reported.failures)
        log.warning(`${(0,sentences/* capitalize */.ZH)(failure.what)}${failure.said ? ` (${failure.said})` : ''}: ${failure.fix}.`);
    if (reported.reply)
        log.info(`Replied: ${reported.reply.url}`);
    // The eyes reaction is waited for only when it is all the PR shows: a hung one must not hold up the reply.
    const nothingMore = body === null && reactions.length === 0;
    const eyes = nothingMore && (await acknowledged);
    return {
        shown: reported.reply !== null || reported.reactions.length > 0 || eyes,
        reply: reported.reply?.id ?? null,
        fix: reported.failures[0]?.fix ?? null,
    };
}

;// CONCATENATED MODULE: ./src/flow/command.ts









async function runCommand(input, deps) {
    const { settings, event } = input;
    const { clock, log } = deps;
    const ports = deps.connect({ endsAt: clock.now() + settings.timeoutSeconds * 1000 });
    const trust = trustOf(input, ports, deps);
    let chosen = chooseLine(input.lines, input.sites);
    if (chosen.kind === 'resolve') {
        // A word that may be the name of a site only Netlify can name: asked only for a trusted commenter.
        const verdict = await trust.settle(chosen.command);
        if (verdict.kind !== 'trusted')
            return quietly({ result: 'ignored', command: null, ignored: { kind: 'unresolved-site', word: chosen.word } });
        const asked = chosen.command;
        const resolved = await resolveNames(input.sites, ports, log);
        chosen = chooseLine(input.lines, resolved.sites);
        if (chosen.kind === 'resolve' && resolved.failure) {
            // A trusted commenter's command that may name a site whose name Netlify did not give: said, not ignored.
            const eyes = settings.dryRun ? Promise.resolve(true) : settle(ports.github.react('eyes'), log);
            return done({ result: 'failed', command: asked, sites: [], problem: { kind: 'failure', failure: resolved.failure } }, eyes);
        }
    }
    if (chosen.kind !== 'chosen') {
        return quietly({
            result: 'ignored',
            command: null,
            ignored: chosen.word ? { kind: 'unknown-site', word: chosen.word } : { kind: 'no-command' },
        });
    }
    const { command, sites } = chosen;
    // Round trip 1: everything that does not depend on another answer goes out together.
    const acknowledged = settings.dryRun ? Promise.resolve(true) : settle(ports.github.react('eyes'), log);
    const first = trust.judge(command);
    log.info(`Command ${command} by @${event.commenterLogin} on PR #${event.prNumber}: ${describe(first, event.commenterLogin)}.`);
    const trusted = first.kind === 'trusted';
    // Trust settled by the event: the PR and the first pages go out with the eyes.
    const early = trusted && command !== 'ok-to-test' ? startLookups(ports, sites, log) : null;
    const verdict = trusted ? first : await trust.settle(command);
    if (verdict.kind === 'failed') {
        return done({ result: 'failed', command, sites: [], problem: { kind: 'failure', failure: verdict.failure } }, acknowledged);
    }
    if (verdict.kind === 'denied') {
        log.info(`Trust after reading the permission: denied.`);
        return done({ result: 'denied', command, denial: verdict.denial }, acknowledged);
    }
    if (!trusted)
        log.info(`Trust after reading the permission: ${describe(verdict, event.commenterLogin)}.`);
    if (command === 'ok-to-test')
        return done(await okToTest(settings, event, ports), acknowledged);
    const { pull, pages } = early ?? startLookups(ports, sites, log);
    const found = await Promise.all(sites.map((site, i) => findPreview(ports.netlify, site, event.prNumber, pages[i], pull, log).catch((error) => ({ result: 'failed', site, preview: null, step: 'lookup', failure: failureOf(error) }))));
    const head = await pull;
    if (head && !head.open) {
        return done({ result: 'skipped', command, sites: [], whole: { kind: 'closed', merged: head.merged } }, acknowledged);
    }
    const decisionContext = { now: clock.now(), stuckMinutes: settings.stuckMinutes };
    const outcomes = await Promise.all(sites.map(async (site, i) => {
        const lookup = found[i];
        if (!lookup || 'result' in lookup)
            return lookup;
        if (lookup.kind === 'none')
            return { result: 'not-found', site, pageLimit: lookup.pageLimit };
        const preview = lookup.preview;
        const decision = decide(command, preview, decisionContext);
        const stale = staleOf(preview.commitRef, head?.headSha ?? null);
        if (decision.kind === 'not-found')
            return { result: 'not-found', site, pageLimit: null };
        if (decision.kind === 'skip')
            return { result: 'skipped', site, preview, decision, raced: null, stale, follow: null };
        const acted = await act(ports.netlify, site, preview, decision, {
            command,
            dryRun: settings.dryRun,
            decision: decisionContext,
            log,
        });
        return acted.result === 'retried' || acted.result === 'skipped' ? { ...acted, stale } : acted;
    }));
    return done(markFollows((0,core_outcome/* fromSites */.r_)(command, outcomes), settings), acknowledged);
    function quietly(outcome) {
        return { outcome, reported: { shown: true, reply: null, fix: null } };
    }
    async function done(outcome, eyes) {
        return { outcome, reported: await report(outcome, eyes, input, deps) };
    }
}
/** The PR read and the first page of each site's previews, started together. */
function startLookups(ports, sites, log) {
    const pull = ports.github.readPull().then((value) => value, (error) => {
        log.warning(`Could not read the pull request, so it is not known whether it is still open: ${failureOf(error).what}.`);
        return null;
    });
    const pages = sites.map((site) => {
        const page = ports.netlify.listPreviews(site.id, { page: 1 });
        page.catch(() => undefined); // awaited by the lookup; keeps an early rejection from going unhandled
        return page;
    });
    return { pull, pages };
}
/** Trust for the command, with the permission read at most once. */
function trustOf(input, ports, deps) {
    const { event, settings } = input;
    const facts = {
        commenterLogin: event.commenterLogin,
        commenterAssociation: event.commenterAssociation,
        prAuthorAssociation: event.prAuthorAssociation,
        labels: event.labels,
    };
    let permission = null;
    const judge = (command) => judgeTrust(command, facts, settings.trust);
    return {
        judge,
        async settle(command) {
            const verdict = judge(command);
            if (verdict.kind !== 'ask-permission')
                return verdict;
            permission ??= ports.github.readPermission(event.commenterLogin);
            try {
                return judgePermission(event.commenterLogin, await permission, settings.trust, verdict.prTrusted);
            }
            catch (error) {
                // Without GitHub's answer nobody is let in, and nobody is told they lack a permission GitHub did not
                // report: the command fails, saying what to fix.
                deps.log.warning(`Could not read @${event.commenterLogin}'s permission: ${failureOf(error).what}.`);
                return { kind: 'failed', failure: failureOf(error) };
            }
        },
    };
}
/**
 * The names of the sites listed by API ID, read from Netlify at once; a site whose name cannot be read keeps
 * none, and the first such failure comes back with them.
 */
async function resolveNames(sites, ports, log) {
    let failure = null;
    const resolved = await Promise.all(sites.map(async (site) => {
        if (site.name !== null)
            return site;
        try {
            return { ...site, name: await ports.netlify.siteName(site.id) };
        }
        catch (error) {
            failure ??= failureOf(error);
            log.warning(`Could not read the name of site ${site.id}: ${failureOf(error).what}.`);
            return site;
        }
    }));
    return { sites: resolved, failure };
}
async function okToTest(settings, event, ports) {
    const label = settings.trust.okToTestLabel;
    if (hasLabel(event.labels, label))
        return { result: 'skipped', command: 'ok-to-test', sites: [], whole: { kind: 'labeled', label } };
    if (settings.dryRun)
        return { result: 'labeled', command: 'ok-to-test', label, dryRun: true };
    try {
        await ports.github.addLabel(label);
        return { result: 'labeled', command: 'ok-to-test', label, dryRun: false };
    }
    catch (error) {
        return { result: 'failed', command: 'ok-to-test', sites: [], problem: { kind: 'failure', failure: failureOf(error) } };
    }
}
/** Marks the builds that are to be followed: those retried, and those already in progress. */
function markFollows(outcome, settings) {
    if (settings.follow === 'off' || settings.dryRun || !('sites' in outcome))
        return outcome;
    const sites = outcome.sites.map((site) => {
        if (site.result === 'retried')
            return { ...site, follow: 'pending' };
        if (site.result === 'skipped' && (site.raced || site.decision.because === 'in-progress'))
            return { ...site, follow: 'pending' };
        return site;
    });
    return { ...outcome, sites };
}
function staleOf(built, head) {
    if (!head || !built || built === head)
        return null;
    return { built, head };
}
function failureOf(error) {
    if (error instanceof PortError)
        return error.failure;
    return {
        service: 'GitHub',
        status: null,
        what: 'the action failed unexpectedly',
        said: error instanceof Error ? error.name : '',
        fix: 'report it at the action’s repository with the workflow run’s log',
    };
}
async function settle(work, log) {
    try {
        await work;
        return true;
    }
    catch (error) {
        const failure = failureOf(error);
        log.warning(`Could not add the eyes reaction: ${failure.what}: ${failure.fix}.`);
        return false;
    }
}
function describe(verdict, login) {
    if (verdict.kind === 'ask-permission')
        return 'trust not settled by the event, asking GitHub for the permission';
    if (verdict.kind === 'denied')
        return 'denied';
    return `trusted (${(0,sentences/* groundText */.pC)(verdict.ground, login)})`;
}

;// CONCATENATED MODULE: ./src/core/follow.ts
/**
 * Following a build: when to read the deploy next, as plain numbers. The token is shared by every
 * repository of the Netlify team, so the reads are few and back off when the rate limit runs low.
 */

const FOLLOW_POLICY = {
    /** The first read, after the retry (at most 5 s, as promised). */
    firstMs: 4_000,
    /** Any two reads are at least this far apart. */
    minGapMs: 5_000,
    /** And at most this far, once the build has run a while. */
    maxGapMs: 30_000,
    /** Below this many requests left in Netlify's window, wait for the window to reset. */
    lowRemaining: 50,
};
/** The gaps between reads, in seconds, after the first; the last repeats. */
const GAPS_S = [5, 5, 8, 10, 15, 20, 25, 30];
/** Milliseconds to wait before read number `n` (0 is the first read after the retry). */
function delayBefore(n) {
    if (n === 0)
        return FOLLOW_POLICY.firstMs;
    const gap = GAPS_S[Math.min(n - 1, GAPS_S.length - 1)];
    return Math.min(FOLLOW_POLICY.maxGapMs, Math.max(FOLLOW_POLICY.minGapMs, gap * 1000));
}
/**
 * How much longer than the schedule to wait before the next read, given the rate limit: until the reset
 * when few requests are left (or a 429 said when to come back), else nothing.
 */
function rateWait(rate, now, retryAt = null) {
    if (retryAt !== null && retryAt > now)
        return retryAt - now;
    if (!rate || rate.remaining === null || rate.remaining >= FOLLOW_POLICY.lowRemaining)
        return 0;
    if (rate.resetAt === null || rate.resetAt <= now)
        return 0;
    return rate.resetAt - now;
}
/** The end a read shows, or null while the build goes on. */
function endOf(deploy) {
    if (!isFinal(deploy.state))
        return null;
    return deploy.state === 'ready' ? 'ready' : 'error';
}

;// CONCATENATED MODULE: ./src/flow/follow.ts
/**
 * Following the builds a command started (or found running) until each ends or the window closes, and
 * telling the PR: the reply is edited in place, one request per end (the edit and its reaction together).
 * The schedule is core/follow.ts; every wait is on the Clock, so tests control time.
 */




/** An edit gets this long; one after a stop gets less, since the runner kills the step soon after. */
const EDIT_MS = 15_000;
const EDIT_AFTER_STOP_MS = 4_000;
/** Follows every pending build; returns the outcome with how each ended. */
async function followBuilds(input, deps) {
    const { clock, log } = deps;
    const windowEnd = input.startedAt + input.followMinutes * 60_000;
    let sites = [...(0,core_outcome/* sitesOf */.Yc)(input.outcome)];
    const pending = sites.flatMap((site, i) => (isPending(site) ? [i] : []));
    if (pending.length === 0)
        return input.outcome;
    const netlify = deps.connect({ endsAt: windowEnd, signal: input.stop }).netlify;
    let edits = Promise.resolve();
    const show = (reactions, editMs) => {
        const body = input.replyId === null ? null : (0,reply/* renderReply */.Vv)((0,core_outcome/* withSites */.lv)(input.outcome, sites), input.ctx);
        const next = edits.then(async () => {
            const github = deps.connect({ endsAt: clock.now() + editMs }).github;
            const reported = await github.edit({ replyId: input.replyId, body, reactions });
            for (const failure of reported.failures)
                log.warning(`${(0,sentences/* capitalize */.ZH)(failure.what)}: ${failure.fix}.`);
        });
        edits = next;
        return next;
    };
    const followOne = async (index) => {
        const site = sites[index];
        const start = (0,reply/* shownDeploy */.nR)(site);
        const end = await watch(start, netlify, input, windowEnd, deps);
        sites[index] = { ...site, follow: end };
        sites = [...sites];
        log.info(`Following ${start.id} on ${site.site.id} ended: ${end.end}${end.state ? ` (${end.state})` : ''} after ${end.seconds} s.`);
        if (end.end !== 'stopped')
            await show((0,reply/* endReactions */.g0)([sites[index]]), EDIT_MS);
    };
    await Promise.all(pending.map(followOne));
    // A stop ends every build still followed at once: one edit says so for all of them.
    if (input.stop.aborted)
        await show([], EDIT_AFTER_STOP_MS);
    await edits;
    return (0,core_outcome/* withSites */.lv)(input.outcome, sites);
}
function isPending(site) {
    return (site.result === 'retried' || site.result === 'skipped') && site.follow === 'pending';
}
/** Reads one deploy on the schedule until it ends, vanishes, the window closes, or the job stops. */
async function watch(start, netlify, input, windowEnd, deps) {
    const { clock, log } = deps;
    const seconds = () => Math.max(0, Math.floor((clock.now() - input.startedAt) / 1000));
    let last = start;
    let rate = null;
    let retryAt = null;
    for (let n = 0;; n++) {
        const wait = delayBefore(n) + rateWait(rate, clock.now(), retryAt);
        retryAt = null;
        const left = windowEnd - clock.now();
        await clock.sleep(Math.min(wait, Math.max(0, left)), input.stop);
        if (input.stop.aborted)
            return { end: 'stopped', state: last.state, seconds: seconds(), deploy: last };
        if (wait >= left)
            return { end: 'window', state: last.state, seconds: seconds(), deploy: last };
        const poll = await netlify.pollDeploy(start.id);
        if (poll.kind === 'gone')
            return { end: 'gone', state: '', seconds: seconds(), deploy: null };
        if (poll.kind === 'failed') {
            // A failed read does not end the follow: the next one is on the schedule (later, when rate limited).
            log.warning(`Reading deploy ${start.id} failed while following it (${poll.failure.what}); trying again later.`);
            rate = poll.rate ?? rate;
            retryAt = poll.retryAt;
            continue;
        }
        rate = poll.rate;
        last = poll.deploy;
        const ended = endOf(poll.deploy);
        if (ended)
            return { end: ended, state: poll.deploy.state, seconds: seconds(), deploy: poll.deploy };
    }
}

;// CONCATENATED MODULE: ./src/handoff.ts
/**
 * The handoff from the command's job to a later job that follows the builds (`follow: next-job`): the
 * decided outcome, the reply to edit, and when the builds were asked for. It passes through job outputs
 * into the `handoff` input, so it is read back like any input: through zod, into typed values, or refused.
 */

const handoff_HTTPS_URL = /^https:\/\/[A-Za-z0-9.-]{1,253}(?::\d{1,5})?(?:\/[A-Za-z0-9._~/%-]*)?$/;
const nullableString = (pattern) => schemas/* nullable */.mee(schemas/* string */.YjP().check(api/* _regex */.Fk(pattern)));
const handoff_date = schemas/* string */.YjP().check(schemas/* refine */.YPB((value) => !Number.isNaN(Date.parse(value)), 'is not a date'));
const deploy = schemas/* object */.Ikc({
    id: schemas/* string */.YjP().check(api/* _regex */.Fk(/^[A-Za-z0-9_-]{1,64}$/)),
    siteName: nullableString(/^[a-z0-9][a-z0-9-]{0,62}$/),
    state: schemas/* string */.YjP().check(api/* _regex */.Fk(/^[a-z_]{1,40}$/)),
    context: nullableString(/^[a-z-]{1,40}$/),
    reviewId: schemas/* nullable */.mee(schemas/* int */.Whr()),
    commitRef: nullableString(/^[0-9a-f]{7,64}$/),
    branch: nullableString(/^[^\s\x00-\x1f\x7f]{1,255}$/),
    url: nullableString(handoff_HTTPS_URL),
    logUrl: nullableString(handoff_HTTPS_URL),
    createdAt: handoff_date,
    updatedAt: handoff_date,
    errorMessage: schemas/* nullable */.mee(schemas/* string */.YjP().check(api/* _maxLength */.Eb(2_000))),
});
const site = schemas/* object */.Ikc({
    id: schemas/* string */.YjP().check(api/* _regex */.Fk(/^[A-Za-z0-9.-]{1,253}$/)),
    name: nullableString(/^[a-z0-9][a-z0-9-]{0,62}$/),
});
const stale = schemas/* nullable */.mee(schemas/* object */.Ikc({ built: schemas/* string */.YjP().check(api/* _regex */.Fk(/^[0-9a-f]{7,64}$/)), head: schemas/* string */.YjP().check(api/* _regex */.Fk(/^[0-9a-f]{7,64}$/)) }));
const minutes = schemas/* int */.Whr().check(api/* _nonnegative */.UI());
const failure = schemas/* object */.Ikc({
    service: schemas/* enum */.k5n(['Netlify', 'GitHub']),
    status: schemas/* nullable */.mee(schemas/* int */.Whr()),
    what: schemas/* string */.YjP().check(api/* _maxLength */.Eb(400)),
    said: schemas/* string */.YjP().check(api/* _maxLength */.Eb(400)),
    fix: schemas/* string */.YjP().check(api/* _maxLength */.Eb(400)),
});
const siteOutcome = schemas/* discriminatedUnion */.gMt('result', [
    schemas/* object */.Ikc({
        result: schemas/* literal */.euz('retried'),
        site,
        preview: deploy,
        decision: schemas/* union */.KCZ([
            schemas/* object */.Ikc({ kind: schemas/* literal */.euz('retry'), because: schemas/* enum */.k5n(['failed', 'forced', 'canceled']) }),
            schemas/* object */.Ikc({ kind: schemas/* literal */.euz('restart'), stuckMinutes: minutes }),
        ]),
        dryRun: schemas/* literal */.euz(false),
        lostAnswer: schemas/* nullable */.mee(deploy),
        stale,
        follow: schemas/* nullable */.mee(schemas/* literal */.euz('pending')),
    }),
    schemas/* object */.Ikc({
        result: schemas/* literal */.euz('skipped'),
        site,
        preview: deploy,
        decision: schemas/* union */.KCZ([
            schemas/* object */.Ikc({ kind: schemas/* literal */.euz('skip'), because: schemas/* enum */.k5n(['ready', 'in-progress', 'pending-review', 'rejected', 'unknown-state']) }),
            schemas/* object */.Ikc({ kind: schemas/* literal */.euz('skip'), because: schemas/* literal */.euz('canceled'), canceled: schemas/* enum */.k5n(['by-person', 'no-change']) }),
            schemas/* object */.Ikc({ kind: schemas/* literal */.euz('skip'), because: schemas/* literal */.euz('stuck'), stuckMinutes: minutes }),
        ]),
        raced: schemas/* nullable */.mee(deploy),
        stale,
        follow: schemas/* nullable */.mee(schemas/* literal */.euz('pending')),
    }),
    schemas/* object */.Ikc({ result: schemas/* literal */.euz('not-found'), site, pageLimit: schemas/* nullable */.mee(schemas/* int */.Whr()) }),
    schemas/* object */.Ikc({
        result: schemas/* literal */.euz('failed'),
        site,
        preview: schemas/* nullable */.mee(deploy),
        step: schemas/* enum */.k5n(['lookup', 'malformed', 'cancel', 'retry', 'unclear']),
        failure,
    }),
]);
const handoff_command = schemas/* enum */.k5n(['retest', 'rebuild']);
const outcome = schemas/* union */.KCZ([
    schemas/* object */.Ikc({ result: schemas/* literal */.euz('retried'), command: handoff_command, sites: schemas/* array */.YOg(siteOutcome).check(api/* _maxLength */.Eb(20)) }),
    schemas/* object */.Ikc({
        result: schemas/* literal */.euz('skipped'),
        command: handoff_command,
        sites: schemas/* array */.YOg(siteOutcome).check(api/* _maxLength */.Eb(20)),
        whole: schemas/* null */.chJ(),
    }),
    schemas/* object */.Ikc({
        result: schemas/* literal */.euz('failed'),
        command: handoff_command,
        sites: schemas/* array */.YOg(siteOutcome).check(api/* _maxLength */.Eb(20)),
        problem: schemas/* null */.chJ(),
    }),
]);
const handoff = schemas/* object */.Ikc({
    v: schemas/* literal */.euz(1),
    comment: schemas/* string */.YjP().check(api/* _regex */.Fk(/^[A-Za-z0-9_=-]{1,100}$/)),
    replyId: schemas/* nullable */.mee(schemas/* string */.YjP().check(api/* _regex */.Fk(/^[A-Za-z0-9_=-]{1,100}$/))),
    startedAt: schemas/* int */.Whr().check(api/* _positive */.NC()),
    outcome,
});
class HandoffError extends Error {
    name = 'HandoffError';
}
function writeHandoff(value) {
    return JSON.stringify({ v: 1, ...value });
}
function readHandoff(text) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch {
        throw new HandoffError('Input handoff is not JSON: set it to the handoff output of the job that ran the command.');
    }
    const parsed = core_parse/* safeParse */.xL(handoff, json);
    if (!parsed.success) {
        throw new HandoffError("Input handoff is not a handoff of this action's: set it to the handoff output of the job that ran the command, unchanged.");
    }
    const { v: _version, ...rest } = parsed.data;
    return rest;
}

// EXTERNAL MODULE: ./src/outputs.ts
var src_outputs = __webpack_require__(891);
// EXTERNAL MODULE: ../main/node_modules/zod/v4/core/core.js
var core = __webpack_require__(412);
;// CONCATENATED MODULE: ./src/settings.ts
/**
 * The inputs, read once through zod into typed settings. A bad input is an InputError whose one line
 * names the input (and the bad item of a list) and what it accepts; a token's value is never echoed.
 */




/** Each input's default, as action.yml declares it (a test keeps the two in step). */
const INPUT_DEFAULTS = {
    'github-token': '${{ github.token }}',
    'retest-command': '/retest',
    'rebuild-command': '/rebuild-preview',
    'ok-to-test-command': '',
    'trusted-associations': 'OWNER, MEMBER, COLLABORATOR',
    'trusted-users': '',
    'trusted-apps': '',
    'trusted-permission': 'write',
    'ok-to-test-label': 'ok-to-test',
    'rebuild-trust': 'commenter',
    'quiet-retest': 'false',
    'deny-reply': 'true',
    'stuck-minutes': '30',
    follow: 'false',
    'follow-minutes': '20',
    handoff: '',
    'dry-run': 'false',
    'netlify-api-url': 'https://api.netlify.com/api/v1',
    'timeout-seconds': '120',
};
/** At most this many sites per repository: each costs Netlify requests on every command. */
const MAX_SITES = 20;
class InputError extends Error {
    input;
    name = 'InputError';
    constructor(
    /** The input to fix. */
    input, message) {
        super(message);
        this.input = input;
    }
}
const settings_LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const APP_SLUG = /^[a-z0-9][a-z0-9-]{0,98}$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,62})(?:\.[a-z0-9](?:[a-z0-9-]{0,62}))+$/i;
const settings_SITE_NAME = /^[a-z0-9](?:[a-z0-9-]{0,62})$/i;
const REPOSITORY = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
const MAP_LINE = /^([^\s:]+\/[^\s:]+)[ \t]*:(.*)$/;
/** An item of a list as an error message quotes it: one line, bounded. */
function quoted(item) {
    const flat = item.replace(/\s+/g, ' ');
    return `"${flat.length > 60 ? `${flat.slice(0, 57)}...` : flat}"`;
}
/** A string input, trimmed, that must pass `ok`; `accepts` ends the one-line error. */
const settings_text = (ok, accepts) => schemas/* string */.YjP().check(api/* _trim */.WN(), schemas/* refine */.YPB(ok, accepts));
const mapped = (schema, to) => schemas/* pipe */.FsL(schema, schemas/* transform */.pdi(to));
const token = (what) => schemas/* string */.YjP().check(api/* _trim */.WN(), schemas/* refine */.YPB((value) => value !== '', `is empty: set it to ${what}`), schemas/* refine */.YPB((value) => !/\s/.test(value), `contains white space: set it to ${what} with nothing around it`));
/** A comma- or newline-separated list; `problem` says what is wrong with an item, or null. */
const list = (problem, to) => schemas/* pipe */.FsL(schemas/* string */.YjP(), schemas/* transform */.pdi((value, ctx) => {
    const all = items(value);
    for (const item of all) {
        const wrong = problem(item);
        if (wrong) {
            ctx.issues.push({ code: 'custom', message: `${quoted(item)} ${wrong}`, input: value });
            return core/* NEVER */.tm;
        }
    }
    return all.map(to);
}));
function items(value) {
    return value
        .split(/[,\n]/)
        .map((item) => item.trim())
        .filter((item) => item !== '');
}
const settings_boolean = mapped(settings_text((value) => /^(true|false)$/i.test(value), 'accepts true or false'), (value) => value.toLowerCase() === 'true');
const wholeNumber = (min, max, unit) => mapped(settings_text((value) => /^\d{1,6}$/.test(value) && Number(value) >= min && Number(value) <= max, `accepts a whole number of ${unit} from ${min} to ${max}`), Number);
const association = (item) => item.toUpperCase().replace(/-/g, '_');
const app = (item) => item.replace(/\[bot\]$/i, '');
/** What is wrong with one site item, or null. */
function siteProblem(item) {
    if (UUID.test(item) || DOMAIN.test(item))
        return null;
    if (settings_SITE_NAME.test(item)) {
        return `is a site name, which the Netlify API does not take: use its domain ${item.toLowerCase()}.netlify.app or its API ID`;
    }
    return "is not a site: give the site's API ID (a UUID, Site configuration > General > Site information) or its domain such as my-site.netlify.app, not a URL or a path";
}
function siteList(value, ctx, where) {
    const all = items(value);
    for (const item of all) {
        const wrong = siteProblem(item);
        if (wrong) {
            ctx.issues.push({ code: 'custom', message: `${where}${quoted(item)} ${wrong}`, input: value });
            return null;
        }
    }
    if (all.length > MAX_SITES) {
        ctx.issues.push({ code: 'custom', message: `${where}lists ${all.length} sites; at most ${MAX_SITES} are allowed`, input: value });
        return null;
    }
    return all;
}
const siteConfig = schemas/* pipe */.FsL(schemas/* string */.YjP().check(api/* _trim */.WN(), schemas/* refine */.YPB((value) => value !== '', "is empty: set it to the Netlify site's API ID (Site configuration > General > Site information) or its domain")), schemas/* transform */.pdi((value, ctx) => {
    const lines = value.split('\n').map((line) => line.trim()).filter(Boolean);
    if (!lines.some((line) => MAP_LINE.test(line))) {
        return { kind: 'list', sites: siteList(value, ctx, ': ') ?? [] };
    }
    const map = new Map();
    for (const line of lines) {
        const match = MAP_LINE.exec(line);
        const repository = match?.[1] ?? '';
        if (!match || !REPOSITORY.test(repository)) {
            ctx.issues.push({
                code: 'custom',
                message: `: line ${quoted(line)} is not of the form owner/repo: site[, site] (once one line is, every line must be)`,
                input: value,
            });
            return core/* NEVER */.tm;
        }
        const key = repository.toLowerCase();
        if (map.has(key)) {
            ctx.issues.push({ code: 'custom', message: `: ${repository} has more than one line`, input: value });
            return core/* NEVER */.tm;
        }
        const sites = siteList(match[2], ctx, `: the line of ${repository}: `);
        if (!sites)
            return core/* NEVER */.tm;
        if (sites.length === 0) {
            ctx.issues.push({ code: 'custom', message: `: the line of ${repository} names no site`, input: value });
            return core/* NEVER */.tm;
        }
        map.set(key, sites);
    }
    return { kind: 'map', map };
}));
const commandWord = (optional) => settings_text((value) => (optional && value === '') || command/* COMMAND_SHAPE */.YD.test(value), `accepts one word that starts with a slash, then letters, digits, - or _ (such as /retest)${optional ? ', or nothing to turn it off' : ''}`);
const settings_schemas = {
    'netlify-token': token('a Netlify personal access token from a secret, e.g. ${{ secrets.NETLIFY_AUTH_TOKEN }}'),
    'site-id': siteConfig,
    'github-token': token('a GitHub token, or leave it unset to use the workflow token'),
    'retest-command': commandWord(false),
    'rebuild-command': commandWord(false),
    'ok-to-test-command': commandWord(true),
    'trusted-associations': list((item) => ASSOCIATIONS.includes(association(item))
        ? null
        : `is not an author association: use ${ASSOCIATIONS.join(', ')}`, (item) => association(item)),
    'trusted-users': list((item) => {
        if (settings_LOGIN.test(item))
            return null;
        if (item.startsWith('@') && settings_LOGIN.test(item.slice(1)))
            return 'is not a login: drop the @';
        if (/\[bot\]$/i.test(item))
            return 'is an app: list it in trusted-apps without [bot]';
        return 'is not a GitHub login';
    }, (item) => item),
    'trusted-apps': list((item) => (APP_SLUG.test(app(item)) ? null : 'is not a GitHub App name such as renovate'), app),
    'trusted-permission': mapped(settings_text((value) => PERMISSION_LEVELS.includes(value.toLowerCase()), `accepts one of ${PERMISSION_LEVELS.join(', ')}`), (value) => value.toLowerCase()),
    'ok-to-test-label': settings_text((value) => value !== '' && value.length <= 50 && !/[,\n]/.test(value), 'accepts the name of a label of 1 to 50 characters, such as ok-to-test'),
    'rebuild-trust': mapped(settings_text((value) => /^(commenter|pr)$/i.test(value), 'accepts commenter or pr'), (value) => value.toLowerCase()),
    'quiet-retest': settings_boolean,
    'deny-reply': settings_boolean,
    'stuck-minutes': wholeNumber(0, 1440, 'minutes'),
    follow: mapped(settings_text((value) => /^(true|false|next-job)$/i.test(value), 'accepts true, false or next-job'), (value) => {
        const lower = value.toLowerCase();
        return lower === 'true' ? 'here' : lower === 'next-job' ? 'next-job' : 'off';
    }),
    'follow-minutes': wholeNumber(1, 60, 'minutes'),
    handoff: schemas/* string */.YjP().check(api/* _trim */.WN()),
    'dry-run': settings_boolean,
    'netlify-api-url': mapped(settings_text(isHttpUrl, 'accepts an http(s) URL without credentials, query or fragment, such as https://api.netlify.com/api/v1'), (value) => new URL(value.replace(/\/+$/, ''))),
    'timeout-seconds': wholeNumber(5, 3600, 'seconds'),
};
const INPUT_NAMES = Object.keys(settings_schemas);
/** One input, parsed; an InputError when it is not valid. */
function parseInput(name, read) {
    const raw = read(name);
    const given = raw ?? (name in INPUT_DEFAULTS && name !== 'github-token' ? INPUT_DEFAULTS[name] : '');
    const parsed = core_parse/* safeParse */.xL(settings_schemas[name], given);
    if (parsed.success)
        return parsed.data;
    const message = parsed.error.issues[0]?.message ?? 'is not valid';
    throw new InputError(name, `Input ${name}${message.startsWith(':') ? '' : ' '}${message}.`);
}
function readSettings(read) {
    const v = {};
    for (const name of INPUT_NAMES)
        v[name] = parseInput(name, read);
    const words = { retest: v['retest-command'], rebuild: v['rebuild-command'], okToTest: v['ok-to-test-command'] || null };
    const lower = [words.retest, words.rebuild, words.okToTest ?? ''].map((word) => word.toLowerCase());
    if (lower[0] === lower[1]) {
        throw new InputError('rebuild-command', 'Inputs retest-command and rebuild-command must be different words.');
    }
    if (words.okToTest && (lower[2] === lower[0] || lower[2] === lower[1])) {
        throw new InputError('ok-to-test-command', 'Input ok-to-test-command must be a word other than retest-command and rebuild-command.');
    }
    return {
        netlifyToken: v['netlify-token'],
        sites: v['site-id'],
        githubToken: v['github-token'],
        words,
        trust: {
            associations: v['trusted-associations'],
            users: v['trusted-users'],
            apps: v['trusted-apps'],
            permission: v['trusted-permission'],
            okToTestLabel: v['ok-to-test-label'],
            rebuildTrust: v['rebuild-trust'],
        },
        quietRetest: v['quiet-retest'],
        denyReply: v['deny-reply'],
        dryRun: v['dry-run'],
        netlifyApiUrl: v['netlify-api-url'],
        timeoutSeconds: v['timeout-seconds'],
        stuckMinutes: v['stuck-minutes'],
        follow: v.follow,
        followMinutes: v['follow-minutes'],
        handoff: v.handoff,
    };
}
/**
 * The command words as far as they can be read when some input is bad: each valid word, or its default.
 * Used to tell whether a comment holds a command, so that a bad configuration is answered on it.
 */
function wordsDespiteErrors(read) {
    const word = (name) => {
        try {
            return parseInput(name, read);
        }
        catch {
            return INPUT_DEFAULTS[name];
        }
    };
    return { retest: word('retest-command'), rebuild: word('rebuild-command'), okToTest: word('ok-to-test-command') || null };
}
/** The sites listed for a repository (`owner/repo`, any case), or null when the map has no line for it. */
function sitesFor(config, repository) {
    const ids = config.kind === 'list' ? config.sites : config.map.get(repository.toLowerCase());
    if (!ids)
        return null;
    return ids.map((id) => ({ id, name: (0,preview/* nameFromId */.ZN)(id) }));
}
/**
 * What the inputs cannot be checked for without the event: on a public repository GitHub reports `read`
 * for every user, so trusted-permission read would trust everyone.
 */
function checkAgainstRepository(settings, repositoryIsPrivate) {
    if (!repositoryIsPrivate && settings.trust.permission === 'read') {
        throw new InputError('trusted-permission', 'Input trusted-permission is read, which on a public repository trusts everyone, since GitHub reports read for every user there: use triage or higher.');
    }
}
function isHttpUrl(value) {
    if (!URL.canParse(value))
        return false;
    const url = new URL(value);
    return ((url.protocol === 'https:' || url.protocol === 'http:') &&
        url.hostname !== '' &&
        url.username === '' &&
        url.password === '' &&
        url.search === '' &&
        url.hash === '');
}

;// CONCATENATED MODULE: ./src/main.ts
/**
 * The entry: reads the inputs and the event, runs the command, reports. `run` takes the environment and
 * the toolkit, so that tests call it in-process; src/index.ts is the shell that calls it.
 */














const USER_AGENT = 'netlify-preview-retry/1';
const realClock = {
    now: () => Date.now(),
    sleep: (ms, signal) => new Promise((resolve) => {
        if (signal?.aborted)
            return resolve();
        const timer = setTimeout(done, Math.max(0, ms));
        function done() {
            signal?.removeEventListener('abort', done);
            clearTimeout(timer);
            resolve();
        }
        signal?.addEventListener('abort', done, { once: true });
    }),
};
async function run(env, toolkit, deps = {}) {
    const input = inputReader(env);
    for (const name of ['netlify-token', 'github-token']) {
        const secret = input(name);
        if (secret)
            toolkit.mask(secret);
    }
    const clock = deps.clock ?? realClock;
    const log = { info: (text) => toolkit.info(text), warning: (text) => toolkit.warning(text) };
    const eventName = env.GITHUB_EVENT_NAME ?? '';
    const raw = rawEvent(env);
    let settings;
    try {
        settings = readSettings(input);
    }
    catch (error) {
        if (!(error instanceof InputError))
            throw error;
        return refuseConfiguration(error, env, toolkit, clock, raw, eventName);
    }
    const sentences = (event) => ({
        prNumber: event?.prNumber ?? 0,
        words: settings.words,
        okToTestLabel: settings.trust.okToTestLabel,
        rebuildTrust: settings.trust.rebuildTrust,
    });
    let event = null;
    try {
        if (eventName === 'issue_comment' || settings.handoff)
            event = readEvent(raw);
    }
    catch (error) {
        if (!(error instanceof EventError))
            throw error;
        toolkit.setOutputs({ ...(0,src_outputs/* ignoredOutputs */.Tl)(error.message), result: 'failed' });
        toolkit.fail(error.message);
        return;
    }
    if (settings.handoff)
        return followLater(settings, event, env, toolkit, clock, deps, log, sentences);
    const screened = screenComment(eventName, () => event, settings.words, settings.trust.apps);
    if (screened.kind === 'ignored' || !event) {
        const outcome = {
            result: 'ignored',
            command: null,
            ignored: screened.kind === 'ignored' ? screened.ignored : { kind: 'event', eventName },
        };
        return finish(outcome, true, settings, toolkit, sentences(event));
    }
    const repository = repositoryOf(env, event);
    const sites = sitesFor(settings.sites, repository);
    if (!sites) {
        return finish({ result: 'ignored', command: null, ignored: { kind: 'repository', repository } }, true, settings, toolkit, sentences(event));
    }
    try {
        checkAgainstRepository(settings, event.repositoryIsPrivate);
    }
    catch (error) {
        if (!(error instanceof InputError))
            throw error;
        return refuseConfiguration(error, env, toolkit, clock, raw, eventName);
    }
    const connect = deps.connect?.(settings, event) ?? httpConnect(settings, event, env, clock);
    const flowDeps = { connect, clock, log };
    const runUrl = runUrlOf(env);
    const handled = await runCommand({ settings, event, lines: screened.lines, sites, runUrl }, flowDeps);
    const startedAt = clock.now();
    let outcome = handled.outcome;
    const pending = (0,core_outcome/* sitesOf */.Yc)(outcome).some((site) => 'follow' in site && site.follow === 'pending');
    let handoff = '';
    if (pending && settings.follow === 'here') {
        outcome = await followWithStop(deps, (stop) => followBuilds({ outcome, replyId: handled.reported.reply, ctx: replyContext(settings, event, runUrl), startedAt, followMinutes: settings.followMinutes, stop }, flowDeps));
    }
    else if (pending && settings.follow === 'next-job') {
        handoff = writeHandoff({ comment: event.commentNodeId, replyId: handled.reported.reply, startedAt, outcome });
    }
    return finish(outcome, handled.reported.shown, settings, toolkit, sentences(event), handoff, handled.reported.fix);
}
/** A later job follows what the command's job handed over. */
async function followLater(settings, event, env, toolkit, clock, deps, log, sentences) {
    let handoff;
    try {
        handoff = readHandoff(settings.handoff);
        if (handoff.comment !== event.commentNodeId) {
            throw new HandoffError('Input handoff is about another comment than this event: pass the handoff output of this run.');
        }
    }
    catch (error) {
        if (!(error instanceof HandoffError))
            throw error;
        toolkit.setOutputs({ ...(0,src_outputs/* ignoredOutputs */.Tl)(error.message), result: 'failed' });
        toolkit.fail(error.message);
        return;
    }
    const connect = deps.connect?.(settings, event) ?? httpConnect(settings, event, env, clock);
    const outcome = await followWithStop(deps, (stop) => followBuilds({
        outcome: handoff.outcome,
        replyId: handoff.replyId,
        ctx: replyContext(settings, event, runUrlOf(env)),
        startedAt: handoff.startedAt,
        followMinutes: settings.followMinutes,
        stop,
    }, { connect, clock, log }));
    return finish(outcome, true, settings, toolkit, sentences(event));
}
async function followWithStop(deps, work) {
    const controller = new AbortController();
    const unsubscribe = deps.onStop?.(() => controller.abort()) ?? (() => undefined);
    try {
        return await work(controller.signal);
    }
    finally {
        unsubscribe();
    }
}
/**
 * A bad input, refused before any Netlify request. On a comment that holds a command, the PR hears of it
 * (a confused reaction and a reply naming the input, never its value) when the GitHub token works.
 */
async function refuseConfiguration(error, env, toolkit, clock, raw, eventName) {
    const input = inputReader(env);
    let event = null;
    try {
        event = eventName === 'issue_comment' ? readEvent(raw) : null;
    }
    catch {
        event = null;
    }
    const words = wordsDespiteErrors(input);
    let apps = [];
    try {
        apps = items(input('trusted-apps') ?? '');
    }
    catch {
        apps = [];
    }
    const screened = event ? screenComment(eventName, () => event, words, apps) : null;
    const command = screened?.kind === 'command' ? chooseLine(screened.lines, []) : null;
    const name = command && command.kind !== 'none' ? command.command : null;
    const outcome = { result: 'failed', command: name, sites: [], problem: { kind: 'input', input: error.input, message: error.message } };
    const token = input('github-token');
    if (event && name && token && !/\s/.test(token)) {
        const github = githubPort(githubOptions(token, event, env, clock), { endsAt: clock.now() + reportBudgetMs(Number(INPUT_DEFAULTS['timeout-seconds'])) });
        const body = (0,reply/* renderReply */.Vv)(outcome, {
            login: event.commenterLogin,
            prNumber: event.prNumber,
            words,
            okToTestLabel: INPUT_DEFAULTS['ok-to-test-label'],
            rebuildTrust: 'commenter',
            okToTestOn: false,
            runUrl: runUrlOf(env),
            followMinutes: 0,
        });
        const reported = await github.report({ body, reactions: (0,reply/* finalReactions */.p4)(outcome) });
        for (const failure of reported.failures)
            toolkit.warning(`${failure.what}: ${failure.fix}.`);
    }
    toolkit.setOutputs({ ...(0,src_outputs/* ignoredOutputs */.Tl)(error.message), result: 'failed', command: name ?? '' });
    toolkit.fail(error.message);
}
/** Sets the outputs and the job summary, and fails the step when the command failed or went unseen. */
function finish(outcome, shown, settings, toolkit, ctx, handoff = '', reportFix = null) {
    const outputs = (0,src_outputs/* outputsOf */.Yz)(outcome, ctx, handoff);
    toolkit.setOutputs(outputs);
    toolkit.info(`Result: ${outputs.result}. ${outputs.reason}${settings.dryRun ? ' (dry-run: nothing was changed)' : ''}`);
    if (outcome.result !== 'ignored')
        toolkit.appendSummary((0,src_outputs/* summaryOf */.YG)(outputs, settings.dryRun));
    if (outcome.result === 'failed') {
        const fix = outcome.problem?.kind === 'input' ? null : (outcome.problem?.failure.fix ?? firstFix(outcome));
        toolkit.fail(outcome.problem ? `${(0,sentences/* problemText */.fI)(outcome.problem)}${fix ? ` To fix: ${fix}.` : ''}` : `${outputs.reason}${fix ? ` To fix: ${fix}.` : ''}`);
    }
    else if (!shown) {
        const fix = reportFix ?? 'give the job `permissions: issues: write` and `pull-requests: write`, or check github-token';
        const done = outcome.result === 'retried' ? 'The retry was requested, but nothing' : 'Nothing';
        toolkit.fail(`${done} could be shown on the pull request (result ${outcome.result}: ${outputs.reason}) To fix: ${fix}.`);
    }
}
function firstFix(outcome) {
    for (const site of (0,core_outcome/* sitesOf */.Yc)(outcome))
        if (site.result === 'failed')
            return (0,sentences/* siteFix */.ty)(site);
    return null;
}
function inputReader(env) {
    return (name) => env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`]?.trim();
}
function rawEvent(env) {
    let parsed = null;
    return {
        json: () => {
            if (parsed)
                return parsed.value;
            const path = env.GITHUB_EVENT_PATH;
            if (!path)
                throw new EventError('GITHUB_EVENT_PATH is not set: run this action in a GitHub Actions workflow.');
            try {
                parsed = { value: JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8')) };
            }
            catch {
                parsed = { value: null };
            }
            return parsed.value;
        },
    };
}
function readEvent(raw) {
    const json = raw.json();
    if (json === null)
        throw new EventError('The event payload at GITHUB_EVENT_PATH is not JSON.');
    return readCommentEvent(json);
}
/** GITHUB_REPOSITORY, or the event's repository when it is not set. */
function repositoryOf(env, event) {
    const repository = env.GITHUB_REPOSITORY;
    return repository && /^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/.test(repository) ? repository : event.repository;
}
/** The workflow run's page, when the runner's variables make a plain https URL of it. */
function runUrlOf(env) {
    const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = env;
    if (!server || !repo || !run)
        return null;
    if (!/^https:\/\/[A-Za-z0-9.-]+(?::\d+)?$/.test(server) || !/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/.test(repo) || !/^\d+$/.test(run)) {
        return null;
    }
    return `${server}/${repo}/actions/runs/${run}`;
}
function url(value, fallback) {
    return value && URL.canParse(value) ? new URL(value) : new URL(fallback);
}
function githubOptions(token, event, env, clock) {
    const apiUrl = url(env.GITHUB_API_URL, 'https://api.github.com');
    return {
        token,
        apiUrl,
        graphqlUrl: url(env.GITHUB_GRAPHQL_URL, `${apiUrl.href.replace(/\/+$/, '')}/graphql`),
        owner: event.owner,
        repo: event.repo,
        prNumber: event.prNumber,
        prNodeId: event.prNodeId,
        commentId: event.commentId,
        commentNodeId: event.commentNodeId,
        userAgent: USER_AGENT,
        clock,
        secrets: secretsOf(env),
    };
}
function secretsOf(env) {
    const input = inputReader(env);
    return ['netlify-token', 'github-token'].map((name) => input(name) ?? '').filter((value) => value.length >= 8);
}
function httpConnect(settings, event, env, clock) {
    const github = githubOptions(settings.githubToken, event, env, clock);
    const netlify = { token: settings.netlifyToken, apiUrl: settings.netlifyApiUrl, userAgent: USER_AGENT, clock, secrets: secretsOf(env) };
    return (deadline) => ({ github: githubPort(github, deadline), netlify: netlifyPort(netlify, deadline) });
}


/***/ })

};
