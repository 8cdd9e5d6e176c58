import { ZErrorSchema } from '@baton/contracts';
import type { RouteOptions } from 'fastify';
import { z } from 'zod';

/** The prefix of the versioned API; routes outside it (health, metrics, web pages) are open. */
export const API_PREFIX = '/api/v1';

/** Who may call a route, as the OpenAPI document says it (`x-baton-auth`). */
export function routeAuth(r: RouteOptions): 'none' | 'customer' | 'customer-or-agent' | 'agent' | 'supervisor' | 'admin' {
  // The stream authenticates inside the socket, so that a bad token gets a close code, not a 401.
  if (r.websocket) return 'customer-or-agent';
  const c = r.config ?? {};
  if (c.public || !r.url.startsWith(API_PREFIX)) return 'none';
  if (c.customer === 'only') return 'customer';
  if (c.customer) return 'customer-or-agent';
  return c.role ?? 'agent';
}

const methodsOf = (r: RouteOptions) => (Array.isArray(r.method) ? r.method : [r.method]).filter((m) => m !== 'HEAD');

/** The routes the document describes: every one that gives a summary (the web pages do not). */
export const documented = (routes: readonly RouteOptions[]) => routes.filter((r) => r.schema?.summary && methodsOf(r).length > 0);

const jsonSchema = (s: unknown, io: 'input' | 'output') => z.toJSONSchema(s as z.ZodType, { io, unrepresentable: 'any' }) as Record<string, unknown>;
const properties = (s: unknown) => Object.entries((jsonSchema(s, 'input').properties ?? {}) as Record<string, unknown>);
/** `z.unknown()` says "a status, with a body not described yet". */
const describesBody = (s: Record<string, unknown>) => Object.keys(s).some((k) => k !== '$schema');

/** The OpenAPI 3.1 document, generated from the registered routes and their zod schemas. */
export function openApiDocument(routes: readonly RouteOptions[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of documented(routes)) {
    const s = r.schema!;
    const path = r.url.replace(/:(\w+)/g, '{$1}');
    const params = s.params
      ? properties(s.params).map(([name, schema]) => ({ name, in: 'path', required: true, schema }))
      : [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const query = s.querystring ? properties(s.querystring).map(([name, schema]) => ({ name, in: 'query', required: false, schema })) : [];
    const responses: Record<string, unknown> = {};
    for (const [status, body] of Object.entries((s.response ?? { 200: undefined }) as Record<string, unknown>)) {
      const out = body === undefined ? {} : jsonSchema(body, 'output');
      responses[status] = { description: 'OK', ...(describesBody(out) ? { content: { 'application/json': { schema: out } } } : {}) };
    }
    responses.default = { description: 'An error: a stable code, a message and the field at fault', content: { 'application/json': { schema: jsonSchema(ZErrorSchema, 'output') } } };
    const auth = routeAuth(r);
    const op = {
      summary: s.summary,
      ...(auth === 'none' ? { security: [] } : { security: [{ bearer: [] }], 'x-baton-auth': auth }),
      ...(params.length || query.length ? { parameters: [...params, ...query] } : {}),
      // A body schema that accepts nothing at all (`.optional()`) is a body the client may leave out.
      ...(s.body ? { requestBody: { required: !(s.body as z.ZodType).safeParse(undefined).success, content: { 'application/json': { schema: jsonSchema(s.body, 'input') } } } } : {}),
      responses,
    };
    for (const m of methodsOf(r)) (paths[path] ??= {})[m.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Baton API', version: '1', description: 'Customer support with an AI that hands over to people at the right moment.' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An agent session token (POST /auth/login) or a conversation token (POST /conversations)' } } },
    paths,
  };
}
