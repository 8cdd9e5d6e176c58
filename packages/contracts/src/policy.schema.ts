import { z } from 'zod';
import { ZPrioritySchema, ZReasonCodeSchema } from './reason-codes.js';

const share = z.number().min(0).max(1);
const count = z.number().int().min(1).max(20);

/** A JavaScript regular expression source; rejected here, with its field, when it does not compile. */
const ZRegexSourceSchema = z.string().min(1).superRefine((src, ctx) => {
  try {
    new RegExp(src, 'iu');
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: `not a valid regular expression: ${(err as Error).message}` });
  }
});

/** One sensitive topic, as the admin edits it: words, phrases and patterns. */
export const ZTopicDefinitionSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'lower-case letters, digits and underscores'),
  label: z.string().min(1),
  reason: ZReasonCodeSchema,
  enabled: z.boolean(),
  words: z.array(z.string().min(1)),
  phrases: z.array(z.string().min(1)),
  patterns: z.array(ZRegexSourceSchema),
  exclude: z.array(z.string().min(1)).optional(),
  answerWhenAsked: z.boolean().optional(),
});
export type TTopicDefinition = z.infer<typeof ZTopicDefinitionSchema>;

/**
 * The escalation policy as a config file or `PUT /policy` states it. Every section and every
 * field is optional: what is left out keeps its default (see docs/policy.md). Unknown keys are
 * errors, so a misspelt option is reported instead of silently ignored.
 */
export const ZPolicyInputSchema = z.strictObject({
  customerRequest: z.strictObject({ enabled: z.boolean(), offerChoiceForSimple: z.boolean() }).partial().optional(),
  sentiment: z
    .strictObject({
      enabled: z.boolean(),
      escalateWhenUpset: z.boolean(),
      frustratedTurns: count,
      earlierWithRiskyTopic: z.boolean(),
    })
    .partial()
    .optional(),
  keywords: z
    .strictObject({ enabled: z.boolean(), words: z.array(z.string().trim().min(1)).max(500), answerWhenAsked: z.array(z.string().trim().min(1)).max(500) })
    .partial()
    .optional(),
  topics: z
    .strictObject({
      enabled: z.boolean(),
      definitions: z.array(ZTopicDefinitionSchema).max(100),
      articleTopics: z.boolean(),
      articleTopicShare: share,
      articleTopicConfidence: share,
    })
    .partial()
    .optional(),
  confidence: z
    .strictObject({ enabled: z.boolean(), threshold: share, clarifyTimes: z.number().int().min(0).max(5), declineOutOfScope: z.boolean() })
    .partial()
    .optional(),
  repetition: z
    .strictObject({ enabled: z.boolean(), askedTimes: z.number().int().min(2).max(10), failedAttempts: count, similarity: share })
    .partial()
    .optional(),
  amount: z.strictObject({ enabled: z.boolean(), threshold: z.number().nonnegative() }).partial().optional(),
  tier: z.strictObject({ enabled: z.boolean(), tiers: z.array(z.string().min(1)) }).partial().optional(),
  highIntent: z.strictObject({ enabled: z.boolean(), queue: z.string().min(1) }).partial().optional(),
  priority: z
    .strictObject({
      base: z.partialRecord(ZReasonCodeSchema, ZPrioritySchema),
      frustratedTurnsBoost: count,
      vipBoost: z.number().int().min(0).max(3),
    })
    .partial()
    .optional(),
});
export type TPolicyInput = z.infer<typeof ZPolicyInputSchema>;

/**
 * The policy in force, every section resolved (defaults filled in): what `GET /policy` and
 * `PUT /policy` return. The input's shape, each section given.
 */
// Core reads a definition's reason as any string (the input schema has already checked it).
const ZTopicDefinitionOutSchema = ZTopicDefinitionSchema.extend({ reason: z.string() });

/** A policy input as the server returns it (stored, or from the file): checked on the way in, so its reasons are plain strings. */
export const ZPolicyInputOutSchema = ZPolicyInputSchema.extend({
  topics: ZPolicyInputSchema.shape.topics.unwrap().extend({ definitions: z.array(ZTopicDefinitionOutSchema).optional() }).optional(),
});

const resolvedSections = Object.fromEntries(Object.entries(ZPolicyInputSchema.shape).map(([k, v]) => [k, v.unwrap().required()])) as {
  [K in keyof typeof ZPolicyInputSchema.shape]: ReturnType<ReturnType<(typeof ZPolicyInputSchema.shape)[K]['unwrap']>['required']>;
};
export const ZPolicySchema = z.strictObject({
  ...resolvedSections,
  topics: resolvedSections.topics.extend({ definitions: z.array(ZTopicDefinitionOutSchema) }),
});
export type TPolicy = z.infer<typeof ZPolicySchema>;

/** `GET /policy`: the version in force, the resolved policy and the input it was resolved from. */
/** Where the policy in force comes from: a version saved in the workspace (which wins over BATON_POLICY), the BATON_POLICY file, or the defaults. */
export const ZPolicySourceSchema = z.object({
  kind: z.enum(['saved', 'file', 'defaults']),
  /** The BATON_POLICY file, when one is configured (ignored while a saved version exists). */
  file: z.string().nullable(),
});
export type TPolicySource = z.infer<typeof ZPolicySourceSchema>;
export const ZPolicyResponseSchema = z.object({ version: z.number().int(), policy: ZPolicySchema, input: ZPolicyInputOutSchema, source: ZPolicySourceSchema });
/** `PUT /policy`: the version saved and the policy now in force. */
export const ZPutPolicyResponseSchema = z.object({ version: z.number().int(), policy: ZPolicySchema });
/** `GET /policy/versions`: every saved version, newest first. */
export const ZPolicyVersionsResponseSchema = z.object({
  versions: z.array(z.strictObject({ version: z.number().int(), createdBy: z.string().nullable(), createdAt: z.string(), policy: ZPolicyInputOutSchema })),
});
export type TPolicyResponse = z.infer<typeof ZPolicyResponseSchema>;
export type TPolicyVersion = z.infer<typeof ZPolicyVersionsResponseSchema>['versions'][number];
