import type { CustomerProfile, OrderRecord, TicketRecord } from '@baton/core';
import type { Sql } from '../database.js';

/** The built-in customer-context provider: profile, orders and previous tickets. */
export async function getCustomerProfile(db: Sql, id: string): Promise<CustomerProfile | null> {
  const rows = await db.query('select * from customers where id = $1', [id]);
  const c = rows[0];
  if (!c) return null;
  const orders = (await db.query('select * from orders where customer_id = $1 order by placed_at desc nulls last', [id])).map(toOrder);
  const tickets = (await db.query('select * from tickets where customer_id = $1 order by created_at desc', [id])).map(toTicket);
  const p: CustomerProfile = { id, orders, tickets };
  if (c.name) p.name = c.name as string;
  if (c.email) p.email = c.email as string;
  if (c.phone) p.phone = c.phone as string;
  if (c.tier) p.tier = c.tier as string;
  if (c.account_id) p.accountId = c.account_id as string;
  if (c.since) p.since = isoDate(c.since);
  if (c.status) p.status = c.status as string;
  return p;
}

export async function findCustomerByEmail(db: Sql, email: string): Promise<{ id: string; name: string | null } | null> {
  const rows = await db.query<{ id: string; name: string | null }>('select id, name from customers where lower(email) = lower($1)', [email]);
  return rows[0] ?? null;
}

export async function listCustomers(db: Sql, opts: { q?: string; limit?: number } = {}): Promise<{ id: string; name: string | null; email: string | null; tier: string }[]> {
  return db.query(
    `select id, name, email, tier from customers where ($1::text is null or name ilike '%' || $1 || '%' or email ilike '%' || $1 || '%') order by name limit $2`,
    [opts.q ?? null, Math.min(opts.limit ?? 50, 200)],
  );
}

export async function upsertCustomer(tx: Sql, c: { id: string; name?: string; email?: string; phone?: string; tier?: string; accountId?: string; since?: string; status?: string }): Promise<void> {
  await tx.query(
    `insert into customers (id, name, email, phone, tier, account_id, since, status) values ($1, $2, $3, $4, coalesce($5, 'standard'), $6, $7, coalesce($8, 'active'))
     on conflict (id) do update set name = excluded.name, email = excluded.email, phone = excluded.phone, tier = excluded.tier, account_id = excluded.account_id, since = excluded.since, status = excluded.status`,
    [c.id, c.name ?? null, c.email ?? null, c.phone ?? null, c.tier ?? null, c.accountId ?? null, c.since ?? null, c.status ?? null],
  );
}

export async function upsertOrder(tx: Sql, customerId: string, o: OrderRecord): Promise<void> {
  await tx.query(
    `insert into orders (id, customer_id, status, placed_at, dispatched_at, last_scan_at, carrier, tracking_number, total_amount, currency, items)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     on conflict (id) do update set status = excluded.status, placed_at = excluded.placed_at, dispatched_at = excluded.dispatched_at, last_scan_at = excluded.last_scan_at,
       carrier = excluded.carrier, tracking_number = excluded.tracking_number, total_amount = excluded.total_amount, currency = excluded.currency, items = excluded.items`,
    [o.id, customerId, o.status, o.placedAt ?? null, o.dispatchedAt ?? null, o.lastScanAt ?? null, o.carrier ?? null, o.trackingNumber ?? null, o.total?.amount ?? null, o.total?.currency ?? null, JSON.stringify(o.items ?? [])],
  );
}

export async function insertTicket(tx: Sql, customerId: string, t: TicketRecord): Promise<void> {
  await tx.query('insert into tickets (case_number, customer_id, created_at, category, outcome, summary) values ($1, $2, $3, $4, $5, $6) on conflict do nothing', [
    t.caseNumber,
    customerId,
    t.createdAt,
    t.category ?? null,
    t.outcome ?? null,
    t.summary ?? null,
  ]);
}

/** The order-lookup tool: an order by id, with its owner, so the caller can check it belongs to the customer. */
export async function findOrder(db: Sql, orderId: string): Promise<{ customerId: string; order: OrderRecord } | null> {
  const rows = await db.query('select * from orders where id = $1', [orderId.replace(/^#/, '')]);
  return rows[0] ? { customerId: rows[0].customer_id as string, order: toOrder(rows[0]) } : null;
}

function isoDate(v: unknown): string {
  return v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);
}

function iso(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  return new Date(v as string).toISOString();
}

function toOrder(r: Record<string, unknown>): OrderRecord {
  const o: OrderRecord = { id: r.id as string, status: r.status as string };
  const placedAt = iso(r.placed_at);
  const dispatchedAt = iso(r.dispatched_at);
  const lastScanAt = iso(r.last_scan_at);
  if (placedAt) o.placedAt = placedAt;
  if (dispatchedAt) o.dispatchedAt = dispatchedAt;
  if (lastScanAt) o.lastScanAt = lastScanAt;
  if (r.carrier) o.carrier = r.carrier as string;
  if (r.tracking_number) o.trackingNumber = r.tracking_number as string;
  if (r.total_amount !== null && r.total_amount !== undefined) o.total = { amount: Number(r.total_amount), currency: (r.currency as string) ?? 'USD' };
  const items = (typeof r.items === 'string' ? JSON.parse(r.items) : r.items) as string[];
  if (items?.length) o.items = items;
  return o;
}

function toTicket(r: Record<string, unknown>): TicketRecord {
  const t: TicketRecord = { caseNumber: r.case_number as string, createdAt: iso(r.created_at)! };
  if (r.category) t.category = r.category as string;
  if (r.outcome) t.outcome = r.outcome as string;
  if (r.summary) t.summary = r.summary as string;
  return t;
}
