// Builds dist/ from src/index.ts with ncc, from an empty dist/ (a stale chunk must not survive a build).
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
execFileSync(
  'ncc',
  ['build', 'src/index.ts', '-o', 'dist', '--license', 'licenses.txt', '--minify', '--target', 'es2024', '--quiet'],
  { stdio: 'inherit' },
);
