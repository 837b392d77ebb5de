// What the types refuse: type-checked with the app (`npm run typecheck`), never bundled (nothing
// imports it). Each line would compile if the types were loose, and tsc fails on an expect-error
// directive with no error under it: this file is the test that a wrong prop does not compile.
import { LiveBadge } from '@kith/react/live-badge';

export const refused = [
  // @ts-expect-error a property the element does not have
  <kith-live-badge produkt="p1" />,
  // @ts-expect-error a property of the wrong type
  <kith-rating product={42} />,
  // @ts-expect-error a theme that does not exist
  <kith-live-badge theme="sepia" />,
  // @ts-expect-error an event's detail has no such field
  <kith-live-badge onkith-live-open={(event) => event.detail.nope} />,
  // @ts-expect-error the wrapper's event detail is typed too
  <LiveBadge onLiveOpen={(event) => event.detail.nope} />,
];
