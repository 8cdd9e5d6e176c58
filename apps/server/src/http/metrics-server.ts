import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The metrics port: a listener of its own, for a network only Prometheus reaches. */
export interface MetricsServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves `GET /metrics` alone, without a token, on `host:port` (`BATON_METRICS_PORT`,
 * `BATON_METRICS_HOST`, default 127.0.0.1). Anything else is a 404 in the API's error shape.
 */
export async function startMetricsServer(host: string, port: number, render: () => Promise<string>, contentType: string, log: (message: string, fields: Record<string, unknown>) => void): Promise<MetricsServer> {
  const server = createServer((req, res) => {
    const json = (status: number, code: string, message: string) => res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-content-type-options': 'nosniff' }).end(JSON.stringify({ error: { code, message } }));
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') return void json(404, 'ROUTE_ERR_NOT_FOUND', 'this port serves GET /metrics only');
    render().then(
      (text) => res.writeHead(200, { 'content-type': contentType, 'x-content-type-options': 'nosniff' }).end(text),
      (err: Error) => {
        log('metrics: could not render', { error: err.message });
        json(500, 'INTERNAL_ERR', 'something went wrong on our side; it has been logged');
      },
    );
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, host, resolve));
  const { port: bound } = server.address() as AddressInfo;
  return { url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
