export { KithRating } from './rating.js';
