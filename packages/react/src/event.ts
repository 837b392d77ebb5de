import type { EventName } from '@lit/react';
import type { KithEventMap } from '@kith/core';

/** A `kith-*` event typed by its `KithEventMap` entry, for `createComponent`'s `events`. */
export const event = <Name extends keyof KithEventMap>(name: Name) => name as EventName<KithEventMap[Name]>;
