import { css } from 'lit';

export default css`
  :host {
    display: inline-flex;
    align-items: center;
    vertical-align: middle;
    font-size: calc(var(--kith-font-size, 1em) * 0.875);
    /* Reserved before data arrives, and kept when the badge collapses: no layout shift. */
    min-block-size: 2.25em;
    min-inline-size: var(--reserve-inline-size, 8.5em);
  }
  :host([state='empty']) {
    visibility: hidden;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    flex-wrap: wrap;
    gap: var(--_space-s);
  }
  [part~='pill'] {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-block-size: 2.25em;
    padding-inline: 0.75em;
    /* Transparent borders turn visible in forced-colors mode, which drops backgrounds. */
    border: 1px solid var(--_border);
    border-radius: var(--_radius-pill);
    background: var(--_surface-alt);
    color: var(--_text);
    font-weight: 600;
    text-decoration: none;
    white-space: nowrap;
  }
  .live [part~='pill'] {
    border-color: transparent;
    background: var(--live-color, var(--_live));
    color: var(--_on-live);
  }
  .skeleton {
    inline-size: var(--reserve-inline-size, 8.5em);
    border-color: transparent;
  }
  /* A border, not a background, so the dot stays visible in forced-colors mode. */
  [part='dot'] {
    border: 0.25em solid;
    border-radius: 50%;
    animation: pulse 1.6s infinite;
  }
  @keyframes pulse {
    50% {
      opacity: 0.3;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    [part='dot'] {
      animation: none;
    }
  }
  [part='calendar'] {
    color: var(--_brand);
  }
`;
