import type { TAttachment, TAttachmentContentType, TEvent } from '@baton/contracts';
import type { MessageAttachment } from '../adapters/db/repositories/attachments.repository.js';
import { quickRepliesForOffer } from '@baton/core';
import type { ConversationRecord, MessageRecord } from '../adapters/db/repositories/conversations.repository.js';
import type { CallbackRecord } from '../adapters/db/repositories/callbacks.repository.js';
import type { EventRecord } from '../adapters/db/repositories/events.repository.js';
import type { HandoffRecord } from '../adapters/db/repositories/handoffs.repository.js';

/** A message as clients see it (DESIGN §10). */
export interface WireMessage {
  id: string;
  seq: number;
  conversationId: string;
  author: { kind: MessageRecord['authorKind']; name?: string };
  text: string;
  private?: true;
  /** The sender's idempotency key, echoed so a client can match its pending bubble exactly. */
  clientMessageId?: string;
  articleId?: string;
  action?: string;
  /** Buttons to show under an AI message: the offer of a choice carries "Help me now" / "Talk to a person". */
  quickReplies?: { id: 'self_serve' | 'human'; label: string }[];
  /** On a messaging channel: how far the message got (the provider's statuses), and why when it failed or waits. */
  delivery?: { status: NonNullable<MessageRecord['deliveryStatus']>; detail?: string };
  attachments?: TAttachment[];
  createdAt: string;
}

/** A file as clients see it, with the path to download it from. */
export function wireAttachment(conversationId: string, a: MessageAttachment): TAttachment {
  return { id: a.id, name: a.name, contentType: a.contentType as TAttachmentContentType, size: a.size, url: `/api/v1/conversations/${encodeURIComponent(conversationId)}/attachments/${encodeURIComponent(a.id)}` };
}

export function wireMessage(m: MessageRecord): WireMessage {
  return {
    id: m.id,
    seq: m.seq,
    conversationId: m.conversationId,
    author: { kind: m.authorKind, ...(m.authorName ? { name: m.authorName } : {}) },
    text: m.text,
    ...(m.private ? { private: true as const } : {}),
    ...(m.clientMessageId ? { clientMessageId: m.clientMessageId } : {}),
    ...(m.articleId ? { articleId: m.articleId } : {}),
    ...(m.action ? { action: m.action } : {}),
    ...(m.authorKind === 'ai' && m.action === 'offer_choice' ? { quickReplies: quickRepliesForOffer(m.text) } : {}),
    ...(m.deliveryStatus ? { delivery: { status: m.deliveryStatus, ...(m.deliveryDetail ? { detail: m.deliveryDetail } : {}) } } : {}),
    ...(m.attachments?.length ? { attachments: m.attachments.map((a) => wireAttachment(m.conversationId, a)) } : {}),
    createdAt: m.createdAt.toISOString(),
  };
}

export function wireConversation(c: ConversationRecord) {
  return {
    id: c.id,
    caseNumber: c.caseNumber,
    status: c.status,
    channel: c.channel,
    customer: { id: c.customerId, name: c.customerName, email: c.customerEmail, identity: c.identity },
    language: c.language,
    assignedAgentId: c.assignedAgentId,
    teamId: c.teamId,
    customerReadSeq: c.customerReadSeq,
    lastSeq: c.lastSeq,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** A handoff as clients see it: `{id, conversationId, status, priority, reasons, team, brief, createdAt}` and more. */
export function wireHandoff(h: HandoffRecord, teamName: string | null) {
  return {
    id: h.id,
    conversationId: h.conversationId,
    status: h.status,
    priority: h.priority,
    reasons: h.reasons,
    team: teamName,
    teamId: h.teamId,
    agentId: h.agentId,
    offeredAgentId: h.offeredAgentId,
    brief: h.brief,
    waitEstimateMinutes: h.waitEstimateMinutes,
    slaDueAt: h.slaDueAt.toISOString(),
    createdAt: h.createdAt.toISOString(),
    acceptedAt: h.acceptedAt?.toISOString() ?? null,
    firstHumanReplyAt: h.firstHumanReplyAt?.toISOString() ?? null,
    briefOpenedAt: h.briefOpenedAt?.toISOString() ?? null,
    resolvedAt: h.resolvedAt?.toISOString() ?? null,
    resolution: h.resolution,
  };
}

/** An event as the stream sends it (`TEvent` in `@baton/contracts`): the row, its time as ISO text. */
export function wireEvent(e: EventRecord): TEvent {
  // TypeScript loses the name-payload pairing when the fields are picked apart; the row already has it.
  return { seq: e.seq, type: e.type, conversationId: e.conversationId, handoffId: e.handoffId, agentId: e.agentId, payload: e.payload, createdAt: e.createdAt.toISOString() } as TEvent;
}

/** A booked callback or email reply as a handoff carries it: `callback:{kind, at, phone?, email?, …}`. */
export function wireCallback(cb: CallbackRecord) {
  return {
    id: cb.id,
    kind: cb.kind,
    at: cb.scheduledFor?.toISOString() ?? null,
    ...(cb.contact ? (cb.kind === 'callback' ? { phone: cb.contact } : { email: cb.contact }) : {}),
    timeZone: cb.timeZone,
    status: cb.status,
    attempts: cb.attempts,
    agentId: cb.agentId,
  };
}
