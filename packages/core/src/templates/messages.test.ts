import { describe, expect, it } from 'vitest';
import { MESSAGE_KEYS } from './message-table.js';
import type { CustomerMessage, Locale } from './messages.js';
import { MESSAGE_TABLES, pickLocale, renderCustomerMessage, SUPPORTED_LOCALES } from './messages.js';
import type { HandoffReasonKind } from './reason-kind.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const ALL_REASONS: HandoffReasonKind[] = [
  'customer_request', 'safety', 'security', 'legal', 'billing', 'high_value', 'account_closure', 'policy_exception',
  'accessibility', 'complaint', 'sensitive', 'sales', 'frustration', 'repeated', 'vip', 'complex',
];

/** One of every message, with every reason kind. */
const ALL: CustomerMessage[] = [
  ...(ALL_REASONS).map(
    (reason): CustomerMessage => ({ kind: 'handoff', teamName: 'Billing', waitMinutes: 4, caseNumber: 'C-10482', reason }),
  ),
  { kind: 'queue_update', position: 3, waitMinutes: 6 },
  { kind: 'queue_update', position: 1, waitMinutes: 0.5 },
  { kind: 'agent_joined', agentName: 'Alex', teamName: 'Billing' },
  { kind: 'agent_transferred', agentName: 'Sam', teamName: 'Billing' },
  { kind: 'transfer_started', teamName: 'Billing' },
  { kind: 'agent_away', agentName: 'Alex', teamName: 'Billing' },
  { kind: 'long_wait', teamName: 'Billing', waitMinutes: 40, caseNumber: 'C-10482' },
  { kind: 'after_hours', teamName: 'Billing', opensAt: 'Mon 09:00', caseNumber: 'C-10482' },
  { kind: 'callback_confirmed', when: 'Tue 10:30', caseNumber: 'C-10482' },
  { kind: 'offer_choice', waitMinutes: 90 },
  { kind: 'clarify' },
  { kind: 'decline' },
  { kind: 'resolved', caseNumber: 'C-10482' },
  { kind: 'csat_prompt' },
  { kind: 'handed_back' },
  { kind: 'verify_by_email', link: 'https://help.example/demo?conversation=c1' },
  { kind: 'verify_ask_address' },
  { kind: 'verify_not_on_app', app: 'WhatsApp' },
  { kind: 'verify_code_sent', email: 'ana@example.com', minutes: 10 },
  { kind: 'identity_verified' },
  { kind: 'callback_offer' },
  { kind: 'email_followup_confirmed', email: 'ana@example.com', when: 'Tue 10:30', caseNumber: 'C-10482' },
  { kind: 'callback_missed', when: 'Tue 10:30', caseNumber: 'C-10482' },
  { kind: 'callback_no_answer', when: 'Tue 11:30', caseNumber: 'C-10482' },
  { kind: 'callback_unreachable', tries: 3, caseNumber: 'C-10482' },
  { kind: 'greeting' },
  { kind: 'decline', topics: ['orders', 'returns'] },
  { kind: 'verification_sms', code: '042917', minutes: 10 },
];

/** Every kind of message, once: a new kind missing from ALL fails to compile here. */
const EVERY_KIND: Record<CustomerMessage['kind'], true> = {
  handoff: true, queue_update: true, agent_joined: true, agent_transferred: true, transfer_started: true, agent_away: true, after_hours: true,
  callback_confirmed: true, offer_choice: true, callback_offer: true, long_wait: true, email_followup_confirmed: true,
  callback_missed: true, callback_no_answer: true, callback_unreachable: true, clarify: true, greeting: true, decline: true,
  resolved: true, csat_prompt: true, handed_back: true, verify_by_email: true, verify_not_on_app: true,
  verify_ask_address: true, verify_code_sent: true, identity_verified: true, verification_sms: true,
};

describe('message tables', () => {
  it('renders every kind of message in the checks below', () => {
    expect([...new Set(ALL.map((m) => m.kind))].sort()).toEqual(Object.keys(EVERY_KIND).sort());
  });

  it('writes French with a no-break space before : ; ? and !, as French typography wants', () => {
    for (const key of MESSAGE_KEYS) expect([key, MESSAGE_TABLES.fr[key]]).not.toEqual([key, expect.stringMatching(/ [:;?!]/)]);
  });

  it.each(SUPPORTED_LOCALES)('%s has every key, and no other', (locale) => {
    expect(Object.keys(MESSAGE_TABLES[locale]).sort()).toEqual([...MESSAGE_KEYS].sort());
  });

  it.each(SUPPORTED_LOCALES.filter((l) => l !== 'en'))('%s uses the same placeholders as English in every string', (locale) => {
    for (const key of MESSAGE_KEYS) expect([key, placeholders(MESSAGE_TABLES[locale][key])]).toEqual([key, placeholders(MESSAGE_TABLES.en[key])]);
  });

  it.each(SUPPORTED_LOCALES.filter((l) => l !== 'en'))('%s is translated: no string is left in English', (locale) => {
    for (const key of MESSAGE_KEYS) {
      if (key.startsWith('unit_') || key === 'duration_join' || key === 'choice_list_title') continue; // "{n} minute(s)" and "Options" are the same words in fr.
      expect([key, MESSAGE_TABLES[locale][key]]).not.toEqual([key, MESSAGE_TABLES.en[key]]);
    }
  });

  it.each(SUPPORTED_LOCALES.flatMap((locale) => ALL.map((msg) => [locale, msg.kind, msg] as const)))('%s %s fills every placeholder', (locale, _kind, msg) => {
    const text = renderCustomerMessage(msg, locale);
    expect(text).not.toMatch(/[{}]/);
    expect(text.length).toBeGreaterThan(10);
    if ('caseNumber' in msg) expect(text).toContain(msg.caseNumber);
  });
});

describe('renderCustomerMessage in English', () => {
  it.each<[CustomerMessage, string]>([
    [{ kind: 'handoff', teamName: 'billing', waitMinutes: 4, caseNumber: 'C-10482', reason: 'sensitive' },
      "This needs a person from our billing team, so I'm passing it to them now. They'll see everything we've discussed, so you won't need to repeat anything. Expected reply: about 4 minutes. Your case number is C-10482."],
    [{ kind: 'handoff', teamName: 'Support Team', waitMinutes: 1, caseNumber: 'C-1', reason: 'customer_request' },
      "You asked to speak with a person, so I'm passing this to our Support team now. They'll see everything we've discussed, so you won't need to repeat anything. Expected reply: about 1 minute. Your case number is C-1."],
    [{ kind: 'queue_update', position: 3, waitMinutes: 6 }, "You're number 3 in the queue. Expected reply: about 6 minutes."],
    [{ kind: 'queue_update', position: 1, waitMinutes: 0.4 }, "You're next in the queue. Expected reply: in less than a minute."],
    [{ kind: 'agent_joined', agentName: 'Alex', teamName: 'Billing' }, 'Alex from Billing has joined the conversation.'],
    [{ kind: 'after_hours', teamName: 'Billing', opensAt: 'Monday 09:00', caseNumber: 'C-9' },
      "Our Billing team is closed right now (opens again: Monday 09:00). They'll see everything we've discussed, so you won't need to repeat anything. Your case number is C-9."],
    [{ kind: 'callback_confirmed', when: 'tomorrow at 10:30', caseNumber: 'C-9' },
      'Your callback is booked for tomorrow at 10:30. Whoever calls will have our whole conversation in front of them. Your case number is C-9.'],
    [{ kind: 'offer_choice', waitMinutes: 12 }, 'I can help you with this right now, or connect you with a person (expected reply: about 12 minutes). Which would you prefer?'],
    [{ kind: 'resolved', caseNumber: 'C-9' }, 'This conversation is now resolved. If you need anything else, just reply here. Your case number is C-9.'],
    [{ kind: 'long_wait', teamName: 'Billing', waitMinutes: 6, caseNumber: 'C-9' },
      "Our Billing team is very busy right now: the wait is about 6 minutes. They'll see everything we've discussed, so you won't need to repeat anything. Your case number is C-9."],
  ])('%o', (msg, text) => {
    expect(renderCustomerMessage(msg, 'en')).toBe(text);
  });

  it.each<[HandoffReasonKind, string]>([
    ['customer_request', 'You asked to speak with a person, so'],
    ['sensitive', 'This needs a person from our billing team'],
    ['frustration', "I'm sorry this has been so frustrating."],
    ['complex', 'This needs a closer look'],
    ['vip', 'As a priority customer'],
    ['sales', 'who can help with plans and pricing'],
    ['billing', 'Payments and charges need a person who can look at your account'],
    ['legal', 'Legal questions need an answer from a person'],
    ['high_value', 'An amount this large needs a person to review it'],
    ['repeated', "My answers don't seem to have helped"],
    ['safety', 'Your safety comes first'],
  ])('the handoff says why for %s', (reason, why) => {
    expect(renderCustomerMessage({ kind: 'handoff', teamName: 'billing', waitMinutes: 4, caseNumber: 'C-1', reason }, 'en')).toContain(why);
  });

  it.each([
    [0, 'in less than a minute'],
    [0.99, 'in less than a minute'],
    [-3, 'in less than a minute'],
    [Number.NaN, 'in less than a minute'],
    [1, 'about 1 minute'],
    [1.4, 'about 1 minute'],
    [4, 'about 4 minutes'],
    [59.4, 'about 59 minutes'],
    [60, 'about 1 hour'],
    [83, 'about 1 hour 25 minutes'],
    [121, 'about 2 hours'],
    [185, 'about 3 hours 5 minutes'],
  ])('a wait of %s minutes reads "%s"', (waitMinutes, wait) => {
    expect(renderCustomerMessage({ kind: 'queue_update', position: 2, waitMinutes }, 'en')).toBe(`You're number 2 in the queue. Expected reply: ${wait}.`);
  });

  it('never says a word twice in a row ("about about"), in any language or message', () => {
    for (const locale of SUPPORTED_LOCALES) {
      for (const msg of ALL) {
        const text = renderCustomerMessage(msg, locale);
        expect([locale, msg.kind, text.match(/\b(\p{L}+) \1\b/iu)?.[0] ?? null]).toEqual([locale, msg.kind, null]);
      }
    }
  });

  it('names the new agent after a transfer', () => {
    expect(renderCustomerMessage({ kind: 'agent_transferred', agentName: 'Sam', teamName: 'Billing Team' }, 'en')).toBe("You're now with Sam from Billing.");
    expect(renderCustomerMessage({ kind: 'agent_away', agentName: 'Alex', teamName: 'Billing Team' }, 'en')).toMatch(/^Alex had to step away, so I've put you back in the queue for the next person from our Billing team\./);
    expect(renderCustomerMessage({ kind: 'long_wait', teamName: 'Billing', waitMinutes: 6, caseNumber: 'C-1' }, 'en')).toContain('the wait is about 6 minutes.');
  });

  it('inserts names as written, without reading placeholders inside them', () => {
    const text = renderCustomerMessage({ kind: 'agent_joined', agentName: '{case} <b>Eve</b>', teamName: '{team}' }, 'en');
    expect(text).toBe('{case} <b>Eve</b> from {team} has joined the conversation.');
  });
});

describe('renderCustomerMessage in other languages', () => {
  it.each<[Locale, CustomerMessage, string]>([
    ['es', { kind: 'queue_update', position: 3, waitMinutes: 6 }, 'Estás en la posición 3 de la cola. Respuesta prevista: aproximadamente 6 minutos.'],
    ['fr', { kind: 'queue_update', position: 3, waitMinutes: 1 }, "Vous êtes en position 3 dans la file d'attente. Réponse prévue\u00a0: environ 1 minute."],
    ['de', { kind: 'queue_update', position: 3, waitMinutes: 90 }, 'Sie sind Nummer 3 in der Warteschlange. Erwartete Antwort: in etwa 1 Stunde und 30 Minuten.'],
    ['de', { kind: 'agent_joined', agentName: 'Alex', teamName: 'Billing' }, 'Alex vom Billing-Team ist dem Gespräch beigetreten.'],
    ['es', { kind: 'handoff', teamName: 'facturación', waitMinutes: 0, caseNumber: 'C-5', reason: 'customer_request' },
      'Has pedido hablar con una persona, así que paso tu consulta a nuestro equipo de facturación ahora mismo. Verán todo lo que hemos hablado, así que no tendrás que repetir nada. Respuesta prevista: en menos de un minuto. Tu número de caso es C-5.'],
    ['fr', { kind: 'agent_joined', agentName: 'Alex', teamName: 'Support' }, "Alex, de l'équipe Support, a rejoint la conversation."],
  ])('%s: %o', (locale, msg, text) => {
    expect(renderCustomerMessage(msg, locale)).toBe(text);
  });
});

describe('pickLocale', () => {
  it.each([
    ['es-MX', 'es'],
    ['ES', 'es'],
    ['fr_CA', 'fr'],
    [' de-AT ', 'de'],
    ['en-GB', 'en'],
    ['pt-BR', 'pt'],
    ['it', 'it'],
    ['ja', 'en'],
    ['und', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ])('%s → %s', (language, locale) => {
    expect(pickLocale(language)).toBe(locale);
  });
});
