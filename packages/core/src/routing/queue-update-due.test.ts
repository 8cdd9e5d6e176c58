import { describe, expect, it } from 'vitest';
import { type LastQueueNotice, queueUpdateDue } from './queue-update-due.js';

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
