import { html, nothing } from 'lit';
import type { ReviewSummary } from '@kith/core';
import { fillStars, starFill, stars } from '../shared/stars.js';
import type { ReviewsContext } from './context.js';
import type { ReviewFilterBar } from './filters.js';

/**
 * Average, stars, count, recommendation, a histogram whose bars filter, and "Write a review" (or,
 * signed out, the way to sign in). Call `paintSummary` after it renders.
 */
export function renderSummary(
  c: ReviewsContext,
  s: ReviewSummary | undefined,
  filters: ReviewFilterBar,
  write: (e: Event) => void,
) {
  const t = c.i18n.t;
  const href = c.signInHref();
  // Signed out, the shopper learns it before writing a word: a link to sign in, not the form.
  const button = !c.signedOut()
    ? html`<button part="write-button" class="primary" @click=${write}>${t('write')}</button>`
    : href
      ? html`<a part="write-button" class="primary" href=${href}>${t('signInToWrite')}</a>`
      : html`<p part="sign-in">${t('signInToWrite')}</p>`;
  if (!s) return html`<div part="summary" class="summary empty"><p>${t('empty')}</p>${button}</div>`;
  const avg = c.i18n.number(s.average, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const rating = filters.value.rating;
  return html`<div part="summary" class="summary">
      <div class="score">
        <span part="average" aria-hidden="true">${avg}</span>
        <span class="average-stars" role="img" aria-label=${t('average', { average: avg })}>${stars()}</span>
        <span part="count">${t('basedOn', { count: s.count })}</span>
        ${s.recommendPercent != null ? html`<span part="recommend">${t('recommend', { percent: s.recommendPercent })}</span>` : nothing}
      </div>
      <ul part="histogram" aria-label=${t('histogram')}>
        ${([5, 4, 3, 2, 1] as const).map(
          (n) => html`<li>
          <button part="bar" aria-pressed=${rating === n ? 'true' : 'false'} ?disabled=${!s.histogram[n - 1]} @click=${() => filters.toggleRating(n)}>
            <span class="visually-hidden">${t('bar', { stars: n, count: s.histogram[n - 1]! })}</span><span aria-hidden="true">${n}★</span><span class="track"><span class="fill" data-stars=${n}></span></span><span aria-hidden="true">${c.i18n.number(s.histogram[n - 1]!)}</span>
          </button>
        </li>`,
        )}
      </ul>
      ${button}
    </div>`;
}

/**
 * Fills the average's stars and sizes the bars, through CSSOM (a strict CSP blocks style
 * attributes). Only for a new summary: a style write per scroll frame would cost a style recalc.
 */
export function paintSummary(root: ParentNode, s: ReviewSummary): void {
  const summary = root.querySelector<HTMLElement>('[part~="summary"]');
  if (summary) fillStars(summary, s.average);
  for (const fill of root.querySelectorAll<HTMLElement>('.fill'))
    fill.style.setProperty('--_bar', barWidth(s, Number(fill.dataset.stars)));
}

const barWidth = (s: ReviewSummary, stars: number) =>
  `${(s.histogram[stars - 1]! / Math.max(1, ...s.histogram)) * 100}%`;

/** What `paintSummary` sets, as a style sheet: a server render has no CSSOM to set it with. */
export const summaryPaint = (s: ReviewSummary): string =>
  `[part~="summary"] .stars-fill{--_fill:${starFill(s.average)}}` +
  [1, 2, 3, 4, 5].map((n) => `.fill[data-stars="${n}"]{--_bar:${barWidth(s, n)}}`).join('');
