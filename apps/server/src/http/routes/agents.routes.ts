import { ZCreateAgentSchema, ZCreateTeamSchema, ZLoginSchema, ZPresenceSchema } from '@baton/contracts';
import type { FastifyInstance } from 'fastify';
import type { AgentRecord } from '../../adapters/db/repositories/agents.repository.js';
import { agentLoads, listAgents } from '../../adapters/db/repositories/agents.repository.js';
import { listTeams } from '../../adapters/db/repositories/teams.repository.js';
import { getCustomerProfile, listCustomers } from '../../adapters/db/repositories/customers.repository.js';
import { login, logout } from '../../app/agent-auth.js';
import type { AppContext } from '../../app/context.js';
import { createAgent, createTeam, setPresence } from '../../app/manage-agents.js';
import { FileError } from '../../adapters/files/file-error.js';
import { DomainError } from '../../errors.js';
import { bearer, requireAgent } from '../auth.js';
import { parse } from '../parse.js';
import { publicLimit } from '../rate-limits.js';
import { omitToken } from './conversations.routes.js';

/** An agent as clients see it: never the password hash. */
export function wireAgent(a: AgentRecord, load?: number) {
  return { id: a.id, email: a.email, name: a.name, role: a.role, capacity: a.capacity, presence: a.presence, teamIds: a.teamIds, ...(load !== undefined ? { load } : {}) };
}

export function agentRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post('/api/v1/auth/login', { config: { rateLimit: publicLimit(ctx, 'login') } }, async (req) => {
    const body = parse(ZLoginSchema, req.body, 'body');
    const r = await login(ctx, body.email, body.password);
    return { token: r.token, expiresAt: r.expiresAt.toISOString(), agent: wireAgent(r.agent) };
  });

  app.post('/api/v1/auth/logout', async (req, reply) => {
    await requireAgent(ctx, req);
    await logout(ctx, bearer(req)!);
    reply.code(204);
  });

  app.get('/api/v1/agents', async (req) => {
    await requireAgent(ctx, req);
    const [agents, loads] = await Promise.all([listAgents(ctx.db), agentLoads(ctx.db)]);
    return { agents: agents.map((a) => wireAgent(a, loads.get(a.id) ?? 0)) };
  });

  app.get('/api/v1/agents/me', async (req) => {
    const agent = await requireAgent(ctx, req);
    const loads = await agentLoads(ctx.db);
    return { agent: wireAgent(agent, loads.get(agent.id) ?? 0) };
  });

  app.patch('/api/v1/agents/me', async (req) => {
    const agent = await requireAgent(ctx, req);
    const body = parse(ZPresenceSchema, req.body, 'body');
    return { agent: wireAgent(await setPresence(ctx, agent, body)) };
  });

  app.post('/api/v1/agents', async (req, reply) => {
    await requireAgent(ctx, req, 'admin');
    const body = parse(ZCreateAgentSchema, req.body, 'body');
    reply.code(201);
    return { agent: wireAgent(await createAgent(ctx, body)) };
  });

  app.get('/api/v1/teams', async (req) => {
    await requireAgent(ctx, req);
    return { teams: await listTeams(ctx.db) };
  });

  app.post('/api/v1/teams', async (req, reply) => {
    await requireAgent(ctx, req, 'admin');
    const body = parse(ZCreateTeamSchema, req.body, 'body');
    reply.code(201);
    return { team: await createTeam(ctx, { name: body.name, skills: body.skills, ...(body.tiers ? { tiers: body.tiers } : {}), ...(body.isDefault ? { isDefault: true } : {}), ...(body.sla ? { sla: body.sla } : {}) }) };
  });

  app.get('/api/v1/customers', async (req) => {
    await requireAgent(ctx, req);
    const q = omitToken(req.query).q;
    return { customers: await listCustomers(ctx.db, typeof q === 'string' && q ? { q } : {}) };
  });

  // The KB articles the AI answers from, for the agent's side panel.
  app.get('/api/v1/kb/articles', async (req) => {
    await requireAgent(ctx, req);
    return { articles: [...ctx.articles().values()].map((a) => ({ id: a.id, title: a.title, category: a.category ?? null, tags: a.tags })) };
  });

  app.post('/api/v1/kb/reload', async (req) => {
    const admin = await requireAgent(ctx, req, 'admin');
    if (!ctx.reloadKb) throw new DomainError('KB_ERR_NOT_CONFIGURED', 'this server cannot reload its KB');
    try {
      return await ctx.reloadKb(admin.email);
    } catch (err) {
      // A broken article leaves the KB in force untouched; the message names the file and field.
      if (err instanceof FileError) throw new DomainError(err.code === 'KB_ERR_FORMAT' ? 'KB_ERR_FORMAT' : 'KB_ERR_NOT_CONFIGURED', err.message);
      throw err;
    }
  });

  app.get<{ Params: { id: string } }>('/api/v1/kb/articles/:id', async (req) => {
    await requireAgent(ctx, req);
    const a = ctx.articles().get(req.params.id);
    if (!a) throw new DomainError('ROUTE_ERR_NOT_FOUND', `no KB article ${req.params.id}`);
    return { article: { id: a.id, title: a.title, category: a.category ?? null, tags: a.tags, questions: a.questions, body: a.body } };
  });

  app.get<{ Params: { id: string } }>('/api/v1/customers/:id', async (req) => {
    await requireAgent(ctx, req);
    const profile = await getCustomerProfile(ctx.db, req.params.id);
    if (!profile) throw new DomainError('CUSTOMER_ERR_NOT_FOUND', `no customer ${req.params.id}`);
    return { customer: profile };
  });
}
