import { describe, expect, it } from 'vitest';
import { COMPLAINT_CLASSES, COMPLAINT_PATTERNS, COMPOUNDS, MARKERS, type ComplaintFamily } from './complaint-patterns.js';
import { compilePatterns } from './phrase-patterns.js';
import { scoreMessage } from './sentiment.js';

const negative = (text: string): boolean => ['frustrated', 'upset'].includes(scoreMessage(text).label);

/**
 * For each family: complaints that must read as frustrated and carry the family's cue, and
 * calm messages that use the same words and must not.
 */
const FAMILIES: Record<ComplaintFamily, { complaints: string[]; calm: string[] }> = {
  waiting: {
    complaints: [
      "I've been waiting 3 weeks for a reply",
      'still no refund',
      "my parcel still hasn't arrived",
      "it's been 10 days",
      'Five days and still nothing from you',
      'Waiting since Monday for the engineer',
      'Why do I have to keep chasing this?',
      'going on two months now',
    ],
    calm: [
      'Is the sale still on?',
      'Do you still sell the blue one?',
      'I have been a customer for 8 years, can I upgrade?',
      'How many days does delivery take?',
      'It took 3 days to arrive, thanks',
      "I'm waiting for a delivery today, can I change the slot?",
    ],
  },
  on_hold: {
    complaints: [
      'on hold for 45 minutes',
      'nobody picks up the phone',
      'two hours on the phone and nothing',
      'They hung up on me',
      'I keep trying to call and it just rings out',
      "Can't get through to anyone",
    ],
    calm: [
      'Can I put my account on hold while abroad?',
      'Please hold the parcel at the depot',
      'What number do I call for billing?',
      'Could you call me back this afternoon?',
    ],
  },
  asked_again: {
    complaints: [
      "third time I'm asking",
      'I already told you my account number',
      'asked twice already',
      'for the last time, I did not order this',
      "I've explained this to four different agents",
      'Again, where is my refund?',
      'I keep being passed around',
      'I have sent the same form three times',
    ],
    calm: [
      'Could you remind me again what the fee is?',
      'I already paid, where is my receipt?',
      'Is this my second order with you?',
      'Can I book the same seat again?',
      'I tried again and it works now',
    ],
  },
  sarcasm: {
    complaints: [
      'thanks for nothing',
      'great service... not',
      'wow, thanks a lot',
      'love being ignored',
      'Just great.',
      'oh fantastic, another delay',
      'so much for next-day delivery',
      'Cheers for losing my bag',
      'Nothing says customer care like a two hour queue',
      'Another day, another excuse',
    ],
    calm: [
      'thanks, that worked!',
      'Thank you so much for your help!',
      'Just great, thank you',
      'Oh perfect, thanks!',
      'Great service today, thank you',
      'Wow, thanks a lot for the quick help!',
      'I love how easy the new app is',
    ],
  },
  giving_up: {
    complaints: [
      "I'm done with you",
      'never ordering again',
      'cancel everything',
      'switching to Vodafone',
      'Moving my money to another bank',
      'Last time I fly with you',
      "I've had it.",
      'Cancelling my contract today',
    ],
    calm: [
      "I'm switching to the Gold plan",
      "I'm switching to a new phone, how do I move my eSIM?",
      'How do I cancel my subscription?',
      "I've had it for two years, is it still under warranty?",
      'Last time I ordered, delivery was free',
      "I'm moving to London, can I keep my plan?",
    ],
  },
  broken_promise: {
    complaints: [
      'you promised a refund',
      'it was supposed to arrive yesterday',
      'You said it was fixed. It is not.',
      'Nobody came.',
      'The engineer did not show up',
      'Paid for express and got nothing',
      'Two missed deliveries this week',
    ],
    calm: [
      'Is the parcel supposed to need a signature?',
      'You said I could exchange it, how do I do that?',
      'I paid for express delivery, when will it ship?',
    ],
  },
  ignored: {
    complaints: [
      'no one replied',
      'no response to my emails',
      'you ignored my complaint',
      'Sent three emails, zero replies',
      "I haven't heard back from anyone",
      'Does anyone there actually read these?',
      'You closed my ticket without an answer',
      'Your inbox is a black hole',
    ],
    calm: [
      'Please ignore my last message',
      'Should I ignore the email about my password?',
      "I haven't heard of that plan, what is it?",
      'No reply needed, thanks',
    ],
  },
  disappointment: {
    complaints: [
      'absolutely unacceptable',
      'worst experience',
      'Very poor service',
      'I expected better from you',
      'This has been handled so badly',
      'Really let down by you',
      'Not worth the hassle',
      'Your app never works',
    ],
    calm: [
      'Why does the app not open on my phone?',
      'I expected the parcel today, is it on the way?',
    ],
  },
};

describe('complaint patterns, family by family', () => {
  for (const [family, { complaints, calm }] of Object.entries(FAMILIES) as [ComplaintFamily, { complaints: string[]; calm: string[] }][]) {
    it.each(complaints)(`${family}: "%s" is frustration with the ${family} cue`, (text) => {
      const r = scoreMessage(text);
      expect(r.cues).toContain(family);
      expect(['frustrated', 'upset']).toContain(r.label);
      expect(r.evidence?.some((e) => e.startsWith(`${family}/`))).toBe(true);
    });
    it.each(calm)(`${family}: "%s" is calm`, (text) => {
      const r = scoreMessage(text);
      expect(r.cues).not.toContain(family);
      expect(negative(text)).toBe(false);
    });
  }
});

describe('complaint patterns are never upset on their own', () => {
  it.each(Object.values(FAMILIES).flatMap((f) => f.complaints))('"%s" is frustrated, not upset', (text) => {
    // Upset escalates at once; a complaint without anger words, insults or threats waits for a
    // second frustrated turn.
    expect(scoreMessage(text).label).not.toBe('upset');
  });
});

describe('the complaint tables', () => {
  it('compile, with every class they use defined', () => {
    expect(() => compilePatterns(COMPLAINT_PATTERNS, (p) => p.pattern, COMPLAINT_CLASSES)).not.toThrow();
    expect(() => compilePatterns(MARKERS, (m) => m.pattern, COMPLAINT_CLASSES)).not.toThrow();
  });

  it('give every pattern a name, a family and a negative weight', () => {
    for (const p of COMPLAINT_PATTERNS) {
      expect(p.name).toMatch(/^[a-z_]+$/);
      expect(Object.keys(FAMILIES)).toContain(p.family);
      expect(p.weight).toBeLessThan(0);
      expect(p.weight).toBeGreaterThanOrEqual(-3.5);
    }
  });

  it('cover every family, and compounds name markers that exist', () => {
    const families = new Set(COMPLAINT_PATTERNS.map((p) => p.family));
    expect([...families].sort()).toEqual(Object.keys(FAMILIES).sort());
    const markers = new Set(MARKERS.map((m) => m.name));
    for (const c of COMPOUNDS) {
      expect(markers.has(c.first)).toBe(true);
      expect(markers.has(c.then)).toBe(true);
    }
  });
});
