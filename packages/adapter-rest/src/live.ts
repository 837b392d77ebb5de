import type { LiveApi, LiveShow } from '@kith/core';
import type { Http } from './http.js';
import { SHOW_EVENT, type FindShowResponse } from './api-types.js';
import { shareByKey, type SharedSubscribe } from './shared.js';
import type { SseOptions } from './stream.js';

/** What the domains with live updates (shows, teams) need from the adapter. */
export interface LiveContext {
  readonly http: Http;
  /** Absolute-or-relative URL of a stream path, with the publishable key in the query. */
  readonly streamUrl: (path: string) => string;
  /** Streams open once this settles: the held first view's (see `HeldReads.settled`). */
  readonly opened?: Promise<unknown>;
  /** Stream settings shared by every subscription (EventSource is looked up per subscription). */
  readonly stream: () => Pick<SseOptions<unknown>, 'EventSource' | 'retry' | 'pollInterval' | 'pauseWhenHidden'>;
}

/**
 * One stream per id of the whole object at `<path(id)>/events` (a show, a team), however many
 * widgets show it: `parse` drops malformed messages, `fetch` serves polling and explains failures.
 */
export function snapshotStreams<T>(
  { streamUrl, stream, opened }: LiveContext,
  event: string,
  path: (id: string) => string,
  parse: (data: unknown, id: string) => T | undefined,
  fetch: (id: string, signal: AbortSignal) => Promise<T>,
): SharedSubscribe<T> {
  return shareByKey<T>((id, sink) => {
    let close: (() => void) | undefined;
    let closed = false;
    // The stream's code (reconnects, backoff, polling, hidden tabs) loads with the first
    // subscription, and after a held first view: a widget has its data before it listens for
    // changes, and the stream's first message brings it up to date.
    Promise.resolve(opened)
      .then(() => import('./stream.js'))
      .then(({ subscribeSse }) => {
        if (closed) return;
        close = subscribeSse<T>(streamUrl(`${path(id)}/events`), {
          ...stream(),
          event,
          parse: (data) => parse(data, id),
          fetchCurrent: (signal) => fetch(id, signal),
          onValue: sink.next,
          onError: sink.error,
        });
      }, sink.error);
    return () => {
      closed = true;
      close?.();
    };
  });
}

const STATUSES = new Set(['scheduled', 'live', 'ended']);

/** Enough of a check that a broken message can't reach a widget as a show (the server validates the rest). */
const asShow = (data: unknown, id: string): LiveShow | undefined => {
  const s = data as Partial<LiveShow> | null;
  return typeof s === 'object' &&
    s !== null &&
    s.id === id &&
    typeof s.title === 'string' &&
    STATUSES.has(s.status as string) &&
    typeof s.startsAt === 'string' &&
    Array.isArray(s.productIds)
    ? (s as LiveShow)
    : undefined;
};

const showPath = (id: string) => `live/shows/${encodeURIComponent(id)}`;

export function createLiveApi(ctx: LiveContext): LiveApi {
  const { http } = ctx;
  const getShow: LiveApi['getShow'] = (id, o) => http.get<LiveShow>(showPath(id), { signal: o?.signal });
  const subscribe = snapshotStreams(ctx, SHOW_EVENT, showPath, asShow, (id, signal) => getShow(id, { signal }));

  return {
    getShow,
    findShow: async ({ productId }, o) => {
      const res = await http.get<FindShowResponse>('live/shows', {
        signal: o?.signal,
        searchParams: { product: productId },
      });
      return res?.show ?? null;
    },
    subscribeShow: (id, onShow, o) => subscribe(id, onShow, o?.onError),
  };
}
