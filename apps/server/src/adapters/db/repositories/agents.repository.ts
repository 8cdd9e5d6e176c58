import type { Skill } from '@baton/core';
import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Sql } from '../database.js';
import type { AgentTable, Presence, Role } from '../schema.js';
import { jsonColumn } from '../json-column.js';

export type { Presence, Role } from '../schema.js';

/** A row of `agents`, with the teams the agent belongs to. */
export type AgentRecord = Selectable<AgentTable> & { teamIds: string[] };

/** Agents with their team ids (sorted), as `a`: every agent read goes through here. */
export function selectAgents(db: Sql) {
  return db
    .selectFrom('agents as a')
    .selectAll('a')
    .select((eb) =>
      eb
        .selectFrom('agentTeams as t')
        .whereRef('t.agentId', '=', 'a.id')
        .select((t) => sql<string[]>`coalesce(json_agg(${t.ref('t.teamId')} order by ${t.ref('t.teamId')}), '[]'::json)`.as('ids'))
        .$asScalar()
        .$notNull()
        .as('teamIds'),
    );
}

/** Inserts an agent; null when the email is already taken (two admins adding the same person at once). */
export async function insertAgent(tx: Sql, a: { id: string; email: string; name: string; role: Role; passwordHash: string; capacity: number; skills: Skill[]; teamIds: string[]; at: Date }): Promise<AgentRecord | null> {
  const inserted = await tx
    .insertInto('agents')
    .values({ id: a.id, email: a.email.toLowerCase(), name: a.name, role: a.role, passwordHash: a.passwordHash, capacity: a.capacity, skills: jsonColumn(a.skills), createdAt: a.at })
    .onConflict((oc) => oc.column('email').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return null;
  for (const teamId of a.teamIds) {
    await tx.insertInto('agentTeams').values({ agentId: a.id, teamId }).onConflict((oc) => oc.doNothing()).execute();
  }
  return (await getAgent(tx, a.id))!;
}

export async function getAgent(db: Sql, id: string): Promise<AgentRecord | null> {
  return (await selectAgents(db).where('a.id', '=', id).executeTakeFirst()) ?? null;
}

export async function getAgentByEmail(db: Sql, email: string): Promise<AgentRecord | null> {
  return (await selectAgents(db).where('a.email', '=', email.toLowerCase()).executeTakeFirst()) ?? null;
}

export async function listAgents(db: Sql): Promise<AgentRecord[]> {
  return selectAgents(db).orderBy('a.name').orderBy('a.id').execute();
}

export async function updateAgent(
  tx: Sql,
  id: string,
  patch: { presence?: Presence; capacity?: number; lastAssignedAt?: Date; role?: Role; disabledAt?: Date | null; passwordHash?: string },
): Promise<AgentRecord | null> {
  // Keys left undefined are not written.
  if (Object.values(patch).some((v) => v !== undefined)) await tx.updateTable('agents').set(patch).where('id', '=', id).execute();
  return getAgent(tx, id);
}

/**
 * Notes a sign of life of one of an agent's realtime streams, and returns the one before it, so
 * the caller can tell an agent coming back from a heartbeat. Never moves backwards: two nodes may
 * report out of order. Null when there is no such agent.
 */
export async function noteAgentSession(tx: Sql, id: string, at: Date): Promise<{ previous: Date | null } | null> {
  const row = await tx.selectFrom('agents').select('sessionSeenAt').where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) return null;
  await tx
    .updateTable('agents')
    .set({ sessionSeenAt: at })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('sessionSeenAt', 'is', null), eb('sessionSeenAt', '<', at)]))
    .execute();
  return { previous: row.sessionSeenAt };
}

/** Forgets an agent's live session (they signed out): routing stops counting them at once, until a stream of theirs is heard from again. */
export async function clearAgentSession(tx: Sql, id: string): Promise<void> {
  await tx.updateTable('agents').set({ sessionSeenAt: null }).where('id', '=', id).execute();
}

/** Locks an agent's row for the rest of the transaction (accepts by one agent are decided one at a time) and reads their capacity. */
export async function lockAgentCapacity(tx: Sql, id: string): Promise<number | null> {
  return (await tx.selectFrom('agents').select('capacity').where('id', '=', id).forUpdate().executeTakeFirst())?.capacity ?? null;
}

/** Admins who may still log in: the last one cannot be disabled or demoted. */
export async function countActiveAdmins(db: Sql): Promise<number> {
  const row = await db.selectFrom('agents').select((eb) => eb.fn.countAll<number>().as('n')).where('role', '=', 'admin').where('disabledAt', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Open conversations each agent holds: their load, for routing and the supervisor view. */
export async function agentLoads(db: Sql): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('handoffs')
    .select((eb) => ['agentId', eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'assigned')
    .where('agentId', 'is not', null)
    .groupBy('agentId')
    .$narrowType<{ agentId: string }>()
    .execute();
  return new Map(rows.map((r) => [r.agentId, r.n]));
}

/** Concurrent conversation slots of the agents who take conversations (not admins): staffing for backtests. */
export async function agentSlots(db: Sql): Promise<number> {
  const row = await db
    .selectFrom('agents')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('capacity'), eb.lit(0)).as('slots'))
    .where('role', '<>', 'admin')
    .executeTakeFirstOrThrow();
  return Number(row.slots);
}

/**
 * Agents last heard from before `seenBefore` on whom a customer waits: a conversation they
 * accepted before then too, that they have not answered yet or in which the customer spoke last,
 * or a handoff still offered to them. Agents who never opened a stream, or signed out (no
 * session), are not listed: their release is booked when they sign out.
 */
export async function absentAgentsWithWaitingCustomers(db: Sql, seenBefore: Date): Promise<string[]> {
  const rows = await db
    .selectFrom('agents as a')
    .select('a.id')
    .where('a.sessionSeenAt', '<', seenBefore)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('handoffs as h')
          .select('h.id')
          .where((w) =>
            w.or([
              w.and([w('h.status', '=', 'waiting'), w('h.offeredAgentId', '=', w.ref('a.id'))]),
              w.and([
                w('h.status', '=', 'assigned'),
                w('h.agentId', '=', w.ref('a.id')),
                // Accepting is a sign of life too: an accept through the API with no stream open is not an absence.
                w('h.acceptedAt', '<', seenBefore),
                w.or([
                  w('h.firstHumanReplyAt', 'is', null),
                  w(
                    w
                      .selectFrom('messages as m')
                      .select('m.authorKind')
                      .whereRef('m.conversationId', '=', 'h.conversationId')
                      .where('m.private', '=', false)
                      .where('m.authorKind', 'in', ['customer', 'agent'])
                      .orderBy('m.seq', 'desc')
                      .limit(1),
                    '=',
                    'customer',
                  ),
                ]),
              ]),
            ]),
          ),
      ),
    )
    .orderBy('a.id')
    .execute();
  return rows.map((r) => r.id);
}
