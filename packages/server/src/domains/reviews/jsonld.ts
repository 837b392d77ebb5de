import type { Db } from '../../db.js';
import type { Links } from '../media/links.js';
import { listReviews, summaries } from './storage.js';

export interface JsonLdProduct {
  readonly name?: string;
  readonly url?: string;
  readonly image?: string;
  readonly sku?: string;
}

/** How many reviews the markup carries: enough for rich results, small enough to paste. */
export const JSONLD_REVIEWS = 10;

/**
 * schema.org `Product` markup with the published rating and the newest reviews, for search
 * engines' rich results. Without published reviews it has neither `aggregateRating` nor `review`:
 * an empty rating is invalid markup.
 */
export async function productJsonLd(
  db: Db,
  shopId: string,
  productId: string,
  product: JsonLdProduct,
  links: Links,
): Promise<Record<string, unknown>> {
  const [[summary], page] = await Promise.all([
    summaries(db, shopId, [productId]),
    listReviews(db, shopId, productId, { sort: 'newest', limit: JSONLD_REVIEWS }, links),
  ]);
  const rating = (value: number) => ({ '@type': 'Rating', ratingValue: value, bestRating: 5, worstRating: 1 });
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.name ?? productId,
    ...(product.sku ? { sku: product.sku } : {}),
    ...(product.url ? { url: product.url } : {}),
    ...(product.image ? { image: product.image } : {}),
    ...(summary!.count
      ? {
          aggregateRating: {
            '@type': 'AggregateRating',
            ratingValue: summary!.average,
            reviewCount: summary!.count,
            bestRating: 5,
            worstRating: 1,
          },
          review: page.items.map((r) => ({
            '@type': 'Review',
            author: { '@type': 'Person', name: r.author.displayName },
            datePublished: r.createdAt.slice(0, 10),
            name: r.title ?? headline(r.body),
            reviewBody: r.body,
            reviewRating: rating(r.rating),
          })),
        }
      : {}),
  };
}

/** A review without a title is named by its opening words. */
function headline(body: string): string {
  const text = body.replace(/\s+/g, ' ').trim();
  if (text.length <= 60) return text;
  const cut = text.slice(0, 60);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 30 ? cut.lastIndexOf(' ') : 60)}…`;
}

/**
 * JSON that is safe inside `<script type="application/ld+json">`: `<`, `>` and `&` are escaped so
 * review text can't close the script or open a comment, and U+2028/U+2029 so older JavaScript
 * parsers don't break on them. Still valid JSON that parses to the same value.
 */
export const scriptSafeJson = (value: unknown): string =>
  JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
