export { createRestAdapter, type RestAdapter, type RestAdapterOptions, type CustomerToken } from './rest-adapter.js';
export type { RetryOptions } from './backoff.js';
export type { HeldReads } from './http.js';
export type { EventSourceConstructor, EventSourceLike } from './stream.js';
