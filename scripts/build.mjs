// Builds dist/ from an empty one (a stale chunk must not survive a build), as two bundles, at once:
// - dist/index.js, from src/index.ts: the fast path for comments without a command, the early 👀, nothing else;
// - dist/main/index.js, from src/main.ts: the rest, in one chunk, so that the bundler can drop what the
//   action does not use of zod (an async chunk split from index.js would carry all of it).
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
const ncc = (entry, out, extra = []) =>
  new Promise((resolve, reject) => {
    const options = ['--license', 'licenses.txt', '--minify', '--target', 'es2024', '--quiet'];
    const args = ['build', entry, '-o', out, ...options, ...extra];
    spawn('ncc', args, { stdio: 'inherit' }).on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`ncc build ${entry} failed (exit ${code})`)),
    );
  });
try {
  // The shell's few modules are type-checked by npm run typecheck; the main build type-checks the rest.
  await Promise.all([ncc('src/index.ts', 'dist', ['--transpile-only']), ncc('src/main.ts', 'dist/main')]);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
