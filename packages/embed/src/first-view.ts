/**
 * The first view of a page in one request, sent by the loader beside the widgets' code: every
 * widget's first reads (what its stores ask for when it connects), answered by
 * `GET <endpoint>/embed/first-view`. The REST adapter then takes each read from the answer once
 * (`firstViewReads`, loaded with the setup chunk); a widget added later reads on its own.
 */
export interface FirstView {
  /** The reads, as paths under the API root with their query (`points/program`). */
  readonly reads: readonly string[];
  /** How many times each read is made at first view (two widget kinds read the points program each). */
  readonly uses: readonly number[];
  /** Their answers in the same order, with when the request left and its answer arrived; undefined if it failed. */
  readonly answers: Promise<FirstViewAnswer | undefined>;
}
export interface FirstViewAnswer {
  readonly answers: readonly { readonly status: number; readonly body: unknown }[];
  readonly sent: number;
  readonly received: number;
}

// The widgets' first reads, from their tags' attributes. Kept in step with the widgets by the
// browser test that counts one data request for a page with every widget (first-view.e2e).
function readsOf(root: ParentNode, signedIn: boolean, landed: string | undefined): Map<string, number> {
  const reads = new Map<string, number>();
  const add = (read: string, uses = 1) => reads.set(read, Math.max(uses, reads.get(read) ?? 0));
  const products = new Set<string>();
  const kinds = new Set<string>();
  const e = encodeURIComponent;
  for (const el of root.querySelectorAll('[product],[show],[team],kith-points,kith-points-earn,kith-referral-offer')) {
    const product = el.getAttribute('product');
    const tag = el.localName;
    if (tag === 'kith-live-badge') {
      const show = el.getAttribute('show');
      if (show) add(`live/shows/${e(show)}`);
      else if (product) add(`live/shows?product=${e(product)}`);
    } else if (tag === 'kith-reviews' || tag === 'kith-rating') {
      if (product) products.add(product);
      if (product && tag === 'kith-reviews') add(`products/${e(product)}/reviews?sort=newest&limit=20`);
    } else if (tag === 'kith-group-buy') {
      const team = el.getAttribute('team');
      if (product) add(`products/${e(product)}/group-buy`);
      if (team) add(`teams/${e(team)}`);
    } else if (tag === 'kith-points' || tag === 'kith-points-earn') {
      // Each of the two widgets reads the program once per page, however many of it there are.
      kinds.add(tag);
      add('points/program', kinds.size);
      if (signedIn && tag === 'kith-points') add('points/me');
    } else if (tag === 'kith-referral-offer') {
      const code = el.getAttribute('code') ?? landed;
      if (code) add(`referrals/${e(code)}`);
    }
  }
  // Summaries in reads of at most 1,000 characters (a listing page's many ratings), held per product either way.
  const batch: string[] = [];
  const summaries = (ids: string[]) => `reviews/summaries?products=${ids.join(',')}`;
  for (const id of [...products].sort().map(e)) {
    if (batch.length && summaries([...batch, id]).length > 1000) add(summaries(batch.splice(0)));
    batch.push(id);
  }
  if (batch.length) add(summaries(batch));
  return new Map([...reads].slice(0, 16));
}

/** Sends the page's first view (REST only: `data-endpoint`, `data-key`, `data-customer-token`); undefined when no widget reads. */
export function requestFirstView(data: DOMStringMap, landed?: string): FirstView | undefined {
  const asked = readsOf(document, !!data.customerToken, landed);
  const reads = [...asked.keys()];
  if (!reads.length || !data.key) return undefined;
  const url = new URL(`${new URL(data.endpoint ?? '/v1', document.baseURI).href.replace(/\/+$/, '')}/embed/first-view`);
  url.searchParams.set('key', data.key);
  for (const r of reads) url.searchParams.append('r', r);
  const sent = Date.now();
  // The customer token is a header, as on every read of the adapter: never in a URL a log or cache keeps.
  const headers: Record<string, string> = data.customerToken ? { 'X-Kith-Customer': data.customerToken } : {};
  const answers = fetch(url, { headers, signal: AbortSignal.timeout?.(10_000) })
    .then((res) => (res.ok ? res.json() : undefined))
    .then((body: { answers?: FirstViewAnswer['answers'] } | undefined) =>
      body?.answers?.length === reads.length ? { answers: body.answers, sent, received: Date.now() } : undefined,
    )
    .catch(() => undefined);
  return { reads, uses: [...asked.values()], answers };
}
