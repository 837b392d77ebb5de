import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './env.js';
import { invalid } from './errors.js';

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
