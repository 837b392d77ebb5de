import { css } from 'lit';

/** The menu's styles, adopted with its lazy chunk. */
export default css`
  .note {
    display: block;
    color: var(--_muted);
    font-size: 0.875em;
  }
  dialog {
    /* Centred as a modal (the reset above took the UA's auto margins). */
    margin: auto;
    inline-size: min(22em, 90vw);
    padding: var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  dialog[open] {
    display: grid;
    gap: var(--_space-s);
  }
  h2 {
    font-size: 1.125em;
  }
  ul {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(8em, 1fr));
    gap: var(--_space-s);
    list-style: none;
  }
  [part='channel'] {
    display: block;
    inline-size: 100%;
    text-align: center;
  }
  [part='qr'] {
    inline-size: 12em;
    justify-self: center;
  }
  [part='message'] {
    color: var(--_ok);
  }
  [part='message']:empty {
    display: none;
  }
  .close {
    justify-self: end;
    border-color: var(--_border);
    color: var(--_text);
  }
`;
