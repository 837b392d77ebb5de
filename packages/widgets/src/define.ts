// Registers every widget. Prefer `@kith/widgets/<name>/define` to ship only what a page uses.
export * from './live-badge/define.js';
export * from './rating/define.js';
export * from './reviews/define.js';
export * from './group-buy/define.js';
export * from './points/define.js';
export * from './points-earn/define.js';
export * from './share-button/define.js';
export * from './referral-offer/define.js';
