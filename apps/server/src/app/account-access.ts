import type { BriefIdentity, Decision } from '@baton/core';
import { pickLocale, renderCustomerMessage } from '@baton/core';
import type { Sql } from '../adapters/db/database.js';
import { getCustomerProfile } from '../adapters/db/repositories/customers.repository.js';
import type { ConversationRecord } from '../adapters/db/repositories/conversations.repository.js';
import type { AppContext } from './context.js';
import { newContinueLink } from './email/compose-email.js';
import { CODE_MINUTES, requestVerificationCode } from './request-verification-code.js';

const ACCOUNT_WORDS = /\b(?:my|our)\s+(?:\w+\s+)?(?:orders?|account|parcels?|packages?|deliver(?:y|ies)|refunds?|invoices?|subscriptions?|tracking|payments?)\b/i;

/** Whether a message asks for something only the account holder may see: an order number, or "my order/account/refund…". */
export function asksForAccountData(text: string, decision: Decision): boolean {
  return decision.signals.entities.some((e) => e.kind === 'order_number') || ACCOUNT_WORDS.test(text);
}

/** Whether account data may be used for this conversation: the site signed the customer, or they entered a code. */
export function mayUseAccount(conv: Pick<ConversationRecord, 'identity' | 'customerId'>): boolean {
  return conv.identity !== 'unverified' && conv.customerId !== null;
}

/** The messaging apps, by channel, for the customer's ears. */
const MESSAGING_APPS: Record<string, string> = { whatsapp: 'WhatsApp', messenger: 'Messenger', instagram: 'Instagram' };

/**
 * The AI's answer when an unverified customer asks for account data: nothing from the account,
 * why, and what to do next. With an address, a code goes to it; the words are the same whether or
 * not the address belongs to an account, and whether or not this request was over the limits.
 */
export async function askToVerify(ctx: AppContext, conv: ConversationRecord): Promise<{ text: string; action: 'verify_identity' | 'verify_address' }> {
  const locale = pickLocale(conv.language ?? undefined);
  if (conv.channel === 'email') {
    return { action: 'verify_identity', text: renderCustomerMessage({ kind: 'verify_by_email', link: newContinueLink(ctx, conv) }, locale) };
  }
  // A messaging app has no place to enter a code, and a phone number proves no account: account data stays off it.
  const app = MESSAGING_APPS[conv.channel];
  if (app) return { action: 'verify_identity', text: renderCustomerMessage({ kind: 'verify_not_on_app', app }, locale) };
  if (!conv.customerEmail) return { action: 'verify_address', text: renderCustomerMessage({ kind: 'verify_ask_address' }, locale) };
  await requestVerificationCode(ctx, conv.id, { quiet: true });
  return { action: 'verify_identity', text: renderCustomerMessage({ kind: 'verify_code_sent', email: conv.customerEmail, minutes: CODE_MINUTES }, locale) };
}

/**
 * The brief's identity block. For an unverified customer whose address belongs to an account,
 * the account is named as a claim (the agent can see a name that does not match), never as the
 * customer's, and the first next step says to share nothing from it.
 */
export async function briefIdentity(db: Sql, conv: ConversationRecord): Promise<{ identity: BriefIdentity; nextStep: string | null }> {
  const identity: BriefIdentity = { state: conv.identity, emailVerified: conv.emailVerified, ...(conv.customerEmail ? { email: conv.customerEmail } : {}) };
  if (conv.identity !== 'unverified') return { identity, nextStep: null };
  const claimed = conv.claimedCustomerId ? await getCustomerProfile(db, conv.claimedCustomerId) : null;
  if (claimed) identity.claimedAccount = { ...(claimed.name ? { name: claimed.name } : {}), ...(claimed.accountId ? { accountId: claimed.accountId } : {}) };
  const claim = claimed ? ` The address ${conv.customerEmail} belongs to the account of ${claimed.name ?? claimed.accountId ?? 'a customer'}, but the customer has not proved it is theirs.` : '';
  return { identity, nextStep: `Identity not verified.${claim} Share nothing from any account until the customer enters the code sent to their address.` };
}
