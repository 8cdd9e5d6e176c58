import { sql } from 'kysely';
import type { Sql } from '../database.js';
import type { ConversationStatus, HandoffStatus } from '../schema.js';

/** One conversation as search and history show it: the case, the customer, its last handoff and a line of text. */
export interface ConversationHit {
  id: string;
  caseNumber: string;
  status: ConversationStatus;
  channel: string;
  customerId: string | null;
  customerName: string | null;
  customerEmail: string | null;
  teamId: string | null;
  createdAt: Date;
  updatedAt: Date;
  handoffId: string | null;
  handoffStatus: HandoffStatus | null;
  resolution: { category: string; outcome: string } | null;
  /** The newest message matching the search, or the customer's first message. */
  snippet: string | null;
}

/** Who may see what: a supervisor sees everything; an agent, their teams' cases, those without a team, and their own. */
export interface SearchScope {
  teamIds?: string[];
  agentId?: string;
}

const escapeLike = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);

function base(db: Sql) {
  return db
    .selectFrom('conversations as c')
    .leftJoinLateral(
      (eb) => eb.selectFrom('handoffs as h').select(['h.id as handoffId', 'h.status as handoffStatus', 'h.resolution']).whereRef('h.conversationId', '=', 'c.id').orderBy('h.createdAt', 'desc').limit(1).as('lh'),
      (join) => join.onTrue(),
    )
    .select(['c.id', 'c.caseNumber', 'c.status', 'c.channel', 'c.customerId', 'c.customerName', 'c.customerEmail', 'c.teamId', 'c.createdAt', 'c.updatedAt', 'lh.handoffId', 'lh.handoffStatus', 'lh.resolution']);
}

function scoped<Q extends ReturnType<typeof base>>(q: Q, scope: SearchScope): Q {
  const teams = scope.teamIds;
  if (!teams) return q;
  return q.where((eb) =>
    eb.or([eb('c.teamId', 'is', null), ...(teams.length > 0 ? [eb('c.teamId', 'in', teams)] : []), ...(scope.agentId ? [eb('c.assignedAgentId', '=', scope.agentId)] : [])]),
  ) as Q;
}

function hit(r: Omit<ConversationHit, 'snippet' | 'resolution'> & { resolution: unknown; snippet: string | null }): ConversationHit {
  const res = r.resolution as { category?: unknown; outcome?: unknown } | null;
  return { ...r, resolution: res && typeof res.category === 'string' && typeof res.outcome === 'string' ? { category: res.category, outcome: res.outcome } : null };
}

/**
 * Conversations whose case number, customer name or email, or any message contains `q`
 * (case-insensitive), newest activity first, a page at a time.
 */
export async function searchConversations(db: Sql, q: string, scope: SearchScope, page: { limit: number; offset: number }): Promise<ConversationHit[]> {
  const like = `%${escapeLike(q.trim())}%`;
  const rows = await scoped(base(db), scope)
    .select((eb) =>
      eb.selectFrom('messages as m').select('m.text').whereRef('m.conversationId', '=', 'c.id').where('m.text', 'ilike', like).orderBy('m.seq', 'desc').limit(1).as('snippet'),
    )
    .where((eb) =>
      eb.or([
        eb('c.caseNumber', 'ilike', like),
        eb('c.customerName', 'ilike', like),
        eb('c.customerEmail', 'ilike', like),
        eb.exists(eb.selectFrom('messages as m2').select(sql`1`.as('one')).whereRef('m2.conversationId', '=', 'c.id').where('m2.text', 'ilike', like)),
      ]),
    )
    .orderBy('c.updatedAt', 'desc')
    .orderBy('c.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map(hit);
}

/** Customers whose name or email contains `q`, with how many conversations each has. */
export async function searchCustomers(db: Sql, q: string, limit: number): Promise<{ id: string; name: string | null; email: string | null; tier: string; conversations: number }[]> {
  const like = `%${escapeLike(q.trim())}%`;
  const rows = await db
    .selectFrom('customers as cu')
    .select(['cu.id', 'cu.name', 'cu.email', 'cu.tier'])
    .select((eb) => eb.selectFrom('conversations as c').select((e) => e.fn.countAll<string>().as('n')).whereRef('c.customerId', '=', 'cu.id').as('conversations'))
    .where((eb) => eb.or([eb('cu.name', 'ilike', like), eb('cu.email', 'ilike', like)]))
    .orderBy('cu.name')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, email: r.email, tier: r.tier, conversations: Number(r.conversations ?? 0) }));
}

/**
 * The same customer's other conversations, newest first: by their account when it is known,
 * otherwise by the email address they gave.
 */
export async function customerConversations(db: Sql, of: { id: string; customerId: string | null; customerEmail: string | null }, limit: number): Promise<ConversationHit[]> {
  if (!of.customerId && !of.customerEmail) return [];
  const rows = await base(db)
    .select((eb) =>
      eb.selectFrom('messages as m').select('m.text').whereRef('m.conversationId', '=', 'c.id').where('m.authorKind', '=', 'customer').orderBy('m.seq').limit(1).as('snippet'),
    )
    .where('c.id', '!=', of.id)
    .where((eb) => (of.customerId ? eb('c.customerId', '=', of.customerId) : sql<boolean>`lower(${eb.ref('c.customerEmail')}) = ${of.customerEmail!.toLowerCase()}`))
    .orderBy('c.createdAt', 'desc')
    .orderBy('c.id')
    .limit(limit)
    .execute();
  return rows.map(hit);
}
