import type { Entity } from '../signals/entities.js';
import type { SentimentLabel } from '../signals/sentiment.js';
import type { Priority } from './policy.js';
import type { ReasonCode } from './reasons.js';

/** What the assistant does with the customer's last message. */
export type DecisionAction = 'answer' | 'clarify' | 'decline' | 'offer_choice' | 'escalate';

/** Why: one trigger, and the message that caused it, so "why did it escalate?" always has an answer. */
export interface Reason {
  code: ReasonCode;
  /** A sentence for the agent and the report, e.g. `asked for a person: "let me talk to someone"`. */
  detail: string;
  /** Index into the conversation's turns of the message that caused it. */
  messageIndex: number;
}

/** The signals computed on the way to a decision, kept for the brief and for analytics. */
export interface DecisionSignals {
  /** Entities from every customer turn, in order. */
  entities: (Entity & { messageIndex: number })[];
  /** The language of the last customer turn, ISO 639-1 or 'und'. */
  language: string;
  /** Sentiment per customer turn, oldest first, and where it is heading. */
  sentimentTrend: { label: SentimentLabel; score: number }[];
  sentimentDirection: 'improving' | 'steady' | 'worsening';
  /** Topic ids that fired, from the message or from the matched article. */
  topics: string[];
  /** Keywords that fired. */
  keywords: string[];
  /** Earlier AI attempts: article and whether it is known to have failed. */
  attempts: { articleId: string; messageIndex: number; failed: boolean }[];
  /** Whether the question is plainly outside the KB. */
  outOfScope: boolean;
  /** The sales queue, when a high-intent request is routed there. */
  queue?: string;
  /** How the customer put the last message: asking how something works, demanding, disputing, or stating. */
  mood?: 'question' | 'demand' | 'dispute' | 'statement';
  /** Whether the sentence encoder took part in this decision (the cascade skips it when the lexical path is sure). */
  semantic?: boolean;
}

/** A button offered with the assistant's reply; the customer's click comes back as its `label` text. */
export interface QuickReply {
  /** Stable id: `self_serve` (let the assistant go on) or `human` (talk to a person). */
  id: 'self_serve' | 'human';
  /** The button's text, in the conversation's language. */
  label: string;
}

/** The policy's verdict on one customer message. */
export interface Decision {
  action: DecisionAction;
  /** Every trigger that fired, most important first. Empty for a plain answer. */
  reasons: Reason[];
  priority: Priority;
  /** The answerer's calibrated confidence in its best article, 0..1. */
  confidence: number;
  /** The article answered from, or the best guess when escalating. */
  articleId?: string;
  /** What the customer wants: an article id, a topic id, or 'human'. */
  intent?: string;
  sentiment: { label: SentimentLabel; score: number };
  signals: DecisionSignals;
  /** Buttons to show with the reply: the offer of a choice carries "Help me now" / "Talk to a person". */
  quickReplies?: QuickReply[];
}
