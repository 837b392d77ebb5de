/**
 * Whether this build can hydrate server-rendered widgets (`@kith/widgets/ssr`): true on npm. The
 * CDN build replaces it with false (rollup.config.mjs), so the code only a server-rendered page
 * uses leaves its bundles: a page on the script tag has no Lit hydration support to use it with.
 */
export const HYDRATION: boolean = true;
