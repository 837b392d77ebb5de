import * as React from 'react';
import { createComponent } from '@lit/react';
import { KithShareButton } from '@kith/widgets/share-button';
import '@kith/widgets/share-button/define';
import { event } from './event.js';

/** `<kith-share-button>` for React: properties as props, events as camelCase props. */
export const ShareButton = /* @__PURE__ */ createComponent({
  tagName: 'kith-share-button',
  elementClass: KithShareButton,
  react: React,
  events: {
    onShare: event('kith-share'),
  },
});
