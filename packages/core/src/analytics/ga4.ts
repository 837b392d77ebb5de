import type { AnalyticsEnvelope, AnalyticsSink } from './bus.js';

export interface Ga4SinkOptions {
  /** Defaults to `window.dataLayer`, created if missing. */
  readonly dataLayer?: unknown[];
  /** Prefix for GA4 event names; GA4 allows letters, digits and underscores. */
  readonly prefix?: string;
}

/**
 * Maps envelopes to GA4 `dataLayer` pushes (`kith_widget_click` with flat, snake_case parameters),
 * which Google Tag Manager forwards as GA4 events.
 */
export function ga4Sink(options: Ga4SinkOptions = {}): AnalyticsSink {
  const prefix = options.prefix ?? 'kith_';
  return (e: AnalyticsEnvelope) => {
    const w = globalThis as { dataLayer?: unknown[] };
    const layer = options.dataLayer ?? (w.dataLayer ??= []);
    const params: Record<string, unknown> = {
      event: `${prefix}${e.name}`.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 40),
      kith_schema: e.schema,
      kith_widget: e.widget,
      kith_instance_id: e.instanceId,
      kith_session_id: e.sessionId,
    };
    if (e.shop) params.kith_shop = e.shop;
    if (e.product) params.item_id = e.product;
    if (e.campaign) params.campaign_id = e.campaign;
    for (const [k, v] of Object.entries(e.props ?? {})) params[k.replace(/[^A-Za-z0-9_]/g, '_')] = v;
    layer.push(params);
  };
}
