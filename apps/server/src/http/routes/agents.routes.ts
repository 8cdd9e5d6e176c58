import {
  ZAgentResponseSchema,
  ZAgentsResponseSchema,
  ZCreateAgentSchema,
  ZCreateTeamSchema,
  ZCustomerResponseSchema,
  ZCustomersResponseSchema,
  ZIdParamsSchema,
  ZKbArticleResponseSchema,
  ZKbArticlesResponseSchema,
  ZKbReloadResponseSchema,
  ZLoginResponseSchema,
  ZLoginSchema,
  ZPresenceSchema,
  ZResetPasswordSchema,
  ZTeamResponseSchema,
  ZTeamsResponseSchema,
  ZUpdateAgentSchema,
} from '@baton/contracts';
import { z } from 'zod';
import type { AgentRecord } from '../../adapters/db/repositories/agents.repository.js';
import { agentLoads, listAgents } from '../../adapters/db/repositories/agents.repository.js';
import { listTeams } from '../../adapters/db/repositories/teams.repository.js';
import { getCustomerProfile, listCustomers } from '../../adapters/db/repositories/customers.repository.js';
import { login, logout } from '../../app/agent-auth.js';
import { resetAgentPassword, updateAgentAccess } from '../../app/manage-agent-access.js';
import { createAgent, createTeam, setPresence } from '../../app/manage-agents.js';
import { DomainError } from '../../errors.js';
import { bearer } from '../auth.js';
import type { ApiPlugin, ZodTypeProvider } from '../zod-schemas.js';

/** An agent as clients see it: never the password hash. */
export function wireAgent(a: AgentRecord, load?: number) {
  return { id: a.id, email: a.email, name: a.name, role: a.role, capacity: a.capacity, presence: a.presence, teamIds: a.teamIds, disabledAt: a.disabledAt?.toISOString() ?? null, ...(load !== undefined ? { load } : {}) };
}

/** Sessions, agents, teams, customers and the KB the AI answers from. */
export const agentRoutes: ApiPlugin = async (instance, { ctx }) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();

  app.post('/auth/login', {
    config: { public: true, limit: 'login.address' },
    schema: { summary: 'Agent login; returns a bearer token', body: ZLoginSchema, response: { 200: ZLoginResponseSchema } },
  }, async (req) => {
    const r = await login(ctx, req.body.email, req.body.password, req.ip);
    return { token: r.token, expiresAt: r.expiresAt.toISOString(), agent: wireAgent(r.agent) };
  });

  app.post('/auth/logout', { schema: { summary: 'End the session', response: { 204: z.unknown() } } }, async (req, reply) => {
    await logout(ctx, bearer(req)!);
    reply.code(204);
  });

  app.get('/agents', { schema: { summary: 'Agents with their load', response: { 200: ZAgentsResponseSchema } } }, async () => {
    const [agents, loads] = await Promise.all([listAgents(ctx.db), agentLoads(ctx.db)]);
    return { agents: agents.map((a) => wireAgent(a, loads.get(a.id) ?? 0)) };
  });

  app.get('/agents/me', { schema: { summary: 'The calling agent', response: { 200: ZAgentResponseSchema } } }, async (req) => {
    const loads = await agentLoads(ctx.db);
    return { agent: wireAgent(req.agent, loads.get(req.agent.id) ?? 0) };
  });

  app.patch('/agents/me', { schema: { summary: 'Set presence and capacity', body: ZPresenceSchema, response: { 200: ZAgentResponseSchema } } }, async (req) => ({
    agent: wireAgent(await setPresence(ctx, req.agent, req.body)),
  }));

  app.post('/agents', { config: { role: 'admin' }, schema: { summary: 'Create an agent', body: ZCreateAgentSchema, response: { 201: ZAgentResponseSchema } } }, async (req, reply) => {
    reply.code(201);
    return { agent: wireAgent(await createAgent(ctx, req.body)) };
  });

  app.patch('/agents/:id', {
    config: { role: 'admin' },
    schema: { summary: "Change an agent's role, or disable or enable the account; their sessions end", params: ZIdParamsSchema, body: ZUpdateAgentSchema, response: { 200: ZAgentResponseSchema } },
  }, async (req) => ({ agent: wireAgent(await updateAgentAccess(ctx, req.params.id, req.body)) }));

  app.post('/agents/:id/password', {
    config: { role: 'admin' },
    schema: { summary: "Set a new password for an agent; their sessions end", params: ZIdParamsSchema, body: ZResetPasswordSchema, response: { 200: ZAgentResponseSchema } },
  }, async (req) => ({ agent: wireAgent(await resetAgentPassword(ctx, req.params.id, req.body.password)) }));

  app.get('/teams', { schema: { summary: 'Teams with skills, SLA and hours', response: { 200: ZTeamsResponseSchema } } }, async () => ({ teams: await listTeams(ctx.db) }));

  app.post('/teams', { config: { role: 'admin' }, schema: { summary: 'Create a team', body: ZCreateTeamSchema, response: { 201: ZTeamResponseSchema } } }, async (req, reply) => {
    const body = req.body;
    reply.code(201);
    return { team: await createTeam(ctx, { name: body.name, skills: body.skills, ...(body.tiers ? { tiers: body.tiers } : {}), ...(body.isDefault ? { isDefault: true } : {}), ...(body.sla ? { sla: body.sla } : {}) }) };
  });

  app.get('/customers', { schema: { summary: 'Search customers', querystring: z.object({ q: z.string().optional() }), response: { 200: ZCustomersResponseSchema } } }, async (req) => {
    const q = req.query.q;
    return { customers: await listCustomers(ctx.db, q ? { q } : {}) };
  });

  app.get('/customers/:id', { schema: { summary: 'A customer with orders and previous tickets', params: ZIdParamsSchema, response: { 200: ZCustomerResponseSchema } } }, async (req) => {
    const profile = await getCustomerProfile(ctx.db, req.params.id);
    if (!profile) throw new DomainError('CUSTOMER_ERR_NOT_FOUND', `no customer ${req.params.id}`);
    return { customer: profile };
  });

  // The KB articles the AI answers from, for the agent's side panel.
  app.get('/kb/articles', { schema: { summary: 'The KB articles the AI answers from', response: { 200: ZKbArticlesResponseSchema } } }, async () => ({
    articles: [...ctx.articles().values()].map((a) => ({ id: a.id, title: a.title, category: a.category ?? null, tags: a.tags })),
  }));

  app.post('/kb/reload', { config: { role: 'admin' }, schema: { summary: 'Reload the KB folder and retrain, without a restart (a bad article changes nothing)', response: { 200: ZKbReloadResponseSchema } } }, async (req) => {
    if (!ctx.reloadKb) throw new DomainError('KB_ERR_NOT_CONFIGURED', 'this server cannot reload its KB');
    // A broken article leaves the KB in force untouched; its FileError names the file and field, and maps by its code.
    return ctx.reloadKb(req.agent.email);
  });

  app.get('/kb/articles/:id', { schema: { summary: 'One KB article with its answer', params: ZIdParamsSchema, response: { 200: ZKbArticleResponseSchema } } }, async (req) => {
    const a = ctx.articles().get(req.params.id);
    if (!a) throw new DomainError('ROUTE_ERR_NOT_FOUND', `no KB article ${req.params.id}`);
    return { article: { id: a.id, title: a.title, category: a.category ?? null, tags: a.tags, questions: a.questions, body: a.body } };
  });
};
