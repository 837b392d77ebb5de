import type { FirstView } from './first-view.js';

/** How long a held answer may serve reads: as long as a shared cache may keep a public read (max-age). */
const FRESH = 10_000;

/** A read's identity whatever the order of its query or the key in it: path, then sorted parameters. */
function canonical(url: URL): string {
  const params = [...url.searchParams].filter(([k]) => k !== 'key').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${url.pathname}?${new URLSearchParams(params)}`;
}

/**
 * A fetch for the REST adapter that answers each read of the first view from its answer, as many
 * times as the first view makes it (`uses`); a later read of the same thing (a retry, a
 * revalidation) goes to the network, and so does every read once the answer is older than a public
 * read may be kept (`FRESH`). Review
 * summaries are held per product, since widgets batch them in whatever groups they mount in. A read
 * the first view did not ask for, or one it failed, goes to the network at once.
 */
export function firstViewFetch(view: FirstView, root: string, base: typeof fetch = fetch): typeof fetch {
  const at = (read: string) => canonical(new URL(read, `${root.replace(/\/+$/, '')}/`));
  const asked = new Set(view.reads.map(at));
  const summaries = new Set(view.reads.filter((r) => r.startsWith('reviews/summaries?')).map(at));
  const held = view.answers.then((a) => {
    const byRead = new Map<string, { status: number; body: unknown; uses: number }>();
    const byProduct = new Map<string, unknown>();
    if (!a) return { byRead, byProduct, shift: 0, received: 0 };
    view.reads.forEach((read, i) => {
      const answer = a.answers[i]!;
      const summaryList = (answer.body as { summaries?: { productId: string }[] } | null)?.summaries;
      if (summaries.has(at(read)) && answer.status === 200 && summaryList)
        for (const s of summaryList) byProduct.set(s.productId, s);
      else byRead.set(at(read), { ...answer, uses: view.uses[i] ?? 1 });
    });
    // A held answer's clock (`serverTime`) moves on by the time it waited, from the middle of its round trip.
    return { byRead, byProduct, shift: (a.sent + a.received) / 2, received: a.received };
  });
  const respond = (body: unknown, status: number, shift: number) => {
    const b = body as { serverTime?: string } | null;
    const time = b?.serverTime && Date.parse(b.serverTime) + Date.now() - shift;
    const json = JSON.stringify(time ? { ...b, serverTime: new Date(time).toISOString() } : body);
    return new Response(status === 204 ? null : json, { status, headers: { 'content-type': 'application/json' } });
  };
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const read = canonical(url);
    if (request.method === 'GET' && (asked.has(read) || url.pathname.endsWith('/reviews/summaries'))) {
      const { byRead, byProduct, shift, received } = await held;
      if (Date.now() - received > FRESH) {
        byRead.clear();
        byProduct.clear();
      }
      const answer = byRead.get(read);
      if (answer) {
        if (--answer.uses < 1) byRead.delete(read);
        return respond(answer.body, answer.status, shift);
      }
      const ids = url.searchParams.get('products')?.split(',') ?? [];
      if (ids.length && url.pathname.endsWith('/reviews/summaries') && ids.every((id) => byProduct.has(id))) {
        const list = ids.map((id) => byProduct.get(id));
        ids.forEach((id) => byProduct.delete(id));
        return respond({ summaries: list }, 200, shift);
      }
    }
    return base(request);
  };
}
