import { autoload } from './autoloader.js';
import { WIDGETS } from './widgets.js';

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

// A consent manager may answer before the runtime is here; keep its last word for setup.
let earlyConsent: unknown;
const onConsent = (e: Event) => (earlyConsent = (e as CustomEvent).detail);
document.addEventListener('kith-consent', onConsent);

// A second copy of the loader (a plugin and a theme both adding Kith) stays idle: one runtime,
// one definition per tag, and no second Lit, whose Trusted Types policy name would clash.
const g = globalThis as { __kithLoader?: { src: string; ready(): Promise<void> } };
const src = script?.src ?? 'inline';
const active = g.__kithLoader;

let configured: Promise<void> | undefined;
/**
 * Loads the runtime and applies the configuration (once). Widgets show loading states until then.
 * On an idle copy it waits for the active one and changes nothing.
 */
export const ready = (): Promise<void> =>
  active ? active.ready() : (configured ??= import('./setup.js')
    .then(({ setup }) => {
      document.removeEventListener('kith-consent', onConsent);
      return setup({ ...script?.dataset }, earlyConsent);
    })
    .catch((e) => report('the configuration', e)));

if (active) {
  document.removeEventListener('kith-consent', onConsent);
  console.warn(`[kith] Kith is already loaded on this page from ${active.src}; this copy (${src}) stays idle.`);
} else {
  g.__kithLoader = { src, ready };
  autoload(
    document,
    Object.fromEntries(Object.entries(WIDGETS).map(([tag, load]) => [tag, () => Promise.all([ready(), load()])])),
    (tag, e) => report(`<${tag}>`, e),
  );
}
