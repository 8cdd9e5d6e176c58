import type { Priority } from '../policy/policy.js';
import type { ReasonCode } from '../policy/reasons.js';
import type { EntityKind } from '../signals/entities.js';
import type { SentimentLabel } from '../signals/sentiment.js';

/**
 * The handoff brief (DESIGN §4): everything an agent needs to act in under 30 seconds. It is
 * plain JSON (no Dates, no Maps, no undefined-only fields that matter) because it travels in
 * the API, in webhooks and into storage unchanged. Field names are a stable contract: add
 * fields, never rename them. Every string that came from a person has payment and government ids masked (`BRIEF_PII_KINDS`).
 */
export interface Brief {
  /** Shape version, for consumers that store briefs. */
  version: 1;
  /** The case number the customer was given. */
  caseNumber: string;
  /** When the brief was built, ISO 8601 (from the caller's clock). */
  createdAt: string;
  /** From the engine; drives queue order and notification channels. */
  priority: Priority;
  /** The one line read first. */
  headline: BriefHeadline;
  /** Why it escalated, most important first, as the engine ordered them. */
  reasons: BriefReason[];
  /** How the customer feels, and which way it is moving. */
  sentiment: BriefSentiment;
  /** What the customer wants, as a sentence. */
  intent: BriefIntent;
  /** Key entities, one per kind and value, in order of first mention. */
  entities: BriefEntity[];
  /** What the assistant already tried, so the agent does not repeat it. */
  attempts: BriefAttempt[];
  /** From the customer-context provider; null when no profile was available. */
  account: BriefAccount | null;
  /** Error codes, versions, browsers and devices the customer mentioned. */
  technical: BriefTechnical;
  /** What to do first, most important first; never empty. */
  nextSteps: string[];
  /** A first message the agent can send as is or edit; states only verified facts and the customer's own words. */
  suggestedReply: string;
  /** The whole conversation, labelled and timestamped. */
  transcript: BriefTurn[];
  /** The customer's language (ISO 639-1 or 'und'), so the agent replies in it. */
  language: string;
  /** The routing category it was sent under (billing, orders, …): the resolve dialog starts from it. */
  category?: string;
  /**
   * Share (0..1, two decimals) of {@link COMPLETENESS_FIELDS} that are filled: a metric of how
   * much context reached the agent (DESIGN §8 "context completeness").
   */
  contextCompleteness: number;
  /** The {@link COMPLETENESS_FIELDS} that were empty, so a low score can be explained. */
  missingContext: string[];
  /** A previous escalation by the same customer within 24 h, on any channel (DESIGN §8). */
  repeatEscalation?: { previousCaseNumber: string; hoursAgo: number; channel: string };
  /** How the customer's identity was established; set by the server, absent in briefs built before it existed. */
  identity?: BriefIdentity;
  /** A 5–10 line summary written by a language model (LLM mode only); absent when the rules wrote the brief alone. */
  summary?: string[];
  /** Which parts a language model wrote, and which model; absent when the rules wrote every part. */
  writtenByModel?: BriefModelParts;
}

/** The parts of a brief a language model wrote: agents see them labelled "written by the model". */
export interface BriefModelParts {
  /** E.g. 'openai', 'anthropic', 'openai-compatible'. */
  provider: string;
  /** The model's name as configured. */
  model: string;
  /** The fields the model wrote; everything else came from the rules and the tools. */
  parts: BriefModelPart[];
}

/** A field of the brief the model may write. */
export type BriefModelPart = 'summary' | 'intent' | 'desiredOutcome' | 'nextSteps' | 'suggestedReply';

/**
 * Who the customer is, and how far that is proven. `signed`: the site vouched for them (HMAC);
 * `code`: they entered a one-time code sent to their address; `unverified`: only their word.
 */
export interface BriefIdentity {
  state: 'signed' | 'code' | 'unverified';
  /** The address the customer gave, if any. */
  email?: string;
  /** Whether mail may go to `email`. */
  emailVerified: boolean;
  /** For an unverified customer whose address belongs to an account: that account, as a claim only. */
  claimedAccount?: { name?: string; accountId?: string };
}

/** The one line an agent reads first. */
export interface BriefHeadline {
  /** The customer's full name, from the profile or the conversation. */
  customerName?: string;
  /** The customer's tier, e.g. 'vip'. */
  tier?: string;
  /** The business's account id. */
  accountId?: string;
  /** The team it was routed to, when known. */
  team?: string;
  /** The issue in one line; the same sentence as `intent.summary`. */
  issue: string;
  /** Everything above as one line, e.g. "Sarah Jones (standard, AC-1001) → Support: Wants to know where order #4821 is". */
  text: string;
}

/** One escalation trigger. */
export interface BriefReason {
  /** Stable reason code, for filters and analytics. */
  code: ReasonCode;
  /** The code's fixed label, e.g. "The customer is frustrated or upset". */
  label: string;
  /** The engine's specific detail, masked. */
  detail: string;
  /** The turn that caused it. */
  messageIndex: number;
}

/** How the customer feels at escalation, and how it got there. */
export interface BriefSentiment {
  /** The label at escalation. */
  label: SentimentLabel;
  /** -1 furious .. +1 delighted. */
  score: number;
  /** How the last customer turn compares with the earlier ones. */
  direction: 'improving' | 'steady' | 'worsening';
  /** One reading per customer turn, oldest first. */
  trend: { messageIndex: number; label: SentimentLabel; score: number }[];
  /** E.g. "upset, worsening (neutral → frustrated → upset)". */
  summary: string;
}

/** What the customer wants. */
export interface BriefIntent {
  /** The engine's intent: an article id, a topic id, or 'human'. */
  id?: string;
  /** Sensitive topics that fired. */
  topics: string[];
  /** The desired outcome as a sentence, e.g. "Wants a refund for a duplicate charge on order #8821". */
  summary: string;
  /** Which rule produced the summary; 'fallback' means none matched and the summary quotes the customer; 'model' means a language model wrote it. */
  rule: string;
  /** The customer's intent in one line, written by a language model (LLM mode only). */
  statement?: string;
}

/** One entity the customer mentioned, or a tool confirmed. */
export interface BriefEntity {
  /** What the value is. */
  kind: EntityKind;
  /** The normalised value ("4821", "Chrome 118", "•••• 4242"). */
  value: string;
  /** The first turn that mentioned it (for a tool-only entity, the tool's turn). */
  messageIndex: number;
  /** True when a tool confirmed it during the conversation. */
  verified: boolean;
  /** For verified orders: the order's status, e.g. 'dispatched'. */
  status?: string;
  /** For amounts: the number and ISO 4217 currency when written. */
  /** For amounts: the number. */
  amount?: number;
  /** For amounts: ISO 4217 code, when the customer named a currency. */
  currency?: string;
}

/** One thing the assistant tried. */
export interface BriefAttempt {
  /** A KB article sent as an answer, or a tool call such as an order lookup. */
  kind: 'article' | 'tool';
  /** The article id, or the tool's name ('order_lookup'). */
  ref: string;
  /** What to show: the article's title, or e.g. "Order lookup #4821 (dispatched)". */
  title: string;
  /** The AI turn (or the tool's turn) of the attempt. */
  messageIndex: number;
  /** True when it worked, false when it is known to have failed, null when unknown. */
  worked: boolean | null;
}

/** The customer's account, summarised. */
export interface BriefAccount {
  /** The provider's customer id. */
  customerId: string;
  /** The customer's tier. */
  tier?: string;
  /** The account's status, e.g. 'active', 'suspended'. */
  status?: string;
  /** ISO date the customer joined. */
  since?: string;
  /** Whole months since `since`, for "customer for 2 years 9 months". */
  tenureMonths?: number;
  /** Most recent first, at most {@link MAX_ORDERS}. */
  orders: { id: string; status: string; placedAt?: string; total?: { amount: number; currency: string } }[];
  /** How many orders the provider returned in all. */
  orderCount: number;
  /** Every subscription, with its status. */
  subscriptions: { plan: string; status: string }[];
  /** Tickets created in the last `ticketWindowDays`, most recent first, the current case excluded. */
  recentTickets: { caseNumber: string; createdAt: string; category?: string; outcome?: string; summary?: string }[];
  /** The window `recentTickets` covers, in days. */
  ticketWindowDays: number;
}

/** What a technical agent needs without asking. Values are deduplicated, in order of mention. */
export interface BriefTechnical {
  /** E.g. 'E1234', 'HTTP 502'. */
  errorCodes: string[];
  /** App and OS versions, e.g. '3.4.1', 'iOS 17.2'. */
  versions: string[];
  /** E.g. 'Chrome 118'. */
  browsers: string[];
  /** E.g. 'iPhone 14'. */
  devices: string[];
}

/** Who wrote a turn, as agents read it. */
export type BriefRoleLabel = 'Customer' | 'AI' | 'Agent' | 'System';

/** One turn of the transcript. The text is data: render it as text, never as HTML. */
export interface BriefTurn {
  /** Index into the conversation's turns; reasons and entities point at it. */
  index: number;
  /** Who wrote it. */
  role: BriefRoleLabel;
  /** A display name when known: the customer's name, or the agent's. */
  name?: string;
  /** The text, payment and government ids masked. */
  text: string;
  /** ISO 8601, when the turn carried a time. */
  at?: string;
}

/** Orders listed in the account summary; the rest are counted. */
export const MAX_ORDERS = 5;
