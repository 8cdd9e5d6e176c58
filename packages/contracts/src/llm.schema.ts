import { z } from 'zod';

/**
 * The language model's structured output (docs/llm.md) and the admin's view of the connection.
 * Every model answer is parsed with these schemas before anything reaches a customer or a brief:
 * an answer that does not parse is retried once, then the embedded engine takes over.
 */

/** The sensitive topics a model may name: the topic reason codes of DESIGN §3. */
export const LLM_TOPIC_CODES = ['complaint', 'billing', 'security', 'account_closure', 'legal', 'health_safety', 'personal_safety', 'accessibility', 'policy_exception'] as const;

/** Something the model noticed that the rules may miss; `evidence` quotes the customer's own words. */
export const ZLlmFlagSchema = z.object({
  kind: z.enum(['human_request', 'upset', 'sensitive_topic']),
  /** The topic of a `sensitive_topic` flag; `none` for the other kinds. */
  topic: z.enum([...LLM_TOPIC_CODES, 'none']),
  evidence: z.string().max(300),
});

/** The model's grounded answer to one customer message. */
export const ZLlmAnswerSchema = z.object({
  /** The reply to the customer, in their language, a few sentences. */
  answer: z.string().min(1).max(4000),
  /** The ids of the provided articles the answer uses; at least one. */
  articleIds: z.array(z.string().max(200)).max(5),
  /** 0..1: how sure the model is that the articles answer the question. */
  confidence: z.number().min(0).max(1),
  /** What the customer wants, in a few words. */
  intent: z.string().max(200),
  /** The outcome the customer hopes for, one line. */
  desiredOutcome: z.string().max(300),
  flags: z.array(ZLlmFlagSchema).max(5),
});
export type TLlmAnswer = z.infer<typeof ZLlmAnswerSchema>;

/** The model's part of a handoff brief, from the transcript and the tools' verified facts. */
export const ZLlmBriefSchema = z.object({
  /** 5 to 10 short lines an agent reads first. */
  summary: z.array(z.string().min(1).max(300)).min(5).max(10),
  /** The customer's intent, one line. */
  intent: z.string().min(1).max(200),
  /** The outcome the customer wants, one line. */
  desiredOutcome: z.string().min(1).max(300),
  /** What the agent should do, most important first. */
  nextSteps: z.array(z.string().min(1).max(300)).min(1).max(5),
  /** A first message the agent can send, using the customer's name and their own words. */
  suggestedReply: z.string().min(1).max(1200),
});
export type TLlmBrief = z.infer<typeof ZLlmBriefSchema>;

/** `GET /llm`: the connection as configured, and whether calls are paused after failures. */
export const ZLlmStatusSchema = z.object({
  /** False when BATON_LLM is unset: the embedded engine answers alone. */
  configured: z.boolean(),
  provider: z.enum(['openai', 'anthropic', 'openai-compatible']).nullable(),
  model: z.string().nullable(),
  baseUrl: z.string().nullable(),
  timeoutMs: z.number().int().nullable(),
  fallback: z.enum(['embedded', 'escalate']).nullable(),
  /** `open`: the provider failed repeatedly and is not called until `retryAt`. */
  circuit: z.enum(['closed', 'open', 'half_open']),
  retryAt: z.string().nullable(),
});
export type TLlmStatus = z.infer<typeof ZLlmStatusSchema>;

/** `POST /llm/test`: a question answered by the model from the knowledge base, as a customer would get it. */
export const ZLlmTestRequestSchema = z.object({ question: z.string().trim().min(1).max(2000) });
export type TLlmTestRequest = z.infer<typeof ZLlmTestRequestSchema>;

export const ZLlmTestResponseSchema = z.object({
  ok: z.boolean(),
  /** The answer and the articles it cites, when the model answered. */
  answer: z.string().optional(),
  articleIds: z.array(z.string()).optional(),
  confidence: z.number().optional(),
  /** Why it failed: timeout, rate_limited, http_status, unreachable, invalid_output or circuit_open, with the provider's words. */
  error: z.object({ kind: z.string(), message: z.string() }).optional(),
  latencyMs: z.number().int(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
});
export type TLlmTestResponse = z.infer<typeof ZLlmTestResponseSchema>;

/** `GET /metrics/llm`: the model's calls in a period, for the dashboard. */
export const ZLlmMetricsSchema = z.object({
  calls: z.number().int(),
  failures: z.number().int(),
  /** Messages the embedded engine answered, or a person took, because the model failed. */
  fallbacks: z.number().int(),
  latencyP50Ms: z.number().nullable(),
  latencyP99Ms: z.number().nullable(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  conversations: z.number().int(),
  tokensPerConversation: z.number().nullable(),
  /** US dollars, from BATON_LLM_PRICE; null when no price is set. */
  costPerConversation: z.number().nullable(),
  costTotal: z.number().nullable(),
});
export type TLlmMetrics = z.infer<typeof ZLlmMetricsSchema>;
