import type { Context } from 'hono';
import type { Deps } from '../../env.js';

/** Absolute URLs the API hands out (photos), so they work from any page that shows them. */
export interface Links {
  media(id: string): string;
}

/**
 * From `publicUrl` when set (behind a proxy or CDN, where the request URL is an internal one),
 * otherwise from the request's own origin.
 */
export function linksFor(deps: Pick<Deps, 'publicUrl'>, c: Context): Links {
  const base = deps.publicUrl ? deps.publicUrl.replace(/\/+$/, '') : new URL(c.req.url).origin;
  return { media: (id) => `${base}/v1/media/${encodeURIComponent(id)}` };
}
