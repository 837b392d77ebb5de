import { autoload } from './autoloader.js';
import { referral, reserve } from 'kith:reserve';
import { WIDGETS } from './widgets.js';
import { requestFirstView, type FirstView } from './first-view.js';

/**
 * The script-tag entry: `<script type="module" src="…/kith.js" data-adapter="…">`. It reads its
 * own `data-*` attributes and stays tiny: the runtime and each widget are imported the first time
 * a widget tag appears, so a page without widgets downloads nothing more.
 */
// Our own tag: the one whose src is this module; else the tag of the classic-script shim that
// imported us (kith.iife.js); else one marked `data-kith` (for CDNs that redirect the URL).
const script =
  Array.from(document.querySelectorAll<HTMLScriptElement>('script[src]')).find((s) => s.src === import.meta.url) ??
  (globalThis as { __kithScript?: HTMLScriptElement | null }).__kithScript ??
  document.querySelector<HTMLScriptElement>('script[data-kith]');

const report = (what: string, e: unknown) => console.warn(`[kith] could not load ${what}:`, e);

// Each chunk's static imports, appended by the build (rollup.config.mjs, kith-preload-map). Asking
// for them all at once keeps the request chain two deep: this file, then everything a widget needs,
// instead of setup → adapter → http one round trip after another. `import()` rather than a
// modulepreload link: no element in the host's <head>, and the same fetch options (CORS,
// credentials) as the imports that follow, so nothing is fetched twice. A failure here is left to
// the real import to report.
declare function __kithPreload(): Record<string, string[]>;
const graph = typeof __kithPreload === 'function' ? __kithPreload() : {};
const preloaded = new Set<string>();
const preload = (key: string) => {
  for (const file of graph[key] ?? []) {
    if (preloaded.has(file)) continue;
    preloaded.add(file);
    import(/* @vite-ignore */ new URL(file, import.meta.url).href).catch(() => {});
  }
};

// A consent manager may answer before the runtime is here; keep its last word for setup.
let earlyConsent: unknown;
const onConsent = (e: Event) => (earlyConsent = (e as CustomEvent).detail);
document.addEventListener('kith-consent', onConsent);
// Storage consent withdrawn (or refused) takes back the referral code and visitor id kept with it
// earlier (attribution.ts), on any page with the loader, widgets or not.
document.addEventListener('kith-consent', (e) => {
  const d = (e as CustomEvent).detail as unknown;
  if (d !== 'denied' && (d as { storage?: unknown } | null)?.storage !== false) return;
  for (const [store, key] of [
    ['localStorage', 'kith_ref'],
    ['sessionStorage', 'kith_visit'],
  ] as const) {
    try {
      if (window[store].getItem(key) !== null) window[store].removeItem(key);
    } catch {
      // Storage blocked: nothing was kept.
    }
  }
});

// A second copy of the loader (a plugin and a theme both adding Kith) stays idle: one runtime,
// one definition per tag, and no second Lit, whose Trusted Types policy name would clash.
const g = globalThis as { __kithLoader?: { src: string; ready(): Promise<void> } };
const src = script?.src ?? 'inline';
const active = g.__kithLoader;

let configured: Promise<void> | undefined;
let first: FirstView | undefined;
/**
 * Loads the runtime and applies the configuration (once). Widgets show loading states until then.
 * On an idle copy it waits for the active one and changes nothing.
 */
export const ready = (): Promise<void> =>
  active
    ? active.ready()
    : (configured ??= (preload('setup'), script?.dataset.adapter === 'rest' && preload('rest'), import('./setup.js'))
        .then(({ setup }) => {
          document.removeEventListener('kith-consent', onConsent);
          return setup({ ...script?.dataset }, earlyConsent, undefined, first);
        })
        .catch((e) => report('the configuration', e)));

// Referral attribution: a landing through `?kith_ref=CODE` is held in this page's memory; it is
// recorded and kept only once the page grants consent (attribution.ts). A code kept earlier with
// consent is read back from storage.
const landed = new URLSearchParams(location.search).get('kith_ref')?.trim().toUpperCase();
const here = landed ? { code: landed, landedAt: new Date().toISOString() } : null;

/** The referral code to attach to the cart or order: this visit's, else one kept with consent; null if none. */
export function getAttribution(): { code: string; landedAt: string } | null {
  if (here) return here;
  try {
    const kept = JSON.parse(localStorage.getItem('kith_ref') ?? 'null') as {
      code: string;
      landedAt: string;
      expiresAt: string;
    } | null;
    return kept && Date.parse(kept.expiresAt) > Date.now() ? { code: kept.code, landedAt: kept.landedAt } : null;
  } catch {
    return null;
  }
}

// Each widget's box is reserved before its code arrives (built from the widgets' own :host rules, also
// shipped as kith.css for a <link> that holds the boxes from the first paint). A constructed sheet is
// CSSOM, which a strict style-src allows.
try {
  const sheet = new CSSStyleSheet();
  // The banner shows only for a visit through a referral link.
  sheet.replaceSync(reserve + (landed ? referral : ''));
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
} catch {
  // No constructable stylesheets: the widgets reserve their space once defined.
}

// `window.Kith` for pages without a bundler, beside what the classic shim put there.
const api = ((globalThis as { Kith?: Record<string, unknown> }).Kith ??= {});
api.ready ??= ready;
api.getAttribution ??= getAttribution;

if (active) {
  document.removeEventListener('kith-consent', onConsent);
  console.warn(`[kith] Kith is already loaded on this page from ${active.src}; this copy (${src}) stays idle.`);
} else {
  g.__kithLoader = { src, ready };
  // Every widget's data in one request, on its way while their code loads.
  try {
    if (script?.dataset.adapter === 'rest') first = requestFirstView(script.dataset, landed);
  } catch {
    // A data-endpoint that is no URL: setup reports it; the widgets read on their own.
  }
  autoload(
    document,
    Object.fromEntries(
      Object.entries(WIDGETS).map(([tag, load]) => [tag, () => (preload(tag), Promise.all([ready(), load()]))]),
    ),
    (tag, e) => report(`<${tag}>`, e),
  );
  if (here)
    ready()
      .then(() => import('./attribution.js'))
      .then(
        (m) => m.attribute(here),
        (e) => report('the referral attribution', e),
      );
}
