import type { Conversation } from '../conversation.js';
import type { DecisionSignals } from '../policy/decision.js';
import type { BriefAttempt } from './brief.js';
import type { VerifiedFact } from './context.js';

const WORKED = /\b(?:thanks?|thank you|that (?:helped|helps|worked|fixed it)|perfect|sorted|solved|great,? (?:that|it) works?)\b/i;
const FAILED = /\b(?:(?:did ?n[o']?t|does ?n[o']?t|didn't|doesn't|not) (?:help|work|answer)|not helpful|useless|still (?:not|no|doesn't|does not|can't|cannot|waiting|broken|the same)|that's not what i|wrong answer)\b/i;

/**
 * Whether an answer worked, read from the customer's next turn: the engine only knows an
 * attempt failed when a tool said so, but customers say it ("that didn't help"). A reply
 * that says neither is unknown (null), which the brief shows as such rather than guessing.
 */
function verdict(conversation: Conversation, messageIndex: number, failed: boolean): boolean | null {
  if (failed) return false;
  const next = conversation.turns.slice(messageIndex + 1).find((t) => t.role === 'customer');
  if (!next || typeof next.text !== 'string') return null;
  if (FAILED.test(next.text)) return false;
  if (WORKED.test(next.text)) return true;
  return null;
}

/**
 * What the assistant tried (DESIGN §4), articles and tool calls in conversation order, so the
 * agent neither resends an article that failed nor repeats a lookup that already answered.
 */
export function aiAttempts(
  conversation: Conversation,
  attempts: DecisionSignals['attempts'],
  facts: readonly VerifiedFact[],
  articles: ReadonlyMap<string, { id: string; title: string }> | undefined,
): BriefAttempt[] {
  // An article sent twice is one thing the AI tried: listed once, where it was first sent, and
  // failed if the customer said so after either sending.
  const byArticle = new Map<string, BriefAttempt>();
  for (const a of attempts) {
    const worked = verdict(conversation, a.messageIndex, a.failed);
    const seen = byArticle.get(a.articleId);
    if (seen) seen.worked = seen.worked === false || worked === false ? false : (worked ?? seen.worked);
    else byArticle.set(a.articleId, { kind: 'article', ref: a.articleId, title: articles?.get(a.articleId)?.title ?? a.articleId, messageIndex: a.messageIndex, worked });
  }
  const out: BriefAttempt[] = [...byArticle.values()];
  for (const f of facts) {
    out.push({
      kind: 'tool',
      ref: 'order_lookup',
      title: `Order lookup #${f.orderId.replace(/^#/, '')} (${f.order.status})`,
      messageIndex: f.messageIndex,
      worked: true,
    });
  }
  return out.sort((a, b) => a.messageIndex - b.messageIndex);
}
