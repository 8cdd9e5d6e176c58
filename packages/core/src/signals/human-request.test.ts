import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../text/normalize.js';
import { HUMAN_REQUEST_LANGUAGE_CODES, detectHumanRequest, type HumanRequest } from './human-request.js';

type Kind = HumanRequest['kind'];

/** Positive cases: the text, the kind, and the language whose rules must fire. */
function fires(lang: string, cases: ReadonlyArray<readonly [string, Kind]>) {
  it.each(cases)('"%s" (%s)', (text, kind) => {
    const r = detectHumanRequest(text);
    expect(r).not.toBeNull();
    expect(r?.kind).toBe(kind);
    expect(r?.language).toBe(lang);
    expect(r?.phrase.length).toBeGreaterThan(0);
    // The hint never loses a request.
    expect(detectHumanRequest(text, lang)?.kind).toBe(kind);
  });
}

function quiet(cases: readonly string[], hint?: string) {
  it.each(cases)('"%s"', (text) => {
    expect(detectHumanRequest(text)).toBeNull();
    if (hint) expect(detectHumanRequest(text, hint)).toBeNull();
  });
}

describe('English', () => {
  describe('fires', () => {
    fires('en', [
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
      ['chat with an assistant', 'explicit'],
      ['contact somebody', 'explicit'],
      ['no I dont want a transfer, let me speak with someone', 'explicit'],
      ['get me your manager', 'explicit'],
      ['transfer me to customer service', 'explicit'],
      ['this is going nowhere, get me someone', 'explicit'],
      ["I don't know how I can reach a person", 'explicit'],
      ['could you escalate this please', 'explicit'],
      ['I haveto talk to an operator', 'explicit'],
      ['I need to spek to a represenative', 'explicit'],
      ['tlak to a humen pls', 'explicit'],
      ['I do not know how I can speak with an opperator', 'explicit'],
      // Misspellings, by edit distance rather than by list
      ['can i speak to a reprsentitive', 'explicit'],
      ['speek to a persn', 'explicit'],
      ['costumer servise please', 'explicit'],
      ['humna please', 'explicit'],
      ['i want a humen now', 'explicit'],
      ['get me an agnet', 'explicit'],
      ['connect me to an opperator', 'explicit'],
      ['I need to tlak to somone', 'explicit'],
      ['pleeease a HUMAAAN', 'explicit'],
      ['transfer me to a represenative now', 'explicit'],
      ['can I spaek with a supervisr', 'explicit'],
      ['let me talk to a costumer service rep', 'explicit'],
      // Terse, shouted, slangy
      ['Gimme customer service', 'explicit'],
      ['CUSTOMER SERVICE!!!', 'explicit'],
      ['human pls', 'explicit'],
      ['get me someone', 'explicit'],
      ['operator', 'explicit'],
      ['can i talk to u guys', 'explicit'],
      ['need help from a real person', 'explicit'],
      ['representative.', 'explicit'],
      ['live agent now', 'explicit'],
      ['a human being please', 'explicit'],
      ['anyone there?', 'explicit'],
      ['hello?? is a person reading this', 'explicit'],
      ['operator operator operator', 'explicit'],
      ['hooman plz', 'explicit'],
      ['lemme speak to sum1', 'explicit'],
      // Refusing the bot
      ["I don't want to talk to a robot", 'refusal'],
      ['I dont want an automated system', 'refusal'],
      ['stop sending me to a computer', 'refusal'],
      ['no more bots', 'refusal'],
      ["i'm not talking to a machine", 'refusal'],
      ["I'm sick of this chatbot", 'refusal'],
      ["I won't deal with a machine about my money", 'refusal'],
      ['no AI please', 'refusal'],
      ['why am I chatting with a bot', 'refusal'],
      ["I don't trust a bot with this", 'refusal'],
      ['I refuse to keep typing to a computer', 'refusal'],
      // Asking to be called
      ['call me back', 'callback'],
      ['can someone ring me', 'callback'],
      ['can I get a callback', 'callback'],
      ['phone me please', 'callback'],
      ['please call me at 0612345678', 'callback'],
      ['could you call me back tomorrow morning', 'callback'],
      ["I'd like a call back", 'callback'],
      ['give me a ring when you can', 'callback'],
      ['have someone call me', 'callback'],
      ['callback please', 'callback'],
      ['I want somebody to phone me about this', 'callback'],
      // Giving up on the bot
      ["I don't feel comfortable sharing my personal details with a machine", 'implicit'],
      ['this conversation is not working at all', 'implicit'],
      ['you are wasting my time', 'implicit'],
    ]);
  });

  describe('does not fire', () => {
    quiet([
      "I don't need a person, just the link",
      "I don't need a person, just tell me the opening hours",
      'no need for an agent',
      "I don't want to speak to anyone",
      'my agent number is 12',
      'my travel agent booked it',
      'the delivery person left it outside',
      'are you a real person?',
      'is this a bot?',
      // A question about the process, not a request: decided not to fire.
      'do I need to talk to someone to close my account?',
      // Asking for contact details, which the KB answers: decided not to fire.
      'how do I contact customer service about a return',
      'how do I call you?',
      'your number?',
      'what is your phone number',
      'can another person use my card?',
      'add a person to my account',
      'I want to add a person to my account',
      'someone stole my card',
      'the person at the store said it was fine',
      'real estate',
      "you're a real help",
      'can I get a card in person?',
      'book an uber for two people',
      'where is my order',
      // Words close to the key words, which tolerance must not bend
      'what is on the agenda for the meeting',
      'update my personal details',
      'I want to change my persona in the app',
      'I love your humor',
      'the operation failed twice',
      'how do I cancel the operation',
      'these charts represent the data',
      'I need assistance with my cashback',
      'when does my contract end',
      'the fallback option failed',
      // Calls that are not requests to be called
      'you can call me Sam',
      'what do you want to call me',
      'why did you call me yesterday',
      "please don't call me",
      'someone called me from your bank',
      'will you call me when my order ships?',
      'I need to call back the courier',
      'where is the call center',
      // Machines that are not the bot
      "I'm not a robot, the captcha keeps failing",
      'the robot vacuum arrived broken',
      'the coffee machine is broken',
      'I use a computer at work',
      "I don't mind talking to a bot",
      "I don't know how to use the automated system",
      'I hate the new slushie machine',
      // Nouns that look like channels, and questions about opening hours
      'my phone was stolen by someone',
      'tell me what hours I can call customer support',
      'when can I reach customer service',
      'I tried to switch teams in the app',
    ]);
  });
});

describe('Spanish', () => {
  describe('fires', () => {
    fires('es', [
      ['quiero hablar con una persona', 'explicit'],
      ['pásame con un agente', 'explicit'],
      ['necesito un humano', 'explicit'],
      ['un agente por favor', 'explicit'],
      ['¡operador!', 'explicit'],
      ['¿puedo hablar con alguien?', 'explicit'],
      ['comunícame con un asesor', 'explicit'],
      ['quiero hablar con una persona real', 'explicit'],
      ['atención al cliente', 'explicit'],
      ['me pueden pasar con un operador', 'explicit'],
      ['kiero ablar con una presona', 'explicit'],
      ['necesito hablar con un ajente', 'explicit'],
      ['¿hay alguien ahí?', 'explicit'],
      ['transfiéreme a soporte técnico', 'explicit'],
      ['quisiera que me atienda una persona', 'explicit'],
      ['no, quiero hablar con un asesor humano', 'explicit'],
      ['no quiero hablar con un robot', 'refusal'],
      ['no quiero un bot', 'refusal'],
      ['ya no quiero seguir hablando con una máquina', 'refusal'],
      ['estoy harto de este bot', 'refusal'],
      ['no más robots', 'refusal'],
      ['nada de bots por favor', 'refusal'],
      ['¿me pueden llamar?', 'callback'],
      ['llámame', 'callback'],
      ['quiero que me llamen', 'callback'],
      ['pueden llamarme al 612345678', 'callback'],
      ['necesito una llamada', 'callback'],
      ['que alguien me llame por favor', 'callback'],
      ['devuélvanme la llamada', 'callback'],
    ]);
  });
  describe('does not fire', () => {
    quiet(
      [
        'no necesito hablar con nadie, solo dime el horario',
        'no necesito un agente',
        'no quiero hablar con un agente',
        'mi agente de viajes hizo la reserva',
        'el repartidor lo dejó afuera',
        '¿eres una persona real?',
        '¿tengo que hablar con alguien para cerrar mi cuenta?',
        '¿cómo contacto a atención al cliente para una devolución?',
        'me llamo Juan',
        '¿cuál es su número?',
        '¿a qué número los llamo?',
        'no me llamen más',
        'alguien me llamó de su banco',
        'no soy un robot',
        'quiero agregar una persona a mi cuenta',
        'mi agenda está llena',
        'quiero cambiar mis datos personales',
        '¿otra persona puede usar mi tarjeta?',
      ],
      'es',
    );
  });
});

describe('French', () => {
  describe('fires', () => {
    fires('fr', [
      ['je veux parler à un conseiller', 'explicit'],
      ['un humain svp', 'explicit'],
      ["je voudrais parler à quelqu'un", 'explicit'],
      ['passez-moi un agent', 'explicit'],
      ['mettez-moi en relation avec un conseiller', 'explicit'],
      ["j'ai besoin d'un conseiller", 'explicit'],
      ['service client svp', 'explicit'],
      ['une vraie personne svp', 'explicit'],
      ["il y a quelqu'un ?", 'explicit'],
      ['je veux parler a un consiller', 'explicit'],
      ['je veux parler à un humin', 'explicit'],
      ['est-ce que je peux parler à un opérateur', 'explicit'],
      ['transférez-moi au service client', 'explicit'],
      ['je veux parler avec qqn', 'explicit'],
      ['conseiller !', 'explicit'],
      ['je ne veux pas de robot', 'refusal'],
      ['je ne veux pas parler à une machine', 'refusal'],
      ["j'en ai marre de ce robot", 'refusal'],
      ['pas de bot svp', 'refusal'],
      ['arrêtez de me renvoyer vers un robot', 'refusal'],
      ['rappelez-moi', 'callback'],
      ['vous pouvez me rappeler ?', 'callback'],
      ["pouvez-vous m'appeler demain", 'callback'],
      ['je voudrais être rappelé', 'callback'],
      ["qu'on me rappelle svp", 'callback'],
      ['un rappel svp', 'callback'],
    ]);
  });
  describe('does not fire', () => {
    quiet(
      [
        "je n'ai pas besoin d'un conseiller, dites-moi juste les horaires",
        'je ne veux parler à personne',
        'mon agent de voyage a réservé',
        "le livreur l'a laissé dehors",
        'êtes-vous une vraie personne ?',
        "dois-je parler à quelqu'un pour fermer mon compte ?",
        'comment contacter le service client pour un retour',
        "je m'appelle Marie",
        'votre numéro ?',
        'comment vous appeler ?',
        'ne me rappelez pas',
        'je ne suis pas un robot',
        'je me rappelle de ma commande',
        "personne ne m'a répondu",
        'je veux mon argent',
        'mes données personnelles sont fausses',
      ],
      'fr',
    );
  });
});

describe('German', () => {
  describe('fires', () => {
    fires('de', [
      ['ich möchte mit einem Mitarbeiter sprechen', 'explicit'],
      ['einen Menschen bitte', 'explicit'],
      ['kann ich mit jemandem reden?', 'explicit'],
      ['verbinden Sie mich bitte mit einem Berater', 'explicit'],
      ['ich brauche einen Menschen', 'explicit'],
      ['Kundenservice!!!', 'explicit'],
      ['Mitarbeiter bitte', 'explicit'],
      ['ich will mit einem echten Menschen sprechen', 'explicit'],
      ['ist da jemand?', 'explicit'],
      ['ich möchte mit dem Kundendienst sprechen', 'explicit'],
      ['ich moechte mit einem Mitarbieter sprechen', 'explicit'],
      ['ich möchte mit einem Kundendienstmitarbeiter sprechen', 'explicit'],
      ['stellen Sie mich zu einem Menschen durch', 'explicit'],
      ['keinen Bot', 'refusal'],
      ['ich will nicht mit einer Maschine reden', 'refusal'],
      ['Schluss mit dem Bot', 'refusal'],
      ['ich hasse Bots', 'refusal'],
      ['keine KI bitte', 'refusal'],
      ['rufen Sie mich zurück', 'callback'],
      ['ruf mich an', 'callback'],
      ['können Sie mich zurückrufen?', 'callback'],
      ['bitte um Rückruf', 'callback'],
      ['ich möchte einen Rückruf', 'callback'],
      ['Rückruf bitte', 'callback'],
    ]);
  });
  describe('does not fire', () => {
    quiet(
      [
        'ich brauche keinen Menschen, sagen Sie mir nur die Öffnungszeiten',
        'ich muss nicht mit jemandem sprechen',
        'mein Reisebüro hat gebucht',
        'der Zusteller hat es vor die Tür gelegt',
        'bist du ein echter Mensch?',
        'muss ich mit jemandem sprechen, um mein Konto zu schließen?',
        'wie erreiche ich den Kundenservice wegen einer Rücksendung?',
        'ich bin kein Roboter',
        'wie kann ich Sie anrufen?',
        'Ihre Telefonnummer?',
        'rufen Sie mich nicht an',
        'warum haben Sie mich angerufen?',
        'eine andere Person hat meine Karte benutzt',
        'meine persönlichen Daten ändern',
      ],
      'de',
    );
  });
});

describe('Portuguese', () => {
  describe('fires', () => {
    fires('pt', [
      ['quero falar com um atendente', 'explicit'],
      ['me passa para um atendente', 'explicit'],
      ['preciso de um humano', 'explicit'],
      ['atendente por favor', 'explicit'],
      ['quero falar com uma pessoa de verdade', 'explicit'],
      ['tem alguém aí?', 'explicit'],
      ['posso falar com alguém?', 'explicit'],
      ['chama um atendente', 'explicit'],
      ['atendimento humano', 'explicit'],
      ['quero falar com o suporte', 'explicit'],
      ['qero falar com um atendnte', 'explicit'],
      ['me transfere para um humano', 'explicit'],
      ['gostaria de falar com um consultor', 'explicit'],
      ['não quero falar com robô', 'refusal'],
      ['não quero um bot', 'refusal'],
      ['chega de robô', 'refusal'],
      ['cansei de falar com máquina', 'refusal'],
      ['sem robô por favor', 'refusal'],
      ['me liga', 'callback'],
      ['podem me ligar?', 'callback'],
      ['quero que me liguem', 'callback'],
      ['preciso de uma ligação', 'callback'],
      ['me liguem amanhã', 'callback'],
      ['me retornem por favor', 'callback'],
    ]);
  });
  describe('does not fire', () => {
    quiet(
      [
        'não preciso falar com ninguém, só me diga o horário',
        'não preciso de um atendente',
        'meu agente de viagens fez a reserva',
        'o entregador deixou lá fora',
        'você é uma pessoa de verdade?',
        'preciso falar com alguém para encerrar a conta?',
        'como entro em contato com o atendimento sobre uma devolução?',
        'como ligo para vocês?',
        'qual é o número?',
        'não me liguem',
        'como ligar o aparelho',
        'me chamo Ana',
        'não sou um robô',
        'quero adicionar uma pessoa na minha conta',
        'vocês me ligaram ontem',
      ],
      'pt',
    );
  });
});

describe('Italian', () => {
  describe('fires', () => {
    fires('it', [
      ['vorrei parlare con un operatore', 'explicit'],
      ['un operatore per favore', 'explicit'],
      ['operatore!!', 'explicit'],
      ['passami un operatore', 'explicit'],
      ['voglio parlare con una persona vera', 'explicit'],
      ['ho bisogno di un operatore', 'explicit'],
      ["c'è qualcuno?", 'explicit'],
      ['posso parlare con qualcuno?', 'explicit'],
      ['mettetemi in contatto con un consulente', 'explicit'],
      ['servizio clienti', 'explicit'],
      ['vorrei parlare con un operatroe', 'explicit'],
      ['voglio un umano', 'explicit'],
      ['passatemi il servizio clienti', 'explicit'],
      ['non voglio parlare con un robot', 'refusal'],
      ['non voglio un bot', 'refusal'],
      ['basta con il robot', 'refusal'],
      ['sono stufo di parlare con una macchina', 'refusal'],
      ['niente bot per favore', 'refusal'],
      ['richiamatemi', 'callback'],
      ['mi può richiamare?', 'callback'],
      ['vorrei essere richiamato', 'callback'],
      ['chiamatemi domani', 'callback'],
      ['potete chiamarmi?', 'callback'],
      ['voglio una chiamata', 'callback'],
    ]);
  });
  describe('does not fire', () => {
    quiet(
      [
        'non ho bisogno di parlare con nessuno, dimmi solo gli orari',
        'non ho bisogno di un operatore',
        'il mio agente di viaggio ha prenotato',
        "il corriere l'ha lasciato fuori",
        'sei una persona vera?',
        'devo parlare con qualcuno per chiudere il conto?',
        'come contatto il servizio clienti per un reso',
        'mi chiamo Luca',
        'come vi chiamo?',
        'qual è il numero?',
        'non chiamatemi',
        'non sono un robot',
        "un'altra persona può usare la mia carta?",
        'perché mi avete chiamato?',
      ],
      'it',
    );
  });
});

describe('the language hint', () => {
  it('is optional, and the old one-argument call still works', () => {
    expect(detectHumanRequest('agent please')?.language).toBe('en');
  });
  it('orders the languages but excludes none: a wrong hint loses nothing', () => {
    expect(detectHumanRequest('quiero hablar con una persona', 'de')?.language).toBe('es');
    expect(detectHumanRequest('human please', 'fr')?.language).toBe('en');
  });
  it('accepts regional and unknown codes', () => {
    expect(detectHumanRequest('rappelez-moi', 'fr-CA')?.kind).toBe('callback');
    expect(detectHumanRequest('agent please', 'und')?.kind).toBe('explicit');
  });
  it('lists the languages it knows, English first', () => {
    expect(HUMAN_REQUEST_LANGUAGE_CODES).toEqual(['en', 'es', 'fr', 'de', 'pt', 'it']);
  });
});

describe('the phrase', () => {
  it('quotes the normalised span as typed, misspellings included', () => {
    expect(detectHumanRequest('Please put me through to a REAL person!')?.phrase).toBe('put me through to a real person');
    expect(detectHumanRequest('ok so speek to a persn now')?.phrase).toBe('speek to a persn');
    expect(detectHumanRequest('Pásame con un agente, por favor')?.phrase).toBe('pasame con un agente');
    expect(detectHumanRequest('Gimme customer service')?.phrase).toBe('gimme customer service');
  });
});

describe('robustness', () => {
  it.each([[''], ['   \n\t'], ['🙂🤖'], ['\ud800'], ['x '.repeat(50_000)], ['agent '.repeat(20_000)], ['a'.repeat(100_000)], ['reprsentitive persn '.repeat(5_000)], ["don't ".repeat(16_000) + 'agent'], ['talk to '.repeat(12_500)], ['é🙂'.repeat(30_000)], ['mit einem '.repeat(10_000)]])(
    'never throws (%#)',
    (text) => {
      expect(() => detectHumanRequest(text)).not.toThrow();
    },
  );
  // Inputs crafted against the patterns: each once took seconds (a re-scan per position).
  it.each([
    ["l'" + "a'".repeat(50_000) + ' agent'],
    ['tengo que hablar ' + 'para '.repeat(20_000) + 'agente'],
    ['dois-je parler ' + 'pour '.repeat(20_000) + 'conseiller'],
    ['agent robot ' + '!'.repeat(100_000)],
    ['hablar' + ' con a'.repeat(15_000) + ' x agente'],
  ])('stays linear on crafted input (%#)', (text) => {
    const started = performance.now();
    detectHumanRequest(text);
    expect(performance.now() - started).toBeLessThan(1_500);
  });
  it('is deterministic', () => {
    const t = 'Please put me through to a REAL person!';
    expect(detectHumanRequest(t)).toEqual(detectHumanRequest(t));
  });
  it('quotes a part of the normalised text, and names a known language, for any input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.constantFrom('persn pls', 'llámame', 'keinen Bot', 'hooman')), fc.option(fc.constantFrom('en', 'es', 'fr', 'de', 'pt', 'it', 'und', 'zz')), (text, hint) => {
        const r = detectHumanRequest(text, hint ?? undefined);
        if (r) {
          expect(normalizeText(text)).toContain(r.phrase);
          expect(HUMAN_REQUEST_LANGUAGE_CODES).toContain(r.language);
        }
      }),
    );
  });
});

describe('mentions and self-descriptions', () => {
  quiet([
    'the app keeps saying "contact an agent" when I try to log in',
    'your letter said "speak to a representative", what is this about?',
    "I'm a human, not a robot, why does the captcha keep failing?",
    'the courier was lovely, a real person who cares',
  ]);
  fires('en', [
    ['I clicked "talk to a person" and nothing happened', 'explicit'],
    ['oh fantastic, another robot. a person please', 'explicit'],
    ['thanks for nothing robot, human now', 'explicit'],
    ['are you a robot? I want a real person', 'explicit'],
    ['Would you mind putting me in touch with a colleague?', 'explicit'],
    ['could i please speak to a member of your customer care team', 'explicit'],
  ]);
});
