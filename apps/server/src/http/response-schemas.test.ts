import type { RouteOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { useTestServer } from '../test/test-server.js';

/**
 * The routes that answer something other than JSON, so declare no response schema, each with the
 * reason. Anything else without a schema for its success status fails below: a new JSON route
 * must say what it returns.
 */
const NOT_JSON: Record<string, string> = {
  'GET /api/v1/stream': 'a WebSocket upgrade; its frames are `TStreamFrame` in the contracts',
  'GET /api/v1/reports/kb-gaps.md': 'a Markdown download',
  'GET /api/v1/conversations/:id/attachments/:attachmentId': 'the file itself (an image or a PDF)',
  'GET /metrics': 'Prometheus text format',
  'GET /openapi.json': 'the OpenAPI document itself, generated from these schemas',
};

/**
 * The web apps' pages, scripts and assets (`web.routes.ts`, one route per built file): outside the
 * API, with no summary, so not in the OpenAPI document either. Every `/api/` route has a summary
 * (openapi.test.ts holds that), so none can hide here.
 */
const isWebFile = (r: RouteOptions) => !r.url.startsWith('/api/') && !r.schema?.summary && !(`GET ${r.url}` in NOT_JSON);

const methodsOf = (r: RouteOptions) => (Array.isArray(r.method) ? r.method : [r.method]).filter((m) => m !== 'HEAD' && m !== 'OPTIONS');
const isSuccess = (status: string) => /^2(\d\d|xx)$/.test(status);
/** A schema that accepts anything says nothing: only a 204 (no body) may use one. */
const saysNothing = (s: unknown) => s instanceof z.ZodUnknown || s instanceof z.ZodAny;

/** What is wrong with a route's response schemas, or null. */
function problem(r: RouteOptions): string | null {
  const declared = Object.entries((r.schema?.response ?? {}) as Record<string, unknown>).filter(([status]) => isSuccess(status));
  if (!declared.length) return 'declares no response schema for its success status';
  const vague = declared.filter(([status, s]) => status !== '204' && saysNothing(s)).map(([status]) => status);
  return vague.length ? `declares a body of any shape for ${vague.join(', ')}` : null;
}

describe('response schemas', () => {
  const server = useTestServer('pglite', { workers: false });

  it('every route answering JSON declares a response schema from the contracts for its success status', () => {
    const routes = server().app.registeredRoutes.flatMap((r) => methodsOf(r).map((m) => ({ key: `${m} ${r.url}`, r })));
    // The walk must see the API, or the test would pass on nothing.
    expect(routes.filter((x) => x.key.includes('/api/v1/')).length).toBeGreaterThan(40);
    const missing = routes.filter((x) => !(x.key in NOT_JSON) && !isWebFile(x.r)).flatMap((x) => {
      const p = problem(x.r);
      return p ? [`${x.key} ${p}`] : [];
    });
    expect(missing).toEqual([]);
  });

  it('lists as exceptions only routes that exist and declare no schema', () => {
    const keys = new Set(server().app.registeredRoutes.flatMap((r) => methodsOf(r).map((m) => `${m} ${r.url}`)));
    expect(Object.keys(NOT_JSON).filter((k) => !keys.has(k))).toEqual([]);
    const withSchema = server().app.registeredRoutes.filter((r) => methodsOf(r).some((m) => `${m} ${r.url}` in NOT_JSON) && r.schema?.response);
    expect(withSchema.map((r) => r.url)).toEqual([]);
  });

  it('flags a route without a schema, one whose body may be anything, and passes a 204 without a body', () => {
    const route = (response?: Record<number, unknown>) => ({ method: 'GET', url: '/x', handler: () => {}, ...(response ? { schema: { response } } : {}) }) as RouteOptions;
    expect(problem(route())).toBe('declares no response schema for its success status');
    expect(problem(route({ 200: z.unknown() }))).toBe('declares a body of any shape for 200');
    expect(problem(route({ 204: z.unknown() }))).toBeNull();
    expect(problem(route({ 200: z.object({ id: z.string() }) }))).toBeNull();
  });
});
