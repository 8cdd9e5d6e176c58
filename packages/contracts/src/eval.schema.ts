import { z } from 'zod';
import { ZPrioritySchema, ZReasonCodeSchema } from './reason-codes.js';

/** One turn in the eval/import format (shared/eval/README.md). */
export const ZEvalMessageSchema = z.object({
  role: z.enum(['customer', 'ai', 'agent', 'system']),
  text: z.string(),
  articleId: z.string().optional(),
  failed: z.boolean().optional(),
  action: z.enum(['answer', 'clarify', 'decline', 'offer_choice', 'escalate']).optional(),
  at: z.union([z.number(), z.iso.datetime({ offset: true })]).optional(),
});

/** The labels of an eval item; absent on plain conversations to assess. */
export const ZEvalExpectSchema = z.object({
  action: z.enum(['escalate', 'answer', 'not_answer', 'either']).optional(),
  reason: z.string().optional(),
  intent: z.string().optional(),
  source: z.string().optional(),
  frustrated: z.boolean().optional(),
});

/** One conversation per JSONL line: the input of `baton assess`, `baton eval` and the backtest. */
export const ZEvalConversationSchema = z.object({
  id: z.string().min(1),
  kb: z.string().optional(),
  messages: z.array(ZEvalMessageSchema).min(1),
  customer: z.object({ tier: z.string().optional(), name: z.string().optional(), language: z.string().optional() }).loose().optional(),
  expect: ZEvalExpectSchema.optional(),
});
export type TEvalConversation = z.infer<typeof ZEvalConversationSchema>;

/** One line of `baton assess` output (DESIGN.md §10). `reasons` are codes; `reasonDetails` say why. */
export const ZAssessDecisionSchema = z.object({
  id: z.string(),
  action: z.enum(['answer', 'clarify', 'decline', 'offer_choice', 'escalate']),
  reasons: z.array(ZReasonCodeSchema),
  priority: ZPrioritySchema,
  confidence: z.number().min(0).max(1),
  articleId: z.string().optional(),
  intent: z.string().optional(),
  sentiment: z.object({ label: z.enum(['positive', 'neutral', 'frustrated', 'upset']), score: z.number() }),
  reasonDetails: z.array(z.object({ code: ZReasonCodeSchema, detail: z.string(), messageIndex: z.number().int() })),
});
export type TAssessDecision = z.infer<typeof ZAssessDecisionSchema>;
