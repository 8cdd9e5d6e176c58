import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { describeTextProblem, findUnsafeText } from '@baton/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { DomainError, mapError } from '../errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route takes text from another channel (an inbound-mail provider): text that cannot be
     * stored is made safe by the use case instead of refused, as no person is there to correct it.
     */
    channelText?: boolean;
  }
}

/**
 * Content-Security-Policy per kind of response. JSON and scripts get nothing at all; the agent
 * workspace's page loads its own bundle only; the demo storefront (a stand-in for the business's
 * own site) keeps its inline script. Nothing of Baton may be framed: the widget is a script that
 * draws into the host page, not an iframe, so sites embed it with a script tag whatever these say.
 */
const CSP = {
  none: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  workspace: "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  demo: "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
};

/** The stream's path; a plain GET of it (no upgrade) gets a 426 rather than an empty 404. */
const STREAM_PATH = '/api/v1/stream';

/**
 * The edge of the HTTP server: what every request and every response goes through, whatever the
 * route (docs/security-text.md). Registered before the routes, so new routes are covered too.
 * - Text that cannot be stored (a NUL, an unpaired surrogate) anywhere in a JSON body, the query
 *   or the path is refused with 400 `VALIDATION_ERR_TEXT` naming the field.
 * - Security headers on every response, errors and 404s included.
 * - A plain GET of the WebSocket stream is answered in the error shape.
 */
export function registerEdgeGuards(app: FastifyInstance): void {
  app.addHook('onRequest', async (req) => {
    if (req.method === 'GET' && req.url.split('?')[0] === STREAM_PATH && req.headers.upgrade?.toLowerCase() !== 'websocket') {
      throw new DomainError('STREAM_ERR_NOT_WEBSOCKET', 'GET /api/v1/stream is a WebSocket: send Upgrade: websocket');
    }
  });

  app.addHook('preValidation', async (req) => {
    const channel = req.routeOptions.config.channelText === true;
    for (const [where, value] of [['params', req.params], ['query', req.query], ['body', channel ? null : req.body]] as const) {
      const bad = findUnsafeText(value);
      if (bad) throw new DomainError('VALIDATION_ERR_TEXT', describeTextProblem(bad.field || where, bad.problem), bad.field || undefined);
    }
  });

  app.addHook('onSend', async (req, reply, payload) => {
    securityHeaders(req, reply);
    return payload;
  });
}

function securityHeaders(req: FastifyRequest, reply: FastifyReply): void {
  const type = String(reply.getHeader('content-type') ?? '');
  const html = type.startsWith('text/html');
  const path = req.url.split('?')[0];
  reply.header('x-content-type-options', 'nosniff');
  reply.header('x-frame-options', 'DENY');
  reply.header('referrer-policy', 'no-referrer');
  reply.header('content-security-policy', !html ? CSP.none : path === '/demo' ? CSP.demo : CSP.workspace);
  // The widget's script is fetched by other sites' pages, some of which isolate themselves (COEP).
  if (path === '/widget.js' || path?.startsWith('/widget/')) reply.header('cross-origin-resource-policy', 'cross-origin');
}

/**
 * Fastify options for the errors raised before any route runs, so they too come in the
 * `{error:{code,message}}` shape: a path that is not a valid URL, and what Node's HTTP parser
 * refuses (headers over the limit are a 431).
 */
export const edgeServerOptions: Pick<FastifyServerOptions, 'frameworkErrors' | 'clientErrorHandler'> = {
  frameworkErrors: (err, _req, reply: FastifyReply) => {
    const mapped = mapError(err);
    return reply.code(mapped.status).send(mapped.body);
  },
  clientErrorHandler: (err: Error & { code?: string }, socket: Socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) return void socket.destroy(err);
    const d = err.code === 'HPE_HEADER_OVERFLOW'
      ? new DomainError('VALIDATION_ERR_HEADERS_TOO_LARGE', 'the request headers are over the server’s limit')
      : new DomainError('VALIDATION_ERR_BODY', 'the request is not valid HTTP');
    const { status, body } = mapError(d);
    const json = JSON.stringify(body);
    socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\nX-Content-Type-Options: nosniff\r\n\r\n${json}`);
  },
};
