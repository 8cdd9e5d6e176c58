import type { Conversation } from '../conversation.js';
import type { Decision } from '../policy/decision.js';
import { REASON_LABELS } from '../policy/reasons.js';
import { BRIEF_PII_KINDS, maskPii } from '../privacy/mask-pii.js';
import { accountContext, DEFAULT_TICKET_WINDOW_DAYS } from './account-context.js';
import { aiAttempts } from './attempts.js';
import type { Brief, BriefHeadline, BriefSentiment } from './brief.js';
import { contextCompleteness } from './completeness.js';
import type { CustomerProfile, VerifiedFact } from './context.js';
import { isoOf } from './dates.js';
import { describeIntent } from './describe-intent.js';
import { keyEntities, technicalContext } from './key-entities.js';
import { maskStrings } from './mask-strings.js';
import { nextSteps } from './next-steps.js';
import { suggestReply } from './suggest-reply.js';
import { buildTranscript } from './transcript.js';

/** An order with no carrier scan for this many days gets a trace. */
export const DEFAULT_STALE_SCAN_DAYS = 7;

/** Everything the brief is built from; all of it data, so the same brief comes out every time. */
export interface BriefInput {
  /** The case number the customer was given; also excluded from previous tickets. */
  caseNumber: string;
  /** The conversation at escalation. Turns that carry `at` get timestamps in the transcript. */
  conversation: Conversation;
  /** The engine's decision at escalation. */
  decision: Decision;
  /** From the customer-context provider, when available. */
  customer?: CustomerProfile;
  /** What tools confirmed during the conversation; the only facts the suggested reply states. */
  facts?: VerifiedFact[];
  /** KB titles by article id, for "what the AI tried". */
  articles?: ReadonlyMap<string, { id: string; title: string }>;
  /** The team it is routed to, for the headline. */
  team?: string;
  /** The routing category (`categoryForDecision`): what the agent resolves it under unless they pick another. */
  category?: string;
  /** The caller's clock, epoch ms. */
  now: number;
  /** Display name per turn (same indices as the turns), e.g. agents' names. */
  authorNames?: (string | undefined)[];
  /** IANA zone for dates in the suggested reply (the business's); default UTC. */
  timeZone?: string;
  /** Previous tickets shown from this many days back; default 90. */
  ticketWindowDays?: number;
  /** Days without a carrier scan after which an order counts as stuck; default 7. */
  staleScanDays?: number;
}

function sentimentOf(conversation: Conversation, decision: Decision): BriefSentiment {
  const customerTurns = conversation.turns.flatMap((t, i) => (t.role === 'customer' ? [i] : []));
  const trend = decision.signals.sentimentTrend.map((s, k) => ({ messageIndex: customerTurns[k] ?? -1, label: s.label, score: s.score }));
  const { label, score } = decision.sentiment;
  const direction = decision.signals.sentimentDirection;
  const path = trend.length > 1 ? ` (${trend.map((t) => t.label).join(' → ')})` : '';
  return { label, score, direction, trend, summary: `${label}, ${direction}${path}` };
}

function headlineOf(input: BriefInput, issue: string): BriefHeadline {
  const customerName = input.customer?.name ?? input.conversation.customer?.name;
  const tier = input.customer?.tier ?? input.conversation.customer?.tier;
  const accountId = input.customer?.accountId;
  const details = [tier, accountId].filter(Boolean).join(', ');
  const who = `${customerName ?? 'Unknown customer'}${details ? ` (${details})` : ''}`;
  const h: BriefHeadline = { issue, text: `${who}${input.team ? ` → ${input.team}` : ''}: ${issue}` };
  if (customerName) h.customerName = customerName;
  if (tier) h.tier = tier;
  if (accountId) h.accountId = accountId;
  if (input.team) h.team = input.team;
  return h;
}

/**
 * Builds the handoff brief (DESIGN §4) from the decision at escalation, the conversation, the
 * customer's profile and what tools confirmed. Pure and deterministic: time comes in as `now`.
 * Cards, card security data, IBANs and national ids are masked in every string of the result.
 */
export function buildBrief(input: BriefInput): Brief {
  const { conversation, decision, now } = input;
  const facts = input.facts ?? [];
  const staleScanDays = input.staleScanDays ?? DEFAULT_STALE_SCAN_DAYS;
  const customerTexts = conversation.turns.filter((t) => t.role === 'customer' && typeof t.text === 'string').map((t) => maskPii(t.text, BRIEF_PII_KINDS));

  const entities = keyEntities(decision.signals.entities, facts);
  const attempts = aiAttempts(conversation, decision.signals.attempts, facts, input.articles);
  const articleTitle = decision.articleId ? input.articles?.get(decision.articleId)?.title : undefined;
  const intent = describeIntent({
    decision,
    customerText: customerTexts.join('\n'),
    lastCustomerText: customerTexts.at(-1) ?? '',
    entities,
    ...(articleTitle !== undefined ? { articleTitle } : {}),
  });
  const sentiment = sentimentOf(conversation, decision);
  const headline = headlineOf(input, intent.summary);

  const scored = {
    version: 1 as const,
    caseNumber: input.caseNumber,
    createdAt: isoOf(now) ?? new Date(0).toISOString(),
    priority: decision.priority,
    headline,
    reasons: decision.reasons.map((r) => ({ code: r.code, label: REASON_LABELS[r.code] ?? r.code, detail: r.detail, messageIndex: r.messageIndex })),
    sentiment,
    intent,
    entities,
    attempts,
    account: input.customer ? accountContext(input.customer, now, input.caseNumber, input.ticketWindowDays ?? DEFAULT_TICKET_WINDOW_DAYS) : null,
    technical: technicalContext(entities),
    nextSteps: nextSteps({ decision, intent, entities, attempts, facts, now, staleScanDays }),
    suggestedReply: suggestReply({
      ...(headline.customerName !== undefined ? { customerName: headline.customerName } : {}),
      ...(input.timeZone !== undefined ? { timeZone: input.timeZone } : {}),
      intent,
      sentiment: sentiment.label,
      entities,
      facts,
      now,
      staleScanDays,
    }),
    transcript: buildTranscript(conversation, input.authorNames, headline.customerName),
    language: decision.signals.language,
    ...(input.category ? { category: input.category } : {}),
  };
  const { score, missing } = contextCompleteness(scored);
  return maskStrings({ ...scored, contextCompleteness: score, missingContext: [...missing] });
}
