import { createHash } from 'node:crypto';

export interface ReviewSettings {
  readonly autoPublish: 'none' | 'verified' | 'all';
  readonly minRatingAuto: number;
  readonly reportThreshold: number;
  readonly submissionsPerHour: number;
}

export const DEFAULT_SETTINGS: ReviewSettings = { autoPublish: 'verified', minRatingAuto: 1, reportThreshold: 3, submissionsPerHour: 5 };

// Links and contact details are how ads and off-platform deals get into reviews.
const CONTACT = /https?:\/\/|www\.|\b[\w.+-]+@[\w-]+\.[a-z]{2,}\b|\+?\d[\d\s().-]{7,}\d|微信|wechat|\bvx\b|whats\s*app|telegram|\bqq\s*[:：]?\s*\d{5,}/i;

/** Whitespace, case and punctuation folded, so a copy-pasted text matches itself. */
export const textHash = (text: string): string =>
  createHash('sha256').update(text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '')).digest('hex');

/** Texts this long or longer count as copies when repeated; short ones ("Great!") repeat honestly. */
export const MIN_DUPLICATE_LENGTH = 20;

export interface ModerationInput {
  readonly settings: ReviewSettings;
  readonly verified: boolean;
  readonly rating: number;
  readonly text: string;
  /** The same text exists on another product or from another customer. */
  readonly duplicate: boolean;
}

/**
 * Where a new review lands. Flags always hold it for a person to look at; otherwise the shop's
 * auto-publish rule decides. Rules depend on facts about the review, never on whether it praises.
 */
export function moderate(i: ModerationInput): { status: 'pending' | 'published'; flags: string[] } {
  const flags: string[] = [];
  if (CONTACT.test(i.text)) flags.push('contact_or_link');
  if (i.duplicate) flags.push('duplicate_text');
  if (flags.length) return { status: 'pending', flags };
  const { autoPublish, minRatingAuto } = i.settings;
  const auto = autoPublish === 'all' || (autoPublish === 'verified' && i.verified);
  return { status: auto && i.rating >= minRatingAuto ? 'published' : 'pending', flags };
}
