import type { MiddlewareHandler } from 'hono';
import { invalidText } from '../errors.js';

// PostgreSQL text cannot hold NUL (the query fails); a lone surrogate is not Unicode, and the
// driver would store U+FFFD in its place, so the text saved would not be the text sent.
const BAD_TEXT = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Where in a parsed JSON value a key or string holds bad text, as `json.a.0.b`; undefined when nowhere. */
export function badTextAt(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return BAD_TEXT.test(value) ? path : undefined;
  if (!value || typeof value !== 'object') return undefined;
  for (const [k, v] of Object.entries(value)) {
    const at = BAD_TEXT.test(k) ? `${path}.${k}` : badTextAt(v, `${path}.${k}`);
    if (at) return at;
  }
  return undefined;
}

const decoded = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s; // not UTF-8 once decoded: the router keeps it encoded too
  }
};

export const isJsonType = (contentType: string | undefined) =>
  /^application\/([\w.-]+\+)?json\s*(;|$)/i.test(contentType ?? '');

/**
 * Refuses NUL and lone surrogates anywhere a handler could read text (the path, the query, a JSON
 * body, keys included) with 400 `invalid_text`, before any route or the database sees them, so every
 * route gets the same answer. Bodies of other types (photo bytes) are not text and are left alone.
 */
export function refuseBadText(): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url);
    // `%00` on its own too: the router decodes each escape run apart, so a NUL beside an invalid
    // escape (`%00x%FF`) would reach a parameter while the whole path fails to decode here.
    if (/%00/.test(url.pathname) || BAD_TEXT.test(decoded(url.pathname))) throw invalidText('path');
    for (const [k, v] of url.searchParams) if (BAD_TEXT.test(k) || BAD_TEXT.test(v)) throw invalidText(`query.${k}`);
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && isJsonType(c.req.header('content-type'))) {
      // Through Hono's body cache: idempotency and the validator read these same bytes, not the stream again.
      let body: unknown;
      try {
        body = JSON.parse(new TextDecoder().decode(await c.req.arrayBuffer()));
      } catch {
        body = undefined; // the route's validation answers malformed JSON
      }
      const at = badTextAt(body, 'json');
      if (at) throw invalidText(at);
    }
    await next();
  };
}
