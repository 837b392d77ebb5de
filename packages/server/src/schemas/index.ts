// The API contract. Clients (such as @kith/adapter-rest) import these types with `import type`,
// so no validation library ships to the browser.
export * from './common.js';
export * from './live.js';
export * from './reviews.js';
export * from './questions.js';
export * from './group-buy.js';
export * from './points.js';
export * from './referrals.js';
export * from './keys.js';
