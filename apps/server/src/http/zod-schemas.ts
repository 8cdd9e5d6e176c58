import type { FastifyPluginAsync, FastifySchemaCompiler, FastifySerializerCompiler, FastifyTypeProvider } from 'fastify';
import type { AppContext } from '../app/context.js';
import type { z } from 'zod';
import { validationError } from './validation-error.js';

/**
 * Routes declare `schema: {params, querystring, body, response}` with the contracts' zod schemas;
 * this types `req.body`, `req.query` and `req.params` from them (`app.withTypeProvider<…>()`).
 */
export interface ZodTypeProvider extends FastifyTypeProvider {
  validator: this['schema'] extends z.ZodType ? z.output<this['schema']> : unknown;
  serializer: this['schema'] extends z.ZodType ? z.input<this['schema']> : unknown;
}

/** The token may come in the query string (for EventSource-like clients); it is not a filter. */
function omitToken(q: unknown): Record<string, unknown> {
  const { token: _token, ...rest } = (q ?? {}) as Record<string, unknown>;
  return rest;
}

/**
 * Fastify's validator for a zod schema: the parsed value replaces the request part, and the first
 * problem becomes the same `VALIDATION_ERR_BODY` / `VALIDATION_ERR_QUERY` a handler used to throw.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => (data: unknown) => {
  const input = httpPart === 'querystring' ? omitToken(data) : (data ?? {});
  const r = schema.safeParse(input);
  return r.success ? { value: r.data } : { error: validationError(r.error, httpPart === 'body' ? 'body' : 'query') };
};

/** Response schemas document and (in tests) check what is sent; they never reshape it. */
export const jsonSerializerCompiler: FastifySerializerCompiler<z.ZodType> = () => (data: unknown) => JSON.stringify(data);

declare module 'fastify' {
  interface FastifySchema {
    /** One line for the OpenAPI document. */
    summary?: string;
  }
}

/** A resource plugin under `/api/v1`: the routes of one resource, with the server's context. */
export type ApiPlugin<O = object> = FastifyPluginAsync<{ ctx: AppContext } & O>;
