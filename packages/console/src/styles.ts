import { css } from 'lit';

/**
 * What every screen shares: type, colours (light and dark, WCAG AA contrast), form controls,
 * buttons and a visible focus ring. Sizes in rem so the console follows the browser's text size;
 * laid out to work from 390 px wide.
 */
export const base = css`
  :host {
    --kc-fg: #1c1d21;
    --kc-muted: #55575f;
    --kc-bg: #ffffff;
    --kc-panel: #f5f5f7;
    --kc-line: #c9cad1;
    --kc-accent: #1f5fbf;
    --kc-accent-fg: #ffffff;
    --kc-danger: #a4262c;
    --kc-ok: #1d6b35;
    --kc-warn-bg: #fff4ce;
    --kc-focus: #1f5fbf;
    color: var(--kc-fg);
    font: 1rem/1.5 system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', sans-serif;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --kc-fg: #ececf1;
      --kc-muted: #b4b6c0;
      --kc-bg: #16171b;
      --kc-panel: #22242a;
      --kc-line: #4a4d57;
      --kc-accent: #8ab4f8;
      --kc-accent-fg: #10131a;
      --kc-danger: #ff9e9e;
      --kc-ok: #8fdca5;
      --kc-warn-bg: #3d3413;
      --kc-focus: #8ab4f8;
    }
  }
  * {
    box-sizing: border-box;
  }
  h1 {
    font-size: 1.5rem;
    line-height: 1.25;
    margin: 0 0 1rem;
  }
  h2 {
    font-size: 1.125rem;
    margin: 0 0 0.5rem;
  }
  h1:focus {
    outline: none;
  }
  a {
    color: var(--kc-accent);
  }
  label {
    display: block;
    font-weight: 600;
    margin-block: 0.75rem 0.25rem;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    background: var(--kc-bg);
    border: 1px solid var(--kc-muted);
    border-radius: 0.375rem;
    padding: 0.5rem 0.625rem;
    inline-size: 100%;
    max-inline-size: 30rem;
  }
  textarea {
    min-block-size: 5rem;
    resize: vertical;
  }
  button {
    font: inherit;
    font-weight: 600;
    min-block-size: 2.5rem;
    min-inline-size: 2.75rem;
    padding: 0.375rem 0.875rem;
    border-radius: 0.375rem;
    border: 1px solid var(--kc-accent);
    background: var(--kc-bg);
    color: var(--kc-accent);
    cursor: pointer;
  }
  button.primary {
    background: var(--kc-accent);
    color: var(--kc-accent-fg);
  }
  button.danger {
    border-color: var(--kc-danger);
    color: var(--kc-danger);
  }
  button[disabled] {
    opacity: 0.6;
    cursor: default;
  }
  :focus-visible {
    outline: 3px solid var(--kc-focus);
    outline-offset: 2px;
  }
  .error {
    color: var(--kc-danger);
    font-weight: 600;
  }
  .muted {
    color: var(--kc-muted);
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: no-preference) {
    button {
      transition: background-color 0.15s;
    }
  }
`;
