import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../test/test-server.js';
import { API_PREFIX, documented, openApiDocument } from './openapi.js';

const CHECKED_IN = fileURLToPath(new URL('../../../../docs/openapi.json', import.meta.url));

describe('the OpenAPI document', () => {
  const server = useTestServer('pglite', { workers: false });

  it('is checked in and up to date (regenerate with `npm run openapi`)', () => {
    const current = JSON.stringify(openApiDocument(server().app.registeredRoutes), null, 2) + '\n';
    expect(readFileSync(CHECKED_IN, 'utf8')).toBe(current);
  });

  it('describes every API route from its registration, with its contract', async () => {
    const undocumented = server().app.registeredRoutes.filter((r) => r.url.startsWith(API_PREFIX) && r.method !== 'HEAD' && !documented([r]).length);
    expect(undocumented.map((r) => `${String(r.method)} ${r.url}`)).toEqual([]);
    const doc = (await server().app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const post = doc.paths['/api/v1/conversations/{id}/messages'].post;
    expect(post.requestBody.content['application/json'].schema.required).toContain('text');
    expect(post['x-baton-auth']).toBe('customer-or-agent');
    expect(doc.paths['/api/v1/teams/{id}'].patch['x-baton-auth']).toBe('admin');
    expect(Object.keys(doc.paths['/api/v1/handoffs'].get.responses['200'].content['application/json'].schema.properties.handoffs.items.properties)).toEqual(expect.arrayContaining(['teamId', 'agentId', 'slaDueAt', 'resolution']));
  });
});
