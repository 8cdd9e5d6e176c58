// One server under test for bench/pipeline.bench.mjs, in its own process so that its RSS and CPU
// are its own: `baton` (the real server, demo KB and agents) or `bare` (fastify answering the same
// routes with canned JSON, the transport's ceiling). It prints one JSON line when ready, then
// answers commands read from stdin, one JSON line each:
//   {"cmd":"stats"}                   → {rss, cpuMs}
//   {"cmd":"seed","messages":N}       → {seeded, ms}   (stored history, by SQL, baton only)
//   {"cmd":"idle-tokens","n":N}       → {tokens: [...]} (conversations for idle widget sockets)
import { randomBytes, createHash } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const kind = process.argv[2];
const DEMO_KB = fileURLToPath(new URL('../demo/kb', import.meta.url));
const reply = (o) => process.stdout.write(`${JSON.stringify(o)}\n`);

let handle;
if (kind === 'bare') handle = await startBare();
else if (kind === 'baton') handle = await startBaton();
else throw new Error(`bench: unknown server kind ${kind} (baton or bare)`);

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
reply({ ready: true, ...handle.info });
const lines = createInterface({ input: process.stdin });
lines.on('line', async (line) => {
  const msg = JSON.parse(line);
  try {
    if (msg.cmd === 'stats') reply({ rss: process.memoryUsage().rss, cpuMs: cpu() });
    else if (msg.cmd === 'seed') reply(await handle.seed(msg.messages));
    else if (msg.cmd === 'idle-tokens') reply(await handle.idleTokens(msg.n));
    else if (msg.cmd === 'stop') {
      await handle.stop();
      reply({ stopped: true });
      process.exit(0);
    }
  } catch (err) {
    reply({ error: err.message });
  }
});
lines.on('close', () => process.exit(0));

async function startBaton() {
  const { loadConfig, seedDemo, startServer } = await import('@baton/server');
  const env = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    BATON_LOG_LEVEL: 'error',
    BATON_DATA_DIR: ':memory:',
    BATON_TRUST_PROXY: '127.0.0.1',
    BATON_ENCODER: process.env.BATON_ENCODER ?? 'off',
    BATON_PASSWORD_COST: '14',
  };
  if (process.env.BENCH_DB !== 'postgres') delete env.DATABASE_URL;
  let logins = [];
  const server = await startServer(loadConfig(env), {
    defaultKbDir: DEMO_KB,
    log: (level, message) => level === 'error' && process.stderr.write(`baton: ${message}\n`),
    beforeListen: async (ctx) => {
      ({ logins } = await seedDemo(ctx, { now: ctx.clock(), log: () => {} }));
    },
  });
  const db = server.ctx.db;
  const agent = logins.find((l) => l.email === 'alex@northwind.example');
  return {
    info: { url: server.url, database: db.kind, agent: { email: agent.email, password: agent.password } },
    stop: () => server.stop(),
    /** History that grows: conversations of ten messages each, with one event per message, in set-based SQL. */
    async seed(messages) {
      const t = performance.now();
      const conversations = Math.ceil(messages / 10);
      const tag = randomBytes(4).toString('hex');
      await db.executeSql(
        `insert into conversations (id, case_number, customer_name, status, token_hash, reply_token, last_seq, created_at, updated_at)
         select 'seed-${tag}-' || g, 'S-${tag}-' || g, 'Seeded customer', 'resolved', md5('${tag}' || g), 'seed${tag}' || g, 10, now() - interval '30 days', now() - interval '30 days'
         from generate_series(1, $1::int) g`,
        [conversations],
      );
      await db.executeSql(
        `insert into messages (id, conversation_id, seq, author_kind, text, client_message_id, reply_to, created_at)
         select 'seed-${tag}-' || c || '-' || s, 'seed-${tag}-' || c, s, case when s % 2 = 1 then 'customer' else 'ai' end,
                'A message from the history of this shop, number ' || s, case when s % 2 = 1 then 'cm-' || s end,
                case when s % 2 = 0 then 'seed-${tag}-' || c || '-' || (s - 1) end, now() - interval '30 days'
         from generate_series(1, $1::int) c cross join generate_series(1, 10) s`,
        [conversations],
      );
      await seedEvents(db, tag, conversations);
      await db.executeSql('analyze');
      return { seeded: conversations * 10, ms: Math.round(performance.now() - t) };
    },
    /** Conversations whose customer tokens are known, for idle widget sockets. */
    async idleTokens(n) {
      const tag = randomBytes(4).toString('hex');
      const tokens = Array.from({ length: n }, (_, i) => `idle-${tag}-${i}`);
      const hashes = tokens.map((t) => createHash('sha256').update(t).digest('hex'));
      await db.executeSql(
        `insert into conversations (id, case_number, customer_name, status, token_hash, reply_token, token_used_at)
         select 'idle-${tag}-' || i, 'I-${tag}-' || i, 'Idle customer', 'ai', h, 'idle${tag}' || i, now()
         from unnest($1::text[]) with ordinality as t(h, i)`,
        [hashes],
      );
      return { tokens };
    },
  };
}

/**
 * One `message.created` event per seeded message. They are history: numbered below every event
 * already stored, so no reader resuming from a recent number is sent them, yet every lookup on the
 * log runs over them.
 */
async function seedEvents(db, tag, conversations) {
  await db.executeSql(
    `insert into events (seq, type, conversation_id, payload, created_at)
     select (select coalesce(min(seq), 0) from events) - (c - 1) * 10 - s, 'message.created', 'seed-${tag}-' || c,
            jsonb_build_object('message', jsonb_build_object('id', 'seed-${tag}-' || c || '-' || s, 'seq', s, 'text', 'seeded')), now() - interval '30 days'
     from generate_series(1, $1::int) c cross join generate_series(1, 10) s`,
    [conversations],
  );
}

async function startBare() {
  const { default: Fastify } = await import('fastify');
  const { default: websocket } = await import('@fastify/websocket');
  const app = Fastify({ logger: false });
  await app.register(websocket);
  let n = 0;
  const message = (text, kind) => ({ id: `m${++n}`, seq: n, author: { kind }, text, createdAt: new Date().toISOString() });
  app.post('/api/v1/conversations', async () => ({ id: `c${++n}`, caseNumber: `C-${n}`, token: randomBytes(16).toString('base64url') }));
  app.post('/api/v1/conversations/:id/messages', async (req) => ({ message: message(req.body.text, 'customer'), replies: [message('A canned answer from the knowledge base.', 'ai')] }));
  app.post('/api/v1/auth/login', async () => ({ token: 'bare', agent: { id: 'a1' } }));
  app.get('/api/v1/stream', { websocket: true }, (socket) => socket.send(JSON.stringify({ type: 'ready', seq: n })));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { info: { url, database: 'none' }, stop: () => app.close(), seed: async () => ({ seeded: 0, ms: 0 }), idleTokens: async (k) => ({ tokens: Array.from({ length: k }, (_, i) => `t${i}`) }) };
}
