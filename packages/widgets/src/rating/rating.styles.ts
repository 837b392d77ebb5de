import { css } from 'lit';

export default css`
  :host {
    display: inline-flex;
    align-items: center;
    vertical-align: middle;
    /* Reserved before data arrives, and kept when it collapses: a listing grid never jumps. */
    min-block-size: 1.5em;
    min-inline-size: var(--reserve-inline-size, 8em);
  }
  :host([state='empty']),
  :host([state='loading']) {
    visibility: hidden;
  }
  [part~='base'] {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    color: var(--_text);
    text-decoration: none;
  }
  a[part~='base']:hover [part='count'] {
    text-decoration: underline;
  }
  [part='average'] {
    font-weight: 600;
  }
  [part='count'] {
    color: var(--_muted);
  }
`;
