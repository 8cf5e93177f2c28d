/** The one line that says why this Node cannot run the tests, or null when it can. */
export function problem(version: string): string | null;
