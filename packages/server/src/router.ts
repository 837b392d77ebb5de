import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './env.js';
import { errorBody } from './errors.js';

/**
 * Every router starts here, so validation failures everywhere become the same 400 with the
 * field paths: `{ error: { code: 'invalid_request', message, details: [{ path, message }] } }`.
 */
export const newRouter = () =>
  new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      const details = result.error.issues.map((i) => ({ path: [result.target, ...i.path].join('.'), message: i.message }));
      return c.json(errorBody('invalid_request', `Invalid ${result.target}: ${details.map((d) => d.path).join(', ')}`, details), 400);
    },
  });
