// What the test pages, probes and benches put on `window` for Playwright to read back, so the Node
// tests that evaluate in the page type-check (tsconfig.tests.json). Shapes vary per page: `any`.
/* eslint-disable @typescript-eslint/no-explicit-any */
export {};

declare global {
  interface Window {
    Kith: any;
    axe: any;
    bench: any;
    life: any;
    probe: any;
    addBadge: any;
    __a11y: any;
    __bench: any;
    __consent: any;
    __kith: any;
    __kithLoader: any;
    __life: any;
    __xss: any;
  }
}
