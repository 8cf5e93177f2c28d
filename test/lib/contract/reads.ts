/**
 * The fields the action reads from each answer, taken from the adapters' own zod schemas so that the list
 * cannot drift from the code. A fake's successful answer must carry every one of them (null is allowed
 * where the spec or exceptions.ts allows it): a fake that drops a field the action reads would otherwise
 * only exercise the action's fallback for an absent field, and every test would still pass.
 * (The specs alone do not catch this: Netlify's spec marks no deploy field as required.)
 */
import { permissionSchema, pullSchema } from '../../../src/adapters/github.js';
import { deploySchema, siteSchema } from '../../../src/adapters/netlify.js';
import type { ApiName } from './exceptions.js';

interface ZodLike {
  readonly _zod: { readonly def: Record<string, any> };
}

/** Dotted paths of every field an object schema reads, parents before children. */
export function readPaths(schema: unknown, prefix = ''): string[] {
  const def = (schema as ZodLike)._zod.def;
  switch (def.type) {
    case 'pipe':
      return readPaths(def.in, prefix);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return readPaths(def.innerType, prefix);
    case 'object':
      return Object.entries(def.shape as Record<string, unknown>).flatMap(([key, child]) => {
        const path = prefix ? `${prefix}.${key}` : key;
        return [path, ...readPaths(child, path)];
      });
    default:
      return [];
  }
}

/** Fields read, by `<api> <operationId>`; `each` when the answer is a list of such objects. */
export const READS: Readonly<Record<string, { readonly paths: readonly string[]; readonly each: boolean }>> = {
  'netlify listSiteDeploys': { paths: readPaths(deploySchema), each: true },
  'netlify getDeploy': { paths: readPaths(deploySchema), each: false },
  'netlify getSite': { paths: readPaths(siteSchema), each: false },
  'github pulls/get': { paths: readPaths(pullSchema), each: false },
  'github repos/get-collaborator-permission-level': { paths: readPaths(permissionSchema), each: false },
};

/** Problems: read fields missing from a successful answer. */
export function checkReads(api: ApiName, operationId: string, status: number, body: unknown): string[] {
  const reads = READS[`${api} ${operationId}`];
  if (!reads || status < 200 || status >= 300) return [];
  const items = reads.each ? (Array.isArray(body) ? body : []) : [body];
  const problems: string[] = [];
  items.forEach((item, index) => {
    for (const path of reads.paths) {
      if (!present(item, path.split('.'))) {
        problems.push(
          `${operationId} ${status} body${reads.each ? `[${index}]` : ''} lacks ${path}, which the action reads`,
        );
      }
    }
  });
  return problems;
}

/** Whether the path is there; a null parent ends the path (the action reads nothing below it). */
function present(value: unknown, path: readonly string[]): boolean {
  let node = value;
  for (const key of path) {
    if (node === null) return true;
    if (typeof node !== 'object' || node === undefined) return false;
    node = (node as Record<string, unknown>)[key];
    if (node === undefined) return false; // as absent as in the JSON it becomes
  }
  return true;
}
