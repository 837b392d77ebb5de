import { css } from 'lit';

export default css`
  :host {
    display: block;
    /* One line reserved before data arrives, so the price block never jumps. */
    min-block-size: var(--reserve-block-size, 1.4em);
  }
  :host([state='empty']) {
    visibility: hidden;
  }
  strong {
    color: var(--_brand);
  }
`;
