import { OpenAPIHono, type z } from '@hono/zod-openapi';
import type { AppEnv } from './env.js';
import { badRequest, invalid, unsupportedMediaType } from './errors.js';
import { isJsonType } from './middleware/text.js';
import { runWrite } from './middleware/idempotency.js';

/**
 * Every router starts here, so validation failures everywhere become the same 400 with the
 * field paths: `{ error: { code: 'invalid_request', message, details: [{ path, message }] } }`.
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
  app.openapi = ((route, handler, hook) =>
    openapi(route, WRITES.has(route.method) ? (c, next) => runWrite(c, async () => (await handler(c, next)) as Response) : handler, hook)) as typeof openapi;
  return app;
};

const WRITES = new Set(['post', 'put', 'patch', 'delete']);

/**
 * For routes whose body is optional (a live show's start and end, joining a team): no body at all
 * is fine (plain `curl -X POST`); a body, if sent, must be valid JSON and typed as JSON (else 415).
 */
export async function optionalJson<T>(c: { req: { text(): Promise<string>; header(name: string): string | undefined } }, schema: z.ZodType<T>): Promise<Partial<T>> {
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
