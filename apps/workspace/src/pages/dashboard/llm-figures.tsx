import { useEffect, useState } from 'react';
import type { TLlmMetrics } from '@baton/contracts';
import { count, NO_DATA, pct } from '../../format';
import { useWorkspace } from '../../workspace';
import type { Range } from './dashboard-page';
import { Kpi } from './kpi';

const ms = (v: number | null) => (v === null ? NO_DATA : v < 1000 ? `${Math.round(v)} ms` : `${(v / 1000).toFixed(1)} s`);
const usd = (v: number | null) => (v === null ? NO_DATA : v < 0.01 ? `$${v.toFixed(4)}` : `$${v.toFixed(2)}`);

/**
 * The language model's tiles (LLM mode, docs/llm.md): latency, tokens and cost per conversation,
 * failures and fallbacks over the period. Nothing shows while the model has not been called.
 */
export function LlmFigures({ range }: { range: Range }) {
  const { api } = useWorkspace();
  const [m, setM] = useState<TLlmMetrics | null>(null);
  useEffect(() => {
    let live = true;
    const q = new URLSearchParams({ from: range.from, to: range.to });
    api
      .get<TLlmMetrics>(`/metrics/llm?${q.toString()}`)
      .then((r) => live && setM(r))
      .catch(() => live && setM(null));
    return () => {
      live = false;
    };
  }, [api, range]);
  if (!m || m.calls === 0) return null;
  return (
    <section aria-labelledby="llm-kpi-h" className="kpi-section">
      <h2 id="llm-kpi-h">Language model</h2>
      <ul className="kpis plain">
        <Kpi id="llm-latency" label="Model answer time" value={ms(m.latencyP50Ms)} sub={`median · 99 in 100 within ${ms(m.latencyP99Ms)}`} />
        <Kpi id="llm-tokens" label="Tokens per conversation" value={m.tokensPerConversation === null ? NO_DATA : String(Math.round(m.tokensPerConversation))} sub={`${count(m.inputTokens + m.outputTokens, 'token')} over ${count(m.conversations, 'conversation')}`} />
        <Kpi id="llm-cost" label="Estimated cost per conversation" value={usd(m.costPerConversation)} sub={m.costTotal === null ? 'set BATON_LLM_PRICE to estimate it' : `${usd(m.costTotal)} in all`} />
        <Kpi id="llm-failures" label="Model calls that failed" value={pct(m.calls ? m.failures / m.calls : null)} sub={`${m.failures} of ${count(m.calls, 'call')} · ${count(m.fallbacks, 'fallback')}`} />
      </ul>
    </section>
  );
}
