// `npm run build`: the packages' types, the server and every bundle, step by step with the time
// each takes. `--if-changed` (what `npm start` runs) skips it all when nothing the build reads has
// changed since the last build: its inputs' contents are hashed into a stamp beside node_modules'
// other caches, so `npm ci` or any edit means a fresh build and an unchanged checkout serves at once.
// Anything changed means the whole build again, from clean: a deleted source file must not leave
// its old output behind, and the full build takes well under a minute.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const PACKAGES = ['core', 'widgets', 'adapter-memory', 'adapter-rest', 'embed', 'server', 'react'];
/** Packages that are one bundle (rollup alone, no tsc output): the merchant console. */
export const BUNDLED = ['console'];
/** What the build writes besides each package's `dist`, and never reads back as an input. */
const OUTPUTS = new Set(['dist', 'node_modules', 'test', 'custom-elements.json', 'README.md']);
// `node_modules/.package-lock.json` is what npm installed, which a `git pull` alone does not change.
const ROOT_INPUTS = [
  'package.json',
  'package-lock.json',
  'node_modules/.package-lock.json',
  'tsconfig.base.json',
  'rollup.config.mjs',
];

const STEPS = [
  {
    name: 'custom elements manifest',
    cmd: ['npx', 'cem', 'analyze', '--quiet'],
    cwd: 'packages/widgets',
  },
  { name: 'types and server (tsc)', cmd: ['npx', 'tsc', '-b', ...PACKAGES.map((p) => `packages/${p}`)] },
  { name: 'bundles and CDN files (rollup)', cmd: ['npx', 'rollup', '-c', '--silent'] },
  { name: 'CDN integrity hashes', cmd: ['node', 'packages/embed/integrity.mjs'] },
];

/** The stamp of the last build that finished, under `node_modules` so a fresh install starts over. */
export const stampPath = (root = ROOT) => join(root, 'node_modules/.cache/kith/build.json');

function* files(dir, skip = OUTPUTS) {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (skip.has(e.name)) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) yield* files(path, new Set(['node_modules']));
    else if (e.isFile()) yield path;
  }
}

/** A hash of every file the build reads (names and contents), and of this script. */
export function fingerprint(root = ROOT) {
  const hash = createHash('sha256');
  const add = (path) =>
    hash
      .update(`${relative(root, path)}\0`)
      .update(readFileSync(path))
      .update('\0');
  for (const f of ROOT_INPUTS) if (existsSync(join(root, f))) add(join(root, f));
  add(fileURLToPath(import.meta.url));
  for (const p of [...PACKAGES, ...BUNDLED])
    if (existsSync(join(root, 'packages', p))) for (const f of files(join(root, 'packages', p))) add(f);
  return hash.digest('hex');
}

/** The outputs `npm start` serves and imports; a build missing one is not current whatever its stamp says. */
const outputsPresent = (root) =>
  [
    ...PACKAGES.map((p) => `packages/${p}/dist/index.js`),
    'packages/embed/dist/cdn/kith.js',
    'packages/embed/dist/cdn/integrity.json',
    'packages/widgets/custom-elements.json',
    'packages/console/dist/index.html',
  ].every((p) => existsSync(join(root, p)));

/** Whether the last finished build is of exactly these inputs and its outputs are still there. */
export function buildIsCurrent(root = ROOT) {
  try {
    return outputsPresent(root) && JSON.parse(readFileSync(stampPath(root), 'utf8')).inputs === fingerprint(root);
  } catch {
    return false;
  }
}

/** One step, its output kept and shown only when it fails (tsc reports errors on stdout). */
function run({ cmd, cwd = '.' }, root) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd[0], cmd.slice(1), { cwd: join(root, cwd), stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => out.push(d));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(Object.assign(new Error(`${cmd.join(' ')} failed`), { output: Buffer.concat(out) })),
    );
  });
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Builds from clean, printing each step as it starts and the time it took; with `ifChanged`, does
 * nothing when `buildIsCurrent`. Resolves whether it built; a failed step leaves no stamp, so the
 * next start builds again. `steps` (`{ name, cmd, cwd? }`) are for its tests.
 */
export async function build({ root = ROOT, ifChanged = false, log = (line) => console.log(line), steps = STEPS } = {}) {
  const checked = performance.now();
  if (ifChanged && buildIsCurrent(root)) {
    log(`Kith's build is current (checked in ${Math.round(performance.now() - checked)} ms).`);
    return false;
  }
  const inputs = fingerprint(root);
  rmSync(stampPath(root), { force: true });
  for (const p of [...PACKAGES, ...BUNDLED])
    rmSync(join(root, 'packages', p, 'dist'), { recursive: true, force: true });
  const started = performance.now();
  log(`Building Kith in ${steps.length} steps (later starts skip this until a file changes).`);
  for (const [i, step] of steps.entries()) {
    const t = performance.now();
    log(`  ${i + 1}/${steps.length} ${step.name}…`);
    await run(step, root);
    log(`      done in ${seconds(performance.now() - t)}`);
  }
  mkdirSync(join(stampPath(root), '..'), { recursive: true });
  writeFileSync(stampPath(root), `${JSON.stringify({ inputs, builtAt: new Date().toISOString() })}\n`);
  log(`Built in ${seconds(performance.now() - started)}.`);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    await build({ ifChanged: process.argv.includes('--if-changed') });
  } catch (e) {
    if (e.output) process.stderr.write(e.output);
    console.error(`The build failed: ${e.message}`);
    process.exit(1);
  }
}
