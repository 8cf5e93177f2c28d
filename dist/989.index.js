export const id = 989;
export const ids = [989];
export const modules = {

/***/ 989:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HandoffError: () => (/* binding */ HandoffError),
/* harmony export */   readHandoff: () => (/* binding */ readHandoff),
/* harmony export */   writeHandoff: () => (/* binding */ writeHandoff)
/* harmony export */ });
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(619);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(305);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(945);
/**
 * The handoff from the command's job to a later job that follows the builds (`follow: next-job`): the
 * decided outcome, the reply to edit, and when the builds were asked for. It passes through job outputs
 * into the `handoff` input, so it is read back like any input: through zod, into typed values, or refused.
 */

const HTTPS_URL = /^https:\/\/[A-Za-z0-9.-]{1,253}(?::\d{1,5})?(?:\/[A-Za-z0-9._~/%-]*)?$/;
const nullableString = (pattern) => zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* ._regex */ .Fk(pattern)));
const date = zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .refine */ .YPB((value) => !Number.isNaN(Date.parse(value)), 'is not a date'));
const deploy = zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    id: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* ._regex */ .Fk(/^[A-Za-z0-9_-]{1,64}$/)),
    siteName: nullableString(/^[a-z0-9][a-z0-9-]{0,62}$/),
    state: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* ._regex */ .Fk(/^[a-z_]{1,40}$/)),
    context: nullableString(/^[a-z-]{1,40}$/),
    reviewId: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Whr()),
    commitRef: nullableString(/^[0-9a-f]{7,64}$/),
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what the pattern refuses
    branch: nullableString(/^[^\s\x00-\x1f\x7f]{1,255}$/),
    url: nullableString(HTTPS_URL),
    logUrl: nullableString(HTTPS_URL),
    createdAt: date,
    updatedAt: date,
    errorMessage: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* ._maxLength */ .Eb(2_000))),
});
const site = zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    id: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* ._regex */ .Fk(/^[A-Za-z0-9.-]{1,253}$/)),
    name: nullableString(/^[a-z0-9][a-z0-9-]{0,62}$/),
});
const stale = zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    built: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* ._regex */ .Fk(/^[0-9a-f]{7,64}$/)),
    head: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* ._regex */ .Fk(/^[0-9a-f]{7,64}$/)),
}));
const minutes = zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Whr().check(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* ._nonnegative */ .UI());
const failure = zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    service: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['Netlify', 'GitHub']),
    status: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Whr()),
    what: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* ._maxLength */ .Eb(400)),
    said: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* ._maxLength */ .Eb(400)),
    fix: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* ._maxLength */ .Eb(400)),
});
const siteOutcome = zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .discriminatedUnion */ .gMt('result', [
    zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        result: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('retried'),
        site,
        preview: deploy,
        decision: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([
            zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ kind: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('retry'), because: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['failed', 'forced', 'canceled']) }),
            zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ kind: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('restart'), stuckMinutes: minutes }),
        ]),
        dryRun: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(false),
        lostAnswer: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .nullable */ .mee(deploy),
        stale,
        follow: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('pending')),
    }),
    zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        result: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('skipped'),
        site,
        preview: deploy,
        decision: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([
            zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
                kind: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('skip'),
                because: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['ready', 'in-progress', 'pending-review', 'rejected', 'unknown-state']),
            }),
            zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
                kind: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('skip'),
                because: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('canceled'),
                canceled: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['by-person', 'no-change']),
            }),
            zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ kind: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('skip'), because: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('stuck'), stuckMinutes: minutes }),
        ]),
        raced: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .nullable */ .mee(deploy),
        stale,
        follow: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('pending')),
    }),
    zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ result: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('not-found'), site, pageLimit: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Whr()) }),
    zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        result: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('failed'),
        site,
        preview: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .nullable */ .mee(deploy),
        step: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['lookup', 'malformed', 'cancel', 'retry', 'unclear']),
        failure,
    }),
]);
const command = zod_mini__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['retest', 'rebuild']);
const outcome = zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([
    zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ result: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('retried'), command, sites: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(siteOutcome).check(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* ._maxLength */ .Eb(20)) }),
    zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        result: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('skipped'),
        command,
        sites: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(siteOutcome).check(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* ._maxLength */ .Eb(20)),
        whole: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* ["null"] */ .chJ(),
    }),
    zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        result: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('failed'),
        command,
        sites: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(siteOutcome).check(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* ._maxLength */ .Eb(20)),
        problem: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* ["null"] */ .chJ(),
    }),
]);
const handoff = zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    v: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(1),
    comment: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* ._regex */ .Fk(/^[A-Za-z0-9_=-]{1,100}$/)),
    replyId: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .nullable */ .mee(zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().check(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* ._regex */ .Fk(/^[A-Za-z0-9_=-]{1,100}$/))),
    startedAt: zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Whr().check(zod_mini__WEBPACK_IMPORTED_MODULE_1__/* ._positive */ .NC()),
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
    const parsed = zod_mini__WEBPACK_IMPORTED_MODULE_2__/* .safeParse */ .xL(handoff, json);
    if (!parsed.success) {
        throw new HandoffError("Input handoff is not a handoff of this action's: set it to the handoff output of the job that ran the command, unchanged.");
    }
    const { v: _version, ...rest } = parsed.data;
    return rest;
}


/***/ })

};
