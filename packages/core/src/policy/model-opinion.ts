import type { Conversation } from '../conversation.js';
import { normalizeText } from '../text/normalize.js';
import type { Decision, Reason } from './decision.js';
import { countClarifications } from './engine.js';
import type { Policy } from './policy.js';
import { PRIORITIES } from './policy.js';
import { computePriority } from './priority.js';
import type { ReasonCode } from './reasons.js';

/** The sensitive topics a model may name, as the reason codes of DESIGN §3. */
export const MODEL_TOPIC_CODES = ['complaint', 'billing', 'security', 'account_closure', 'legal', 'health_safety', 'personal_safety', 'accessibility', 'policy_exception'] as const satisfies readonly ReasonCode[];
export type ModelTopicCode = (typeof MODEL_TOPIC_CODES)[number];

/** Something a model noticed in the customer's last message, with the words that show it. */
export type ModelFlag =
  | { kind: 'human_request'; evidence: string }
  | { kind: 'upset'; evidence: string }
  | { kind: 'sensitive_topic'; topic: ModelTopicCode; evidence: string };

/** What a language model made of the customer's last message: inputs to the policy, never a verdict. */
export interface ModelOpinion {
  /** The model's own confidence (0..1) that the articles it cited answer the question. */
  confidence: number;
  /** True when the answer cites at least one of the retrieved articles and nothing else. */
  grounded: boolean;
  /** What the rules may have missed; each flag counts only when its evidence is in the message. */
  flags: ModelFlag[];
}

/**
 * The policy's decision with a model's opinion added (DESIGN §9). The rules' reasons all stay:
 * a model can add a reason (a request for a person in any language, an upset customer, a
 * sensitive topic) when the words it quotes are in the customer's message, and it can lower
 * confidence in an answer, but it never removes a reason nor turns a handoff into an answer. A
 * flag quoting words the customer did not write is ignored, so text a customer wrote to steer
 * the model ("ignore your instructions…") can only ever make a handoff more likely.
 */
export function applyModelOpinion(decision: Decision, opinion: ModelOpinion, policy: Policy, conversation: Conversation): Decision {
  const turns = conversation.turns;
  let last = turns.length - 1;
  while (last >= 0 && turns[last]!.role !== 'customer') last--;
  if (last < 0 || decision.action === 'escalate') return decision;
  const text = comparable(String(turns[last]!.text ?? ''));
  const reasons: Reason[] = [...decision.reasons];
  const add = (code: ReasonCode, detail: string) => {
    if (!reasons.some((r) => r.code === code && r.messageIndex === last)) reasons.push({ code, detail, messageIndex: last });
  };
  for (const flag of opinion.flags) {
    const evidence = flag.evidence.replace(/\s+/g, ' ').trim();
    if (comparable(evidence).length < 2 || !text.includes(comparable(evidence))) continue;
    const quoted = `"${evidence.length > 60 ? `${evidence.slice(0, 59)}…` : evidence}"`;
    if (flag.kind === 'human_request' && policy.customerRequest.enabled && decision.action !== 'offer_choice') add('customer_request', `the model read a request for a person: ${quoted}`);
    if (flag.kind === 'upset' && policy.sentiment.enabled && policy.sentiment.escalateWhenUpset) add('negative_sentiment', `the model reads the customer as upset: ${quoted}`);
    if (flag.kind === 'sensitive_topic' && policy.topics.enabled && (MODEL_TOPIC_CODES as readonly string[]).includes(flag.topic)) add(flag.topic, `the model read a sensitive topic (${flag.topic.replace(/_/g, ' ')}): ${quoted}`);
  }
  let action: Decision['action'] = decision.action;
  if (reasons.length > decision.reasons.length) action = 'escalate';
  else if (action === 'answer' && policy.confidence.enabled && (!opinion.grounded || opinion.confidence < policy.confidence.threshold)) {
    // The model doubts the article answers the question: the policy's low-confidence rule applies to it.
    const clarified = countClarifications(turns, last);
    const why = opinion.grounded ? `the model's confidence ${opinion.confidence.toFixed(2)} is below ${policy.confidence.threshold}` : 'the model found no retrieved article that answers it';
    add('low_confidence', clarified < policy.confidence.clarifyTimes ? `${why}; asking a clarifying question` : `${why} after ${clarified} clarifying question${clarified === 1 ? '' : 's'}`);
    action = clarified < policy.confidence.clarifyTimes ? 'clarify' : 'escalate';
  }
  if (action === decision.action && reasons.length === decision.reasons.length) return decision;
  const out: Decision = { ...decision, action, reasons };
  if (action === 'escalate') {
    // Most important first, as the engine orders them; ties keep their order.
    const rank = (code: ReasonCode) => PRIORITIES.indexOf(policy.priority.base[code] ?? 'low');
    out.reasons = reasons.map((r, i) => ({ r, i })).sort((a, b) => rank(b.r.code) - rank(a.r.code) || a.i - b.i).map(({ r }) => r);
    const tier = conversation.customer?.tier;
    const vip = policy.tier.enabled && typeof tier === 'string' && policy.tier.tiers.some((t) => t.toLowerCase() === tier.toLowerCase());
    const streak = decision.sentiment.label === 'frustrated' || decision.sentiment.label === 'upset' ? 1 : 0;
    out.priority = computePriority(out.reasons, policy, { frustratedStreak: streak, label: decision.sentiment.label }, vip);
    delete out.quickReplies;
  }
  return out;
}

/** Text as compared for evidence: accents, quotes, case and runs of spaces folded. */
function comparable(text: string): string {
  return normalizeText(text).replace(/\s+/g, ' ').trim();
}
