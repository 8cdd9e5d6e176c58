import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { KbArticle } from '../answerer/kb.js';
import { parseKbArticle } from '../answerer/kb.js';
import type { Conversation } from '../conversation.js';
import type { Probe, ProbeKb } from '../testing/probes.js';
import { PROBES, probeKbs } from '../testing/probes.js';
import type { Engine } from './engine.js';
import { createEngine } from './engine.js';
import { DEFAULT_POLICY } from './policy.js';

// The hand-written probes (testing/probes.ts) against the default policy: the demo shop's KB always,
// and the eval set's retail and banking KBs when ../shared/eval is there. A probe marked `gap` is a
// known miss and must still miss, so that fixing one shows up here.
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const KB_DIRS: Record<ProbeKb, string> = {
  demo: join(ROOT, 'demo/kb'),
  retail: join(ROOT, '../shared/eval/kb/retail'),
  banking: join(ROOT, '../shared/eval/kb/banking'),
};

function loadKb(dir: string): KbArticle[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => parseKbArticle(readFileSync(join(dir, f), 'utf8'), f));
}

const engines = new Map<ProbeKb, Engine>();
function engineFor(kb: ProbeKb): Engine {
  let engine = engines.get(kb);
  if (!engine) {
    engine = createEngine({ policy: DEFAULT_POLICY, articles: loadKb(KB_DIRS[kb]) });
    engines.set(kb, engine);
  }
  return engine;
}

function conversationOf(probe: Probe): Conversation {
  const turns = typeof probe.turns === 'string' ? [{ role: 'customer' as const, text: probe.turns }] : probe.turns;
  return { turns, ...(probe.tier ? { customer: { tier: probe.tier } } : {}) };
}

/** Why the engine's decision misses the probe, or null when it meets it. */
function miss(probe: Probe, kb: ProbeKb): string | null {
  const d = engineFor(kb).decide(conversationOf(probe));
  const codes = d.reasons.map((r) => r.code);
  const got = `${d.action} [${codes.join(', ')}]${d.articleId ? ` ${d.articleId}` : ''}`;
  const e = probe.expect;
  switch (e.action) {
    case 'escalate':
      if (d.action !== 'escalate' || !codes.includes(e.reason)) return `expected escalate (${e.reason}), got ${got}`;
      if (e.absent?.some((c) => codes.includes(c))) return `expected no ${e.absent.join('/')}, got ${got}`;
      return null;
    case 'answer':
      return d.action === 'answer' && e.articles[kb]!.includes(d.articleId!) ? null : `expected answer (${e.articles[kb]!.join('|')}), got ${got}`;
    case 'hold':
      return d.action === 'escalate' || d.action === 'offer_choice' ? `expected no handoff, got ${got}` : null;
    case 'not_answer':
      return d.action !== 'answer' && codes.some((c) => c === 'low_confidence' || c === 'out_of_scope') ? null : `expected no confident answer, got ${got}`;
  }
}

const available = (kb: ProbeKb) => existsSync(KB_DIRS[kb]);
const label = (p: Probe) => `[${p.tag}] ${typeof p.turns === 'string' ? p.turns : p.turns.filter((t) => t.role === 'customer').map((t) => t.text).join(' / ')}`;

describe('hand-written probes', () => {
  for (const [group, probes] of Object.entries(PROBES)) {
    for (const kb of ['demo', 'retail', 'banking'] as const) {
      const mine = probes.filter((p) => probeKbs(p).includes(kb));
      if (mine.length === 0) continue;
      it.runIf(available(kb))(`${group} on the ${kb} KB`, () => {
        const isGap = (p: Probe) => p.gap !== undefined && (p.gapKbs ?? probeKbs(p)).includes(kb);
        const misses = mine.filter((p) => !isGap(p)).flatMap((p) => {
          const why = miss(p, kb);
          return why ? [`${label(p)}: ${why}`] : [];
        });
        const fixedGaps = mine.filter((p) => isGap(p) && miss(p, kb) === null).map(label);
        expect(misses, `${misses.length} of ${mine.length} missed:\n${misses.join('\n')}\n`).toEqual([]);
        expect(fixedGaps, 'known gaps that now pass: remove their `gap`').toEqual([]);
      });
    }
  }

  it('has a few hundred probes, for every reason', () => {
    const all = Object.values(PROBES).flat();
    expect(all.length).toBeGreaterThanOrEqual(300);
    const reasons = new Set(all.flatMap((p) => (p.expect.action === 'escalate' ? [p.expect.reason] : [])));
    for (const r of ['customer_request', 'negative_sentiment', 'keyword', 'billing', 'security', 'account_closure', 'legal', 'repeated_question', 'low_confidence', 'high_value', 'vip']) {
      expect(reasons, r).toContain(r);
    }
  });
});
