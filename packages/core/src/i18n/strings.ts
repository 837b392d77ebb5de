import { pluralCategory } from './format.js';

/** Messages use `{name}` placeholders; plural forms are separate keys: `viewers.one`, `viewers.other`. */
export type StringTable = Readonly<Record<string, string>>;

/**
 * A widget's messages for the error codes it explains, one per code under `P` (`problem.team_full`).
 * Each locale's table `satisfies` it, so a code without a message in some language fails the type
 * check.
 */
export type ErrorStrings<C extends string, P extends string = 'error.'> = { readonly [K in C as `${P}${K}`]: string };

/** Loads a locale's table on first use, so a page pays only for the languages it shows. */
export type StringLoader = () => Promise<{ default: StringTable }>;

const tables = new Map<string, Map<string, StringTable>>();
const loaders = new Map<string, StringLoader>();
const loading = new Map<string, Promise<void>>();

/**
 * Registers one widget's strings for one locale, or a loader for them; later registrations add to
 * or override earlier ones.
 */
export function registerStrings(scope: string, locale: string, table: StringTable | StringLoader): void {
  if (typeof table === 'function') {
    loaders.set(`${scope}|${locale.toLowerCase()}`, table);
    return;
  }
  let byLocale = tables.get(scope);
  if (!byLocale) tables.set(scope, (byLocale = new Map()));
  byLocale.set(locale.toLowerCase(), { ...byLocale.get(locale.toLowerCase()), ...table });
}

/** `zh-Hant-TW` → `zh-hant-tw`, `zh-hant`, `zh`, `zh-tw`, then `en`. Bare `zh` means Simplified. */
export function localeChain(locale: string): string[] {
  const parts = locale.toLowerCase().split('-');
  const chain = parts.map((_, i) => parts.slice(0, parts.length - i).join('-'));
  if (parts[0] === 'zh') chain.push(/-(hant|tw|hk|mo)\b/.test(locale.toLowerCase()) ? 'zh-tw' : 'zh-cn');
  if (!chain.includes('en')) chain.push('en');
  return chain;
}

/**
 * Starts loading the lazily registered tables that `locale` needs; resolves when they are in.
 * Returns undefined when nothing is missing, so callers know not to re-render.
 */
export function loadStrings(scope: string, locale: string): Promise<void> | undefined {
  const jobs = localeChain(locale).flatMap((l) => {
    const key = `${scope}|${l}`;
    const loader = loaders.get(key);
    if (!loader) return loading.get(key) ?? [];
    loaders.delete(key);
    const job = loader()
      .then((m) => registerStrings(scope, l, m.default))
      .finally(() => loading.delete(key));
    loading.set(key, job);
    return [job];
  });
  return jobs.length ? Promise.all(jobs).then(() => undefined) : undefined;
}

export type MessageValues = Readonly<Record<string, string | number>>;

/**
 * Looks a key up through the overrides, then the locale chain; picks the plural form from
 * `values.count`. An unknown key returns the key itself, so a gap is visible rather than blank.
 */
export function translate(
  scope: string,
  locale: string,
  key: string,
  values: MessageValues = {},
  overrides: StringTable = {},
): string {
  const count = values.count;
  const keys = typeof count === 'number' ? [`${key}.${pluralCategory(locale, count)}`, `${key}.other`, key] : [key];
  const sources = [overrides, ...localeChain(locale).map((l) => tables.get(scope)?.get(l) ?? {})];
  let msg: string | undefined;
  for (const src of sources) {
    for (const k of keys) if ((msg = src[k]) !== undefined) break;
    if (msg !== undefined) break;
  }
  return (msg ?? key).replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
}
