/** Flags for headless Chromium: --no-sandbox for root, the rest avoid network chatter. */
export declare const CHROMIUM_ARGS: string[];
/** `CHROME_PATH`, a system Chromium/Chrome, or Playwright's cache; undefined if none. */
export declare function findChromium(): string | undefined;
/** Like findChromium, but installs Debian's chromium as root on Debian, else throws with instructions. */
export declare function ensureChromium(): string;
