import type { TConversationSummary, TSearchResponse } from '@baton/contracts';
import type { AgentRecord } from '../adapters/db/repositories/agents.repository.js';
import { getConversation } from '../adapters/db/repositories/conversations.repository.js';
import { getHandoff } from '../adapters/db/repositories/handoffs.repository.js';
import type { ConversationHit, SearchScope } from '../adapters/db/repositories/search.repository.js';
import { customerConversations, searchConversations, searchCustomers } from '../adapters/db/repositories/search.repository.js';
import { DomainError } from '../errors.js';
import type { AppContext } from './context.js';
import { assertMaySee } from './load-handoff.js';

const HISTORY_LIMIT = 20;

/** What an agent may find: a supervisor or admin everything, an agent their teams' cases, the unrouted ones and their own. */
function scopeOf(agent: AgentRecord): SearchScope {
  return agent.role === 'agent' ? { teamIds: agent.teamIds, agentId: agent.id } : {};
}

function summary(c: ConversationHit): TConversationSummary {
  return {
    id: c.id,
    caseNumber: c.caseNumber,
    status: c.status,
    channel: c.channel,
    customer: { id: c.customerId, name: c.customerName, email: c.customerEmail },
    teamId: c.teamId,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    handoffId: c.handoffId,
    handoffStatus: c.handoffStatus,
    resolution: c.resolution,
    snippet: c.snippet ? c.snippet.slice(0, 240) : null,
  };
}

/** Search over conversations (case number, customer name and email, message text) and customers, a page at a time. */
export async function findConversations(ctx: AppContext, agent: AgentRecord, q: { q: string; limit: number; offset: number }): Promise<TSearchResponse> {
  const rows = await searchConversations(ctx.db, q.q, scopeOf(agent), { limit: q.limit + 1, offset: q.offset });
  const customers = q.offset === 0 ? await searchCustomers(ctx.db, q.q, 10) : [];
  return { conversations: rows.slice(0, q.limit).map(summary), customers, nextOffset: rows.length > q.limit ? q.offset + q.limit : null };
}

/** The customer's earlier conversations, beside the brief of one handoff. */
export async function customerHistory(ctx: AppContext, agent: AgentRecord, handoffId: string): Promise<{ conversations: TConversationSummary[] }> {
  const h = await getHandoff(ctx.db, handoffId);
  if (!h) throw new DomainError('HANDOFF_ERR_NOT_FOUND', `no handoff ${handoffId}`);
  assertMaySee(h, agent);
  const conv = await getConversation(ctx.db, h.conversationId);
  if (!conv) throw new DomainError('CONVERSATION_ERR_NOT_FOUND', `no conversation ${h.conversationId}`);
  const rows = await customerConversations(ctx.db, { id: conv.id, customerId: conv.customerId, customerEmail: conv.customerEmail }, HISTORY_LIMIT);
  return { conversations: rows.map(summary) };
}
