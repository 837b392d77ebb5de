import { OpenAPIHono, type z } from '@hono/zod-openapi';
import type { AppEnv } from './env.js';
import { badRequest, invalid, unsupportedMediaType } from './errors.js';
import { isJsonType } from './middleware/text.js';

/**
 * Every router starts here, so validation failures everywhere become the same 400 with the
 * field paths: `{ error: { code: 'invalid_request', message, details: [{ path, message }] } }`.
 */
export const newRouter = () =>
  new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw invalid(result.target, result.error.issues);
    },
  });

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
