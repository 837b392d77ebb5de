import { isServer, type ReactiveController, type ReactiveElement } from 'lit';
import { $config } from '../config.js';
import { formatCompact, formatDateTime, formatMoney, formatNumber, formatRelative } from './format.js';
import { loadStrings, translate, type MessageValues, type StringTable } from './strings.js';
import type { Money } from '../types/models.js';

/** A BCP 47 tag Intl accepts (`en_US` becomes `en-US`), or `en`: a bad `lang` must not break rendering. */
export function validLocale(tag: string | null | undefined): string {
  try {
    return Intl.getCanonicalLocales(tag?.replace(/_/g, '-') || 'en')[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** Text direction for a locale, for hosts that don't set `dir` themselves. */
export const directionOf = (locale: string): 'rtl' | 'ltr' =>
  /^(ar|he|fa|ur|ps|yi|dv|ckb)(-|$)/i.test(locale) ? 'rtl' : 'ltr';

/**
 * Localises one widget: the locale comes from the host's own `lang` (or the nearest ancestor's),
 * then `configure({ locale })`, then `<html lang>`, then `en`. Re-renders the host when the
 * page-wide locale changes.
 */
export class I18nController implements ReactiveController {
  private unsubscribe?: () => void;

  constructor(
    private readonly host: ReactiveElement & { strings?: StringTable },
    private readonly scope: string,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.unsubscribe = $config.listen(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
  }

  // Before each render: fetch a lazily registered locale, showing the fallback language meanwhile.
  hostUpdate(): void {
    loadStrings(this.scope, this.locale)?.then(
      () => this.host.requestUpdate(),
      (e) => console.warn(`[kith] could not load ${this.locale} strings for ${this.scope}`, e),
    );
  }

  get locale(): string {
    // <html lang> is the page default, so it ranks below configure({ locale }).
    // The host's own `lang` is read as a property: during render its attribute may not be reflected yet.
    // Rendered on a server (Lit SSR) there is no page: the host's attribute, then configure().
    const page = isServer ? null : document.documentElement;
    const own = this.host.parentElement?.closest('[lang]');
    const tag =
      (isServer ? this.host.getAttribute('lang') : this.host.lang) ||
      (own !== page && own?.getAttribute('lang')) ||
      $config.get().locale ||
      page?.lang;
    return validLocale(tag);
  }

  t = (key: string, values?: MessageValues): string =>
    translate(this.scope, this.locale, key, values, this.host.strings ?? {});

  number = (n: number, o?: Intl.NumberFormatOptions) => formatNumber(this.locale, n, o);
  compact = (n: number) => formatCompact(this.locale, n);
  money = (m: Money) => formatMoney(this.locale, m);
  relative = (to: Date | number, now?: number) => formatRelative(this.locale, to, now);
  dateTime = (d: Date | number, o?: Intl.DateTimeFormatOptions) => formatDateTime(this.locale, d, o);
}
