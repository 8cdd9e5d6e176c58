import { MESSAGE_TABLES, clipText, graphemePrefix, pickLocale } from '@baton/core';
import type { ChannelProfile, OutboundChannelMessage } from './channel-port.js';

/** One request to a send API, with what kind of message it makes. */
export interface RenderedRequest {
  kind: 'text' | 'buttons' | 'list' | 'quick_replies' | 'template' | 'pass_thread_control' | 'take_thread_control';
  request: Record<string, unknown>;
}

/** WhatsApp: an interactive message's body is at most 1,024 characters, a list row's title 24. */
const WA_INTERACTIVE_BODY_MAX = 1024;
const WA_LIST_TITLE_MAX = 24;
/** A list's button, at most 20 characters. */
const WA_LIST_BUTTON_MAX = 20;
/** A button's payload carries its choice and its whole label, so a title cut to fit still posts the full words. */
const PAYLOAD_MAX = 256;

/**
 * Text cut to fit a channel: pieces of at most `max` characters, broken at a paragraph, a line, a
 * sentence or a space where one is near the end, never inside a grapheme (an emoji, a flag).
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const head = graphemePrefix(rest, max);
    const floor = Math.floor(max / 2);
    const at = [head.lastIndexOf('\n\n'), head.lastIndexOf('\n'), Math.max(head.lastIndexOf('. '), head.lastIndexOf('! '), head.lastIndexOf('? ')) + 1, head.lastIndexOf(' ')].find((i) => i >= floor);
    const cut = at !== undefined && at > 0 ? at : head.length;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces.length ? pieces : [''];
}

/** A choice's payload: its id and its whole label. */
export function choicePayload(q: { id: string; label: string }): string {
  return graphemePrefix(`${q.id}|${q.label}`, PAYLOAD_MAX);
}

/** The text a tapped choice posts: the button's whole label, as the widget posts it, else the title shown. */
export function choiceText(payload: string | undefined, title: string): string {
  const bar = payload?.indexOf('|') ?? -1;
  return bar > 0 ? payload!.slice(bar + 1) : title;
}

/**
 * A message for WhatsApp's `POST /{phone-number-id}/messages`: text of at most 4,096 characters
 * (more goes as several messages), up to 3 reply buttons with titles of at most 20, and more or
 * longer choices as a list of at most 10 rows.
 */
export function renderWhatsApp(m: OutboundChannelMessage, to: { waId: string | null; userId: string | null }, p: ChannelProfile): RenderedRequest[] {
  const recipient = to.waId ? { to: to.waId } : { recipient: to.userId };
  const envelope = { messaging_product: 'whatsapp', recipient_type: 'individual', ...recipient };
  const choices = m.quickReplies ?? [];
  const pieces = splitText(m.text, p.textMax);
  if (!choices.length) return pieces.map((body) => ({ kind: 'text', request: { ...envelope, type: 'text', text: { preview_url: false, body } } }));
  // The choices ride on the last piece, which an interactive body holds only up to 1,024 characters.
  const last = pieces.pop()!;
  const lead = splitText(last, WA_INTERACTIVE_BODY_MAX);
  const body = lead.pop()!;
  const texts = [...pieces, ...lead].map((t): RenderedRequest => ({ kind: 'text', request: { ...envelope, type: 'text', text: { preview_url: false, body: t } } }));
  const fitsButtons = choices.length <= p.buttonsMax && choices.every((q) => q.label.length <= p.buttonTitleMax);
  if (fitsButtons) {
    const buttons = choices.map((q) => ({ type: 'reply', reply: { id: choicePayload(q), title: q.label } }));
    return [...texts, { kind: 'buttons', request: { ...envelope, type: 'interactive', interactive: { type: 'button', body: { text: body }, action: { buttons } } } }];
  }
  const words = MESSAGE_TABLES[pickLocale(m.language ?? undefined)];
  const rows = choices.slice(0, p.listRowsMax).map((q) => ({ id: choicePayload(q), title: clipText(q.label, WA_LIST_TITLE_MAX), ...(q.label.length > WA_LIST_TITLE_MAX ? { description: clipText(q.label, 72) } : {}) }));
  return [...texts, { kind: 'list', request: { ...envelope, type: 'interactive', interactive: { type: 'list', body: { text: body }, action: { button: clipText(words.choice_list_button, WA_LIST_BUTTON_MAX), sections: [{ title: clipText(words.choice_list_title, WA_LIST_TITLE_MAX), rows }] } } } }];
}

/** The approved template that reopens a closed WhatsApp window; its one parameter is the case number. */
export function renderWhatsAppTemplate(to: { waId: string | null; userId: string | null }, template: { name: string; language: string }, caseNumber: string): RenderedRequest {
  const recipient = to.waId ? { to: to.waId } : { recipient: to.userId };
  return {
    kind: 'template',
    request: { messaging_product: 'whatsapp', recipient_type: 'individual', ...recipient, type: 'template', template: { name: template.name, language: { code: template.language }, components: [{ type: 'body', parameters: [{ type: 'text', text: caseNumber }] }] } },
  };
}

/**
 * A message for the Messenger Platform's Send API (Messenger and Instagram): text within the
 * channel's limit, up to 13 quick replies with titles of at most 20 characters, and the
 * `messaging_type`: a reply within the window, or a person's reply after it tagged HUMAN_AGENT.
 */
export function renderMessenger(m: OutboundChannelMessage, recipientId: string, p: ChannelProfile, mode: 'free' | 'human_agent'): RenderedRequest[] {
  const typing = mode === 'human_agent' ? { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' } : { messaging_type: 'RESPONSE' };
  const pieces = splitText(m.text, p.textMax);
  const choices = (m.quickReplies ?? []).slice(0, p.buttonsMax);
  return pieces.map((text, i): RenderedRequest => {
    const withChoices = i === pieces.length - 1 && choices.length > 0;
    const message = withChoices ? { text, quick_replies: choices.map((q) => ({ content_type: 'text', title: clipText(q.label, p.buttonTitleMax), payload: choicePayload(q) })) } : { text };
    return { kind: withChoices ? 'quick_replies' : 'text', request: { recipient: { id: recipientId }, ...typing, message } };
  });
}
