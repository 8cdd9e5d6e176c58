import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readChoiceReply, type ChoiceReply } from './choice-reply.js';

// Replies to "I can help you with this now, or connect you to a person (the wait is about N
// minutes)", with the buttons "Help me now" and "Talk to a person".
function reads(pick: ChoiceReply | null, cases: readonly string[], language?: string) {
  it.each(cases)(`"%s" -> ${pick}`, (text) => {
    expect(readChoiceReply(text, language)).toBe(pick);
    // Without the hint every language is tried, so the answer is the same.
    expect(readChoiceReply(text)).toBe(pick);
  });
}

describe('English', () => {
  reads('self_serve', ['help me now', 'Help me now', 'You can help me now', 'right now please', 'go ahead', 'yes you do it', 'try it', 'ok you help me', 'sure, now', 'now', 'hlep me now', 'you try first', "let's try", 'just do it now please', "no need for a person, I'm in a hurry", "I don't want to wait", "don't connect me", 'the first one', 'you'], 'en');
  reads('human', ['talk to a person', 'a person please', 'connect me', "I'll wait", 'the human', 'person', 'agent', 'I can wait', 'happy to wait', 'the second option', 'put me through', 'transfer me please', 'a real human please', "you can't help me with this", 'human pls', 'I would rather wait'], 'en');
  reads(null, ['how do I reset my password?', 'what are your opening hours', 'where is my order', 'yes', 'ok', 'thanks', 'is the wait long?', 'help me now or connect me', 'I want a refund for order 1234', ''], 'en');
  it('never reads "right now please" as anything but a pick of self-serve', () => {
    expect(readChoiceReply('right now please')).toBe('self_serve');
    expect(readChoiceReply('right now please', 'en')).toBe('self_serve');
  });
});

describe('Spanish', () => {
  reads('self_serve', ['ayúdame tú', 'ayúdame ahora', 'ahora', 'ahora mismo', 'adelante', 'hazlo tú', 'inténtalo', 'no quiero esperar', 'tú', 'la primera'], 'es');
  reads('human', ['prefiero esperar', 'con una persona', 'un agente', 'espero', 'pásame con alguien', 'una persona por favor', 'la segunda', 'quiero hablar con alguien', 'no puedes ayudarme'], 'es');
  reads(null, ['¿cuál es el horario?', 'sí', 'quiero devolver un pedido'], 'es');
});

describe('French', () => {
  reads('self_serve', ['aidez-moi maintenant', 'aide-moi', 'allez-y', 'maintenant', 'tout de suite', 'essayez', 'je ne veux pas attendre', 'la première'], 'fr');
  reads('human', ['je préfère attendre', "j'attends", 'un conseiller', 'une personne svp', 'passez-moi quelqu’un', 'mettez-moi en relation', 'un humain', 'la deuxième', "vous ne pouvez pas m'aider"], 'fr');
  reads(null, ['quels sont vos horaires ?', 'oui', 'je veux retourner un article'], 'fr');
});

describe('German', () => {
  reads('self_serve', ['helfen Sie mir jetzt', 'hilf mir', 'jetzt', 'sofort', 'legen Sie los', 'versuchen Sie es', 'ich will nicht warten', 'die erste'], 'de');
  reads('human', ['mit einem Menschen', 'mit einem Mitarbeiter', 'ich warte', 'lieber warten', 'verbinden Sie mich', 'einen Menschen bitte', 'die zweite', 'Sie können mir nicht helfen'], 'de');
  reads(null, ['wie sind Ihre Öffnungszeiten?', 'ja', 'ich möchte eine Bestellung zurückgeben'], 'de');
});

describe('Portuguese', () => {
  reads('self_serve', ['me ajude agora', 'me ajuda', 'pode ir', 'agora', 'tenta', 'faz você', 'não quero esperar', 'a primeira'], 'pt');
  reads('human', ['prefiro esperar', 'eu espero', 'com uma pessoa', 'um atendente', 'me transfere', 'a segunda', 'quero falar com um atendente', 'você não consegue me ajudar'], 'pt');
  reads(null, ['qual é o horário?', 'sim', 'quero devolver um pedido'], 'pt');
});

describe('Italian', () => {
  reads('self_serve', ['aiutami tu', 'aiutami ora', 'adesso', 'subito', 'vai pure', 'procedi', 'fallo tu', 'non voglio aspettare', 'la prima'], 'it');
  reads('human', ['preferisco aspettare', 'aspetto', 'con una persona', 'un operatore', 'passami un operatore', 'mettimi in contatto', 'la seconda', 'non puoi aiutarmi'], 'it');
  reads(null, ['quali sono gli orari?', 'sì', 'voglio restituire un ordine'], 'it');
});

describe('robustness', () => {
  it('never throws, and answers one of the three', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), fc.option(fc.constantFrom('en', 'es', 'fr', 'de', 'pt', 'it', 'und')), (text, lang) => {
        expect([null, 'self_serve', 'human']).toContain(readChoiceReply(text, lang ?? undefined));
      }),
    );
  });
  it('reads a long message as a message, not a choice', () => {
    expect(readChoiceReply('help me now '.repeat(40))).toBeNull();
    expect(readChoiceReply('x'.repeat(100_000))).toBeNull();
  });
});
