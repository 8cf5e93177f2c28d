export const id = 750;
export const ids = [750];
export const modules = {

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

/***/ 8750:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   INPUT_DEFAULTS: () => (/* binding */ INPUT_DEFAULTS),
/* harmony export */   InputError: () => (/* binding */ InputError),
/* harmony export */   readSettings: () => (/* binding */ readSettings)
/* harmony export */ });
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3619);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3305);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3945);
/* harmony import */ var _core_command_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6102);
/* harmony import */ var _core_trust_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9597);
/**
 * Settings: the action's inputs, validated once through zod into a typed value.
 * A bad input stops the run before any request, with one line naming the input and what it accepts.
 * The Netlify token's value never appears in an error.
 */



/** Each input's default, as action.yml declares it (a test keeps the two in step). */
const INPUT_DEFAULTS = {
    'github-token': '${{ github.token }}',
    'retest-command': '/retest',
    'rebuild-command': '/rebuild-preview',
    'trusted-associations': 'OWNER, MEMBER, COLLABORATOR',
    'trusted-users': '',
    'trusted-apps': '',
    'trusted-permission': 'write',
    'ok-to-test-label': 'ok-to-test',
    'quiet-retest': 'false',
    'dry-run': 'false',
    'netlify-api-url': 'https://api.netlify.com/api/v1',
    'timeout-seconds': '120',
};
class InputError extends Error {
    name = 'InputError';
}
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const APP_SLUG = /^[a-z0-9][a-z0-9-]{0,98}$/i;
// A site's API ID is a UUID; the API also takes the site's domain (my-site.netlify.app).
const SITE_ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9](?:[a-z0-9-]{0,62})(?:\.[a-z0-9](?:[a-z0-9-]{0,62}))*)$/i;
/** A string input, trimmed, that must pass `ok`; `accepts` ends the one-line error. */
const text = (ok, accepts) => zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* ._trim */ .WN(), zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .refine */ .YPB(ok, accepts));
const mapped = (schema, to) => zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .pipe */ .FsL(schema, zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .transform */ .pdi(to));
const token = (what) => zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* ._trim */ .WN(), zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .refine */ .YPB((value) => value !== '', `is empty: set it to ${what}`), zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .refine */ .YPB((value) => !/\s/.test(value), `contains white space: set it to ${what} with nothing around it`));
/** A comma- or newline-separated list whose every item must pass `ok`. */
const list = (ok, accepts, to) => mapped(zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .refine */ .YPB((value) => items(value).every(ok), accepts)), (value) => items(value).map(to));
function items(value) {
    return value
        .split(/[,\n]/)
        .map((item) => item.trim())
        .filter((item) => item !== '');
}
const boolean = mapped(text((value) => /^(true|false)$/i.test(value), 'accepts true or false'), (value) => value.toLowerCase() === 'true');
const association = (item) => item.toUpperCase().replace(/-/g, '_');
const app = (item) => item.replace(/\[bot\]$/i, '');
const schemas = {
    'netlify-token': token('a Netlify personal access token from a secret, e.g. ${{ secrets.NETLIFY_AUTH_TOKEN }}'),
    'site-id': zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* ._trim */ .WN(), zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .refine */ .YPB((value) => value !== '', "is empty: set it to the Netlify site's API ID (Site configuration > General > Site information)"), zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .refine */ .YPB((value) => SITE_ID.test(value), "accepts the Netlify site's API ID (a UUID) or its domain such as my-site.netlify.app, not a URL or a path")),
    'github-token': token('a GitHub token, or leave it unset to use the workflow token'),
    'retest-command': commandWord(),
    'rebuild-command': commandWord(),
    'trusted-associations': list((item) => _core_trust_js__WEBPACK_IMPORTED_MODULE_2__/* .ASSOCIATIONS */ .nV.includes(association(item)), `accepts a comma-separated list of ${_core_trust_js__WEBPACK_IMPORTED_MODULE_2__/* .ASSOCIATIONS */ .nV.join(', ')}`, (item) => association(item)),
    'trusted-users': list((item) => LOGIN.test(item), 'accepts a comma-separated list of GitHub logins (apps go in trusted-apps)', (item) => item),
    'trusted-apps': list((item) => APP_SLUG.test(app(item)), 'accepts a comma-separated list of GitHub App names such as renovate', app),
    'trusted-permission': mapped(text((value) => _core_trust_js__WEBPACK_IMPORTED_MODULE_2__/* .PERMISSION_LEVELS */ .eO.includes(value.toLowerCase()), `accepts one of ${_core_trust_js__WEBPACK_IMPORTED_MODULE_2__/* .PERMISSION_LEVELS */ .eO.join(', ')}`), (value) => value.toLowerCase()),
    'ok-to-test-label': text((value) => value !== '' && value.length <= 50, 'accepts the name of a label of 1 to 50 characters, such as ok-to-test'),
    'quiet-retest': boolean,
    'dry-run': boolean,
    'netlify-api-url': mapped(text(isHttpUrl, 'accepts an http(s) URL without credentials, query or fragment, such as https://api.netlify.com/api/v1'), (value) => new URL(value.replace(/\/+$/, ''))),
    'timeout-seconds': mapped(text((value) => /^\d+$/.test(value) && Number(value) >= 5 && Number(value) <= 3600, 'accepts a whole number of seconds from 5 to 3600'), Number),
};
function readSettings(read) {
    const values = {};
    for (const name of Object.keys(schemas)) {
        const raw = read(name);
        const given = raw ??
            (name in INPUT_DEFAULTS && name !== 'github-token' ? INPUT_DEFAULTS[name] : '');
        const parsed = zod_mini__WEBPACK_IMPORTED_MODULE_3__/* .safeParse */ .xL(schemas[name], given);
        if (!parsed.success) {
            const issue = parsed.error.issues[0];
            throw new InputError(`Input ${name} ${issue?.message ?? 'is not valid'}.`);
        }
        values[name] = parsed.data;
    }
    const v = values;
    if (v['retest-command'].toLowerCase() === v['rebuild-command'].toLowerCase()) {
        throw new InputError('Inputs retest-command and rebuild-command must be different words.');
    }
    return {
        netlifyToken: v['netlify-token'],
        siteId: v['site-id'],
        githubToken: v['github-token'],
        words: { retest: v['retest-command'], rebuild: v['rebuild-command'] },
        trust: {
            associations: v['trusted-associations'],
            users: v['trusted-users'],
            apps: v['trusted-apps'],
            permission: v['trusted-permission'],
            okToTestLabel: v['ok-to-test-label'],
        },
        quietRetest: v['quiet-retest'],
        dryRun: v['dry-run'],
        netlifyApiUrl: v['netlify-api-url'],
        timeoutSeconds: v['timeout-seconds'],
    };
}
function commandWord() {
    return text((value) => _core_command_js__WEBPACK_IMPORTED_MODULE_4__/* .COMMAND_SHAPE */ .YD.test(value), 'accepts one word that starts with a slash, then letters, digits, - or _ (such as /retest)');
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


/***/ })

};
