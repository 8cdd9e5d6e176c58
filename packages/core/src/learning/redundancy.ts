/**
 * Redundancy and customer repeat (DESIGN §4, §8): the two ways a handoff makes the customer say
 * something twice. An agent asks for a detail the brief already held ("what is your order
 * number?" when the brief shows #4821), or the customer restates, after the handoff, something
 * already in the transcript the agent was given. Both are measured, and the first is warned
 * about in the composer before the message goes out.
 */
import type { Brief } from '../brief/brief.js';
import { findRepetition } from '../signals/repetition.js';
import type { Repetition } from '../signals/repetition.js';
import { questionSimilarity } from '../signals/repetition.js';
import { graphemePrefix } from '../text/clip-text.js';

/** A detail an agent can ask the customer for, which the brief may already hold. */
export type AskedField =
  | 'order_number'
  | 'invoice_number'
  | 'tracking_number'
  | 'email'
  | 'phone'
  | 'account_id'
  | 'error_code'
  | 'version'
  | 'browser'
  | 'device'
  | 'name';

/** An agent's question for a detail the brief already held. */
export interface RedundantAsk {
  /** What was asked for. */
  field: AskedField;
  /** The value the brief held, e.g. "4821". */
  value: string;
  /** The sentence of the agent's message that asks for it, as written. */
  phrase: string;
}

/** The parts of a brief the check reads, so callers can pass a stored brief or a fragment of one. */
export interface RedundancyBrief {
  /** The brief's key entities. */
  entities: Brief['entities'];
  /** The headline: the customer's name and account id. */
  headline?: Partial<Pick<Brief['headline'], 'customerName' | 'accountId'>>;
  /** The account summary: its customer id stands for the account when no account id was given. */
  account?: Pick<NonNullable<Brief['account']>, 'customerId'> | null;
  /** What the customer wants; read by {@link firstReplyAddresses}. */
  intent?: Pick<Brief['intent'], 'summary'>;
}

/** How each field is named in an agent's question. Bounded patterns only. */
const FIELD_WORDS: [AskedField, RegExp][] = [
  ['order_number', /\b(?:order (?:number|no\.?|num|id|reference|ref)|order ?#|which order|what order)\b/i],
  ['invoice_number', /\binvoice (?:number|no\.?|num|id|reference|ref)\b/i],
  ['tracking_number', /\btracking (?:number|no\.?|code|id|reference|link)\b/i],
  // "your email", "which email": not "I've sent you an email", which is no ask for the address.
  ['email', /\b(?:(?:your|which|what|the) e-?mail address|(?:your|which|what) e-?mail)\b/i],
  ['phone', /\b(?:(?:your|which|what|the|a) (?:phone|mobile|telephone|contact) number|your (?:phone|mobile)|number to (?:call|reach) you)\b/i],
  ['account_id', /\b(?:account (?:number|no\.?|num|id|reference|ref)|customer (?:number|id))\b/i],
  ['error_code', /\b(?:error (?:code|message|number)|the error you (?:see|get|got))\b/i],
  ['version', /\b(?:(?:app|software|os|ios|android) version|which version|what version|version (?:number|of the app))\b/i],
  ['browser', /\b(?:which|what) (?:web )?browser\b/i],
  ['device', /\b(?:which|what) (?:device|phone model|model of phone|kind of (?:device|phone))\b/i],
  ['name', /\byour (?:full )?name\b/i],
];

/** Entity kinds that answer each field. */
const FIELD_KINDS: Partial<Record<AskedField, string>> = {
  order_number: 'order_number',
  invoice_number: 'invoice_number',
  tracking_number: 'tracking_number',
  email: 'email',
  phone: 'phone',
  account_id: 'account_id',
  error_code: 'error_code',
  version: 'version',
  browser: 'browser',
  device: 'device',
};

/** Wording that asks the customer for something, beyond a question mark. */
const ASK_CUE =
  /\b(?:can you|could you|would you|will you|can i (?:have|get)|could i (?:have|get)|may i (?:have|get|ask)|please (?:send|provide|share|give|tell|confirm|type|enter|reply)|(?:send|provide|share|give|tell) (?:me|us)|i(?: will| would|'ll|'d)? need|we(?: will| would|'ll|'d)? need|let me (?:have|know)|what(?:'s| is| was) (?:your|the))\b/i;

/** Asking for another one is not asking for the one the brief holds. */
const OTHER_ONE = /\b(?:another|other|different|second|new|alternative|backup|additional)\b/i;

/** Sentences: split after ., ?, ! or a dash used as a separator, and at line breaks. */
function sentences(text: string): string[] {
  return graphemePrefix(text, 4000)
    .split(/(?<=[.?!])\s+|\s+[—–-]\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** The brief's known values for one field. */
function knownValues(field: AskedField, brief: RedundancyBrief): string[] {
  const out: string[] = [];
  const kind = FIELD_KINDS[field];
  if (kind) for (const e of brief.entities ?? []) if (e.kind === kind && e.value) out.push(e.value);
  if (field === 'account_id') {
    if (brief.headline?.accountId) out.push(brief.headline.accountId);
  }
  if (field === 'name' && brief.headline?.customerName) out.push(brief.headline.customerName);
  return out;
}

/** Whether a sentence already states a value: then it confirms or uses it, it does not ask for it. */
function mentions(sentence: string, value: string): boolean {
  const s = sentence.toLowerCase();
  const v = value.toLowerCase();
  if (s.includes(v)) return true;
  // Phone numbers and long ids are written with spaces or dashes: compare the digits.
  const digits = v.replace(/\D/g, '');
  if (digits.length < 4) return false;
  const written = s.replace(/\D/g, '');
  // "+44 7700 900123" and "07700 900123" are one number: the last nine digits decide.
  return written.includes(digits) || (digits.length >= 9 && written.includes(digits.slice(-9)));
}

/**
 * The first sentence of an agent's message that asks the customer for a detail the brief
 * already held, or null. A sentence asks when it is a question or uses asking words ("can you
 * give me", "I'll need", "what is your"); it is not redundant when it states the known value
 * itself ("I can see order #4821, is that right?") or asks for another one ("a different email").
 */
export function findRedundantAsk(agentText: string, brief: RedundancyBrief): RedundantAsk | null {
  if (typeof agentText !== 'string' || !agentText.trim()) return null;
  const all = sentences(agentText);
  for (const sentence of all) {
    const asks = sentence.includes('?') || ASK_CUE.test(sentence);
    if (!asks || OTHER_ONE.test(sentence)) continue;
    for (const [field, words] of FIELD_WORDS) {
      if (!words.test(sentence)) continue;
      const values = knownValues(field, brief);
      if (!values.length) continue;
      // Anywhere in the message: "Order #4821 — what's the order number on the label?" uses it.
      if (values.some((v) => all.some((s) => mentions(s, v)))) continue;
      return { field, value: values[0]!, phrase: sentence };
    }
  }
  return null;
}

/** Options for {@link findCustomerRepeat}. */
export interface CustomerRepeatOptions {
  /** Minimum {@link questionSimilarity} that counts as a restatement; default 0.6, as for repetition. */
  threshold?: number;
}

/**
 * Whether a customer, after the handoff, restates something already in the transcript: the most
 * similar earlier customer turn at or above the threshold, or null. `turnIndex` indexes
 * `earlierCustomerTexts`.
 */
export function findCustomerRepeat(customerText: string, earlierCustomerTexts: readonly string[], opts: CustomerRepeatOptions = {}): Repetition | null {
  return findRepetition(customerText, earlierCustomerTexts, opts.threshold !== undefined ? { threshold: opts.threshold } : {});
}

/** Leading words of the brief's intent sentence that say nothing about the issue. */
const SUMMARY_LEAD = /^(?:wants|asks|needs|would like|is asking|reports?|says)\s+(?:to\s+)?(?:know\s+)?/i;

/**
 * The first-response-quality proxy (DESIGN §8 "first human response addressing the issue"): the
 * reply is not a redundant ask, and it either names a key entity of the brief (the order, the
 * error code, the amount…) or shares a content word with the issue as the brief states it
 * (`intent.summary`). A greeting alone ("Hi Sarah, I'm Alex") does not address the issue.
 */
export function firstReplyAddresses(agentText: string, brief: RedundancyBrief): boolean {
  if (typeof agentText !== 'string' || !agentText.trim()) return false;
  if (findRedundantAsk(agentText, brief)) return false;
  for (const e of brief.entities ?? []) {
    if (e.kind === 'date' || e.kind === 'card_number' || !e.value) continue;
    if (mentions(agentText, e.value)) return true;
  }
  const summary = (brief.intent?.summary ?? '').replace(SUMMARY_LEAD, '');
  return summary.length > 0 && questionSimilarity(agentText, summary) > 0;
}
