export const id = 807;
export const ids = [807];
export const modules = {

/***/ 807:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EventError: () => (/* binding */ EventError),
/* harmony export */   readCommentEvent: () => (/* binding */ readCommentEvent)
/* harmony export */ });
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3619);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3305);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3945);
/**
 * The event: the workflow's `issue_comment` payload, validated once through zod into the facts the
 * core uses. Only the fields read are checked; where GitHub's webhook schema allows null or absence
 * (comment.user, user.type, issue.labels), so does this.
 */

class EventError extends Error {
    name = 'EventError';
}
const user = zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .pipe */ .FsL(zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .nullish */ .cl6(zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ login: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* ._minLength */ .m9(1)), type: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .optional */ .lqM(zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()) })), zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .transform */ .pdi((value) => value ?? { login: 'ghost', type: undefined }));
const labels = zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .pipe */ .FsL(zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .nullish */ .cl6(zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ name: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP() }), zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()]))), zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .transform */ .pdi((list) => (list ?? []).map((label) => (typeof label === 'string' ? label : label.name))));
const payload = zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    action: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    issue: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        number: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Whr().check(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* ._positive */ .NC()),
        state: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
        node_id: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* ._minLength */ .m9(1)),
        pull_request: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .nullish */ .cl6(zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({})),
        labels,
        author_association: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    }),
    comment: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        id: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Whr().check(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* ._positive */ .NC()),
        node_id: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* ._minLength */ .m9(1)),
        body: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .nullish */ .cl6(zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()),
        user,
        author_association: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    }),
    repository: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        name: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* ._minLength */ .m9(1)),
        owner: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ login: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* ._minLength */ .m9(1)) }),
    }),
});
/** Parses the payload of an `issue_comment` event; a malformed one is an EventError naming the field. */
function readCommentEvent(json) {
    const parsed = zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .safeParse */ .xL(payload, json);
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
    };
}


/***/ })

};
