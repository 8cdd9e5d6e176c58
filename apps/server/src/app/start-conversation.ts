import { randomBytes } from 'node:crypto';
import { findCustomerByAccountId, findCustomerByEmail } from '../adapters/db/repositories/customers.repository.js';
import type { ConversationRecord } from '../adapters/db/repositories/conversations.repository.js';
import { insertConversation } from '../adapters/db/repositories/conversations.repository.js';
import type { AppContext } from './context.js';
import { checkSignedIdentity } from './signed-identity.js';
import { newToken } from './tokens.js';
import { withEvents } from './with-events.js';

export interface StartConversationOptions {
  channel?: string;
  customer?: { name?: string; email?: string; externalId?: string; identifierHash?: string };
  language?: string;
  /** The customer's IANA time zone, for times told in their own clock. */
  timeZone?: string;
}

/**
 * Opens a conversation and returns the customer's token: it is shown once, stored only as a hash,
 * and reads and writes this conversation alone.
 *
 * An email or id given here is a claim. Only the site's signature (`identifierHash`, see
 * `checkSignedIdentity`) links the customer's account at once; otherwise the account the email
 * points at is kept as `claimedCustomerId`, nothing from it is shown or used, and the customer
 * proves the address with a one-time code (`verifyConversationCode`). The answer is the same
 * whether or not the email belongs to an account.
 */
export async function startConversation(ctx: AppContext, opts: StartConversationOptions): Promise<{ conversation: ConversationRecord; token: string }> {
  const signed = checkSignedIdentity(ctx.config.identitySecret, opts.customer);
  const email = opts.customer?.email?.trim().toLowerCase() ?? null;
  const byEmail = email ? await findCustomerByEmail(ctx.db, email) : null;
  const known = signed?.by === 'externalId' ? await findCustomerByAccountId(ctx.db, signed.value) : byEmail;
  const { token, hash } = newToken();
  const conversation = await withEvents(ctx, async (tx, emit) => {
    const c = await insertConversation(tx, {
      id: ctx.newId(),
      at: ctx.clock(),
      customerId: signed ? (known?.id ?? null) : null,
      // An unverified customer's name is their own word, never the account holder's.
      customerName: opts.customer?.name ?? (signed ? (known?.name ?? null) : null),
      customerEmail: email,
      channel: opts.channel ?? 'web',
      language: opts.language ?? null,
      timeZone: opts.timeZone ?? null,
      tokenHash: hash,
      identity: signed ? 'signed' : 'unverified',
      emailVerified: signed?.by === 'email',
      claimedCustomerId: signed ? null : (byEmail?.id ?? null),
      externalId: opts.customer?.externalId ?? null,
      replyToken: randomBytes(16).toString('hex'),
    });
    await emit({ type: 'conversation.created', conversationId: c.id, payload: { caseNumber: c.caseNumber, channel: c.channel } });
    return c;
  });
  return { conversation, token };
}
