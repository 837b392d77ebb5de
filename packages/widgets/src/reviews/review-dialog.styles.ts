import { css } from 'lit';

/** The dialog's styles (lightbox, report form), adopted with its lazy chunk. */
export default css`
  dialog {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    padding: var(--_space-m) calc(var(--_space-m) * 1.5);
    max-inline-size: min(40rem, 94vw);
    max-block-size: 92vh;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.6);
  }
  .close {
    float: inline-end;
    background: none;
    border: 0;
    font-size: 1.5em;
    line-height: 1;
    padding: 0 var(--_space-xs);
  }
  [part='lightbox-image'] {
    display: block;
    max-inline-size: 100%;
    max-block-size: 75vh;
    inline-size: auto;
    block-size: auto;
    margin: var(--_space-l, 1.5em) auto var(--_space-s);
    object-fit: contain;
  }
  .nav {
    display: flex;
    justify-content: center;
    align-items: center;
    gap: var(--_space-m);
  }
  .nav button {
    background: var(--_surface-alt);
    border: 1px solid var(--_border);
    border-radius: var(--_radius-pill);
    inline-size: 2.5em;
    block-size: 2.5em;
    font-size: 1.1em;
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0 0 var(--_space-m);
    display: grid;
    gap: var(--_space-s);
  }
  legend {
    margin-block-end: var(--_space-s);
  }
  .actions {
    display: flex;
    justify-content: flex-end;
    align-items: center;
    gap: var(--_space-m);
  }
`;
