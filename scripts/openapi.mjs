// npm run openapi: regenerates docs/openapi.json from the routes a server registers, with their zod
// schemas (a test fails when it is stale). The server runs in memory and never listens.
import { writeFileSync } from 'node:fs';
import { loadConfig, startServer } from '../apps/server/dist/index.js';

const server = await startServer(loadConfig({ BATON_DATA_DIR: ':memory:', BATON_ENCODER: 'off', BATON_LOG_LEVEL: 'error' }), { listen: false, workers: false, log: () => {} });
try {
  const res = await server.app.inject({ method: 'GET', url: '/openapi.json' });
  if (res.statusCode !== 200) throw new Error(`GET /openapi.json: ${res.statusCode} ${res.body}`);
  writeFileSync(new URL('../docs/openapi.json', import.meta.url), JSON.stringify(res.json(), null, 2) + '\n');
  console.log('wrote docs/openapi.json');
} finally {
  await server.stop();
}
