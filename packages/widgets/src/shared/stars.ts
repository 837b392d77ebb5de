import { css, html } from 'lit';

/**
 * Five stars drawn with text glyphs so they scale with the font. Purely visual (`aria-hidden`):
 * the owner gives the accessible name ("4.3 out of 5 stars"). Fill them with `fillStars()` after
 * rendering.
 */
export const stars = () =>
  html`<span class="stars" part="stars" aria-hidden="true"><span class="stars-fill">★★★★★</span>★★★★★</span>`;

/**
 * Sets the fill (0–5) through CSSOM. A `style` attribute, which Lit's styleMap writes on the first
 * render, is blocked by a strict CSP (`style-src` without 'unsafe-inline'); CSSOM is not.
 */
export function fillStars(root: ParentNode, value: number): void {
  root.querySelector<HTMLElement>('.stars-fill')?.style.setProperty('--_fill', starFill(value));
}

/** The stars' fill for `value` (0–5), as a width. */
export const starFill = (value: number): string => `${Math.max(0, Math.min(5, value)) * 20}%`;

export const starStyles = css`
  .stars {
    position: relative;
    display: inline-block;
    color: var(--star-empty-color, var(--_muted));
    letter-spacing: 0.05em;
    line-height: 1;
    white-space: nowrap;
  }
  .stars-fill {
    position: absolute;
    inset-block-start: 0;
    inset-inline-start: 0;
    inline-size: var(--_fill);
    overflow: hidden;
    color: var(--star-color, var(--kith-color-star, #9a6700));
  }
  :host([theme='dark']) .stars-fill {
    color: var(--star-color, var(--kith-dark-color-star, #d29922));
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) .stars-fill {
      color: var(--star-color, var(--kith-dark-color-star, #d29922));
    }
  }
  @media (forced-colors: active) {
    .stars-fill {
      color: Highlight;
    }
  }
`;
