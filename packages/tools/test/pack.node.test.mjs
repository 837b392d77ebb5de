// What `npm pack` would publish for each package: built ESM with types, sources for the `source`
// condition, a README, and never tests.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const PACKAGES = ['core', 'widgets', 'adapter-memory', 'adapter-rest', 'embed', 'server', 'react'];

describe('npm pack', () => {
  for (const name of PACKAGES) {
    it(`@kith/${name} ships dist, types, README and every exported file, and no tests`, () => {
      const dir = new URL(`../../${name}/`, import.meta.url);
      const [report] = JSON.parse(
        execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
          cwd: dir,
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
        }),
      );
      const files = new Set(report.files.map((f) => f.path));
      assert.ok(files.has('README.md'), 'README');
      assert.ok(files.has('dist/index.js') && files.has('dist/index.d.ts'), 'ESM and types');
      assert.deepEqual(
        [...files].filter((f) => /\.test\.(ts|mjs)$/.test(f)),
        [],
        'no tests',
      );
      const pkg = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8'));
      for (const [entry, target] of Object.entries(pkg.exports)) {
        const conditions = typeof target === 'string' ? { default: target } : target;
        assert.equal(
          Object.keys(conditions)[0] === 'types' || typeof target === 'string',
          true,
          `${entry}: types first`,
        );
        for (const path of Object.values(conditions)) {
          if (path.includes('*')) continue;
          assert.ok(files.has(path.replace(/^\.\//, '')), `${entry} → ${path} is in the package`);
        }
      }
    });
  }
});
