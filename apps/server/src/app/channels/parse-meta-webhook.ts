import type { TChannelName, TMessengerEvent, TWhatsAppInboundMessage } from '@baton/contracts';
import { ZMessengerEventSchema, ZMessengerWebhookSchema, ZWhatsAppInboundMessageSchema, ZWhatsAppStatusSchema, ZWhatsAppWebhookSchema } from '@baton/contracts';
import type { ChannelStatusUpdate, InboundChannelMessage } from './channel-port.js';
import { choiceText } from './render-outbound.js';

/** What one webhook delivery holds, item by item, in the order Meta sent them. */
export type ChannelEvent =
  | { type: 'message'; message: InboundChannelMessage; /** Messenger's `standby[]`: another app holds the thread. */ standby: boolean }
  | { type: 'status'; update: ChannelStatusUpdate }
  /** Messenger: a read or delivery watermark, for everything sent to this customer up to then. */
  | { type: 'watermark'; channel: TChannelName; contactId: string; status: 'delivered' | 'read'; at: Date; mids: string[] }
  /** Messenger: a message the Page sent, Baton's own or a person's from the Page Inbox (`appId`). */
  | { type: 'echo'; channel: TChannelName; contactId: string; providerMessageId: string; text: string; appId: string | null; at: Date }
  /** Messenger's handover protocol: the thread's new owner. */
  | { type: 'thread_owner'; channel: TChannelName; contactId: string; ownerAppId: string | null; at: Date }
  /** Something Baton does not act on, with why (logged). */
  | { type: 'ignored'; reason: string };

/**
 * A WhatsApp Cloud API delivery: every entry and change, each change's `messages` (text,
 * interactive button and list replies, template buttons, media as a reference) and `statuses`.
 * Changes for another phone number than Baton's are ignored; an item that does not parse is
 * skipped with its reason, never the whole batch.
 */
export function parseWhatsAppWebhook(body: unknown, phoneNumberId: string, now: Date): ChannelEvent[] | null {
  const parsed = ZWhatsAppWebhookSchema.safeParse(body);
  if (!parsed.success || parsed.data.object !== 'whatsapp_business_account') return null;
  const events: ChannelEvent[] = [];
  for (const entry of parsed.data.entry) {
    for (const change of entry.changes) {
      const v = change.value;
      if (change.field !== 'messages') {
        events.push({ type: 'ignored', reason: `field ${change.field}` });
        continue;
      }
      if (v.metadata && v.metadata.phone_number_id !== phoneNumberId) {
        events.push({ type: 'ignored', reason: `another phone number (${v.metadata.phone_number_id})` });
        continue;
      }
      for (const raw of v.messages ?? []) {
        const m = ZWhatsAppInboundMessageSchema.safeParse(raw);
        if (!m.success) {
          events.push({ type: 'ignored', reason: 'a message that does not parse' });
          continue;
        }
        const contact = v.contacts?.find((c) => (c.wa_id && c.wa_id === m.data.from) || (c.user_id && c.user_id === m.data.from_user_id)) ?? (v.contacts?.length === 1 ? v.contacts[0] : undefined);
        const waId = contact?.wa_id ?? m.data.from ?? null;
        const userId = contact?.user_id ?? m.data.from_user_id ?? null;
        if (!waId && !userId) {
          events.push({ type: 'ignored', reason: `message ${m.data.id} names no sender` });
          continue;
        }
        const content = whatsappContent(m.data);
        if (!content) {
          events.push({ type: 'ignored', reason: `message type ${m.data.type}` });
          continue;
        }
        events.push({ type: 'message', standby: false, message: { channel: 'whatsapp', contact: { contactId: waId, userId, name: contact?.profile?.name ?? null }, providerMessageId: m.data.id, at: unixTime(m.data.timestamp, now), ...content } });
      }
      for (const raw of v.statuses ?? []) {
        const st = ZWhatsAppStatusSchema.safeParse(raw);
        if (!st.success || !['sent', 'delivered', 'read', 'failed'].includes(st.data.status)) {
          events.push({ type: 'ignored', reason: `a status that does not parse or is not tracked` });
          continue;
        }
        const error = st.data.errors?.map((e) => `${e.code}${e.title ? ` ${e.title}` : ''}${e.error_data?.details ? `: ${e.error_data.details}` : ''}`).join('; ');
        events.push({ type: 'status', update: { channel: 'whatsapp', providerMessageId: st.data.id, status: st.data.status as ChannelStatusUpdate['status'], at: unixTime(st.data.timestamp, now), ...(error ? { error } : {}) } });
      }
    }
  }
  return events;
}

function whatsappContent(m: TWhatsAppInboundMessage): Pick<InboundChannelMessage, 'text' | 'choice' | 'media'> | null {
  if (m.type === 'text' && m.text?.body.trim()) return { text: m.text.body };
  const reply = m.interactive?.button_reply ?? m.interactive?.list_reply;
  if (m.type === 'interactive' && reply) return { text: choiceText(reply.id, reply.title), choice: { id: reply.id, title: reply.title } };
  if (m.type === 'button' && m.button) return { text: m.button.text, choice: { id: m.button.payload ?? m.button.text, title: m.button.text } };
  const media = m.image ?? m.document ?? m.video ?? m.audio ?? m.sticker;
  if (media) {
    const caption = 'caption' in media && typeof media.caption === 'string' ? media.caption : undefined;
    return { text: caption?.trim() ? `${caption} [${m.type} attached]` : `[${m.type} attached]`, media: { kind: m.type, ref: media.id, ...(media.mime_type ? { mimeType: media.mime_type } : {}), ...(caption ? { caption } : {}) } };
  }
  return null;
}

/**
 * A Messenger Platform delivery (`object: page` for Messenger, `instagram` for Instagram):
 * `messaging[]` and `standby[]` items: messages (text, quick replies, attachments), postbacks,
 * echoes, delivery and read receipts, and the handover protocol's thread-control changes.
 */
export function parseMessengerWebhook(body: unknown, ids: { pageId: string; instagramId: string | null }, now: Date): ChannelEvent[] | null {
  const parsed = ZMessengerWebhookSchema.safeParse(body);
  if (!parsed.success || (parsed.data.object !== 'page' && parsed.data.object !== 'instagram')) return null;
  const channel: TChannelName = parsed.data.object === 'page' ? 'messenger' : 'instagram';
  const ours = new Set([ids.pageId, ...(ids.instagramId ? [ids.instagramId] : [])]);
  const events: ChannelEvent[] = [];
  for (const entry of parsed.data.entry) {
    if (!ours.has(entry.id)) {
      events.push({ type: 'ignored', reason: `another Page or account (${entry.id})` });
      continue;
    }
    for (const [raw, standby] of [...(entry.messaging ?? []).map((r) => [r, false] as const), ...(entry.standby ?? []).map((r) => [r, true] as const)]) {
      const e = ZMessengerEventSchema.safeParse(raw);
      events.push(e.success ? messengerEvent(channel, e.data, standby, now) : { type: 'ignored', reason: 'an item that does not parse' });
    }
  }
  return events;
}

function messengerEvent(channel: TChannelName, e: TMessengerEvent, standby: boolean, now: Date): ChannelEvent {
  const at = e.timestamp ? new Date(e.timestamp) : now;
  const customer = e.sender.id;
  if (e.message?.is_echo) return { type: 'echo', channel, contactId: e.recipient.id, providerMessageId: e.message.mid, text: e.message.text ?? '[attachment]', appId: e.message.app_id === undefined ? null : String(e.message.app_id), at };
  if (e.message) {
    const qr = e.message.quick_reply;
    const attachment = e.message.attachments?.[0];
    const text = qr ? choiceText(qr.payload, e.message.text ?? '') : e.message.text?.trim() ? e.message.text : attachment ? `[${attachment.type} attached]` : '';
    if (!text) return { type: 'ignored', reason: `message ${e.message.mid} is empty` };
    return {
      type: 'message',
      standby,
      message: {
        channel,
        contact: { contactId: customer, userId: null, name: null },
        providerMessageId: e.message.mid,
        at,
        text,
        ...(qr ? { choice: { id: qr.payload, title: e.message.text ?? '' } } : {}),
        ...(attachment && !e.message.text ? { media: { kind: attachment.type, ref: attachment.payload?.url ?? '' } } : {}),
      },
    };
  }
  if (e.postback) {
    // A postback has no mid on older versions: its time and payload stand in, so a replay is still one message.
    const mid = e.postback.mid ?? `postback:${customer}:${e.timestamp ?? 0}:${e.postback.payload}`;
    return { type: 'message', standby, message: { channel, contact: { contactId: customer, userId: null, name: null }, providerMessageId: mid, at, text: choiceText(e.postback.payload, e.postback.title ?? e.postback.payload), choice: { id: e.postback.payload, title: e.postback.title ?? '' } } };
  }
  if (e.delivery) return { type: 'watermark', channel, contactId: customer, status: 'delivered', at: new Date(e.delivery.watermark), mids: e.delivery.mids ?? [] };
  if (e.read) return { type: 'watermark', channel, contactId: customer, status: 'read', at: new Date(e.read.watermark), mids: [] };
  if (e.pass_thread_control) return { type: 'thread_owner', channel, contactId: customer, ownerAppId: String(e.pass_thread_control.new_owner_app_id), at };
  if (e.take_thread_control) return { type: 'thread_owner', channel, contactId: customer, ownerAppId: e.take_thread_control.new_owner_app_id === undefined ? null : String(e.take_thread_control.new_owner_app_id), at };
  return { type: 'ignored', reason: 'an item of a kind Baton does not act on' };
}

/** WhatsApp's times are Unix seconds, as text; without one, the time it was received. */
function unixTime(seconds: string | undefined, now: Date): Date {
  const n = Number(seconds);
  return Number.isFinite(n) && n > 0 ? new Date(n * 1000) : now;
}
