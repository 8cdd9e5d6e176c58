import type { CustomerProfile, OrderRecord, TicketRecord } from '@baton/core';
import type { Selectable } from 'kysely';
import type { Sql } from '../database.js';
import type { OrderTable, TicketTable } from '../schema.js';
import { jsonColumn } from '../json-column.js';

/** The built-in customer-context provider: profile, orders and previous tickets. */
export async function getCustomerProfile(db: Sql, id: string): Promise<CustomerProfile | null> {
  const c = await db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) return null;
  const orders = (await db.selectFrom('orders').selectAll().where('customerId', '=', id).orderBy('placedAt', (ob) => ob.desc().nullsLast()).execute()).map(toOrder);
  const tickets = (await db.selectFrom('tickets').selectAll().where('customerId', '=', id).orderBy('createdAt', 'desc').execute()).map(toTicket);
  const p: CustomerProfile = { id, orders, tickets };
  if (c.name) p.name = c.name;
  if (c.email) p.email = c.email;
  if (c.phone) p.phone = c.phone;
  if (c.tier) p.tier = c.tier;
  if (c.accountId) p.accountId = c.accountId;
  if (c.since) p.since = c.since.toISOString().slice(0, 10);
  if (c.status) p.status = c.status;
  return p;
}

export async function findCustomerByEmail(db: Sql, email: string): Promise<{ id: string; name: string | null } | null> {
  const row = await db
    .selectFrom('customers')
    .select(['id', 'name'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', eb.fn('lower', [eb.val(email)])))
    .executeTakeFirst();
  return row ?? null;
}

export async function listCustomers(db: Sql, opts: { q?: string; limit?: number } = {}): Promise<{ id: string; name: string | null; email: string | null; tier: string }[]> {
  let q = db.selectFrom('customers').select(['id', 'name', 'email', 'tier']);
  if (opts.q !== undefined) {
    const pattern = `%${opts.q}%`;
    q = q.where((eb) => eb.or([eb('name', 'ilike', pattern), eb('email', 'ilike', pattern)]));
  }
  return q.orderBy('name').limit(Math.min(opts.limit ?? 50, 200)).execute();
}

export async function upsertCustomer(tx: Sql, c: { id: string; name?: string; email?: string; phone?: string; tier?: string; accountId?: string; since?: string; status?: string; createdAt: Date }): Promise<void> {
  await tx
    .insertInto('customers')
    .values({
      id: c.id,
      name: c.name ?? null,
      email: c.email ?? null,
      phone: c.phone ?? null,
      tier: c.tier ?? 'standard',
      accountId: c.accountId ?? null,
      since: c.since ?? null,
      status: c.status ?? 'active',
      createdAt: c.createdAt,
    })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        email: eb.ref('excluded.email'),
        phone: eb.ref('excluded.phone'),
        tier: eb.ref('excluded.tier'),
        accountId: eb.ref('excluded.accountId'),
        since: eb.ref('excluded.since'),
        status: eb.ref('excluded.status'),
      })),
    )
    .execute();
}

export async function upsertOrder(tx: Sql, customerId: string, o: OrderRecord): Promise<void> {
  await tx
    .insertInto('orders')
    .values({
      id: o.id,
      customerId,
      status: o.status,
      placedAt: o.placedAt ?? null,
      dispatchedAt: o.dispatchedAt ?? null,
      lastScanAt: o.lastScanAt ?? null,
      carrier: o.carrier ?? null,
      trackingNumber: o.trackingNumber ?? null,
      totalAmount: o.total?.amount ?? null,
      currency: o.total?.currency ?? null,
      items: jsonColumn(o.items ?? []),
    })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        status: eb.ref('excluded.status'),
        placedAt: eb.ref('excluded.placedAt'),
        dispatchedAt: eb.ref('excluded.dispatchedAt'),
        lastScanAt: eb.ref('excluded.lastScanAt'),
        carrier: eb.ref('excluded.carrier'),
        trackingNumber: eb.ref('excluded.trackingNumber'),
        totalAmount: eb.ref('excluded.totalAmount'),
        currency: eb.ref('excluded.currency'),
        items: eb.ref('excluded.items'),
      })),
    )
    .execute();
}

export async function insertTicket(tx: Sql, customerId: string, t: TicketRecord): Promise<void> {
  await tx
    .insertInto('tickets')
    .values({ caseNumber: t.caseNumber, customerId, createdAt: t.createdAt, category: t.category ?? null, outcome: t.outcome ?? null, summary: t.summary ?? null })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** The order-lookup tool: an order by id, with its owner, so the caller can check it belongs to the customer. */
export async function findOrder(db: Sql, orderId: string): Promise<{ customerId: string; order: OrderRecord } | null> {
  const row = await db.selectFrom('orders').selectAll().where('id', '=', orderId.replace(/^#/, '')).executeTakeFirst();
  return row ? { customerId: row.customerId, order: toOrder(row) } : null;
}

/** The row as core's `OrderRecord`: ISO times, the total as a number, optional parts absent. */
function toOrder(r: Selectable<OrderTable>): OrderRecord {
  const o: OrderRecord = { id: r.id, status: r.status };
  if (r.placedAt) o.placedAt = r.placedAt.toISOString();
  if (r.dispatchedAt) o.dispatchedAt = r.dispatchedAt.toISOString();
  if (r.lastScanAt) o.lastScanAt = r.lastScanAt.toISOString();
  if (r.carrier) o.carrier = r.carrier;
  if (r.trackingNumber) o.trackingNumber = r.trackingNumber;
  if (r.totalAmount !== null) o.total = { amount: Number(r.totalAmount), currency: r.currency ?? 'USD' };
  if (r.items.length) o.items = r.items;
  return o;
}

function toTicket(r: Selectable<TicketTable>): TicketRecord {
  const t: TicketRecord = { caseNumber: r.caseNumber, createdAt: r.createdAt.toISOString() };
  if (r.category) t.category = r.category;
  if (r.outcome) t.outcome = r.outcome;
  if (r.summary) t.summary = r.summary;
  return t;
}

/** The customer a site's own id names (the account id the site signed), or null. */
export async function findCustomerByAccountId(db: Sql, accountId: string): Promise<{ id: string; name: string | null; email: string | null } | null> {
  return (await db.selectFrom('customers').select(['id', 'name', 'email']).where('accountId', '=', accountId).executeTakeFirst()) ?? null;
}

/** The phone on an account, for a one-time code by SMS. */
export async function customerPhone(db: Sql, id: string): Promise<string | null> {
  return (await db.selectFrom('customers').select('phone').where('id', '=', id).executeTakeFirst())?.phone ?? null;
}
