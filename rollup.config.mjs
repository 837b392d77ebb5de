import { readFileSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import MagicString from 'magic-string';
import esbuild from 'rollup-plugin-esbuild';

const { version } = JSON.parse(readFileSync('packages/embed/package.json', 'utf8'));
const ts = () => esbuild({ target: 'es2022', tsconfig: 'tsconfig.base.json', sourceMap: true });
const resolve = () => nodeResolve({ exportConditions: ['source'], extensions: ['.ts', '.mjs', '.js'] });
const isBare = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');
// `module: true` only for ESM: on an IIFE it deletes the top-level global (toolchain G10).
const min = (esm) => terser({ ecma: 2022, module: esm, format: { comments: false } });
// nanostores reads process.env.NODE_ENV (G9); lit resolves to its production build without the
// `development` condition.
const prod = () =>
  replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } });

// Lit's css`` literals keep their whitespace and comments through terser; strip them (CSS only:
// no space around braces, semicolons and commas, nor after a colon, is ever significant).
const cssMin = (body) =>
  body
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .trim();
const minifyCss = () => ({
  name: 'kith-minify-css',
  transform(code, id) {
    if (!id.endsWith('.ts') || !code.includes('css`')) return null;
    return { code: code.replace(/\bcss`([^`]*)`/g, (_, body) => `css\`${cssMin(body)}\``), map: null };
  },
});
// The box each widget reserves before its code arrives has one source: the widget's own `:host` rule
// (packages/widgets/src/<name>/<name>.styles.ts), which holds it once defined. Its display, vertical
// alignment, font size and minimum sizes become a `<tag>:not(:defined)` rule for every tag the loader
// knows (packages/embed/src/widgets.ts), so nothing moves when a widget upgrades. The loader imports
// them as `kith:reserve`; they also ship beside it as `kith-<version>.css` and `kith.css` for pages
// that link them. The referral banner is hidden there: the loader reserves its box (`referral`) only
// on a visit through a referral link.
const BOX = ['display', 'vertical-align', 'font-size', 'min-block-size', 'min-inline-size'];
const hostBox = (tag) => {
  const name = tag.replace(/^kith-/, '');
  const file = `packages/widgets/src/${name}/${name}.styles.ts`;
  const host = /:host\s*\{([^}]*)\}/.exec(readFileSync(file, 'utf8'));
  if (!host) throw new Error(`${file} has no :host rule to reserve <${tag}>'s box from`);
  return host[1]
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(';')
    .filter((d) => BOX.includes(d.split(':')[0].trim()))
    .join(';');
};
const reserveCss = () => ({
  name: 'kith-reserve-css',
  resolveId: (id) => (id === 'kith:reserve' ? '\0kith:reserve' : null),
  load(id) {
    if (id !== '\0kith:reserve') return null;
    const tags = [...readFileSync('packages/embed/src/widgets.ts', 'utf8').matchAll(/'(kith-[\w-]+)':/g)].map(
      (m) => m[1],
    );
    const rule = (tag, box) => cssMin(`${tag}:not(:defined){${box}}`);
    // A page whose loader carries a customer token has a signed-in shopper from the first paint: a
    // widget's :host can reserve what it shows them (the share button's incentive line).
    const signedIn = ':root:has(script[data-customer-token]:not([data-customer-token=""])){--kith-signed-in:1}';
    const css = signedIn + tags.map((t) => rule(t, t === 'kith-referral-offer' ? 'display:none' : hostBox(t))).join('');
    for (const t of tags) this.addWatchFile(`packages/widgets/src/${t.slice(5)}/${t.slice(5)}.styles.ts`);
    this.emitFile({ type: 'asset', fileName: `kith-${version}.css`, source: `${css}\n` });
    this.emitFile({ type: 'asset', fileName: 'kith.css', source: `${css}\n` });
    const referral = rule('kith-referral-offer', hostBox('kith-referral-offer'));
    return `export const reserve = ${JSON.stringify(css)};\nexport const referral = ${JSON.stringify(referral)};\n`;
  },
});
// After terser the only raw newlines left are inside template literals (HTML and CSS), where a
// newline and its indentation mean no more than one space. With a source map of the change, so the
// published maps still point every later line at its source.
const collapseTemplates = () => ({
  name: 'kith-collapse-templates',
  renderChunk(code) {
    const s = new MagicString(code);
    for (const m of code.matchAll(/\s*\n\s*/g)) s.overwrite(m.index, m.index + m[0].length, ' ');
    return { code: s.toString(), map: s.generateMap({ hires: true }) };
  },
});

// (a) npm: unbundled ESM per package, dependencies external; tsc -b writes the .d.ts files.
const entries = {
  core: [
    'index',
    'http/index',
    'analytics/ga4',
    'testing/index',
    'util/image',
    'stores/pages',
    'error-codes',
    'hydrate',
  ],
  widgets: [
    'index',
    'define',
    'ssr',
    'hydrate',
    'live-badge/index',
    'live-badge/define',
    'rating/index',
    'rating/define',
    'reviews/index',
    'reviews/define',
    'group-buy/index',
    'group-buy/define',
    'points/index',
    'points/define',
    'points-earn/index',
    'points-earn/define',
    'share-button/index',
    'share-button/define',
    'referral-offer/index',
    'referral-offer/define',
  ],
  'adapter-memory': ['index'],
  'adapter-rest': ['index'],
  embed: ['index'],
};
const npm = Object.entries(entries).map(([pkg, files]) => ({
  input: Object.fromEntries(files.map((f) => [f, `packages/${pkg}/src/${f}.ts`])),
  external: isBare,
  output: {
    dir: `packages/${pkg}/dist`,
    format: 'es',
    sourcemap: true,
    preserveModules: true,
    preserveModulesRoot: `packages/${pkg}/src`,
  },
  plugins: [resolve(), ts(), minifyCss()],
}));

// (b) CDN: the script-tag loader with one lazy chunk per widget and adapter, and a shared runtime
// chunk (lit + nanostores + @kith/core) so the size check can hold each to its budget.
const chunkOf = (id) => {
  if (/[\\/]node_modules[\\/]ky[\\/]|packages[\\/]core[\\/]src[\\/]http[\\/]/.test(id)) return 'http';
  // Lit's directives stay with the widgets that use them, so the runtime carries only what all need.
  if (/[\\/]directives?([\\/]|\.js$|-helpers\.js$)/.test(id) && /[\\/]node_modules[\\/]lit/.test(id)) return undefined;
  // The byte sniffer is only for the lazy review form (and servers): keep it out of the runtime.
  // So is the paged read, for the reviews and Q&A lists (@kith/core/pages): it rides in the reviews chunk.
  // And the GA4 sink, which setup imports only for a page that asks for it (data-analytics="ga4").
  if (/packages[\\/]core[\\/]src[\\/](util[\\/]image|stores[\\/]pages|analytics[\\/]ga4)/.test(id)) return undefined;
  if (
    /[\\/]node_modules[\\/](lit|lit-html|lit-element|@lit|@lit-labs|nanostores)[\\/]|packages[\\/]core[\\/]src[\\/]/.test(
      id,
    )
  )
    return 'runtime';
  return undefined;
};
// Chunks named after what they hold: `live-badge-<hash>.js`, `adapter-memory-<hash>.js`.
const chunkName = ({ facadeModuleId, moduleIds }) => {
  // A dynamic entry that shares its chunk with helpers it alone uses (Lit directives) can lose
  // its facade; name it after the widget it defines all the same.
  const id = facadeModuleId ?? moduleIds.find((m) => /widgets[\\/]src[\\/][\w-]+[\\/]define\.ts$/.test(m));
  const strings = id && /widgets[\\/]src[\\/]([\w-]+)[\\/]strings\.([\w-]+)\.ts$/.exec(id);
  if (strings) return `chunks/${strings[1]}.${strings[2]}-[hash].js`; // live-badge.zh-CN-<hash>.js
  const m =
    id &&
    (/widgets[\\/]src[\\/]([\w-]+)[\\/]define\.ts$/.exec(id) ??
      /packages[\\/](adapter-[\w-]+)[\\/]src[\\/]index\.ts$/.exec(id));
  return `chunks/${m ? m[1] : '[name]'}-[hash].js`;
};
// The CDN build cannot hydrate server-rendered widgets (its pages have no Lit hydration support),
// so what only such a page uses folds away: @kith/core's HYDRATION is false here (see hydration.ts).
const noHydration = () => ({
  name: 'kith-no-hydration',
  load: (id) => (/packages[\\/]core[\\/]src[\\/]hydration\.ts$/.test(id) ? 'export const HYDRATION = false;' : null),
});
// Stable alias next to the versioned file (like a CDN's major pin): same code, so `import.meta.url`
// still finds the right <script>.
const alias = (name) => ({
  name: 'kith-alias',
  generateBundle(_, bundle) {
    const entry = Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry);
    this.emitFile({ type: 'asset', fileName: name, source: entry.code });
  },
});
// The loader's chunk graph, so it can ask for every chunk a widget needs at once (modulepreload)
// instead of one import level at a time: `function __kithPreload() { return { key: [files] } }`
// appended to the entry (after its mapped code, so the source map holds; a function declaration is
// hoisted, so the module's first lines can call it). Keys are what the loader knows:
// `setup`, `rest` (the REST adapter and what it imports) and each widget's tag.
const preloadMap = () => ({
  name: 'kith-preload-map',
  generateBundle(_, bundle) {
    const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
    const entry = chunks.find((c) => c.isEntry);
    const byFile = new Map(chunks.map((c) => [c.fileName, c]));
    const closure = (file, seen = new Set()) => {
      for (const dep of byFile.get(file)?.imports ?? [])
        if (dep !== entry.fileName && !seen.has(dep)) closure(dep, seen.add(dep));
      return seen;
    };
    const map = {};
    for (const c of chunks) {
      const id =
        c.facadeModuleId ?? c.moduleIds.find((m) => /widgets[\\/]src[\\/][\w-]+[\\/]define\.ts$/.test(m)) ?? '';
      const widget = /widgets[\\/]src[\\/]([\w-]+)[\\/]define\.ts$/.exec(id);
      if (widget) map[`kith-${widget[1]}`] = [...closure(c.fileName)];
      else if (/embed[\\/]src[\\/]setup\.ts$/.test(id)) map.setup = [...closure(c.fileName)];
      else if (/adapter-rest[\\/]src[\\/]index\.ts$/.test(id)) map.rest = [c.fileName, ...closure(c.fileName)];
    }
    if (!map.setup || !map.rest) this.error('kith-preload-map: setup or the REST adapter chunk not found');
    // Before the source map comment, which stays last; after the mapped code, so no mapping moves.
    const at = entry.code.lastIndexOf('\n//# sourceMappingURL=');
    const code = `\nfunction __kithPreload(){return ${JSON.stringify(map)}}`;
    entry.code = at < 0 ? entry.code + code : entry.code.slice(0, at) + code + entry.code.slice(at);
  },
});
const cdn = [
  {
    input: { kith: 'packages/embed/src/kith.ts' },
    output: {
      dir: 'packages/embed/dist/cdn',
      format: 'es',
      sourcemap: true,
      manualChunks: chunkOf,
      entryFileNames: `kith-${version}.js`,
      chunkFileNames: chunkName,
      plugins: [min(true), collapseTemplates(), preloadMap(), alias('kith.js')],
    },
    plugins: [reserveCss(), noHydration(), prod(), resolve(), ts(), minifyCss()],
  },
  {
    // Classic-script shim: imports the module loader above, so both tags run the same modules.
    input: 'packages/embed/src/kith-classic.ts',
    output: {
      file: `packages/embed/dist/cdn/kith-${version}.iife.js`,
      format: 'iife',
      name: 'Kith',
      sourcemap: true,
      plugins: [min(false), alias('kith.iife.js')],
    },
    plugins: [
      replace({ preventAssignment: true, values: { __KITH_LOADER__: JSON.stringify(`./kith-${version}.js`) } }),
      resolve(),
      ts(),
    ],
  },
];

// (c) The merchant console (@kith/console): one bundled script with Lit, and its page and stylesheet
// copied beside it, which @kith/server serves at /admin/.
const consolePage = () => ({
  name: 'kith-console-page',
  generateBundle() {
    for (const name of ['index.html', 'console.css']) {
      const file = `packages/console/public/${name}`;
      this.addWatchFile(file);
      this.emitFile({ type: 'asset', fileName: name, source: readFileSync(file, 'utf8') });
    }
  },
});
const consoleApp = {
  input: 'packages/console/src/main.ts',
  output: {
    file: 'packages/console/dist/console.js',
    format: 'es',
    sourcemap: true,
    plugins: [min(true), collapseTemplates()],
  },
  plugins: [prod(), resolve(), ts(), minifyCss(), consolePage()],
};

export default [...npm, ...cdn, consoleApp];
