import { expect } from '@open-wc/testing';
import type { FirstView, FirstViewAnswer } from './first-view.js';
import { firstViewReads } from './first-view-reads.js';
import { requestFirstView } from './first-view.js';

const ROOT = 'https://api.example.com/v1';
const ok = (body: unknown) => ({ status: 200, body });

/** The held reads as the REST adapter uses them: a read they answer, else the network. */
function heldOrNetwork(view: FirstView, base: typeof fetch) {
  const held = firstViewReads(view, ROOT);
  return async (input: string, init?: RequestInit) =>
    (await held(new URL(input), init?.signal ?? undefined)) ?? base(input, init);
}

/** A first view of `reads` answered with `answers`, and a network that records what reaches it. */
function setup(reads: string[], answers: FirstViewAnswer['answers'] | undefined, uses = reads.map(() => 1)) {
  const network: string[] = [];
  const base = async (input: RequestInfo | URL) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    network.push(url.pathname.replace('/v1/', '') + url.search);
    return new Response(JSON.stringify({ from: 'network' }), { headers: { 'content-type': 'application/json' } });
  };
  const now = Date.now();
  const view: FirstView = {
    reads,
    uses,
    answers: Promise.resolve(answers && { answers, sent: now - 100, received: now }),
  };
  const f = heldOrNetwork(view, base as typeof fetch);
  const get = async (path: string) => {
    const res = await f(`${ROOT}/${path}`);
    return { status: res.status, body: await res.json() };
  };
  return { get, network, f };
}

describe('firstViewReads', () => {
  it('answers each read of the first view from it as often as it is made, then from the network', async () => {
    const s = setup(['points/program', 'live/shows?product=p1'], [ok({ name: 'Rewards' }), ok({ show: null })], [2, 1]);
    // The key the adapter adds, and the query's order, do not matter.
    expect(await s.get('points/program?key=pk_1')).to.deep.equal(ok({ name: 'Rewards' }));
    expect(await s.get('points/program')).to.deep.equal(ok({ name: 'Rewards' }));
    expect(await s.get('live/shows?key=pk_1&product=p1')).to.deep.equal(ok({ show: null }));
    expect(s.network).to.deep.equal([]);
    expect((await s.get('points/program')).body).to.deep.equal({ from: 'network' });
    expect((await s.get('live/shows?product=p2')).body).to.deep.equal({ from: 'network' });
    expect(s.network).to.deep.equal(['points/program', 'live/shows?product=p2']);
  });

  it('keeps a refusal as the server gave it, for the client to map like any other', async () => {
    const s = setup(['live/shows/nope'], [{ status: 404, body: { error: { code: 'not_found', message: 'No' } } }]);
    expect(await s.get('live/shows/nope')).to.deep.equal({
      status: 404,
      body: { error: { code: 'not_found', message: 'No' } },
    });
  });

  it('holds summaries per product, for whatever batches the widgets make', async () => {
    const summary = (productId: string) => ({ productId, count: 3 });
    const s = setup(['reviews/summaries?products=p1,p2,p3'], [ok({ summaries: ['p1', 'p2', 'p3'].map(summary) })]);
    expect(await s.get('reviews/summaries?products=p3,p1')).to.deep.equal(
      ok({ summaries: [summary('p3'), summary('p1')] }),
    );
    // p2 is held, p9 is not: the batch goes to the network whole.
    expect((await s.get('reviews/summaries?products=p2,p9')).body).to.deep.equal({ from: 'network' });
    expect(await s.get('reviews/summaries?products=p2')).to.deep.equal(ok({ summaries: [summary('p2')] }));
    expect(s.network).to.deep.equal(['reviews/summaries?products=p2,p9']);
  });

  it('moves a held clock on by the time the answer waited', async () => {
    const serverTime = new Date(Date.now() - 100).toISOString();
    const s = setup(['products/p1/group-buy'], [ok({ serverTime, teams: [] })]);
    await new Promise((r) => setTimeout(r, 300));
    const { body } = await s.get('products/p1/group-buy');
    const moved = Date.parse(body.serverTime) - Date.parse(serverTime);
    expect(moved).to.be.within(300, 700);
  });

  it('leaves a read the first view refused, or that failed in a way a retry may mend, to the widget', async () => {
    const refusal = { error: { code: 'invalid_request', message: 'Not a first-view read' } };
    const busy = { error: { code: 'unavailable', message: 'Try again' } };
    const reads = ['products/a%2Fb/group-buy', 'points/program', 'live/shows/s1', 'live/shows/s2', 'live/shows/s3'];
    const s = setup(reads, [
      { status: 400, body: refusal },
      { status: 503, body: busy },
      { status: 500, body: busy },
      { status: 429, body: busy },
      { status: 404, body: { error: { code: 'not_found', message: 'No such show' } } },
    ]);
    for (const read of reads.slice(0, 4)) expect((await s.get(read)).body).to.deep.equal({ from: 'network' }, read);
    // A 404 is an answer: held like any other.
    expect((await s.get('live/shows/s3')).status).to.equal(404);
  });

  it('settles when its answer is slower than a read will wait for it', async () => {
    const started = Date.now();
    const held = firstViewReads({ reads: ['points/program'], uses: [1], answers: new Promise(() => {}) }, ROOT);
    await held.settled;
    expect(Date.now() - started).to.be.within(1900, 3000);
  });

  it('does not wait long for a slow first view, and its late answer serves nothing the widget already asked for', async () => {
    let arrive!: (a: FirstViewAnswer) => void;
    const network: string[] = [];
    const base = async (input: RequestInfo | URL) => {
      network.push(new URL(input instanceof Request ? input.url : String(input)).pathname);
      return new Response(JSON.stringify({ from: 'network' }));
    };
    const view: FirstView = { reads: ['points/program'], uses: [2], answers: new Promise((r) => (arrive = r)) };
    const f = heldOrNetwork(view, base as typeof fetch);
    const started = Date.now();
    expect(await (await f(`${ROOT}/points/program`)).json()).to.deep.equal({ from: 'network' });
    expect(Date.now() - started).to.be.within(1900, 3000);
    arrive({ answers: [ok({ name: 'Rewards' })], sent: started, received: Date.now() });
    await new Promise((r) => setTimeout(r, 0));
    expect(await (await f(`${ROOT}/points/program`)).json()).to.deep.equal({ from: 'network' });
    // A widget that goes away while waiting gets its abort, not an answer.
    const slow: FirstView = { reads: ['points/program'], uses: [1], answers: new Promise(() => {}) };
    const g = heldOrNetwork(slow, base as typeof fetch);
    const c = new AbortController();
    const pending = g(`${ROOT}/points/program`, { signal: c.signal });
    c.abort();
    let aborted = false;
    await pending.catch((e: unknown) => (aborted = (e as Error).name === 'AbortError'));
    expect(aborted).to.equal(true);
  });

  it('settles once every held read has been made, or at once without a first view', async () => {
    const now = Date.now();
    const answers = Promise.resolve({
      answers: [ok({ name: 'Rewards' }), ok({ show: null })],
      sent: now,
      received: now,
    });
    const held = firstViewReads({ reads: ['points/program', 'live/shows?product=p1'], uses: [1, 1], answers }, ROOT);
    let settled = false;
    void held.settled!.then(() => (settled = true));
    await held(new URL(`${ROOT}/points/program`));
    await new Promise((r) => setTimeout(r, 0));
    expect(settled).to.equal(false, 'one held read is still to be made');
    await held(new URL(`${ROOT}/live/shows?product=p1`));
    await new Promise((r) => setTimeout(r, 0));
    expect(settled).to.equal(true);
    const failed = firstViewReads({ reads: ['points/program'], uses: [1], answers: Promise.resolve(undefined) }, ROOT);
    await failed.settled;
  });

  it('hands each held answer over in a task of its own, so each widget renders in its own task', async () => {
    const now = Date.now();
    const answers = Promise.resolve({ answers: [ok({ a: 1 }), ok({ b: 2 })], sent: now, received: now });
    const held = firstViewReads({ reads: ['points/program', 'points/me'], uses: [1, 1], answers }, ROOT);
    let phase = '';
    let seenByB = '';
    await Promise.all([
      held(new URL(`${ROOT}/points/program`)).then(() => {
        phase = 'A';
        queueMicrotask(() => (phase = 'A and its microtasks'));
      }),
      held(new URL(`${ROOT}/points/me`)).then(() => (seenByB = phase)),
    ]);
    // In one task, B would run before A's microtask.
    expect(seenByB).to.equal('A and its microtasks');
  });

  it('sends every read to the network when the first view failed', async () => {
    const s = setup(['points/program'], undefined);
    expect((await s.get('points/program')).body).to.deep.equal({ from: 'network' });
    expect(s.network).to.deep.equal(['points/program']);
  });
});

describe('requestFirstView', () => {
  it('asks for each widget’s first reads, from its tag’s attributes, once each', async () => {
    const root = document.createElement('div');
    const tags: [string, Record<string, string>][] = [
      ['kith-live-badge', { product: 'p1' }],
      ['kith-live-badge', { show: 'show-2' }],
      ['kith-rating', { product: 'p2' }],
      ['kith-rating', { product: 'p1' }],
      ['kith-reviews', { product: 'p1' }],
      ['kith-group-buy', { product: 'p1', team: 't 1' }],
      ['kith-points', {}],
      ['kith-points-earn', { product: 'p1' }],
      ['kith-referral-offer', { code: 'LIN-8H3M' }],
      ['kith-share-button', { product: 'p1' }],
    ];
    for (const [tag, attrs] of tags) {
      const el = document.createElement(tag);
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      root.append(el);
    }
    document.body.append(root);
    try {
      // Port 9 refuses: the answer is undefined, and every read would go to the network.
      const signedIn = requestFirstView({
        adapter: 'rest',
        key: 'pk_1',
        endpoint: 'http://127.0.0.1:9/v1',
        customerToken: 't',
      })!;
      expect(signedIn.reads).to.deep.equal([
        'live/shows?product=p1',
        'live/shows/show-2',
        'products/p1/reviews?sort=newest&limit=20',
        'products/p1/group-buy',
        'teams/t%201',
        'points/program',
        'points/me',
        'referrals/LIN-8H3M',
        'reviews/summaries?products=p1,p2',
      ]);
      // Two kinds of points widget read the program once each.
      expect(signedIn.uses[signedIn.reads.indexOf('points/program')]).to.equal(2);
      expect(await signedIn.answers).to.equal(undefined);
      const signedOut = requestFirstView({ adapter: 'rest', key: 'pk_1', endpoint: 'http://127.0.0.1:9/v1' })!;
      expect(signedOut.reads).to.not.include('points/me');
      expect(requestFirstView({ adapter: 'rest', endpoint: 'http://127.0.0.1:9/v1' }), 'no key').to.equal(undefined);
      // A listing page's 120 ratings: summaries in reads the server takes (at most 1,000 characters each).
      for (let i = 0; i < 120; i++) {
        const el = document.createElement('kith-rating');
        el.setAttribute('product', `product-${1000 + i}`);
        root.append(el);
      }
      const listing = requestFirstView({ adapter: 'rest', key: 'pk_1', endpoint: 'http://127.0.0.1:9/v1' })!;
      const batches = listing.reads.filter((r) => r.startsWith('reviews/summaries?'));
      expect(batches.length).to.be.greaterThan(1);
      expect(Math.max(...batches.map((r) => r.length))).to.be.at.most(1000);
      expect(batches.flatMap((r) => r.slice(27).split(',')).length).to.equal(122);
    } finally {
      root.remove();
    }
  });
});
