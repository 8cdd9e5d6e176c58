import { existsSync, readFileSync, statSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const notSourceMap = (path: string) => !path.endsWith('.map');

/** Where the built web apps live, relative to this file in `apps/server/{src,dist}/http`. */
export const WEB_PATHS = {
  workspace: here('../../../workspace/dist'),
  widget: here('../../../widget/dist'),
  storefront: here('../../../../demo/storefront'),
};

/** The start banner's lines for the web apps: where to open the workspace and the demo shop, or how to build them. */
export function webBanner(url: string, built: { workspace: boolean; widget: boolean } = { workspace: existsSync(WEB_PATHS.workspace), widget: existsSync(WEB_PATHS.widget) }): string[] {
  const base = url.replace(/\/+$/, '');
  return [
    built.workspace ? `agent workspace: ${base}/` : 'agent workspace: not built (run `npm run build`)',
    built.widget ? `demo shop with the chat widget: ${base}/demo` : 'chat widget: not built (run `npm run build`)',
  ];
}

/** The encoding to send to a client with this Accept-Encoding: Brotli, then gzip, else none. */
export function pickEncoding(accept: string | undefined): 'br' | 'gzip' | null {
  const offered = new Map(
    (accept ?? '')
      .toLowerCase()
      .split(',')
      .map((part) => {
        const [name, ...params] = part.trim().split(';');
        const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
        return [name!.trim(), q === undefined ? 1 : Number(q)] as const;
      }),
  );
  const ok = (e: string) => (offered.get(e) ?? offered.get('*') ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : null;
}

/** A file with its Brotli and gzip forms, compressed once per version of the file (its mtime). */
function compressedFile(path: string): (encoding: 'br' | 'gzip' | null) => Buffer {
  let cached: { mtime: number; raw: Buffer; br?: Buffer; gzip?: Buffer } | null = null;
  return (encoding) => {
    const mtime = statSync(path).mtimeMs;
    if (!cached || cached.mtime !== mtime) cached = { mtime, raw: readFileSync(path) };
    if (encoding === 'br') return (cached.br ??= brotliCompressSync(cached.raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: cached.raw.length } }));
    if (encoding === 'gzip') return (cached.gzip ??= gzipSync(cached.raw, { level: 9 }));
    return cached.raw;
  };
}

/**
 * The web apps, served by the API server: the agent workspace at `/`, the widget script at
 * `/widget.js`, and the demo storefront that embeds it at `/demo`. An app that was not built is
 * reported as such rather than as a blank page.
 */
export async function webRoutes(app: FastifyInstance): Promise<void> {
  const missing = (what: string) => `${what} is not built; run \`npm run build\``;
  if (existsSync(WEB_PATHS.widget)) {
    await app.register(fastifyStatic, { root: WEB_PATHS.widget, prefix: '/widget/', decorateReply: false, cacheControl: true, maxAge: '1h', allowedPath: notSourceMap });
    const widget = compressedFile(`${WEB_PATHS.widget}/widget.js`);
    app.get('/widget.js', (req, reply) => {
      // It loads on every page of the shop: sent compressed to every browser that accepts it.
      const encoding = pickEncoding(req.headers['accept-encoding']);
      reply.header('content-type', 'text/javascript; charset=utf-8').header('cache-control', 'public, max-age=300').header('access-control-allow-origin', '*').header('vary', 'accept-encoding');
      if (encoding) reply.header('content-encoding', encoding);
      return widget(encoding);
    });
  } else app.get('/widget.js', (_req, reply) => reply.code(503).send(missing('the widget')));

  app.get('/demo', (_req, reply) => {
    const page = `${WEB_PATHS.storefront}/index.html`;
    if (!existsSync(page)) return reply.code(503).send(missing('the demo storefront'));
    return reply.type('text/html; charset=utf-8').send(readFileSync(page));
  });

  if (existsSync(WEB_PATHS.workspace)) {
    // The build writes .br and .gz beside each asset; a source map, if an old build left one, is never served.
    await app.register(fastifyStatic, { root: WEB_PATHS.workspace, prefix: '/', wildcard: false, decorateReply: true, preCompressed: true, allowedPath: notSourceMap });
    // The workspace routes on the client: any other page path gets its index.html.
    app.get('/*', (req, reply) => {
      // A missing file (a stale asset, a source map) is a 404, not the app's page.
      const path = req.url.split('?')[0]!;
      if (req.url.startsWith('/api/') || /\.[a-z0-9]+$/i.test(path)) return reply.code(404).send({ error: { code: 'ROUTE_ERR_NOT_FOUND', message: `no route ${req.method} ${path}` } });
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    });
  } else app.get('/', (_req, reply) => reply.code(503).type('text/plain').send(missing('the agent workspace')));
}
