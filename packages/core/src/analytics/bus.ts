import { $config, $consent } from '../config.js';
import { kithGlobal } from '../global.js';

/** Bumped on any incompatible change to the envelope. */
export const ANALYTICS_SCHEMA = 1;

export type AnalyticsValue = string | number | boolean;

/** One versioned envelope for every widget and event. No names, emails, phone numbers or UGC text. */
export interface AnalyticsEnvelope {
  readonly schema: typeof ANALYTICS_SCHEMA;
  /** `widget_impression`, `widget_click`, `widget_error`, or a domain event such as `live_badge_click`. */
  readonly name: string;
  /** Tag name without the prefix: `live-badge`. */
  readonly widget: string;
  readonly instanceId: string;
  readonly shop?: string;
  readonly product?: string;
  readonly campaign?: string;
  readonly sessionId: string;
  /** Milliseconds since the epoch. */
  readonly timestamp: number;
  readonly props?: Readonly<Record<string, AnalyticsValue>>;
}

export type AnalyticsSink = (event: AnalyticsEnvelope) => void;

export type AnalyticsInput = Pick<AnalyticsEnvelope, 'name' | 'widget' | 'instanceId'> &
  Partial<Pick<AnalyticsEnvelope, 'product' | 'campaign' | 'props'>>;

/**
 * Sends an event to the configured sinks, and to nobody until the host grants analytics consent:
 * events before consent are dropped, not queued, so nothing from that time can leave later.
 * A failing sink is isolated from the others and from the widget.
 */
export function track(input: AnalyticsInput): AnalyticsEnvelope | undefined {
  if (!$consent.get().analytics) return undefined;
  const { analytics = [], shop } = $config.get();
  const event: AnalyticsEnvelope = {
    schema: ANALYTICS_SCHEMA,
    sessionId: kithGlobal.sessionId,
    timestamp: Date.now(),
    ...(shop ? { shop } : {}),
    ...input,
  };
  for (const sink of analytics) {
    try {
      sink(event);
    } catch (e) {
      console.warn('[kith] analytics sink failed', e);
    }
  }
  return event;
}
