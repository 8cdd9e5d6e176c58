import type { TChannelName } from '@baton/contracts';
import type { ChannelSender } from '../../adapters/channels/channel-sender.js';

export type { ChannelSender };

/**
 * The channel port (docs/channels.md): what every channel a customer writes from has in common.
 * Inbound, a channel turns what its provider sends into an {@link InboundChannelMessage}; outbound,
 * a message the customer should see is rendered within the channel's {@link ChannelProfile} and
 * handed to its {@link ChannelSender}; the provider's statuses come back as {@link ChannelStatusUpdate}s,
 * stored on the message. The web widget and email fit it already (the mapping is in the docs); the
 * messaging channels (WhatsApp, Messenger, Instagram) are built on it.
 */

/** One message from a customer, whatever the channel. */
export interface InboundChannelMessage {
  channel: TChannelName;
  /** The customer's ids on the channel: never a phone number alone (WhatsApp also gives a business-scoped id). */
  contact: { contactId: string | null; userId: string | null; name: string | null };
  /** The provider's id of the message (`wamid`, `mid`, Message-ID): a message delivered twice is stored once. */
  providerMessageId: string;
  /** When the customer sent it (the provider's time): it opens the 24-hour window. */
  at: Date;
  /** The text the conversation stores: typed, or the label of the button chosen, or a line naming the media. */
  text: string;
  /** A quick reply or button chosen, with the id Baton gave it. */
  choice?: { id: string; title: string };
  /** A picture, a file, a voice note: a reference at the provider, never fetched into the conversation. */
  media?: { kind: string; ref: string; mimeType?: string; caption?: string };
}

/** What the provider said about a message Baton sent. */
export interface ChannelStatusUpdate {
  channel: TChannelName;
  providerMessageId: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  at: Date;
  /** Why it failed, as the provider put it (code and title). */
  error?: string;
}

/** One message Baton sends to a customer, before the channel's limits shape it. */
export interface OutboundChannelMessage {
  text: string;
  /** Choices the customer can tap; each `id` comes back on the {@link InboundChannelMessage}. */
  quickReplies?: { id: string; label: string }[];
  authorKind: 'ai' | 'agent' | 'system';
  /** The conversation's language: the words the channel itself shows around the choices (a list's button) follow it. */
  language?: string | null;
}

/** Each channel's rules, applied when rendering and sending (the limits as the providers document them). */
export interface ChannelProfile {
  /** The longest text one message may carry, in characters; longer text goes as several messages. */
  textMax: number;
  /** The most choices shown as buttons (quick replies). */
  buttonsMax: number;
  /** The longest button title. */
  buttonTitleMax: number;
  /** WhatsApp: more choices than buttons (or longer titles) go as a list of at most this many rows; 0 for none. */
  listRowsMax: number;
  /** Hours after the customer's last message in which anything may be sent; null: no window. */
  windowHours: number | null;
  /** Messenger: days after the customer's last message in which a person's reply may still go, tagged HUMAN_AGENT. */
  humanAgentDays: number | null;
  /** Whether an approved template may open a closed window (WhatsApp). */
  templates: boolean;
  /** The least time between two queue updates (DESIGN §6): a phone buzzes for each. */
  queueUpdateMinutes: number;
}

/**
 * The channels' rules. The web widget has no window and shows every queue update; email sends one
 * at most every 10 minutes (EMAIL_QUEUE_UPDATE_MINUTES); the messaging apps every 15.
 */
export const CHANNEL_PROFILES: Record<TChannelName, ChannelProfile> = {
  web: { textMax: 20_000, buttonsMax: 2, buttonTitleMax: 40, listRowsMax: 0, windowHours: null, humanAgentDays: null, templates: false, queueUpdateMinutes: 0 },
  email: { textMax: 20_000, buttonsMax: 0, buttonTitleMax: 0, listRowsMax: 0, windowHours: null, humanAgentDays: null, templates: false, queueUpdateMinutes: 10 },
  whatsapp: { textMax: 4096, buttonsMax: 3, buttonTitleMax: 20, listRowsMax: 10, windowHours: 24, humanAgentDays: null, templates: true, queueUpdateMinutes: 15 },
  messenger: { textMax: 2000, buttonsMax: 13, buttonTitleMax: 20, listRowsMax: 0, windowHours: 24, humanAgentDays: 7, templates: false, queueUpdateMinutes: 15 },
  instagram: { textMax: 1000, buttonsMax: 13, buttonTitleMax: 20, listRowsMax: 0, windowHours: 24, humanAgentDays: 7, templates: false, queueUpdateMinutes: 15 },
};
