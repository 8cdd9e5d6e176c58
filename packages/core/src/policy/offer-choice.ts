/**
 * The offer of a choice (policy `offerChoiceForSimple`): "I can help you with this now, or connect
 * you to a person". The offer carries two buttons, and the customer's next message, a click or
 * free text, is read as a pick in either direction.
 */
import type { Turn } from '../conversation.js';
import type { HumanRequest } from '../signals/human-request.js';
import { readChoiceReply } from '../signals/choice-reply.js';
import { detectHumanRequest } from '../signals/human-request.js';
import { MESSAGE_TABLES } from '../templates/messages.js';
import type { QuickReply } from './decision.js';

/** The customer's answer to the offer, and the question that led to it. */
export interface OfferReply {
  pick: 'self_serve' | 'human';
  /** Turn index of the customer message the offer answered. */
  questionIndex: number;
  /** The reply as written. */
  text: string;
}

const BUTTONS: Record<string, [string, string]> = {
  en: ['Help me now', 'Talk to a person'],
  es: ['Ayúdame ahora', 'Hablar con una persona'],
  fr: ['Aidez-moi maintenant', 'Parler à une personne'],
  de: ['Jetzt helfen', 'Mit einer Person sprechen'],
  pt: ['Ajude-me agora', 'Falar com uma pessoa'],
  it: ['Aiutami ora', 'Parla con una persona'],
};

/** The two buttons of the offer, in the conversation's language (English when it has no translation). */
export function choiceButtons(language: string): QuickReply[] {
  const [self, human] = BUTTONS[language] ?? BUTTONS['en']!;
  return [
    { id: 'self_serve', label: self },
    { id: 'human', label: human },
  ];
}

/**
 * When the assistant's last turn before `last` was an offer of a choice, reads the customer's
 * reply to it. A button's own label (in any language) counts, and so does free text ("you can
 * help me now", "I'll wait for a person"). A new question is not a reply: null.
 */
export function readOfferReply(turns: Turn[], last: number, language: string): OfferReply | null {
  let offer = -1;
  for (let i = last - 1; i >= 0; i--) {
    const t = turns[i]!;
    if (t.role === 'customer') return null;
    if (t.role === 'ai') {
      if (t.action === 'offer_choice') offer = i;
      break;
    }
  }
  if (offer < 0) return null;
  // The question the offer was about: the latest customer turn before it that is more than a
  // request for a person, else the request itself ("can a person help me reset my password?").
  let questionIndex = -1;
  for (let i = offer - 1; i >= 0; i--) {
    if (turns[i]!.role !== 'customer') continue;
    if (questionIndex < 0) questionIndex = i;
    if (detectHumanRequest(turns[i]!.text) === null) {
      questionIndex = i;
      break;
    }
  }
  if (questionIndex < 0) return null;
  const text = turns[last]!.text;
  const label = text.trim().toLowerCase();
  for (const [self, human] of Object.values(BUTTONS)) {
    if (label === self.toLowerCase()) return { pick: 'self_serve', questionIndex, text };
    if (label === human.toLowerCase()) return { pick: 'human', questionIndex, text };
  }
  const pick = readChoiceReply(text, language === 'und' ? undefined : language);
  return pick ? { pick, questionIndex, text } : null;
}

/** A pick of "a person" is a request for one, and the second in this conversation: it escalates. */
export function choiceAsRequest(reply: OfferReply): HumanRequest | null {
  return reply.pick === 'human' ? { phrase: reply.text, kind: 'explicit' } : null;
}

/**
 * The buttons of a stored offer, from its text: the offer was rendered from one locale's template,
 * whose fixed opening identifies the locale. English when no table matches (an edited template).
 */
export function quickRepliesForOffer(text: string): QuickReply[] {
  for (const [locale, table] of Object.entries(MESSAGE_TABLES)) {
    const head = table.offer_choice.split('{')[0]!.trim();
    if (head && text.startsWith(head)) return choiceButtons(locale);
  }
  return choiceButtons('en');
}
