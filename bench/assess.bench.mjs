// npm run bench: the escalation engine's speed, as ratios against baselines measured in the same
// run on the same inputs (these machines are shared and noisy; absolute numbers drift):
// - the lexical engine against a keyword-only scan;
// - the engine with the sentence encoder against the lexical engine: the KB load with a cold and a
//   warm vector cache, one conversation at a time (latency), and conversations arriving together
//   (throughput, the encoder batching their messages), with the cascade and with every message embedded.
//   node bench/assess.bench.mjs [--kb DIR] [--input FILE.jsonl] [--seconds N] [--model-conversations N] [--lexical]
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine, createEngineWithEncoder, decideMany, parseKbArticle, resolvePolicy } from '@baton/core';

const shared = process.env.BATON_SHARED ?? '../shared';
const { values } = parseArgs({
  options: {
    kb: { type: 'string', default: join(shared, 'eval/kb/clinc') },
    input: { type: 'string', default: join(shared, 'eval/dev/clinc.jsonl') },
    seconds: { type: 'string', default: '3' },
    'model-conversations': { type: 'string', default: '600' },
    lexical: { type: 'boolean', default: false },
  },
});
for (const p of [values.kb, values.input]) {
  if (!existsSync(p)) {
    console.error(`bench: ${p} is missing; the benchmark runs on the CLINC KB and conversations of ../shared/eval (or pass --kb and --input)`);
    process.exit(2);
  }
}
const seconds = Number(values.seconds);

const articles = readdirSync(values.kb).filter((f) => f.endsWith('.md')).sort().map((f) => parseKbArticle(readFileSync(join(values.kb, f), 'utf8'), f));
const conversations = readFileSync(values.input, 'utf8').split('\n').filter((l) => l.trim()).map((l) => {
  const item = JSON.parse(l);
  return { id: item.id, turns: item.messages.map((m) => ({ role: m.role, text: m.text, ...(m.articleId ? { articleId: m.articleId } : {}) })), customer: item.customer };
});

globalThis.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const t = performance.now();
const engine = createEngine({ policy: resolvePolicy(), articles });
const buildMs = performance.now() - t;
globalThis.gc?.();
const engineHeap = process.memoryUsage().heapUsed - heapBefore;

// The anchor most tools start from: a fixed keyword list over the last customer message.
const KEYWORDS = /\b(refund|legal|lawyer|report|complaint|chargeback|disgraceful|human|agent|person|representative|someone|operator)\b/i;
const keywordDecide = (c) => {
  const last = [...c.turns].reverse().find((m) => m.role === 'customer')?.text ?? '';
  return KEYWORDS.test(last) ? 'escalate' : 'answer';
};
const engineDecide = (c) => engine.decide(c).action;

/** Runs `fn` over the inputs for about `seconds`, recording each call's latency. */
function measure(name, fn) {
  for (let i = 0; i < Math.min(conversations.length, 300); i++) fn(conversations[i]); // warm-up
  const lat = [];
  let n = 0;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  let sink = 0;
  while (performance.now() < deadline) {
    for (const c of conversations) {
      const a = performance.now();
      sink += fn(c).length;
      if (lat.length < 200_000) lat.push(performance.now() - a);
      n++;
    }
  }
  const elapsed = (performance.now() - start) / 1000;
  lat.sort((x, y) => x - y);
  const q = (p) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))];
  if (sink < 0) console.log(sink);
  return { name, perSecond: n / elapsed, p50: q(0.5) * 1000, p99: q(0.99) * 1000, n };
}

const rssBefore = process.memoryUsage().rss;
const base = measure('keyword-only scan', keywordDecide);
const eng = measure('Baton engine', engineDecide);
const fmt = (n, d = 1) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

console.log(`assess benchmark: ${conversations.length} conversations from ${values.input}, KB ${values.kb} (${articles.length} articles)`);
console.log(`engine build (training on the KB): ${fmt(buildMs, 0)} ms; the built engine holds ${fmt(engineHeap / 2 ** 20, 1)} MiB of heap; rss ${fmt(process.memoryUsage().rss / 2 ** 20, 0)} MiB (${fmt(rssBefore / 2 ** 20, 0)} MiB before measuring)`);
console.log('');
console.log(['', 'conversations/s', 'p50 µs/message', 'p99 µs/message'].map((h, i) => (i ? h.padStart(16) : h.padEnd(20))).join(''));
for (const r of [base, eng]) console.log([r.name.padEnd(20), fmt(r.perSecond, 0).padStart(16), fmt(r.p50).padStart(16), fmt(r.p99).padStart(16)].join(''));
console.log('');
console.log(`ratio, engine / keyword-only: throughput ${fmt(eng.perSecond / base.perSecond, 4)}x, p50 latency ${fmt(eng.p50 / base.p50, 0)}x, p99 latency ${fmt(eng.p99 / base.p99, 0)}x`);
console.log(`target: at least 2,000 conversations/s: ${eng.perSecond >= 2000 ? 'met' : 'NOT met'} (${fmt(eng.perSecond, 0)}/s)`);

if (values.lexical) process.exit(0);

// ---------------------------------------------------------------------------------------------
// The engine with the sentence encoder.
const { createUseEncoder } = await import('@baton/encoder');
const dir = mkdtempSync(join(tmpdir(), 'baton-bench-'));
const cacheFile = join(dir, 'vectors');
const policy = resolvePolicy();
const quiet = () => {};
try {
  const kbTexts = articles.reduce((n, a) => n + 1 + a.questions.length, 0);
  let t0 = performance.now();
  const cold = await createUseEncoder({ cacheFile, log: quiet });
  const coldStart = performance.now() - t0;
  process.stderr.write(`bench: embedding the KB (${kbTexts} texts) with a cold vector cache…\n`);
  t0 = performance.now();
  await createEngineWithEncoder({ policy, articles }, cold.persistent());
  const coldLoad = performance.now() - t0;
  await cold.close();
  t0 = performance.now();
  const encoder = await createUseEncoder({ cacheFile, log: quiet, cacheSize: 1 });
  const warmStart = performance.now() - t0;
  t0 = performance.now();
  const semantic = await createEngineWithEncoder({ policy, articles }, encoder.persistent());
  const warmLoad = performance.now() - t0;
  const lexicalLoad = buildMs;

  // Each pass takes the next slice of conversations, so no message was embedded before (the
  // encoder's message cache is one entry): the figures are for unseen wordings.
  const n = Math.min(Number(values['model-conversations']), conversations.length);
  let cursor = 0;
  const slice = () => {
    const out = [];
    for (let i = 0; i < n; i++) out.push(conversations[(cursor + i) % conversations.length]);
    cursor += n;
    return out;
  };
  const perMessage = (ms) => {
    ms.sort((a, b) => a - b);
    return { p50: ms[Math.floor(0.5 * ms.length)], p99: ms[Math.min(ms.length - 1, Math.floor(0.99 * ms.length))] };
  };
  async function oneAtATime(name, eng, everything) {
    const items = slice();
    const lat = [];
    let embedded = 0;
    const start = performance.now();
    for (const c of items) {
      const a = performance.now();
      const texts = everything ? [...new Set(c.turns.filter((t) => t.role === 'customer').map((t) => t.text))] : eng.textsToEmbed(c);
      embedded += texts.length;
      const vectors = texts.length ? await encoder.embed(texts) : [];
      const byText = new Map(texts.map((t, i) => [t, vectors[i]]));
      eng.decide(c, (t) => byText.get(t));
      lat.push(performance.now() - a);
    }
    const elapsed = (performance.now() - start) / 1000;
    return { name, perSecond: items.length / elapsed, ...perMessage(lat), embeddedShare: embedded / items.length };
  }
  async function together(name, eng, window) {
    const items = slice();
    const lat = [];
    const start = performance.now();
    for (let i = 0; i < items.length; i += window) {
      const batch = items.slice(i, i + window);
      const a = performance.now();
      await decideMany(batch, () => eng, encoder);
      const ms = performance.now() - a;
      for (let k = 0; k < batch.length; k++) lat.push(ms);
    }
    const elapsed = (performance.now() - start) / 1000;
    return { name, perSecond: items.length / elapsed, ...perMessage(lat) };
  }
  const lexicalOne = await oneAtATime('lexical engine', engine, false);
  const cascadeOne = await oneAtATime('encoder, cascade', semantic, false);
  const everyOne = await oneAtATime('encoder, every msg', semantic, true);
  const cascade32 = await together('encoder, cascade, 32 together', semantic, 32);
  const stats = encoder.stats();
  await encoder.close();

  console.log('');
  console.log(`with the sentence encoder (${encoder.name}, in a worker thread), ${n} unseen conversations per row:`);
  console.log(`KB load: lexical ${fmt(lexicalLoad, 0)} ms; with vectors, cold cache ${fmt(coldStart + coldLoad, 0)} ms (model ${fmt(coldStart, 0)} ms + ${kbTexts} texts embedded and trained), warm cache ${fmt(warmStart + warmLoad, 0)} ms (model ${fmt(warmStart, 0)} ms, no text embedded)`);
  console.log(['', 'conversations/s', 'p50 ms/message', 'p99 ms/message', 'embedded/conv'].map((h, i) => (i ? h.padStart(16) : h.padEnd(32))).join(''));
  for (const r of [lexicalOne, cascadeOne, everyOne, cascade32]) {
    console.log([r.name.padEnd(32), fmt(r.perSecond, 0).padStart(16), fmt(r.p50, 2).padStart(16), fmt(r.p99, 2).padStart(16), (r.embeddedShare === undefined ? '' : fmt(r.embeddedShare, 2)).padStart(16)].join(''));
  }
  console.log('');
  console.log(`ratio to the lexical engine: cascade ${fmt(cascadeOne.perSecond / lexicalOne.perSecond, 3)}x one at a time, ${fmt(cascade32.perSecond / lexicalOne.perSecond, 3)}x 32 together; every message embedded ${fmt(everyOne.perSecond / lexicalOne.perSecond, 3)}x`);
  console.log(`the encoder ran ${stats.batches} batches of ${stats.textsEmbedded} texts (${fmt(stats.modelMs / Math.max(1, stats.textsEmbedded), 1)} ms of model time per text)`);
  console.log(`aims: a quarter of the lexical throughput: ${cascade32.perSecond >= lexicalOne.perSecond / 4 ? 'met' : 'NOT met'}; p99 <= 50 ms a message one at a time: ${cascadeOne.p99 <= 50 ? 'met' : 'NOT met'}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
