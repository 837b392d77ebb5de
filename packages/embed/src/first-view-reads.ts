import type { HeldReads } from '@kith/adapter-rest';
import type { FirstView } from './first-view.js';

/** How long a held answer may serve reads: as long as a shared cache may keep a public read (max-age). */
const FRESH = 10_000;
/** How long a widget's read waits for the first view before it asks the server itself. */
const WAIT = 2000;
/** After the answer, how long the adapter waits for every held read to be made before it loads what it deferred. */
const SETTLE = 3000;

/**
 * A task of its own for each held answer: they all arrive at once, and each widget renders what it
 * reads in the task that hands it over, so one task for all would be one long task.
 */
const nextTask = (): Promise<unknown> =>
  (globalThis as { scheduler?: { yield?: () => Promise<unknown> } }).scheduler?.yield?.() ??
  new Promise((resolve) => setTimeout(resolve, 0));

/** A read's identity whatever the order of its query or the key in it: path, then sorted parameters. */
function canonical(url: URL): string {
  const params = [...url.searchParams].filter(([k]) => k !== 'key').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${url.pathname}?${new URLSearchParams(params)}`;
}

type Held = {
  byRead: Map<string, { status: number; body: unknown; uses: number }>;
  byProduct: Map<string, unknown>;
  /** The middle of the first view's round trip: when, on this page's clock, the server read its own. */
  mid: number;
  received: number;
};

/**
 * The REST adapter's held reads: each read of the first view is answered from its answer, as many
 * times as the first view makes it (`uses`), without loading the HTTP client. Everything else is
 * left to the network (`undefined`): a later read of
 * the same thing (a retry, a revalidation), a read the first view refused or did not ask for, every
 * read once the answer is older than a public read may be kept (`FRESH`), and a read that waited
 * `WAIT` for an answer still on its way. Review summaries are held per product, since widgets batch
 * them in whatever groups they mount in. `settled` resolves once every held read has been made (or
 * `SETTLE` after the answer, `WAIT` after the start while there is no answer, at once when it
 * failed): the adapter then loads its HTTP client and opens its streams, which would otherwise
 * take bandwidth and connections from the widgets' code.
 */
export function firstViewReads(view: FirstView, root: string): HeldReads {
  let settle!: () => void;
  const settled = new Promise<void>((resolve) => (settle = resolve));
  // An answer slower than a read will wait for: the reads go to the server, and so may the rest.
  const slow = setTimeout(settle, WAIT);
  const drained = (h: Held) => !h.byRead.size && !h.byProduct.size && (settle(), true);
  const at = (read: string) => canonical(new URL(read, `${root.replace(/\/+$/, '')}/`));
  const asked = new Set(view.reads.map(at));
  const summaries = new Set(view.reads.filter((r) => r.startsWith('reviews/summaries?')).map(at));
  const held: Promise<Held> = view.answers.then((a) => {
    const h: Held = { byRead: new Map(), byProduct: new Map(), mid: 0, received: a?.received ?? 0 };
    clearTimeout(slow);
    if (!a) return (settle(), h);
    view.reads.forEach((read, i) => {
      const answer = a.answers[i]!;
      const list = (answer.body as { summaries?: { productId: string }[] } | null)?.summaries;
      // A read the first view refused (400) is the widget's to make, and one that failed in a way a
      // retry may mend (408, 429, 5xx) is the widget's to retry.
      if (answer.status === 400 || answer.status === 408 || answer.status === 429 || answer.status >= 500) return;
      if (summaries.has(at(read)) && answer.status === 200 && list)
        for (const s of list) h.byProduct.set(s.productId, s);
      else h.byRead.set(at(read), { ...answer, uses: view.uses[i] ?? 1 });
    });
    h.mid = (a.sent + a.received) / 2;
    if (!drained(h)) setTimeout(settle, SETTLE);
    return h;
  });
  // A held `serverTime` is moved as if the server had read its clock in the middle of this call, as
  // widgets assume when they set their countdowns from it.
  const respond = (body: unknown, status: number, h: Held, called: number) => {
    const b = body as { serverTime?: string } | null;
    const time = b?.serverTime && Date.parse(b.serverTime) + (called + Date.now()) / 2 - h.mid;
    const json = JSON.stringify(time ? { ...b, serverTime: new Date(time).toISOString() } : body);
    return new Response(status === 204 ? null : json, { status, headers: { 'content-type': 'application/json' } });
  };
  const waitFor = (signal?: AbortSignal) =>
    new Promise<Held | undefined>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const t = setTimeout(resolve, WAIT);
      signal?.addEventListener('abort', () => (clearTimeout(t), reject(signal.reason)), { once: true });
      held.then((h) => (clearTimeout(t), resolve(h)));
    });
  const reads = async (url: URL, signal?: AbortSignal) => {
    const called = Date.now();
    const read = canonical(url);
    if (asked.has(read) || url.pathname.endsWith('/reviews/summaries')) {
      const ids = url.searchParams.get('products')?.split(',') ?? [];
      const h = await waitFor(signal);
      // Asked of the server after all: an answer arriving later must not serve this read again.
      if (!h)
        void held.then((late) => {
          late.byRead.delete(read);
          for (const id of ids) late.byProduct.delete(id);
          drained(late);
        });
      if (h && Date.now() - h.received > FRESH) {
        h.byRead.clear();
        h.byProduct.clear();
        drained(h);
      }
      const answer = h?.byRead.get(read);
      if (h && answer) {
        if (--answer.uses < 1) h.byRead.delete(read);
        drained(h);
        await nextTask();
        return respond(answer.body, answer.status, h, called);
      }
      if (h && ids.length && url.pathname.endsWith('/reviews/summaries') && ids.every((id) => h.byProduct.has(id))) {
        const list = ids.map((id) => h.byProduct.get(id));
        ids.forEach((id) => h.byProduct.delete(id));
        drained(h);
        await nextTask();
        return respond({ summaries: list }, 200, h, called);
      }
    }
    return undefined;
  };
  return Object.assign(reads, { settled });
}
