import { clearSettledAnswers, listOverdueAnswers } from '../adapters/db/repositories/pending-answers.repository.js';
import type { AppContext } from './context.js';
import { respond } from './post-customer-message.js';

/**
 * Answers the customer messages that were stored and acknowledged but never answered: the node
 * died between the two. Each is answered once: the decision on a message is recorded once
 * (`storeReplies`), so a sweep on two nodes, or a sweep racing a client's retry, answers it a
 * single time. Runs at start and every minute (main.ts); returns how many it answered.
 */
export async function answerUnanswered(ctx: AppContext, opts: { limit?: number } = {}): Promise<number> {
  const now = ctx.clock();
  let answered = 0;
  for (const message of await listOverdueAnswers(ctx.db, now, opts.limit ?? 100)) {
    try {
      const replies = await respond(ctx, message);
      if (replies.length) answered++;
    } catch (err) {
      ctx.log('warn', 'could not answer a message left unanswered; the next sweep tries again', { messageId: message.id, conversationId: message.conversationId, error: (err as Error).message });
    }
  }
  await clearSettledAnswers(ctx.db, now);
  if (answered) ctx.log('info', `answered ${answered} customer message(s) left unanswered by a stopped node`);
  return answered;
}
