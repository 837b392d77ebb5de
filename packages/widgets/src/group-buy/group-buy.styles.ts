import { css } from 'lit';

export default css`
  :host {
    display: block;
    /* Reserved before data arrives and kept on failure, so the page below never jumps: an offer with
       one open team and "N more teams" fits (more teams open on the shopper's click). */
    min-block-size: var(--reserve-block-size, 19em);
    contain: layout;
  }
  /* The base element hides a failed widget; this one keeps its box and offers a retry. */
  :host([state='error']) {
    visibility: visible;
  }
  :host([state='empty']) {
    visibility: hidden;
  }
  section,
  article,
  [part='teams'] {
    display: grid;
    gap: var(--_space-s);
    padding: var(--_space-m);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  section,
  .skeleton {
    min-block-size: inherit;
    align-content: start;
    border: 1px solid var(--_border);
    background: var(--_surface);
  }
  * {
    margin: 0;
    padding: 0;
    font-size: 1em;
  }
  h2,
  .amount {
    font-size: 1.25em;
  }
  li {
    list-style: none;
  }
  button {
    font: inherit;
    cursor: pointer;
    padding: var(--_space-xs) var(--_space-m);
    border: 1px solid var(--_brand);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_brand);
    font-weight: 600;
  }
  :disabled {
    opacity: 0.6;
  }
  .primary {
    background: var(--_brand);
    color: var(--_on-brand);
    justify-self: start;
  }
  summary {
    color: var(--_brand);
  }
  details[open] summary {
    margin-block-end: var(--_space-s);
  }
  .link {
    border: 0;
    background: 0;
    text-decoration: underline;
  }
  div,
  ol,
  ul,
  [part='teams'] li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s) var(--_space-m);
  }
  [part='note'],
  small,
  .solo span {
    color: var(--_muted);
  }
  .team .amount,
  [part='message'],
  .notice {
    color: var(--_danger);
  }
  [part='message']:empty {
    display: none;
  }
  [part='state'] {
    padding: 0 var(--_space-s);
    border: 1px solid;
    border-radius: var(--_radius-pill);
  }
  .succeeded [part='state'],
  .closed [part='state'] {
    color: var(--_ok);
  }
  /* The seats bar (shared/progress.ts) in the team colour. */
  [part='progress'] {
    --_progress: var(--_danger);
  }
  [part='members'] li {
    display: grid;
    place-items: center;
    inline-size: 2em;
    block-size: 2em;
    overflow: hidden;
    border: 2px solid var(--_danger);
    border-radius: 50%;
    font-weight: 600;
  }
  [part='members'] .held {
    border-style: dashed;
  }
  .leader {
    border-color: var(--_brand) !important;
  }
  img {
    inline-size: 100%;
  }
  time {
    font-variant-numeric: tabular-nums;
  }
  [part='seat'] {
    padding: var(--_space-s);
    border-inline-start: 3px solid var(--_brand);
    background: var(--_surface);
  }
  .who {
    display: grid;
    flex: 1;
  }
`;
