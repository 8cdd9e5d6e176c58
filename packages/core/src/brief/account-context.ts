import type { BriefAccount } from './brief.js';
import { MAX_ORDERS } from './brief.js';
import type { CustomerProfile } from './context.js';
import { DAY_MS, monthsBetween, parseTime } from './dates.js';

/** DESIGN §4 asks for previous tickets "in the last 30 to 90 days"; 90 shows the most pattern. */
export const DEFAULT_TICKET_WINDOW_DAYS = 90;

/**
 * The account as the agent needs it at a glance: tier, tenure, status, the latest orders and
 * subscriptions, and recent tickets only, because a ticket from two years ago says nothing
 * about this one. Tickets with an unparseable or future date are left out rather than guessed.
 */
export function accountContext(
  profile: CustomerProfile,
  now: number,
  currentCase: string,
  windowDays = DEFAULT_TICKET_WINDOW_DAYS,
): BriefAccount {
  const since = parseTime(profile.since);
  const orders = [...(profile.orders ?? [])]
    .map((o, i) => ({ o, i, t: parseTime(o.placedAt) ?? -Infinity }))
    .sort((a, b) => b.t - a.t || a.i - b.i)
    .slice(0, MAX_ORDERS)
    .map(({ o }) => {
      const order: BriefAccount['orders'][number] = { id: o.id, status: o.status };
      if (o.placedAt !== undefined) order.placedAt = o.placedAt;
      if (o.total !== undefined) order.total = { ...o.total };
      return order;
    });
  const from = now - windowDays * DAY_MS;
  const recentTickets = (profile.tickets ?? [])
    .map((t) => ({ t, at: parseTime(t.createdAt) }))
    .filter((x): x is { t: (typeof x)['t']; at: number } => x.at !== undefined && x.at >= from && x.at <= now && x.t.caseNumber !== currentCase)
    .sort((a, b) => b.at - a.at)
    .map(({ t }) => ({ ...t }));

  const account: BriefAccount = {
    customerId: profile.id,
    orders,
    orderCount: profile.orders?.length ?? 0,
    subscriptions: (profile.subscriptions ?? []).map((s) => ({ plan: s.plan, status: s.status })),
    recentTickets,
    ticketWindowDays: windowDays,
  };
  if (profile.tier !== undefined) account.tier = profile.tier;
  if (profile.status !== undefined) account.status = profile.status;
  if (profile.since !== undefined) account.since = profile.since;
  if (since !== undefined && since <= now) account.tenureMonths = monthsBetween(since, now);
  return account;
}
