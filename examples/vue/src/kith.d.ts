// Kith's elements in Vue's GlobalComponents, typed from the widgets' manifest: props and events.
import type {} from '@kith/widgets/vue';
