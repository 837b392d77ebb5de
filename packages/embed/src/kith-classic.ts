/**
 * For a plain `<script src="…/kith.iife.js" data-…>` where a CMS allows no `type="module"`: a
 * classic script that hands its tag to the module loader beside it and imports it. The page then
 * runs the very same modules as with `kith.js`: one runtime, lazy widgets, and no second copy of
 * Lit if both tags are present (a second Lit would clash on its Trusted Types policy name).
 */
declare const __KITH_LOADER__: string;

const script = document.currentScript as HTMLScriptElement | null;
(globalThis as { __kithScript?: HTMLScriptElement | null }).__kithScript = script;
const loaded: Promise<{ ready(): Promise<void> }> = import(
  new URL(__KITH_LOADER__, script?.src ?? document.baseURI).href
);
loaded.catch((e) => console.warn('[kith] could not load the loader:', e));

/** Resolves once the runtime is configured (`window.Kith.ready()`). */
export const ready = (): Promise<void> => loaded.then((m) => m.ready());
