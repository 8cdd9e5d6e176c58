import { describe, expect, it } from 'vitest';
import { aiMayAnswer } from './ai-may-answer.js';
import { CONVERSATION_STATUSES, TRANSITION_CAUSES, type ConversationStatus, type TransitionCause } from './conversation-status.js';
import { IllegalTransitionError } from './illegal-transition-error.js';
import { allowedCauses, canTransition, transition } from './transition.js';
import { TRANSITIONS } from './transitions.js';

// Written out independently of TRANSITIONS, from DESIGN §1, so a wrong row in the table fails.
const LEGAL: [ConversationStatus, TransitionCause, ConversationStatus][] = [
  ['ai', 'escalated', 'waiting'],
  ['ai', 'ai_resolved', 'resolved'],
  ['waiting', 'accepted', 'assigned'],
  ['waiting', 'auto_assigned', 'assigned'],
  ['waiting', 'callback_scheduled', 'callback'],
  ['waiting', 'email_followup', 'callback'],
  ['waiting', 'abandoned', 'resolved'],
  ['waiting', 'closed', 'resolved'],
  ['callback', 'callback_due', 'waiting'],
  ['callback', 'callback_taken', 'assigned'],
  ['waiting', 'callback_retry', 'callback'],
  ['assigned', 'transferred', 'waiting'],
  ['assigned', 'agent_offline', 'waiting'],
  ['assigned', 'accept_timeout', 'waiting'],
  ['assigned', 'callback_retry', 'callback'],
  ['assigned', 'resolved', 'resolved'],
  ['assigned', 'handed_back', 'ai'],
  ['resolved', 'reopened', 'ai'],
  ['resolved', 'reopened_to_queue', 'waiting'],
];

describe('transition: legal', () => {
  it.each(LEGAL)('%s --%s--> %s', (from, cause, to) => {
    expect(transition(from, cause)).toBe(to);
    expect(canTransition(from, cause)).toBe(true);
  });

  it('the table holds exactly these edges', () => {
    expect(TRANSITIONS.map((t) => [t.from, t.cause, t.to])).toEqual(LEGAL);
  });

  it('a cause names at most one edge from each state', () => {
    const keys = TRANSITIONS.map((t) => `${t.from}:${t.cause}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('every state can be left and every cause is used', () => {
    for (const s of CONVERSATION_STATUSES) expect(allowedCauses(s).length).toBeGreaterThan(0);
    expect(new Set(TRANSITIONS.map((t) => t.cause))).toEqual(new Set(TRANSITION_CAUSES));
  });
});

describe('transition: illegal', () => {
  it.each([
    ['ai', 'accepted', 'an agent cannot accept what was never escalated'],
    ['ai', 'resolved', 'the AI resolving uses ai_resolved'],
    ['ai', 'callback_due', 'no callback was booked'],
    ['waiting', 'escalated', 'already escalated'],
    ['waiting', 'handed_back', 'no agent to hand back'],
    ['waiting', 'resolved', 'no agent resolved it: abandoned or closed'],
    ['waiting', 'ai_resolved', 'the AI does not answer while waiting'],
    ['assigned', 'accepted', 'a second accept is a race'],
    ['assigned', 'escalated', 'already with a human'],
    ['assigned', 'callback_scheduled', 'an agent already has it'],
    ['assigned', 'abandoned', 'abandonment is while waiting'],
    ['resolved', 'resolved', 'already resolved'],
    ['resolved', 'accepted', 'reopen first'],
    ['resolved', 'transferred', 'nothing to transfer'],
    ['callback', 'accepted', 'the callback goes back to the queue first'],
    ['callback', 'callback_scheduled', 'already booked'],
    ['callback', 'resolved', 'no agent has it'],
    ['callback', 'escalated', 'already escalated'],
  ] as [ConversationStatus, TransitionCause, string][])('%s --%s--> ✗ (%s)', (from, cause) => {
    expect(canTransition(from, cause)).toBe(false);
    expect(() => transition(from, cause)).toThrow(IllegalTransitionError);
  });

  it('every (state, cause) pair outside the table is illegal', () => {
    let illegal = 0;
    for (const from of CONVERSATION_STATUSES) {
      for (const cause of TRANSITION_CAUSES) {
        const legal = LEGAL.some(([f, c]) => f === from && c === cause);
        expect(canTransition(from, cause)).toBe(legal);
        if (!legal) illegal++;
      }
    }
    expect(illegal).toBe(CONVERSATION_STATUSES.length * TRANSITION_CAUSES.length - LEGAL.length);
  });

  it('the error carries a stable code, the state, the cause and what was allowed', () => {
    try {
      transition('assigned', 'accepted');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(IllegalTransitionError);
      const e = err as IllegalTransitionError;
      expect(e.code).toBe('CONVERSATION_ERR_ILLEGAL_TRANSITION');
      expect(e.from).toBe('assigned');
      expect(e.cause).toBe('accepted');
      expect(e.allowed).toEqual(['transferred', 'agent_offline', 'accept_timeout', 'callback_retry', 'resolved', 'handed_back']);
      expect(e.message).toContain('"accepted"');
    }
  });
});

describe('aiMayAnswer', () => {
  it.each([
    ['ai', true],
    ['waiting', false],
    ['assigned', false],
    ['callback', false],
    ['resolved', false],
  ] as [ConversationStatus, boolean][])('%s → %s', (status, expected) => {
    expect(aiMayAnswer(status)).toBe(expected);
  });
});
