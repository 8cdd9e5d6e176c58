import type { TBotReply, TBotRequest } from '@baton/contracts';
import { ZRasaReplySchema } from '@baton/contracts';

/**
 * Rasa's REST channel (`/webhooks/rest/webhook`): Baton sends `{sender, message, metadata}` and
 * Rasa answers `[{recipient_id, text}]`. The sender is the conversation id, so Rasa keeps one
 * tracker per conversation. A bot asks for a person with a custom payload (a `custom` response in
 * the domain, docs/bots.md): `{"custom": {"handoff": {"reason": "…", "note": "…"}}}`.
 */
export function rasaRequestBody(request: TBotRequest): string {
  const { message, transcript: _transcript, type: _type, ...context } = request;
  return JSON.stringify({ sender: request.conversationId, message: message.text, metadata: { ...context, messageId: message.id } });
}

/** Rasa's answer as the generic reply, or why it is not one. An empty list is a bot with nothing to say: a failure. */
export function parseRasaReply(json: unknown): { ok: true; reply: TBotReply } | { ok: false; error: string } {
  const parsed = ZRasaReplySchema.safeParse(json);
  if (!parsed.success) return { ok: false, error: `not a Rasa REST answer: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
  const messages = parsed.data.flatMap((m) => (m.text ? [{ text: m.text }] : []));
  const handoff = parsed.data.find((m) => m.custom?.handoff)?.custom?.handoff;
  if (!messages.length && !handoff) return { ok: false, error: 'Rasa answered with no text and no handoff' };
  return { ok: true, reply: { messages, ...(handoff ? { handoff } : {}) } };
}
