import * as React from 'react';
import { createComponent } from '@lit/react';
import { KithPoints } from '@kith/widgets/points';
import '@kith/widgets/points/define';
import { event } from './event.js';

/** `<kith-points>` for React: properties as props, events as camelCase props. */
export const Points = /* @__PURE__ */ createComponent({
  tagName: 'kith-points',
  elementClass: KithPoints,
  react: React,
  events: {
    onPointsCheckIn: event('kith-points-check-in'),
    onPointsRedeem: event('kith-points-redeem'),
    onError: event('kith-error'),
  },
});
