import type { ModerationStatus } from '@kith/core';

/** The shop's review rules, as the server keeps them in `review_settings`. */
export interface MemoryReviewSettings {
  /** Which new reviews publish without a moderator: none, verified buyers' (default) or all. */
  readonly autoPublish: 'none' | 'verified' | 'all';
  /** Auto-publish only from this rating up (1: any rating). */
  readonly minRatingAuto: number;
  /** Reports from this many distinct customers send a published review back to pending. */
  readonly reportThreshold: number;
  /** Publish reviews with photos by the rule above instead of always holding them (default off). */
  readonly mediaAutoPublish: boolean;
  /** Reviews one customer may write per hour (429 `review_rate_limited` past it). */
  readonly submissionsPerHour: number;
  /** Topic keywords counted in the summary (`topics`), matched like the `q` filter. */
  readonly topics: readonly string[];
}

export const DEFAULT_REVIEW_SETTINGS: MemoryReviewSettings = {
  autoPublish: 'verified', minRatingAuto: 1, reportThreshold: 3, mediaAutoPublish: false, submissionsPerHour: 5, topics: [],
};

// Mirrors CONTACT in packages/server/src/domains/reviews/moderation.ts (links and contact details, how ads and
// off-platform deals get into reviews): change both together.
export const CONTACT = /https?:\/\/|www\.|\b[\w.+-]+@[\w-]+\.[a-z]{2,}\b|\+?\d[\d\s().-]{7,}\d|微信|wechat|\bvx\b|whats\s*app|telegram|\bqq\s*[:：]?\s*\d{5,}/i;

/** Texts this long or longer count as copies when repeated (the server's rule); short ones repeat honestly. */
export const MIN_DUPLICATE_LENGTH = 20;

/** Case, whitespace and punctuation folded away, so a copy-pasted text matches itself (as on the server). */
export const foldText = (text: string): string => text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');

export interface ReviewFacts {
  readonly text: string;
  readonly verified: boolean;
  readonly rating: number;
  readonly hasMedia: boolean;
  /** The same text exists on another product or from another customer (how brushing looks). */
  readonly duplicate: boolean;
}

/**
 * Where a new review lands, by the server's rules: links, contact details and copied text wait for
 * a person; so do photos unless `mediaAutoPublish`; otherwise the shop's auto-publish rule decides.
 */
export function reviewStatus(s: MemoryReviewSettings, f: ReviewFacts): ModerationStatus {
  if (CONTACT.test(f.text) || f.duplicate) return 'pending';
  if (f.hasMedia && !s.mediaAutoPublish) return 'pending';
  const auto = s.autoPublish === 'all' || (s.autoPublish === 'verified' && f.verified);
  return auto && f.rating >= s.minRatingAuto ? 'published' : 'pending';
}

/** Questions and answers: links and contact details wait for a person, the rest publishes. */
export const postStatus = (text: string): ModerationStatus => (CONTACT.test(text) ? 'pending' : 'published');
