import { describe, expect, it } from 'vitest';
import { accountContext } from './account-context.js';
import { MAX_ORDERS } from './brief.js';
import type { CustomerProfile } from './context.js';
import { DAY_MS } from './dates.js';

const NOW = Date.UTC(2025, 10, 15);
const daysAgo = (n: number) => new Date(NOW - n * DAY_MS).toISOString();

describe('accountContext', () => {
  it.each([
    [10, true],
    [90, true],
    [91, false],
    [-1, false],
  ])('a ticket %i days old is shown: %s', (days, shown) => {
    const out = accountContext({ id: 'c', tickets: [{ caseNumber: 'C-1', createdAt: daysAgo(days) }] }, NOW, 'C-NOW');
    expect(out.recentTickets.length).toBe(shown ? 1 : 0);
  });

  it('leaves out the current case and unparseable dates, newest first, with a custom window', () => {
    const profile: CustomerProfile = {
      id: 'c',
      tickets: [
        { caseNumber: 'C-1', createdAt: daysAgo(20), category: 'delivery' },
        { caseNumber: 'C-NOW', createdAt: daysAgo(0) },
        { caseNumber: 'C-2', createdAt: 'last week' },
        { caseNumber: 'C-3', createdAt: daysAgo(5) },
        { caseNumber: 'C-4', createdAt: daysAgo(40) },
      ],
    };
    expect(accountContext(profile, NOW, 'C-NOW', 30).recentTickets.map((t) => t.caseNumber)).toEqual(['C-3', 'C-1']);
  });

  it(`lists the ${MAX_ORDERS} latest orders and counts them all`, () => {
    const orders = Array.from({ length: 7 }, (_, i) => ({ id: `O${i}`, status: 'delivered', placedAt: daysAgo(i * 10) }));
    orders.push({ id: 'undated', status: 'x', placedAt: 'soon' });
    const out = accountContext({ id: 'c', orders }, NOW, 'C');
    expect(out.orders.map((o) => o.id)).toEqual(['O0', 'O1', 'O2', 'O3', 'O4']);
    expect(out.orderCount).toBe(8);
  });

  it.each([
    ['2023-02-11', 33],
    ['2025-11-15', 0],
    ['2025-10-16', 0],
    ['2025-10-15', 1],
    ['2030-01-01', undefined],
    ['not a date', undefined],
  ])('tenure since %s is %s months', (since, months) => {
    expect(accountContext({ id: 'c', since }, NOW, 'C').tenureMonths).toBe(months);
  });

  it('carries tier, status and subscriptions', () => {
    const out = accountContext({ id: 'c', tier: 'vip', status: 'active', subscriptions: [{ plan: 'Pro', status: 'active' }] }, NOW, 'C');
    expect(out).toMatchObject({ customerId: 'c', tier: 'vip', status: 'active', subscriptions: [{ plan: 'Pro', status: 'active' }], ticketWindowDays: 90 });
  });
});
