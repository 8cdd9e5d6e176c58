import type { Sql } from '../database.js';
import type { MessageRecord } from './conversations.repository.js';

/** Marks a customer message as owed an answer by `dueAt`; the decision on it settles the debt. */
export async function markAnswerDue(tx: Sql, m: { messageId: string; conversationId: string; dueAt: Date }): Promise<void> {
  await tx.insertInto('pendingAnswers').values(m).onConflict((oc) => oc.column('messageId').doNothing()).execute();
}

/**
 * Messages past due without a decision, oldest first, that the AI still owes an answer: the last
 * message of a conversation the AI holds. Older debts (a person took over, the customer wrote
 * again) are settled by what happened since, and only cleared.
 */
export async function listOverdueAnswers(db: Sql, now: Date, limit: number): Promise<MessageRecord[]> {
  return db
    .selectFrom('pendingAnswers as p')
    .innerJoin('messages as m', 'm.id', 'p.messageId')
    .innerJoin('conversations as c', 'c.id', 'p.conversationId')
    .selectAll('m')
    .where('p.dueAt', '<=', now)
    .where('c.status', '=', 'ai')
    .whereRef('c.lastSeq', '=', 'm.seq')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('decisions as d').select('d.messageId').whereRef('d.messageId', '=', 'p.messageId'))))
    .orderBy('p.dueAt')
    .limit(limit)
    .execute();
}

/** Clears the debts past due that are settled (a decision) or no longer the AI's to pay (see `listOverdueAnswers`); returns how many. */
export async function clearSettledAnswers(db: Sql, now: Date): Promise<number> {
  const r = await db
    .deleteFrom('pendingAnswers as p')
    .where('p.dueAt', '<=', now)
    .where((eb) =>
      eb.or([
        eb.exists(eb.selectFrom('decisions as d').select('d.messageId').whereRef('d.messageId', '=', 'p.messageId')),
        eb.exists(
          eb
            .selectFrom('conversations as c')
            .innerJoin('messages as m', 'm.conversationId', 'c.id')
            .select('c.id')
            .whereRef('c.id', '=', 'p.conversationId')
            .whereRef('m.id', '=', 'p.messageId')
            .where((w) => w.or([w('c.status', '!=', 'ai'), w('c.lastSeq', '!=', w.ref('m.seq'))])),
        ),
      ]),
    )
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
