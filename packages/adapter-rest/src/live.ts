import type { LiveApi, LiveShow } from '@kith/core';
import type { HttpClient } from '@kith/core/http';
import { SHOW_EVENT, type FindShowResponse } from './api-types.js';
import { shareByKey } from './shared.js';
import { subscribeSse, type SseOptions } from './stream.js';

/** What the live domain needs from the adapter. */
export interface LiveContext {
  readonly http: HttpClient;
  /** Absolute-or-relative URL of a stream path, with the publishable key in the query. */
  readonly streamUrl: (path: string) => string;
  /** Stream settings shared by every subscription (EventSource is looked up per subscription). */
  readonly stream: () => Pick<SseOptions<unknown>, 'EventSource' | 'retry' | 'pollInterval' | 'pauseWhenHidden'>;
}

const STATUSES = new Set(['scheduled', 'live', 'ended']);

/** Enough of a check that a broken message can't reach a widget as a show (the server validates the rest). */
const asShow = (data: unknown, id: string): LiveShow | undefined => {
  const s = data as Partial<LiveShow> | null;
  return typeof s === 'object' && s !== null && s.id === id && typeof s.title === 'string' && STATUSES.has(s.status as string)
    && typeof s.startsAt === 'string' && Array.isArray(s.productIds)
    ? (s as LiveShow)
    : undefined;
};

const showPath = (id: string) => `live/shows/${encodeURIComponent(id)}`;

export function createLiveApi({ http, streamUrl, stream }: LiveContext): LiveApi {
  const getShow: LiveApi['getShow'] = (id, o) => http.get<LiveShow>(showPath(id), { signal: o?.signal });

  // One stream per show id, however many badges show it.
  const subscribe = shareByKey<LiveShow>((id, sink) =>
    subscribeSse<LiveShow>(streamUrl(`${showPath(id)}/events`), {
      ...stream(),
      event: SHOW_EVENT,
      parse: (data) => asShow(data, id),
      fetchCurrent: (signal) => getShow(id, { signal }),
      onValue: sink.next,
      onError: sink.error,
    }),
  );

  return {
    getShow,
    findShow: async ({ productId }, o) => {
      const res = await http.get<FindShowResponse>('live/shows', { signal: o?.signal, searchParams: { product: productId } });
      return res?.show ?? null;
    },
    subscribeShow: (id, onShow, o) => subscribe(id, onShow, o?.onError),
  };
}
