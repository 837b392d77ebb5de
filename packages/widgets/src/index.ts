// Side-effect free: import a widget's `define` entry (or `@kith/widgets/define`) to register tags.
export { KithLiveBadge } from './live-badge/index.js';
