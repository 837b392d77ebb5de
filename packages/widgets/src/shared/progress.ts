import { css, html, nothing } from 'lit';

export interface Progress {
  /** How far along, from 0 to `max`. */
  value: number;
  max: number;
  /** The accessible name ("Team progress"). */
  label: string;
  /** What a screen reader says for the value ("2 joined · 1 more for $50.15"). Default: a percentage. */
  text?: string;
  /** One segment per unit (group buy's seats) instead of one continuous bar. */
  segments?: boolean;
  /** Segments only: units taken but not yet done (a seat held while its shopper checks out), striped. */
  held?: number;
}

/**
 * The progress bar group buy (seats) and points (tier) share, always `part="progress"`. A continuous
 * bar is a native `<progress>`: its value needs no `style` attribute, which a strict CSP blocks. Segments
 * are a `role="progressbar"` with one child per unit, filled (`.on`) up to `value` and striped
 * (`.held`) up to `held`. Either way it needs a name (`label`) and says its value to screen readers.
 * Put `progressStyles` in front of the widget's own styles.
 */
export const progressBar = ({ value, max, label, text, segments, held = value }: Progress) =>
  segments
    ? html`<div part="progress" class="seats" role="progressbar" aria-label=${label} aria-valuemin="0"
        aria-valuemax=${max} aria-valuenow=${value} aria-valuetext=${text ?? nothing}>
        ${Array.from({ length: max }, (_, i) => html`<span class=${i < value ? 'on' : i < held ? 'held' : ''}></span>`)}
      </div>`
    : html`<progress part="progress" aria-label=${label} max=${max} value=${value} aria-valuetext=${text ?? nothing}></progress>`;

/**
 * Fill: `--kith-color-progress`, else the widget's `--_progress`, else the brand colour. Track:
 * `--kith-color-progress-track`, else the alternate surface. Changes ease over `--_duration`, which the
 * host styles set to 0 under `prefers-reduced-motion: reduce`.
 */
export const progressStyles = css`
  [part~='progress'] {
    --_on: var(--kith-color-progress, var(--_progress, var(--_brand)));
    inline-size: 100%;
    block-size: 0.5em;
    border: 0;
    border-radius: var(--_radius-pill);
    overflow: hidden;
    appearance: none;
    background: var(--kith-color-progress-track, var(--_surface-alt));
  }
  ::-webkit-progress-bar {
    background: none;
  }
  ::-webkit-progress-value {
    background: var(--_on);
    transition: inline-size var(--_duration);
  }
  ::-moz-progress-bar {
    background: var(--_on);
  }
  .seats {
    display: flex;
    gap: 2px;
    block-size: 0.75em;
    background: none;
  }
  .seats span {
    flex: 1;
    align-self: stretch;
    border: 1px solid var(--_on);
    border-radius: inherit;
    transition: background var(--_duration);
  }
  .seats .on {
    background: var(--_on);
  }
  .seats .held {
    background: repeating-linear-gradient(45deg, var(--_on) 0 3px, #0000 3px 7px);
  }
  /* Forced colours drop backgrounds, which would leave a bar with no fill: draw it in system colours. */
  @media (forced-colors: active) {
    [part~='progress'] {
      forced-color-adjust: none;
      --_on: Highlight;
      outline: 1px solid CanvasText;
      background: Canvas;
    }
    .seats {
      outline: 0;
    }
    .seats span {
      border-color: CanvasText;
    }
  }
`;
