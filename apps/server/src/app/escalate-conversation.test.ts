import type { BusinessHours } from '@baton/core';
import { DEFAULT_SLA_MINUTES, FALLBACK_TEAM_NAME } from '@baton/core';
import { describe, expect, it } from 'vitest';
import { listMessages } from '../adapters/db/repositories/conversations.repository.js';
import { listEventsAfter } from '../adapters/db/repositories/events.repository.js';
import { getHandoff } from '../adapters/db/repositories/handoffs.repository.js';
import { TEST_DATABASES } from '../test/databases.js';
import { escalateWith } from '../test/escalate.js';
import { makeAgent, makeConversation, makeCustomer, makeHandoff, makeTeam } from '../test/factories.js';
import { useMediumContext } from '../test/medium-context.js';

const MIN = 60_000;
// Tuesday 10 March 2026, 10:00 UTC; Saturday 14 March 2026, 12:00 UTC.
const TUESDAY = '2026-03-10T10:00:00Z';
const SATURDAY = '2026-03-14T12:00:00Z';
const weekdays = [{ start: '09:00', end: '17:00' }];
const londonHours: BusinessHours = { timeZone: 'Europe/London', weekly: { mon: weekdays, tue: weekdays, wed: weekdays, thu: weekdays, fri: weekdays }, holidays: [] };

/** Escalation on a real database: the routed team's SLA, one wait, the customer's notice, the events and the timers. */
describe.each(TEST_DATABASES)('escalateConversation on %s', (kind) => {
  // Routing looks at every team, so each test gets a workspace of its own.
  const m = useMediumContext(kind, { now: TUESDAY, fresh: true });

  it('in a workspace whose teams have other names: the default team, its SLA, one wait, and the timers on the app clock', async () => {
    const { ctx } = m;
    const frontline = await makeTeam(ctx, { name: 'Frontline', isDefault: true, sla: { critical: 5, high: 10, medium: 45, low: 90 } });
    await makeTeam(ctx, { name: 'Billing', skills: [{ kind: 'category', value: 'billing', proficiency: 5 }] });
    await makeAgent(ctx, { name: 'Robin Park', teams: [frontline] });
    const customer = await makeCustomer(ctx, { name: 'Sarah Lee' });
    const conv = await makeConversation(ctx, { customer });

    const { decision, result } = await escalateWith(ctx, conv.id, 'I want to talk to a human please');
    expect(decision.priority).toBe('medium');
    const handoff = (await getHandoff(ctx.db, result!.handoff.id))!;
    expect(handoff).toMatchObject({ status: 'waiting', teamId: frontline.id, priority: 'medium', waitEstimateMinutes: 2 });
    expect(handoff.slaDueAt.getTime()).toBe(Date.parse(TUESDAY) + 45 * MIN);
    expect(result!.notice.text).toContain('Frontline');
    expect(result!.notice.text).toContain(conv.caseNumber);
    expect(result!.notice.text).toContain('2 minutes');
    expect(result!.offer).toBeNull();

    const events = await listEventsAfter(ctx.db, 0, { conversationId: conv.id });
    const requested = events.find((e) => e.type === 'handoff.requested')!;
    expect(requested.payload).toMatchObject({ position: 1, handoff: { team: 'Frontline' } });
    expect(events.find((e) => e.type === 'queue.position_updated')?.payload).toEqual({ position: 1, waitMinutes: 2 });
    // Other nodes are told once, after the commit, up to the last event.
    expect(m.bus.last).toBe(events.at(-1)!.seq);

    // The SLA alert is due 45 minutes after the app's now, whatever the machine's date is.
    const [breach] = await m.jobs('sla-breach');
    expect(breach).toMatchObject({ data: { handoffId: handoff.id }, key: `sla-breach:${handoff.id}`, delaySeconds: 45 * 60 });
    expect(await m.jobs('queue-update')).toHaveLength(1);
    // Robin was offered it, with an accept timeout.
    expect(handoff.offeredAgentId).not.toBeNull();
    expect((await m.jobs('accept-timeout'))[0]?.delaySeconds).toBe(ctx.config.acceptTimeoutSeconds);
  });

  it('places the handoff behind those already waiting and quotes one estimate from the queue', async () => {
    const { ctx } = m;
    const team = await makeTeam(ctx, { name: 'Care', isDefault: true });
    // One online agent with no spare capacity, and two handoffs of a higher priority ahead.
    await makeAgent(ctx, { teams: [team], capacity: 0 });
    await makeHandoff(ctx, { team, priority: 'high' });
    await makeHandoff(ctx, { team, priority: 'high' });
    const conv = await makeConversation(ctx);

    const { result } = await escalateWith(ctx, conv.id, 'Let me speak to a real person');
    // Third in line, one agent, the default handle time (BATON_DEFAULT_HANDLE_MINUTES) for each ahead and this one.
    const wait = 3 * ctx.config.defaultHandleMinutes;
    expect(result!.handoff.waitEstimateMinutes).toBe(wait);
    const events = await listEventsAfter(ctx.db, 0, { conversationId: conv.id });
    expect(events.find((e) => e.type === 'queue.position_updated')?.payload).toEqual({ position: 3, waitMinutes: wait });
    expect(Boolean(result!.offer)).toBe(wait > ctx.config.callbackOfferMinutes);
  });

  it('after hours: the SLA counts from the opening, no wait is promised, and a callback is offered', async () => {
    const { ctx } = m;
    m.clock.set(SATURDAY);
    const team = await makeTeam(ctx, { name: 'Weekday Desk', isDefault: true, hours: londonHours });
    await makeAgent(ctx, { teams: [team] });
    const conv = await makeConversation(ctx);

    const { decision, result } = await escalateWith(ctx, conv.id, 'I want to talk to a human');
    const handoff = (await getHandoff(ctx.db, result!.handoff.id))!;
    // Monday 16 March 09:00 in London is 09:00 UTC (no summer time yet).
    expect(handoff.slaDueAt.getTime()).toBe(Date.parse('2026-03-16T09:00:00Z') + DEFAULT_SLA_MINUTES[decision.priority] * MIN);
    expect(handoff.waitEstimateMinutes).toBeNull();
    expect(result!.notice.text).toContain('Weekday Desk');
    expect(result!.offer?.action).toBe('offer_callback');
    const types = (await listEventsAfter(ctx.db, 0, { conversationId: conv.id })).map((e) => e.type);
    expect(types).toContain('handoff.requested');
    expect(types).not.toContain('queue.position_updated');
  });

  it('with no team at all: the general queue, the default SLA, and "our support team"', async () => {
    const { ctx } = m;
    const conv = await makeConversation(ctx);
    const { decision, result } = await escalateWith(ctx, conv.id, 'I want to talk to a human');
    expect(result!.handoff.teamId).toBeNull();
    expect(result!.handoff.slaDueAt.getTime()).toBe(Date.parse(TUESDAY) + DEFAULT_SLA_MINUTES[decision.priority] * MIN);
    expect(result!.notice.text).toContain(`our ${FALLBACK_TEAM_NAME} team`);
  });

  it('a conversation already handed over is not escalated again', async () => {
    const { ctx } = m;
    await makeTeam(ctx, { name: 'Care', isDefault: true });
    const conv = await makeConversation(ctx);
    expect((await escalateWith(ctx, conv.id, 'I want to talk to a human')).result).not.toBeNull();
    const seq = m.bus.last;
    expect((await escalateWith(ctx, conv.id, 'A HUMAN, NOW')).result).toBeNull();
    expect((await listMessages(ctx.db, conv.id)).filter((x) => x.action === 'escalate')).toHaveLength(1);
    expect(m.bus.last).toBe(seq);
  });
});
