import { css } from 'lit';

/** Success and danger colours for the reviews parts, with dark variants like the core palette. */
export default css`
  :host {
    --_ok: var(--kith-color-success, #1a7f37);
    --_danger: var(--kith-color-danger, #cf222e);
  }
  :host([theme='dark']) {
    --_ok: var(--kith-dark-color-success, #3fb950);
    --_danger: var(--kith-dark-color-danger, #f85149);
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      --_ok: var(--kith-dark-color-success, #3fb950);
      --_danger: var(--kith-dark-color-danger, #f85149);
    }
  }
`;
