import type { TopicDefinition } from '../signals/topics.js';
import { DEFAULT_TOPICS } from '../signals/topics.js';
import type { ReasonCode } from './reasons.js';

/** The four priorities, lowest first. Their order is used for arithmetic ("a VIP adds one level"). */
export const PRIORITIES = ['low', 'medium', 'high', 'critical'] as const;
/** How urgent a handoff is. */
export type Priority = (typeof PRIORITIES)[number];

/**
 * The escalation policy: data, evaluated by pure code. Every trigger can be switched off and
 * tuned. The defaults (DEFAULT_POLICY) follow DESIGN.md §3 and are documented in
 * docs/policy.md; `resolvePolicy` fills whatever a config file leaves out.
 */
export interface Policy {
  /** An explicit request for a human. */
  customerRequest: {
    enabled: boolean;
    /** Offer "I can do this now, or connect you" for simple topics instead of escalating at once. A second request always escalates. */
    offerChoiceForSimple: boolean;
  };
  /** Frustration and anger. */
  sentiment: {
    enabled: boolean;
    /** Escalate at once when the customer is upset. */
    escalateWhenUpset: boolean;
    /** Escalate when frustrated (or worse) for this many customer turns in a row. */
    frustratedTurns: number;
    /** Escalate on the first frustrated turn when a risky topic or keyword is also present. */
    earlierWithRiskyTopic: boolean;
  };
  /** Configured keywords, matched on word boundaries with inflections. */
  keywords: {
    enabled: boolean;
    words: string[];
    /**
     * Words that stay quiet in a plain question the KB answers confidently: "how long do refunds
     * take?" is answered, "I want a refund for the broken kettle" still escalates.
     */
    answerWhenAsked: string[];
  };
  /** Sensitive topics; each definition is editable. */
  topics: {
    enabled: boolean;
    definitions: TopicDefinition[];
    /**
     * Also treat a KB article as sensitive when this share of its example questions (or its
     * title) falls in a topic, and escalate questions that confidently match it.
     */
    articleTopics: boolean;
    articleTopicShare: number;
    /** The confidence in such an article from which its topic counts, lower than the answer threshold: a likely lost-card question is escalated, not clarified. */
    articleTopicConfidence: number;
  };
  /** Low AI confidence. */
  confidence: {
    enabled: boolean;
    /** Answer at or above this calibrated confidence. */
    threshold: number;
    /** How many clarifying questions before escalating. */
    clarifyTimes: number;
    /** Decline, rather than clarify, when the question is plainly outside the business. */
    declineOutOfScope: boolean;
  };
  /** Repeated questions and failed attempts. */
  repetition: {
    enabled: boolean;
    /** Escalate when the same question is asked for this many times (the 3rd by default). */
    askedTimes: number;
    /** Escalate after this many failed attempts in a row. */
    failedAttempts: number;
    /** Lexical similarity (0..1) above which two customer turns are the same question. */
    similarity: number;
  };
  /** Refunds and disputes over an amount, in any currency. */
  amount: {
    enabled: boolean;
    threshold: number;
  };
  /** Customer tiers that get priority, and escalate anything that is not a simple FAQ. */
  tier: {
    enabled: boolean;
    tiers: string[];
  };
  /** Pricing, demo or enterprise purchase: hand to the sales queue. */
  highIntent: {
    enabled: boolean;
    queue: string;
  };
  /** How priority is computed from the triggers taken together. */
  priority: {
    /** The starting priority of each reason; the decision takes the highest. */
    base: Partial<Record<ReasonCode, Priority>>;
    /** A sensitive topic from a customer frustrated for at least this many turns in a row goes up one level. */
    frustratedTurnsBoost: number;
    /** Levels a VIP adds. */
    vipBoost: number;
  };
}

/** What a config file may say: any part of the policy, the rest taken from the defaults. */
export type PolicyInput = {
  [K in keyof Policy]?: Partial<Policy[K]>;
};

/** The defaults of DESIGN.md §3. */
export const DEFAULT_POLICY: Policy = {
  customerRequest: { enabled: true, offerChoiceForSimple: false },
  sentiment: { enabled: true, escalateWhenUpset: true, frustratedTurns: 2, earlierWithRiskyTopic: true },
  keywords: {
    enabled: true,
    words: ['refund', 'legal', 'lawyer', 'complaint', 'chargeback', 'disgraceful', 'sue', 'fraud'],
    answerWhenAsked: ['refund', 'complaint'],
  },
  topics: { enabled: true, definitions: DEFAULT_TOPICS, articleTopics: true, articleTopicShare: 0.4, articleTopicConfidence: 0.4 },
  confidence: { enabled: true, threshold: 0.6, clarifyTimes: 1, declineOutOfScope: true },
  repetition: { enabled: true, askedTimes: 3, failedAttempts: 2, similarity: 0.6 },
  amount: { enabled: true, threshold: 100 },
  tier: { enabled: true, tiers: ['vip', 'enterprise'] },
  highIntent: { enabled: true, queue: 'sales' },
  priority: {
    base: {
      customer_request: 'medium',
      negative_sentiment: 'medium',
      keyword: 'medium',
      complaint: 'medium',
      billing: 'medium',
      security: 'high',
      account_closure: 'medium',
      legal: 'high',
      health_safety: 'critical',
      personal_safety: 'critical',
      accessibility: 'medium',
      policy_exception: 'medium',
      repeated_question: 'medium',
      low_confidence: 'low',
      out_of_scope: 'low',
      high_value: 'high',
      vip: 'medium',
      high_intent: 'medium',
      ai_error: 'medium',
    },
    frustratedTurnsBoost: 3,
    vipBoost: 1,
  },
};

/**
 * Fills a partial policy with the defaults, section by section. Validation of the input's
 * shape belongs to the caller (the contracts' zod schema); this only merges.
 */
export function resolvePolicy(input: PolicyInput = {}): Policy {
  const out = { ...DEFAULT_POLICY } as Record<keyof Policy, unknown>;
  for (const key of Object.keys(DEFAULT_POLICY) as (keyof Policy)[]) {
    const part = input[key];
    if (part) out[key] = { ...DEFAULT_POLICY[key], ...part };
  }
  const policy = out as Policy;
  if (input.priority?.base) policy.priority = { ...policy.priority, base: { ...DEFAULT_POLICY.priority.base, ...input.priority.base } };
  return policy;
}
