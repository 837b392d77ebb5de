export { KithLiveBadge } from './live-badge.js';
