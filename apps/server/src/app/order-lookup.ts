import type { CustomerProfile, Decision, OrderRecord, VerifiedFact } from '@baton/core';
import type { Sql } from '../adapters/db/database.js';
import { findOrder } from '../adapters/db/repositories/customers.repository.js';

const STATUS_QUESTION = /\b(where|status|track|tracking|arriv\w*|deliver\w*|dispatch\w*|ship\w*|late|waiting|received|come|coming|parcel|package)\b/i;

/** Order numbers looked up per message, at most. */
const MAX_LOOKUPS = 10;

/**
 * The AI's order-lookup tool over the customer-context tables. It only reveals an order that
 * belongs to the conversation's verified customer (the caller passes null until the customer is verified); anything else is "not found", so a customer
 * cannot read someone else's order by guessing its number. With the business's endpoint
 * (`BATON_CONTEXT_URL`) the caller passes the profile it returned, and the orders are looked up
 * in it: the endpoint answered for this customer only, so it holds nobody else's.
 */
export async function lookUpOrders(db: Sql, customerId: string | null, decision: Decision, fromEndpoint?: { profile: CustomerProfile | null }): Promise<VerifiedFact[]> {
  if (fromEndpoint) return lookUp(decision, async (id) => fromEndpoint.profile?.orders?.find((o) => o.id === id.replace(/^#/, '')) ?? null);
  if (!customerId) return [];
  return lookUp(decision, async (id) => {
    const found = await findOrder(db, id);
    return found && found.customerId === customerId ? found.order : null;
  });
}

async function lookUp(decision: Decision, find: (orderId: string) => Promise<OrderRecord | null>): Promise<VerifiedFact[]> {
  const facts: VerifiedFact[] = [];
  const seen = new Set<string>();
  for (const e of decision.signals.entities) {
    if (e.kind !== 'order_number' || seen.has(e.value)) continue;
    // A message listing hundreds of numbers is not a question about one order.
    if (seen.size >= MAX_LOOKUPS) break;
    seen.add(e.value);
    const order = await find(e.value);
    if (order) facts.push({ kind: 'order', orderId: order.id, order, messageIndex: e.messageIndex });
  }
  return facts;
}

/** Whether the last message asks where an order is, so the tool's answer beats the generic article. */
export function asksOrderStatus(text: string): boolean {
  return STATUS_QUESTION.test(text);
}

const DAY = 86_400_000;

function day(iso: string, locale = 'en-GB'): string {
  return new Date(iso).toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** The tool's answer, in plain words, from the order's real status. */
export function describeOrder(order: OrderRecord, now: Date): string {
  const parts = [`Order #${order.id} is ${order.status.replace(/_/g, ' ')}`];
  if (order.dispatchedAt) parts[0] += ` (dispatched on ${day(order.dispatchedAt)}${order.carrier ? ` with ${order.carrier}` : ''})`;
  let text = `${parts[0]}.`;
  if (order.trackingNumber) text += ` The tracking number is ${order.trackingNumber}.`;
  if (order.lastScanAt) {
    const days = Math.floor((now.getTime() - Date.parse(order.lastScanAt)) / DAY);
    text += ` The last tracking update was on ${day(order.lastScanAt)}`;
    text += days >= 7 ? `, ${days} days ago, which is longer than it should be.` : '.';
  }
  return text;
}
