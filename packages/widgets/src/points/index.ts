export { KithPoints } from './points.js';
export { PointsController, type PointsStatus } from './controller.js';
