import type { BusinessHours } from '@baton/core';
import { describe, expect, it } from 'vitest';
import { callbacksFor } from '../adapters/db/repositories/callbacks.repository.js';
import { getConversation, listMessages } from '../adapters/db/repositories/conversations.repository.js';
import { getHandoff } from '../adapters/db/repositories/handoffs.repository.js';
import { TEST_DATABASES } from '../test/databases.js';
import { makeConversation, makeCustomer, makeHandoff, makeTeam } from '../test/factories.js';
import { useMediumContext } from '../test/medium-context.js';
import { authenticateCustomers } from './agent-auth.js';
import { bookCallback, callbackOptions } from './book-callback.js';

// Saturday 14 March 2026, 12:00 UTC: the desk below is closed until Monday 09:00 in New York (13:00 UTC, summer time).
const SATURDAY = '2026-03-14T12:00:00Z';
const MONDAY_OPENING = Date.parse('2026-03-16T13:00:00Z');
const weekdays = [{ start: '09:00', end: '17:00' }];
const nyHours: BusinessHours = { timeZone: 'America/New_York', weekly: { mon: weekdays, tue: weekdays, wed: weekdays, thu: weekdays, fri: weekdays }, holidays: [] };

describe.each(TEST_DATABASES)('bookCallback on %s', (kind) => {
  const m = useMediumContext(kind, { now: SATURDAY });

  it('offers slots within the team\'s hours, books one, parks the handoff, and schedules its return on the app clock', async () => {
    const { ctx } = m;
    const team = await makeTeam(ctx, { name: 'Weekday Desk', hours: nyHours });
    const { handoff, conversation } = await makeHandoff(ctx, { team });

    const options = await callbackOptions(ctx, conversation.id, 'Europe/Paris');
    expect(options.timeZone).toBe('Europe/Paris');
    expect(Date.parse(options.slots[0]!.at)).toBe(MONDAY_OPENING);
    const slot = options.slots[1]!;

    const { callback, confirmation } = await bookCallback(ctx, conversation.id, { kind: 'callback', at: slot.at, phone: '+1 212 555 0100', timeZone: 'Europe/Paris' });
    expect(callback).toMatchObject({ handoffId: handoff.id, kind: 'callback', contact: '+1 212 555 0100', timeZone: 'Europe/Paris', status: 'scheduled' });
    expect(callback.scheduledFor!.getTime()).toBe(Date.parse(slot.at));
    expect(confirmation).toContain(slot.label);
    expect(confirmation).toContain(conversation.caseNumber);
    expect((await getHandoff(ctx.db, handoff.id))!.status).toBe('callback');
    expect((await getConversation(ctx.db, conversation.id))!.status).toBe('callback');
    expect((await listMessages(ctx.db, conversation.id)).at(-1)).toMatchObject({ action: 'callback_confirmed', text: confirmation });
    const due = (await m.jobs('callback-due')).find((j) => j.data.callbackId === callback.id)!;
    expect(due).toMatchObject({ data: { callbackId: callback.id, phase: 'due' }, delaySeconds: (Date.parse(slot.at) - Date.parse(SATURDAY)) / 1000 });
  });

  it('an email reply goes to the customer\'s address and enters the queue at the opening', async () => {
    const { ctx } = m;
    const team = await makeTeam(ctx, { hours: nyHours });
    const customer = await makeCustomer(ctx, { email: 'ana@example.test' });
    const conv = await makeConversation(ctx, { customer });
    await makeHandoff(ctx, { team, conversation: conv });
    const { callback } = await bookCallback(ctx, conv.id, { kind: 'email' });
    expect(callback).toMatchObject({ kind: 'email', contact: 'ana@example.test' });
    expect(callback.scheduledFor!.getTime()).toBe(MONDAY_OPENING);
  });

  it('a time that was not offered, or an email reply with no address: a clear error on the field, and nothing is booked', async () => {
    const { ctx } = m;
    const team = await makeTeam(ctx, { hours: nyHours });
    const { handoff, conversation } = await makeHandoff(ctx, { team });
    await expect(bookCallback(ctx, conversation.id, { kind: 'callback', at: '2026-03-15T03:00:00Z', phone: '+1 212 555 0100' })).rejects.toMatchObject({ code: 'VALIDATION_ERR_BODY', field: 'at' });
    await expect(bookCallback(ctx, conversation.id, { kind: 'email' })).rejects.toMatchObject({ code: 'VALIDATION_ERR_BODY', field: 'email' });
    expect(await callbacksFor(ctx.db, conversation.id)).toEqual([]);
    expect((await getHandoff(ctx.db, handoff.id))!.status).toBe('waiting');
  });

  it('a double click books once: the second finds no waiting handoff', async () => {
    const { ctx } = m;
    const team = await makeTeam(ctx, { hours: nyHours });
    const { conversation } = await makeHandoff(ctx, { team });
    const at = (await callbackOptions(ctx, conversation.id)).slots[0]!.at;
    await bookCallback(ctx, conversation.id, { kind: 'callback', at, phone: '+1 212 555 0100' });
    await expect(bookCallback(ctx, conversation.id, { kind: 'callback', at, phone: '+1 212 555 0100' })).rejects.toMatchObject({ code: 'HANDOFF_ERR_NOT_FOUND' });
    expect(await callbacksFor(ctx.db, conversation.id)).toHaveLength(1);
  });

  it('keeps the customer\'s chat open past the idle time until a day after the booked call, and no longer', async () => {
    const { ctx, clock } = m;
    const team = await makeTeam(ctx, { name: 'Saturday Desk', hours: nyHours });
    const { conversation } = await makeHandoff(ctx, { team });
    const other = await makeConversation(ctx, { customer: await makeCustomer(ctx) });
    const opens = async (hash: string) => (await authenticateCustomers(ctx, [hash])).get(hash) ?? null;
    const slot = (await callbackOptions(ctx, conversation.id, 'America/New_York')).slots[0]!;
    await bookCallback(ctx, conversation.id, { kind: 'callback', at: slot.at, phone: '+1 212 555 0100', timeZone: 'America/New_York' });
    const idleMs = ctx.config.customerTokenIdleHours * 3_600_000;

    // Monday morning, 25 hours on: the conversation without a booking has lapsed; the booked one opens.
    clock.set(Date.parse(SATURDAY) + idleMs + 3_600_000);
    expect(await opens(other.tokenHash)).toBeNull();
    expect(await opens(conversation.tokenHash)).toBe(conversation.id);
    // A day after the call, unused since: it lapses like any other.
    clock.set(Date.parse(slot.at) + idleMs + 60_000);
    const fresh = await makeConversation(ctx, { customer: await makeCustomer(ctx) });
    expect(await opens(fresh.tokenHash)).toBe(fresh.id);
    expect(await opens(conversation.tokenHash)).toBeNull();
  });
});
