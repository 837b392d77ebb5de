// No runtime import cycle in any package's sources: a cycle makes module start-up order matter
// (a value read before its module ran is undefined) and ties two domains into one. Type-only
// imports leave no JavaScript and are allowed to go both ways.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';

const PACKAGES = fileURLToPath(new URL('../../', import.meta.url));
const sources = (dir) =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.ts$/.test(f) && !/\.(test|stories|d)\.ts$/.test(f) ? [p] : [];
  });

/** Module → the modules it imports at run time (relative specifiers; `.js` names the `.ts` source). */
export function runtimeGraph(files) {
  const graph = new Map();
  for (const file of files) {
    const code = readFileSync(file, 'utf8').replace(
      /^\s*(?:import|export) type\b[\s\S]*?\bfrom\s+['"][^'"]+['"];?/gm,
      '',
    );
    const targets = [...code.matchAll(/(?:\bfrom\s+|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g)]
      .map((m) => resolve(dirname(file), m[1].replace(/\.js$/, '.ts')))
      .filter((t) => existsSync(t));
    graph.set(file, targets);
  }
  return graph;
}

/** Strongly connected groups of more than one module (Tarjan), or a module importing itself. */
export function cycles(graph) {
  let next = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) === index.get(v)) {
      const group = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || graph.get(v)?.includes(v)) found.push(group);
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

it('no package source imports itself back at run time', () => {
  const files = readdirSync(PACKAGES)
    .map((p) => join(PACKAGES, p, 'src'))
    .filter((d) => existsSync(d))
    .flatMap(sources);
  assert.ok(files.length > 100, `read the sources (${files.length} files)`);
  const found = cycles(runtimeGraph(files)).map((g) =>
    g
      .map((f) => relative(PACKAGES, f))
      .sort()
      .join(' <-> '),
  );
  assert.deepEqual(found, []);
});

it('the checker finds a cycle when there is one', () => {
  const a = '/x/a.ts';
  const b = '/x/b.ts';
  assert.deepEqual(
    cycles(
      new Map([
        [a, [b]],
        [b, [a]],
        ['/x/c.ts', [a]],
      ]),
    ).map((g) => g.sort()),
    [[a, b]],
  );
  assert.deepEqual(
    cycles(
      new Map([
        [a, [b]],
        [b, []],
      ]),
    ),
    [],
  );
});
