import type { CustomerProfile, Decision, HandoffNeed, Team } from '@baton/core';
import { categoryForDecision, chooseTeam } from '@baton/core';
import type { ConversationRecord } from '../adapters/db/repositories/conversations.repository.js';
import { listTeams } from '../adapters/db/repositories/teams.repository.js';
import type { AppContext } from './context.js';

/**
 * Where a handoff of this conversation goes (DESIGN §5): what it needs (category, language,
 * channel, tier, priority) and the team that best matches it, or null when the workspace has no
 * team yet.
 */
export async function routeHandoff(ctx: AppContext, conv: ConversationRecord, decision: Decision, profile: CustomerProfile | null): Promise<{ need: HandoffNeed; team: Team | null }> {
  const teams = await listTeams(ctx.db);
  const articleCategory = decision.articleId ? ctx.articles().get(decision.articleId)?.category : undefined;
  const need: HandoffNeed = {
    category: categoryForDecision(decision, articleCategory ? { articleCategory } : {}),
    language: decision.signals.language === 'und' ? (conv.language ?? 'en') : decision.signals.language,
    channel: conv.channel,
    priority: decision.priority,
    ...(profile?.tier ? { tier: profile.tier } : {}),
  };
  return { need, team: teams.length ? chooseTeam(need, teams).team : null };
}
