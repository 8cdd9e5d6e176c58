import type { TDeliveryStatus, TEventName, TNotificationKind } from '@baton/contracts';
import type { Brief, Priority, Skill, Team } from '@baton/core';
import type { ColumnType, Generated } from 'kysely';

/**
 * The tables the migrations create, as Kysely sees them: one `DB` interface types every query.
 * Names are the columns' in camelCase (`case_number` is `caseNumber`): the database's
 * `CamelCasePlugin` maps them both ways, so a selected row is already the record the use cases
 * read, with no mapper between. A column's select type is what the drivers return on PostgreSQL
 * and PGlite alike: timestamps are Dates, `bigint`s numbers (the pg type parser, PGlite's own),
 * `jsonb` parsed values, `numeric` strings.
 *
 * `jsonb` columns are written as JSON text (`JSON.stringify`): pg would turn a JS array into a
 * PostgreSQL array literal, not JSON.
 */

/** A timestamp: read as a Date, written as a Date or an ISO string. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/**
 * A timestamp whose column has a default (`now()`), kept for rows made by hand. The server always
 * writes it from its clock (`AppContext.clock`), so an insert must give it: the database's time
 * is not the app's when a test runs the app on a clock of its own.
 */
type CreatedAt = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;
/** A `jsonb` column: read as `T`, written as JSON text. */
type Json<T> = ColumnType<T, string, string>;
/** A `jsonb` column with a default. */
type JsonWithDefault<T> = ColumnType<T, string | undefined, string>;
type NullableJson<T> = ColumnType<T | null, string | null, string | null>;

export type Role = 'agent' | 'supervisor' | 'admin';
export type Presence = 'online' | 'away' | 'offline';
export type ConversationStatus = 'ai' | 'waiting' | 'assigned' | 'resolved' | 'callback';
export type AuthorKind = 'customer' | 'ai' | 'agent' | 'system';
export type HandoffStatus = 'waiting' | 'assigned' | 'resolved' | 'abandoned' | 'callback';
/**
 * A callback's state: booked (`scheduled`), back in the queue at its time (`queued`), taken by an
 * agent who is calling (`calling`), worked (`done`), not picked up in time (`missed`), withdrawn
 * (`cancelled`), or closed after the last unanswered try (`unreachable`).
 */
export type CallbackStatus = 'scheduled' | 'queued' | 'calling' | 'done' | 'missed' | 'cancelled' | 'unreachable';
export type OutboxStatus = 'pending' | 'sent' | 'failed';
/** What a quality flag records (DESIGN §4, §8). */
export type QualityFlagKind = 'redundant_ask' | 'customer_repeat' | 'repeat_escalation';

/** Why a handoff was requested: a reason code of the policy, and what triggered it. */
export interface HandoffReason {
  code: string;
  detail: string;
  messageId?: string;
}

/** How the agent closed a handoff. */
export interface Resolution {
  category: string;
  outcome: string;
  /** The agent's verdict on the handoff; absent when they gave none (a hand-back without one). */
  verdict?: 'needed' | 'unnecessary' | 'too_late' | 'wrong_team';
  note?: string;
}

export interface CustomerTable {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  tier: Generated<string>;
  accountId: string | null;
  /** A `date`: the drivers read it as a Date at midnight. */
  since: NullableTimestamp;
  status: Generated<string>;
  createdAt: CreatedAt;
}

export interface OrderTable {
  id: string;
  customerId: string;
  status: string;
  placedAt: NullableTimestamp;
  dispatchedAt: NullableTimestamp;
  lastScanAt: NullableTimestamp;
  carrier: string | null;
  trackingNumber: string | null;
  /** `numeric(12,2)`: read as a string, so no precision is lost on the way. */
  totalAmount: ColumnType<string | null, number | string | null, number | string | null>;
  currency: string | null;
  items: JsonWithDefault<string[]>;
}

export interface TicketTable {
  caseNumber: string;
  customerId: string;
  createdAt: Timestamp;
  category: string | null;
  outcome: string | null;
  summary: string | null;
}

export interface TeamTable {
  id: string;
  name: string;
  skills: JsonWithDefault<Skill[]>;
  tiers: JsonWithDefault<string[]>;
  overflow: NullableJson<NonNullable<Team['overflow']>>;
  sla: Json<Team['sla']>;
  hours: NullableJson<NonNullable<Team['hours']>>;
  isDefault: Generated<boolean>;
  createdAt: CreatedAt;
}

export interface AgentTable {
  id: string;
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  capacity: Generated<number>;
  presence: Generated<Presence>;
  skills: JsonWithDefault<Skill[]>;
  lastAssignedAt: NullableTimestamp;
  /** Set when an admin disabled the account: it cannot log in and has no sessions. */
  disabledAt: NullableTimestamp;
  /**
   * The last sign of life of one of the agent's realtime streams (the workspace keeps one open):
   * the agent is online for routing only while this is within BATON_PRESENCE_GRACE_SECONDS.
   */
  sessionSeenAt: NullableTimestamp;
  createdAt: CreatedAt;
}

export interface AgentTeamTable {
  agentId: string;
  teamId: string;
}

export interface SessionTable {
  tokenHash: string;
  agentId: string;
  expiresAt: Timestamp;
  createdAt: CreatedAt;
}

/** A customer token of a further device (a continue link opened there); the conversation's own token stays valid too. */
export interface CustomerDeviceTokenTable {
  tokenHash: string;
  conversationId: string;
  createdAt: Timestamp;
  /** Its last use; it stops working after BATON_CUSTOMER_TOKEN_IDLE_HOURS without use, as the first device's does. */
  usedAt: Timestamp;
}

/** A continue link that was opened: each opens the conversation once. */
export interface ContinueLinkUseTable {
  linkId: string;
  conversationId: string;
  usedAt: Timestamp;
}

export interface ConversationTable {
  id: string;
  caseNumber: string;
  customerId: string | null;
  customerName: string | null;
  customerEmail: string | null;
  customerPhone: string | null;
  /** The customer's last sign of life on a live channel (the widget's stream); null before any. */
  customerSeenAt: NullableTimestamp;
  /** How the customer was verified: by the site's signature, by a one-time code, or not at all. */
  identity: Generated<IdentityState>;
  /** Whether `customerEmail` may receive mail: it came signed from the site, or a code sent to it was entered. */
  emailVerified: Generated<boolean>;
  /** The account an unverified customer's email points at: a claim, never used for account data. */
  claimedCustomerId: string | null;
  /** The site's own id for the customer, when the site signed that instead of the email. */
  externalId: string | null;
  /** The secret in the case's reply address (`reply+TOKEN@…`); inbound mail joins the case only through it. */
  replyToken: string | null;
  /** When the customer's token was last used; it stops working after BATON_CUSTOMER_TOKEN_IDLE_HOURS without use. */
  tokenUsedAt: NullableTimestamp;
  channel: Generated<string>;
  status: Generated<ConversationStatus>;
  language: string | null;
  /** The customer's IANA time zone (the widget's browser zone): opening hours and callback times are told in it. */
  timeZone: string | null;
  /** The last message seq the customer has had on screen (the widget says so); agents see "Seen" up to it. */
  customerReadSeq: Generated<number>;
  tokenHash: string;
  assignedAgentId: string | null;
  teamId: string | null;
  lastSeq: Generated<number>;
  createdAt: CreatedAt;
  updatedAt: CreatedAt;
}

export type IdentityState = 'signed' | 'code' | 'unverified';

/** A one-time code sent to prove an address: only its hash is stored. */
export interface VerificationCodeTable {
  id: string;
  conversationId: string;
  address: string;
  codeHash: string;
  attempts: Generated<number>;
  expiresAt: Timestamp;
  consumedAt: NullableTimestamp;
  createdAt: Timestamp;
}

export interface MessageTable {
  id: string;
  conversationId: string;
  seq: number;
  authorKind: AuthorKind;
  authorId: string | null;
  authorName: string | null;
  text: string;
  private: Generated<boolean>;
  clientMessageId: string | null;
  replyTo: string | null;
  articleId: string | null;
  action: string | null;
  /** On a messaging channel: how far the message got (`sent`, `delivered`, `read`, `failed`, …); null elsewhere. */
  deliveryStatus: ColumnType<DeliveryStatus | null, DeliveryStatus | null | undefined, DeliveryStatus | null>;
  /** Why a delivery failed, was held or skipped. */
  deliveryDetail: ColumnType<string | null, string | null | undefined, string | null>;
  /** The files sent with the message, as clients see them (null: none). */
  attachments: NullableJson<MessageAttachment[]>;
  createdAt: CreatedAt;
}

/** A file on a message: enough to show it and link to it without another query. */
export interface MessageAttachment {
  id: string;
  name: string;
  contentType: string;
  size: number;
}

/** Who uploaded a file: the customer (in the widget or by mail) or an agent. */
export type AttachmentUploader = 'customer' | 'agent';

/** A file sent in a conversation; its bytes are in the attachment store (`storage`, `storageKey`). */
export interface AttachmentTable {
  id: string;
  conversationId: string;
  uploaderKind: AttachmentUploader;
  uploaderId: string | null;
  /** The uploader's idempotency key: a retried upload finds the first one. */
  clientAttachmentId: string | null;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  /** `disk`, `database` or `s3`: where the bytes were put, so a change of store keeps older files readable. */
  storage: string;
  storageKey: string;
  /** The message it was sent with; null while it is only uploaded. */
  messageId: string | null;
  /** Sent in a message the customer sees (not a private note), or sent by the customer. */
  visibleToCustomer: Generated<boolean>;
  createdAt: Timestamp;
}

/** A file kept in the database (the database attachment store): its bytes are the large object `objectId`. */
export interface AttachmentBlobTable {
  key: string;
  /** The large object's oid; this row is its only reference, and is removed with it. */
  objectId: number;
  size: number;
  createdAt: CreatedAt;
}

/** Why a key is journalled: its bytes are on their way to a store, or its row was removed and its bytes go next. */
export type AttachmentPendingReason = 'upload' | 'removal';

/**
 * A key whose bytes may be in a store with no row referring to them: written before the bytes are
 * stored or the row removed, deleted once settled. The sweep removes the bytes of what is due.
 */
export interface AttachmentPendingKeyTable {
  storage: string;
  storageKey: string;
  reason: AttachmentPendingReason;
  /** When the sweep may remove the bytes: an upload's time to finish, or at once for a removal. */
  dueAt: Timestamp;
}

/** How far a message got on its messaging channel (the provider's statuses, and Baton's own `held`/`skipped`). */
export type DeliveryStatus = 'pending' | 'held' | 'sent' | 'delivered' | 'read' | 'failed' | 'skipped';

/** A customer on a messaging channel: their ids there, their conversation, and when they last wrote (the 24-hour window). */
export interface ChannelContactTable {
  id: string;
  channel: string;
  /** WhatsApp's `wa_id`, or the page-scoped (or Instagram-scoped) id on Messenger. */
  contactId: string | null;
  /** WhatsApp's business-scoped user id, the only id of a user known by a username. */
  userId: string | null;
  conversationId: string;
  displayName: string | null;
  lastInboundAt: NullableTimestamp;
  /** Messenger's handover protocol: `baton`, or the app id that holds the thread; null before any handover. */
  threadOwner: string | null;
  createdAt: CreatedAt;
}

/** A webhook delivery, stored as received once its signature checked, and processed by the `channel-inbound` job. */
export interface ChannelDeliveryTable {
  id: string;
  channel: string;
  body: string;
  bodyHash: string;
  status: ColumnType<'pending' | 'done' | 'failed', 'pending' | 'done' | 'failed' | undefined, 'pending' | 'done' | 'failed'>;
  attempts: Generated<number>;
  lastError: string | null;
  receivedAt: Timestamp;
  processedAt: NullableTimestamp;
}

/** One request to a channel's send API, and what became of it. */
export interface ChannelOutboxTable {
  id: string;
  conversationId: string;
  channel: string;
  /** What it was made from (`message:<id>:<part>`, `handover:<id>`): one request per source. */
  sourceKey: string;
  messageId: string | null;
  authorKind: AuthorKind | null;
  /** `text`, `buttons`, `list`, `quick_replies`, `template`, `pass_thread_control`. */
  kind: string;
  request: Json<Record<string, unknown>>;
  status: ColumnType<DeliveryStatus, DeliveryStatus | undefined, DeliveryStatus>;
  detail: string | null;
  providerMessageId: string | null;
  attempts: Generated<number>;
  nextAttemptAt: NullableTimestamp;
  createdAt: Timestamp;
  sentAt: NullableTimestamp;
  deliveredAt: NullableTimestamp;
  readAt: NullableTimestamp;
}

/** A customer message stored and not yet known to be answered (migration 13). */
export interface PendingAnswerTable {
  messageId: string;
  conversationId: string;
  dueAt: Date;
}

export interface DecisionTable {
  messageId: string;
  conversationId: string;
  /** The engine's decision, as it was made (`confidence`, `intent`, `action`, …). */
  decision: Json<{ action?: string; intent?: string; confidence?: number } & Record<string, unknown>>;
  createdAt: CreatedAt;
}

export interface HandoffTable {
  id: string;
  conversationId: string;
  status: HandoffStatus;
  priority: Priority;
  reasons: Json<HandoffReason[]>;
  teamId: string | null;
  offeredAgentId: string | null;
  agentId: string | null;
  brief: Json<Brief>;
  /** The last wait the customer was told, in minutes; null while the team is closed. */
  waitEstimateMinutes: number | null;
  slaDueAt: Timestamp;
  createdAt: CreatedAt;
  /** When the customer started waiting, by the server's clock: estimates grow with the time waited. */
  queuedAt: CreatedAt;
  /** The place in the queue the customer was last told; null before any. */
  queuePosition: number | null;
  /** When the customer was last told their place and wait. */
  queueToldAt: NullableTimestamp;
  /** When the queue was last computed for this customer, told or not: the next look waits the channel's interval. */
  queueCheckedAt: NullableTimestamp;
  /** When a callback or an email reply was offered during this wait (once). */
  callbackOfferedAt: NullableTimestamp;
  acceptedAt: NullableTimestamp;
  firstHumanReplyAt: NullableTimestamp;
  briefOpenedAt: NullableTimestamp;
  resolvedAt: NullableTimestamp;
  resolution: NullableJson<Resolution>;
}

/** The offset event numbers start from (`appendEvent`): above every number stored before it. */
export interface EventNumberingTable {
  id: number;
  base: number;
}

export interface EventTable {
  seq: number;
  type: TEventName;
  conversationId: string | null;
  handoffId: string | null;
  agentId: string | null;
  payload: Json<Record<string, unknown>>;
  createdAt: CreatedAt;
}

export interface CsatTable {
  conversationId: string;
  handoffId: string | null;
  score: number;
  comment: string | null;
  createdAt: CreatedAt;
}

export interface SettingTable {
  key: string;
  version: number;
  value: Json<unknown>;
  createdBy: string | null;
  createdAt: CreatedAt;
}

/** An event a listener could not handle: retried with backoff while `retrying`, then set aside (`dead`) until replayed. */
export interface DeadLetterTable {
  id: string;
  listener: string;
  eventSeq: ColumnType<number, number, number>;
  eventType: string;
  status: 'retrying' | 'dead' | 'replayed';
  attempts: number;
  lastError: string;
  nextAttemptAt: Date | null;
  failedAt: ColumnType<Date, Date, Date>;
  deadAt: Date | null;
  replayedAt: Date | null;
}

export interface ListenerCursorTable {
  name: string;
  seq: Generated<number>;
  updatedAt: CreatedAt;
}

export interface NotificationEndpointTable {
  id: string;
  kind: TNotificationKind;
  name: string;
  target: string;
  secret: string | null;
  /** Empty means the kind's default set. */
  events: JsonWithDefault<string[]>;
  minPriority: Priority | null;
  active: Generated<boolean>;
  createdAt: CreatedAt;
}

export interface DeliveryTable {
  id: string;
  endpointId: string;
  eventSeq: number;
  eventType: string;
  status: TDeliveryStatus;
  attempts: Generated<number>;
  lastStatus: number | null;
  lastError: string | null;
  nextAttemptAt: NullableTimestamp;
  payload: Json<Record<string, unknown>>;
  createdAt: CreatedAt;
  deliveredAt: NullableTimestamp;
}

export interface EmailThreadTable {
  messageId: string;
  conversationId: string;
  direction: 'in' | 'out';
  createdAt: CreatedAt;
  subject: string | null;
}

export interface CallbackTable {
  id: string;
  conversationId: string;
  handoffId: string | null;
  kind: 'callback' | 'email';
  scheduledFor: NullableTimestamp;
  timeZone: string | null;
  contact: string | null;
  status: CallbackStatus;
  createdAt: CreatedAt;
  /** Calls made that nobody answered. */
  attempts: Generated<number>;
  /** The agent working it (`calling`, `done`). */
  agentId: string | null;
}

/** A reply an admin wrote once for agents to insert by its shortcut; `teamId` null is for every team. */
export interface CannedReplyTable {
  id: string;
  shortcut: string;
  title: string;
  body: string;
  teamId: string | null;
  createdAt: CreatedAt;
  updatedAt: CreatedAt;
}

export interface EmailOutboxTable {
  id: string;
  conversationId: string;
  /** What it was made from (`message:<id>`, `handoff:<id>`): one mail per source. */
  sourceKey: string;
  /** `message`, `queue_update`, `escalate`, `handoff_confirmation`. */
  kind: string;
  /** Without angle brackets. */
  rfcMessageId: string;
  toAddress: string;
  subject: string;
  body: string;
  /** The HTML alternative of `body`; null for mail sent as text alone. */
  html: string | null;
  inReplyTo: string | null;
  refs: JsonWithDefault<string[]>;
  status: OutboxStatus;
  attempts: Generated<number>;
  lastError: string | null;
  createdAt: Timestamp;
  sentAt: NullableTimestamp;
}

export interface QualityFlagTable {
  id: string;
  handoffId: string | null;
  conversationId: string;
  messageId: string | null;
  kind: QualityFlagKind;
  detail: JsonWithDefault<Record<string, unknown>>;
  createdAt: CreatedAt;
}

/**
 * One call to a language model (docs/llm.md): who answered, how long it took, what it cost in
 * tokens, and whether the embedded engine or a person had to take over. No text is kept here.
 */
export interface LlmCallTable {
  id: string;
  /** Null for an admin's test question. */
  conversationId: string | null;
  messageId: string | null;
  purpose: 'answer' | 'brief' | 'test';
  provider: string;
  model: string;
  ok: boolean;
  /** How it failed (LLM_FAILURE_KINDS); null when it worked. */
  errorKind: string | null;
  /** Who took over after a failure: the embedded engine, or a person; null when nobody had to. */
  fallback: 'embedded' | 'escalate' | null;
  latencyMs: number;
  inputTokens: number;
  outputTokens: number;
  attempts: number;
  createdAt: Date;
}

export interface SchemaMigrationTable {
  version: number;
  name: string;
  appliedAt: CreatedAt;
}

/** One webhook received from an integration (Chatwoot), stored before it is acknowledged; processed by a job. */
export interface IntegrationDeliveryTable {
  provider: string;
  /** What makes a redelivery the same delivery: the message id, or the delivery header, or the body's hash. */
  deliveryKey: string;
  event: string;
  payload: Json<Record<string, unknown>>;
  receivedAt: Timestamp;
  processedAt: NullableTimestamp;
  /** What processing did, in a few words, for the person reading the table. */
  outcome: string | null;
}

/** An outside conversation (a Chatwoot conversation) and the Baton conversation that stands for it. */
export interface IntegrationLinkTable {
  provider: string;
  externalId: string;
  conversationId: string;
  detail: JsonWithDefault<Record<string, unknown>>;
  createdAt: CreatedAt;
}

/** An outbound step that succeeded (a note posted, a ticket created), so a retried job does not do it twice. */
export interface IntegrationActionTable {
  actionKey: string;
  /** What the other side returned as the id (a Zendesk ticket id), when it matters. */
  externalRef: string | null;
  doneAt: Timestamp;
}

/** Every table of the schema, by its name in camelCase. */
export interface DB {
  agentTeams: AgentTeamTable;
  attachmentBlobs: AttachmentBlobTable;
  attachmentPendingKeys: AttachmentPendingKeyTable;
  attachments: AttachmentTable;
  agents: AgentTable;
  callbacks: CallbackTable;
  channelContacts: ChannelContactTable;
  channelDeliveries: ChannelDeliveryTable;
  channelOutbox: ChannelOutboxTable;
  cannedReplies: CannedReplyTable;
  conversations: ConversationTable;
  continueLinkUses: ContinueLinkUseTable;
  customerDeviceTokens: CustomerDeviceTokenTable;
  csat: CsatTable;
  customers: CustomerTable;
  decisions: DecisionTable;
  deliveries: DeliveryTable;
  emailOutbox: EmailOutboxTable;
  emailThreads: EmailThreadTable;
  eventNumbering: EventNumberingTable;
  events: EventTable;
  handoffs: HandoffTable;
  integrationActions: IntegrationActionTable;
  integrationDeliveries: IntegrationDeliveryTable;
  integrationLinks: IntegrationLinkTable;
  llmCalls: LlmCallTable;
  deadLetters: DeadLetterTable;
  listenerCursors: ListenerCursorTable;
  messages: MessageTable;
  pendingAnswers: PendingAnswerTable;
  notificationEndpoints: NotificationEndpointTable;
  orders: OrderTable;
  qualityFlags: QualityFlagTable;
  schemaMigrations: SchemaMigrationTable;
  sessions: SessionTable;
  settings: SettingTable;
  teams: TeamTable;
  tickets: TicketTable;
  verificationCodes: VerificationCodeTable;
}
