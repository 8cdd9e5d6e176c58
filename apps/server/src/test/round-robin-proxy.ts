import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';

/**
 * A small load balancer for tests: each HTTP request and each WebSocket goes to the next node in
 * turn, as a round-robin proxy in front of a cluster would send them. No retries: what a node
 * answers is what the client gets.
 */
export async function startRoundRobinProxy(targets: string[]): Promise<{ url: string; close(): Promise<void> }> {
  const nodes = targets.map((t) => new URL(t));
  let turn = 0;
  const next = () => nodes[turn++ % nodes.length]!;
  const agent = new Agent({ keepAlive: true });
  const server = createServer((req, res) => {
    const node = next();
    const upstream = request({ host: node.hostname, port: node.port, method: req.method, path: req.url, headers: req.headers, agent }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  server.on('upgrade', (req, socket, head) => {
    const node = next();
    const upstream = connect(Number(node.port), node.hostname, () => {
      const lines = [`${req.method} ${req.url} HTTP/1.1`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length) upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
