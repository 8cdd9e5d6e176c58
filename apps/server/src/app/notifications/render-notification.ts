import type { TNotificationEvent, TNotificationKind, TWebhookEnvelope } from '@baton/contracts';
import type { Brief, Priority } from '@baton/core';
import { clipText, maskPiiDeep, renderBriefText } from '@baton/core';
import type { Sql } from '../../adapters/db/database.js';
import { getConversation } from '../../adapters/db/repositories/conversations.repository.js';
import type { EventRecord } from '../../adapters/db/repositories/events.repository.js';
import { getHandoff, latestHandoffFor } from '../../adapters/db/repositories/handoffs.repository.js';
import { teamName } from '../../adapters/db/repositories/teams.repository.js';
import { wireHandoff } from '../wire.js';

/** Everything a notification says about one event, PII masked, before it is shaped for a channel. */
export interface NotificationSubject {
  type: TNotificationEvent;
  seq: number;
  createdAt: string;
  priority: Priority | null;
  conversation: { id: string; caseNumber: string; status: string } | null;
  /** The handoff as the API shows it, brief included; as it was when the event was emitted when the event carries it. */
  handoff: (Record<string, unknown> & { id: string; priority: Priority; brief: Brief; team: string | null }) | null;
  /** The event's own fields: the accepting agent, the resolution, the message… */
  extra: Record<string, unknown>;
}

/** Card data is masked in every notification whatever the channel's setting (PCI DSS: never in clear outside the product). */
const ALWAYS_MASKED = ['card', 'card_security'] as const;

const LABELS: Record<TNotificationEvent, string> = {
  'handoff.requested': 'Handoff requested',
  'handoff.accepted': 'Handoff accepted',
  'handoff.transferred': 'Handoff transferred',
  'handoff.handed_back': 'Handed back to the AI',
  'handoff.sla_breached': 'SLA breached',
  'handoff.resolved': 'Handoff resolved',
  'conversation.resolved': 'Conversation resolved',
  'message.created': 'New message',
  'callback.missed': 'Callback missed',
};

function eventExtra(type: TNotificationEvent, p: Record<string, unknown>): Record<string, unknown> {
  switch (type) {
    case 'handoff.accepted':
      return { agent: p.agent ?? null };
    case 'handoff.transferred':
      return { fromAgentId: p.from ?? null, toTeamId: p.toTeamId ?? null, toAgentId: p.toAgentId ?? null, note: p.note ?? null };
    case 'handoff.handed_back':
      return { note: p.note ?? null };
    case 'handoff.sla_breached':
      return { slaDueAt: p.slaDueAt ?? null };
    case 'handoff.resolved':
      return { resolution: p.resolution ?? null, resolvedAt: p.resolvedAt ?? null };
    case 'conversation.resolved':
      return { from: p.from ?? null, cause: p.cause ?? null };
    case 'message.created':
      return { message: p.message ?? null };
    case 'callback.missed':
      return { callbackId: p.callbackId ?? null, kind: p.kind ?? null, scheduledFor: p.scheduledFor ?? null };
    default:
      return {};
  }
}

/**
 * Gathers what notifications say about an event, inside the listener's transaction. Every string
 * has card data masked, so card numbers a customer typed never leave in a notification
 * (DESIGN §11), whatever path they took into the payload; each channel then masks the other
 * kinds it is configured for (`maskForChannel`).
 */
export async function loadNotificationSubject(tx: Sql, e: EventRecord, type: TNotificationEvent): Promise<NotificationSubject> {
  const conv = e.conversationId ? await getConversation(tx, e.conversationId) : null;
  let handoff: NotificationSubject['handoff'] = null;
  const snapshot = 'handoff' in e.payload ? (e.payload.handoff as NotificationSubject['handoff']) : undefined;
  if (snapshot && typeof snapshot === 'object' && snapshot.brief) handoff = snapshot;
  else {
    const h = e.handoffId ? await getHandoff(tx, e.handoffId) : e.conversationId ? await latestHandoffFor(tx, e.conversationId) : null;
    if (h) handoff = { ...wireHandoff(h, await teamName(tx, h.teamId)) } as NotificationSubject['handoff'];
  }
  return maskPiiDeep({
    type,
    seq: e.seq,
    createdAt: e.createdAt.toISOString(),
    priority: handoff?.priority ?? null,
    conversation: conv ? { id: conv.id, caseNumber: conv.caseNumber, status: conv.status } : null,
    handoff,
    extra: eventExtra(type, e.payload),
  }, ALWAYS_MASKED);
}

/** The stable id of an event on the wire, the same for every endpoint and retry. */
export function eventWireId(seq: number): string {
  return `evt_${seq}`;
}

/** The workspace link an agent opens from a notification. */
export function workspaceLink(publicUrl: string, s: NotificationSubject): string {
  const base = publicUrl.replace(/\/+$/, '');
  if (s.handoff) return `${base}/#/handoffs/${encodeURIComponent(s.handoff.id)}`;
  return s.conversation ? `${base}/#/conversations/${encodeURIComponent(s.conversation.id)}` : `${base}/`;
}

/** The signed webhook's body (docs/webhooks.md). */
export function renderWebhookEnvelope(s: NotificationSubject): TWebhookEnvelope {
  return { id: eventWireId(s.seq), type: s.type, seq: s.seq, createdAt: s.createdAt, data: { conversation: s.conversation, handoff: s.handoff, ...s.extra } };
}

/** Slack reads `&`, `<` and `>` as markup (`<!channel>` pings everyone): customer text is escaped. */
function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}


function caseLabel(s: NotificationSubject, lower = false): string {
  return s.conversation ? `${lower ? 'case' : 'Case'} ${s.conversation.caseNumber}` : `${lower ? 'event' : 'Event'} ${s.seq}`;
}

function messageText(s: NotificationSubject): string | null {
  const m = s.extra.message as { text?: unknown; author?: { kind?: string; name?: string } } | null | undefined;
  if (!m || typeof m.text !== 'string') return null;
  const who = m.author?.name ? `${m.author.kind} (${m.author.name})` : (m.author?.kind ?? 'someone');
  return `${who}: ${m.text}`;
}

/** A Slack incoming-webhook message: the fallback `text` and `blocks` with priority, headline, reasons and the link. */
export function renderSlackMessage(s: NotificationSubject, publicUrl: string): Record<string, unknown> {
  const label = LABELS[s.type];
  const priority = s.priority ? s.priority.toUpperCase() : 'NO';
  const brief = s.handoff?.brief ?? null;
  const headline = brief?.headline.text ?? messageText(s) ?? label;
  const link = workspaceLink(publicUrl, s);
  const fields = [
    { type: 'mrkdwn', text: `*Priority*\n${priority}` },
    { type: 'mrkdwn', text: `*Case*\n${slackEscape(s.conversation?.caseNumber ?? '—')}` },
    ...(s.handoff?.team ? [{ type: 'mrkdwn', text: `*Team*\n${slackEscape(s.handoff.team)}` }] : []),
  ];
  const agent = s.extra.agent as { name?: string } | null | undefined;
  if (agent?.name) fields.push({ type: 'mrkdwn', text: `*Agent*\n${slackEscape(agent.name)}` });
  const blocks: Record<string, unknown>[] = [
    { type: 'header', text: { type: 'plain_text', text: clipText(`${label} · ${caseLabel(s)}`, 150) } },
    { type: 'section', fields },
    { type: 'section', text: { type: 'mrkdwn', text: clipText(slackEscape(headline), 2900) } },
  ];
  if (brief?.reasons.length) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clipText(`*Why*\n${brief.reasons.map((r) => `• ${slackEscape(r.label)}: ${slackEscape(r.detail)}`).join('\n')}`, 2900) } });
  }
  const said = s.type === 'message.created' ? messageText(s) : null;
  if (said && brief) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clipText(slackEscape(said), 2900) } });
  blocks.push({ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open in Baton' }, url: link }] });
  return { text: clipText(`[${priority}] ${label} · ${caseLabel(s)}: ${slackEscape(headline)}`, 3000), blocks };
}

/** An SMS: the event, priority, case, the headline and the link (the brief stays in the workspace). */
export function renderSms(s: NotificationSubject, publicUrl: string): { body: string } {
  const brief = s.handoff?.brief ?? null;
  const headline = brief ? (renderBriefText(brief, { transcript: false }).split('\n')[1] ?? '') : (messageText(s) ?? '');
  const link = workspaceLink(publicUrl, s);
  const head = `Baton ${s.priority ? s.priority.toUpperCase() : ''} ${LABELS[s.type]}, ${caseLabel(s, true)}`.replace(/\s+/g, ' ');
  return { body: `${clipText(`${head}: ${headline}`, 320 - link.length - 1)} ${link}` };
}

/** An email: the brief as text under a line that says what happened (DESIGN §4). */
export function renderEmail(s: NotificationSubject, publicUrl: string): { subject: string; text: string } {
  const brief = s.handoff?.brief ?? null;
  const label = LABELS[s.type];
  const subject = `[Baton] ${label}: ${caseLabel(s, true)}${s.priority ? ` (${s.priority})` : ''}`;
  const lines = [`${label} · ${caseLabel(s)}${s.priority ? ` · ${s.priority.toUpperCase()} priority` : ''}`, `Open it: ${workspaceLink(publicUrl, s)}`, ''];
  const said = s.type === 'message.created' ? messageText(s) : null;
  if (said) lines.push(said, '');
  if (brief) lines.push(renderBriefText(brief));
  return { subject, text: lines.join('\n') };
}

/** The payload stored with a delivery, shaped for the endpoint's kind. */
export function renderNotification(kind: TNotificationKind, s: NotificationSubject, publicUrl: string): Record<string, unknown> {
  switch (kind) {
    case 'webhook':
      return renderWebhookEnvelope(s);
    case 'slack':
      return renderSlackMessage(s, publicUrl);
    case 'sms':
      return renderSms(s, publicUrl);
    case 'email':
      return renderEmail(s, publicUrl);
  }
}
