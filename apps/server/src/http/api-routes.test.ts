import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../test/api.js';
import { api } from '../test/api.js';
import type { TestServer } from '../test/test-server.js';
import { startTestServer } from '../test/test-server.js';
import { API_PREFIX } from './openapi.js';

/** Each route with its methods spelled out; HEAD comes with GET and is walked too. */
const each = (routes: readonly RouteOptions[]) => routes.flatMap((r) => (Array.isArray(r.method) ? r.method : [r.method]).map((method) => ({ method, url: r.url, config: r.config ?? {} })));
/** A concrete URL for a route path: every parameter gets a value that names nothing. */
const concrete = (url: string) => url.replace(/:\w+/g, 'no-such-id').replace(/\*$/, 'page');

// Every registered route (onRoute), walked: a route is closed unless it says it is public.
describe('the API surface', () => {
  let s: TestServer;
  let http: Api;
  beforeAll(async () => {
    s = await startTestServer('pglite', { workers: false });
    http = api(s);
  }, 60_000);
  afterAll(async () => {
    await s?.close();
  });

  const apiRoutes = () => each(s.app.registeredRoutes).filter((r) => r.url.startsWith(API_PREFIX));

  it('refuses every non-public route without a token, and the public ones are the known few', async () => {
    const closed = apiRoutes().filter((r) => !r.config.public);
    expect(closed.length).toBeGreaterThan(40);
    for (const r of closed) {
      const res = await s.app.inject({ method: r.method, url: concrete(r.url) });
      // HEAD answers carry no body: the status says it.
      const code = r.method === 'HEAD' ? 'AUTH_ERR_MISSING_TOKEN' : (JSON.parse(res.body) as { error?: { code?: string } }).error?.code;
      expect({ route: `${r.method} ${r.url}`, status: res.statusCode, code }).toEqual({ route: `${r.method} ${r.url}`, status: 401, code: 'AUTH_ERR_MISSING_TOKEN' });
    }
    // Making a route public is a decision this list records.
    const open = apiRoutes().filter((r) => r.config.public).map((r) => `${r.method} ${r.url}`);
    expect(open.sort()).toEqual(['GET /api/v1/stream', 'HEAD /api/v1/stream', 'POST /api/v1/auth/login', 'POST /api/v1/channels/email/inbound', 'POST /api/v1/conversations'].sort());
  });

  it('keeps routes outside /api/v1 to pages that only read: health, metrics, the spec and the web apps', () => {
    const outside = each(s.app.registeredRoutes).filter((r) => !r.url.startsWith(API_PREFIX));
    expect(outside.map((r) => `${r.method} ${r.url}`)).toEqual(expect.arrayContaining(['GET /healthz', 'GET /metrics', 'GET /openapi.json']));
    expect(outside.filter((r) => r.method !== 'GET' && r.method !== 'HEAD')).toEqual([]);
  });

  it('checks the role each route declares, and keeps customer tokens to their routes', async () => {
    const alex = await s.login('alex');
    const jordan = await s.login('jordan');
    const conv = await http.start();
    const byRole = apiRoutes().filter((r) => r.config.role && r.method !== 'HEAD');
    expect(byRole.map((r) => r.config.role)).toEqual(expect.arrayContaining(['admin', 'supervisor']));
    for (const r of byRole) {
      const token = r.config.role === 'admin' ? jordan : alex;
      const res = await s.app.inject({ method: r.method, url: concrete(r.url), headers: { authorization: `Bearer ${token}` } });
      expect({ route: `${r.method} ${r.url}`, status: res.statusCode, code: res.json().error?.code }).toEqual({ route: `${r.method} ${r.url}`, status: 403, code: 'AUTH_ERR_FORBIDDEN' });
    }
    for (const r of apiRoutes().filter((x) => !x.config.public && !x.config.customer && x.method !== 'HEAD')) {
      const res = await s.app.inject({ method: r.method, url: concrete(r.url).replace('no-such-id', conv.id), headers: { authorization: `Bearer ${conv.token}` } });
      expect({ route: `${r.method} ${r.url}`, status: res.statusCode }).toEqual({ route: `${r.method} ${r.url}`, status: 403 });
    }
  });
});
