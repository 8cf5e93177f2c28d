// Builds dist/ from an empty one (a stale chunk must not survive a build), as two bundles:
// - dist/index.js, from src/index.ts: the fast path for comments without a command, and nothing else;
// - dist/main/index.js, from src/main.ts: the rest, in one chunk, so that the bundler can drop what the
//   action does not use of zod (an async chunk split from index.js would carry all of it).
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
const ncc = (entry, out) =>
  execFileSync(
    'ncc',
    ['build', entry, '-o', out, '--license', 'licenses.txt', '--minify', '--target', 'es2024', '--quiet'],
    { stdio: 'inherit' },
  );
ncc('src/index.ts', 'dist');
ncc('src/main.ts', 'dist/main');
