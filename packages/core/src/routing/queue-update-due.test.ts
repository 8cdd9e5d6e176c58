import { describe, expect, it } from 'vitest';
import { type LastQueueNotice, nextQueueCheckAt, queueUpdateDue, queueUpdateIntervalMs } from './queue-update-due.js';

const SECOND = 1000;
const rules = { minIntervalMs: 120 * SECOND, callbackOfferMinutes: 20 };
const told = (position: number | null, waitMinutes: number | null, at: number | null, callbackOffered = false): LastQueueNotice => ({ position, waitMinutes, at, callbackOffered });

describe('queueUpdateDue', () => {
  it.each<[string, LastQueueNotice, { position: number; waitMinutes: number; at: number }, { send: boolean; offerCallback: boolean }]>([
    ['never told: send', told(null, null, null), { position: 2, waitMinutes: 4, at: 0 }, { send: true, offerCallback: false }],
    ['nothing changed: silence, however long ago', told(2, 4, 0), { position: 2, waitMinutes: 4, at: 3600 * SECOND }, { send: false, offerCallback: false }],
    ['moved up: send', told(2, 4, 0), { position: 1, waitMinutes: 4, at: 120 * SECOND }, { send: true, offerCallback: false }],
    ['the estimate changed: send', told(2, 4, 0), { position: 2, waitMinutes: 6, at: 120 * SECOND }, { send: true, offerCallback: false }],
    ['changed, but told too recently: wait', told(2, 4, 0), { position: 1, waitMinutes: 2, at: 119 * SECOND }, { send: false, offerCallback: false }],
    ['over the callback threshold: offer', told(2, 18, 0), { position: 2, waitMinutes: 21, at: 120 * SECOND }, { send: true, offerCallback: true }],
    ['at the threshold: no offer yet', told(2, 18, 0), { position: 2, waitMinutes: 20, at: 120 * SECOND }, { send: true, offerCallback: false }],
    ['already offered: not again', told(2, 21, 0, true), { position: 2, waitMinutes: 25, at: 120 * SECOND }, { send: true, offerCallback: false }],
    ['the offer does not wait for the interval', told(2, 18, 0), { position: 2, waitMinutes: 21, at: 10 * SECOND }, { send: false, offerCallback: true }],
  ])('%s', (_name, last, now, expected) => {
    expect(queueUpdateDue(last, now, rules)).toEqual(expected);
  });
});

describe('the queue check, per channel', () => {
  const MINUTE = 60 * SECOND;
  it.each([
    ['the widget: every BATON_QUEUE_UPDATE_SECONDS', 120, 0, 2 * MINUTE],
    ['email: every 10 minutes', 120, 10, 10 * MINUTE],
    ['the messaging apps: every 15 minutes', 120, 15, 15 * MINUTE],
    ['a base slower than the channel wins', 1800, 10, 30 * MINUTE],
  ])('%s', (_name, baseSeconds, channelMinutes, interval) => {
    expect(queueUpdateIntervalMs(baseSeconds, channelMinutes)).toBe(interval);
  });

  const email = { intervalMs: 10 * MINUTE, baseMs: 2 * MINUTE };
  it.each<[string, { toldAt: number | null; checkedAt: number | null }, number, { intervalMs: number; baseMs: number }, number]>([
    ['the widget: at every run, however recent the last line', { toldAt: 0, checkedAt: 30 * SECOND }, MINUTE, { intervalMs: 2 * MINUTE, baseMs: 2 * MINUTE }, MINUTE],
    ['email, never looked at: now', { toldAt: null, checkedAt: null }, 5 * MINUTE, email, 5 * MINUTE],
    ['email, told 4 minutes ago: at the 10th minute', { toldAt: 0, checkedAt: null }, 4 * MINUTE, email, 10 * MINUTE],
    ['email, told long ago but looked at 3 minutes ago: 10 minutes after that look', { toldAt: 0, checkedAt: 60 * MINUTE }, 63 * MINUTE, email, 70 * MINUTE],
    ['email, exactly one interval after the last look: now', { toldAt: 0, checkedAt: 10 * MINUTE }, 20 * MINUTE, email, 20 * MINUTE],
    ['email, told long ago: now', { toldAt: 0, checkedAt: null }, 95 * MINUTE, email, 95 * MINUTE],
  ])('%s', (_name, last, now, o, at) => {
    expect(nextQueueCheckAt(last, now, o)).toBe(at);
  });
});
