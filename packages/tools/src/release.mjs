// `npm run release`: what a newcomer can install today, without a registry. Builds, then writes
// `release/<version>/`:
//   npm/        one tarball per package (`npm pack`), to install together:
//               npm install ./release/0.1.0/npm/*.tgz
//   cdn/        the script-tag build, to host anywhere (the reference server also serves it at /cdn/)
//   SHA256SUMS  the tarballs' and CDN files' checksums; cdn/integrity.json has the SRI hashes
// `--out <dir>` writes elsewhere; `--no-build` uses the current build.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, BUNDLED, PACKAGES } from './build.mjs';
import { filesUnder } from './files.mjs';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

/**
 * Writes the release into `out` (default `release/<version>`); resolves the folder and its files.
 * @param {{ out?: string, skipBuild?: boolean, log?: (line: string) => void }} [options]
 */
export async function release({ out, skipBuild = false, log = (line) => console.log(line) } = {}) {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'packages/embed/package.json'), 'utf8'));
  const dir = out ?? join(ROOT, 'release', version);
  for (const p of [...PACKAGES, ...BUNDLED]) {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'packages', p, 'package.json'), 'utf8'));
    if (pkg.version !== version)
      throw new Error(`${pkg.name} is ${pkg.version}, not ${version}: release them together`);
  }
  // Only an earlier release is replaced: `--out .` must not empty the checkout.
  if (existsSync(dir) && readdirSync(dir).length && !existsSync(join(dir, 'SHA256SUMS')))
    throw new Error(`${dir} exists and is not a release folder: choose an empty or new folder`);
  if (!skipBuild) await build({ log });
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'npm'), { recursive: true });
  for (const p of [...PACKAGES, ...BUNDLED]) {
    execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', join(dir, 'npm')], {
      cwd: join(ROOT, 'packages', p),
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  cpSync(join(ROOT, 'packages/embed/dist/cdn'), join(dir, 'cdn'), { recursive: true });
  const files = filesUnder(dir)
    .filter((f) => !f.endsWith('SHA256SUMS'))
    .map((f) => relative(dir, f).split('\\').join('/'))
    .sort();
  writeFileSync(join(dir, 'SHA256SUMS'), files.map((f) => `${sha256(join(dir, f))}  ${f}\n`).join(''));
  const shown = relative(process.cwd(), dir).startsWith('..') ? dir : relative(process.cwd(), dir);
  log(`Release ${version} in ${shown}:`);
  log(`  npm install ${join(shown, 'npm')}/*.tgz   (every package at once)`);
  log(`  cdn/ to host, with cdn/integrity.json for SRI; SHA256SUMS for every file`);
  return { dir, version, files };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--out');
  try {
    await release({ out: at > 0 ? process.argv[at + 1] : undefined, skipBuild: process.argv.includes('--no-build') });
  } catch (e) {
    if (e.output) process.stderr.write(e.output);
    console.error(`The release failed: ${e.message}`);
    process.exit(1);
  }
}
