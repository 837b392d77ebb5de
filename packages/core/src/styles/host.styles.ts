import { css } from 'lit';

// Dark palette, applied by `theme="dark"` or by `theme="auto"` under a dark OS setting. Default is
// light: a merchant's light page should not get a dark widget because the visitor's OS is dark.
// Its tokens are separate (`--kith-dark-*`) so a theme that sets the light ones leaves dark intact.
const dark = css`
    --_text: var(--kith-dark-color-text, #f0f6fc);
    --_muted: var(--kith-dark-color-text-muted, #9198a1);
    --_surface: var(--kith-dark-color-surface, #151b23);
    --_surface-alt: var(--kith-dark-color-surface-alt, #262c36);
    --_border: var(--kith-dark-color-border, #3d444d);
    --_brand: var(--kith-dark-color-brand, #4493f8);
    --_on-brand: var(--kith-dark-color-on-brand, #0d1117);
    --_live: var(--kith-dark-color-live, #da3633);
    --_focus: var(--kith-dark-color-focus, #4493f8);
    --_ok: var(--kith-dark-color-success, #3fb950);
    --_danger: var(--kith-dark-color-danger, #f85149);
`;

/**
 * In front of every widget's styles. Private `--_*` variables copy the public `--kith-*` tokens
 * with literal fallbacks, so a widget renders right with no theme loaded; components use only the
 * private ones. Type is sized in `em` from the host's font, so `html { font-size: 62.5% }` hacks
 * don't shrink widgets.
 */
export const hostStyles = css`
  :host {
    --_font: var(--kith-font-family, inherit);
    --_text: var(--kith-color-text, #1f2328);
    --_muted: var(--kith-color-text-muted, #59636e);
    --_surface: var(--kith-color-surface, #ffffff);
    --_surface-alt: var(--kith-color-surface-alt, #f3f4f6);
    --_border: var(--kith-color-border, #d1d9e0);
    --_brand: var(--kith-color-brand, #0a66c2);
    --_on-brand: var(--kith-color-on-brand, #ffffff);
    --_live: var(--kith-color-live, #d1242f);
    --_on-live: var(--kith-color-on-live, #ffffff);
    --_focus: var(--kith-color-focus, #0969da);
    --_ok: var(--kith-color-success, #1a7f37);
    --_danger: var(--kith-color-danger, #cf222e);
    --_radius: var(--kith-radius-m, 0.5em);
    --_radius-pill: var(--kith-radius-pill, 999px);
    --_space-xs: var(--kith-space-xs, 0.25em);
    --_space-s: var(--kith-space-s, 0.5em);
    --_space-m: var(--kith-space-m, 0.75em);
    --_duration: var(--kith-duration, 200ms);
    box-sizing: border-box;
    font-family: var(--_font);
    font-size: var(--kith-font-size, 1em);
    line-height: 1.4;
    color: var(--_text);
  }
  :host([theme='dark']) {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${dark}
    }
  }
  @media (prefers-reduced-motion: reduce) {
    :host {
      --_duration: 0ms;
    }
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  /* Links in every theme (a sign-in link, terms): the browser's blue fails contrast on dark. */
  a {
    color: var(--_brand);
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
