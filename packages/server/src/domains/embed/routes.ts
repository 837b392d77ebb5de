import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../../env.js';
import { badRequest, errorBody } from '../../errors.js';
import { docUrl } from '../../middleware/request-id.js';
import { newRouter, routes } from '../../router.js';
import { errorResponses } from '../../schemas/common.js';

/** At most this many reads in one first view: every widget of a busy product page, with room. */
export const FIRST_VIEW_MAX = 16;

const FirstViewQuery = z.object({
  r: z.union([z.string(), z.array(z.string())]).openapi({
    description:
      'A public read, as its path and query under `/v1/` without the key (`live/shows?product=p1`, `products/p1/reviews?limit=5`); repeat for each read, at most 16. Only shows, reviews and their summaries, questions, group buys and teams, the points program and account, and referral offers; anything else (streams, photos, admin reads) is refused in its part.',
  }),
});
const Answer = z.object({
  status: z.number().int().openapi({ description: 'What that read alone would answer: 200, 404…' }),
  body: z.unknown().openapi({ description: 'Its JSON body (an `{ error }` for a refusal)' }),
});
const FirstViewResponse = z.object({ answers: z.array(Answer).openapi({ description: 'In the order asked' }) });

/** The public JSON reads widgets make at first view (the shopper's points with their token); nothing else. */
const READS =
  /^\/v1\/(live\/shows(\/[^/]+)?|products\/[^/]+\/(reviews(\/summary)?|questions|group-buy)|reviews\/summaries|teams\/[^/]+|points\/(program|me)|referrals\/(?!me$)[^/]+)$/;

/** A read as a path and query under /v1/, or undefined when it is not one of `READS` once parsed. */
function readPath(r: string): string | undefined {
  // Control characters and spaces are dropped by the URL parser: refuse them rather than parse around them.
  // eslint-disable-next-line no-control-regex -- matching them is the point
  if (r.length > 2048 || !/^[a-z]/.test(r) || /[\x00-\x20\x7f\\#]/.test(r)) return undefined;
  const url = new URL(r, 'http://kith.invalid/v1/');
  const ok = url.origin === 'http://kith.invalid' && READS.test(url.pathname) && !url.searchParams.has('key');
  return ok ? url.pathname + url.search : undefined;
}

/**
 * The first view of a page in one request: the loader asks for every widget's reads at once,
 * while it imports their code. Each read runs through the app as a request of its own, with this
 * request's key, origin and customer token, so it is checked and answered exactly as alone.
 */
export function embedRouter(deps: AppDeps, app: { fetch(request: Request): Response | Promise<Response> }) {
  const router = newRouter();
  const { publicRoute } = routes(deps, 'First view');

  router.openapi(
    publicRoute(
      {
        method: 'get',
        path: '/first-view',
        operationId: 'getFirstView',
        summary: "Every widget's first read in one request",
        description:
          "Each `r` is answered as that read alone would be (status and body), in order; one the first view does not hold is a `400 invalid_request` part of its own. Cached like a public read when every part may be (no customer token, no refusal such as an unknown code, no read whose answer carries the server's clock), else `private, no-cache`.",
        request: { query: FirstViewQuery },
        responses: {
          200: { description: 'OK', content: { 'application/json': { schema: FirstViewResponse } } },
          ...errorResponses(400, 401, 403),
        },
      },
      { customer: 'optional' },
    ),
    async (c) => {
      const asked = c.req.queries('r') ?? [];
      if (!asked.length || asked.length > FIRST_VIEW_MAX)
        throw badRequest(`Ask for 1 to ${FIRST_VIEW_MAX} reads (r=…)`);
      const key = c.req.query('key') ?? '';
      const headers = new Headers();
      for (const name of ['authorization', 'origin', 'x-kith-customer'])
        if (c.req.header(name)) headers.set(name, c.req.header(name)!);
      // Each read's error names this request, whose id the caller sees.
      headers.set('request-id', c.get('requestId'));
      const origin = new URL(c.req.url).origin;
      let cacheable = true;
      const answers = await Promise.all(
        asked.map(async (r) => {
          const p = readPath(r);
          // A read the first view does not hold is refused on its own: the widget reads it itself.
          if (!p) {
            const { error } = errorBody('invalid_request', `Not a first-view read: ${r.slice(0, 80)}`);
            const ref = { requestId: c.get('requestId'), docUrl: docUrl(deps.publicUrl ?? origin, error.code) };
            cacheable = false; // an error names this request: no cache may hand it to another
            return { status: 400, body: { error: { ...error, ...ref } } };
          }
          const url = new URL(p, origin);
          if (key) url.searchParams.set('key', key);
          const res = await app.fetch(new Request(url, { headers }));
          // The whole answer is only as cacheable as its least cacheable part.
          if (!res.headers.get('cache-control')?.startsWith('public')) cacheable = false;
          return { status: res.status, body: await res.json().catch(() => null) };
        }),
      );
      if (!cacheable) c.header('cache-control', 'private, no-cache');
      return c.json({ answers }, 200);
    },
  );
  return router;
}
