import { findIntegrationAction, recordIntegrationAction } from '../../adapters/db/repositories/integrations.repository.js';
import type { ApiCallResult } from '../../adapters/integrations/post-json.js';
import type { AppContext } from '../context.js';

/**
 * One outbound call of a job, done once: skipped when `key` is recorded as done, recorded when it
 * succeeds. A failure throws so that the job is retried, except a refusal (401, 403, 404) of a
 * step marked `mayBeRefused`, which is logged and passed over: a token without that right.
 */
export async function runStep(ctx: AppContext, o: { key: string; what: string; provider: string; conversationId: string; mayBeRefused?: boolean }, run: () => Promise<ApiCallResult>): Promise<ApiCallResult | null> {
  if (await findIntegrationAction(ctx.db, o.key)) return null;
  const r = await run();
  if (!r.ok && o.mayBeRefused && (r.status === 401 || r.status === 403 || r.status === 404)) {
    ctx.log('warn', `${o.provider} refused to ${o.what} (${r.error}): the token may not do it; the handoff goes on without it`, { conversationId: o.conversationId });
  } else if (!r.ok) {
    throw new Error(`${o.provider} did not ${o.what} for conversation ${o.conversationId}: ${r.error}`);
  }
  await recordIntegrationAction(ctx.db, o.key, null, ctx.clock());
  return r;
}
