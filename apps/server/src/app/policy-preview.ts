import type { TPolicyPreview } from '@baton/contracts';
import type { BacktestInput, PolicyInput } from '@baton/core';
import { chooseTeam, createEngine, memoizeAnswerer, resolvePolicy, runBacktest } from '@baton/core';
import { ZPolicyInputSchema } from '@baton/contracts';
import { agentSlots } from '../adapters/db/repositories/agents.repository.js';
import { recentHandleMinutes } from '../adapters/db/repositories/handoffs.repository.js';
import { listTeams } from '../adapters/db/repositories/teams.repository.js';
import { listStoredConversations } from '../adapters/db/repositories/stored-conversations.repository.js';
import { DomainError } from '../errors.js';
import type { AppContext } from './context.js';
import { toEngineConversation } from './engine-conversation.js';

const DAY = 86_400_000;

/**
 * "Preview this change": the stored conversations of a period replayed through the policy in force
 * and a proposed one, before the proposed one is saved. The same backtest as `baton backtest`.
 */
export async function previewPolicy(ctx: AppContext, raw: unknown, opts: { from?: Date; to?: Date; limit?: number } = {}): Promise<TPolicyPreview> {
  const parsed = ZPolicyInputSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new DomainError('POLICY_ERR_INVALID', parsed.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`).join('; '), first.path.join('.') || undefined);
  }
  const to = opts.to ?? ctx.clock();
  const from = opts.from ?? new Date(to.getTime() - 30 * DAY);
  const limit = Math.min(opts.limit ?? 2000, 5000);
  const items: BacktestInput[] = [];
  for (const { conversation: conv, messages } of await listStoredConversations(ctx.db, { from, to, newest: limit })) {
    if (!messages.some((m) => m.authorKind === 'customer')) continue;
    items.push({ id: conv.caseNumber, conversation: toEngineConversation(conv, messages, null), arrivedAt: conv.createdAt.getTime(), ...(conv.teamId ? { team: conv.teamId } : {}) });
  }
  const current = ctx.engine();
  const answerer = current.answerer ? memoizeAnswerer(current.answerer) : undefined;
  let proposed;
  try {
    proposed = createEngine({ policy: resolvePolicy(parsed.data as PolicyInput), ...(answerer ? { answerer } : {}) });
  } catch (err) {
    throw new DomainError('POLICY_ERR_INVALID', (err as Error).message);
  }
  const hours = Math.max(1, (to.getTime() - from.getTime()) / 3_600_000);
  // Load is shown per team, as agents staff it: each routing category goes where routing sends it.
  const teams = await listTeams(ctx.db);
  const teamFor = new Map<string, string>();
  const queueName = (category: string) => {
    let name = teamFor.get(category);
    if (name === undefined) teamFor.set(category, (name = teams.length ? chooseTeam({ category, language: 'en', channel: 'web', priority: 'medium' }, teams).team.name : category));
    return name;
  };
  const result = runBacktest(items, {
    current: answerer ? createEngine({ policy: current.policy, answerer }) : current,
    proposed,
    replay: 'each',
    defaultHandleMinutes: ctx.config.defaultHandleMinutes,
    queueName,
    arrivals: { perHour: items.length / hours, handleMinutes: await recentHandleMinutes(ctx.db, null, 200), agents: Math.max(1, await agentSlots(ctx.db)) },
  });
  return { ...result, flips: result.flips.slice(0, 200), period: { from: from.toISOString(), to: to.toISOString() }, sampled: items.length };
}
