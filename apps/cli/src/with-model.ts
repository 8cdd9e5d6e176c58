import type { Conversation, Decision, Engine } from '@baton/core';
import type { LlmClient } from '@baton/server';
import { askModel, createLlmClient, loadConfig, modelFailedDecision } from '@baton/server';

/** What the model did during a run, for the report. */
export interface ModelRunStats {
  provider: string;
  model: string;
  calls: number;
  failures: number;
  latencyMs: number[];
  inputTokens: number;
  outputTokens: number;
}

/**
 * The language model of `BATON_LLM_*` (docs/llm.md), for `baton eval` and `baton backtest`: the
 * same settings as the server's, read the same way (a bad value stops the run, named), so a team
 * can measure its model on its own data before switching it on. Null when BATON_LLM is unset.
 */
export function modelFromEnv(env: Record<string, string | undefined> = process.env): { llm: LlmClient; stats: ModelRunStats } | null {
  const only = Object.fromEntries(Object.entries(env).filter(([k]) => k.startsWith('BATON_LLM')));
  const config = loadConfig(only).llm;
  if (!config) return null;
  return { llm: createLlmClient(config, { clock: () => new Date() }), stats: { provider: config.provider, model: config.model, calls: 0, failures: 0, latencyMs: [], inputTokens: 0, outputTokens: 0 } };
}

/**
 * One decision as the server takes it in LLM mode: the policy's own decision stands when it hands
 * over or offers a choice; otherwise the model's opinion is weighed in, and a failed call falls
 * back as BATON_LLM_FALLBACK says.
 */
export async function decideWithModel(model: { llm: LlmClient; stats: ModelRunStats }, engine: Engine, conversation: Conversation, decision: Decision): Promise<Decision> {
  if (decision.action === 'escalate' || decision.action === 'offer_choice') return decision;
  const asked = await askModel(model.llm, { engine, articles: engine.answerer?.articles ?? new Map(), conversation, decision });
  const s = model.stats;
  s.calls++;
  s.latencyMs.push(asked.result.latencyMs);
  s.inputTokens += asked.result.usage.inputTokens;
  s.outputTokens += asked.result.usage.outputTokens;
  if (asked.ok) return asked.decision;
  s.failures++;
  return model.llm.config.fallback === 'escalate' ? modelFailedDecision(decision, asked, conversation.turns.length - 1) : decision;
}

/** One line for the end of a report. */
export function formatModelStats(s: ModelRunStats): string {
  const sorted = [...s.latencyMs].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : 0);
  return `Language model ${s.provider} ${s.model}: ${s.calls} calls, ${s.failures} failed (the fallback decided those); latency p50 ${at(0.5)} ms, p99 ${at(0.99)} ms; ${s.inputTokens} input and ${s.outputTokens} output tokens`;
}

/**
 * An engine whose decisions include the model's opinion, for the backtest's synchronous replay:
 * `prepare` asks the model, ahead of the replay, for every message the replay will decide (each
 * customer turn up to the first handoff with `each`, the last one with `last`), and `decide` then
 * reads those decisions back. A conversation that was not prepared is decided by the engine alone.
 */
export function withModelDecisions(engine: Engine, model: { llm: LlmClient; stats: ModelRunStats }): Engine & { prepare(conversation: Conversation, replay: 'last' | 'each'): Promise<void> } {
  const decided = new Map<string, Decision>();
  const key = (c: Conversation) => `${c.id}\u0000${c.turns.length}`;
  const one = async (c: Conversation) => {
    const d = await decideWithModel(model, engine, c, engine.decide(c));
    decided.set(key(c), d);
    return d;
  };
  return {
    get policy() {
      return engine.policy;
    },
    get answerer() {
      return engine.answerer;
    },
    get semantic() {
      return engine.semantic;
    },
    get vectors() {
      return engine.vectors;
    },
    textsToEmbed: (c) => engine.textsToEmbed(c),
    decide: (c, vectors) => decided.get(key(c)) ?? engine.decide(c, vectors),
    async prepare(conversation, replay) {
      const turns = conversation.turns;
      if (replay === 'each') {
        for (let i = 0; i < turns.length; i++) {
          if (turns[i]!.role === 'agent') break;
          if (turns[i]!.role !== 'customer') continue;
          if ((await one({ ...conversation, turns: turns.slice(0, i + 1) })).action === 'escalate') return;
        }
      }
      await one(conversation);
    },
  };
}
