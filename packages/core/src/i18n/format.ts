import type { Money } from '../types/models.js';

// Intl constructors are slow; one cached instance per locale and option set.
const cache = new Map<string, unknown>();
function cached<T>(key: string, make: () => T): T {
  let v = cache.get(key) as T | undefined;
  if (v === undefined) cache.set(key, (v = make()));
  return v;
}

export const formatNumber = (locale: string, n: number, options: Intl.NumberFormatOptions = {}): string =>
  cached(`n|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options)).format(n);

/** `1.2K`, `1.2万`: for viewer counts and other big tallies. */
export const formatCompact = (locale: string, n: number): string =>
  formatNumber(locale, n, { notation: 'compact', maximumFractionDigits: 1 });

export function formatMoney(locale: string, money: Money): string {
  const f = cached(
    `c|${locale}|${money.currency}`,
    () => new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency }),
  );
  const digits = f.resolvedOptions().maximumFractionDigits ?? 2;
  return f.format(money.minor / 10 ** digits);
}

export const pluralCategory = (locale: string, n: number): Intl.LDMLPluralRule =>
  cached(`p|${locale}`, () => new Intl.PluralRules(locale)).select(n);

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 31_536_000],
  ['month', 2_592_000],
  ['week', 604_800],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
];

/**
 * `in 2 hr.`, `5 min. ago`, `2小时后`: the largest unit that fits, rounded, so a countdown reads naturally.
 * Seconds show only under a minute.
 */
export function formatRelative(locale: string, target: Date | number, now = Date.now()): string {
  const diff = Math.round(((typeof target === 'number' ? target : target.getTime()) - now) / 1000);
  const abs = Math.abs(diff);
  const [unit, secs] = UNITS.find(([, s]) => abs >= s) ?? UNITS[UNITS.length - 1]!;
  const rtf = cached(`r|${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' }));
  // Rounded, so 1 h 59 min reads "in 2 hr." as people say it.
  return rtf.format(Math.round(diff / secs), unit);
}

export const formatDateTime = (
  locale: string,
  d: Date | number,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' },
): string => cached(`d|${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options)).format(d);
