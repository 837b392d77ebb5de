export { KithReviews } from './reviews.js';
export type { ReviewFilters } from './list.js';
