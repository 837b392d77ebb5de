import type { Review } from '@kith/core';
import recorded from '../recorded/demo.js';
import { artPhoto } from './art.js';
import { iso, MINUTE } from './served.js';

// For the bench and Storybook: `seed.reviews = manyReviews('p1', 10_000)`, with a written summary. Review i
// retells the demo's text 7i mod 16 (each once in any 16 in a row, so 10,000 have 625 times the demo's ratings)
// with one of 5 openers and 3 closers, or says its title in one line.
const OPENERS = ['For my commute.', 'A gift for my sister.', 'I use it daily for work.', 'My second one.', ''];
const CLOSERS = { good: ['Would buy again.', 'Recommended.', ''], bad: ['Returning it.', 'Not buying again.', ''] };
const REPLY = 'We are sorry to hear this. Reply to your order confirmation and we will send a replacement or refund.';
const INCENTIVE = 'I received a discount code for writing an honest review.';
const at = <T>(list: readonly T[], k: number) => list[k % list.length]!;
const TEXTS = recorded.reviews.map((r) => [r.rating, r.title ?? '', r.body] as const);
const NAMES = ['Lin', 'Ana', 'Wei', 'Sam', 'Mei', 'Jo', 'Chen', 'Ravi', 'Yu', 'Kim'];
const COLOURS = ['#c9a27e', '#2f4a6d', '#8fa98a', '#7a5c3e'];

/** `n` reviews of `productId`, newest first, 90 minutes apart before `now`; review i is the same for all `n`. */
export function manyReviews(productId: string, n: number, now = Date.now()): Review[] {
  return Array.from({ length: n }, (_, i): Review => {
    const [rating, title, text] = at(TEXTS, i * 7);
    const closer = rating > 3 ? at(CLOSERS.good, i) : rating < 3 ? at(CLOSERS.bad, i) : '';
    const told = i % 5 === 1 && title ? [`${title}!`] : [at(OPENERS, i * 3), text, closer];
    const incentivized = i % 16 === 7;
    const name = `${at(NAMES, i * 3)} ${String.fromCharCode(65 + ((i * 11) % 26))}.`;
    const createdAt = now - (i + 1) * 90 * MINUTE;
    const photos = i % 5 === 3 ? (['tote', 'inside', 'strap'] as const).slice(0, 1 + (i % 3)) : [];
    const reply = { body: REPLY, createdAt: iso(createdAt + 30 * MINUTE) };
    return {
      id: `${productId}-r${i + 1}`,
      productId,
      rating,
      ...(i % 3 && title ? { title } : {}),
      body: [...told, incentivized ? INCENTIVE : ''].filter(Boolean).join(' '),
      author: { displayName: name, verifiedBuyer: i % 6 !== 5 },
      media: photos.map((kind, m) => artPhoto(`${productId}-m${i + 1}-${m + 1}`, kind, at(COLOURS, i))),
      createdAt: iso(createdAt),
      status: 'published',
      helpfulCount: (i * 13) % 29,
      recommend: rating > 3,
      ...(incentivized ? { incentivized } : {}),
      ...(rating < 3 && i % 2 === 0 ? { reply } : {}),
    };
  });
}
