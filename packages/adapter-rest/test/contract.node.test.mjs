// The shared adapter contract, against the mock API over real HTTP and SSE.
import { describe, it } from 'node:test';
import { EventSource } from 'eventsource';
import { runAdapterContract } from '@kith/core/testing';
import { createRestAdapter } from '@kith/adapter-rest';
import { PK, startMockApi } from './mock-api.mjs';

runAdapterContract('rest (mock server)', async () => {
  const api = await startMockApi();
  const adapter = createRestAdapter({ baseUrl: api.baseUrl, publishableKey: PK, EventSource });
  return {
    adapter,
    // Live, and points signed out: the mock API has no review or group-buy endpoints and no
    // customers (group-buy and points requests are in group-buy.node.test.mjs and
    // points.node.test.mjs; the whole contract runs against @kith/server in packages/server).
    fixtures: { scheduledShowId: 'show-1', productWithShow: 'p1', productWithoutShow: 'p-none' },
    control: {
      startShow: async (id) => api.startShow(id, 10),
      setViewers: async (id, n) => api.setViewers(id, n),
      endShow: async (id) => api.endShow(id),
    },
    teardown: () => api.close(),
  };
}, { describe, it });
