import type { ZendeskConfig } from '../../config.js';
import type { ApiCallResult } from './post-json.js';
import { postJson } from './post-json.js';

/** A ticket as Baton creates it (`POST /api/v2/tickets`). */
export interface ZendeskTicket {
  subject: string;
  /** The first comment: the brief, as an internal note the requester does not receive. */
  comment: { body: string; public: boolean };
  priority: 'low' | 'normal' | 'high' | 'urgent';
  tags: string[];
  /** Baton's case number, so a search in Zendesk finds the ticket by it. */
  external_id: string;
  requester?: { name: string; email: string };
  custom_fields?: { id: number; value: string }[];
}

/** Zendesk's Support API, with an agent's API token. */
export interface ZendeskClient {
  /** Creates a ticket; `idempotencyKey` makes a retried request create it once. */
  createTicket(ticket: ZendeskTicket, idempotencyKey: string): Promise<ApiCallResult>;
}

export function createZendeskClient(config: ZendeskConfig, opts: { outboundAllow: readonly string[] }): ZendeskClient {
  const auth = `Basic ${Buffer.from(`${config.email}/token:${config.apiToken}`).toString('base64')}`;
  return {
    createTicket: (ticket, idempotencyKey) =>
      postJson(`${config.url}/api/v2/tickets`, { authorization: auth, 'idempotency-key': idempotencyKey }, { ticket }, { timeoutMs: config.timeoutMs, outboundAllow: opts.outboundAllow }),
  };
}
