import { describe, expect, it } from 'vitest';
import type { Brief } from '../brief/brief.js';
import type { BusinessHours } from '../hours/business-hours.js';
import { formatLocal } from '../hours/format-local.js';
import type { Priority } from '../policy/policy.js';
import type { AgentState } from './agent-state.js';
import { DEFAULT_SLA_MINUTES } from './default-sla.js';
import { FALLBACK_TEAM_NAME, type HandoffPlanInput, planHandoff } from './plan-handoff.js';
import type { QueueItem } from './queue-order.js';
import type { Team } from './team.js';

const MIN = 60_000;
// Tuesday 6 January 2026, 15:00 UTC: 10:00 in New York, open.
const TUESDAY = Date.UTC(2026, 0, 6, 15);
// Saturday 10 January 2026, 15:00 UTC: closed in New York until Monday 09:00 EST (14:00 UTC).
const SATURDAY = Date.UTC(2026, 0, 10, 15);
const MONDAY_OPENING = Date.UTC(2026, 0, 12, 14);

const nineToFive = [{ start: '09:00', end: '17:00' }];
const nyHours: BusinessHours = { timeZone: 'America/New_York', weekly: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive }, holidays: [] };
const billing: Team = { id: 'billing', name: 'Billing', skills: [], sla: { critical: 5, high: 15, medium: 30, low: 120 } };

const agent = (id: string, over: Partial<AgentState> = {}): AgentState => ({ id, name: id, teamIds: ['billing'], skills: [], capacity: 2, load: 0, presence: 'online', ...over });
const waiting = (id: string, priority: Priority, slaDueAt: number): QueueItem => ({ id, priority, slaDueAt, createdAt: TUESDAY - 10 * MIN });

const brief: Brief = {
  version: 1,
  caseNumber: 'C-10482',
  createdAt: new Date(TUESDAY).toISOString(),
  priority: 'medium',
  headline: { issue: 'Charged twice', text: 'Ann → Billing: Charged twice' },
  reasons: [],
  sentiment: { label: 'neutral', score: 0, direction: 'steady', trend: [], summary: 'neutral' },
  intent: { topics: [], summary: 'Charged twice', rule: 'refund' },
  entities: [],
  attempts: [],
  account: null,
  technical: { errorCodes: [], versions: [], browsers: [], devices: [] },
  nextSteps: ['Check the payment records'],
  suggestedReply: 'Hi Ann,',
  transcript: [],
  language: 'en',
  contextCompleteness: 1,
  missingContext: [],
};

function input(over: Partial<HandoffPlanInput> = {}): HandoffPlanInput {
  return {
    decision: { priority: 'medium', reasons: [{ code: 'billing', detail: 'billing dispute', messageIndex: 0 }] },
    team: billing,
    brief,
    repeat: null,
    queue: { waiting: [], agents: [agent('alex')], recentHandleMinutes: [] },
    caseNumber: 'C-10482',
    locale: 'en',
    now: TUESDAY,
    settings: { defaultHandleMinutes: 8, callbackOfferMinutes: 20 },
    ...over,
  };
}

describe('planHandoff', () => {
  it('an open team with a free agent: its SLA, first in line, the accept time, no callback', () => {
    const plan = planHandoff(input());
    expect(plan).toMatchObject({ teamId: 'billing', teamName: 'Billing', priority: 'medium', slaDueAt: TUESDAY + 30 * MIN, position: 1, waitMinutes: 2, waitEstimateMinutes: 2, afterHours: false, opensAt: null, offerCallback: false });
    expect(plan.notice).toEqual({ kind: 'handoff', teamName: 'Billing', waitMinutes: 2, caseNumber: 'C-10482', reason: 'billing' });
    expect(plan.brief).toBe(brief);
  });

  it.each<[string, Priority, number]>([
    ['critical', 'critical', 5],
    ['high', 'high', 15],
    ['low', 'low', 120],
  ])('the SLA deadline follows the priority: %s', (_name, priority, minutes) => {
    expect(planHandoff(input({ decision: { priority, reasons: [] } })).slaDueAt).toBe(TUESDAY + minutes * MIN);
  });

  it('no team at all: the default targets, the general queue and the fallback name', () => {
    const plan = planHandoff(input({ team: null, decision: { priority: 'high', reasons: [{ code: 'customer_request', detail: 'asked for a person', messageIndex: 0 }] }, queue: { waiting: [], agents: [agent('sam', { teamIds: ['technical'] })], recentHandleMinutes: [] } }));
    expect(plan).toMatchObject({ teamId: null, teamName: FALLBACK_TEAM_NAME, slaDueAt: TUESDAY + DEFAULT_SLA_MINUTES.high * MIN, waitMinutes: 2 });
    expect(plan.notice).toMatchObject({ kind: 'handoff', teamName: 'support', reason: 'customer_request' });
  });

  // The new handoff is medium and due at TUESDAY + 30 min.
  const due = TUESDAY + 30 * MIN;
  it.each<[string, QueueItem[], number]>([
    ['an empty queue', [], 1],
    ['behind a higher priority, even one due later', [waiting('h', 'high', due + 60 * MIN)], 2],
    ['ahead of a lower priority, even one due sooner', [waiting('l', 'low', due - 20 * MIN)], 1],
    ['behind the same priority due sooner', [waiting('m', 'medium', due - MIN)], 2],
    ['behind the same priority due at the same time: it came first', [waiting('m', 'medium', due)], 2],
    ['ahead of the same priority due later', [waiting('m', 'medium', due + MIN)], 1],
    ['a mixed queue', [waiting('c', 'critical', due), waiting('m1', 'medium', due - MIN), waiting('m2', 'medium', due + MIN), waiting('l', 'low', due)], 3],
  ])('queue position: %s', (_name, queue, position) => {
    expect(planHandoff(input({ queue: { waiting: queue, agents: [agent('alex', { capacity: 0 })], recentHandleMinutes: [] } })).position).toBe(position);
  });

  it('computes one estimate from the position, the team\'s online agents and the handle time', () => {
    const queue = { waiting: [waiting('a', 'high', TUESDAY), waiting('b', 'high', TUESDAY)], agents: [agent('alex', { load: 2 }), agent('priya', { presence: 'away' }), agent('sam', { teamIds: ['technical'] })], recentHandleMinutes: [6, 6, 100] };
    const plan = planHandoff(input({ queue }));
    // Third in line, no spare slot, one billing agent online, a median handle of 6 minutes.
    expect(plan).toMatchObject({ position: 3, waitMinutes: 18, waitEstimateMinutes: 18, offerCallback: false });
    expect(plan.notice).toMatchObject({ kind: 'handoff', waitMinutes: 18 });
  });

  it('is never promised a shorter wait than a customer ahead who has waited long (a stalled queue)', () => {
    // Alex has two free slots but nobody has accepted the first customer for 30 minutes.
    const stalled = { id: 'a', priority: 'medium' as const, slaDueAt: TUESDAY, createdAt: TUESDAY - 30 * MIN };
    const plan = planHandoff(input({ queue: { waiting: [stalled], agents: [agent('alex')], recentHandleMinutes: [] } }));
    expect(plan).toMatchObject({ position: 2, waitMinutes: 15 });
  });

  it('a wait over the threshold: says so and offers a callback', () => {
    const queue = { waiting: [waiting('a', 'high', TUESDAY), waiting('b', 'high', TUESDAY), waiting('c', 'high', TUESDAY)], agents: [agent('alex', { load: 2 })], recentHandleMinutes: [7] };
    const plan = planHandoff(input({ queue }));
    expect(plan).toMatchObject({ position: 4, waitMinutes: 28, waitEstimateMinutes: 28, afterHours: false, offerCallback: true });
    expect(plan.notice).toEqual({ kind: 'long_wait', teamName: 'Billing', waitMinutes: 28, caseNumber: 'C-10482' });
  });

  it('nobody online: the queue ahead at the default handle time, and a callback when that is long', () => {
    const short = planHandoff(input({ queue: { waiting: [], agents: [agent('alex', { presence: 'offline' })], recentHandleMinutes: [] } }));
    expect(short).toMatchObject({ position: 1, waitMinutes: 8, offerCallback: false });
    const long = planHandoff(input({ queue: { waiting: [waiting('a', 'high', TUESDAY), waiting('b', 'high', TUESDAY)], agents: [], recentHandleMinutes: [] } }));
    expect(long).toMatchObject({ position: 3, waitMinutes: 24, offerCallback: true, notice: { kind: 'long_wait' } });
  });

  it('after hours: the SLA counts from the opening, no wait is promised, and a callback is offered', () => {
    const team: Team = { ...billing, hours: nyHours };
    const plan = planHandoff(input({ team, now: SATURDAY, locale: 'fr' }));
    expect(plan).toMatchObject({ afterHours: true, opensAt: MONDAY_OPENING, slaDueAt: MONDAY_OPENING + 30 * MIN, waitEstimateMinutes: null, offerCallback: true });
    expect(plan.notice).toEqual({ kind: 'after_hours', teamName: 'Billing', opensAt: formatLocal(MONDAY_OPENING, 'America/New_York', 'fr'), caseNumber: 'C-10482' });
    expect(plan.waitMinutes).toBe(2);
  });

  it("after hours: the opening is told in the customer's own time zone when it is known", () => {
    const plan = planHandoff(input({ team: { ...billing, hours: nyHours }, now: SATURDAY, customerTimeZone: 'Europe/Madrid' }));
    expect(plan.notice).toMatchObject({ kind: 'after_hours', opensAt: formatLocal(MONDAY_OPENING, 'Europe/Madrid', 'en') });
    expect(plan.notice).toMatchObject({ opensAt: expect.stringContaining('(Europe/Madrid)') });
  });

  it('a team with hours that is open is planned as any open team', () => {
    const plan = planHandoff(input({ team: { ...billing, hours: nyHours } }));
    expect(plan).toMatchObject({ afterHours: false, opensAt: null, slaDueAt: TUESDAY + 30 * MIN, notice: { kind: 'handoff' } });
  });

  it('a repeat escalation is flagged on the brief and its case is the first next step; the given brief is left alone', () => {
    // The caller's record may carry more (the previous handoff's id); the brief keeps what agents read.
    const repeat = { previousCaseNumber: 'C-10400', hoursAgo: 3, channel: 'email', previousHandoffId: 'h-1' };
    const plan = planHandoff(input({ repeat }));
    expect(plan.brief.repeatEscalation).toEqual({ previousCaseNumber: 'C-10400', hoursAgo: 3, channel: 'email' });
    expect(plan.brief.nextSteps).toEqual(['Repeat escalation: this customer escalated 3 h ago on email (case C-10400); read that case first.', 'Check the payment records']);
    expect(brief.nextSteps).toEqual(['Check the payment records']);
    expect(brief.repeatEscalation).toBeUndefined();
  });
});
