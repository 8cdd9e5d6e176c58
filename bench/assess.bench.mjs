// npm run bench: the escalation engine's speed, as ratios against a keyword-only scan measured
// in the same run on the same inputs (these machines are shared and noisy; absolute numbers drift).
//   node bench/assess.bench.mjs [--kb DIR] [--input FILE.jsonl] [--seconds N]
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine, parseKbArticle, resolvePolicy } from '@baton/core';

const shared = process.env.BATON_SHARED ?? '../shared';
const { values } = parseArgs({
  options: {
    kb: { type: 'string', default: join(shared, 'eval/kb/clinc') },
    input: { type: 'string', default: join(shared, 'eval/dev/clinc.jsonl') },
    seconds: { type: 'string', default: '3' },
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
