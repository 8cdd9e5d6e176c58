import { describe, expect, it } from 'vitest';
import { detectHumanRequest } from './human-request.js';

describe('detectHumanRequest fires', () => {
  it.each([
    ['let me talk to someone', 'explicit'],
    ['real person', 'explicit'],
    ['is there an actual human', 'explicit'],
    ['agent!!', 'explicit'],
    ['stop, I want a representative', 'explicit'],
    ['put me through to a real person', 'explicit'],
    ['can I speak with someone else', 'explicit'],
    ['transfer me to room service', 'explicit'],
    ['spa team please', 'explicit'],
    ['how long until I can talk to an agent?', 'explicit'],
    ['I haveto talk to an operator', 'explicit'],
    ['chat with an assistant', 'explicit'],
    ['contact somebody', 'explicit'],
    ['I need to spek to a represenative', 'explicit'],
    ['tlak to a humen pls', 'explicit'],
    ['I do not know how I can speak with an opperator', 'explicit'],
    ['no I dont want a transfer, let me speak with someone', 'explicit'],
    ['get me your manager', 'explicit'],
    ['transfer me to customer service', 'explicit'],
    ["I don't feel comfortable sharing my personal details with a machine", 'implicit'],
    ['this conversation is not working at all', 'implicit'],
    ['this is going nowhere, get me someone', 'explicit'],
    ['you are wasting my time', 'implicit'],
  ] as const)('"%s" (%s)', (text, kind) => {
    const r = detectHumanRequest(text);
    expect(r).not.toBeNull();
    expect(r?.kind).toBe(kind);
    expect(r?.phrase.length).toBeGreaterThan(0);
  });
});

describe('detectHumanRequest does not fire', () => {
  it.each([
    ["I don't need a person, just the link"],
    ['my agent number is 12'],
    // A question about the process, not a request: decided not to fire.
    ['do I need to talk to someone to close my account or can I do it in the app'],
    ['my travel agent booked it'],
    ['can another person use my card?'],
    ['add a person to my account'],
    ['someone stole my card'],
    ['the person at the store said it was fine'],
    // Asking for contact details, which the KB answers: decided not to fire.
    ['how do I contact customer service about a return'],
    ['real estate'],
    ["you're a real help"],
    ["I don't want to speak to anyone"],
    ['no need for an agent'],
    ['are you a real person?'],
    ['can I get a card in person?'],
    ['book an uber for two people'],
    ['where is my order'],
  ])('"%s"', (text) => expect(detectHumanRequest(text)).toBeNull());
});

describe('robustness', () => {
  it.each([[''], ['   \n\t'], ['🙂🤖'], ['\ud800'], ['x '.repeat(50_000)], ['agent '.repeat(20_000)]])('never throws (%#)', (text) => {
    expect(() => detectHumanRequest(text)).not.toThrow();
  });
  it('is deterministic and quotes the span', () => {
    const t = 'Please put me through to a REAL person!';
    expect(detectHumanRequest(t)).toEqual(detectHumanRequest(t));
    expect(detectHumanRequest(t)?.phrase).toBe('put me through to a real person');
  });
});
