import { afterAll, beforeAll } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app/context.js';
import type { Config } from '../config.js';
import { loadConfig } from '../config.js';
import { seedDemo } from '../demo/seed-demo.js';
import type { Server } from '../main.js';
import { startServer } from '../main.js';
import { freshPostgres } from './databases.js';

/** The site's identity key on test servers: tests that stand for a signed-in shopper sign with it (`identityHash`). */
export const TEST_IDENTITY_SECRET = 'test-site-identity-secret-0123';

export const DEMO_KB = fileURLToPath(new URL('../../../../demo/kb', import.meta.url));

/** The bearer token `/metrics` asks for in tests (BATON_METRICS_TOKEN); pass `BATON_METRICS_TOKEN: ''` for a server without one. */
export const TEST_METRICS_TOKEN = 'test-metrics-token-0123456789';

export interface TestServer extends Server {
  config: Config;
  logins: Awaited<ReturnType<typeof seedDemo>>['logins'];
  /** Logs in a demo agent by first name (alex, priya, sam, jordan, casey); returns the bearer token. */
  login(who: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * A real server on PGlite (in memory) or on a fresh PostgreSQL database, seeded with the demo
 * data and KB. `listen` puts it on a random port for WebSocket tests; otherwise use `app.inject`.
 */
export async function startTestServer(kind: 'pglite' | 'postgres', opts: {
    listen?: boolean;
    /** Run the job workers and event listeners (default true); off for tests that run their own. */
    workers?: boolean;
    env?: Record<string, string>;
    clock?: () => Date;
    /** Sees every log line, as the server writes it (after masking). */
    onLog?: (level: string, message: string, fields?: Record<string, unknown>) => void;
    /** Extra routes for routes not yet in build-app, registered with the server's context. */
    plugins?: ((app: FastifyInstance, ctx: AppContext) => Promise<void> | void)[];
  } = {}): Promise<TestServer> {
  const pgdb = kind === 'postgres' ? await freshPostgres() : null;
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    BATON_DATA_DIR: ':memory:',
    BATON_LOG_LEVEL: 'error',
    // The sentence encoder is its own test's subject (encoder.test.ts); elsewhere the lexical engine keeps tests quick.
    BATON_ENCODER: 'off',
    BATON_IDENTITY_SECRET: TEST_IDENTITY_SECRET,
    // Every demo agent's password is hashed at each start: the lowest cost keeps tests quick (sessions.test.ts checks the default, 2^17).
    BATON_PASSWORD_COST: '14',
    BATON_METRICS_TOKEN: TEST_METRICS_TOKEN,
    ...(pgdb ? { DATABASE_URL: pgdb.url } : {}),
    ...opts.env,
  });
  let logins: TestServer['logins'] = [];
  let context: AppContext | null = null;
  const server = await startServer(config, {
    listen: opts.listen ?? false,
    // Every response a test receives is checked against its route's schema.
    checkResponses: true,
    ...(opts.workers === false ? { workers: false } : {}),
    defaultKbDir: DEMO_KB,
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(opts.plugins ? { plugins: opts.plugins.map((p) => (app: FastifyInstance) => p(app, context!)) } : {}),
    log: (level, message, fields) => {
      opts.onLog?.(level, message, fields);
      if (level === 'error') process.stderr.write(`[server] ${message} ${JSON.stringify(fields ?? {})}\n`);
    },
    beforeListen: async (ctx) => {
      context = ctx;
      logins = (await seedDemo(ctx, { now: ctx.clock(), log: () => {} })).logins;
    },
  });
  return {
    ...server,
    config,
    logins,
    async login(who) {
      const l = logins.find((x) => x.email.startsWith(who.toLowerCase()));
      if (!l) throw new Error(`no demo agent ${who}`);
      const res = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: l.email, password: l.password } });
      if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
      return res.json().token as string;
    },
    async close() {
      await server.stop();
      await pgdb?.drop();
    },
  };
}

/**
 * A test server for the whole file: started before its tests, closed after. Call the returned
 * function inside a test to get it.
 */
export function useTestServer(kind: 'pglite' | 'postgres', opts: Parameters<typeof startTestServer>[1] = {}): () => TestServer {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startTestServer(kind, opts);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });
  return () => {
    if (!server) throw new Error('the test server runs only while the file’s tests do');
    return server;
  };
}
