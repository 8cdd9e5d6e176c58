import { formatDate } from '../../hooks';
import type { TBrief as Brief } from '@baton/contracts';
import { BriefCard, Term } from './brief-card';

function tenure(months: number): string {
  const y = Math.floor(months / 12);
  const m = months % 12;
  return [y ? `${y} yr` : '', m ? `${m} mo` : ''].filter(Boolean).join(' ') || 'new';
}

function money(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** The customer's account as the tools reported it: tier, status, tenure, orders, subscriptions, tickets. */
export function AccountCard({ account: a }: { account: NonNullable<Brief['account']> }) {
  return (
    <BriefCard title="Account">
      <dl className="kv">
        <Term term="Tier">{a.tier}</Term>
        <Term term="Status">{a.status}</Term>
        <Term term="Customer since">{a.since ? `${formatDate(a.since)}${a.tenureMonths !== undefined ? ` (${tenure(a.tenureMonths)})` : ''}` : null}</Term>
        <dt>Orders</dt>
        <dd>
          {a.orderCount}
          {a.orders.length ? ': ' : ''}
          {a.orders.map((o) => `#${o.id} ${o.status}${o.total ? ` (${money(o.total.amount, o.total.currency)})` : ''}`).join(', ')}
        </dd>
        <Term term="Subscriptions">{a.subscriptions.length ? a.subscriptions.map((s) => `${s.plan} (${s.status})`).join(', ') : null}</Term>
        <dt>Tickets, {a.ticketWindowDays} days</dt>
        <dd>{a.recentTickets.length ? a.recentTickets.map((t) => `${t.caseNumber}${t.category ? ` ${t.category}` : ''}${t.outcome ? ` (${t.outcome})` : ''}`).join(', ') : 'none'}</dd>
      </dl>
    </BriefCard>
  );
}
