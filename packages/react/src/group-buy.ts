import * as React from 'react';
import { createComponent } from '@lit/react';
import { KithGroupBuy } from '@kith/widgets/group-buy';
import '@kith/widgets/group-buy/define';
import { event } from './event.js';

/** `<kith-group-buy>` for React: properties as props, events as camelCase props. */
export const GroupBuy = /* @__PURE__ */ createComponent({
  tagName: 'kith-group-buy',
  elementClass: KithGroupBuy,
  react: React,
  events: {
    onGroupJoin: event('kith-group-join'),
    onGroupLeave: event('kith-group-leave'),
    onError: event('kith-error'),
  },
});
