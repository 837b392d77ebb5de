import { css } from 'lit';

export default css`
  :host {
    display: block;
    /* Reserved before data arrives and kept on failure, so the page below never jumps. */
    min-block-size: var(--reserve-block-size, 24em);
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
  .skeleton {
    display: grid;
    gap: var(--_space-s);
    align-content: start;
    min-block-size: inherit;
    padding: var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  * {
    margin: 0;
    padding: 0;
    font-size: 1em;
  }
  h2,
  [part='balance'] strong {
    font-size: 1.25em;
  }
  [part='balance'] strong {
    font-size: 2em;
    line-height: 1.1;
  }
  h3 {
    margin-block-start: var(--_space-s);
  }
  li {
    list-style: none;
  }
  ul,
  ol {
    display: grid;
    gap: var(--_space-xs);
  }
  small,
  .note,
  .pending,
  .why,
  [part='tier'] {
    color: var(--_muted);
  }
  small {
    display: block;
    font-size: 0.875em;
  }
  button,
  a[part='button'] {
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
  :disabled {
    opacity: 0.6;
    cursor: default;
  }
  .primary {
    background: var(--_brand);
    color: var(--_on-brand);
    justify-self: start;
  }
  .link {
    border: 0;
    background: 0;
    text-decoration: underline;
    justify-self: start;
  }
  .actions,
  [part='check-in'],
  [part='code'],
  .confirm {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s) var(--_space-m);
  }
  [part='check-in'] {
    padding: var(--_space-s) var(--_space-m);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .streak {
    display: flex;
    gap: var(--_space-xs);
    inline-size: 100%;
  }
  .streak li {
    display: grid;
    place-items: center;
    inline-size: 1.75em;
    block-size: 1.75em;
    border: 1px solid var(--_border);
    border-radius: 50%;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .streak .on {
    border-color: var(--_ok);
    background: var(--_ok);
    color: var(--_surface);
  }
  [part='reward'],
  [part='history'] li {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: var(--_space-xs) var(--_space-m);
    align-items: center;
    padding: var(--_space-s) 0;
    border-block-end: 1px solid var(--_border);
  }
  [part='reward'] > :not(.what, .cost),
  [part='history'] .after {
    grid-column: 1 / -1;
  }
  [part='reward'] > button {
    justify-self: start;
  }
  .cost,
  .delta {
    font-weight: 600;
    text-align: end;
  }
  .off .cost {
    color: var(--_muted);
  }
  .delta {
    color: var(--_ok);
  }
  .delta.minus {
    color: var(--_text);
  }
  .pending .delta {
    color: var(--_muted);
  }
  [part='code'] {
    padding: var(--_space-s);
    border: 1px dashed var(--_ok);
    border-radius: var(--_radius);
  }
  [part='code'] strong {
    font-family: ui-monospace, monospace;
    letter-spacing: 0.05em;
  }
  [part='badges'] {
    grid-template-columns: repeat(auto-fill, minmax(10em, 1fr));
    gap: var(--_space-s);
  }
  [part='badges'] li {
    padding: var(--_space-s);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  [part='badges'] li:not(.on) strong {
    color: var(--_muted);
  }
  [part='badges'] .on {
    border-color: var(--_ok);
  }
  [part='badges'] .on strong::before {
    content: '✓ ';
    color: var(--_ok);
  }
  summary {
    cursor: pointer;
    font-weight: 600;
    margin-block-start: var(--_space-s);
  }
  [part='history'] ol {
    margin-block: var(--_space-s);
  }
  [part='message'] {
    color: var(--_danger);
  }
  [part='message'].ok {
    color: var(--_ok);
  }
`;
