import { randomBytes } from 'node:crypto';
import type { Brief, Priority, Skill, Team } from '@baton/core';
import { DEFAULT_SLA_MINUTES, FALLBACK_TEAM_NAME } from '@baton/core';
import type { AgentRecord, Presence, Role } from '../adapters/db/repositories/agents.repository.js';
import { insertAgent, noteAgentSession, updateAgent } from '../adapters/db/repositories/agents.repository.js';
import type { CallbackRecord } from '../adapters/db/repositories/callbacks.repository.js';
import { insertCallback } from '../adapters/db/repositories/callbacks.repository.js';
import type { ConversationRecord, MessageRecord } from '../adapters/db/repositories/conversations.repository.js';
import { getConversation, insertConversation, insertMessage } from '../adapters/db/repositories/conversations.repository.js';
import { upsertCustomer } from '../adapters/db/repositories/customers.repository.js';
import type { HandoffRecord, HandoffReason } from '../adapters/db/repositories/handoffs.repository.js';
import { insertTeam } from '../adapters/db/repositories/teams.repository.js';
import type { AppContext } from '../app/context.js';
import * as lifecycle from '../app/conversation-lifecycle.js';
import { withEvents } from '../app/with-events.js';

/*
 * Rows for medium tests, written through the repositories (and, for states, through the
 * lifecycle, the only writer of conversation and handoff status). Each factory has defaults
 * that make a valid row and takes overrides for what the test is about; names carry a counter,
 * so two rows of one test never collide.
 */

let counter = 0;
const next = () => (counter += 1);

/** A team: always open, no skills, the default SLA targets. */
export async function makeTeam(ctx: AppContext, over: Partial<Team> = {}): Promise<Team> {
  const n = next();
  return ctx.db.transaction().execute((tx) => insertTeam(tx, { id: ctx.newId(), name: `Team ${n}`, skills: [], sla: { ...DEFAULT_SLA_MINUTES }, ...over }, ctx.clock()));
}

export interface AgentOverrides {
  name?: string;
  email?: string;
  role?: Role;
  capacity?: number;
  skills?: Skill[];
  teams?: Team[];
  /** Online by default: the agent takes work. */
  presence?: Presence;
  /** Whether an online agent has the workspace open now (a live session); true by default. A seeded agent who never signed in has none. */
  live?: boolean;
}

/** An agent, online (with a live session now), capacity 3, in the given teams. The password hash is not a real one: medium tests do not log in. */
export async function makeAgent(ctx: AppContext, over: AgentOverrides = {}): Promise<AgentRecord> {
  const n = next();
  return ctx.db.transaction().execute(async (tx) => {
    const agent = (await insertAgent(tx, {
      id: ctx.newId(),
      email: over.email ?? `agent${n}@example.test`,
      name: over.name ?? `Agent ${n}`,
      role: over.role ?? 'agent',
      passwordHash: 'not-a-hash',
      capacity: over.capacity ?? 3,
      skills: over.skills ?? [],
      teamIds: (over.teams ?? []).map((t) => t.id),
      at: ctx.clock(),
    }))!;
    const presence = over.presence ?? 'online';
    // An online agent has the workspace open: a live session, as of the test's clock.
    if (presence === 'online' && over.live !== false) await noteAgentSession(tx, agent.id, ctx.clock());
    return (await updateAgent(tx, agent.id, { presence }))!;
  });
}

export interface CustomerOverrides {
  name?: string;
  email?: string;
  phone?: string;
  tier?: string;
}

/** A customer of the built-in context tables, standard tier. */
export async function makeCustomer(ctx: AppContext, over: CustomerOverrides = {}): Promise<{ id: string; name: string; email: string; tier: string }> {
  const n = next();
  const customer = { id: ctx.newId(), name: over.name ?? `Customer ${n}`, email: over.email ?? `customer${n}@example.test`, tier: over.tier ?? 'standard', ...(over.phone ? { phone: over.phone } : {}) };
  await ctx.db.transaction().execute((tx) => upsertCustomer(tx, { ...customer, createdAt: ctx.clock() }));
  return customer;
}

export interface ConversationOverrides {
  customer?: { id: string; name: string; email: string } | null;
  channel?: string;
  language?: string | null;
}

/** A conversation in `ai`, on the web widget, in English, anonymous unless a customer is given. */
export async function makeConversation(ctx: AppContext, over: ConversationOverrides = {}): Promise<ConversationRecord> {
  const c = over.customer ?? null;
  return ctx.db.transaction().execute((tx) =>
    insertConversation(tx, {
      id: ctx.newId(),
      customerId: c?.id ?? null,
      customerName: c?.name ?? null,
      customerEmail: c?.email ?? null,
      channel: over.channel ?? 'web',
      language: over.language === undefined ? 'en' : over.language,
      tokenHash: randomBytes(16).toString('hex'),
      at: ctx.clock(),
    }),
  );
}

/** A customer's message in the conversation. */
export async function makeMessage(ctx: AppContext, conversation: Pick<ConversationRecord, 'id' | 'customerName'>, text: string): Promise<MessageRecord> {
  return ctx.db.transaction().execute((tx) => insertMessage(tx, { id: ctx.newId(), at: ctx.clock(), conversationId: conversation.id, authorKind: 'customer', authorName: conversation.customerName, text }));
}

/** A brief with nothing in it but the case: enough for the use cases that carry it along. */
export function emptyBrief(caseNumber: string, priority: Priority, at: Date): Brief {
  return {
    version: 1,
    caseNumber,
    createdAt: at.toISOString(),
    priority,
    headline: { issue: 'Needs a person', text: `${caseNumber}: needs a person` },
    reasons: [],
    sentiment: { label: 'neutral', score: 0, direction: 'steady', trend: [], summary: 'neutral' },
    intent: { topics: [], summary: 'Needs a person', rule: 'fallback' },
    entities: [],
    attempts: [],
    account: null,
    technical: { errorCodes: [], versions: [], browsers: [], devices: [] },
    nextSteps: [],
    suggestedReply: '',
    transcript: [],
    language: 'en',
    contextCompleteness: 0,
    missingContext: [],
  };
}

export interface HandoffOverrides {
  /** A conversation in `ai` to escalate; a new one by default. */
  conversation?: ConversationRecord;
  team?: Team | null;
  priority?: Priority;
  reasons?: HandoffReason[];
  /** Due in the priority's default SLA from the clock's now, unless given. */
  slaDueAt?: Date;
  offeredAgentId?: string | null;
  /** `waiting` by default; `assigned` needs `agent`; `callback` books `callback`. */
  status?: 'waiting' | 'assigned' | 'callback';
  agent?: AgentRecord;
  callback?: { kind?: 'callback' | 'email'; scheduledFor?: Date; contact?: string; timeZone?: string };
}

/**
 * A handoff in the state asked for, moved there by the lifecycle as the use cases move it
 * (ai → waiting, then → assigned or → callback), with the events those edges emit.
 */
export async function makeHandoff(ctx: AppContext, over: HandoffOverrides = {}): Promise<{ handoff: HandoffRecord; conversation: ConversationRecord; callback: CallbackRecord | null }> {
  const status = over.status ?? 'waiting';
  if (status === 'assigned' && !over.agent) throw new Error('makeHandoff: an assigned handoff needs its agent');
  const conv = over.conversation ?? (await makeConversation(ctx));
  const priority = over.priority ?? 'medium';
  const now = ctx.clock();
  const team = over.team ?? null;
  return withEvents(ctx, async (tx, emit) => {
    const t = { tx, emit };
    let { handoff } = await lifecycle.escalate(t, {
      id: ctx.newId(),
      conversationId: conv.id,
      priority,
      reasons: over.reasons ?? [{ code: 'customer_request', detail: 'asked for a person' }],
      teamId: team?.id ?? null,
      offeredAgentId: over.offeredAgentId ?? null,
      brief: emptyBrief(conv.caseNumber, priority, now),
      waitEstimateMinutes: null,
      slaDueAt: over.slaDueAt ?? new Date(now.getTime() + (team?.sla ?? DEFAULT_SLA_MINUTES)[priority] * 60_000),
      at: now,
    });
    let callback: CallbackRecord | null = null;
    if (status === 'assigned') handoff = (await lifecycle.accept(t, handoff.id, over.agent!, now, team?.name ?? FALLBACK_TEAM_NAME)).handoff;
    if (status === 'callback') {
      const c = over.callback ?? {};
      const kind = c.kind ?? 'callback';
      callback = await insertCallback(tx, {
        id: ctx.newId(),
        conversationId: conv.id,
        handoffId: handoff.id,
        kind,
        scheduledFor: c.scheduledFor ?? new Date(now.getTime() + 60 * 60_000),
        timeZone: c.timeZone ?? 'UTC',
        contact: c.contact ?? (kind === 'callback' ? '+44 20 7946 0000' : (conv.customerEmail ?? 'customer@example.test')),
        createdAt: now,
      });
      handoff = (await lifecycle.scheduleCallback(t, handoff, callback, now)).handoff;
    }
    return { handoff, conversation: (await getConversation(tx, conv.id))!, callback };
  });
}
