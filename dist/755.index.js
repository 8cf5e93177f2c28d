export const id = 755;
export const ids = [755];
export const modules = {

/***/ 9755:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   screenComment: () => (/* binding */ screenComment)
/* harmony export */ });
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6102);
/* harmony import */ var _trust_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9597);
/**
 * Screening an event: which comments the action acts on at all. Everything else is `ignored`:
 * no request, no reaction, no reply.
 */


function screenComment(eventName, comment, words, trustedApps) {
    if (eventName !== 'issue_comment')
        return ignored(`The event is ${eventName || 'unknown'}, not issue_comment.`);
    const facts = comment();
    if (facts.action !== 'created')
        return ignored(`The comment was ${facts.action}, not created.`);
    if (!facts.isPullRequest)
        return ignored('The comment is on an issue, not on a pull request.');
    if (facts.prState !== 'open')
        return ignored('The pull request is closed.');
    if ((0,_trust_js__WEBPACK_IMPORTED_MODULE_0__/* .isBotLogin */ .DU)(facts.commenterLogin, facts.commenterType) && !(0,_trust_js__WEBPACK_IMPORTED_MODULE_0__/* .isTrustedApp */ .rQ)(facts.commenterLogin, trustedApps)) {
        return ignored(`The comment is by the bot @${facts.commenterLogin}, which is not in trusted-apps.`);
    }
    const command = (0,_command_js__WEBPACK_IMPORTED_MODULE_1__/* .parseCommand */ .RM)(facts.body, words);
    if (!command)
        return ignored('The comment holds no command.');
    return { kind: 'command', command };
}
function ignored(reason) {
    return { kind: 'ignored', reason };
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
