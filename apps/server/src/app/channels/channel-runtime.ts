import type { ChannelSender } from '../../adapters/channels/channel-sender.js';
import type { MessengerConfig, WhatsAppConfig } from '../../config.js';

/** The messaging channels that are on, each with its configuration and its sender (wired in main.ts). */
export interface ChannelRuntime {
  whatsapp: { config: WhatsAppConfig; sender: ChannelSender } | null;
  messenger: { config: MessengerConfig; sender: ChannelSender } | null;
}

/** The messaging channels Baton sends on itself (web and email have their own paths). */
export const MESSAGING_CHANNELS = new Set(['whatsapp', 'messenger', 'instagram']);

/** The thread owner Baton records for itself under Messenger's handover protocol. */
export const BATON_OWNS_THREAD = 'baton';
