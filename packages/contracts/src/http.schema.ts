import { z } from 'zod';
import { ZDeliveryStateSchema } from './channels.schema.js';
import { ZPrioritySchema } from './reason-codes.js';
import { isSafeText } from './safe-text.js';
import { ZAttachmentSchema } from './attachments.schema.js';

/** Text a person typed: at most 20,000 characters (a long paste, not a file), storable (safe-text.ts); not blank unless files come with it. */
const ZMessageText = z
  .string()
  .max(20_000, 'at most 20,000 characters')
  .refine(isSafeText, 'must not contain a NUL character or an unpaired surrogate');

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

/** A path naming one resource: `/handoffs/:id`, `/conversations/:id/…`. */
export const ZIdParamsSchema = z.object({ id: z.string() });

/** `POST /conversations`: everything optional; a known email links the customer's account. */
export const ZCreateConversationSchema = z.strictObject({
  channel: z.enum(['web', 'email', 'whatsapp', 'messenger', 'api']).optional(),
  customer: z
    .strictObject({
      name: z.string().trim().min(1).max(200).optional(),
      email: z.email().max(320).optional(),
      /** The site's own id for the customer; when given, it is what `identifierHash` signs. */
      externalId: z.string().trim().min(1).max(200).optional(),
      /** Hex HMAC-SHA256 of the lower-cased email (or the externalId) under `BATON_IDENTITY_SECRET`, computed by the site's server. */
      identifierHash: z.string().regex(/^[0-9a-fA-F]{64}$/, '64 hex characters (HMAC-SHA256)').optional(),
    })
    .optional(),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language tag such as en or pt-BR').optional(),
  /** The customer's IANA time zone (the browser's): opening hours and callback times are told in it. */
  timeZone: z.string().max(64).refine(isTimeZone, 'an IANA time zone such as America/New_York').optional(),
});
export type TCreateConversation = z.infer<typeof ZCreateConversationSchema>;

export const ZCreateConversationResponseSchema = z.object({ id: z.string(), caseNumber: z.string(), token: z.string() });
export type TCreateConversationResponse = z.infer<typeof ZCreateConversationResponseSchema>;

/** `POST /conversations/:id/resume`: the credential from an emailed "continue" link; answered like `POST /conversations`. */
export const ZResumeConversationSchema = z.strictObject({ resume: z.string().min(1).max(200) });

/** `POST /conversations/:id/messages`, from a customer or an agent. */
export const ZPostMessageSchema = z
  .strictObject({
    /** May be empty when the message carries attachments. */
    text: ZMessageText,
    clientMessageId: z.string().min(1).max(100).optional(),
    /** Agents only: a private note other agents see and the customer never does. */
    private: z.boolean().optional(),
    /** Files uploaded to this conversation (`POST /conversations/:id/attachments`) by the same sender and not yet sent. */
    attachmentIds: z.array(z.string().min(1).max(100)).max(10, 'at most 10 files in one message').optional(),
  })
  .refine((m) => m.text.trim().length > 0 || (m.attachmentIds?.length ?? 0) > 0, { message: 'must not be blank', path: ['text'] });
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
  /** On WhatsApp, Messenger and Instagram: how far the message got, as the provider reported it. */
  delivery: ZDeliveryStateSchema.optional(),
  /** The files sent with the message. */
  attachments: z.array(ZAttachmentSchema).optional(),
  createdAt: z.string(),
});
export type TMessage = z.infer<typeof ZMessageSchema>;

export const ZPostMessageResponseSchema = z.object({ message: ZMessageSchema, replies: z.array(ZMessageSchema) });
export type TPostMessageResponse = z.infer<typeof ZPostMessageResponseSchema>;
export const ZMessagesResponseSchema = z.object({ messages: z.array(ZMessageSchema) });

export const ZMessagesQuerySchema = z.strictObject({ after: z.coerce.number().int().min(0).default(0) });

/** `POST /conversations/:id/csat`. */
export const ZCsatSchema = z.strictObject({ score: z.number().int().min(1).max(5), comment: z.string().max(2000).optional() });
export const ZCsatResponseSchema = z.object({ score: z.number().int() });
export type TCsatResponse = z.infer<typeof ZCsatResponseSchema>;

/** A conversation as the customer and agents see it. */
export const ZConversationSchema = z.object({
  id: z.string(),
  caseNumber: z.string(),
  status: z.enum(['ai', 'waiting', 'assigned', 'resolved', 'callback']),
  channel: z.string(),
  customer: z.object({
    id: z.string().nullable(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    /** `signed`: the site's HMAC vouched for the customer; `code`: they entered a one-time code; `unverified`: a claim only. */
    identity: z.enum(['signed', 'code', 'unverified']),
  }),
  language: z.string().nullable(),
  assignedAgentId: z.string().nullable(),
  teamId: z.string().nullable(),
  /** The last message `seq` the customer has had on screen in the widget (agents show "Seen" up to it). */
  customerReadSeq: z.number().int(),
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
  /** The person with the customer now (while the conversation is assigned): their first name and team, as the customer is told. */
  agent: z.object({ name: z.string(), team: z.string() }).nullable(),
});
export type TConversationState = z.infer<typeof ZConversationStateResponseSchema>;
export type TConversation = z.infer<typeof ZConversationSchema>;

/** `POST /conversations/:id/verify/code`: send a one-time code, to the conversation's address or to the one given. */
export const ZRequestCodeSchema = z.strictObject({ email: z.email().max(320).optional() });
/** The same answer whether or not the address belongs to an account. */
export const ZRequestCodeResponseSchema = z.object({ sent: z.literal(true), expiresInMinutes: z.number().int() });
export type TRequestCodeResponse = z.infer<typeof ZRequestCodeResponseSchema>;

/** `POST /conversations/:id/verify`: the six-digit code the customer received. */
export const ZVerifyCodeSchema = z.strictObject({ code: z.string().trim().regex(/^\d{6}$/, 'six digits') });
export const ZVerifyCodeResponseSchema = z.object({ identity: z.enum(['signed', 'code', 'unverified']) });
export type TVerifyCodeResponse = z.infer<typeof ZVerifyCodeResponseSchema>;

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
  /** When an admin disabled the account; null while it may sign in. */
  disabledAt: z.string().nullable().optional(),
});
export const ZAgentResponseSchema = z.object({ agent: ZAgentSchema });
export const ZAgentsResponseSchema = z.object({ agents: z.array(ZAgentSchema) });
export const ZLoginResponseSchema = z.object({ token: z.string(), expiresAt: z.string(), agent: ZAgentSchema });
export type TAgent = z.infer<typeof ZAgentSchema>;
export type TAgentRole = TAgent['role'];
export type TPresence = TAgent['presence'];
export type TLoginResponse = z.infer<typeof ZLoginResponseSchema>;

/** `PATCH /agents/me`: presence and capacity. */
export const ZPresenceSchema = z
  .strictObject({ presence: z.enum(['online', 'away', 'offline']).optional(), capacity: z.number().int().min(0).max(50).optional() })
  .refine((v) => v.presence !== undefined || v.capacity !== undefined, 'give presence or capacity');

/** `PATCH /agents/:id` (admin): a new role, or disable / enable the account. */
export const ZUpdateAgentSchema = z
  .strictObject({ role: z.enum(['agent', 'supervisor', 'admin']).optional(), disabled: z.boolean().optional() })
  .refine((v) => v.role !== undefined || v.disabled !== undefined, 'give role or disabled');

/** `POST /agents/:id/password` (admin): a new password; every session of the agent ends. */
export const ZResetPasswordSchema = z.strictObject({ password: z.string().max(500) });

/** `POST /agents` (admin). */
export const ZCreateAgentSchema = z.strictObject({
  email: z.email(),
  name: z.string().trim().min(1).max(200),
  password: z.string().max(500),
  role: z.enum(['agent', 'supervisor', 'admin']).default('agent'),
  teams: z.array(z.string().min(1)).default([]),
  capacity: z.number().int().min(0).max(50).default(3),
});

export const ZSkillSchema = z.object({ kind: z.enum(['category', 'language', 'channel']), value: z.string().min(1), proficiency: z.number().int().min(1).max(5) });

const ZSlaSchema = z.strictObject({ critical: z.number().positive(), high: z.number().positive(), medium: z.number().positive(), low: z.number().positive() });
const ZWeekdaySchema = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

/** A team's business hours: an IANA zone, openings per weekday ('HH:MM' ranges), and closed local dates. */
export const ZBusinessHoursSchema = z.strictObject({
  timeZone: z.string().min(1),
  weekly: z.partialRecord(ZWeekdaySchema, z.array(z.strictObject({ start: z.string(), end: z.string() }))),
  holidays: z.array(z.string()),
});
export type TBusinessHours = z.infer<typeof ZBusinessHoursSchema>;
export type TWeekday = z.infer<typeof ZWeekdaySchema>;

/** A team as `GET /teams` lists it: optional parts absent rather than empty. */
export const ZTeamSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  skills: z.array(ZSkillSchema),
  /** Customer tiers it serves with priority. */
  tiers: z.array(z.string()).optional(),
  /** Where a handoff goes when nobody here takes it. */
  overflow: z.strictObject({ afterMinutes: z.number(), toTeamId: z.string().nullable() }).optional(),
  /** Target minutes to the first human reply, per priority. */
  sla: z.record(ZPrioritySchema, z.number()),
  /** Absent: always open. */
  hours: ZBusinessHoursSchema.optional(),
  isDefault: z.boolean().optional(),
});
export type TTeam = z.infer<typeof ZTeamSchema>;
export const ZTeamResponseSchema = z.object({ team: ZTeamSchema });
export const ZTeamsResponseSchema = z.object({ teams: z.array(ZTeamSchema) });

/** `GET /customers?q=`: a search hit. */
export const ZCustomerSummarySchema = z.strictObject({ id: z.string(), name: z.string().nullable(), email: z.string().nullable(), tier: z.string() });
export const ZCustomersResponseSchema = z.object({ customers: z.array(ZCustomerSummarySchema) });

const ZOrderSchema = z.strictObject({
  id: z.string(),
  status: z.string(),
  placedAt: z.string().optional(),
  dispatchedAt: z.string().optional(),
  lastScanAt: z.string().optional(),
  carrier: z.string().optional(),
  trackingNumber: z.string().optional(),
  total: z.strictObject({ amount: z.number(), currency: z.string() }).optional(),
  items: z.array(z.string()).optional(),
});
const ZTicketSchema = z.strictObject({ caseNumber: z.string(), createdAt: z.string(), category: z.string().optional(), outcome: z.string().optional(), summary: z.string().optional() });

/** `GET /customers/:id`: the customer with orders and previous tickets. */
export const ZCustomerProfileSchema = z.strictObject({
  id: z.string(),
  name: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  tier: z.string().optional(),
  accountId: z.string().optional(),
  /** The date the customer joined, 'YYYY-MM-DD'. */
  since: z.string().optional(),
  status: z.string().optional(),
  orders: z.array(ZOrderSchema).optional(),
  subscriptions: z.array(z.strictObject({ plan: z.string(), status: z.string() })).optional(),
  tickets: z.array(ZTicketSchema).optional(),
});
export type TCustomerProfile = z.infer<typeof ZCustomerProfileSchema>;
export const ZCustomerResponseSchema = z.object({ customer: ZCustomerProfileSchema });

/** A KB article as the agent's side panel lists it. */
export const ZKbArticleSummarySchema = z.strictObject({ id: z.string(), title: z.string(), category: z.string().nullable(), tags: z.array(z.string()) });
export type TKbArticleSummary = z.infer<typeof ZKbArticleSummarySchema>;
export const ZKbArticlesResponseSchema = z.object({ articles: z.array(ZKbArticleSummarySchema) });
/** `GET /kb/articles/:id`: one article with its questions and answer. */
export const ZKbArticleSchema = ZKbArticleSummarySchema.extend({ questions: z.array(z.string()), body: z.string() });
export type TKbArticle = z.infer<typeof ZKbArticleSchema>;
export const ZKbArticleResponseSchema = z.object({ article: ZKbArticleSchema });
/** `POST /kb/reload`: how many articles are in force, the new KB version, and how long it took. */
export const ZKbReloadResponseSchema = z.strictObject({ articles: z.number().int(), version: z.number().int(), ms: z.number() });
export type TKbReload = z.infer<typeof ZKbReloadResponseSchema>;

/** `GET /conversations/:id/callback-options`: callback times within the team's hours, in the customer's zone, and when an email reply is promised. */
export const ZCallbackOptionsSchema = z.strictObject({
  /** Bookable call-back times, as instants and as the customer reads them. */
  slots: z.array(z.strictObject({ at: z.string(), label: z.string() })),
  timeZone: z.string(),
  /** The address an email reply would go to, when known. */
  email: z.string().nullable(),
  /** The phone number a callback would go to, when the customer gave one or their verified account has one. */
  phone: z.string().nullable(),
  /** When an email reply is promised by. */
  emailBy: z.strictObject({ at: z.string(), label: z.string() }),
});
export type TCallbackOptions = z.infer<typeof ZCallbackOptionsSchema>;

/** `POST /teams` (admin). */
export const ZCreateTeamSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  skills: z.array(ZSkillSchema).default([]),
  tiers: z.array(z.string()).optional(),
  isDefault: z.boolean().optional(),
  sla: ZSlaSchema.optional(),
});

export const ZHandoffsQuerySchema = z.strictObject({
  status: z.enum(['waiting', 'assigned', 'resolved', 'abandoned', 'callback']).optional(),
  mine: z.enum(['true', 'false']).optional(),
  team: z.string().optional(),
});

const ZSentimentLabelSchema = z.enum(['positive', 'neutral', 'frustrated', 'upset']);

/**
 * The handoff brief (DESIGN §4), core's `Brief` on the wire. Each part is optional because a
 * brief stored by an earlier version may lack one; a part it has is exact.
 */
export const ZBriefSchema = z
  .object({
    version: z.literal(1),
    caseNumber: z.string(),
    createdAt: z.string(),
    priority: ZPrioritySchema,
    headline: z.object({ customerName: z.string().optional(), tier: z.string().optional(), accountId: z.string().optional(), team: z.string().optional(), issue: z.string(), text: z.string() }),
    reasons: z.array(z.object({ code: z.string(), label: z.string(), detail: z.string(), messageIndex: z.number().int() })),
    sentiment: z.object({
      label: ZSentimentLabelSchema,
      score: z.number(),
      direction: z.enum(['improving', 'steady', 'worsening']),
      trend: z.array(z.object({ messageIndex: z.number().int(), label: ZSentimentLabelSchema, score: z.number() })),
      summary: z.string(),
    }),
    intent: z.object({ id: z.string().optional(), topics: z.array(z.string()), summary: z.string(), rule: z.string(), statement: z.string().optional() }),
    entities: z.array(
      z.object({ kind: z.string(), value: z.string(), messageIndex: z.number().int(), verified: z.boolean(), status: z.string().optional(), amount: z.number().optional(), currency: z.string().optional() }),
    ),
    attempts: z.array(z.object({ kind: z.enum(['article', 'tool']), ref: z.string(), title: z.string(), messageIndex: z.number().int(), worked: z.boolean().nullable() })),
    account: z
      .object({
        customerId: z.string(),
        tier: z.string().optional(),
        status: z.string().optional(),
        since: z.string().optional(),
        tenureMonths: z.number().optional(),
        orders: z.array(z.object({ id: z.string(), status: z.string(), placedAt: z.string().optional(), total: z.object({ amount: z.number(), currency: z.string() }).optional() })),
        orderCount: z.number().int(),
        subscriptions: z.array(z.object({ plan: z.string(), status: z.string() })),
        recentTickets: z.array(z.object({ caseNumber: z.string(), createdAt: z.string(), category: z.string().optional(), outcome: z.string().optional(), summary: z.string().optional() })),
        ticketWindowDays: z.number(),
      })
      .nullable(),
    technical: z.object({ errorCodes: z.array(z.string()), versions: z.array(z.string()), browsers: z.array(z.string()), devices: z.array(z.string()) }),
    nextSteps: z.array(z.string()),
    suggestedReply: z.string(),
    transcript: z.array(z.object({ index: z.number().int(), role: z.enum(['Customer', 'AI', 'Agent', 'System']), name: z.string().optional(), text: z.string(), at: z.string().optional() })),
    language: z.string(),
    /** The routing category it was sent under (billing, orders, …): the resolve dialog starts from it. */
    category: z.string(),
    /** 0..1: how much of the context an agent needs the brief holds. */
    contextCompleteness: z.number(),
    missingContext: z.array(z.string()),
    repeatEscalation: z.object({ previousCaseNumber: z.string(), hoursAgo: z.number(), channel: z.string() }),
    /** How the customer was verified; an unverified customer's account is named only as a claim (docs/identity.md). */
    identity: z.object({
      state: z.enum(['signed', 'code', 'unverified']),
      email: z.string().optional(),
      emailVerified: z.boolean(),
      claimedAccount: z.object({ name: z.string().optional(), accountId: z.string().optional() }).optional(),
    }),
    /** A 5–10 line summary a language model wrote (LLM mode, docs/llm.md). */
    summary: z.array(z.string()),
    /** Which parts of this brief a language model wrote; absent when the rules wrote them all. */
    writtenByModel: z.object({
      provider: z.string(),
      model: z.string(),
      parts: z.array(z.enum(['summary', 'intent', 'desiredOutcome', 'nextSteps', 'suggestedReply'])),
    }),
  })
  .partial();
export type TBrief = z.infer<typeof ZBriefSchema>;
export type TSentimentLabel = z.infer<typeof ZSentimentLabelSchema>;

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
  brief: ZBriefSchema,
  /** The callback or email reply the customer booked, when there is one. */
  callback: z
    .object({
      id: z.string(),
      kind: z.enum(['callback', 'email']),
      /** The booked time (a callback) or when the email case enters the queue. */
      at: z.string().nullable(),
      phone: z.string().optional(),
      email: z.string().optional(),
      timeZone: z.string().nullable(),
      status: z.enum(['scheduled', 'queued', 'calling', 'done', 'missed', 'cancelled', 'unreachable']),
      /** Calls nobody answered so far. */
      attempts: z.number().int(),
      agentId: z.string().nullable(),
    })
    .optional(),
  waitEstimateMinutes: z.number().nullable(),
  slaDueAt: z.string(),
  createdAt: z.string(),
  acceptedAt: z.string().nullable(),
  firstHumanReplyAt: z.string().nullable(),
  briefOpenedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolution: z
    .object({ category: z.string(), outcome: z.string(), verdict: z.enum(['needed', 'unnecessary', 'too_late', 'wrong_team']).optional(), note: z.string().optional() })
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

/**
 * `POST /handoffs/:id/accept`; the body may be left out. `override` takes the handoff beyond the
 * agent's capacity: supervisors and admins only, and only when they mean it.
 */
export const ZAcceptSchema = z.strictObject({ override: z.boolean().optional() }).optional();
export type TAccept = z.infer<typeof ZAcceptSchema>;

/** `POST /handoffs/:id/hand-back`. */
export const ZHandBackSchema = z.strictObject({
  note: z.string().max(2000).optional(),
  /** The agent's verdict on the handoff, when they give one; none is recorded otherwise. */
  verdict: z.enum(['needed', 'unnecessary', 'too_late', 'wrong_team']).optional(),
});

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

/** `GET /healthz`: 200 when the database answers, 503 with the reason when it does not. */
export const ZHealthOkSchema = z.strictObject({ status: z.literal('ok'), policyVersion: z.number().int() });

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
export type TBookCallback = z.input<typeof ZBookCallbackSchema>;
export type TBookCallbackResponse = z.infer<typeof ZBookCallbackResponseSchema>;

/** `PATCH /teams/:id`: skills, tiers, SLA minutes, default, and business hours (an IANA zone, a weekly schedule, holidays; null for always open). */
export const ZTeamHoursSchema = z
  .strictObject({
    skills: z.array(ZSkillSchema).optional(),
    tiers: z.array(z.string().min(1)).optional(),
    isDefault: z.boolean().optional(),
    sla: ZSlaSchema.optional(),
    hours: z
      .object({
        timeZone: z.string().min(1),
        weekly: z.partialRecord(ZWeekdaySchema, z.array(z.object({ start: z.string(), end: z.string() }))),
        holidays: z.array(z.string()).default([]),
      })
      .nullable()
      .optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'give at least one of skills, tiers, isDefault, sla, hours');
