export { KithGroupBuy } from './group-buy.js';
export { GroupBuyController, type GroupBuyAction, type GroupBuyStatus } from './controller.js';
