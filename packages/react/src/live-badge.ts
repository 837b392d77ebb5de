import * as React from 'react';
import { createComponent } from '@lit/react';
import { KithLiveBadge } from '@kith/widgets/live-badge';
import '@kith/widgets/live-badge/define';
import { event } from './event.js';

/** `<kith-live-badge>` for React: properties as props, events as camelCase props. */
export const LiveBadge = /* @__PURE__ */ createComponent({
  tagName: 'kith-live-badge',
  elementClass: KithLiveBadge,
  react: React,
  events: {
    onLiveOpen: event('kith-live-open'),
    onError: event('kith-error'),
  },
});
