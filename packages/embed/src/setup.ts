import {
  $config,
  configure,
  configFromDataset,
  listenForConsentEvents,
  setConsent,
  type ConsentInput,
  type KithAdapter,
} from '@kith/core';
import type { FirstView } from './first-view.js';
import { firstViewReads } from './first-view-reads.js';

/**
 * Applies the loader's `data-*` configuration. Loaded lazily by the loader, so a page with no
 * widget never downloads the runtime.
 *
 * - `data-adapter="rest"` with `data-endpoint` (the API root, default `/v1` on this page's origin)
 *   and `data-key` (the shop's publishable key): talks to `@kith/server` or an API of its shape;
 *   `data-customer-token` (minted by the shop's server for the signed-in customer) enables writes
 * - `data-adapter="memory"` (demo data; `data-scenario="live"` plays show-1 scheduled → live → ended
 *   in a loop, `data-scenario-timing="8000,30000,15000"` sets each phase in ms,
 *   `data-memory-failure="always"` or a rate like `0.3` simulates outages, `data-memory-latency="300"`)
 * - `data-locale`, `data-currency`, `data-shop`, `data-sign-in-url`, `data-consent="granted"`
 * - `data-analytics="ga4"` pushes events to `window.dataLayer` once consent is granted.
 */
export async function setup(
  data: DOMStringMap,
  earlyConsent?: unknown,
  base: string = document.baseURI,
  /** The loader's first-view request: the REST adapter answers those reads from it. */
  firstView?: FirstView,
): Promise<void> {
  listenForConsentEvents();
  const options = configFromDataset(data);
  // Added to any sinks the page configured itself, never replacing them.
  const analytics =
    data.analytics === 'ga4'
      ? [...($config.get().analytics ?? []), (await import('@kith/core/analytics/ga4')).ga4Sink()]
      : undefined;
  configure({ ...options, ...(analytics ? { analytics } : {}) });
  if (earlyConsent) setConsent(earlyConsent as ConsentInput);
  const adapter = await createAdapter(data, base, firstView);
  if (adapter) configure({ adapter });
}

async function createAdapter(
  data: DOMStringMap,
  base: string,
  firstView?: FirstView,
): Promise<KithAdapter | undefined> {
  if (data.adapter === 'rest') {
    if (!data.key) {
      console.warn('[kith] data-adapter="rest" needs data-key (the publishable key, pk_…); widgets stay empty.');
      return undefined;
    }
    const { createRestAdapter } = await import('@kith/adapter-rest');
    const baseUrl = new URL(data.endpoint ?? '/v1', base).href;
    return createRestAdapter({
      baseUrl,
      ...(firstView ? { held: firstViewReads(firstView, baseUrl) } : {}),
      publishableKey: data.key,
      ...(data.customerToken ? { customerToken: data.customerToken } : {}),
    });
  }
  if (data.adapter !== 'memory') {
    if (data.adapter)
      console.warn(
        `[kith] Unknown data-adapter "${data.adapter}"; widgets stay empty until configure({ adapter }) is called.`,
      );
    return undefined;
  }
  const { createMemoryAdapter, playLiveScenario } = await import('@kith/adapter-memory');
  const failure = data.memoryFailure;
  const rate = Number(failure);
  if (failure && failure !== 'always' && !(rate >= 0 && rate <= 1))
    console.warn(`[kith] data-memory-failure="${failure}" is neither "always" nor a rate from 0 to 1; ignored.`);
  const adapter = createMemoryAdapter({
    latency: data.memoryLatency ? Number(data.memoryLatency) : 150,
    failure: failure === 'always' ? 'always' : rate >= 0 && rate <= 1 ? rate : 'none',
    customer: { id: 'demo-customer', displayName: 'You' },
  });
  if (data.scenario === 'live') {
    // `data-scenario-timing="scheduled,live,ended"` in ms, to speed the demo up.
    const [scheduledFor, liveFor, endedFor] = (data.scenarioTiming ?? '')
      .split(',')
      .map(Number)
      .map((n) => (n > 0 ? n : undefined));
    playLiveScenario(adapter, 'show-1', { loop: true, scheduledFor, liveFor, endedFor });
  }
  return adapter;
}
