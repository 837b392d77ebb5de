#!/usr/bin/env node
// A committed entry, so npm links the `kith-server` bin at install time, before dist/ is built. In
// a checkout of the repository that was never built (a fresh clone), it builds first, its progress
// on stderr so that stdout stays the command's own output.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const build = fileURLToPath(new URL('../../tools/src/build.mjs', import.meta.url));
if (!existsSync(new URL('../dist/cli.js', import.meta.url)) && existsSync(build)) {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const built = spawnSync(process.execPath, [build], { cwd: root, stdio: ['ignore', 2, 2] });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
await import('../dist/cli.js');
