/**
 * A small import graph of TypeScript/ESM sources, for layout rules (test/contract/layout.test.ts).
 *
 * The import specifiers are found with a light scanner and regular expressions, not a compiler: comments
 * and the contents of strings that are not import specifiers are blanked first (regular-expression literals
 * and template literals included), then `import … from '…'`, `import '…'`, `export … from '…'` and
 * `import('…')` are read. Type-only imports are edges like any other. Relative specifiers are resolved
 * against the importing file (`./x.js` names `./x.ts` when that is the source); anything else is a package
 * (`node:fs`, `vitest`, `@actions/core`, whose subpaths count as the package).
 *
 * Paths are POSIX, relative to the root the sources were read from (`test/lib/http.ts`).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';

export interface ImportSpecifier {
  readonly specifier: string;
  /** `import type …` / `export type … from`. */
  readonly typeOnly: boolean;
  /** `import('…')`, in code or in a type. */
  readonly dynamic: boolean;
}

export interface ImportEdge extends ImportSpecifier {
  readonly from: string;
  /** The imported file (a path like `from`), or the package's name. */
  readonly target: string;
  readonly kind: 'file' | 'package';
}

export interface ImportGraph {
  /** Every source file, sorted. */
  readonly files: readonly string[];
  readonly edges: readonly ImportEdge[];
}

/** The import specifiers of one source file, in order. */
export function parseImports(source: string): ImportSpecifier[] {
  const code = blankNonImports(source);
  const found: { at: number; value: ImportSpecifier }[] = [];
  const statics = /\b(import|export)\s+(type\s+)?(?:[\w$*{}\s,]*?\s*from\s*)?(['"])([^'"\n]+)\3/g;
  for (const match of code.matchAll(statics)) {
    const typeOnly = match[2] !== undefined;
    found.push({ at: match.index, value: { specifier: match[4] as string, typeOnly, dynamic: false } });
  }
  for (const match of code.matchAll(/\bimport\s*\(\s*(['"])([^'"\n]+)\1/g)) {
    found.push({ at: match.index, value: { specifier: match[2] as string, typeOnly: false, dynamic: true } });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.value);
}

/** Where a specifier of `from` points: a file path (resolved against `known` files) or a package name. */
export function resolveImport(
  from: string,
  specifier: string,
  known: ReadonlySet<string>,
): { kind: 'file' | 'package'; target: string } {
  if (!specifier.startsWith('./') && !specifier.startsWith('../') && specifier !== '.' && specifier !== '..') {
    const parts = specifier.split('/');
    const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string);
    return { kind: 'package', target: name };
  }
  const joined = posix.normalize(posix.join(posix.dirname(from), specifier));
  const candidates = /\.[cm]?js$/.test(joined)
    ? [joined.replace(/\.([cm]?)js$/, '.$1ts'), joined]
    : /\.[cm]?tsx?$/.test(joined)
      ? [joined]
      : [`${joined}.ts`, `${joined}/index.ts`, joined];
  const target = candidates.find((c) => known.has(c)) ?? (candidates[0] as string);
  return { kind: 'file', target };
}

/** The graph of the given sources (path -> text). */
export function buildImportGraph(sources: Readonly<Record<string, string>>): ImportGraph {
  const files = Object.keys(sources).sort();
  const known = new Set(files);
  const edges: ImportEdge[] = [];
  for (const from of files) {
    for (const imported of parseImports(sources[from] as string)) {
      edges.push({ from, ...imported, ...resolveImport(from, imported.specifier, known) });
    }
  }
  return { files, edges };
}

/** The TypeScript/ESM sources under `dirs` (relative to `root`; a missing dir is skipped), node_modules aside. */
export function readSources(
  root: string,
  dirs: readonly string[],
  pattern = /\.(ts|mts|mjs)$/,
): Record<string, string> {
  const sources: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (pattern.test(name)) sources[relative(root, path).split(sep).join('/')] = readFileSync(path, 'utf8');
    }
  };
  for (const dir of dirs) {
    const path = join(root, dir);
    if (existsSync(path) && statSync(path).isDirectory()) walk(path);
  }
  return sources;
}

/** Whether a path is `dir` itself or below it (`src/core` holds `src/core/x.ts`, not `src/core.ts`). */
export function isUnder(path: string, dir: string): boolean {
  const prefix = dir.replace(/\/+$/, '');
  return path === prefix || path.startsWith(`${prefix}/`);
}

/**
 * A cycle among the files that `within` keeps (every file when omitted), as the files along it with the
 * first repeated at the end (`[a, b, a]`), or null when there is none. Type-only edges count.
 */
export function findCycle(graph: ImportGraph, within: (file: string) => boolean = () => true): string[] | null {
  const next = new Map<string, string[]>();
  for (const edge of graph.edges) {
    if (edge.kind !== 'file' || !within(edge.from) || !within(edge.target)) continue;
    next.set(edge.from, [...(next.get(edge.from) ?? []), edge.target]);
  }
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): string[] | null => {
    state.set(file, 'open');
    stack.push(file);
    for (const target of next.get(file) ?? []) {
      const seen = state.get(target);
      if (seen === 'open') return [...stack.slice(stack.indexOf(target)), target];
      if (seen === undefined) {
        const cycle = visit(target);
        if (cycle) return cycle;
      }
    }
    stack.pop();
    state.set(file, 'done');
    return null;
  };
  const starts = [...new Set([...graph.files, ...next.keys()])].filter(within).sort();
  for (const file of starts) {
    if (state.has(file)) continue;
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return null;
}

/** `from -> target (specifier)`, for failure messages. */
export function describeEdge(edge: ImportEdge): string {
  return `${edge.from} -> ${edge.target}${edge.target === edge.specifier ? '' : ` ('${edge.specifier}')`}`;
}

// ---------------------------------------------------------------------------------------------------------
// The scanner: keeps the code and the import specifiers, blanks comments and every other string.

const REGEX_AFTER = new Set([...'(,=:[!&|?{};+-*%<>~^']);
const REGEX_AFTER_WORDS = /\b(return|typeof|case|do|else|in|of|new|delete|void|throw|yield|await)$/;
const SPECIFIER_BEFORE = /(\bfrom|\bimport|\bimport\s*\()\s*$/;

/** The source with comments removed and non-specifier string contents emptied (line breaks kept). */
export function blankNonImports(source: string): string {
  let out = '';
  let i = 0;
  const n = source.length;
  const tail = () => out.slice(-64);
  while (i < n) {
    const c = source[i] as string;
    const d = source[i + 1];
    if (c === '/' && d === '/') {
      while (i < n && source[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && d === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      out += source.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
      continue;
    }
    if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < n && source[j] !== c && source[j] !== '\n') j += source[j] === '\\' ? 2 : 1;
      const keep = SPECIFIER_BEFORE.test(tail());
      out += keep ? source.slice(i, j + 1) : `${c}${c}`;
      i = j + 1;
      continue;
    }
    if (c === '`') {
      i = skipTemplate(source, i);
      out += '``';
      continue;
    }
    if (c === '/') {
      const before = tail().trimEnd();
      const prev = before[before.length - 1];
      if (prev === undefined || REGEX_AFTER.has(prev) || REGEX_AFTER_WORDS.test(before)) {
        let j = i + 1;
        let inClass = false;
        while (j < n && source[j] !== '\n') {
          const ch = source[j];
          if (ch === '\\') j++;
          else if (ch === '[') inClass = true;
          else if (ch === ']') inClass = false;
          else if (ch === '/' && !inClass) break;
          j++;
        }
        out += '/ /';
        i = j + 1;
        continue;
      }
    }
    out += c;
    i++;
  }
  return out;
}

/** The index after the template literal that starts at `start`, nested `${…}` and templates included. */
function skipTemplate(source: string, start: number): number {
  let i = start + 1;
  while (i < source.length) {
    const c = source[i];
    if (c === '\\') i += 2;
    else if (c === '`') return i + 1;
    else if (c === '$' && source[i + 1] === '{') i = skipBraces(source, i + 2);
    else i++;
  }
  return i;
}

function skipBraces(source: string, start: number): number {
  let depth = 1;
  let i = start;
  while (i < source.length && depth > 0) {
    const c = source[i];
    if (c === '`') {
      i = skipTemplate(source, i);
      continue;
    }
    if (c === "'" || c === '"') {
      i++;
      while (i < source.length && source[i] !== c) i += source[i] === '\\' ? 2 : 1;
    } else if (c === '{') depth++;
    else if (c === '}') depth--;
    i++;
  }
  return i;
}
