import * as React from 'react';
import { createComponent } from '@lit/react';
import { KithPointsEarn } from '@kith/widgets/points-earn';
import '@kith/widgets/points-earn/define';
import { event } from './event.js';

/** `<kith-points-earn>` for React: properties as props, events as camelCase props. */
export const PointsEarn = /* @__PURE__ */ createComponent({
  tagName: 'kith-points-earn',
  elementClass: KithPointsEarn,
  react: React,
  events: {
    onError: event('kith-error'),
  },
});
