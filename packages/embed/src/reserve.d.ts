/**
 * The boxes widgets reserve before their code arrives, built by rollup's kith-reserve-css plugin from
 * each widget's own `:host` rule (see rollup.config.mjs).
 */
declare module 'kith:reserve' {
  /** A `<tag>:not(:defined)` rule for every widget the loader knows; the referral banner's is hidden. */
  export const reserve: string;
  /** The referral banner's box, reserved on a visit through a referral link. */
  export const referral: string;
}
