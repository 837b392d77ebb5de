export { createMemoryAdapter, type MemoryAdapter, type MemoryAdapterOptions, type MemoryControl, type FailureMode, type ScenarioStep } from './memory-adapter.js';
export { playLiveScenario, type LiveScenarioOptions } from './scenarios.js';
export { demoSeed, type MemorySeed } from './seed.js';
