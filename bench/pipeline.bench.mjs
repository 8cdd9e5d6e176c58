// npm run bench: the message pipeline end to end (HTTP + WebSocket), as ratios against a bare
// fastify server answering the same requests in the same run (these machines are shared and
// noisy; absolute numbers drift):
// - 50 and 500 concurrent customers, each from its own address, each holding the widget's stream
//   and sending its messages one after another; every fifth customer asks for a person at the end,
//   and an agent's stream waits for each of those handoffs;
// - the same on a database holding 1,000,000 stored messages (seeded by SQL);
// - N idle widget sockets on one node: the memory they take, and whether an event to one
//   conversation costs more with them open.
// On PGlite always, and on PostgreSQL too when DATABASE_URL is set (a fresh database per run).
//   BENCH_QUICK=1 node bench/pipeline.bench.mjs   (under a minute: fewer customers, messages and sockets)
//   BENCH_ONLY=pglite|postgres                     (one database only)
//   BENCH_LOADS=50,500 BENCH_MESSAGES=10           (the numbers of concurrent customers; messages each)
//   BENCH_IDLE_SOCKETS=N                           (idle sockets opened at the end; 10,000 in a full run, 1,000 in a quick one)
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { clearInterval, clearTimeout, setInterval, setTimeout } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import WebSocket from 'ws';

const quick = process.env.BENCH_QUICK === '1';
const plan = quick
  ? { loads: [50], messages: 4, seed: 50_000, idle: Number(process.env.BENCH_IDLE_SOCKETS ?? 1_000) }
  : { loads: [50, 500], messages: 10, seed: 1_000_000, idle: Number(process.env.BENCH_IDLE_SOCKETS ?? 10_000) };
// BENCH_LOADS=50,500 sets the numbers of customers (the first is also the one run on the stored
// history), BENCH_MESSAGES the messages each sends.
if (process.env.BENCH_LOADS) plan.loads = process.env.BENCH_LOADS.split(',').map(Number);
if (process.env.BENCH_MESSAGES) plan.messages = Number(process.env.BENCH_MESSAGES);
const NODE = fileURLToPath(new URL('./pipeline-node.mjs', import.meta.url));
// Questions the demo KB answers, and a few it does not.
const QUESTIONS = ['how do I cancel my order', 'where is my parcel', 'can I change the delivery address', 'do you sell gift cards', 'what are your opening hours', 'my item arrived broken', 'how long does delivery take', 'my discount code does not work', 'thanks, that helps'];
const ASK_FOR_PERSON = 'This is useless, I want to speak to a real person now';
const fmt = (n, d = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d }) : '–');
const mb = (bytes) => bytes / 2 ** 20;
let addressCounter = 1;
const nextAddress = () => {
  const k = addressCounter++;
  return `10.${(k >> 16) & 255}.${(k >> 8) & 255}.${k & 255}`;
};

/** A server under test in its own process, driven by JSON lines. */
async function startNode(kind, env = {}) {
  // BENCH_NODE_ARGS passes flags to the servers under test, e.g. `--cpu-prof --cpu-prof-dir=prof`.
  const flags = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...flags, NODE, kind], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const queue = [];
  const waiting = [];
  lines.on('line', (line) => {
    const msg = JSON.parse(line);
    if (waiting.length) waiting.shift()(msg);
    else queue.push(msg);
  });
  const next = () => (queue.length ? Promise.resolve(queue.shift()) : new Promise((r) => waiting.push(r)));
  const ready = await next();
  const ask = async (cmd) => {
    child.stdin.write(`${JSON.stringify(cmd)}\n`);
    const r = await next();
    if (r.error) throw new Error(`${kind} node: ${r.error}`);
    return r;
  };
  return {
    ...ready,
    ask,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      await ask({ cmd: 'stop' }).catch(() => {});
      // It exits by itself (writing its CPU profile when asked to); a stuck one is ended.
      const stuck = setTimeout(() => child.kill(), 15_000);
      await exited;
      clearTimeout(stuck);
    },
  };
}

async function post(url, path, body, headers) {
  const res = await globalThis.fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const json = await res.json();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** A WebSocket on the stream; `onEvent` sees each event frame. Resolves once the server said ready. */
function openSocket(url, token, address, onEvent = () => {}) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/api/v1/stream?token=${encodeURIComponent(token)}`, { headers: { 'x-forwarded-for': address } });
    ws.on('message', (raw) => {
      const frame = JSON.parse(raw.toString());
      if (frame.type === 'ready') resolve(ws);
      else if (frame.type === 'event') onEvent(frame.event);
      else if (frame.type === 'error') reject(new Error(`stream: ${frame.error.code}`));
    });
    ws.once('error', reject);
  });
}

const quantile = (xs, p) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
};

/**
 * `customers` customers at once, `messages` each, one after another per customer. Returns the
 * figures of the message phase (conversations are opened and streams connected before the clock starts).
 */
async function load(node, customers, messages) {
  const baton = node.database !== 'none';
  const notified = new Map();
  const asked = new Map();
  let agentSocket = null;
  if (baton) {
    const { token } = await post(node.url, '/api/v1/auth/login', node.agent, { 'x-forwarded-for': nextAddress() });
    agentSocket = await openSocket(node.url, token, nextAddress(), (e) => {
      if (e.type === 'handoff.requested' && !notified.has(e.conversationId)) notified.set(e.conversationId, performance.now());
    });
  }
  const people = await Promise.all(
    Array.from({ length: customers }, async (_, i) => {
      const address = nextAddress();
      const conv = await post(node.url, '/api/v1/conversations', {}, { 'x-forwarded-for': address });
      const socket = await openSocket(node.url, conv.token, address);
      return { i, address, conv, socket };
    }),
  );
  const latencies = [];
  let failed = 0;
  const statsBefore = await node.ask({ cmd: 'stats' });
  let rssPeak = statsBefore.rss;
  const sampler = setInterval(() => void node.ask({ cmd: 'stats' }).then((s) => (rssPeak = Math.max(rssPeak, s.rss))), 250);
  const start = performance.now();
  await Promise.all(
    people.map(async ({ i, address, conv }) => {
      for (let m = 0; m < messages; m++) {
        const escalate = m === messages - 1 && i % 5 === 0;
        const text = escalate ? ASK_FOR_PERSON : QUESTIONS[(i + m) % QUESTIONS.length];
        const t = performance.now();
        if (escalate) asked.set(conv.id, t);
        try {
          await post(node.url, `/api/v1/conversations/${conv.id}/messages`, { text, clientMessageId: `b-${i}-${m}` }, { authorization: `Bearer ${conv.token}`, 'x-forwarded-for': address });
          latencies.push(performance.now() - t);
        } catch (err) {
          if (failed++ === 0) process.stderr.write(`bench: a message failed: ${err.message}${err.cause ? ` (${err.cause.code ?? err.cause.message})` : ''}\n`);
        }
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  clearInterval(sampler);
  const statsAfter = await node.ask({ cmd: 'stats' });
  rssPeak = Math.max(rssPeak, statsAfter.rss);
  // Wait for the agent to hear of every handoff (or give up after 10 s: reported as missing).
  const deadline = performance.now() + 10_000;
  while (baton && [...asked.keys()].some((id) => !notified.has(id)) && performance.now() < deadline) await sleep(20);
  const notify = [...asked].filter(([id]) => notified.has(id)).map(([id, t]) => notified.get(id) - t);
  for (const p of people) p.socket.close();
  agentSocket?.close();
  const sent = customers * messages;
  return {
    perSecond: latencies.length / elapsed,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    notifyP50: quantile(notify, 0.5),
    notifyP99: quantile(notify, 0.99),
    missing: baton ? asked.size - notify.length : 0,
    failed,
    rss: rssPeak,
    cpuPerMessage: (statsAfter.cpuMs - statsBefore.cpuMs) / Math.max(1, sent),
  };
}

/** CPU time (ms) the PostgreSQL backends serving `dbName` have used so far, from /proc (0 where unreadable). */
function postgresCpuMs(dbName) {
  let total = 0;
  const tick = 1000 / 100;
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        if (!cmd.startsWith('postgres: ') || !cmd.includes(` ${dbName} `)) continue;
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
        total += (Number(stat[11]) + Number(stat[12])) * tick;
      } catch {
        // The process ended meanwhile.
      }
    }
  } catch {
    return 0;
  }
  return total;
}

async function withPostgresDatabase(fn) {
  const admin = process.env.DATABASE_URL;
  const name = `baton_bench_${process.pid}`;
  const run = async (q) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    try {
      await c.query(q);
    } finally {
      await c.end();
    }
  };
  await run(`drop database if exists ${name} with (force)`);
  await run(`create database ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  try {
    return await fn(url.toString(), name);
  } finally {
    await run(`drop database if exists ${name} with (force)`).catch(() => {});
  }
}

const rows = [];
const row = (label, r, base) => rows.push({ label, r, base });

async function benchDatabase(label, env, dbName) {
  const node = await startNode('baton', env);
  process.stderr.write(`bench: Baton on ${label} ready\n`);
  try {
    const pgBefore = dbName ? postgresCpuMs(dbName) : 0;
    for (const customers of plan.loads) {
      const r = await load(node, customers, plan.messages);
      if (dbName && customers === plan.loads[0]) r.pgCpuPerMessage = (postgresCpuMs(dbName) - pgBefore) / (customers * plan.messages);
      row(`${label}, ${customers} customers`, r, bare.get(customers));
    }
    process.stderr.write(`bench: seeding ${fmt(plan.seed)} stored messages on ${label}…\n`);
    const seeded = await node.ask({ cmd: 'seed', messages: plan.seed });
    process.stderr.write(`bench: seeded ${fmt(seeded.seeded)} messages in ${fmt(seeded.ms / 1000, 1)} s\n`);
    const customers = plan.loads[0];
    row(`${label}, ${customers} customers, ${fmt(seeded.seeded)} messages stored`, await load(node, customers, plan.messages), bare.get(customers));
    return node;
  } catch (err) {
    await node.stop();
    throw err;
  }
}

/** N idle widget sockets on one node: their memory, and the cost of one conversation's events beside them. */
async function idleSockets(node, label) {
  const few = await load(node, 10, plan.messages);
  const before = await node.ask({ cmd: 'stats' });
  const { tokens } = await node.ask({ cmd: 'idle-tokens', n: plan.idle });
  const sockets = [];
  const t = performance.now();
  for (let i = 0; i < tokens.length; i += 200) {
    sockets.push(...(await Promise.all(tokens.slice(i, i + 200).map((tk) => openSocket(node.url, tk, nextAddress())))));
  }
  const connectS = (performance.now() - t) / 1000;
  const opened = await node.ask({ cmd: 'stats' });
  const many = await load(node, 10, plan.messages);
  for (const s of sockets) s.terminate();
  return { label, n: sockets.length, connectS, rssBefore: before.rss, rssOpen: opened.rss, few, many };
}

// ---------------------------------------------------------------------------------------------
console.error(`bench: pipeline, ${quick ? 'quick mode' : 'full'}: ${plan.loads.join(' and ')} customers x ${plan.messages} messages; then ${fmt(plan.seed)} stored messages; then ${fmt(plan.idle)} idle sockets`);
const bare = new Map();
{
  const node = await startNode('bare');
  for (const customers of plan.loads) {
    const r = await load(node, customers, plan.messages);
    bare.set(customers, r);
    row(`bare fastify, ${customers} customers`, r);
  }
  await node.stop();
}
const idle = [];
if (process.env.BENCH_ONLY !== 'postgres') {
  const pgliteNode = await benchDatabase('PGlite', {});
  if (!process.env.DATABASE_URL || process.env.BENCH_ONLY === 'pglite') idle.push(await idleSockets(pgliteNode, 'PGlite'));
  await pgliteNode.stop();
}
if (process.env.DATABASE_URL && process.env.BENCH_ONLY !== 'pglite') {
  await withPostgresDatabase(async (url, name) => {
    const node = await benchDatabase('PostgreSQL', { BENCH_DB: 'postgres', DATABASE_URL: url }, name);
    try {
      idle.push(await idleSockets(node, 'PostgreSQL'));
    } finally {
      await node.stop();
    }
  });
}

const head = ['', 'msg/s', 'x bare', 'reply p50', 'reply p99', 'notify p50', 'notify p99', 'RSS MB', 'CPU ms/msg', 'PG ms/msg', 'lost'];
const widths = [52, 8, 8, 10, 10, 11, 11, 8, 11, 10, 6];
const line = (cells) => cells.map((c, i) => (i ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join('');
console.log('');
console.log(`message pipeline (${quick ? 'BENCH_QUICK' : 'full'}; ms; notify = escalation to the agent's stream; lost = failed posts + handoffs never notified)`);
console.log(line(head));
for (const { label, r, base } of rows) {
  console.log(line([label, fmt(r.perSecond), base ? fmt(r.perSecond / base.perSecond, 3) : '', fmt(r.p50, 1), fmt(r.p99, 1), fmt(r.notifyP50, 1), fmt(r.notifyP99, 1), fmt(mb(r.rss)), fmt(r.cpuPerMessage, 2), r.pgCpuPerMessage === undefined ? '' : fmt(r.pgCpuPerMessage, 2), r.failed + r.missing]));
}
const byLabel = (prefix) => rows.find((x) => x.label.startsWith(prefix) && !x.label.includes('stored'));
for (const db of ['PGlite', 'PostgreSQL']) {
  const empty = byLabel(`${db}, ${plan.loads[0]} customers`);
  const full = rows.find((x) => x.label.startsWith(`${db},`) && x.label.includes('stored'));
  if (empty && full) console.log(`${db}: with history, throughput ${fmt(full.r.perSecond / empty.r.perSecond, 3)}x of the empty database; reply p99 ${fmt(full.r.p99 / empty.r.p99, 2)}x`);
}
for (const s of idle) {
  console.log(
    `${s.label}: ${fmt(s.n)} idle widget sockets opened in ${fmt(s.connectS, 1)} s; node RSS ${fmt(mb(s.rssBefore))} -> ${fmt(mb(s.rssOpen))} MB; ` +
      `10 customers beside them: reply p50 ${fmt(s.few.p50, 1)} -> ${fmt(s.many.p50, 1)} ms, CPU ${fmt(s.few.cpuPerMessage, 2)} -> ${fmt(s.many.cpuPerMessage, 2)} ms/msg (${fmt(s.many.cpuPerMessage / s.few.cpuPerMessage, 2)}x)`,
  );
}
