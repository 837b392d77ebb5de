/**
 * Tag → loader. Each import is its own chunk, so a page with one badge downloads only the badge.
 * Later widgets add a line here.
 */
export const WIDGETS: Readonly<Record<string, () => Promise<unknown>>> = {
  'kith-live-badge': () => import('@kith/widgets/live-badge/define'),
  'kith-rating': () => import('@kith/widgets/rating/define'),
  'kith-reviews': () => import('@kith/widgets/reviews/define'),
  'kith-group-buy': () => import('@kith/widgets/group-buy/define'),
  'kith-points': () => import('@kith/widgets/points/define'),
  'kith-points-earn': () => import('@kith/widgets/points-earn/define'),
  'kith-share-button': () => import('@kith/widgets/share-button/define'),
  'kith-referral-offer': () => import('@kith/widgets/referral-offer/define'),
};
