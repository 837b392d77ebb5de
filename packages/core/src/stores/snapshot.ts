// Server rendering's hand-over: what a widget was rendered with on the server, so its stores start
// from the same data in the browser and hydration renders what the HTML already shows (no request,
// no loading state, no shift). `renderWidget` (@kith/widgets/ssr) writes one
// `<script type="application/json" data-kith-snapshot>` per widget, which `@kith/widgets/hydrate`
// reads (`readSnapshots`, kept out of the runtime); each entry serves one store.

/** One widget's first reads, by store: review summaries by product, first review pages by query. */
export interface KithSnapshot {
  readonly [kind: string]: Readonly<Record<string, unknown>>;
}

const held = new Map<string, { value: unknown; uses: number }>();

/** Holds a snapshot's entries, each for one more store (`readSnapshots` in the browser, `withSnapshot` on the server). */
export function holdSnapshot(snapshot: KithSnapshot): void {
  for (const [kind, entries] of Object.entries(snapshot))
    for (const [key, value] of Object.entries(entries ?? {})) {
      const id = `${kind} ${key}`;
      held.set(id, { value, uses: (held.get(id)?.uses ?? 0) + 1 });
    }
}

/**
 * The value a server-rendered widget's store starts from, taken once (a page with two widgets of
 * the same product holds it twice); undefined on a page that was not server-rendered.
 */
export function takeSnapshot<T>(kind: string, key: string): T | undefined {
  const id = `${kind} ${key}`;
  const entry = held.get(id);
  if (entry && --entry.uses < 1) held.delete(id);
  return entry?.value as T | undefined;
}

/**
 * Runs a synchronous render with `snapshot` held (on the server), and drops what it left: nothing
 * is kept between renders, so one request's data never reaches another's.
 */
export function withSnapshot<T>(snapshot: KithSnapshot, render: () => T): T {
  held.clear();
  holdSnapshot(snapshot);
  try {
    return render();
  } finally {
    held.clear();
  }
}

/** The key of a review page's query in a snapshot: the product and every filter set, in a stable order. */
export const queryKey = (query: Readonly<Record<string, unknown>>): string =>
  Object.keys(query)
    .filter((k) => query[k] !== undefined && k !== 'cursor')
    .sort()
    .map((k) => `${k}=${String(query[k])}`)
    .join('&');
