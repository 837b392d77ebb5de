import * as React from 'react';
import { createComponent } from '@lit/react';
import { KithRating } from '@kith/widgets/rating';
import '@kith/widgets/rating/define';
import { event } from './event.js';

/** `<kith-rating>` for React: properties as props, events as camelCase props. */
export const Rating = /* @__PURE__ */ createComponent({
  tagName: 'kith-rating',
  elementClass: KithRating,
  react: React,
  events: {
    onError: event('kith-error'),
  },
});
