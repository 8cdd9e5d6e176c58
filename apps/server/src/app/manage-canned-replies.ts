import type { TCannedReply, TCannedReplyInput } from '@baton/contracts';
import type { AgentRecord } from '../adapters/db/repositories/agents.repository.js';
import type { CannedReplyRecord } from '../adapters/db/repositories/canned-replies.repository.js';
import { deleteCannedReply, getCannedReply, insertCannedReply, listCannedReplies, shortcutTaken, updateCannedReply } from '../adapters/db/repositories/canned-replies.repository.js';
import { getTeamByName } from '../adapters/db/repositories/teams.repository.js';
import { DomainError } from '../errors.js';
import type { AppContext } from './context.js';

export function wireCannedReply(r: CannedReplyRecord): TCannedReply {
  return { id: r.id, shortcut: r.shortcut, title: r.title, body: r.body, teamId: r.teamId, updatedAt: r.updatedAt.toISOString() };
}

/** The replies an agent may insert: the global ones and their teams'; supervisors and admins see every one. */
export async function cannedRepliesFor(ctx: AppContext, agent: AgentRecord, q?: string): Promise<TCannedReply[]> {
  const rows = await listCannedReplies(ctx.db, { ...(agent.role === 'agent' ? { teamIds: agent.teamIds } : {}), ...(q ? { q } : {}) });
  return rows.map(wireCannedReply);
}

/** The team's id (given by name or id), after checking the shortcut is free in that scope. */
async function check(ctx: AppContext, shortcut: string, team: string | null, exceptId?: string): Promise<string | null> {
  const teamId = team ? (await getTeamByName(ctx.db, team))?.id : null;
  if (teamId === undefined) throw new DomainError('TEAM_ERR_NOT_FOUND', `no team ${team}`, 'teamId');
  if (await shortcutTaken(ctx.db, shortcut, teamId, exceptId)) throw new DomainError('CANNED_ERR_SHORTCUT_TAKEN', `"/${shortcut}" is already used ${team ? `in ${team}` : 'by a reply for every team'}`, 'shortcut');
  return teamId;
}

/** An admin adds a canned reply, for one team or (without `teamId`) for every team. */
export async function createCannedReply(ctx: AppContext, input: TCannedReplyInput): Promise<TCannedReply> {
  const teamId = await check(ctx, input.shortcut, input.teamId ?? null);
  const now = ctx.clock();
  const row = await insertCannedReply(ctx.db, { id: ctx.newId(), shortcut: input.shortcut, title: input.title, body: input.body, teamId, createdAt: now, updatedAt: now }).catch((e: unknown) => {
    // Two admins saving the same shortcut at once: the unique index decides, and the second is told.
    if ((e as { code?: string }).code === '23505') throw new DomainError('CANNED_ERR_SHORTCUT_TAKEN', `"/${input.shortcut}" was just taken`, 'shortcut');
    throw e;
  });
  return wireCannedReply(row);
}

export async function editCannedReply(ctx: AppContext, id: string, patch: Partial<TCannedReplyInput>): Promise<TCannedReply> {
  const old = await getCannedReply(ctx.db, id);
  if (!old) throw new DomainError('CANNED_ERR_NOT_FOUND', `no canned reply ${id}`);
  const teamId = await check(ctx, patch.shortcut ?? old.shortcut, patch.teamId === undefined ? old.teamId : patch.teamId, id);
  const row = await updateCannedReply(ctx.db, id, { ...(patch.shortcut ? { shortcut: patch.shortcut } : {}), ...(patch.title ? { title: patch.title } : {}), ...(patch.body ? { body: patch.body } : {}), teamId, updatedAt: ctx.clock() });
  if (!row) throw new DomainError('CANNED_ERR_NOT_FOUND', `no canned reply ${id}`);
  return wireCannedReply(row);
}

export async function removeCannedReply(ctx: AppContext, id: string): Promise<void> {
  if (!(await deleteCannedReply(ctx.db, id))) throw new DomainError('CANNED_ERR_NOT_FOUND', `no canned reply ${id}`);
}
