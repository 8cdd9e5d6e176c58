import type { SentimentLabel } from '../signals/sentiment.js';
import type { BriefEntity, BriefIntent } from './brief.js';
import type { OrderRecord, VerifiedFact } from './context.js';
import { daysBetween, formatDay, parseTime } from './dates.js';
import { sameOrderId } from './key-entities.js';

/** What the suggested reply may draw on: verified facts and the customer's own words only. */
export interface ReplyContext {
  /** Full name; only the first name is used. */
  customerName?: string;
  /** Restated when no fact is available. */
  intent: BriefIntent;
  /** An apology is added only when the customer is unhappy. */
  sentiment: SentimentLabel;
  /** Which order the customer mentioned, to pick the fact to state. */
  entities: readonly BriefEntity[];
  /** The only facts the reply may state. */
  facts: readonly VerifiedFact[];
  /** The caller's clock, epoch ms. */
  now: number;
  /** The business's IANA zone for dates; default UTC. */
  timeZone?: string;
  /** A scan older than this is worth mentioning. */
  staleScanDays: number;
}

const TITLES = /^(?:mr|mrs|ms|miss|mx|dr|prof|sir|madam)\.?$/i;

/** The name a person would use: the first word that is not a title ("Dr. Sarah Jones" → "Sarah"). */
export function firstName(name: string | undefined): string | undefined {
  const words = (name ?? '').trim().split(/\s+/).filter(Boolean);
  const first = words.find((w) => !TITLES.test(w));
  return first && !/[@\d]/.test(first) ? first : undefined;
}

const IN_TRANSIT = /^(?:dispatched|shipped|sent|in[ _-]?transit|out[ _-]?for[ _-]?delivery)$/i;

/** One sentence of what the order lookup confirmed, with dates as an agent would say them. */
function orderSentence(id: string, o: OrderRecord, c: ReplyContext): string {
  const day = (iso: string | undefined) => {
    const t = parseTime(iso);
    return t === undefined ? undefined : formatDay(t, c.now, c.timeZone);
  };
  const status = o.status.trim();
  const ref = `your order #${id}`;
  if (IN_TRANSIT.test(status)) {
    const sent = day(o.dispatchedAt);
    let s = sent ? `I can see ${ref} was dispatched on ${sent}` : `I can see ${ref} has been dispatched`;
    const scan = parseTime(o.lastScanAt);
    if (scan !== undefined && daysBetween(scan, c.now) >= c.staleScanDays) s += ` and hasn't had a tracking update since ${day(o.lastScanAt)}`;
    return `${s}.`;
  }
  if (/^delivered$/i.test(status)) return `I can see ${ref} is marked as delivered.`;
  return `I can see ${ref} is currently ${status.replace(/[_-]+/g, ' ').toLowerCase()}.`;
}

/** "Wants to close their account" → "you'd like to close your account". */
function restate(summary: string): string | undefined {
  const m = /^Wants (.+)$/.exec(summary.split(';')[0]!.replace(/\s*\([^)]*\)$/, ''));
  if (!m) return undefined;
  return `you'd like ${m[1]!.replace(/\btheir\b/g, 'your').replace(/\bthey\b/g, 'you')}`;
}

/**
 * A first reply the agent can send (DESIGN §4): the customer's first name, what a tool
 * verified (or, failing that, what the customer asked for, in their terms), an apology only
 * when they are unhappy, and what happens next. It never states a fact no tool confirmed.
 */
export function suggestReply(c: ReplyContext): string {
  const name = firstName(c.customerName);
  const parts: string[] = [name ? `Hi ${name},` : 'Hi,'];
  const mentioned = c.facts.find((f) => c.entities.some((e) => e.kind === 'order_number' && sameOrderId(e.value, f.orderId) && e.messageIndex < f.messageIndex));
  const fact = mentioned ?? c.facts[0];
  if (fact) {
    parts.push(orderSentence(fact.orderId.replace(/^#/, ''), fact.order, c));
  } else if (c.intent.rule === 'human') {
    parts.push("you're now talking to a person, and I have our whole conversation in front of me.");
  } else {
    const wants = restate(c.intent.summary);
    parts.push(wants ? `I understand ${wants}.` : "I've read through our conversation, so you won't need to repeat anything.");
  }
  const security = ['lost_card', 'unrecognised_payment', 'account_takeover', 'security'].includes(c.intent.rule);
  const next = security ? 'I need to confirm a few details to verify your identity before we go further.' : "I'm looking into it now.";
  if (c.sentiment === 'upset' || c.sentiment === 'frustrated') {
    const sorry = c.intent.rule === 'where_is_order' ? "I'm sorry about the wait" : "I'm sorry about the trouble";
    parts.push(security ? `${sorry}. ${next}` : `${sorry} — ${next}`);
  } else {
    parts.push(next);
  }
  return parts.join(' ');
}
