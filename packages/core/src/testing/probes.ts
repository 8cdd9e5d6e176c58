import type { Turn } from '../conversation.js';
import type { ReasonCode } from '../policy/reasons.js';

/**
 * Hand-written probes of the escalation engine: what real customers write, for every reason of
 * DESIGN §3, and the look-alikes that must not escalate. Written for Baton from support practice,
 * not taken from any evaluation set. `policy/probes.test.ts` runs them against the demo KB and,
 * when present, the shared eval KBs; the CLI can run them through the sentence encoder as well.
 */

/** The KBs a probe is run against: the repository's demo shop, and the eval set's retail shop and bank. */
export type ProbeKb = 'demo' | 'retail' | 'banking';

/** What the engine must do with a probe's last customer message. */
export type ProbeExpect =
  /** Escalate, with `reason` among the reasons, and none of `absent`. */
  | { action: 'escalate'; reason: ReasonCode; absent?: ReasonCode[] }
  /** Answer from one of `articles` (keyed by KB). */
  | { action: 'answer'; articles: Partial<Record<ProbeKb, string[]>> }
  /** Neither escalate nor offer a person: answer, clarify or decline. */
  | { action: 'hold' }
  /** No confident answer (clarify, decline or escalate), for a reason of low confidence or scope. */
  | { action: 'not_answer' };

/** One probe. */
export interface Probe {
  /** A short name for the class of wording ("indirect", "typo", "fr"), for the report. */
  tag: string;
  /** The conversation; a string is a single customer message. */
  turns: string | Turn[];
  expect: ProbeExpect;
  /** The KBs it runs against; all three by default. */
  kbs?: ProbeKb[];
  tier?: string;
  /** Known miss, with why it is not fixed. The test holds that it still misses, so a fix is noticed. */
  gap?: string;
  /** The KBs where the gap shows; all of the probe's KBs by default. */
  gapKbs?: ProbeKb[];
}

const ALL: ProbeKb[] = ['demo', 'retail', 'banking'];
const SHOPS: ProbeKb[] = ['demo', 'retail'];

const escalate = (reason: ReasonCode, tag: string, texts: string[], extra: Partial<Probe> & { absent?: ReasonCode[] } = {}): Probe[] =>
  texts.map((t) => {
    const { absent, ...rest } = extra;
    return { tag, turns: t, expect: { action: 'escalate', reason, ...(absent ? { absent } : {}) }, ...rest };
  });

/** Escalations for one reason, by tag: `{ direct: [...], typo: [...] }`. */
const escalations = (reason: ReasonCode, byTag: Record<string, string[]>): Probe[] => Object.entries(byTag).flatMap(([tag, texts]) => escalate(reason, tag, texts));

/** Escalations by language, then by reason, each tagged with its language: `{ es: { billing: [...] } }`. */
const byLanguage = (table: Record<string, Partial<Record<ReasonCode, string[]>>>): Probe[] =>
  Object.entries(table).flatMap(([lang, byReason]) => Object.entries(byReason).flatMap(([reason, texts]) => escalate(reason as ReasonCode, lang, texts)));

/** A conversation of several turns that must escalate for `reason`. */
const dialogue = (reason: ReasonCode, tag: string, turns: Turn[], kbs?: ProbeKb[]): Probe => ({ tag, turns, expect: { action: 'escalate', reason }, ...(kbs ? { kbs } : {}) });

const hold = (tag: string, texts: string[], extra: Partial<Probe> = {}): Probe[] => texts.map((t) => ({ tag, turns: t, expect: { action: 'hold' }, ...extra }));

const answer = (tag: string, articles: Partial<Record<ProbeKb, string[]>>, texts: string[]): Probe[] =>
  texts.map((t) => ({ tag, turns: t, expect: { action: 'answer', articles }, kbs: Object.keys(articles) as ProbeKb[] }));

/** Marks the probes whose text is `text` as a known gap. */
const lastText = (p: Probe) => (typeof p.turns === 'string' ? p.turns : p.turns.at(-1)?.text);
const known = (probes: Probe[], text: string, action: ProbeExpect['action'], gap: string, gapKbs?: ProbeKb[]): Probe[] =>
  probes.map((p) => (lastText(p) === text && p.expect.action === action ? { ...p, gap, ...(gapKbs ? { gapKbs } : {}) } : p));

/** Known misses of the lexical engine (no sentence encoder), with why each is not fixed. */
const GAPS: [text: string, action: ProbeExpect['action'], why: string, kbs?: ProbeKb[]][] = [
  ['who can I talk to about this? a person, not you', 'escalate', 'a question about whom to contact, then a fragment: the contact-details rule reads it as asking for contact details', ['demo', 'banking']],
  ['can you check why my invoice shows a different company name', 'escalate', 'the lexical answerer is confident in an invoice article (a wrong one on the bank), so the request reads as a simple FAQ'],
  ['you know, the thing from before', 'escalate', 'the answerer is confident on a vague follow-up (demo) or calls it outside the business and declines (retail)', ['demo', 'retail']],
  ['can you write me a poem about cats', 'not_answer', 'the answerer is confident that "write" asks for the review article', ['retail']],
  ['my husband is the account holder', 'hold', 'the answerer matches "account holder" to the delete-account article, a sensitive one', ['demo', 'retail']],
  ['what is your refund policy?', 'answer', 'the lexical confidence in the refund article stays under the threshold, and the keyword fires on an unconfident question', ['demo']],
  ['when will I get my refund', 'answer', 'the answerer prefers the refund-claim article, which is sensitive, to the refund-tracking one', ['retail']],
  ['how long do refunds take?', 'answer', 'the answerer picks the delivery-period article (a wrong answer)', ['retail']],
  ['the app keeps saying "contact an agent" when I try to log in', 'hold', 'the quote is ignored by the rules, but the answerer matches the KB\'s handoff article', ['retail']],
  ["I don't need an agent, just tell me the delivery times", 'answer', 'the extra clause lowers the confidence under the threshold: it clarifies (no handoff)', ['demo']],
  ["I'm happy, no complaints, just want to know about delivery costs", 'hold', 'the answerer matches the complaint article, which is sensitive', ['retail']],
];
const withGaps = (probes: Probe[]): Probe[] => GAPS.reduce((ps, [text, action, why, kbs]) => known(ps, text, action, why, kbs), probes);

const customer = (text: string): Turn => ({ role: 'customer', text });
const ai = (articleId: string, action: Turn['action'] = 'answer'): Turn => ({ role: 'ai', text: 'Here is what our help centre says about that.', articleId, action });
const clarifyTurn: Turn = { role: 'ai', text: 'Could you tell me a little more about what you need?', action: 'clarify' };

/** An explicit request for a person, in many wordings. */
const CUSTOMER_REQUEST: Probe[] = [
  ...escalations('customer_request', {
    direct: [
      'I would like to speak to a human please',
      'get me a human',
      'human please',
      'agent',
      'representative!!',
      'let me talk to a manager',
      'i want to speak to your supervisor',
      'put me through to customer service',
      'transfer me to a live agent',
      'can you connect me with a member of staff',
      'talk to human',
      'speak to agent pls',
      'i wanna talk to a real human being',
      'connect me to an operator',
      'live chat with an agent please',
      'get me your manager now',
      'operator',
      'Real person please.',
    ],
    indirect: [
      'can I talk to someone who can actually help',
      'is there anyone real there',
      'is there a real person I can speak to?',
      'i need to speak to an actual person not a bot',
      'this bot is useless, get me someone',
      'I would rather deal with a person about this',
      'could I possibly speak to one of your colleagues',
      'is there a human I can chat with',
      'can a real person look at this please',
      'I need a human to look at my case',
      "i'd like to escalate this to a person",
      'i need help from a real person asap',
      'is there someone else I can talk to',
      'can I speak to someone in charge',
      'put me on with a human',
      'I want someone from your team to handle this',
      'are there any humans working today? I need one',
      'who can I talk to about this? a person, not you',
      'I need to talk to somebody about my order',
      'pass me to your team please',
      'let me speak to your boss',
      'connect me to support',
      'hello? is anyone actually there?',
      'customer service representative',
      'get me off this bot',
    ],
    refusal: [
      "I don't want to talk to a bot",
      'no more robots please',
      'stop giving me automated answers, I want a person',
      'are you a robot? I want a real person',
    ],
    callback: [
      'can someone from your team call me back',
      'please have someone call me',
      'call me back please',
      'can i get a callback',
      'Could someone from billing get in touch?',
      'Can I have someone contact me by email?',
      'can someone get back to me please',
    ],
    typo: [
      'can i spek to a reprsentative',
      'i want to talk to a persn',
      'costumer servise please',
      'let me speek with someone',
      'huamn please',
      'agnet',
      'talk to a humen',
      'i need a real pesron',
      'SPEAK TO A REPRESENTITIVE',
      'connect me to an agnet plz',
    ],
    sarcasm: [
      'wow, great bot. can I talk to someone with a brain now?',
      'oh fantastic, another robot. a person please',
      'thanks for nothing robot, human now',
    ],
    polite: [
      'Hi, sorry to bother you, would it be possible to speak with someone from your team?',
      'Good morning, I would appreciate talking to a human agent, thank you',
      'Would you mind putting me in touch with a colleague? Many thanks',
      'hello could i please speak to a member of your customer care team',
    ],
    es: [
      'quiero hablar con una persona',
      'pásame con un agente por favor',
      'necesito hablar con alguien de atención al cliente',
      '¿hay alguien real ahí?',
      'no quiero hablar con un robot',
      'quiero hablar con un humano',
      '¿me puede llamar alguien?',
      'comunícame con un asesor',
    ],
    fr: [
      'je veux parler à un humain',
      "est-ce que je peux parler à quelqu'un ?",
      "passez-moi un conseiller s'il vous plaît",
      'je voudrais parler à une vraie personne',
      'rappelez-moi svp',
      'un agent svp',
      'je ne veux pas parler à un robot',
      'mettez-moi en relation avec le service client',
    ],
    de: [
      'ich möchte mit einem Menschen sprechen',
      'kann ich bitte mit einem Mitarbeiter sprechen',
      'verbinden Sie mich mit dem Kundenservice',
      'ich will keinen Bot, ich will einen echten Menschen',
      'bitte rufen Sie mich zurück',
      'gibt es hier einen echten Menschen?',
      'Mitarbeiter bitte',
      'ich möchte mit jemandem reden, der mir wirklich helfen kann',
    ],
    pt: [
      'quero falar com um atendente',
      'posso falar com uma pessoa?',
      'me passa para um humano por favor',
      'quero falar com alguém de verdade',
      'não quero falar com robô',
      'preciso falar com um agente',
      'me liguem por favor',
    ],
    it: [
      'voglio parlare con un operatore',
      'posso parlare con una persona?',
      'mi passi un operatore per favore',
      'vorrei parlare con un essere umano',
      'non voglio parlare con un bot',
      'mi richiamate per favore',
      "c'è qualcuno di reale?",
    ],
  }),
  dialogue('customer_request', 'after an answer', [customer('where is my order'), ai('track-order'), customer('that does not help. can I talk to someone?')], SHOPS),
];

/** Anger: upset escalates at once (DESIGN §3). */
const UPSET: Probe[] = [
  ...escalations('negative_sentiment', {
    upset: [
      'you people are useless',
      "I'm furious, nobody has answered me in 5 days",
      "this is the worst service I have ever had, I'm so angry",
      'f***ing useless website',
      'what the f*** is going on with my order',
      'this is bullsh*t',
      'this is pathetic',
      'I am livid',
      'WHERE IS MY ORDER??? THIS IS A JOKE',
      'you guys are a bunch of idiots',
      'i am so pissed off right now',
      'are you stupid? I told you my order number',
      "I'll take my business elsewhere, this is outrageous",
      'sh*t service, absolute joke',
      'im fuming right now',
    ],
    'upset es': ['estoy furioso, nadie me responde', 'ustedes son unos inútiles', 'qué mierda de servicio'],
    'upset fr': ['vous êtes nuls', 'je suis furieux, toujours pas de colis', 'putain, vous êtes vraiment incompétents'],
    'upset de': ['ich bin stinksauer', 'ich bin wirklich wütend', 'Sie sind so inkompetent'],
    'upset pt': ['estou muito irritado, isso é um absurdo', 'vocês são uns inúteis', 'estou com muita raiva'],
    'upset it': ['è una vergogna, sono furioso', 'sono davvero arrabbiato', 'voi siete degli incompetenti'],
  }),
];

/** Frustration twice in a row escalates: each wording is the customer's second frustrated turn. */
const FIRST_FRUSTRATED: Record<string, string> = {
  en: 'my parcel is late again and nobody tells me anything, this is really annoying',
  es: 'llevo dos semanas esperando mi pedido y nadie me responde, estoy harto',
  fr: "ça fait deux semaines que j'attends ma commande et personne ne me répond, j'en ai marre",
  de: 'ich warte seit zwei Wochen auf meine Bestellung und niemand antwortet, das nervt',
  pt: 'estou esperando meu pedido há duas semanas e ninguém me responde, que absurdo',
  it: 'aspetto il mio ordine da due settimane e nessuno mi risponde, sono stufo',
};
const frustrated = (lang: string, tag: string, texts: string[]): Probe[] =>
  texts.map((t) => ({
    tag,
    turns: [customer(FIRST_FRUSTRATED[lang]!), { role: 'ai', text: 'I am sorry about the wait. Here is how to track your order.', action: 'answer' }, customer(t)],
    expect: { action: 'escalate', reason: 'negative_sentiment' },
  }));
const FRUSTRATED: Probe[] = [
  ...frustrated('en', 'frustrated', [
    "this is absolutely ridiculous, I've been waiting for weeks!!!",
    'are you kidding me? third time my parcel is lost',
    'i am sick and tired of this',
    'unbelievable. absolutely unbelievable. still nothing',
    'fed up with your excuses',
    "seriously?! I've explained this three times already",
    'im so done with this company',
    'no one ever replies to my emails, this is insane',
    'this is a bloody joke',
    'worst. company. ever.',
    'absolute shambles from start to finish',
    'what the hell is wrong with your company',
    'still nothing, this is getting really annoying',
    'how many times do I have to ask',
    'not happy at all with this',
    'still waiting, this is beyond a joke',
  ]),
  ...frustrated('en', 'sarcasm', [
    'oh great, another useless answer. thanks a lot',
    'wow what amazing service, only took 3 weeks to lose my package',
    'thanks for nothing',
    'brilliant, just brilliant. my order is lost again',
  ]),
  ...frustrated('en', 'lower case no punctuation', ['this is a joke i want my stuff', 'honestly what is wrong with you people', 'so annoying nobody ever answers']),
  ...frustrated('es', 'es', ['esto es indignante', '¡Estoy harto! Es una vergüenza, llevo semanas esperando', 'nadie me responde, es una tomadura de pelo', 'pésimo servicio, qué vergüenza']),
  ...frustrated('fr', 'fr', ["c'est inadmissible, j'en ai marre !", 'ça fait trois semaines que j’attends, c’est scandaleux', "c'est une honte, personne ne répond", 'ras le bol de ce service']),
  ...frustrated('de', 'de', ['Das ist eine Frechheit! Ich warte seit Wochen!', 'Unverschämtheit, niemand antwortet mir', 'ich habe die Nase voll', 'das ist doch lächerlich']),
  ...frustrated('pt', 'pt', ['isso é um absurdo', 'que palhaçada, ninguém me responde', 'estou farto de esperar', 'que vergonha, péssimo atendimento']),
  ...frustrated('it', 'it', ['che schifo di servizio', 'sono stufo di aspettare, è ridicolo', 'nessuno mi risponde, è inaccettabile', 'è una vergogna']),
  dialogue('negative_sentiment', 'frustrated twice', [customer('the app keeps crashing, so annoying'), ai('website-app-problems'), customer("it's still crashing and I'm losing patience")], ['demo']),
];

/** The default keywords of DESIGN §3, in customers' sentences. */
const KEYWORD: Probe[] = [
  ...escalate('keyword', 'keyword', [
    "I'll be contacting my lawyer about this",
    'I want a refund for the broken blender',
    'i am going to sue you',
    'this is disgraceful',
    'I want to make a complaint',
    'I will file a chargeback with my bank',
    'this is fraud',
    'what you did is not legal',
    'my lawyers will hear about this',
    'REFUND NOW',
    'i want my refund',
    "I'm considering legal action",
    'I need a refund please, the item never arrived',
    "you charged me twice, that's fraud",
    'disgraceful service from start to finish',
    'i want to lodge a formal complaint',
    "I'll sue if this isn't fixed",
    'refund me',
    'I demand a full refund!',
    'still waiting for my refund after 3 weeks, this is a joke',
  ]),
];

/** Sensitive topics, in several languages. */
const TOPICS: Probe[] = [
  ...escalate('billing', 'billing', [
    'you charged me twice for the same order',
    'I was overcharged',
    'why was I billed £49 when the price was £39',
    'the amount taken from my card is wrong',
    'I was charged after I cancelled my subscription',
    'I want my money back',
    'double charged for one order',
    'there is an extra charge on my bill I did not expect',
    'I paid but the order was cancelled and I have not got my money back',
  ]),
  ...escalate('security', 'security', [
    'someone hacked my account',
    'I lost my wallet with my card in it',
    "there's a payment on my card I didn't make",
    'my card was stolen',
    'I think my account has been compromised',
    'I got a phishing email pretending to be you',
    'someone changed my password and email',
    "I don't recognise a transaction on my card",
    'somebody is using my card',
  ]),
  ...escalate('account_closure', 'closure', [
    'please close my account',
    'delete my account and all my data',
    'I want to cancel my membership',
    'I want to leave your bank',
    'get rid of my account',
  ]),
  ...escalate('legal', 'legal', [
    'my solicitor says this breaches consumer rights',
    'I will take you to court',
    'this is a GDPR subject access request',
    "I'm reporting you to trading standards",
    'my attorney will be in touch',
  ]),
  ...escalate('health_safety', 'health', [
    'the charger caught fire',
    'my son had an allergic reaction to the snack',
    'the kettle gave me an electric shock',
    'the phone battery is swelling',
    'the toy has a sharp edge and my daughter cut her hand on it',
    'the heater started smoking and melted',
  ]),
  ...escalate('personal_safety', 'personal safety', [
    'the delivery driver threatened me',
    "I'm being harassed by one of your drivers",
    "I don't feel safe, your courier keeps following me",
    'I want to kill myself',
  ]),
  ...escalate('accessibility', 'accessibility', [
    "I'm blind and your checkout doesn't work with my screen reader",
    'I use a wheelchair, can the courier bring it upstairs',
    "I'm deaf so I can't phone you, who can help me by chat",
  ]),
  ...escalate('policy_exception', 'exception', [
    "I know it's past the 30 day return window but can you make an exception",
    'could you waive the cancellation fee just this once',
    'my return is a few days late, can you still accept it as a one-off exception',
  ]),
  ...escalate('complaint', 'complaint', ['I want to complain about the driver', "I'm really unhappy with the service I received", 'terrible customer service, I want to raise a complaint']),
  ...byLanguage({
    es: {
      security: ['me robaron la tarjeta', 'hay un cargo en mi tarjeta que no reconozco', 'me han hackeado la cuenta'],
      billing: ['me cobraron dos veces el mismo pedido', 'quiero que me devuelvan el dinero', 'quiero un reembolso'],
      account_closure: ['quiero cerrar mi cuenta', 'borren mi cuenta por favor'],
      legal: ['voy a hablar con mi abogado', 'los voy a denunciar'],
    },
    fr: {
      security: ["on m'a volé ma carte", 'mon compte a été piraté', 'il y a un paiement que je ne reconnais pas'],
      billing: ["j'ai été débité deux fois", 'je veux être remboursé', 'je veux récupérer mon argent'],
      account_closure: ['je veux fermer mon compte', 'supprimez mon compte'],
      legal: ['je vais porter plainte', 'je vais contacter mon avocat'],
    },
    de: {
      security: ['meine Karte wurde gestohlen', 'mein Konto wurde gehackt', 'da ist eine Abbuchung, die ich nicht kenne'],
      billing: ['mir wurde doppelt abgebucht', 'ich möchte mein Geld zurück', 'ich will eine Rückerstattung'],
      account_closure: ['ich möchte mein Konto kündigen', 'bitte löschen Sie mein Konto'],
      legal: ['ich werde meinen Anwalt einschalten', 'ich werde Sie verklagen'],
    },
    pt: {
      security: ['meu cartão foi roubado', 'minha conta foi hackeada', 'tem uma compra no meu cartão que eu não reconheço'],
      billing: ['fui cobrado duas vezes', 'quero meu dinheiro de volta', 'quero um reembolso'],
      account_closure: ['quero encerrar minha conta', 'apaguem a minha conta'],
      legal: ['vou processar vocês', 'vou falar com meu advogado'],
    },
    it: {
      security: ['mi hanno rubato la carta', 'il mio account è stato hackerato', "c'è un addebito che non riconosco"],
      billing: ['mi avete addebitato due volte', 'voglio il rimborso', 'rivoglio i miei soldi'],
      account_closure: ['voglio chiudere il mio conto', 'cancellate il mio account'],
      legal: ['mi rivolgerò al mio avvocato', 'vi denuncio'],
    },
  }),
  ...escalate('health_safety', 'health, other languages', [
    'el cargador se incendió',
    'mi hijo tuvo una reacción alérgica',
    'le chargeur a pris feu',
    "j'ai pris une décharge, enfin un choc électrique avec la bouilloire",
    'das Ladegerät hat Feuer gefangen',
    'der Wasserkocher gab mir einen Stromschlag',
    'o carregador pegou fogo',
    'meu filho teve uma reação alérgica',
    'il caricabatterie ha preso fuoco',
    'ho preso una scossa elettrica dal bollitore',
  ]),
  ...escalate('personal_safety', 'personal safety, other languages', [
    'el repartidor me amenazó',
    'le livreur m’a menacée',
    'der Fahrer hat mich bedroht',
    'o entregador me ameaçou',
    'il corriere mi ha minacciato',
    'no me siento segura, el repartidor me sigue',
  ]),
];

/** Refunds and disputes over the threshold, in several currencies and formats. */
const HIGH_VALUE: Probe[] = [
  ...escalations('high_value', {
    amount: [
      'I want a refund of $1,500 for the laptop',
      'you charged me €1.200,50 twice',
      'refund my £2k please, the order never came',
      'I was overcharged by 250 euros',
      'I need my money back, 300 USD',
      "there's a charge of £499.99 I didn't make",
      'refund 1 500 € please',
      'you took 1500 dollars from my account without permission',
      'the refund should be ¥20,000',
      'I was double charged $129.99',
      'CHF 1250 was charged twice',
      'refund of 2.5k EUR please',
      'I want my 500 quid back',
      'refund me 150 bucks',
    ],
    'amount es': ['quiero un reembolso de 350 €', 'me cobraron 1.200,00 € dos veces'],
    'amount fr': ['je veux être remboursé de 1 200,00 €', "j'ai été débité deux fois de 180 €"],
    'amount de': ['ich möchte die 249,99 € zurück', 'mir wurden 500 Euro doppelt abgebucht'],
    'amount pt': ['fui cobrado duas vezes R$ 800', 'quero o reembolso de 300 euros'],
    'amount it': ['voglio il rimborso di 450 €', 'mi avete addebitato due volte 1.000 euro'],
  }),
  ...escalate('keyword', 'under the threshold', ['I want a refund of $15 please', 'refund my £20'], { absent: ['high_value'] }),
];

/** VIP and enterprise customers: anything that is not a simple FAQ. */
const VIP: Probe[] = [
  ...escalate('vip', 'vip', [
    'can you check why my invoice shows a different company name',
    'we need to change the billing contact on our contract',
    'I need help setting up a bulk order for my team',
    'something is wrong with my order, can you look into it',
  ], { tier: 'vip' }),
  ...escalate('vip', 'enterprise', ['our team accounts are not syncing properly', 'we have a question about our annual agreement'], { tier: 'Enterprise' }),
];

/** The same question again, and answers that keep failing. */
const REPEATED: Probe[] = [
  dialogue('repeated_question', 'third time', [customer('where is my order'), ai('track-order'), customer('where is my parcel??'), ai('track-order'), customer('I asked where my order is')], SHOPS),
  dialogue('repeated_question', 'third time, paraphrased', [customer('when will my package arrive'), ai('track-order'), customer('ok but when does my package get here'), ai('track-order'), customer('so when is my package arriving')], SHOPS),
  dialogue('repeated_question', 'failed attempts', [
    customer('my discount code does not work'),
    { ...ai('discount-codes'), failed: true },
    customer('tried that, still not working'),
    { ...ai('discount-codes'), failed: true },
    customer('it still says invalid'),
  ], ['demo']),
  dialogue('repeated_question', 'third time, lower case', [customer('how do i reset my password'), ai('reset-password'), customer('how do i reset my password'), ai('reset-password'), customer('how do i reset my password')], ['demo']),
  dialogue('repeated_question', 'third time, es', [customer('¿dónde está mi pedido?'), ai('track-order'), customer('¿dónde está mi pedido???'), ai('track-order'), customer('dónde está mi pedido')], SHOPS),
];

/** Questions the KB cannot answer: clarify once, then escalate, or decline what is outside the business. */
const LOW_CONFIDENCE: Probe[] = [
  ...[
    "what's the capital of Australia",
    'can you write me a poem about cats',
    "what's the weather like tomorrow",
    'who won the football last night',
    'recommend a good pizza place near me',
    'blorf snargle wibble',
    'asdfgh',
    "my neighbour's dog keeps barking",
  ].map((t): Probe => ({ tag: 'out of scope', turns: t, expect: { action: 'not_answer' } })),
  dialogue('low_confidence', 'clarified once', [customer('the thing with the stuff'), clarifyTurn, customer('you know, the thing from before')]),
];

/** Look-alikes: a trigger word, not a trigger. */
const LOOK_ALIKES: Probe[] = [
  ...hold('human look-alike', [
    'who do I contact in human resources about a job application',
    'a person at the door signed for my parcel',
    "I'm a human, not a robot, why does the captcha keep failing?",
    'are you a bot or a real person?',
    'is this a real person I am chatting to? just curious',
    'my travel agent booked it for me',
    'the courier was lovely, a real person who cares',
    'the app keeps saying "contact an agent" when I try to log in',
    'my husband is the account holder',
    'what are your chat support hours?',
    'my boss asked me to order 20 chairs',
    'Will someone contact me when it ships?',
  ]),
  // At a bank these read as a possible phishing attempt, which is rightly a security matter.
  ...hold('human look-alike', ['someone from your company called me, is it legit?', 'Did someone from billing email me?'], { kbs: SHOPS }),
  ...hold('negation', [
    "I'm not angry, just asking when my parcel will arrive",
    "I don't need an agent, just tell me the delivery times",
    'no need for a human, how do I reset my password',
    "I'm happy, no complaints, just want to know about delivery costs",
    'no need to pass me to anyone, I just need the returns address',
  ]),
  ...hold('calm', [
    "I was annoyed yesterday but it's sorted now, thanks",
    'no worries, take your time',
    "Thank you so much, you've been really helpful!",
    'these prices are killing me haha, any discount codes?',
    'the pop-ups on your site are a menace',
    'Thanks, customer service.',
    'it was delivered to the wrong person.',
    'sorry for the confusion, how do I track my order',
  ]),
  ...hold('negation es', ['no necesito un agente, solo quiero saber dónde está mi pedido']),
  ...hold('negation fr', ['je ne veux pas parler à un conseiller, je veux juste suivre ma commande']),
  ...hold('negation de', ['ich brauche keinen Mitarbeiter, nur die Lieferzeit']),
  ...answer('faq with a trigger word', { demo: ['returns-policy', 'refund-timing'], retail: ['check-refund-policy'] }, ['what is the refund policy', 'what is your refund policy?']),
  ...answer('faq with a trigger word', { demo: ['refund-timing'], retail: ['track-refund', 'check-refund-policy'] }, ['how long do refunds take?', 'when will I get my refund']),
  ...answer('cancel as a faq', { demo: ['cancel-order'], retail: ['cancel-order'] }, ['how do I cancel my order', 'can I cancel an order before it ships?', 'cancel my order please']),
  ...answer('negated request', { demo: ['delivery-times-costs'] }, ["I don't need an agent, just tell me the delivery times"]),
  ...answer('negated request', { demo: ['reset-password'], retail: ['recover-password'] }, ['no need for a human, how do I reset my password']),
  ...answer('simple faq', { demo: ['payment-methods'], retail: ['check-payment-methods'] }, ['what payment methods do you accept']),
  ...answer('simple faq', { demo: ['contact-opening-hours'] }, ['is your customer service open on sundays?']),
  ...answer('simple faq', { demo: ['reset-password'], retail: ['recover-password'], banking: ['passcode-forgotten'] }, ['I lost my password']),
  ...answer('amount, no dispute', { demo: ['track-order', 'delivery-times-costs'], retail: ['track-order', 'delivery-period'] }, ['my $1,500 order, when will it arrive?']),
  ...answer('amount, no dispute', { demo: ['delivery-times-costs', 'international-shipping'] }, ['is there free delivery on orders over €100?']),
  ...hold('amount, no dispute', ['is there free delivery on orders over €100?', 'I spent $2,000 with you last year, do you have a loyalty scheme?']),
  ...answer('vip simple faq', { demo: ['reset-password'], retail: ['recover-password'] }, ['how do I reset my password']).map((p) => ({ ...p, tier: 'vip' })),
];

/** Every probe, by the reason it is about ('none' for look-alikes). */
export const PROBES: Record<string, Probe[]> = {
  customer_request: withGaps(CUSTOMER_REQUEST),
  negative_sentiment: [...UPSET, ...FRUSTRATED],
  keyword: KEYWORD,
  topics: TOPICS,
  high_value: HIGH_VALUE,
  vip: withGaps(VIP),
  repeated_question: REPEATED,
  low_confidence: withGaps(LOW_CONFIDENCE),
  look_alikes: withGaps(LOOK_ALIKES),
};

/** The KBs a probe runs against. */
export function probeKbs(probe: Probe): ProbeKb[] {
  return probe.kbs ?? ALL;
}
