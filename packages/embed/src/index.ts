// For bundlers: the same on-demand loading the script tag does, under your control.
export { autoload, type WidgetLoaders } from './autoloader.js';
export { WIDGETS } from './widgets.js';
export { setup } from './setup.js';
export type { FirstView, FirstViewAnswer } from './first-view.js';
