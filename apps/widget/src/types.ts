import type { TCustomerEvent, TMessage } from '@baton/contracts';
import type { Lang } from './i18n.js';

/** A message as the server sends it (`@baton/contracts`, DESIGN §10). */
export type Message = TMessage;

/** The customer's details from the host page, passed when the conversation starts. */
export interface Customer {
  name?: string;
  email?: string;
  /** The site's own id for the customer (`data-customer-id`), when it signs that rather than the email. */
  externalId?: string;
  /** The site's HMAC of the lower-cased email or the id (`data-customer-hash`), computed on its server. */
  identifierHash?: string;
}

/** What one script tag configures. */
export interface WidgetConfig {
  /** The Baton server's origin, e.g. `https://support.example.com`. */
  server: string;
  lang: Lang;
  customer: Customer | null;
}

/** The customer-visible realtime events: the contracts' catalogue, as a customer's stream carries it. */
export type StreamEvent = TCustomerEvent;
