import type { Brief, Priority } from '@baton/core';
import { clipText, renderBriefText } from '@baton/core';
import type { ZendeskTicket } from '../../adapters/integrations/zendesk-client.js';
import { getConversation } from '../../adapters/db/repositories/conversations.repository.js';
import { getHandoff } from '../../adapters/db/repositories/handoffs.repository.js';
import { findIntegrationAction, recordIntegrationAction } from '../../adapters/db/repositories/integrations.repository.js';
import { teamName } from '../../adapters/db/repositories/teams.repository.js';
import type { ZendeskConfig } from '../../config.js';
import type { AppContext } from '../context.js';

const PRIORITY: Record<Priority, ZendeskTicket['priority']> = { low: 'low', medium: 'normal', high: 'high', critical: 'urgent' };

/**
 * At handoff, a Zendesk ticket (the `zendesk-handoff` job): the headline as the subject, the brief
 * as the first comment (internal), the priority, the reasons as tags, the mapped custom fields,
 * and the customer as the requester when their address is verified. Created once per handoff:
 * the handoff id is Zendesk's idempotency key, and the ticket id is recorded. A failure throws,
 * and the job is tried again.
 */
export async function createZendeskTicket(ctx: AppContext, handoffId: string): Promise<void> {
  const zendesk = ctx.zendesk;
  const config = ctx.config.zendesk;
  if (!zendesk || !config) return;
  const key = `zendesk:ticket:${handoffId}`;
  if (await findIntegrationAction(ctx.db, key)) return;
  const handoff = await getHandoff(ctx.db, handoffId);
  const conv = handoff ? await getConversation(ctx.db, handoff.conversationId) : null;
  if (!handoff || !conv) return;
  const team = await teamName(ctx.db, handoff.teamId);
  const ticket = zendeskTicket(handoff.brief, config, { team, requester: conv.customerEmail && conv.emailVerified ? { name: handoff.brief.headline.customerName ?? conv.customerEmail, email: conv.customerEmail } : null });
  const r = await zendesk.createTicket(ticket, `baton-handoff-${handoffId}`);
  if (!r.ok) throw new Error(`Zendesk did not create the ticket for case ${conv.caseNumber}: ${r.error}`);
  const id = (r.json as { ticket?: { id?: number } } | null)?.ticket?.id;
  await recordIntegrationAction(ctx.db, key, id === undefined ? null : String(id), ctx.clock());
  ctx.log('info', `Zendesk ticket ${id ?? '(no id returned)'} created for case ${conv.caseNumber}`, { handoffId, conversationId: conv.id });
}

/** The ticket for a brief: what a Zendesk agent reads first, and the fields their views filter on. */
export function zendeskTicket(brief: Brief, config: Pick<ZendeskConfig, 'fields'>, o: { team: string | null; requester: { name: string; email: string } | null }): ZendeskTicket {
  const values: Record<string, string> = {
    case_number: brief.caseNumber,
    priority: brief.priority,
    sentiment: brief.sentiment.label,
    intent: brief.intent.summary,
    reasons: brief.reasons.map((r) => r.code).join(', '),
    language: brief.language,
    brief: renderBriefText(brief, { transcript: false }),
    ...(o.team ? { team: o.team } : {}),
  };
  const customFields = Object.entries(config.fields).flatMap(([k, id]) => (values[k] !== undefined ? [{ id, value: values[k] }] : []));
  return {
    subject: clipText(`[${brief.caseNumber}] ${brief.headline.text}`, 250),
    comment: { body: renderBriefText(brief), public: false },
    priority: PRIORITY[brief.priority],
    tags: ['baton', ...new Set(brief.reasons.map((r) => `baton_${r.code}`.toLowerCase().replace(/[^a-z0-9_]/g, '_')))],
    external_id: brief.caseNumber,
    ...(o.requester ? { requester: o.requester } : {}),
    ...(customFields.length ? { custom_fields: customFields } : {}),
  };
}
