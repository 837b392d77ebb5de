export { createMemoryAdapter, type MemoryAdapter, type MemoryAdapterOptions, type MemoryControl, type FailureMode, type ScenarioStep } from './memory-adapter.js';
export { playLiveScenario, type LiveScenarioOptions } from './scenarios.js';
export { demoSeed, type MemoryCustomer, type MemoryOrder, type MemorySeed } from './seed.js';
export { DEFAULT_REVIEW_SETTINGS, type MemoryReviewSettings } from './moderation.js';
export { manyReviews } from './many-reviews.js';
