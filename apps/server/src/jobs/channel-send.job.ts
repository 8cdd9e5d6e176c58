import { z } from 'zod';
import { claimChannelOutbox, getChannelContactOf, getChannelOutbox, listChannelOutbox, setMessageDelivery, setThreadOwner, updateChannelOutbox } from '../adapters/db/repositories/channels.repository.js';
import type { AppContext } from '../app/context.js';
import type { ChannelRuntime } from '../app/channels/channel-runtime.js';
import { BATON_OWNS_THREAD } from '../app/channels/channel-runtime.js';

const ZData = z.object({ outboxId: z.string().min(1) });

/** The handover protocol's requests, each posted to its own path under the Page. */
const THREAD_CONTROL = new Set(['pass_thread_control', 'take_thread_control']);

/** How long one send holds its request: a job that dies mid-send frees it after this. */
const SEND_LEASE_MS = 60_000;

export interface SendChannelRequestOptions {
  /** Tries before a request is marked failed (default 8). */
  maxAttempts?: number;
  /** The first wait after a throttle or a temporary failure; each later one doubles, up to 15 minutes (default 4 s). */
  backoffMs?: number;
}

/**
 * The `channel-send` job: one request from the channel outbox to the provider's API. A request
 * already sent (a repeated job) is left alone. A throttle (WhatsApp's 130429, HTTP 429) or a
 * temporary failure is tried again after a wait that doubles each time, scheduled as a durable
 * job; a refusal (a closed window, a blocked user) is marked failed at once, on the message too,
 * for the agent to see.
 */
export function channelSendJob(channels: ChannelRuntime, o: SendChannelRequestOptions = {}) {
  const maxAttempts = o.maxAttempts ?? 8;
  const backoffMs = o.backoffMs ?? 4000;
  return async (ctx: AppContext, raw: unknown): Promise<void> => {
    const { outboxId } = ZData.parse(raw);
    const row = await claimChannelOutbox(ctx.db, outboxId, ctx.clock(), SEND_LEASE_MS);
    if (!row) {
      // Not due yet (a backoff): its own job is scheduled for then. Sent, failed or claimed by another job: nothing to do.
      const later = await getChannelOutbox(ctx.db, outboxId);
      if (later?.status === 'pending' && later.nextAttemptAt) await ctx.jobs.schedule('channel-send', { outboxId }, later.nextAttemptAt, `channel-send:${outboxId}:${later.nextAttemptAt.getTime()}`);
      return;
    }
    // The thread passes to the inbox only after what Baton still has to say (the handoff notice): once passed, Baton may not send.
    if (row.kind === 'pass_thread_control' && (await listChannelOutbox(ctx.db, row.conversationId, 'pending')).some((o) => o.id !== row.id)) {
      const next = new Date(ctx.clock().getTime() + 1000);
      await updateChannelOutbox(ctx.db, row.id, { nextAttemptAt: next });
      await ctx.jobs.schedule('channel-send', { outboxId }, next, `channel-send:${outboxId}:${next.getTime()}`);
      return;
    }
    const target = row.channel === 'whatsapp' ? channels.whatsapp && { sender: channels.whatsapp.sender, path: `${channels.whatsapp.config.phoneNumberId}/messages` } : channels.messenger && { sender: channels.messenger.sender, path: `${channels.messenger.config.pageId}/${THREAD_CONTROL.has(row.kind) ? row.kind : 'messages'}` };
    if (!target) {
      await fail(ctx, row.id, row.messageId, `the ${row.channel} channel is off: its configuration was removed`);
      return;
    }
    // A person of Baton answers while another app holds the thread (the Page Inbox): Baton, the primary receiver, takes it back first.
    if (row.channel !== 'whatsapp' && row.authorKind === 'agent' && channels.messenger) {
      const taken = await takeThreadBack(ctx, channels.messenger, row.conversationId);
      if (!taken.ok) ctx.log('warn', 'could not take thread control back before an agent reply', { outboxId, error: taken.error });
    }
    const r = await target.sender.send(target.path, row.request);
    if (r.ok) {
      await updateChannelOutbox(ctx.db, row.id, { status: 'sent', providerMessageId: r.providerMessageId, sentAt: ctx.clock(), detail: null, attempt: true });
      if (row.messageId) await setMessageDelivery(ctx.db, row.messageId, 'sent', null);
      if (THREAD_CONTROL.has(row.kind)) await handedOver(ctx, row.conversationId, row.kind === 'pass_thread_control' ? String(row.request['target_app_id']) : BATON_OWNS_THREAD);
      return;
    }
    const attempts = row.attempts + 1;
    if (r.retryable && attempts < maxAttempts) {
      const wait = Math.min(backoffMs * 2 ** (attempts - 1), 15 * 60_000);
      const next = new Date(ctx.clock().getTime() + wait);
      await updateChannelOutbox(ctx.db, row.id, { nextAttemptAt: next, detail: r.error, attempt: true });
      ctx.log('warn', r.throttled ? `${row.channel} asked to slow down; the message goes again in ${Math.round(wait / 1000)} s` : `a ${row.channel} message could not be sent; it goes again in ${Math.round(wait / 1000)} s`, { outboxId, attempts, error: r.error });
      await ctx.jobs.schedule('channel-send', { outboxId }, next, `channel-send:${outboxId}:${next.getTime()}`);
      return;
    }
    await updateChannelOutbox(ctx.db, row.id, { attempt: true });
    await fail(ctx, row.id, row.messageId, r.error);
    // The replies waiting behind a template that could not go wait for nothing: the agent is told on each.
    if (row.kind === 'template') {
      for (const held of await listChannelOutbox(ctx.db, row.conversationId, 'held')) {
        if (held.messageId) await setMessageDelivery(ctx.db, held.messageId, 'held', `The reply waits for the customer to write, and the template asking them to could not be sent: ${r.error}`);
      }
    }
  };
}

async function fail(ctx: AppContext, outboxId: string, messageId: string | null, error: string): Promise<void> {
  await updateChannelOutbox(ctx.db, outboxId, { status: 'failed', detail: error });
  if (messageId) await setMessageDelivery(ctx.db, messageId, 'failed', error);
  ctx.log('error', 'a message could not be sent on its channel; giving up', { outboxId, error });
}

async function handedOver(ctx: AppContext, conversationId: string, appId: string): Promise<void> {
  const contact = await getChannelContactOf(ctx.db, conversationId);
  if (contact) await ctx.db.transaction().execute((tx) => setThreadOwner(tx, contact.id, appId));
  ctx.log('info', appId === BATON_OWNS_THREAD ? 'thread control taken back: the handoff has ended' : 'thread control passed to the inbox app at handoff', { conversationId, appId });
}

/** Messenger's handover protocol: `take_thread_control`, when another app holds the thread. */
async function takeThreadBack(ctx: AppContext, messenger: NonNullable<ChannelRuntime['messenger']>, conversationId: string): Promise<{ ok: boolean; error?: string }> {
  const contact = await getChannelContactOf(ctx.db, conversationId);
  if (!contact?.contactId || contact.threadOwner === null || contact.threadOwner === BATON_OWNS_THREAD) return { ok: true };
  const r = await messenger.sender.send(`${messenger.config.pageId}/take_thread_control`, { recipient: { id: contact.contactId }, metadata: 'An agent answers from Baton' });
  if (!r.ok) return { ok: false, error: r.error };
  await ctx.db.transaction().execute((tx) => setThreadOwner(tx, contact.id, BATON_OWNS_THREAD));
  ctx.log('info', 'thread control taken back for an agent reply', { conversationId });
  return { ok: true };
}
