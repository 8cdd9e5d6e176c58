import type { Brief, Priority } from '@baton/core';
import { quickRepliesForOffer, renderBriefText } from '@baton/core';
import type { ChatwootPriority } from '../../adapters/integrations/chatwoot-client.js';
import { listEventsAfter } from '../../adapters/db/repositories/events.repository.js';
import { getHandoff } from '../../adapters/db/repositories/handoffs.repository.js';
import { findIntegrationLinkByConversation } from '../../adapters/db/repositories/integrations.repository.js';
import { teamName } from '../../adapters/db/repositories/teams.repository.js';
import type { AppContext } from '../context.js';
import { closeWaitingHandoff } from './close-waiting-handoff.js';
import { CHATWOOT } from './receive-chatwoot-webhook.js';
import { runStep } from './run-step.js';

const PRIORITY: Record<Priority, ChatwootPriority> = { low: 'low', medium: 'medium', high: 'high', critical: 'urgent' };

/**
 * Chatwoot renders Markdown in messages and notes: the customer's words must stay words, with no
 * link, image, HTML or emphasis of theirs. Only what can start one is escaped, so the note reads
 * as plain text.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>~|])/g, '\\$1');
}

/**
 * Carries one event of a Chatwoot conversation to Chatwoot (the `chatwoot-outbound` job): the
 * AI's and agents' public messages, and at a handoff the brief as a private note, the priority,
 * the team where the bot's token may assign it, and the conversation opened for the inbox's
 * agents. Each step is recorded when done, so a retried job does not repeat it; a step that
 * failed throws, and the job is tried again.
 */
export async function sendToChatwoot(ctx: AppContext, seq: number): Promise<void> {
  const chatwoot = ctx.chatwoot;
  if (!chatwoot) return;
  const [event] = await listEventsAfter(ctx.db, seq - 1, { limit: 1 });
  if (!event || event.seq !== seq || !event.conversationId) return;
  const link = await findIntegrationLinkByConversation(ctx.db, CHATWOOT, event.conversationId);
  if (!link) return;
  const { accountId, conversationId } = link.detail as { accountId: number; conversationId: number };
  const step = (what: string, run: Parameters<typeof runStep>[2], o: { mayBeRefused?: boolean } = {}) =>
    runStep(ctx, { key: `chatwoot:${seq}:${what}`, what, provider: 'Chatwoot', conversationId: event.conversationId!, ...o }, run);

  if (event.type === 'message.created') {
    const m = event.payload.message;
    // A Chatwoot agent's own reply, kept in Baton's transcript, is not posted back.
    if (m.private || (m.author.kind !== 'ai' && m.author.kind !== 'agent') || m.clientMessageId?.startsWith('chatwoot:')) return;
    const choices = m.author.kind === 'ai' && m.action === 'offer_choice' ? quickRepliesForOffer(m.text) : [];
    await step('post the message', () =>
      chatwoot.postMessage(accountId, conversationId, choices.length ? { content: m.text, contentType: 'input_select', items: choices.map((c) => ({ title: c.label, value: c.label })) } : { content: m.text }),
    );
    return;
  }
  if (event.type !== 'handoff.requested' || !event.handoffId) return;
  const handoff = await getHandoff(ctx.db, event.handoffId);
  if (!handoff) return;
  const team = await teamName(ctx.db, handoff.teamId);
  const teamId = team ? ctx.config.chatwoot?.teams[team] : undefined;
  await step('post the brief as a private note', () => chatwoot.postMessage(accountId, conversationId, { content: briefNote(handoff.brief), private: true }));
  await step('set the priority', () => chatwoot.togglePriority(accountId, conversationId, PRIORITY[handoff.priority]), { mayBeRefused: true });
  if (teamId !== undefined) await step('assign the team', () => chatwoot.assignTeam(accountId, conversationId, teamId), { mayBeRefused: true });
  await step('open the conversation', () => chatwoot.toggleStatus(accountId, conversationId, 'open'));
  // Chatwoot's people have it now: Baton's own queue lets it go.
  await closeWaitingHandoff(ctx, event.conversationId, 'Chatwoot');
}

/** The brief as Chatwoot shows a note: Baton's plain-text rendering, Markdown escaped. */
function briefNote(brief: Brief): string {
  return `**Baton handoff brief**\n\n${escapeMarkdown(renderBriefText(brief))}`;
}
