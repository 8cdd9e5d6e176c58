import type { TEvent, TMessage, TPriority } from '@baton/contracts';

export type Priority = TPriority;
export type Message = TMessage;
export type Presence = 'online' | 'away' | 'offline';
export type Role = 'agent' | 'supervisor' | 'admin';

/** An agent as `GET /agents` and `GET /agents/me` return it. */
export interface Agent {
  id: string;
  email: string;
  name: string;
  role: Role;
  capacity: number;
  presence: Presence;
  teamIds: string[];
  load?: number;
  /** When an admin disabled the account; null while it may sign in. */
  disabledAt?: string | null;
}

export interface Team {
  id: string;
  name: string;
  skills: { kind: string; value: string; proficiency: number }[];
  sla?: Record<Priority, number>;
  isDefault?: boolean;
  tiers?: string[];
  /** Absent or null: always open. */
  hours?: BusinessHours | null;
}

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** A team's business hours as `PATCH /teams/:id` takes them and `GET /teams` returns them. */
export interface BusinessHours {
  timeZone: string;
  weekly: Partial<Record<Weekday, { start: string; end: string }[]>>;
  holidays: string[];
}

export type Sentiment = 'positive' | 'neutral' | 'frustrated' | 'upset' | 'angry' | string;

/** The brief (DESIGN §4), as the server's `Brief` documents it; read defensively. */
export interface Brief {
  caseNumber?: string;
  priority?: Priority;
  headline?: { customerName?: string; tier?: string; accountId?: string; team?: string; issue?: string; text?: string };
  reasons?: { code: string; label: string; detail: string; messageIndex: number }[];
  sentiment?: { label: Sentiment; score: number; direction: 'improving' | 'steady' | 'worsening'; trend: { messageIndex: number; label: Sentiment; score: number }[]; summary: string };
  intent?: { id?: string; topics: string[]; summary: string; rule: string };
  entities?: { kind: string; value: string; messageIndex: number; verified: boolean; status?: string; amount?: number; currency?: string }[];
  attempts?: { kind: 'article' | 'tool'; ref: string; title: string; messageIndex: number; worked: boolean | null }[];
  account?: {
    customerId: string;
    tier?: string;
    status?: string;
    since?: string;
    tenureMonths?: number;
    orders: { id: string; status: string; placedAt?: string; total?: { amount: number; currency: string } }[];
    orderCount: number;
    subscriptions: { plan: string; status: string }[];
    recentTickets: { caseNumber: string; createdAt: string; category?: string; outcome?: string; summary?: string }[];
    ticketWindowDays: number;
  } | null;
  technical?: { errorCodes: string[]; versions: string[]; browsers: string[]; devices: string[] };
  nextSteps?: string[];
  suggestedReply?: string;
  language?: string;
  contextCompleteness?: number;
  missingContext?: string[];
}

export type HandoffStatus = 'waiting' | 'assigned' | 'resolved' | 'abandoned' | 'callback';

/** A handoff on the wire (`wireHandoff` on the server). */
export interface Handoff {
  id: string;
  conversationId: string;
  status: HandoffStatus;
  priority: Priority;
  reasons: { code: string; detail: string; messageId?: string }[];
  team: string | null;
  teamId: string | null;
  agentId: string | null;
  offeredAgentId: string | null;
  brief: Brief;
  waitEstimateMinutes: number | null;
  slaDueAt: string;
  createdAt: string;
  acceptedAt: string | null;
  firstHumanReplyAt: string | null;
  resolvedAt: string | null;
  resolution: { category: string; outcome: string; verdict: string; note?: string } | null;
}

/** One frame of `GET /api/v1/stream`'s `event` messages: the contracts' catalogue, each payload typed by its name. */
export type StreamEvent = TEvent;

export const PRIORITIES: Priority[] = ['critical', 'high', 'medium', 'low'];
export const PRIORITY_RANK: Record<Priority, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/** Queue order (DESIGN §5): priority, then SLA deadline, then age. */
export function byQueueOrder(a: Handoff, b: Handoff): number {
  return PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || a.slaDueAt.localeCompare(b.slaDueAt) || a.createdAt.localeCompare(b.createdAt);
}
