// Kith's elements in React's JSX, typed from the widgets' manifest: props, and `onkith-…` events.
import type {} from '@kith/widgets/react';
