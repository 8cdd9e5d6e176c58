import { z } from 'zod';
import { ZPrioritySchema } from './reason-codes.js';
import { isSafeText } from './safe-text.js';

/** Text a person typed: never blank, at most 20,000 characters (a long paste, not a file), storable (safe-text.ts). */
const ZText = z
  .string()
  .max(20_000, 'at most 20,000 characters')
  .refine((s) => s.trim().length > 0, 'must not be blank')
  .refine(isSafeText, 'must not contain a NUL character or an unpaired surrogate');

/** A path naming one resource: `/handoffs/:id`, `/conversations/:id/…`. */
export const ZIdParamsSchema = z.object({ id: z.string() });

/** `POST /conversations`: everything optional; a known email links the customer's account. */
export const ZCreateConversationSchema = z.strictObject({
  channel: z.enum(['web', 'email', 'whatsapp', 'messenger', 'api']).optional(),
  customer: z.strictObject({ name: z.string().trim().min(1).max(200).optional(), email: z.email().max(320).optional() }).optional(),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language tag such as en or pt-BR').optional(),
});
export type TCreateConversation = z.infer<typeof ZCreateConversationSchema>;

export const ZCreateConversationResponseSchema = z.object({ id: z.string(), caseNumber: z.string(), token: z.string() });

/** `POST /conversations/:id/messages`, from a customer or an agent. */
export const ZPostMessageSchema = z.strictObject({
  text: ZText,
  clientMessageId: z.string().min(1).max(100).optional(),
  /** Agents only: a private note other agents see and the customer never does. */
  private: z.boolean().optional(),
});
export type TPostMessage = z.infer<typeof ZPostMessageSchema>;

export const ZMessageSchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  conversationId: z.string(),
  author: z.object({ kind: z.enum(['customer', 'ai', 'agent', 'system']), name: z.string().optional() }),
  text: z.string(),
  private: z.literal(true).optional(),
  clientMessageId: z.string().optional(),
  articleId: z.string().optional(),
  action: z.string().optional(),
  /** Buttons under an AI message; a click is sent back as an ordinary message with the button's label. */
  quickReplies: z.array(z.object({ id: z.enum(['self_serve', 'human']), label: z.string() })).optional(),
  createdAt: z.string(),
});
export type TMessage = z.infer<typeof ZMessageSchema>;

export const ZPostMessageResponseSchema = z.object({ message: ZMessageSchema, replies: z.array(ZMessageSchema) });
export const ZMessagesResponseSchema = z.object({ messages: z.array(ZMessageSchema) });

export const ZMessagesQuerySchema = z.strictObject({ after: z.coerce.number().int().min(0).default(0) });

/** `POST /conversations/:id/csat`. */
export const ZCsatSchema = z.strictObject({ score: z.number().int().min(1).max(5), comment: z.string().max(2000).optional() });
export const ZCsatResponseSchema = z.object({ score: z.number().int() });

/** A conversation as the customer and agents see it. */
export const ZConversationSchema = z.object({
  id: z.string(),
  caseNumber: z.string(),
  status: z.enum(['ai', 'waiting', 'assigned', 'resolved', 'callback']),
  channel: z.string(),
  customer: z.object({ id: z.string().nullable(), name: z.string().nullable(), email: z.string().nullable() }),
  language: z.string().nullable(),
  assignedAgentId: z.string().nullable(),
  teamId: z.string().nullable(),
  lastSeq: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** `GET /conversations/:id`: the conversation, and its open handoff with the place in the queue. */
export const ZConversationStateResponseSchema = z.object({
  conversation: ZConversationSchema,
  handoff: z
    .object({
      id: z.string(),
      status: z.enum(['waiting', 'assigned', 'resolved', 'abandoned', 'callback']),
      waitEstimateMinutes: z.number().nullable(),
      priority: ZPrioritySchema,
      position: z.number().int().nullable(),
    })
    .nullable(),
});

/** `POST /auth/login`. */
export const ZLoginSchema = z.strictObject({ email: z.email(), password: z.string().min(1).max(500) });

export const ZAgentSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['agent', 'supervisor', 'admin']),
  capacity: z.number().int(),
  presence: z.enum(['online', 'away', 'offline']),
  teamIds: z.array(z.string()),
  load: z.number().int().optional(),
});
export const ZAgentResponseSchema = z.object({ agent: ZAgentSchema });
export const ZAgentsResponseSchema = z.object({ agents: z.array(ZAgentSchema) });
export const ZLoginResponseSchema = z.object({ token: z.string(), expiresAt: z.string(), agent: ZAgentSchema });

/** `PATCH /agents/me`: presence and capacity. */
export const ZPresenceSchema = z
  .strictObject({ presence: z.enum(['online', 'away', 'offline']).optional(), capacity: z.number().int().min(0).max(50).optional() })
  .refine((v) => v.presence !== undefined || v.capacity !== undefined, 'give presence or capacity');

/** `POST /agents` (admin). */
export const ZCreateAgentSchema = z.strictObject({
  email: z.email(),
  name: z.string().trim().min(1).max(200),
  password: z.string().min(10, 'at least 10 characters').max(500),
  role: z.enum(['agent', 'supervisor', 'admin']).default('agent'),
  teams: z.array(z.string().min(1)).default([]),
  capacity: z.number().int().min(0).max(50).default(3),
});

export const ZSkillSchema = z.object({ kind: z.enum(['category', 'language', 'channel']), value: z.string().min(1), proficiency: z.number().int().min(1).max(5) });

/** `POST /teams` (admin). */
export const ZCreateTeamSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  skills: z.array(ZSkillSchema).default([]),
  tiers: z.array(z.string()).optional(),
  isDefault: z.boolean().optional(),
  sla: z.strictObject({ critical: z.number().positive(), high: z.number().positive(), medium: z.number().positive(), low: z.number().positive() }).optional(),
});

export const ZHandoffsQuerySchema = z.strictObject({
  status: z.enum(['waiting', 'assigned', 'resolved', 'abandoned', 'callback']).optional(),
  mine: z.enum(['true', 'false']).optional(),
  team: z.string().optional(),
});

export const ZHandoffSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  status: z.enum(['waiting', 'assigned', 'resolved', 'abandoned', 'callback']),
  priority: ZPrioritySchema,
  reasons: z.array(z.object({ code: z.string(), detail: z.string(), messageId: z.string().optional() })),
  /** The team's name. */
  team: z.string().nullable(),
  teamId: z.string().nullable(),
  /** The agent who accepted it. */
  agentId: z.string().nullable(),
  /** The agent it is offered to, before anyone accepts. */
  offeredAgentId: z.string().nullable(),
  brief: z.record(z.string(), z.unknown()),
  waitEstimateMinutes: z.number().nullable(),
  slaDueAt: z.string(),
  createdAt: z.string(),
  acceptedAt: z.string().nullable(),
  firstHumanReplyAt: z.string().nullable(),
  briefOpenedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolution: z
    .object({ category: z.string(), outcome: z.string(), verdict: z.enum(['needed', 'unnecessary', 'too_late', 'wrong_team']), note: z.string().optional() })
    .nullable(),
});
export type THandoff = z.infer<typeof ZHandoffSchema>;
export const ZHandoffResponseSchema = z.object({ handoff: ZHandoffSchema });
export const ZHandoffsResponseSchema = z.object({ handoffs: z.array(ZHandoffSchema) });

/** `POST /handoffs/:id/brief-opened`: when the brief was first opened. */
export const ZBriefOpenedResponseSchema = z.object({ briefOpenedAt: z.string().nullable() });

/** `POST /handoffs/:id/resolve`. */
export const ZResolveSchema = z.strictObject({
  category: z.string().trim().min(1).max(100),
  outcome: z.enum(['solved', 'workaround', 'not_solved', 'duplicate', 'escalated_elsewhere']),
  verdict: z.enum(['needed', 'unnecessary', 'too_late', 'wrong_team']),
  note: z.string().max(2000).optional(),
});

/** `POST /handoffs/:id/transfer`: to a team or an agent, with a note for them. */
export const ZTransferSchema = z
  .strictObject({ teamId: z.string().min(1).optional(), agentId: z.string().min(1).optional(), note: z.string().trim().min(1).max(2000) })
  .refine((v) => Boolean(v.teamId) !== Boolean(v.agentId), { message: 'give exactly one of teamId or agentId', path: ['teamId'] });

/** `POST /handoffs/:id/hand-back`. */
export const ZHandBackSchema = z.strictObject({ note: z.string().max(2000).optional() });

/** `POST /policy/preview`: a proposed policy, replayed over the stored conversations of a period (default the last 30 days). */
export const ZPolicyPreviewSchema = z.strictObject({
  policy: z.unknown(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.number().int().min(1).max(5000).optional(),
});

/** `PUT /policy`: a policy and the version it was edited from. */
export const ZPutPolicySchema = z.strictObject({ version: z.number().int().min(0), policy: z.unknown() });

export const ZMetricsQuerySchema = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  team: z.string().optional(),
  channel: z.string().optional(),
});

/** Every error: a stable code, a message, and the field at fault when there is one. */
export const ZErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }) });

/** `POST /conversations/:id/callback`: a call back at an offered time, or a reply by email. */
export const ZBookCallbackSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('callback'),
    at: z.iso.datetime({ offset: true }),
    phone: z.string().regex(/^\+?[0-9 ()-]{6,20}$/, 'a phone number such as +44 20 7946 0958'),
    timeZone: z.string().min(1).max(64).optional(),
  }),
  z.strictObject({ kind: z.literal('email'), email: z.email().optional(), timeZone: z.string().min(1).max(64).optional() }),
]);

/** `POST /conversations/:id/callback`: what was booked, and the confirmation the customer reads. */
export const ZBookCallbackResponseSchema = z.object({
  callback: z.object({ id: z.string(), kind: z.enum(['callback', 'email']), scheduledFor: z.string().nullable(), timeZone: z.string().nullable() }),
  confirmation: z.string(),
});

/** `PATCH /teams/:id`: skills, tiers, SLA minutes, default, and business hours (an IANA zone, a weekly schedule, holidays; null for always open). */
export const ZTeamHoursSchema = z
  .strictObject({
    skills: z.array(ZSkillSchema).optional(),
    tiers: z.array(z.string().min(1)).optional(),
    isDefault: z.boolean().optional(),
    sla: z.strictObject({ critical: z.number().positive(), high: z.number().positive(), medium: z.number().positive(), low: z.number().positive() }).optional(),
    hours: z
      .object({
        timeZone: z.string().min(1),
        weekly: z.partialRecord(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']), z.array(z.object({ start: z.string(), end: z.string() }))),
        holidays: z.array(z.string()).default([]),
      })
      .nullable()
      .optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'give at least one of skills, tiers, isDefault, sla, hours');
