import { css } from 'lit';

export default css`
  :host {
    display: block;
    /* Held only while a code's offer loads (no code: no space at all). */
    min-block-size: var(--reserve-block-size, 4.5em);
  }
  :host([state='empty']) {
    display: none;
  }
  * {
    margin: 0;
    padding: 0;
    font-size: 1em;
  }
  section {
    position: relative;
    display: grid;
    gap: var(--_space-xs);
    padding: var(--_space-m) 2.5em var(--_space-m) var(--_space-m);
    border: 1px solid var(--_ok);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  strong {
    font-size: 1.125em;
  }
  code {
    font-family: ui-monospace, monospace;
    font-weight: 600;
    letter-spacing: 0.05em;
  }
  button {
    font: inherit;
    cursor: pointer;
    margin-inline-start: var(--_space-s);
    padding: 0 var(--_space-s);
    border: 1px solid var(--_brand);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_brand);
  }
  .dismiss {
    position: absolute;
    inset-block-start: var(--_space-s);
    inset-inline-end: var(--_space-s);
    border: 0;
    font-size: 1.25em;
    line-height: 1;
    color: var(--_muted);
  }
  small {
    color: var(--_muted);
  }
  [role='status'] {
    color: var(--_ok);
  }
`;
