import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AgentRecord, Role } from '../adapters/db/repositories/agents.repository.js';
import { authenticateAgent, authenticateCustomer } from '../app/agent-auth.js';
import type { AppContext } from '../app/context.js';
import { DomainError } from '../errors.js';

/** Who is calling: an agent with a session, or a customer holding one conversation's token. */
export type Principal = { kind: 'agent'; agent: AgentRecord } | { kind: 'customer'; conversationId: string };

declare module 'fastify' {
  /** Who may call a route: closed to all but agents unless it says otherwise. */
  interface FastifyContextConfig {
    /** Open to anyone; no token is read. */
    public?: boolean;
    /** The least agent role (default `agent`). */
    role?: Role;
    /** Also open to the customer holding the token of conversation `:id`; `only` shuts agents out. */
    customer?: boolean | 'only';
  }
  interface FastifyRequest {
    /** The caller, set by the authentication hook; null on public routes. */
    principal: Principal | null;
    /** The calling agent, on routes that only agents reach. */
    readonly agent: AgentRecord;
  }
}

export function bearer(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (typeof h === 'string' && h.startsWith('Bearer ')) return h.slice(7).trim() || null;
  const q = (req.query as Record<string, unknown> | undefined)?.token;
  return typeof q === 'string' && q ? q : null;
}

/** Resolves a token to its principal; unknown or expired tokens are refused. */
export async function principalFor(ctx: AppContext, token: string | null, opts: { customerFirst?: boolean } = {}): Promise<Principal> {
  if (!token) throw new DomainError('AUTH_ERR_MISSING_TOKEN', 'this endpoint needs a bearer token');
  // A token is an agent's or a customer's, never both: on a route customers use, their token is
  // looked up first, so a customer's message costs one lookup rather than two.
  const asAgent = async (): Promise<Principal | null> => {
    const agent = await authenticateAgent(ctx, token);
    return agent ? { kind: 'agent', agent } : null;
  };
  const asCustomer = async (): Promise<Principal | null> => {
    const conversationId = await authenticateCustomer(ctx, token);
    return conversationId ? { kind: 'customer', conversationId } : null;
  };
  const principal = opts.customerFirst ? ((await asCustomer()) ?? (await asAgent())) : ((await asAgent()) ?? (await asCustomer()));
  if (principal) return principal;
  throw new DomainError('AUTH_ERR_INVALID_TOKEN', 'the token is unknown or has expired');
}

const RANK: Record<Role, number> = { agent: 0, supervisor: 1, admin: 2 };

/**
 * Authentication for every route of the scope it is added to, from the route's `config`: a route
 * that declares nothing is for agents. It runs after the body is read and before it is validated,
 * so a malformed body is still a 400 and a missing token comes before a bad field.
 */
export function authenticate(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('agent', {
    getter(this: FastifyRequest) {
      // Only reachable from a route that forgot to say it is for agents alone: a bug, not a 403.
      if (this.principal?.kind !== 'agent') throw new Error(`${this.method} ${this.routeOptions.url} reads req.agent but is not an agent-only route`);
      return this.principal.agent;
    },
  });
  app.addHook('preValidation', async (req) => {
    const config = req.routeOptions.config;
    if (config.public) return;
    const p = await principalFor(ctx, bearer(req), { customerFirst: Boolean(config.customer) });
    if (p.kind === 'customer') {
      if (!config.customer) throw new DomainError('AUTH_ERR_FORBIDDEN', 'this endpoint is for agents');
      if (p.conversationId !== (req.params as { id?: string }).id) throw new DomainError('AUTH_ERR_WRONG_CONVERSATION', 'this token belongs to another conversation');
    } else {
      if (config.customer === 'only') throw new DomainError('AUTH_ERR_FORBIDDEN', "this endpoint is for the conversation's customer");
      const role = config.role ?? 'agent';
      if (RANK[p.agent.role] < RANK[role]) throw new DomainError('AUTH_ERR_FORBIDDEN', `this needs the ${role} role`);
    }
    req.principal = p;
  });
}
