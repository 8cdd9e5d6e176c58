import { formatWait } from './format-wait.js';
import { interpolate } from './interpolate.js';
import type { MessageTable } from './message-table.js';
import type { HandoffReasonKind } from './reason-kind.js';
import { DE } from './strings-de.js';
import { EN } from './strings-en.js';
import { ES } from './strings-es.js';
import { FR } from './strings-fr.js';
import { IT } from './strings-it.js';
import { PT } from './strings-pt.js';

/** A language the customer can be told things in. */
export type Locale = 'en' | 'es' | 'fr' | 'de' | 'pt' | 'it';

/** Every locale with a full table; English is the fallback. */
export const SUPPORTED_LOCALES: Locale[] = ['en', 'es', 'fr', 'de', 'pt', 'it'];

/** The string tables, by locale. */
export const MESSAGE_TABLES: Readonly<Record<Locale, MessageTable>> = { en: EN, es: ES, fr: FR, de: DE, pt: PT, it: IT };

/**
 * The locale for a detected or declared language (BCP 47 or ISO 639-1): the region is dropped
 * ("es-MX" → "es") because the tables are written to read well across regions, and anything
 * without a table ("und", "ja") falls back to English rather than failing the message.
 */
export function pickLocale(language: string | undefined): Locale {
  const primary = (language ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (SUPPORTED_LOCALES as string[]).includes(primary) ? (primary as Locale) : 'en';
}

/** Everything the customer can be told by the system (DESIGN §6), with the data each needs. */
export type CustomerMessage =
  | { kind: 'handoff'; teamName: string; waitMinutes: number; caseNumber: string; reason: HandoffReasonKind }
  | { kind: 'queue_update'; position: number; waitMinutes: number }
  | { kind: 'agent_joined'; agentName: string; teamName: string }
  /** A transferred conversation's new agent has joined: "You're now with Sam from Billing." */
  | { kind: 'agent_transferred'; agentName: string; teamName: string }
  /** The agent transferred the conversation to another team (or the queue). */
  | { kind: 'transfer_started'; teamName: string }
  /** The agent went offline (no live workspace past the grace period); the conversation is back in the queue. */
  | { kind: 'agent_away'; agentName: string; teamName: string }
  | { kind: 'after_hours'; teamName: string; /** Already formatted in the customer's locale and the team's zone. */ opensAt: string; caseNumber: string }
  | { kind: 'callback_confirmed'; /** Already formatted in the customer's locale. */ when: string; caseNumber: string }
  | { kind: 'offer_choice'; waitMinutes: number }
  | { kind: 'callback_offer' }
  | { kind: 'long_wait'; teamName: string; waitMinutes: number; caseNumber: string }
  | { kind: 'email_followup_confirmed'; email: string; /** Already formatted in the customer's locale and zone. */ when: string; caseNumber: string }
  | { kind: 'callback_missed'; /** Already formatted. */ when: string; caseNumber: string }
  | { kind: 'callback_no_answer'; /** The next try, already formatted. */ when: string; caseNumber: string }
  | { kind: 'callback_unreachable'; tries: number; caseNumber: string }
  | { kind: 'clarify' }
  | { kind: 'greeting' }
  | { kind: 'decline'; topics?: string[] }
  | { kind: 'resolved'; caseNumber: string }
  | { kind: 'csat_prompt' }
  | { kind: 'handed_back' }
  /** An unverified customer asked for account data: why not yet, and how to prove it is them. */
  | { kind: 'verify_by_email'; link: string }
  | { kind: 'verify_not_on_app'; /** The messaging app's name (WhatsApp, Messenger, Instagram). */ app: string }
  | { kind: 'verify_ask_address' }
  | { kind: 'verify_code_sent'; email: string; minutes: number }
  | { kind: 'identity_verified' }
  /** The one-time code by SMS, to the phone on the account the customer claims. */
  | { kind: 'verification_sms'; code: string; minutes: number };

/**
 * The tables already say "team" ("our {team} team", "{team}-Team"), so a team named
 * "Billing Team" would read twice; the trailing word is dropped.
 */
function teamWord(name: string): string {
  const trimmed = name.trim();
  const bare = trimmed.replace(/[\s-]+team$/i, '');
  return bare || trimmed;
}

/**
 * The text the customer sees, in their language. Team and agent names are inserted as the
 * business wrote them; the result is plain text, for every channel to render as text.
 */
export function renderCustomerMessage(msg: CustomerMessage, locale: Locale): string {
  const t = MESSAGE_TABLES[locale] ?? EN;
  switch (msg.kind) {
    case 'handoff': {
      const why = interpolate(t[`handoff_${msg.reason}`] ?? t.handoff_complex, { team: teamWord(msg.teamName) });
      return `${why} ${interpolate(t.handoff_tail, { wait: formatWait(msg.waitMinutes, t), case: msg.caseNumber })}`;
    }
    case 'queue_update': {
      const wait = formatWait(msg.waitMinutes, t);
      return msg.position <= 1 ? interpolate(t.queue_next, { wait }) : interpolate(t.queue_position, { position: Math.floor(msg.position), wait });
    }
    case 'agent_joined':
    case 'agent_transferred':
    case 'agent_away':
      return interpolate(t[msg.kind], { agent: msg.agentName.trim(), team: teamWord(msg.teamName) });
    case 'transfer_started':
      return interpolate(t.transfer_started, { team: teamWord(msg.teamName) });
    case 'after_hours':
      return interpolate(t.after_hours, { team: teamWord(msg.teamName), opensAt: msg.opensAt, case: msg.caseNumber });
    case 'callback_confirmed':
      return interpolate(t.callback_confirmed, { when: msg.when, case: msg.caseNumber });
    case 'callback_offer':
      return t.callback_offer;
    case 'long_wait':
      return interpolate(t.long_wait, { team: teamWord(msg.teamName), wait: formatWait(msg.waitMinutes, t), case: msg.caseNumber });
    case 'email_followup_confirmed':
      return interpolate(t.email_followup_confirmed, { email: msg.email, when: msg.when, case: msg.caseNumber });
    case 'callback_missed':
      return interpolate(t.callback_missed, { when: msg.when, case: msg.caseNumber });
    case 'callback_no_answer':
      return interpolate(t.callback_no_answer, { when: msg.when, case: msg.caseNumber });
    case 'callback_unreachable':
      return interpolate(t.callback_unreachable, { tries: String(msg.tries), case: msg.caseNumber });
    case 'offer_choice':
      return interpolate(t.offer_choice, { wait: formatWait(msg.waitMinutes, t) });
    case 'resolved':
      return interpolate(t.resolved, { case: msg.caseNumber });
    case 'greeting':
      return t.greeting;
    case 'decline':
      // Say what the assistant can help with, when the KB says: a decline should not be a dead end.
      return msg.topics?.length ? interpolate(t.decline_topics, { topics: joinList(msg.topics, t.list_and) }) : t.decline;
    case 'verify_by_email':
      return `${t.verify_why} ${interpolate(t.verify_by_email, { link: msg.link })}`;
    case 'verify_not_on_app':
      return `${t.verify_why} ${interpolate(t.verify_not_on_app, { app: msg.app })}`;
    case 'verify_ask_address':
      return `${t.verify_why} ${t.verify_ask_address}`;
    case 'verify_code_sent':
      return `${t.verify_why} ${interpolate(t.verify_code_sent, { email: msg.email, minutes: msg.minutes })}`;
    case 'verification_sms':
      return interpolate(t.verification_sms, { code: msg.code, minutes: msg.minutes });
    case 'identity_verified':
    case 'clarify':
    case 'csat_prompt':
    case 'handed_back':
      return t[msg.kind];
  }
}

/** The name an agent is introduced by to customers: the first word of their name. */
export function firstName(name: string): string {
  const trimmed = name.trim();
  return trimmed.split(/\s+/)[0] || trimmed;
}

/** "a, b and c" in the locale's words. */
function joinList(items: string[], and: string): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')}${and}${items.at(-1)}`;
}
