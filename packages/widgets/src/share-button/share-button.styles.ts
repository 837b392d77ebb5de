import { css } from 'lit';

export default css`
  :host {
    display: inline-block;
    vertical-align: top;
    /* The button's height, and the incentive's line and width on a page with a signed-in shopper
       (kith.css sets --kith-signed-in there), reserved before the code arrives: nothing moves after. */
    min-block-size: var(--reserve-block-size, calc(2.5em + var(--kith-signed-in, 0) * 1.75em));
    min-inline-size: var(--reserve-inline-size, calc(var(--kith-signed-in, 0) * 16em));
  }
  * {
    margin: 0;
    padding: 0;
    font-size: 1em;
  }
  button,
  [part='channel'] {
    font: inherit;
    cursor: pointer;
    padding: var(--_space-xs) var(--_space-m);
    border: 1px solid var(--_brand);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_brand);
    font-weight: 600;
    text-decoration: none;
  }
  [part='button'] {
    background: var(--_brand);
    color: var(--_on-brand);
  }
  /* One line, so the box reserved for it holds: the incentive gives way to an ellipsis before the terms link. */
  [part='incentive'] {
    display: flex;
    gap: var(--_space-s);
    margin-block-start: var(--_space-xs);
    white-space: nowrap;
  }
  /* In the width reserved for it, its text never widens the box (which would move what sits beside it). */
  .fit {
    contain: inline-size;
  }
  [part='incentive'] span {
    overflow: hidden;
    text-overflow: ellipsis;
  }
`;
