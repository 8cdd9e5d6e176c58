import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openApiDocument, ROUTES } from './openapi.js';

const CHECKED_IN = fileURLToPath(new URL('../../../../docs/openapi.json', import.meta.url));

describe('the OpenAPI document', () => {
  it('is checked in and up to date (regenerate with `npm run openapi`)', () => {
    const current = JSON.stringify(openApiDocument(), null, 2) + '\n';
    expect(readFileSync(CHECKED_IN, 'utf8')).toBe(current);
  });
  it('describes every route with its contract', () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, { requestBody?: unknown }>> };
    for (const r of ROUTES) expect(doc.paths[r.path]?.[r.method], `${r.method} ${r.path}`).toBeDefined();
    const post = doc.paths['/api/v1/conversations/{id}/messages']!.post as { requestBody: { content: { 'application/json': { schema: { required: string[] } } } } };
    expect(post.requestBody.content['application/json'].schema.required).toContain('text');
  });
});
