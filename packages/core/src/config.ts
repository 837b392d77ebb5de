import type { KithAdapter } from './adapter.js';
import type { AnalyticsSink } from './analytics/bus.js';
import { kithGlobal, type Consent, type KithConfig } from './global.js';

export type { Consent, KithConfig } from './global.js';

/** Page-wide configuration. Read it in components through a controller, not with `.get()` in render. */
export const $config = kithGlobal.config;
/** Nothing leaves the page and nothing is stored until this grants it. */
export const $consent = kithGlobal.consent;

export type ConsentInput = 'granted' | 'denied' | Partial<Consent>;

export interface ConfigureOptions {
  adapter?: KithAdapter;
  locale?: string;
  currency?: string;
  shop?: string;
  /** The host's sign-in page, linked by every action that needs a signed-in shopper. */
  signInUrl?: string;
  consent?: ConsentInput;
  analytics?: AnalyticsSink | readonly AnalyticsSink[];
}

function toConsent(input: ConsentInput): Consent {
  if (input === 'granted') return { analytics: true, storage: true };
  if (input === 'denied') return { analytics: false, storage: false };
  return { ...$consent.get(), ...input };
}

/** Sets page-wide options; keys left out keep their value. Call it again at any time. */
export function configure(options: ConfigureOptions): void {
  const { consent, analytics, ...rest } = options;
  const next: { -readonly [K in keyof KithConfig]: KithConfig[K] } = { ...$config.get() };
  for (const [k, v] of Object.entries(rest)) if (v !== undefined) (next as Record<string, unknown>)[k] = v;
  if (analytics) next.analytics = Array.isArray(analytics) ? analytics : [analytics as AnalyticsSink];
  $config.set(next);
  if (consent !== undefined) setConsent(consent);
}

export function setConsent(input: ConsentInput): void {
  $consent.set(toConsent(input));
}

/**
 * The documented consent signal for consent managers that can't call into our code:
 * `document.dispatchEvent(new CustomEvent('kith-consent', { detail: 'granted' }))`
 * (or `detail: { analytics: true, storage: false }`). Installed once per page.
 */
export function listenForConsentEvents(target: EventTarget = globalThis.document): void {
  if (!target || kithGlobal.consentListener) return;
  kithGlobal.consentListener = true;
  target.addEventListener('kith-consent', (e) => {
    const detail = (e as CustomEvent<ConsentInput>).detail;
    if (detail === 'granted' || detail === 'denied' || (typeof detail === 'object' && detail)) setConsent(detail);
  });
}

/**
 * Maps the loader's `<script data-*>` attributes to options: `data-locale`, `data-currency`,
 * `data-shop`, `data-sign-in-url`, `data-consent="granted|denied"`. The loader handles `data-adapter` and
 * `data-analytics` itself because they load code.
 */
export function configFromDataset(data: DOMStringMap): ConfigureOptions {
  const options: ConfigureOptions = {};
  if (data.locale) options.locale = data.locale;
  if (data.currency) options.currency = data.currency.toUpperCase();
  if (data.shop) options.shop = data.shop;
  if (data.signInUrl) options.signInUrl = data.signInUrl;
  if (data.consent === 'granted' || data.consent === 'denied') options.consent = data.consent;
  return options;
}
