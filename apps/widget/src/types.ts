import type { TMessage } from '@baton/contracts';
import type { Lang } from './i18n.js';

/** A message as the server sends it (`@baton/contracts`, DESIGN §10). */
export type Message = TMessage;

/** The customer's details from the host page, passed when the conversation starts. */
export interface Customer {
  name?: string;
  email?: string;
}

/** What one script tag configures. */
export interface WidgetConfig {
  /** The Baton server's origin, e.g. `https://support.example.com`. */
  server: string;
  lang: Lang;
  customer: Customer | null;
}

/** The customer-visible realtime events (apps/server/src/ws/stream.ts). */
export type StreamEvent =
  | { seq: number; type: 'message.created'; conversationId: string; payload: { message: Message } }
  | { seq: number; type: 'conversation.status_changed'; conversationId: string; payload: { from: string; to: string; cause: string } }
  | { seq: number; type: 'queue.position_updated'; conversationId: string; payload: { position: number; waitMinutes: number } };
