import { createHash } from 'node:crypto';

export interface ReviewSettings {
  readonly autoPublish: 'none' | 'verified' | 'all';
  readonly minRatingAuto: number;
  readonly reportThreshold: number;
  /** Reviews, questions and answers per customer and per IP per hour. */
  readonly submissionsPerHour: number;
  /** Reviews with photos publish by the rules above; off (the default): a person looks at every photo first. */
  readonly mediaAutoPublish: boolean;
  /** Keywords shown as filter pills, each with how many published reviews mention it. */
  readonly topics: string[];
}

export const DEFAULT_SETTINGS: ReviewSettings = {
  autoPublish: 'verified',
  minRatingAuto: 1,
  reportThreshold: 3,
  submissionsPerHour: 5,
  mediaAutoPublish: false,
  topics: [],
};

// Links and contact details are how ads and off-platform deals get into reviews.
const CONTACT =
  /https?:\/\/|www\.|\b[\w.+-]+@[\w-]+\.[a-z]{2,}\b|\+?\d[\d\s().-]{7,}\d|微信|wechat|\bvx\b|whats\s*app|telegram|\bqq\s*[:：]?\s*\d{5,}/i;

/** Links or contact details: how ads and off-platform deals get in (reviews, Q&A, group-buy names). */
export const hasContactOrLink = (text: string): boolean => CONTACT.test(text);

/** Whitespace, case and punctuation folded, so a copy-pasted text matches itself. */
export const textHash = (text: string): string =>
  createHash('sha256')
    .update(text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, ''))
    .digest('hex');

/** Texts this long or longer count as copies when repeated; short ones ("Great!") repeat honestly. */
export const MIN_DUPLICATE_LENGTH = 20;

export interface ModerationInput {
  readonly settings: ReviewSettings;
  readonly verified: boolean;
  readonly rating: number;
  readonly text: string;
  /** The same text exists on another product or from another customer. */
  readonly duplicate: boolean;
  /** The review carries photos. */
  readonly media: boolean;
}

/**
 * Where a new review lands. Flags always hold it for a person to look at; otherwise the shop's
 * auto-publish rule decides. Rules depend on facts about the review, never on whether it praises.
 */
export function moderate(i: ModerationInput): { status: 'pending' | 'published'; flags: string[] } {
  const flags: string[] = [];
  if (CONTACT.test(i.text)) flags.push('contact_or_link');
  if (i.duplicate) flags.push('duplicate_text');
  // Photos can show what text filters can't read (faces, addresses, ads).
  if (i.media && !i.settings.mediaAutoPublish) flags.push('media');
  if (flags.length) return { status: 'pending', flags };
  const { autoPublish, minRatingAuto } = i.settings;
  const auto = autoPublish === 'all' || (autoPublish === 'verified' && i.verified);
  return { status: auto && i.rating >= minRatingAuto ? 'published' : 'pending', flags };
}

/** Questions and answers: links and contact details wait for a person, anything else is published. */
export function moderateText(text: string): { status: 'pending' | 'published'; flags: string[] } {
  return CONTACT.test(text) ? { status: 'pending', flags: ['contact_or_link'] } : { status: 'published', flags: [] };
}
