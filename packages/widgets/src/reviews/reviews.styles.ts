import { css } from 'lit';

export default css`
  :host {
    display: block;
    /* Reserved before data arrives so the page below doesn't jump when it does. */
    min-block-size: var(--reserve-block-size, 24rem);
    contain: layout;
  }
  /* The base element hides a failed widget; this one keeps its box and says what happened. */
  :host([state='error']) {
    visibility: visible;
  }
  button,
  select,
  input,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    cursor: pointer;
  }
  h2 {
    font-size: 1.25em;
    margin: 0 0 var(--_space-m);
  }
  h3 {
    font-size: 1em;
    margin: var(--_space-xs) 0;
  }
  p {
    margin: var(--_space-xs) 0;
  }
  .status {
    color: var(--_muted);
    padding: var(--_space-m) 0;
  }
  .primary {
    background: var(--_brand);
    color: var(--_on-brand);
    border: 0;
    border-radius: var(--_radius);
    padding: var(--_space-s) var(--_space-m);
    font-weight: 600;
  }
  a.primary {
    display: inline-block;
    text-decoration: none;
  }
  .link {
    background: none;
    border: 0;
    padding: 0;
    color: var(--_brand);
    text-decoration: underline;
  }
  .summary {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: var(--_space-m) calc(var(--_space-m) * 3);
    padding-block-end: var(--_space-m);
  }
  .summary.empty {
    align-items: center;
  }
  .score {
    display: grid;
    gap: var(--_space-xs);
  }
  [part='average'] {
    font-size: 2.5em;
    font-weight: 700;
    line-height: 1;
  }
  .average-stars {
    font-size: 1.25em;
  }
  [part='count'],
  [part='recommend'] {
    color: var(--_muted);
  }
  [part='histogram'] {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 2px;
    flex: 1 1 14em;
    max-inline-size: 24em;
  }
  [part='bar'] {
    display: grid;
    grid-template-columns: 2.5em 1fr 3.5em;
    align-items: center;
    gap: var(--_space-s);
    inline-size: 100%;
    background: none;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    padding: 2px var(--_space-xs);
    text-align: start;
  }
  [part='bar']:hover:not(:disabled),
  [part='bar'][aria-pressed='true'] {
    border-color: var(--_border);
    background: var(--_surface-alt);
  }
  [part='bar']:disabled {
    cursor: default;
    color: var(--_muted);
  }
  .track {
    block-size: 0.6em;
    border-radius: var(--_radius-pill);
    background: var(--_surface-alt);
    overflow: hidden;
  }
  .fill {
    display: block;
    block-size: 100%;
    inline-size: var(--_bar, 0);
    background: var(--bar-color, var(--star-color, var(--kith-color-star, #9a6700)));
  }
  :host([theme='dark']) .fill {
    background: var(--bar-color, var(--star-color, var(--kith-dark-color-star, #d29922)));
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) .fill {
      background: var(--bar-color, var(--star-color, var(--kith-dark-color-star, #d29922)));
    }
  }
  [role='tablist'] {
    display: flex;
    gap: var(--_space-m);
    border-block-end: 1px solid var(--_border);
    margin-block-end: var(--_space-m);
  }
  [role='tab'] {
    background: none;
    border: 0;
    border-block-end: 3px solid transparent;
    padding: var(--_space-s) var(--_space-xs);
    color: var(--_muted);
    font-weight: 600;
  }
  [role='tab'][aria-selected='true'] {
    color: var(--_text);
    border-color: var(--_brand);
  }
  [part='toolbar'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
  }
  .sort {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-xs);
  }
  select {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-xs) var(--_space-s);
  }
  [part~='chip'] {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius-pill);
    padding: var(--_space-xs) var(--_space-m);
  }
  [part~='chip'][aria-pressed='true'] {
    background: var(--_text);
    border-color: var(--_text);
    color: var(--_surface);
  }
  .notice {
    min-block-size: 1.4em;
    color: var(--_muted);
  }
  /* The list scrolls inside its own box: the page never jumps and wheel scrolling stays here. */
  .list {
    max-block-size: var(--list-max-block-size, 36rem);
    overflow-y: auto;
    overscroll-behavior: contain;
    border-block: 1px solid var(--_border);
  }
  [part='review'] {
    padding: var(--_space-m) var(--_space-xs);
    border-block-end: 1px solid var(--_border);
  }
  [part='review'] header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-xs) var(--_space-s);
  }
  .stars[data-r='1'] .stars-fill { --_fill: 20%; }
  .stars[data-r='2'] .stars-fill { --_fill: 40%; }
  .stars[data-r='3'] .stars-fill { --_fill: 60%; }
  .stars[data-r='4'] .stars-fill { --_fill: 80%; }
  .stars[data-r='5'] .stars-fill { --_fill: 100%; }
  .author {
    font-weight: 600;
  }
  [part='verified'] {
    color: var(--_ok);
    font-size: 0.875em;
  }
  time {
    color: var(--_muted);
    font-size: 0.875em;
    margin-inline-start: auto;
  }
  [part='review-body'] {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .clamp {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 4;
    overflow: hidden;
  }
  [part='photos'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
    list-style: none;
    margin: var(--_space-s) 0;
    padding: 0;
  }
  [part='photo'] {
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
    background: var(--_surface-alt);
  }
  /* Fixed thumbnails: a photo that loads late never moves the text around it. */
  [part='photo'] img {
    display: block;
    inline-size: 4.5em;
    block-size: 4.5em;
    object-fit: cover;
  }
  [part='disclosure'] {
    font-size: 0.875em;
    color: var(--_muted);
    font-style: italic;
  }
  [part='reply'] {
    margin-block: var(--_space-s);
    padding: var(--_space-s) var(--_space-m);
    border-inline-start: 3px solid var(--_brand);
    background: var(--_surface-alt);
    border-radius: var(--_radius);
  }
  .reply-label {
    font-weight: 600;
    font-size: 0.875em;
  }
  [part='review'] footer {
    display: flex;
    gap: var(--_space-m);
    align-items: center;
    margin-block-start: var(--_space-s);
  }
  [part='helpful'] {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius-pill);
    padding: 2px var(--_space-m);
  }
  [part='helpful'][aria-pressed='true'] {
    border-color: var(--_brand);
    color: var(--_brand);
  }
  [part='report'] {
    color: var(--_muted);
    font-size: 0.875em;
  }
  @media (forced-colors: active) {
    .fill {
      background: Highlight;
    }
    [part~='chip'][aria-pressed='true'],
    [part='bar'][aria-pressed='true'] {
      outline: 2px solid Highlight;
    }
  }
`;
