import { createRoute, OpenAPIHono, type RouteConfig, type z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { etag } from 'hono/etag';
import type { AppEnv, Deps } from './env.js';
import { badRequest, invalid, unsupportedMediaType } from './errors.js';
import {
  optionalCustomer,
  refuseForeignOrigin,
  requireCustomer,
  requireKey,
  requireSession,
} from './middleware/auth.js';
import { idempotency, runWrite } from './middleware/idempotency.js';
import { rateLimit, signInLimit } from './middleware/rate-limit.js';
import { isJsonType } from './middleware/text.js';

/**
 * Every router starts here, so validation failures everywhere become the same 400 with the
 * field paths: `{ error: { code: 'invalid_request', message, details: [{ path, message }] } }`.
 * Routes are added with `app.openapi(<one of routes(deps)>(…), handler)`; anything else is refused
 * at start-up, so a route cannot exist without its auth.
 */
export const newRouter = () => {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw invalid(result.target, result.error.issues);
    },
  });
  // Every write handler runs as one transaction with its Idempotency-Key record (`runWrite`);
  // declared here once, so no route can forget it.
  const openapi = app.openapi;
  app.openapi = ((route, handler, hook) => {
    if (!DECLARED.has(route))
      throw new Error(
        `${route.method.toUpperCase()} ${route.path}: declare it with routes(deps) (openRoute, publicRoute, streamRoute, customerRoute, adminRoute or consoleRoute)`,
      );
    return openapi(
      route,
      isWrite(route.method) && !UNTRANSACTED.has(route)
        ? (c, next) => runWrite(c, async () => (await handler(c, next)) as Response)
        : handler,
      hook,
    );
  }) as typeof openapi;
  return app;
};

const isWrite = (method: string) => ['post', 'put', 'patch', 'delete'].includes(method);

/**
 * A route as a domain writes it: everything but its auth and tag, which the helper it goes through
 * adds, and with an `operationId` (camelCase, unique: what a generated client names the call).
 */
type RouteInput = Omit<RouteConfig, 'security' | 'middleware' | 'tags'> & { readonly operationId: string };

/** Who may call a route; one value makes both its OpenAPI `security` and the middleware that enforces it. */
interface Access {
  /** `console`: the console's own routes (sign-in, its session), on the server's origin only. */
  readonly key: 'none' | 'publishable' | 'secret' | 'console';
  /**
   * The publishable key as `?key=`: `only` for EventSource streams, which cannot send headers;
   * `also` for every read, so a public read is a simple request a CDN can cache by its URL.
   */
  readonly queryKey?: 'only' | 'also';
  /** `optional`: answered anonymously without a token; a token that is sent must be valid. */
  readonly customer?: 'required' | 'optional';
  /** `false` only where a stored answer would be a secret (the secret key's rotation); writes only. */
  readonly idempotency?: boolean;
  /** `false`: a read no shared cache may keep (its answer carries the server's clock). */
  readonly cache?: boolean;
  /**
   * Secret-key routes: who else may call it with a console session (`owner` by default; `moderation`:
   * moderators too). Console routes: `none` (signing in) or `any` signed-in staff member.
   */
  readonly session?: 'owner' | 'moderation' | 'none' | 'any';
}

/** Routes that went through a helper below; `newRouter` takes no other. */
const DECLARED = new WeakSet<object>();
/**
 * Writes that run outside a request transaction: signing in, whose password hash (a fifth of a
 * second) must not hold a database connection, and which writes one row (the session) at the end.
 */
const UNTRANSACTED = new WeakSet<object>();

function securityOf({ key, queryKey, customer, session }: Access): NonNullable<RouteConfig['security']> {
  if (key === 'none' || (key === 'console' && session === 'none')) return [];
  if (key === 'console') return [{ consoleSession: [] }];
  if (key === 'secret')
    // OpenAPI 3.1 lets a non-OAuth scheme name the roles it needs: a moderator's session is let in
    // where none is named.
    return [{ secretKey: [] }, { consoleSession: session === 'moderation' ? [] : ['owner'] }];
  if (queryKey === 'only') return [{ publishableKeyQuery: [] }];
  const keys: Record<string, string[]>[] = queryKey
    ? [{ publishableKey: [] }, { publishableKeyQuery: [] }]
    : [{ publishableKey: [] }];
  const withToken = keys.map((k) => ({ ...k, customerToken: [] }));
  if (customer === 'required') return withToken;
  return customer === 'optional' ? [...keys, ...withToken] : keys;
}

/**
 * The route helpers of one router, whose routes the API reference groups under `tag`. Each declares
 * a route's auth once: the OpenAPI `security` and the middleware, in this order: the key (publishable or secret; `?key=` for streams), the customer
 * token, then for writes the write rate limit and the Idempotency-Key check; the handler then runs
 * in `runWrite` (see `newRouter`).
 */
export function routes(deps: Deps, tag: string) {
  const keys = {
    publishable: requireKey(deps, 'publishable'),
    secret: requireKey(deps, 'secret', { session: 'owner' }),
    moderation: requireKey(deps, 'secret', { session: 'moderation' }),
    stream: requireKey(deps, 'publishable', { allowQueryKey: true }),
  };
  const staff = { any: requireSession(deps, 'any'), signIn: signInLimit(deps) };
  const customers = { required: requireCustomer(), optional: optionalCustomer() };
  const limit = rateLimit(deps);
  const keyed = idempotency();

  const middlewareOf = (access: Access, method: string, operation: string): MiddlewareHandler<AppEnv>[] => {
    if (access.key === 'console') {
      // No Idempotency-Key: an answer here opens a session, and a replay must not hand out its cookie.
      if (access.session === 'any') return [staff.any];
      if (!isWrite(method)) throw new Error('A console route without a session only signs in');
      return [(c, next) => (refuseForeignOrigin(c, deps.publicUrl), next()), staff.signIn];
    }
    if (access.key === 'none') {
      // Rate limits and idempotency records are per shop, which an open route does not know.
      if (isWrite(method)) throw new Error('A route without a key cannot write');
      return [];
    }
    const admin = access.key === 'secret';
    return [
      admin
        ? access.session === 'moderation'
          ? keys.moderation
          : keys.secret
        : access.queryKey
          ? keys.stream
          : keys.publishable,
      ...(access.customer ? [customers[access.customer]] : []),
      ...(isWrite(method) ? (access.idempotency === false ? [limit] : [limit, keyed]) : []),
      // Every admin write goes in the audit log (runWrite), its secrets redacted.
      ...(admin && isWrite(method) ? [audited(operation, access.session === 'moderation')] : []),
      // A read that is not a stream: a cache policy, and an ETag so a revalidation can be a 304.
      ...(access.queryKey === 'also' && access.cache !== false ? [publicCache, etag()] : []),
    ];
  };

  const declare = <R extends RouteInput>(given: Access, config: R) => {
    // `security` right after `summary`, where routes used to write it: the document keeps its key order.
    const { method, path, summary, ...rest } = config;
    const access: Access = given.key === 'publishable' && method === 'get' ? { queryKey: 'also', ...given } : given;
    const route = createRoute({
      method,
      path,
      summary,
      tags: [tag],
      security: securityOf(access),
      ...rest,
      middleware: middlewareOf(access, method, config.operationId),
    } as unknown as R & Pick<RouteConfig, 'security' | 'middleware'>);
    DECLARED.add(route);
    if (access.key === 'console' && access.session === 'none') UNTRANSACTED.add(route);
    return route;
  };

  return {
    /** No key at all: anyone may read it (photos of published reviews). */
    openRoute: <R extends RouteInput>(config: R) => declare({ key: 'none' }, config),
    /**
     * The publishable key. `customer: 'optional'`: a customer token, when sent, shows the
     * customer their own part of the answer (their seat in a team). A read may be kept by shared
     * caches (`PUBLIC_CACHE`) unless `cache: false`.
     */
    publicRoute: <R extends RouteInput>(config: R, options: { customer?: 'optional'; cache?: false } = {}) =>
      declare({ key: 'publishable', ...options }, config),
    /** A Server-Sent Events stream: the publishable key as `?key=`, since EventSource cannot send headers. */
    streamRoute: <R extends RouteInput>(config: R) => declare({ key: 'publishable', queryKey: 'only' }, config),
    /** On behalf of a shopper: the publishable key and a customer token signed by the merchant's server. */
    customerRoute: <R extends RouteInput>(config: R) => declare({ key: 'publishable', customer: 'required' }, config),
    /**
     * The merchant's server with the secret key, or a console session: an owner's, or with
     * `moderation: true` a moderator's too. `idempotency: false` for a write whose answer must not
     * be stored (the audit log keeps it, its secrets redacted).
     */
    adminRoute: <R extends RouteInput>(config: R, options: { idempotency?: false; moderation?: true } = {}) =>
      declare(
        { key: 'secret', session: options.moderation ? 'moderation' : 'owner', idempotency: options.idempotency },
        config,
      ),
    /**
     * The console's own routes, from its origin only: `session: 'none'` to sign in (rate-limited
     * per email and address; no request transaction), `any` for a signed-in staff member of either
     * role. No Idempotency-Key.
     */
    consoleRoute: <R extends RouteInput>(config: R, options: { session: 'none' | 'any' }) =>
      declare({ key: 'console', ...options }, config),
  };
}

const audited =
  (operation: string, moderation: boolean): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    c.set('audit', { operation, moderation });
    await next();
  };

/** How long caches may keep a public read, and serve it stale while they fetch it again (docs/server.md). */
export const PUBLIC_CACHE = 'public, max-age=10, stale-while-revalidate=60';

/**
 * A public read whose key came in the URL may be kept by any cache, a CDN included, keyed by that
 * URL and the page's origin (the CORS answer differs per origin). With the key in a header, or a
 * customer token, the app-wide rule stands (private or no-store; see security-headers.ts).
 */
const publicCache: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (c.req.header('authorization') || c.req.header('x-kith-customer')) return;
  if (c.res.status !== 200 && c.res.status !== 304) return;
  // A handler that chose its own policy (a first view with a part no shared cache may keep) keeps it.
  if (c.res.headers.has('cache-control')) return;
  c.res.headers.set('cache-control', PUBLIC_CACHE);
  c.res.headers.set('vary', 'Origin');
};

/** A required JSON request body. */
export const jsonBody = <T>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });

/** A JSON response. */
export const ok = <T>(schema: T, description = 'OK') => ({ description, content: { 'application/json': { schema } } });

/**
 * For routes whose body is optional (a live show's start and end, joining a team): no body at all
 * is fine (plain `curl -X POST`); a body, if sent, must be valid JSON and typed as JSON (else 415).
 */
export async function optionalJson<T>(
  c: { req: { text(): Promise<string>; header(name: string): string | undefined } },
  schema: z.ZodType<T>,
): Promise<Partial<T>> {
  const text = (await c.req.text()).trim();
  if (!text) return {};
  if (!isJsonType(c.req.header('content-type'))) throw unsupportedMediaType();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badRequest('The request body is not valid JSON');
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw invalid('json', parsed.error.issues);
}
