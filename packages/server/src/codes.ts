import { randomInt } from 'node:crypto';

/** Letters and digits that can't be mistaken for each other (no I, L, O, 0, 1): codes people read aloud and type. */
const UNAMBIGUOUS = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** `length` random characters of that alphabet (coupon codes, referral codes). */
export const codeChars = (length: number): string =>
  Array.from({ length }, () => UNAMBIGUOUS[randomInt(UNAMBIGUOUS.length)]).join('');
