import * as React from 'react';
import { createComponent } from '@lit/react';
import { KithReviews } from '@kith/widgets/reviews';
import '@kith/widgets/reviews/define';
import { event } from './event.js';

/** `<kith-reviews>` for React: properties as props, events as camelCase props. */
export const Reviews = /* @__PURE__ */ createComponent({
  tagName: 'kith-reviews',
  elementClass: KithReviews,
  react: React,
  events: {
    onReviewSubmitted: event('kith-review-submitted'),
    onQuestionAsked: event('kith-question-asked'),
    onAnswerPosted: event('kith-answer-posted'),
    onError: event('kith-error'),
  },
});
