// The API contract. Clients (such as @kith/adapter-rest) import these types with `import type`,
// so no validation library ships to the browser.
export * from './common.js';
export * from '../domains/live/schemas.js';
export * from '../domains/reviews/schemas.js';
export * from '../domains/questions/schemas.js';
export * from '../domains/group-buy/schemas.js';
export * from '../domains/points/schemas.js';
export * from '../domains/referrals/schemas.js';
export * from '../domains/orders/schemas.js';
export * from '../domains/webhooks/schemas.js';
export * from '../domains/shops/schemas.js';
