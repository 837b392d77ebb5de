export { KithPointsEarn } from './points-earn.js';
