// Every package declares what its code and its tests import (dependencies for what ships,
// devDependencies for tests and scripts), so nothing works only because npm hoisted another
// package's dependency to the root.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';

// `kith:` modules are the build's own (rollup.config.mjs makes `kith:reserve` from the widgets' host rules).

const PACKAGES = fileURLToPath(new URL('../../', import.meta.url));
const files = (dir) =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (f === 'node_modules' || f === 'dist') return [];
    return statSync(p).isDirectory() ? files(p) : /\.(ts|mjs|js)$/.test(f) && !f.endsWith('.d.ts') ? [p] : [];
  });
/** The package part of every bare specifier a module imports or re-exports from (static or dynamic). */
const imports = (source) =>
  [...source.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)['"]([^'"./][^'"]*)['"]/g)]
    .map((m) => m[1])
    .filter((s) => !s.startsWith('node:') && !s.startsWith('kith:') && !builtinModules.includes(s.split('/')[0]))
    .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]));

it('every package declares each package its sources, tests and scripts import', () => {
  const undeclared = [];
  for (const name of readdirSync(PACKAGES)) {
    const dir = join(PACKAGES, name);
    let pkg;
    try {
      pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    } catch {
      continue;
    }
    const declared = new Set([
      pkg.name,
      ...Object.keys({
        ...pkg.dependencies,
        ...pkg.devDependencies,
        ...pkg.peerDependencies,
        ...pkg.optionalDependencies,
      }),
    ]);
    for (const file of files(dir)) {
      for (const dep of imports(readFileSync(file, 'utf8')))
        if (!declared.has(dep)) undeclared.push(`${pkg.name}: ${dep} (${file.slice(dir.length + 1)})`);
    }
  }
  assert.deepEqual([...new Set(undeclared)], []);
});

it('a dependency the shipped code imports is a dependency, not a devDependency', () => {
  const wrong = [];
  for (const name of ['core', 'widgets', 'adapter-rest', 'adapter-memory', 'embed', 'server']) {
    const dir = join(PACKAGES, name);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const runtime = new Set([pkg.name, ...Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies })]);
    for (const file of files(join(dir, 'src')).filter((f) => !/\.test\.ts$/.test(f))) {
      // Type-only imports leave nothing in the JavaScript that ships.
      const code = readFileSync(file, 'utf8').replace(
        /^\s*(?:import|export) type\b[\s\S]*?\bfrom\s+['"][^'"]+['"];?/gm,
        '',
      );
      for (const dep of imports(code))
        if (!runtime.has(dep)) wrong.push(`${pkg.name}: ${dep} (${file.slice(dir.length + 1)})`);
    }
  }
  assert.deepEqual([...new Set(wrong)], []);
});
