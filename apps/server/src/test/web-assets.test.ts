import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pickEncoding, WEB_PATHS, webBanner } from '../http/web.routes.js';
import { useTestServer } from './test-server.js';

describe('the web apps as served', () => {
  const server = useTestServer('pglite', { workers: false });
  const get = (url: string, acceptEncoding?: string) => server().app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

  it.each([
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip;q=0.5', 'gzip'],
    ['*', 'br'],
    ['identity', null],
    [undefined, null],
  ] as const)('Accept-Encoding %s gets %s', (accept, encoding) => {
    expect(pickEncoding(accept)).toBe(encoding);
  });

  it('sends /widget.js compressed to browsers that accept it, saying so and varying on Accept-Encoding', async () => {
    const raw = readFileSync(join(WEB_PATHS.widget, 'widget.js'));
    const br = await get('/widget.js', 'gzip, deflate, br');
    expect([br.statusCode, br.headers['content-encoding'], br.headers.vary]).toEqual([200, 'br', 'accept-encoding']);
    expect(brotliDecompressSync(br.rawPayload).equals(raw)).toBe(true);
    expect(br.rawPayload.length).toBeLessThan(raw.length / 2);
    const gz = await get('/widget.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).equals(raw)).toBe(true);
    const plain = await get('/widget.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.equals(raw)).toBe(true);
  });

  it("sends the workspace's script precompressed, and publishes no source map", async () => {
    const assets = readdirSync(join(WEB_PATHS.workspace, 'assets'));
    const script = assets.find((f) => f.endsWith('.js'))!;
    expect(assets.filter((f) => f.endsWith('.map'))).toEqual([]);
    const r = await get(`/assets/${script}`, 'br, gzip');
    expect([r.statusCode, r.headers['content-encoding']]).toEqual([200, 'br']);
    expect(String(r.headers.vary)).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(r.rawPayload).equals(readFileSync(join(WEB_PATHS.workspace, 'assets', script)))).toBe(true);
    expect((await get(`/assets/${script}.map`)).statusCode).toBe(404);
  });

  it('names the workspace and the demo shop in the start banner', () => {
    expect(webBanner('http://localhost:3000', { workspace: true, widget: true })).toEqual(['agent workspace: http://localhost:3000/', 'demo shop with the chat widget: http://localhost:3000/demo']);
    expect(webBanner('http://localhost:3000/', { workspace: false, widget: true })[0]).toBe('agent workspace: not built (run `npm run build`)');
  });
});
