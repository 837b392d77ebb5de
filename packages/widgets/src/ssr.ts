// `@kith/widgets/ssr`: a widget's first view rendered in Node, with its data, for a merchant's own
// server rendering. Needs `@lit-labs/ssr` (an optional peer). In the page, load
// `@lit-labs/ssr-client/lit-element-hydrate-support.js` before the widgets, as Lit's SSR requires.
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { html, unsafeStatic } from 'lit/static-html.js';
import {
  queryKey,
  withSnapshot,
  type KithAdapter,
  type KithSnapshot,
  type ProductFacts,
  type ReviewSummary,
} from '@kith/core';
import { FIRST_FILTERS, PAGE_SIZE } from './reviews/list.js';
import { summaryPaint } from './reviews/summary.js';
import { starFill } from './shared/stars.js';
import './define.js';

export interface RenderWidgetOptions {
  /** The product, for `<kith-reviews>`' JSON-LD (with an adapter that has `reviews.getJsonLd`). */
  readonly product?: ProductFacts;
  /** How long the reads may take, in ms (default 2000): after it the widget renders as loading and reads in the browser. */
  readonly timeout?: number;
}

export interface RenderedWidget {
  /**
   * The element with its declarative shadow root, after the data it was rendered with (a
   * `<script type="application/json" data-kith-snapshot>` its stores start from in the browser,
   * so hydration changes nothing) and, for reviews, the JSON-LD. Goes into the page as it is.
   */
  readonly html: string;
  /** `'sha256-…'` of each distinct inline `<style>`, for the page's `style-src` under a strict CSP. */
  readonly styleHashes: readonly string[];
}

const NAME = /^[a-z][a-z0-9-]*$/;
const SHADOW = '<template shadowroot="open" shadowrootmode="open">';
/**
 * What a widget paints through CSSOM once rendered (star fills, histogram bars), as a style sheet
 * at the top of its shadow root: the server has no CSSOM, and a `style` attribute breaks a strict CSP.
 */
const PAINT: Record<string, (s: ReviewSummary) => string> = {
  'kith-rating': (s) => `.stars-fill{--_fill:${starFill(s.average)}}`,
  'kith-reviews': summaryPaint,
};
const escapeAttr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
/** JSON that cannot end its `<script>` element or start markup in it. */
const scriptJson = (value: unknown) =>
  JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** The reads a widget's stores make at first view, answered now; a read that fails or is late is left to the browser. */
async function firstReads(tag: string, productId: string | undefined, adapter: KithAdapter, o: RenderWidgetOptions) {
  const reviews = adapter.capabilities.has('reviews') ? adapter.reviews : undefined;
  if (!reviews || !productId || (tag !== 'kith-reviews' && tag !== 'kith-rating')) return {};
  const signal = AbortSignal.timeout(o.timeout ?? 2000);
  const settle = <T>(p: Promise<T> | undefined) => p?.catch(() => undefined);
  const query = { productId, ...FIRST_FILTERS, limit: PAGE_SIZE };
  const [[summary] = [], page, jsonLd] = await Promise.all([
    settle(reviews.getSummaries([productId], { signal })),
    tag === 'kith-reviews' ? settle(reviews.listReviews({ ...query, cursor: null }, { signal })) : undefined,
    tag === 'kith-reviews' && o.product ? settle(reviews.getJsonLd?.(productId, o.product, { signal })) : undefined,
  ]);
  const snapshot: Record<string, Record<string, unknown>> = {};
  if (summary) snapshot.summary = { [productId]: summary };
  // The list only with its summary: without one the widget shows its loading state, list or not.
  if (summary && page) snapshot.reviews = { [queryKey(query)]: page };
  return { snapshot: summary ? (snapshot as KithSnapshot) : undefined, jsonLd, summary };
}

/**
 * Renders `<tag attrs>` as Declarative Shadow DOM. `<kith-reviews>` and `<kith-rating>` read their
 * first view through `adapter` first (summary, first page of reviews), so the review text is in the
 * HTML; other widgets render their loading state and read in the browser. The browser's widgets
 * use their own adapter (`configure`), which should serve the same shop.
 */
export async function renderWidget(
  tag: string,
  attrs: Readonly<Record<string, string | undefined>>,
  adapter: KithAdapter,
  o: RenderWidgetOptions = {},
): Promise<RenderedWidget> {
  if (!tag.startsWith('kith-') || !NAME.test(tag) || !customElements.get(tag))
    throw new TypeError(`renderWidget: ${tag} is not a Kith widget`);
  const pairs = Object.entries(attrs).filter((e): e is [string, string] => e[1] !== undefined);
  for (const [name] of pairs) if (!NAME.test(name)) throw new TypeError(`renderWidget: bad attribute name ${name}`);
  const { snapshot, jsonLd, summary } = await firstReads(tag, attrs.product, adapter, o);
  const view = offline(adapter);
  const open = unsafeStatic(`${tag}${pairs.map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('')}`);
  const rendered = withSnapshot(snapshot ?? {}, () =>
    // The tag is a static part (unsafeStatic, checked above), not a binding.
    // eslint-disable-next-line lit/binding-positions, lit/no-invalid-html
    collectResultSync(render(html`<${open} .adapter=${view}></${unsafeStatic(tag)}>`)),
  );
  const paint = summary?.count && PAINT[tag]?.(summary);
  // Before Lit's first marker, where hydration looks past it as it does past the static styles.
  const element = paint ? rendered.replace(SHADOW, `${SHADOW}<style>${paint}</style>`) : rendered;
  const styles = new Set([...element.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!));
  return {
    html: [
      jsonLd ? `<script type="application/ld+json">${scriptJson(jsonLd)}</script>` : '',
      snapshot ? `<script type="application/json" data-kith-snapshot>${scriptJson(snapshot)}</script>` : '',
      element,
    ].join(''),
    styleHashes: await Promise.all([...styles].map(sha256)),
  };
}

const aborted = () => Promise.reject(new DOMException('Read before the render', 'AbortError'));
/**
 * What the render's stores see: the adapter's capabilities and session, and no reads (each is
 * aborted, which a store ignores): the first view was read above, and a store mounted during the
 * render must not send a request nobody waits for. Its own object per render, since stores are
 * cached per adapter and a server's must not outlive the page.
 */
function offline(adapter: KithAdapter): KithAdapter {
  // The same methods (so an optional one is there exactly when it is: the Q&A tab), none reading.
  const none = (api: object | undefined) =>
    api &&
    new Proxy(api, {
      get: (target, k) => {
        const value: unknown = Reflect.get(target, k);
        if (typeof value !== 'function') return value;
        return String(k).startsWith('subscribe') ? () => () => {} : aborted;
      },
    });
  return {
    id: adapter.id,
    capabilities: adapter.capabilities,
    signedIn: () => adapter.signedIn?.() ?? false,
    live: none(adapter.live),
    reviews: none(adapter.reviews),
    groupBuy: none(adapter.groupBuy),
    points: none(adapter.points),
    referrals: none(adapter.referrals),
  } as KithAdapter;
}

async function sha256(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return `'sha256-${btoa(String.fromCharCode(...digest))}'`;
}
