import { describe, expect, it } from 'vitest';
import { CHANNEL_PROFILES } from './channel-port.js';
import { windowState } from './messaging-window.js';
import { choiceText, renderMessenger, renderWhatsApp, splitText } from './render-outbound.js';

const TO = { waId: '447700900123', userId: null };
const HUMAN = { id: 'human', label: 'Talk to a person' };
const SELF = { id: 'self_serve', label: 'Help me now' };

describe('rendering within each channel\'s limits', () => {
  it('splits long text at a sentence or a space, never inside an emoji', () => {
    const text = `${'Your parcel left the depot. '.repeat(200)}👍🏽`;
    const pieces = splitText(text, 4096);
    expect(pieces.length).toBe(2);
    expect(pieces.every((p) => p.length <= 4096)).toBe(true);
    expect(pieces[0]!.endsWith('depot.')).toBe(true);
    expect(pieces.join(' ')).toBe(text.trim());
    const emoji = splitText('👍🏽'.repeat(10), 9);
    expect(emoji.join('')).toBe('👍🏽'.repeat(10));
    expect(emoji.every((p) => p.length <= 9 && !/[\uD800-\uDBFF]$/.test(p))).toBe(true);
  });

  it.each([
    ['two short choices', [SELF, HUMAN], 'button'],
    ['four choices', [SELF, HUMAN, { id: 'a', label: 'A' }, { id: 'b', label: 'B' }], 'list'],
    ['a title over 20 characters', [{ id: 'x', label: 'Speak to someone from billing' }], 'list'],
  ])('WhatsApp: %s go as %s', (_name, choices, type) => {
    const [r] = renderWhatsApp({ text: 'How would you like to continue?', authorKind: 'ai', quickReplies: choices }, TO, CHANNEL_PROFILES.whatsapp);
    const interactive = r!.request.interactive as { type: string; action: { buttons?: { reply: { id: string; title: string } }[]; sections?: { rows: { title: string }[] }[] } };
    expect(interactive.type).toBe(type);
    if (type === 'button') expect(interactive.action.buttons!.map((b) => b.reply)).toEqual([{ id: 'self_serve|Help me now', title: 'Help me now' }, { id: 'human|Talk to a person', title: 'Talk to a person' }]);
    else expect(interactive.action.sections![0]!.rows.every((row) => row.title.length <= 24)).toBe(true);
  });

  it("WhatsApp: a list's button and title are in the conversation's language", () => {
    const choices = [{ id: 'self_serve', label: 'Ayúdame ahora' }, { id: 'human', label: 'Hablar con una persona' }];
    const [r] = renderWhatsApp({ text: '¿Cómo quieres seguir?', authorKind: 'ai', quickReplies: choices, language: 'es-MX' }, TO, CHANNEL_PROFILES.whatsapp);
    expect((r!.request.interactive as { action: unknown }).action).toMatchObject({ button: 'Elegir', sections: [{ title: 'Opciones' }] });
    const [en] = renderWhatsApp({ text: 'Pick one', authorKind: 'ai', quickReplies: choices }, TO, CHANNEL_PROFILES.whatsapp);
    expect((en!.request.interactive as { action: unknown }).action).toMatchObject({ button: 'Choose', sections: [{ title: 'Options' }] });
  });

  it('WhatsApp: at most 10 list rows; choices under a long text ride on its last part, within the 1,024 characters of a body', () => {
    const many = Array.from({ length: 14 }, (_, i) => ({ id: `o${i}`, label: `Option ${i}` }));
    const requests = renderWhatsApp({ text: 'word '.repeat(1000), authorKind: 'ai', quickReplies: many }, TO, CHANNEL_PROFILES.whatsapp);
    const last = requests.at(-1)!.request.interactive as { body: { text: string }; action: { sections: { rows: unknown[] }[] } };
    expect(last.action.sections[0]!.rows).toHaveLength(10);
    expect(last.body.text.length).toBeLessThanOrEqual(1024);
    expect(requests.slice(0, -1).every((r) => r.kind === 'text')).toBe(true);
  });

  it('WhatsApp: a customer known by the business-scoped id alone is addressed by it', () => {
    const [r] = renderWhatsApp({ text: 'Hello', authorKind: 'agent' }, { waId: null, userId: 'US.134912' }, CHANNEL_PROFILES.whatsapp);
    expect(r!.request).toMatchObject({ recipient: 'US.134912', type: 'text', text: { body: 'Hello' } });
    expect(r!.request.to).toBeUndefined();
  });

  it('Messenger and Instagram: quick replies at most 13 with titles of 20; HUMAN_AGENT as a message tag; Instagram text in pieces of 1,000', () => {
    const many = Array.from({ length: 15 }, (_, i) => ({ id: `o${i}`, label: `A rather long option number ${i}` }));
    const [r] = renderMessenger({ text: 'Pick one', authorKind: 'ai', quickReplies: many }, '7000', CHANNEL_PROFILES.messenger, 'free');
    const qr = (r!.request.message as { quick_replies: { title: string; payload: string }[] }).quick_replies;
    expect(qr).toHaveLength(13);
    expect(qr.every((q) => q.title.length <= 20)).toBe(true);
    expect(choiceText(qr[0]!.payload, qr[0]!.title)).toBe('A rather long option number 0');
    expect(r!.request).toMatchObject({ messaging_type: 'RESPONSE' });
    const tagged = renderMessenger({ text: 'x'.repeat(2500), authorKind: 'agent' }, '6000', CHANNEL_PROFILES.instagram, 'human_agent');
    expect(tagged).toHaveLength(3);
    expect(tagged.every((t) => t.request.messaging_type === 'MESSAGE_TAG' && t.request.tag === 'HUMAN_AGENT')).toBe(true);
  });
});

describe('the 24-hour window', () => {
  const wrote = new Date('2026-03-01T10:00:00Z');
  const at = (hours: number) => new Date(wrote.getTime() + hours * 3_600_000);
  it.each([
    ['whatsapp', 23, 'ai', 'free'],
    ['whatsapp', 25, 'agent', 'template'],
    ['whatsapp', 25, 'ai', 'skipped'],
    ['whatsapp', 25, 'system', 'skipped'],
    ['messenger', 23.9, 'ai', 'free'],
    ['messenger', 25, 'agent', 'human_agent'],
    ['messenger', 25, 'ai', 'skipped'],
    ['instagram', 24 * 6.9, 'agent', 'human_agent'],
    ['instagram', 24 * 7 + 1, 'agent', 'held'],
    ['web', 1000, 'ai', 'free'],
    ['email', 1000, 'agent', 'free'],
  ] as const)('%s, %s hours after the customer wrote, a message by %s goes %s', (channel, hours, author, mode) => {
    expect(windowState(CHANNEL_PROFILES[channel], wrote, at(hours), author).mode).toBe(mode);
  });
});
