import {
  HttpError, uuid,
  type ModerationStatus, type Page, type ReportReason, type Review, type ReviewInput, type ReviewQuery, type ReviewSort, type ReviewSummary,
  type UploadedMedia,
} from '@kith/core';
import { MEDIA_LIMITS } from '@kith/core/image';
import { keysetPage } from './cursor.js';
import { conflict, invalid, limitOf, notFound, text } from './errors.js';
import { checkImage, mediaUrl } from './media.js';
import { DEFAULT_REVIEW_SETTINGS, foldText, MIN_DUPLICATE_LENGTH, reviewStatus, type MemoryReviewSettings } from './moderation.js';
import type { MemoryCustomer, MemorySeed } from './seed.js';

interface StoredMedia extends UploadedMedia {
  readonly customerId: string;
  readonly revoke?: () => void;
  /** Set once a review uses it: a photo belongs to one review. */
  reviewId?: string;
}

const HOUR = 3_600_000;
const REASONS: readonly ReportReason[] = ['spam', 'offensive', 'off_topic', 'fake', 'other'];
const iso = (date: string) => new Date(date).toISOString();
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The sort's leading key (lower first); ties go newest first, then by id. */
const GROUP: Record<ReviewSort, (r: Review) => number> = {
  newest: () => 0,
  highest: (r) => -r.rating,
  lowest: (r) => r.rating,
  helpful: (r) => -r.helpfulCount,
  media: (r) => (r.media.length ? 0 : 1),
};

/** Case-insensitive substring of the title or the text: the `q` filter, and how topics count. */
const mentions = (r: Review, needle: string) => r.body.toLowerCase().includes(needle) || !!r.title?.toLowerCase().includes(needle);

export const settingsOf = (data: MemorySeed): MemoryReviewSettings => ({
  ...DEFAULT_REVIEW_SETTINGS, ...data.reviewSettings,
  topics: [...new Set((data.reviewSettings?.topics ?? []).map((t) => t.trim()).filter(Boolean))],
});

export const hasBought = (data: MemorySeed, customerId: string, productId: string): boolean =>
  (data.orders ?? []).some((o) => o.customerId === customerId && o.productIds.includes(productId));

export interface ReviewHooks {
  /** A review by a known customer became published (at submit or by a moderator). */
  readonly onPublished?: (review: Review, customerId: string) => void;
}

/** Reviews, their photos and votes, with the server's rules. Callers clone what they return. */
export function createReviews(data: MemorySeed, now: () => number, hooks: ReviewHooks = {}) {
  const settings = settingsOf(data);
  const media = new Map<string, StoredMedia>(); // in upload order
  const written = new Map<string, { customerId: string; productId: string; at: number }>(); // by review id
  const votes = new Set<string>();
  const reports = new Map<string, Set<string>>();
  const folded = new Map<string, string>(); // review id → folded text, for the copy check

  const at = (id: string) => {
    const i = data.reviews.findIndex((r) => r.id === id);
    if (i < 0) throw notFound(`Review ${id}`);
    return i;
  };
  const update = (i: number, patch: Partial<Review>) => (data.reviews[i] = { ...data.reviews[i]!, ...patch });
  const foldOf = (r: Review) => folded.get(r.id) ?? folded.set(r.id, foldText(r.body)).get(r.id)!;

  function summary(productId: string): ReviewSummary {
    const published = data.reviews.filter((r) => r.productId === productId && r.status === 'published');
    const histogram: [number, number, number, number, number] = [0, 0, 0, 0, 0];
    for (const r of published) histogram[r.rating - 1]!++;
    const sum = published.reduce((s, r) => s + r.rating, 0);
    const answered = published.filter((r) => r.recommend !== undefined);
    return {
      productId, count: published.length, histogram, average: published.length ? Math.round((sum / published.length) * 10) / 10 : 0,
      recommendPercent: answered.length ? Math.round((answered.filter((r) => r.recommend).length / answered.length) * 100) : null,
      withMediaCount: published.filter((r) => r.media.length > 0).length,
      topics: settings.topics
        .map((label) => ({ label, count: published.filter((r) => mentions(r, label.toLowerCase())).length }))
        .filter((t) => t.count > 0)
        .sort((a, b) => b.count - a.count || byCodeUnit(a.label, b.label)),
    };
  }

  function list(q: ReviewQuery): Page<Review> {
    const limit = limitOf(q.limit, 20);
    const group = GROUP[q.sort ?? 'newest'];
    if (!group) throw invalid('query.sort', `One of ${Object.keys(GROUP).join(', ')}`);
    const needle = q.q?.trim().toLowerCase();
    if (needle && needle.length > 100) throw invalid('query.q', 'At most 100 characters');
    const items = data.reviews.filter((r) => r.productId === q.productId && r.status === 'published'
      && (!q.rating || r.rating === q.rating) && (!q.withMedia || r.media.length > 0)
      && (q.verified === undefined || r.author.verifiedBuyer === q.verified)
      && (!needle || mentions(r, needle)));
    return keysetPage(items, (r) => [group(r), iso(r.createdAt), r.id], q.cursor, limit);
  }

  function submit(customer: MemoryCustomer, input: ReviewInput): Review {
    const { productId, rating, recommend } = input;
    if (!Number.isInteger(rating) || rating < 1 || rating > 5) throw invalid('json.rating', 'Must be a whole number from 1 to 5');
    const body = text(input.body, 'json.body', 10, 5000);
    const title = input.title === undefined ? '' : text(input.title, 'json.title', 0, 120);
    const displayName = text(input.displayName, 'json.displayName', 1, 60);
    if (input.consent !== true) throw invalid('json.consent', 'The customer must agree to publish the review');
    const mediaIds = input.mediaIds ?? [];
    if (mediaIds.length > MEDIA_LIMITS.maxPerReview) throw invalid('json.mediaIds', `At most ${MEDIA_LIMITS.maxPerReview} photos`);

    const t = now();
    const mine = [...written.values()].filter((w) => w.customerId === customer.id);
    if (mine.filter((w) => w.at > t - HOUR).length >= settings.submissionsPerHour) {
      throw new HttpError(429, 'review_rate_limited', 'Too many reviews from this customer; try again later');
    }
    if (mine.some((w) => w.productId === productId)) throw conflict('already_reviewed', 'This customer has already reviewed this product');
    const photos = mediaIds.map((id) => media.get(id));
    if (new Set(mediaIds).size !== mediaIds.length || photos.some((m) => !m || m.customerId !== customer.id || m.reviewId)) {
      throw new HttpError(422, 'invalid_media', 'Each photo must be one you uploaded and not yet used in a review');
    }
    const uploaded = [...media.values()];
    const attached = (photos as StoredMedia[]).sort((a, b) => uploaded.indexOf(a) - uploaded.indexOf(b));

    const verified = hasBought(data, customer.id, productId);
    const fold = foldText(body);
    // The same text on another product or from another customer is how brushing looks.
    const duplicate = body.length >= MIN_DUPLICATE_LENGTH
      && data.reviews.some((r) => foldOf(r) === fold && (r.productId !== productId || written.get(r.id)?.customerId !== customer.id));
    const status = reviewStatus(settings, { text: `${title} ${body}`.trim(), verified, rating, hasMedia: attached.length > 0, duplicate });

    const review: Review = {
      id: uuid(), productId, rating, ...(title ? { title } : {}), body, ...(recommend !== undefined ? { recommend } : {}),
      author: { displayName, verifiedBuyer: verified },
      media: attached.map((m) => ({ id: m.id, kind: 'image' as const, url: m.url, width: m.width, height: m.height })),
      createdAt: new Date(t).toISOString(), status, helpfulCount: 0,
    };
    for (const m of attached) m.reviewId = review.id;
    written.set(review.id, { customerId: customer.id, productId, at: t });
    data.reviews.push(review);
    if (status === 'published') hooks.onPublished?.(review, customer.id);
    return review;
  }

  /** One vote per customer; voting again is a no-op. Only published reviews take votes. */
  function markHelpful(customer: MemoryCustomer, id: string) {
    const i = data.reviews.findIndex((r) => r.id === id && r.status === 'published');
    if (i < 0) throw notFound(`Review ${id}`);
    const vote = `${customer.id}\n${id}`;
    if (!votes.has(vote)) {
      votes.add(vote);
      update(i, { helpfulCount: data.reviews[i]!.helpfulCount + 1 });
    }
    return { helpfulCount: data.reviews[i]!.helpfulCount };
  }

  /** Reports from distinct customers; at the shop's threshold a published review goes back to pending. */
  function report(customer: MemoryCustomer, id: string, reason: ReportReason): void {
    if (!REASONS.includes(reason)) throw invalid('json.reason', `One of ${REASONS.join(', ')}`);
    const i = at(id);
    const by = reports.get(id) ?? new Set();
    reports.set(id, by.add(customer.id));
    if (by.size >= settings.reportThreshold && data.reviews[i]!.status === 'published') update(i, { status: 'pending' });
  }

  async function upload(customer: MemoryCustomer, file: Blob): Promise<UploadedMedia> {
    const image = await checkImage(file);
    const { url, revoke } = mediaUrl(image.bytes, image.contentType);
    const stored: StoredMedia = {
      id: uuid(), url, contentType: image.contentType, width: image.width, height: image.height, bytes: image.bytes.length,
      customerId: customer.id, ...(revoke ? { revoke } : {}),
    };
    media.set(stored.id, stored);
    const { customerId: _c, revoke: _r, reviewId: _v, ...uploaded } = stored;
    return uploaded;
  }

  return {
    summary, list, submit, markHelpful, report, upload,
    setStatus(id: string, status: ModerationStatus): Review {
      const review = update(at(id), { status });
      const author = written.get(id)?.customerId;
      if (status === 'published' && author) hooks.onPublished?.(review, author);
      return review;
    },
    add(reviews: readonly Review[]) {
      const ids = new Set(data.reviews.map((r) => r.id));
      for (const r of reviews) {
        if (ids.has(r.id)) throw conflict('already_exists', `Review ${r.id} already exists`);
        ids.add(r.id);
      }
      for (const r of structuredClone(reviews)) data.reviews.push(r);
    },
    /** Frees the photos' object URLs. */
    dispose() {
      for (const m of media.values()) m.revoke?.();
    },
  };
}
