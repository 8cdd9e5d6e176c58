import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** Where the built web apps live, relative to this file in `apps/server/{src,dist}/http`. */
export const WEB_PATHS = {
  workspace: here('../../../workspace/dist'),
  widget: here('../../../widget/dist'),
  storefront: here('../../../../demo/storefront'),
};

/**
 * The web apps, served by the API server: the agent workspace at `/`, the widget script at
 * `/widget.js`, and the demo storefront that embeds it at `/demo`. An app that was not built is
 * reported as such rather than as a blank page.
 */
export async function webRoutes(app: FastifyInstance): Promise<void> {
  const missing = (what: string) => `${what} is not built; run \`npm run build\``;
  if (existsSync(WEB_PATHS.widget)) {
    await app.register(fastifyStatic, { root: WEB_PATHS.widget, prefix: '/widget/', decorateReply: false, cacheControl: true, maxAge: '1h' });
    app.get('/widget.js', (_req, reply) => {
      reply.header('content-type', 'text/javascript; charset=utf-8').header('cache-control', 'public, max-age=300').header('access-control-allow-origin', '*');
      return readFileSync(`${WEB_PATHS.widget}/widget.js`);
    });
  } else app.get('/widget.js', (_req, reply) => reply.code(503).send(missing('the widget')));

  app.get('/demo', (_req, reply) => {
    const page = `${WEB_PATHS.storefront}/index.html`;
    if (!existsSync(page)) return reply.code(503).send(missing('the demo storefront'));
    return reply.type('text/html; charset=utf-8').send(readFileSync(page));
  });

  if (existsSync(WEB_PATHS.workspace)) {
    await app.register(fastifyStatic, { root: WEB_PATHS.workspace, prefix: '/', wildcard: false, decorateReply: true });
    // The workspace routes on the client: any other page path gets its index.html.
    app.get('/*', (req, reply) => {
      if (req.url.startsWith('/api/')) return reply.code(404).send({ error: { code: 'ROUTE_ERR_NOT_FOUND', message: `no route ${req.method} ${req.url.split('?')[0]}` } });
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    });
  } else app.get('/', (_req, reply) => reply.code(503).type('text/plain').send(missing('the agent workspace')));
}
