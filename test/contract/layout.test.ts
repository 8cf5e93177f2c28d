/**
 * The import layout, read from the sources (test/lib/imports.ts):
 * (a) the test library (test/lib/) imports only itself, src/ and packages, never a suite or a script;
 * (b) the test library has no import cycle (type-only imports count);
 * (c) src/core/ imports nothing from src/adapters/ or src/flow/, and src/flow/ nothing from src/adapters/
 *     (a layer whose directory does not exist yet is skipped);
 * (d) nothing under src/ imports @actions/core, @actions/github or @netlify/api: the action speaks the runner's
 *     protocol (src/toolkit.ts) and HTTP (src/adapters/) itself, and those packages are the references the
 *     tests hold it to; and only src/toolkit.ts writes to the runner (stdout, GITHUB_OUTPUT, the summary).
 * Each rule is a function of a graph, also run on small in-memory graphs that break it, so that none of them
 * can pass for want of being able to fail.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  buildImportGraph,
  describeEdge,
  findCycle,
  type ImportGraph,
  isUnder,
  parseImports,
  readSources,
  resolveImport,
} from '../lib/imports.js';
import { ROOT } from '../lib/root.js';

const LIB = 'test/lib';

/** (a) Imports of a library file that leave test/lib and src (packages are fine). */
function libraryEscapes(graph: ImportGraph): string[] {
  return graph.edges
    .filter((e) => isUnder(e.from, LIB) && e.kind === 'file' && !isUnder(e.target, LIB) && !isUnder(e.target, 'src'))
    .map(describeEdge);
}

/** (b) A cycle among the library's files, or null. */
function libraryCycle(graph: ImportGraph): string[] | null {
  return findCycle(graph, (file) => isUnder(file, LIB));
}

const LAYERS: readonly { readonly from: string; readonly mayNotImport: readonly string[] }[] = [
  { from: 'src/core', mayNotImport: ['src/adapters', 'src/flow'] },
  { from: 'src/flow', mayNotImport: ['src/adapters'] },
];

/** (c) Imports that cross a layer the wrong way, from the files under `from`. */
function layerBreaks(graph: ImportGraph, from: string, mayNotImport: readonly string[]): string[] {
  return graph.edges
    .filter((e) => isUnder(e.from, from) && e.kind === 'file' && mayNotImport.some((dir) => isUnder(e.target, dir)))
    .map(describeEdge);
}

/** Packages the shipped code must not load (test references only). */
const NOT_SHIPPED = ['@actions/core', '@actions/github', '@netlify/api'];

/** (d) Imports of those packages (or a subpath of them) from anything under src/. */
function referenceImports(graph: ImportGraph): string[] {
  return graph.edges
    .filter((e) => isUnder(e.from, 'src') && e.kind === 'package' && NOT_SHIPPED.includes(e.target))
    .map(describeEdge);
}

/** (d) Files under src/ other than the toolkit that write to the runner themselves. */
function runnerWriters(sources: Readonly<Record<string, string>>): string[] {
  return Object.entries(sources)
    .filter(([path]) => isUnder(path, 'src') && path !== 'src/toolkit.ts')
    .filter(([, text]) => /process\.stdout|GITHUB_OUTPUT|GITHUB_STEP_SUMMARY|::(?:error|warning|add-mask)::/.test(text))
    .map(([path]) => path);
}

const SOURCES = readSources(ROOT, ['test', 'src', 'scripts']);
const project = buildImportGraph(SOURCES);

describe('the import layout of this tree', () => {
  test('the graph is read: every relative import names a file that exists', () => {
    expect(project.files.length).toBeGreaterThan(40);
    const known = new Set(project.files);
    const dangling = project.edges.filter((e) => e.kind === 'file' && !known.has(e.target)).map(describeEdge);
    expect(dangling).toEqual([]);
    // The library is really seen importing itself and src/ (the rules below are not vacuous).
    expect(project.edges.some((e) => e.from === `${LIB}/fakes/server.ts` && e.target === `${LIB}/http.ts`)).toBe(true);
    expect(project.edges.some((e) => isUnder(e.from, LIB) && isUnder(e.target, 'src'))).toBe(true);
  });

  test('(a) test/lib imports only test/lib, src/ and packages', () => {
    expect(libraryEscapes(project)).toEqual([]);
  });

  test('(b) test/lib has no import cycle, type-only imports included', () => {
    expect(libraryCycle(project)).toBeNull();
  });

  for (const layer of LAYERS) {
    test.skipIf(!existsSync(join(ROOT, layer.from)))(
      `(c) ${layer.from}/ imports nothing from ${layer.mayNotImport.map((d) => `${d}/`).join(' or ')}`,
      () => {
        expect(layerBreaks(project, layer.from, layer.mayNotImport)).toEqual([]);
      },
    );
  }

  test('(d) src/ loads none of the reference packages, and only the toolkit writes to the runner', () => {
    expect(referenceImports(project)).toEqual([]);
    expect(runnerWriters(SOURCES)).toEqual([]);
    // The toolkit is seen doing it (the rule is not vacuous).
    expect(SOURCES['src/toolkit.ts']).toMatch(/GITHUB_OUTPUT/);
  });
});

describe('each rule fails when it is broken (in-memory graphs)', () => {
  test('(a) a library file that imports a suite, or a script, is caught; src/ and packages are not', () => {
    const graph = buildImportGraph({
      'test/lib/a.ts': [
        "import { x } from '../e2e/helpers.js';",
        "import type { Y } from '../../scripts/bench.js';",
        "import { z } from '../../src/core/z.js';",
        "import { w } from './w.js';",
        "import { test } from 'vitest';",
        "import { readFileSync } from 'node:fs';",
      ].join('\n'),
      'test/lib/w.ts': 'export const w = 1;',
      'test/e2e/helpers.ts': "import { w } from '../lib/w.js';",
    });
    expect(libraryEscapes(graph)).toEqual([
      "test/lib/a.ts -> test/e2e/helpers.ts ('../e2e/helpers.js')",
      "test/lib/a.ts -> scripts/bench.ts ('../../scripts/bench.js')",
    ]);
  });

  test('(b) a cycle through a type-only import is caught, and named', () => {
    const graph = buildImportGraph({
      'test/lib/fakes/server.ts': "import type { Reply } from '../contract/checker.js';",
      'test/lib/contract/checker.ts': "import { deferCheck } from './violations.js';",
      'test/lib/contract/violations.ts': "export type { Reply } from '../fakes/server.js';",
      'test/e2e/x.test.ts': "import '../lib/fakes/server.js';",
    });
    expect(libraryCycle(graph)).toEqual([
      'test/lib/contract/checker.ts',
      'test/lib/contract/violations.ts',
      'test/lib/fakes/server.ts',
      'test/lib/contract/checker.ts',
    ]);
    const acyclic = buildImportGraph({
      'test/lib/a.ts': "import { b } from './b.js';",
      'test/lib/b.ts': "import { c } from './c.js';",
      'test/lib/c.ts': 'export const c = 1;',
    });
    expect(libraryCycle(acyclic)).toBeNull();
    // A cycle outside the library is not this rule's business.
    expect(
      libraryCycle(buildImportGraph({ 'src/a.ts': "import './b.js';", 'src/b.ts': "import './a.js';" })),
    ).toBeNull();
    expect(findCycle(buildImportGraph({ 'src/a.ts': "import './b.js';", 'src/b.ts': "import './a.js';" }))).toEqual([
      'src/a.ts',
      'src/b.ts',
      'src/a.ts',
    ]);
  });

  test('(c) core importing an adapter or the flow, and the flow importing an adapter, are caught', () => {
    const graph = buildImportGraph({
      'src/core/decision.ts':
        "import type { Deploy } from '../adapters/netlify.js';\nimport { x } from './preview.js';",
      'src/core/preview.ts': "export const run = () => import('../flow/command.js');",
      'src/flow/command.ts':
        "import { netlify } from '../adapters/netlify.js';\nimport { decide } from '../core/decision.js';",
      'src/adapters/netlify.ts': "import { decide } from '../core/decision.js';",
      'src/flow.ts': "import { netlify } from './adapters/netlify.js';",
    });
    const [core, flow] = LAYERS as [(typeof LAYERS)[0], (typeof LAYERS)[0]];
    expect(layerBreaks(graph, core.from, core.mayNotImport)).toEqual([
      "src/core/decision.ts -> src/adapters/netlify.ts ('../adapters/netlify.js')",
      "src/core/preview.ts -> src/flow/command.ts ('../flow/command.js')",
    ]);
    // src/flow.ts (a file beside the directory) is not under src/flow/.
    expect(layerBreaks(graph, flow.from, flow.mayNotImport)).toEqual([
      "src/flow/command.ts -> src/adapters/netlify.ts ('../adapters/netlify.js')",
    ]);
  });

  test('(d) a reference package imported statically, dynamically or by a subpath, and a second writer, are caught', () => {
    const sources = {
      'src/main.ts': "import * as core from '@actions/core';",
      'src/flow/run.ts': "type Core = typeof import('@actions/core');",
      'src/adapters/log.ts': "import { info } from '@actions/core/lib/core.js';",
      'src/core/x.ts': "import { context } from '@actions/github';",
      'src/core/y.ts': "const api = await import('@netlify/api');",
      'src/core/ok.ts': "import * as z from 'zod/mini';",
      'src/toolkit.ts': 'appendFileSync(env.GITHUB_OUTPUT, text);',
      'src/flow/log.ts': "process.stdout.write('::warning::x');",
    };
    expect(referenceImports(buildImportGraph(sources))).toEqual([
      "src/adapters/log.ts -> @actions/core ('@actions/core/lib/core.js')",
      'src/core/x.ts -> @actions/github',
      'src/core/y.ts -> @netlify/api',
      'src/flow/run.ts -> @actions/core',
      'src/main.ts -> @actions/core',
    ]);
    expect(runnerWriters(sources)).toEqual(['src/flow/log.ts']);
  });
});

describe('the import scanner', () => {
  test('reads every import form, and marks type-only and dynamic ones', () => {
    const source = [
      "import a from './a.js';",
      "import type { B } from './b.js';",
      'import {',
      '  c,',
      '  type D,',
      "} from './c.js';",
      "import * as e from 'node:fs';",
      "import './side-effect.js';",
      "export { f } from './f.js';",
      "export type { G } from './g.js';",
      "export * from '@scope/pkg/sub';",
      "const h = await import('./h.js');",
      "type I = typeof import('./i.js');",
    ].join('\n');
    expect(parseImports(source)).toEqual([
      { specifier: './a.js', typeOnly: false, dynamic: false },
      { specifier: './b.js', typeOnly: true, dynamic: false },
      { specifier: './c.js', typeOnly: false, dynamic: false },
      { specifier: 'node:fs', typeOnly: false, dynamic: false },
      { specifier: './side-effect.js', typeOnly: false, dynamic: false },
      { specifier: './f.js', typeOnly: false, dynamic: false },
      { specifier: './g.js', typeOnly: true, dynamic: false },
      { specifier: '@scope/pkg/sub', typeOnly: false, dynamic: false },
      { specifier: './h.js', typeOnly: false, dynamic: true },
      { specifier: './i.js', typeOnly: false, dynamic: true },
    ]);
  });

  test('ignores imports in comments, strings, templates and regular expressions', () => {
    const source = [
      "// import x from './comment.js';",
      "/* import y from './block.js'; */",
      'const s = "import z from \'./string.js\'";',
      "const t = `import w from './template.js' ${\"import('./inner.js')\"}`;",
      "const r = /import v from '.\\/regex.js'/;",
      "const q = s.replace(/['\"]/g, '');",
      "import real from './real.js';",
    ].join('\n');
    expect(parseImports(source).map((i) => i.specifier)).toEqual(['./real.js']);
  });

  test('resolves .js to the .ts source, directories to index.ts, and packages to their names', () => {
    const known = new Set(['test/lib/http.ts', 'test/lib/x/index.ts', 'test/contract/fixtures/extra-query.mjs']);
    expect(resolveImport('test/lib/fakes/server.ts', '../http.js', known)).toEqual({
      kind: 'file',
      target: 'test/lib/http.ts',
    });
    expect(resolveImport('test/lib/a.ts', './x', known)).toEqual({ kind: 'file', target: 'test/lib/x/index.ts' });
    expect(resolveImport('test/contract/a.ts', './fixtures/extra-query.mjs', known)).toEqual({
      kind: 'file',
      target: 'test/contract/fixtures/extra-query.mjs',
    });
    expect(resolveImport('src/a.ts', '@actions/core/lib/core.js', known)).toEqual({
      kind: 'package',
      target: '@actions/core',
    });
    expect(resolveImport('src/a.ts', 'zod/mini', known)).toEqual({ kind: 'package', target: 'zod' });
  });
});
