import type { TCreateConversation } from '@baton/contracts';
import type { Lang } from './i18n.js';

/** The customer's details from the host page, passed when the conversation starts. */
export type Customer = NonNullable<TCreateConversation['customer']>;

/** What one script tag configures. */
export interface WidgetConfig {
  /** The Baton server's origin, e.g. `https://support.example.com`. */
  server: string;
  lang: Lang;
  customer: Customer | null;
}
