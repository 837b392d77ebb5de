import * as React from 'react';
import { createComponent } from '@lit/react';
import { KithReferralOffer } from '@kith/widgets/referral-offer';
import '@kith/widgets/referral-offer/define';
import { event } from './event.js';

/** `<kith-referral-offer>` for React: properties as props, events as camelCase props. */
export const ReferralOffer = /* @__PURE__ */ createComponent({
  tagName: 'kith-referral-offer',
  elementClass: KithReferralOffer,
  react: React,
  events: {
    onError: event('kith-error'),
  },
});
