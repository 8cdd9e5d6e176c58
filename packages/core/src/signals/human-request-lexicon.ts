/**
 * The words and rules of `detectHumanRequest`, one table per language (en, es, fr, de, pt, it).
 * Written by hand for Baton; no list here is taken from a dataset.
 *
 * Every rule runs over a language's canonical view of the message: normalised (lowercase, no
 * accents), with each token that is a misspelling of one of `fuzzy` replaced by that word, and
 * slang replaced through `aliases`. So the rules name each word once, correctly spelt, and
 * "reprsentitive" or "Mitarbieter" still reach them. `guards` are real words close enough to a
 * key to be mistaken for a misspelling of it, and are left alone.
 *
 * Kinds: `explicit` names a person or a team; `implicit` gives up on the bot without naming
 * one; `refusal` refuses the bot ("I don't want to talk to a robot"), which asks for a person by
 * elimination; `callback` asks to be phoned. Asking how to reach the business ("how do I call
 * you?", "your number?") is a question the knowledge base answers, so it is none of these.
 */
import { createFuzzyLexicon, type FuzzyLexicon } from './fuzzy-word.js';
import type { HumanRequest } from './human-request.js';

/** One pattern of a language. */
export interface HumanRequestRule {
  /** Compiled once, with the `g` flag (not `u`: see LN), over the canonical view. */
  re: RegExp;
  kind: HumanRequest['kind'];
  /** False for refusals, whose own words are a negation ("I don't want a bot"). */
  negatable: boolean;
  /** Skip when a how/where question comes first: it asks for contact details. */
  contactDetails: boolean;
}

/** Everything `detectHumanRequest` knows about one language. */
export interface HumanRequestLanguage {
  /** ISO 639-1. */
  code: string;
  /** Keys for misspelling-tolerant lookup, and their guards. */
  words: FuzzyLexicon;
  /** This language's own words: keys, guards, triggers and markers. */
  own: ReadonlySet<string>;
  /** Slang and shorthand, to canonical words ("pls" to "please"). */
  aliases: ReadonlyMap<string, string>;
  /**
   * Whether a canonical token can take part in a rule: every rule needs at least one such
   * word, so a message without one skips the language's regexes (most messages do).
   */
  isTrigger(token: string): boolean;
  /**
   * Whether a canonical token is a common word of this language and not of English. Other
   * languages' rules only run on a message with one (or a very short message), which keeps
   * English traffic from paying for five more rule sets.
   */
  isMarker(token: string): boolean;
  /** Tried in order; the first hit wins. */
  rules: readonly HumanRequestRule[];
  /** A negation word in the clause just before a span; tested on that clause. */
  negation: RegExp;
  /** Phrases that look negative but do not refuse ("don't know how to"); removed first. */
  notNegation: RegExp;
  /** Ends of clause, as words or punctuation: a negation before one does not count. */
  clauseBreak: RegExp;
  /** A question about the process ("do I need to talk to someone to…?"): no explicit hit. */
  processQuestion: RegExp;
  /** Asks what the assistant is ("are you a real person?"): no explicit hit, unless… */
  asksWhatItIs: RegExp;
  /** …the message also asks for one outright. */
  asksForOne: RegExp;
  /** A how/where question about contacting, which the KB answers. */
  contactQuestion: RegExp;
}

// Building blocks shared by all languages. Gaps are bounded, so every pattern runs in linear time.
/**
 * Letters and digits of the canonical view, which is lowercase with accents stripped: ASCII, and
 * every BMP character from U+00C0 up but general punctuation (U+2000–U+206F) and surrogates.
 * With no \p{…} class the rules compile without the `u` flag, in about half the time (the
 * detector runs in every process, and ~100 patterns are compiled on first use); emoji and other
 * astral symbols count as separators.
 */
const LN = 'a-z0-9\\u00c0-\\u1fff\\u2070-\\ud7ff\\ue000-\\uffff';
// A word, with at most two apostrophes ("quelqu'un", "don't"): a run like "a'a'a'…" must not be one word
// that every position inside it re-scans.
const W = `[${LN}]+(?:'[${LN}]+){0,2}`;
/** Up to n words, not crossing a clause, then a separator. */
const GAP = (n: number) => `(?:[^${LN}.!?;,]+${W}){0,${n}}?[^${LN}.!?;]+`;
/** A separator between two words, not crossing a sentence. */
const S = `[^${LN}.!?;]+`;
/** Up to n words taken from `words`, then a separator. */
const SOME = (words: string, n: number) => `(?:${S}${words}){0,${n}}${S}`;
const alt = (xs: readonly string[]) => `(?:${xs.join('|')})`;
/** The whole message is `body` (said up to three times over), with politeness around it. */
const WHOLE = (body: string, polite: string) => `^[^${LN}]*(?<said>${body})(?:[^${LN}]+\\k<said>){0,2}(?:${S}${polite}){0,3}[^${LN}]*$`;

interface RuleSpec {
  kind: HumanRequest['kind'];
  re: string;
  negatable?: boolean;
  contactDetails?: boolean;
}

interface LanguageSpec {
  code: string;
  /** Words whose misspellings are corrected to them (see fuzzy-word.ts). */
  fuzzy: readonly string[];
  /** Words never corrected: real words near a key, and the inflections the rules name. */
  guards: readonly string[];
  /**
   * Slang, shorthand and systematic spellings that edit distance does not reach ("gimme",
   * "qqn", a silent h dropped, "moechte" for "möchte"). Plain typos are left to the fuzzy match.
   */
  aliases: Readonly<Record<string, string>>;
  /** Words every rule needs one of (after correction), matched on their first 5 letters. */
  triggers: readonly string[];
  /** Heads of compounds that also count ("Kundendienstmitarbeiter"). */
  triggerSuffixes?: readonly string[];
  /** Common words of this language that English does not use; none for English. */
  markers: readonly string[];
  rules: readonly RuleSpec[];
  negation: readonly string[];
  notNegation: string;
  clauseBreak: readonly string[];
  processQuestion: string;
  asksWhatItIs: string;
  asksForOne: string;
  contactQuestion: string;
}

/** Tokens of up to 5 letters are compared whole, longer ones by their first 5 letters. */
const stem = (word: string) => (word.length <= 5 ? word : word.slice(0, 5));

function build(spec: LanguageSpec): HumanRequestLanguage {
  const stems = new Set(spec.triggers.map(stem));
  const suffixes = spec.triggerSuffixes ?? [];
  // Any of its own words that English does not use shows the language, besides the listed ones.
  const markers = new Set([...spec.markers, ...spec.fuzzy, ...spec.guards].filter((w) => spec.code === 'en' || !ENGLISH_WORDS.has(w)));
  if (spec.code === 'en') markers.clear();
  return {
    code: spec.code,
    own: new Set([...spec.fuzzy, ...spec.guards, ...spec.triggers, ...spec.markers]),
    words: createFuzzyLexicon(spec.fuzzy, spec.guards),
    aliases: new Map(Object.entries(spec.aliases)),
    isMarker: (token) => markers.has(token),
    isTrigger: (token) => stems.has(stem(token)) || (token.length > 8 && suffixes.some((x) => token.endsWith(x))),
    rules: spec.rules.map((r) => ({
      re: new RegExp(r.re, 'g'),
      kind: r.kind,
      negatable: r.negatable ?? true,
      contactDetails: r.contactDetails ?? false,
    })),
    negation: new RegExp(`(?:^|[^${LN}'])${alt(spec.negation)}(?![${LN}])[^.!?;,]{0,30}$`, 'u'),
    notNegation: new RegExp(spec.notNegation, 'gu'),
    clauseBreak: new RegExp(`[.!?;,]|(?<![${LN}'])${alt(spec.clauseBreak)}(?![${LN}'])`, 'gu'),
    processQuestion: new RegExp(spec.processQuestion, 'u'),
    asksWhatItIs: new RegExp(spec.asksWhatItIs, 'u'),
    asksForOne: new RegExp(spec.asksForOne, 'u'),
    contactQuestion: new RegExp(spec.contactQuestion, 'u'),
  };
}

// ---------------------------------------------------------------------------------------------
// English
// ---------------------------------------------------------------------------------------------

const EN_HUMAN = alt([
  'humans?', 'human beings?', 'persons?', 'people', 'some ?one(?: else)?', 'some ?body(?: else)?', 'anyone', 'anybody',
  'agents?', 'representatives?', 'reps?', 'operators?', 'assistants?', 'managers?', 'supervisors?', 'staff', 'employees?',
  'advis[oe]rs?', 'specialists?', 'consultants?', 'colleagues?', 'associates?', 'individuals?', 'woman', 'guy', 'lady',
  'tellers?', 'workers?', 'boss(?:es)?', 'superiors?', 'higher[ -]ups?', 'team lead(?:er)?s?', 'member of staff', '(?:staff|team) members?', `members? of (?:the |your )?(?:[${LN}]+ ){0,2}(?:staff|team|department)`, '(?:you|u) guys', "y'?all", 'your (?:team|staff|people|agents)',
]);
// Compounds where the noun is not someone the customer can be put through to.
const EN_NOT_HUMAN_BEFORE =
  '(?:travel|insurance|estate|secret|user|virtual|ai|digital|automated|chat ?bot|bot|booking|free|double|my|his|her|their|our|in|two|three|four|five|delivery|cleaning|personal|google|voice|smart|\\d+)';
const EN_TALK =
  '(?:talk|talking|speak|speaking|chat|chatting|converse|communicate|connect|connecting|transfer|transferring|forward|redirect|escalate|pass|hand|put|putting|get|give|bring|see|deal|ask for|switch|patch|hook)';
// Channels: "how do I contact someone" asks for contact details.
const EN_CHANNEL = '(?:contact|contacting|reach|reaching|call|calling|email|e-mail)';
const EN_WANT =
  "(?:want|need|needs|(?:i'?d|would|we'?d) (?:really )?like|prefer|request|requesting|require|demand|demanding|looking for|asking for)";
// "I want to add a person to my account" is not a request: after "want to" only these verbs lead to one.
const EN_WANT_TO = `(?!\\s+to\\s+(?!(?:talk|speak|chat|be|get|have|deal|see|reach|contact|connect|ask|work|consult|discuss|go|hear|meet|call)\\b)[${LN}])`;
const EN_MARK = '(?:real|live|actual|human|physical|genuine|flesh and blood|proper|living|breathing)';
const EN_NOUN_AFTER_MARK = '(?:persons?|humans?|people|agents?|operators?|representatives?|reps?|body|assistants?|support|personal|one|staff|employee)';
const EN_DEPT =
  '(?:team|department|dept|desk|reception|concierge|room service|customer service|customer support|customer care|support team|sales|billing|manager|front desk|restaurant|kitchen|hotel|store|shop|pharmacy|housekeeping|spa|office|branch|tech(?:nical)? support|help ?desk|service desk|call cent(?:er|re)|complaints)';
const EN_BARE =
  '(?:(?:customer (?:service|support|care) |support |service )?(?:agents?|representatives?|reps?|advis[oe]rs?)|humans?|persons?|operators?|someone|somebody|anyone|real person|live agent|human agent|live person|human being|manager|supervisor|customer service|customer support|customer care|live chat|staff|human support)';
const EN_POLITE = '(?:please|now|asap|thanks?|thank you|already|right now|immediately|urgently|quickly|fast|again|here)';
const EN_BOT = '(?:bots?|robots?(?! vacuum| mower| cleaner)|chat ?bots?|ai|artificial intelligence|automated (?:system|service|assistant|thing|messages?|repl(?:y|ies)|answers?|responses?|voice|agent|chat)|automatic (?:repl(?:y|ies)|answers?|responses?)|virtual (?:assistant|agent)|auto ?repl(?:y|ies)|autoresponder|algorithm)';
const EN_MACHINE = `(?:${EN_BOT.slice(3, -1)}|machines?|computers?|programs?|recordings?|scripts?|systems?)`;
const EN_COMMUNICATE = '(?:talk|talking|speak|speaking|chat|chatting|deal|dealing|communicate|communicating|argue|arguing|type|typing|text|texting|explain|explaining|converse|conversing|interact|interacting)';
const EN_FED_UP = "(?:enough of|tired of|sick of|fed up with|done with|hate|can't stand|cant stand|cannot stand|sick and tired of)";
const EN_NEG = "(?:dont|don't|do not|doesnt|doesn't|does not|not|never|no longer|won't|wont|will not|refuse to|can't|cant|cannot|am not|i'm not|im not)";
// After "call me": a callback ("back", "asap", "at 0612…", the end), not a name ("call me Bob")
// nor a later event ("call me when it ships").
const EN_CALL_NEXT = '(?:\\s+(?:back|please|asap|now|today|tomorrow|later|right away|urgently|soon|at|on|whenever|when (?:you|possible|convenient|someone)|as soon as|to (?:discuss|talk|sort|explain|help|go over)|about (?:this|it|my)|by (?:e-?mail|phone|telephone|text|sms))\\b|\\s*(?:[.!?,;]|$))';
const EN_NOT_A_REFUSAL = '(?!\\s+(?:know|understand|mind|care|think|see|realise|realize|sure|believe|remember|get it|get why))';

const EN: LanguageSpec = {
  code: 'en',
  fuzzy: [
    'human', 'humans', 'person', 'persons', 'people', 'someone', 'somebody', 'anyone', 'anybody', 'agent', 'agents',
    'representative', 'representatives', 'operator', 'operators', 'assistant', 'manager', 'supervisor', 'advisor',
    'adviser', 'specialist', 'consultant', 'employee', 'customer', 'service', 'support', 'speak', 'talk', 'chat', 'contact', 'transfer', 'connect', 'callback', 'phone', 'robot', 'robots', 'machine', 'computer',
    'automated', 'department',
  ],
  guards: [
    'persona', 'personas', 'parson', 'parsons', 'humane', 'argent', 'anent', 'operation', 'operations', 'operate',
    'operated', 'operates', 'operatic', 'representation', 'representations', 'assistance', 'resistant', 'managed',
    'manages', 'manger', 'supervision', 'advisory', 'advised', 'advises', 'specialise', 'specialize', 'specialism',
    'consultancy', 'consulting', 'employer', 'employers', 'employed', 'employ', 'employs', 'someday', 'contract',
    'contracts', 'transform', 'transfers', 'fallback', 'cashback', 'phoned', 'phony', 'phoney', 'prone', 'commuter',
    'computed', 'compute', 'automate', 'automates', 'automatic', 'custom', 'customs', 'servile', 'speck', 'spear',
    'sneak', 'spean', 'tall', 'tale', 'talc', 'task', 'tack', 'tank', 'tali', 'chart', 'cheat', 'chap', 'char', 'chai',
    'chit', 'chad', 'coat', 'agence', 'pleas', 'plead', 'pease', 'peoples', 'someones', 'speaker', 'talky', 'humas',
    'hymen', 'robin', 'deportment', 'connects', 'persist', 'apartment', 'apartments', 'clawback', 'commute', 'commuted',
    'commutes', 'compete', 'competes', 'composer', 'compiler', 'comparer', 'compote', 'socialist', 'speciality',
    'specials', 'supervise', 'supervised', 'supervises', 'customary', 'constant', 'root', 'roots', 'steak', 'chant',
    'manage', 'automaker', 'assisting',
  ],
  aliases: {
    hooman: 'human', hoomans: 'humans', hoomin: 'human', ppl: 'people', smone: 'someone', some1: 'someone', sum1: 'someone',
    pls: 'please', plz: 'please', plox: 'please', plzz: 'please', pleez: 'please', gimme: 'give me', lemme: 'let me',
    wanna: 'want to', gotta: 'got to', cust: 'customer', svc: 'service', ur: 'your', talkto: 'talk to', speakto: 'speak to', callme: 'call me',
  },
  triggers: [
    'human', 'person', 'persons', 'people', 'someone', 'somebody', 'anyone', 'anybody', 'some', 'any', 'agent', 'agents',
    'boss', 'bosses', 'superior', 'superiors', 'representative', 'rep', 'reps', 'operator', 'assistant', 'manager', 'supervisor', 'staff', 'employee', 'advisor',
    'adviser', 'specialist', 'consultant', 'colleague', 'associate', 'individual', 'woman', 'guy', 'guys', 'lady', 'teller',
    'worker', 'member', 'yall', "y'all", 'team', 'real', 'live', 'actual', 'physical', 'genuine', 'flesh', 'proper', 'living',
    'breathing', 'department', 'dept', 'desk', 'reception', 'concierge', 'service', 'support', 'care', 'sales', 'billing',
    'front', 'restaurant', 'kitchen', 'hotel', 'store', 'shop', 'pharmacy', 'housekeeping', 'spa', 'office', 'branch', 'tech',
    'technical', 'helpdesk', 'help', 'helping', 'helpful', 'center', 'centre', 'complaints', 'escalate', 'escalated', 'bot',
    'bots', 'robot', 'robots', 'chatbot', 'ai', 'artificial', 'automated', 'automatic', 'virtual', 'autoreply',
    'autoresponder', 'auto', 'algorithm', 'machine', 'computer', 'program', 'programs', 'recording', 'script', 'scripts',
    'system', 'systems', 'call', 'calls', 'callback', 'ring', 'phone', 'telephone', 'buzz', 'comfortable', 'uncomfortable',
    'working', 'work', 'nowhere', 'useless', 'pointless', 'waste', 'wasting', 'hopeless', 'frustrating', 'ridiculous', 'done',
    'loop', 'understand', 'understanding', 'use',
  ],
  markers: [],
  rules: [
    // Callbacks: "call me back", "phone me please", "call me at 0612…"
    { kind: 'callback', re: `(?<!\\bwhat\\b[^.!?]{0,30})\\b(?:call|ring|phone|telephone|buzz) (?:me|us)${EN_CALL_NEXT}` },
    // "can someone ring me", "could you call me?"
    { kind: 'callback', re: `\\b(?:can|could|would|please)\\s+(?:you|u|someone|somebody|anyone|one of you|(?:a|an|the|your)\\s+${EN_HUMAN})\\s+(?:please\\s+)?(?:call|ring|phone|telephone)\\s+(?:me|us)${EN_CALL_NEXT}` },
    // "have someone call me", "I want somebody to ring me"
    { kind: 'callback', re: `\\b(?:have|get|let|need|want|like)\\s+(?:someone|somebody|one of you|(?:a|an|the|your)\\s+${EN_HUMAN})\\s+(?:to\\s+)?(?:call|ring|phone|contact)\\s+(?:me|us)${EN_CALL_NEXT}` },
    // "can I get a callback", "I'd like a call back", "give me a ring"
    { kind: 'callback', re: `\\b(?:want|need|like|request|requesting|get|have|give me|arrange|book|schedule|set up|prefer|ask for|asking for)\\b${SOME('(?:to|get|have|receive|please|me|us|really|just|quick|urgent)', 2)}(?:(?:a|an|the|some)\\s+(?:call ?back|call-back|phone call|call|ring|phone back)|(?<!\\bto\\s)call ?backs?)\\b(?!-)(?=\\s*(?:[.!?,;]|$|(?:back|from|today|tomorrow|asap|please|now|on|at|to|with|about|regarding|within|this|as|instead|soon|later|urgently|when|if|so)\\b))` },
    // "callback please", "call back asap" as the whole message
    { kind: 'callback', re: WHOLE('(?:a\\s+)?(?:call ?back|call-back|phone call|call me)', EN_POLITE) },
    // "let me talk to someone", "put me through to a real person", "get me someone"
    { kind: 'explicit', re: `\\b${EN_TALK}\\b${GAP(5)}(?<!\\b${EN_NOT_HUMAN_BEFORE}\\s)${EN_HUMAN}\\b(?!'s)` },
    // "real person", "an actual human", "live agent"; not praise of one ("a real person who cares")
    { kind: 'explicit', re: `(?<!\\b(?:be|like|as|are|you're|youre|is|am)\\s+(?:a\\s+|an\\s+)?)\\b${EN_MARK}\\s+${EN_NOUN_AFTER_MARK}\\b(?!\\s+(?:who|that) (?:cares|cared|listens|listened|helped|knew|was|understood|went)\\b)` },
    // "I need an operator", "I'd prefer a human", "need help from someone"
    { kind: 'explicit', re: `\\b${EN_WANT}\\b${EN_WANT_TO}${GAP(3)}(?<!\\b${EN_NOT_HUMAN_BEFORE}\\s)${EN_HUMAN}\\b(?!'s)` },
    // "contact somebody"; but "how do I contact someone about…" asks for contact details
    { kind: 'explicit', re: `\\b${EN_CHANNEL}\\b${GAP(5)}(?<!\\b${EN_NOT_HUMAN_BEFORE}\\s)${EN_HUMAN}\\b(?!'s)`, contactDetails: true },
    // "is there an actual human", "anyone there?"
    { kind: 'explicit', re: `\\b(?:is|are) there\\b${GAP(2)}${EN_HUMAN}\\b|\\b(?:any ?one|any ?body|some ?one) (?:actually |really |even )?(?:there|here|out there|home|around|real)\\b|\\b(?:is|are) (?:a|an|any|an actual|a real) ${EN_HUMAN} (?:reading|there|here|listening|available|around|on (?:the )?line|online|awake)\\b` },
    // "connect me to support", "can I talk with support" (not "chat support hours")
    { kind: 'explicit', re: `\\b(?:transfer|connect|put|pass|forward|redirect|route|talk|speak|chat|patch)\\b${GAP(3)}(?:to|with) (?:the |your |a )?support\\b(?! (?:article|page|site|hours|docs|forum|email|number))`, contactDetails: true },
    // "could someone from billing get in touch?", "can I have someone email me"
    { kind: 'callback', re: `(?<!\\b(?:did|has|have|had|was|why)\\s+)\\b(?:someone|somebody|anyone|one of you|(?:a|an|the|your)\\s+${EN_HUMAN})(?:\\s+from\\s+(?:the\\s+|your\\s+)?[${LN}]+)?\\s+(?:please\\s+)?(?:get in touch(?: with (?:me|us))?|reach out(?: to (?:me|us))?|get back to (?:me|us)|(?:contact|email|e-mail|call|ring|phone) (?:me|us))${EN_CALL_NEXT}`, contactDetails: true },
    // "transfer me to room service", "connect me with billing"
    { kind: 'explicit', re: `\\b(?:transfer|connect|put|pass|forward|redirect|route|talk|speak|chat|patch)\\b${GAP(4)}${EN_DEPT}\\b` },
    // "contact customer service now"; "how do I contact customer service" asks for details
    { kind: 'explicit', re: `\\b${EN_CHANNEL}\\b${GAP(4)}${EN_DEPT}\\b`, contactDetails: true },
    // "spa team please", "billing department now"
    { kind: 'explicit', re: `\\b${W}\\s+(?:team|department|dept|desk)\\s*(?:please|now|asap)\\b` },
    // "…, human now", "oh great, another robot. a person please": the same as the last clause
    { kind: 'explicit', re: `[.!?,;]\\s*(?:(?:a|an|the|get|give me|get me|need|want|i want|i need|just|only|please|some|one)\\s+){0,4}(?:real person|live agent|human agent|live person|human being|humans?|persons?|agents?|representatives?|operators?)(?:${S}${EN_POLITE}){0,3}[^${LN}]*$` },
    // "agent!!", "human please", "gimme customer service" as the whole message
    { kind: 'explicit', re: WHOLE(`(?:(?:a|an|the|get|give me|get me|need|want|i want|i need|just|only|please|some|one)${S}){0,6}(?:a\\s+|an\\s+|the\\s+)?${EN_BARE}`, EN_POLITE) },
    // "please escalate this", "I want this escalated"
    { kind: 'explicit', re: `\\b(?:escalate (?:this|it|me|my (?:case|issue|ticket|complaint|problem|query|request))|escalate to (?:a|an|the|your)\\b|(?:want|need|like) (?:this|it|my [${LN}]+) escalated|(?:please|pls) escalate)\\b`, contactDetails: true },
    // Refusing the bot: "I don't want to talk to a robot", "i'm not talking to a machine"
    { kind: 'refusal', negatable: false, re: `\\b${EN_NEG}\\b${EN_NOT_A_REFUSAL}${GAP(3)}${EN_COMMUNICATE}\\b${GAP(4)}${EN_MACHINE}\\b` },
    // "I dont want an automated system", "I don't trust a bot with this"
    { kind: 'refusal', negatable: false, re: `\\b${EN_NEG}\\b${EN_NOT_A_REFUSAL}${GAP(2)}(?:want|wanna|like|need|trust|accept)\\b${GAP(3)}${EN_BOT}\\b` },
    // "stop sending me to a computer", "sick of this bot", "I hate bots"
    { kind: 'refusal', negatable: false, re: `\\b(?:stop|quit)\\b${GAP(1)}(?:sending|putting|transferring|passing|redirecting|routing|bouncing|connecting|forwarding|giving)\\b${GAP(4)}${EN_MACHINE}\\b` },
    { kind: 'refusal', negatable: false, re: `\\b${EN_FED_UP}\\b${GAP(4)}${EN_BOT}\\b|\\b${EN_FED_UP}\\b${GAP(1)}${EN_COMMUNICATE}\\b${GAP(3)}${EN_MACHINE}\\b` },
    // "no more bots", "no robots please", "no AI": a clause of its own
    // …but "I'm a human, not a robot" describes the customer.
    { kind: 'refusal', negatable: false, re: `(?<!\\b(?:i'?m|i am|im) (?:a |an )?(?:real |actual )?(?:human(?: being)?|person)\\s?)(?:^|[.!?,;]\\s{0,5})[^${LN}]{0,10}(?:no more|no|not|enough|stop|without|nope)\\s+(?:with\\s+)?(?:the\\s+|a\\s+|an\\s+|this\\s+|these\\s+|more\\s+)?${EN_BOT}\\b(?:${S}${EN_POLITE})?[^${LN}]*(?:[.!?,;]|$)` },
    // "why am I talking to a bot"
    { kind: 'refusal', negatable: false, re: `\\bwhy (?:am i|do i have to be|must i be|should i be) ${EN_COMMUNICATE}\\b${GAP(3)}${EN_MACHINE}\\b` },
    // Not wanting to share details with a machine
    { kind: 'implicit', re: `\\b(?:not|dont|don't|never|un)\\s*(?:feel\\s+)?comfortable\\b[^.!?;]{0,80}?\\b(?:machine|bot|robot|ai|computer|automated|chatbot|program)\\b` },
    // Giving up on the bot
    { kind: 'implicit', re: `\\b(?:this|it|that|conversation|chat|you|bot|robot|machine|this thing)\\b${GAP(3)}(?:is |are |s |re )?(?:not working|isn't working|isnt working|doesn't work|going nowhere|getting nowhere|useless|pointless|a waste of (?:my )?time|not helping|not helpful|no help|no use|hopeless|(?:so |really |very )?(?:frustrating|ridiculous))\\b` },
    { kind: 'implicit', re: "\\b(?:wasting my time|waste of my time|i(?:'m| am) done with (?:this|you|the bot)|get me (?:out of|off) (?:this|the) (?:bot|chat|loop|robot|machine)|you(?:'re| are) (?:not|no) (?:helping|help|helpful|understanding)|you (?:don't|dont|do not) understand)\\b" },
  ],
  negation: ['dont', "don't", 'do not', 'did not', 'didnt', "didn't", 'never', 'no', 'not', 'without', 'nor', 'wont', "won't", 'no need', 'none'],
  // "I don't know how to talk to a person" and "you don't need to transfer me" still ask.
  notNegation: "\\b(?:dont|don't|do not|not|didnt|didn't|did not|never)\\s+(?:know|understand|get|see|sure|realise|realize)\\b|\\byou (?:dont|don't|do not) (?:need|have) to\\b",
  clauseBreak: ['but', 'please', 'just', 'so', 'and'],
  processQuestion: '\\b(?:do|does|will|would|should|must) (?:i|we) (?:need|have|want) to (?:talk|speak|call|contact|see|chat)\\b|\\bis it (?:necessary|required|mandatory) to (?:talk|speak|call|contact|see)\\b',
  asksWhatItIs: "\\b(?:are you|you are|you're|youre|am i (?:talking|speaking|chatting) (?:to|with)|is this|is that) (?:a |an )?(?:real|live|actual|human|robot|bot|person|machine|computer|ai)\\b",
  asksForOne: "\\b(?:talk|speak|chat|let me|give me|get me|put me|transfer|connect|i (?:want|need|would like)|i'?d like)\\b",
  // A direct question ("how do I contact…"); "I don't know how to contact a person" still asks.
  contactQuestion: "\\bhow (?:do|can|could|should|would|will|does|to) (?:i|we|one|you)\\b|\\bwhat (?:time|times|hours?|days?)\\b|\\bwhen (?:can|do|does|is|are)\\b|\\bwhere (?:do|can|could|should) (?:i|we)\\b|\\bwhat(?:'s| is| are)? (?:the|your)\\b|^\\W*how to\\b",
};

// ---------------------------------------------------------------------------------------------
// Spanish
// ---------------------------------------------------------------------------------------------

const ES_HUMAN = alt([
  'personas?', 'humanos?', 'humanas?', 'seres? humanos?', 'agentes?', 'asesor(?:es|as?)?', 'operador(?:es|as?)?',
  'representantes?', 'ejecutiv[oa]s?', 'alguien(?: mas)?', 'emplead[oa]s?', 'encargad[oa]s?', 'supervisor(?:es|as?)?',
  'gerentes?', 'responsables?', 'especialistas?', 'tecnic[oa]s?', 'consultor(?:es|as?)?', 'el personal', 'gente', 'ustedes',
]);
// "mi agente de viajes", "agente inmobiliario": not someone to be put through to.
const ES_NOT_HUMAN_AFTER = '(?!\\s+(?:de viajes?|de seguros|de aduanas?|inmobiliari[oa]s?|de bolsa|de policia|secret[oa]s?|virtual(?:es)?|de ventas externo|de la entrega|de reparto|de mantenimiento))';
const ES_NOT_HUMAN_BEFORE = '(?:mi|mis|su|sus|tu|tus|nuestro|nuestra|otra|otro|dos|tres|\\d+)';
const ES_DET = '(?:un|una|el|la|los|las|algun|alguna|otro|otra|unos|unas|al|con|a|de|verdadero|verdadera|autentic[oa])';
const ES_TALK = '(?:hablar|hable|hablo|hablen|hablemos|charlar|conversar|chatear|comunicarme|comunicarnos|comunicar|tratar|contactar|contactarme)';
const ES_PASS =
  '(?:pasame|pasenme|paseme|pasarme|pasa|pase|pasas|pasar|transfiereme|transfieranme|transfierame|transferirme|transferir|transfiere|conectame|conectenme|conecteme|conectarme|conectar|comunicame|comuniquenme|comuniqueme|ponme|ponganme|pongame|derivame|derivenme|redirigeme|mandame|mandenme|llevame)';
const ES_WANT = '(?:quiero|quisiera|queria|necesito|necesitamos|me gustaria|prefiero|deseo|pido|solicito|exijo|busco|dame|deme|denme|requiero)';
const ES_MARKED =
  '(?:(?:persona|humano|agente|asesor|asesora|operador|operadora|alguien|representante)\\s+(?:real|reales|de verdad|de carne y hueso|humano|humana|vivo|viva|verdadero|verdadera|fisico)|ser humano|seres humanos|atencion humana|asistencia humana|atencion personal(?:izada)?)';
const ES_DEPT =
  `(?:atencion al (?:cliente|usuario)|servicio al cliente|servicio de atencion|servicio tecnico|soporte(?: tecnico)?|departamento|area de [${LN}]+|ventas|facturacion|cobranzas?|reclamos|reclamaciones|recepcion|gerencia|la sucursal|la oficina|mesa de ayuda|call center)`;
const ES_POLITE = '(?:por favor|porfa|porfavor|please|ya|ahora|ahora mismo|urgente|gracias|rapido|inmediatamente|ahorita|ya mismo|de una vez)';
const ES_BOT = '(?:bots?|robots?(?! aspiradora| de cocina)|chat ?bots?|ia|inteligencia artificial|(?:sistema|contestador|contestadora|respuestas?|mensajes?|asistente) automatic[oa]s?|asistente virtual|respuestas automatizadas|contestadora|grabacion(?:es)?)';
const ES_MACHINE = `(?:${ES_BOT.slice(3, -1)}|maquinas?|computadoras?|ordenador(?:es)?|programas?|sistemas?)`;
const ES_COMMUNICATE = '(?:hablar|hablo|hable|hablando|chatear|chateando|charlar|conversar|tratar|tratando|comunicarme|escribir|escribiendo|discutir|explicar|explicandole|lidiar)';

const ES: LanguageSpec = {
  code: 'es',
  fuzzy: [
    'persona', 'personas', 'humano', 'humana', 'agente', 'agentes', 'asesor', 'asesora', 'operador', 'operadora',
    'representante', 'alguien', 'empleado', 'encargado', 'supervisor', 'especialista', 'hablar', 'comunicarme',
    'conversar', 'cliente', 'atencion', 'servicio', 'soporte', 'robot', 'maquina', 'computadora', 'llamar', 'llamame',
    'llamenme', 'llamarme', 'llamada', 'quiero', 'quisiera', 'necesito', 'pasame', 'transfiereme', 'comunicame',
    'conectame', 'gustaria', 'favor', 'contestador', 'automatico',
  ],
  guards: [
    'personal', 'personaje', 'person', 'humo', 'humor', 'agenda', 'agencia', 'argente', 'asesino', 'asesorar',
    'operado', 'operacion', 'operar', 'operadores', 'representar', 'representa', 'algun', 'empleo', 'empleada',
    'encargo', 'encargada', 'hablo', 'hable', 'hablan', 'hablaba', 'clientes', 'servicios', 'soportes', 'robo', 'robar',
    'maquinas', 'llamo', 'llama', 'llamas', 'llamadas', 'llamado', 'llamaron', 'llamen', 'llameme', 'quiere', 'quieres',
    'quieren', 'necesita', 'necesitas', 'pasado', 'favores', 'fervor', 'sabor', 'calamar', 'hablarme', 'pasamos',
    'pasaste', 'comunica', 'conecta', 'contestado', 'automatica',
  ],
  aliases: {
    xfa: 'por favor', porfa: 'por favor', porfavor: 'por favor', pls: 'por favor', plis: 'por favor', q: 'que', k: 'que',
    x: 'por', tb: 'tambien', ablar: 'hablar', aser: 'hacer',
  },
  triggers: [
    'persona', 'humano', 'ser', 'seres', 'agente', 'asesor', 'operador', 'representante', 'ejecutivo', 'alguien', 'empleado',
    'encargado', 'supervisor', 'gerente', 'responsable', 'especialista', 'tecnico', 'consultor', 'gente', 'ustedes', 'atencion',
    'servicio', 'soporte', 'departamento', 'area', 'ventas', 'facturacion', 'cobranza', 'reclamos', 'recepcion', 'sucursal',
    'oficina', 'mesa', 'call', 'center', 'bot', 'bots', 'robot', 'robots', 'chatbot', 'ia', 'inteligencia', 'sistema',
    'contestador', 'respuesta', 'mensaje', 'asistente', 'automatico', 'grabacion', 'maquina', 'computadora', 'ordenador',
    'programa', 'llamar', 'llamen', 'marcame', 'marque', 'telefonear', 'devuelveme', 'devolucion', 'regresar', 'rellamada', 'callback',
  ],
  markers: [
    'con', 'una', 'un', 'que', 'quiero', 'quisiera', 'necesito', 'hablar', 'por', 'para', 'el', 'la', 'los', 'las', 'del', 'al',
    'mi', 'mis', 'es', 'esta', 'estoy', 'pero', 'puedo', 'pueden', 'puede', 'favor', 'ayuda', 'hay', 'soy', 'tengo', 'usted',
    'ustedes', 'gracias', 'hola', 'yo', 'tu', 'nadie', 'nada', 'ya', 'muy', 'mas', 'como', 'cuando', 'donde', 'porque', 'solo',
    'ni', 'sin', 'otra', 'otro', 'eso', 'esto', 'este', 'de', 'y', 'se', 'lo', 'le', 'les', 'nos', 'su', 'sus', 'pasame',
    'llamame', 'dame', 'quiere', 'ahora', 'aqui', 'alguien', 'persona', 'necesita', 'tambien', 'hacer', 'dime',
  ],
  rules: [
    // Callbacks: "llámame", "devuélvanme la llamada"
    { kind: 'callback', re: '\\b(?:llamame|llameme|llamenme|llamanos|llamenos|marcame|marqueme|marquenme|telefoneame|devuelveme la llamada|devuelvanme la llamada|devuelvame la llamada)\\b' },
    // "¿me pueden llamar?", "pueden llamarme", "me puede llamar alguien"
    { kind: 'callback', re: '\\bme\\s+(?:pueden|puede|podrian|podria|puedes|podrias|podes)\\s+(?:llamar|marcar|telefonear|devolver la llamada|regresar la llamada|contactar por telefono)\\b|\\b(?:pueden|puede|podrian|podria|puedes|podrias|podes)\\s+(?:llamarme|marcarme|telefonearme|contactarme por telefono)\\b' },
    // "quiero que me llamen", "que alguien me llame", "necesito una llamada"
    { kind: 'callback', re: `\\b(?:que|alguien)\\s+(?:alguien\\s+|un agente\\s+|un asesor\\s+|una persona\\s+)?me\\s+(?:llame|llamen|marque|marquen|devuelva la llamada|devuelvan la llamada)\\b|\\b${ES_WANT}\\b${GAP(2)}(?:una\\s+)?(?:llamada|devolucion de (?:la )?llamada|rellamada|callback)\\b(?!\\s+(?:de|del)\\s+(?:ayer|hoy|antes))` },
    { kind: 'callback', re: WHOLE('(?:una\\s+)?(?:llamada|devolucion de llamada|callback)', ES_POLITE) },
    // "quiero hablar con una persona", "puedo hablar con alguien"
    { kind: 'explicit', re: `\\b${ES_TALK}\\b(?:${S}(?:con|a|al|de|por|telefono|nuevamente|directamente|ya|ahora)){1,6}(?:${S}${ES_DET}){0,6}${S}(?<!\\b${ES_NOT_HUMAN_BEFORE}\\s)${ES_HUMAN}\\b${ES_NOT_HUMAN_AFTER}`, contactDetails: false },
    // "pásame con un agente", "comunícame con un asesor", "me pueden pasar con una persona"
    { kind: 'explicit', re: `\\b${ES_PASS}\\b(?:${S}(?:con|a|al|me|por favor|ya|ahora|directamente)){0,6}(?:${S}${ES_DET}){0,6}${S}(?<!\\b${ES_NOT_HUMAN_BEFORE}\\s)${ES_HUMAN}\\b${ES_NOT_HUMAN_AFTER}` },
    // "necesito un humano", "quiero la ayuda de una persona"
    { kind: 'explicit', re: `\\b${ES_WANT}\\b${SOME('(?:a|ayuda|atencion|asistencia|de|que|me|atienda|atiendan|hablar|con|por favor|un|una|el|la|ya|ahora|otra|otro|algun|alguna|verdadero|verdadera)', 4)}(?<!\\b${ES_NOT_HUMAN_BEFORE}\\s)${ES_HUMAN}\\b${ES_NOT_HUMAN_AFTER}` },
    // "una persona real", "agente humano"
    { kind: 'explicit', re: `\\b${ES_MARKED}\\b` },
    // "¿hay alguien ahí?", "hay alguna persona"
    { kind: 'explicit', re: `\\bhay\\s+(?:alguien|alguna persona|algun (?:humano|agente|asesor)|una persona|un humano|un agente)\\b` },
    // "pásame con atención al cliente", "hablar con soporte"
    { kind: 'explicit', re: `\\b(?:${ES_TALK}|${ES_PASS})\\b${GAP(3)}${ES_DEPT}\\b` },
    // "un agente por favor", "operador!!", "atención al cliente"
    { kind: 'explicit', re: WHOLE(`(?:(?:quiero|necesito|dame|deme|un|una|el|la|con|solo|ya)${S}){0,6}(?:${ES_HUMAN}|${ES_MARKED}|${ES_DEPT})`, ES_POLITE) },
    // Refusing the bot: "no quiero hablar con un robot", "no quiero un bot"
    { kind: 'refusal', negatable: false, re: `\\b(?:no|nunca|ya no|tampoco)\\b${GAP(3)}${ES_COMMUNICATE}\\b${GAP(4)}${ES_MACHINE}\\b` },
    { kind: 'refusal', negatable: false, re: `\\b(?:no|nunca|ya no|tampoco)\\b${GAP(2)}(?:quiero|quisiera|deseo|necesito|me gusta|me gustan|acepto|confio en|me sirve|me sirven)\\b${GAP(3)}${ES_BOT}\\b` },
    // "dejen de pasarme a una máquina", "estoy harto de este bot"
    { kind: 'refusal', negatable: false, re: `\\b(?:basta de|deja de|dejen de|deje de|ya basta|hart[oa]s? de|cansad[oa]s? de|odio|no soporto|no aguanto)\\b${GAP(4)}${ES_MACHINE}\\b` },
    // "no más robots", "nada de bots"
    { kind: 'refusal', negatable: false, re: `(?:^|[.!?,;]\\s{0,5})[^${LN}]{0,10}(?:no|no mas|nada de|sin|basta de|basta|fuera)\\s+(?:mas\\s+)?(?:con\\s+)?(?:el\\s+|la\\s+|un\\s+|una\\s+|los\\s+|las\\s+|este\\s+|esta\\s+)?${ES_BOT}\\b(?:${S}${ES_POLITE})?[^${LN}]*(?:[.!?,;]|$)` },
  ],
  negation: ['no', 'nunca', 'ni', 'sin', 'tampoco', 'jamas', 'no hace falta', 'no es necesario'],
  notNegation: '\\bno\\s+(?:se|entiendo|comprendo|sabia|estoy segur[oa])\\b',
  clauseBreak: ['pero', 'solo', 'y', 'sino', 'mejor', 'asi que', 'entonces', 'por favor'],
  processQuestion: '\\b(?:tengo|tenemos|hay|debo|debemos|necesito|es necesario|se necesita|hace falta)\\s+(?:que\\s+)?(?:hablar|llamar|contactar|comunicarme|ir)\\b(?=[^.!]{0,200}\\?)[^.!?]{0,80}\\bpara\\b',
  asksWhatItIs: '\\b(?:eres|es usted|usted es|sos|estoy hablando con|hablo con|esto es|es esto)\\s+(?:un |una )?(?:persona|humano|humana|robot|bot|maquina|real|de verdad|ia)\\b',
  asksForOne: `\\b(?:quiero|necesito|quisiera|${ES_PASS}|dame|deme|puedo hablar|me gustaria hablar)\\b`,
  contactQuestion: '\\b(?:como|donde|cual|cuales|a que)\\b',
};

// ---------------------------------------------------------------------------------------------
// French
// ---------------------------------------------------------------------------------------------

const FR_HUMAN = alt([
  "(?:une|la|des|les|d'une|a une|cette|une vraie|une autre|une seule) (?:vraie |autre |reelle |seule )?personnes?(?: reelles?| physiques?)?",
  'humains?', 'humaines?', 'etres? humains?', 'agents?', 'conseill(?:er|ere)s?', 'operat(?:eur|rice)s?', 'interlocut(?:eur|rice)s?',
  "quelqu'un(?: d'autre)?", 'employee?s?', 'responsables?', 'superviseu(?:r|se)s?', 'gestionnaires?', 'technicien(?:ne)?s?',
  'collaborat(?:eur|rice)s?', 'vendeu(?:r|se)s?', 'managers?', 'assistant(?:e)?s?',
]);
const FR_NOT_HUMAN_AFTER = "(?!\\s+(?:de voyages?|d'assurances?|immobiliers?|de police|secrets?|de change|de bord|d'entretien|virtuel(?:le)?s?|de securite|de livraison))";
const FR_NOT_HUMAN_BEFORE = '(?:mon|ma|mes|son|sa|ses|leur|notre|deux|trois|\\d+)';
const FR_DET = "(?:a|avec|au|aux|un|une|le|la|l'|des|d'un|d'une|vrai|vraie|votre|vos|directement)";
const FR_TALK = '(?:parler|parle|parlez|discuter|echanger|communiquer|causer|chatter|dialoguer|converser)';
const FR_PASS =
  "(?:passez|passe|passer|mettez|mettre|met|transferez|transferer|transfere|connectez|connecter|redirigez|rediriger|orientez|joindre|contacter|avoir|obtenir|voir|appelez)";
const FR_WANT = "(?:veux|voudrais|voudrai|aimerais|souhaite|souhaiterais|prefere|prefererais|demande|exige|besoin|faut|voulons|voudrions|veut)";
const FR_MARKED =
  "(?:(?:vraie|vrai|veritable) (?:personne|humain|humaine|conseiller|conseillere|agent|interlocuteur)|personne (?:reelle|en chair et en os|humaine)|etre humain|(?:conseiller|conseillere|agent|operateur|assistance|interlocuteur|support) humaine?|humain en chair et en os)";
const FR_DEPT =
  "(?:service (?:client|clients|clientele|apres-vente|apres vente|technique|commercial|reclamations?|facturation|comptabilite)|sav|support(?: technique| client)?|comptabilite|facturation|accueil|reception|hotline|standard)";
const FR_POLITE = "(?:s'il vous plait|s'il te plait|svp|stp|sil vous plait|merci|maintenant|vite|rapidement|tout de suite|urgent|please|pls|direct)";
const FR_BOT = "(?:bots?|robots?(?! aspirateur| cuiseur| tondeuse)|chat ?bots?|ia|intelligence artificielle|repondeur(?: automatique)?|(?:systeme|reponses?|messages?|assistant) automatiques?|assistant virtuel|automates?|algorithmes?)";
const FR_MACHINE = `(?:${FR_BOT.slice(3, -1)}|machines?|ordinateurs?|programmes?|logiciels?)`;
const FR_COMMUNICATE = "(?:parler|parle|discuter|discute|echanger|dialoguer|causer|ecrire|ecris|expliquer|affaire|m'adresser|communiquer|chatter|repondre)";

const FR: LanguageSpec = {
  code: 'fr',
  fuzzy: [
    'personne', 'humain', 'humaine', 'agent', 'conseiller', 'conseillere', 'operateur', 'operatrice', 'interlocuteur',
    'responsable', 'parler', 'discuter', 'service', 'client', 'clientele', 'robot', 'machine', 'ordinateur', 'rappeler',
    'rappelez', 'appeler', 'appelez', 'veux', 'voudrais', 'aimerais', 'souhaite', 'besoin', 'passez', 'transferer',
    'transferez', 'mettez', 'automatique', 'technique',
  ],
  guards: [
    'personnel', 'personnes', 'personnage', 'humaines', 'humains', 'humeur', 'argent', 'agence', 'agenda', 'agents',
    'conseil', 'conseils', 'conseille', 'conseillers', 'operation', 'operateurs', 'responsabilite', 'parle', 'parles',
    'parlez', 'parlent', 'parlons', 'perler', 'services', 'servie', 'clients', 'cliente', 'robots', 'machines',
    'rappel', 'rappels', 'rappelle', 'rappelles', 'rappele', 'conseillez', 'conseilles', 'conseillent', 'transfert',
    'transferts', 'transformer', 'personnels', 'appel', 'appels', 'appelle', 'appelles', 'appele', 'appeles', 'appelee',
    'rappelee', 'rappelees', 'rappeles', 'appelees', 'vaux', 'veut', 'vieux', 'voudra', 'voudrait', 'aimerait',
    'souhaitez', 'souhaiter', 'passes', 'passe', 'passer', 'passee', 'metter', 'mettre', 'relations', 'relation',
    'discute', 'discutez', 'ordinateurs', 'techniques', 'besoins',
  ],
  aliases: {
    svp: "s'il vous plait", stp: "s'il te plait", sil: "s'il", qqn: "quelqu'un", qq1: "quelqu'un", quelquun: "quelqu'un",
    kelkun: "quelqu'un", quelqu: "quelqu'un", qlq: "quelqu'un", jveux: 'je veux', chui: 'je suis', pls: 'please', plz: 'please', jvoudrais: 'je voudrais', umain: 'humain',
  },
  triggers: [
    'personne', 'humain', 'etre', 'agent', 'conseiller', 'operateur', 'interlocuteur', "quelqu'un", 'employe', 'responsable',
    'superviseur', 'gestionnaire', 'technicien', 'collaborateur', 'vendeur', 'manager', 'assistant', 'vrai', 'vraie',
    'veritable', 'reelle', 'service', 'sav', 'support', 'comptabilite', 'facturation', 'accueil', 'reception', 'hotline',
    'standard', 'bot', 'bots', 'robot', 'robots', 'chatbot', 'ia', 'intelligence', 'repondeur', 'systeme', 'messages',
    'automatique', 'algorithme', 'machine', 'ordinateur', 'programme', 'logiciel', 'rappel', 'appel', 'telephone',
    'recontactez',
  ],
  markers: [
    'je', "j'ai", 'veux', 'voudrais', 'aimerais', 'un', 'une', 'le', 'la', 'les', 'des', 'du', 'de', 'avec', 'pour', 'pas', 'ne',
    "n'ai", 'suis', 'est', "c'est", 'vous', 'tu', 'moi', 'mon', 'ma', 'mes', 'votre', "s'il", 'merci', 'bonjour', "quelqu'un",
    'parler', 'et', 'ou', 'qui', 'quoi', 'comment', 'pourquoi', 'rien', 'aucun', "d'un", "d'une", 'besoin', 'plus', 'svp',
    'au', 'aux', 'il', 'y', 'sur', 'dans', 'ce', 'cette', 'ca', 'ai', 'me', 'nous', 'passez', 'rappelez', 'juste', 'mais',
  ],
  rules: [
    // Callbacks: "rappelez-moi", "appelle-moi"
    { kind: 'callback', re: '\\b(?:rappelez|rappelle|rappeler|appelez|appelle|telephonez|telephone|recontactez|rappelles)[\\s-]+(?:moi|nous)\\b' },
    // "vous pouvez me rappeler", "pouvez-vous m'appeler", "qu'on me rappelle"
    { kind: 'callback', re: "\\b(?:pouvez|pourriez|peux|pourrais|peut|pourrait|voulez|voudriez|veuillez|merci de|faut|devez|doit|pourra|pourrez)\\b(?:[\\s-]+(?:vous|tu|on|quelqu'un|un conseiller|me|svp|bien)){0,6}[\\s-]+(?:me\\s+|m')(?:rappeler|appeler|telephoner|recontacter)\\b|\\b(?:qu'on|quelqu'un|que quelqu'un|qu'un conseiller|que vous|qu'un agent)\\s+(?:me\\s+|m')(?:rappelle|appelle|telephone|recontacte|rappeliez|appeliez)\\b" },
    // "je voudrais être rappelé", "un rappel svp", "demande de rappel"
    { kind: 'callback', re: `\\b(?:etre|soit|suis)\\s+(?:re)?(?:rappele|appele|contacte par telephone)(?:e|s|es)?\\b|\\b(?:${FR_WANT}|demande|demander|programmer|planifier)\\b${GAP(2)}(?:un\\s+)?(?:rappel|appel)(?: telephonique)?\\b(?!\\s+(?:de|du|des)\\s+(?:paiement|facture|produit|securite))` },
    { kind: 'callback', re: WHOLE('(?:un\\s+)?(?:rappel|appel telephonique)', FR_POLITE) },
    // "je veux parler à un conseiller", "discuter avec quelqu'un"
    { kind: 'explicit', re: `\\b${FR_TALK}\\b(?:${S}${FR_DET}){0,4}${S}(?<!\\b${FR_NOT_HUMAN_BEFORE}\\s)${FR_HUMAN}(?![${LN}'])${FR_NOT_HUMAN_AFTER}` },
    // "passez-moi un agent", "mettez-moi en relation avec un conseiller", "je peux avoir un humain ?"
    { kind: 'explicit', re: `\\b${FR_PASS}\\b(?:${S}(?:moi|me|m'|nous|en relation|en contact|relation|contact|avec|a|au|par|directement|tout de suite|vite|un|une|le|la|l'|des|d'un|d'une|vrai|vraie)){0,6}${S}(?<!\\b${FR_NOT_HUMAN_BEFORE}\\s)${FR_HUMAN}(?![${LN}'])${FR_NOT_HUMAN_AFTER}`, contactDetails: true },
    // "je veux un humain", "j'ai besoin d'un conseiller"
    { kind: 'explicit', re: `\\b${FR_WANT}\\b${SOME("(?:d'un|d'une|de|d'|un|une|l'aide|aide|parler|a|avec|que|qu'un|maintenant|vraiment|absolument|directement|tout de suite)", 4)}(?<!\\b${FR_NOT_HUMAN_BEFORE}\\s)${FR_HUMAN}(?![${LN}'])${FR_NOT_HUMAN_AFTER}` },
    // "une vraie personne", "un conseiller humain"
    { kind: 'explicit', re: `\\b${FR_MARKED}\\b` },
    // "il y a quelqu'un ?", "y a-t-il un humain"
    { kind: 'explicit', re: "\\by\\s+a(?:[\\s-]+t[\\s-]+il)?\\s+(?:quelqu'un|un humain|une personne|un conseiller|un agent)\\b" },
    // "passez-moi le service client", "parler au SAV"
    { kind: 'explicit', re: `\\b(?:${FR_TALK}|passez|passe|passer|mettez|transferez|transferer|connectez|redirigez)\\b${GAP(6)}${FR_DEPT}\\b` },
    // "un humain svp", "conseiller !", "service client svp"
    { kind: 'explicit', re: WHOLE(`(?:(?:je veux|je voudrais|un|une|le|la|juste|un vrai|une vraie)${S}){0,6}(?:${FR_HUMAN}|${FR_MARKED}|${FR_DEPT})`, FR_POLITE) },
    // Refusing the bot: "je ne veux pas de robot", "je ne veux pas parler à une machine"
    { kind: 'refusal', negatable: false, re: `(?<!\\b(?:suis|es|est|etes|sommes|sont)\\s+)\\b(?:pas|plus|jamais)\\b(?:${S}(?:de|d'|d'un|d'une|a|au|avec|un|une|le|la|l'|ce|cette|ces|des|les|${FR_COMMUNICATE}|envie|continuer|encore)){0,6}${S}${FR_MACHINE}\\b` },
    // "j'en ai marre de ce robot", "arrêtez de me renvoyer vers une machine"
    { kind: 'refusal', negatable: false, re: `\\b(?:marre|assez|arretez|arrete|stop|deteste|ras le bol|fatigue|fatiguee)\\b${GAP(6)}${FR_MACHINE}\\b` },
    // "pas de robot svp", "non aux bots"
    { kind: 'refusal', negatable: false, re: `(?:^|[.!?,;]\\s{0,5})[^${LN}]{0,10}(?:pas de|plus de|non|stop|sans|fini les)\\s+(?:aux?\\s+|les\\s+|le\\s+|un\\s+|ce\\s+)?${FR_BOT}\\b(?:${S}${FR_POLITE})?[^${LN}]*(?:[.!?,;]|$)` },
  ],
  negation: ['ne', `n'[${LN}]+`, 'pas', 'jamais', 'sans', 'aucun', 'aucune', 'inutile', 'ni', 'pas besoin'],
  notNegation: "\\b(?:ne|n')?\\s*(?:sais|comprends|vois|arrive)\\s+pas\\b|\\bne\\s+(?:sais|comprends|vois)\\b",
  clauseBreak: ['mais', 'juste', 'seulement', 'et', 'alors', 'donc', 'plutot'],
  processQuestion: "\\b(?:dois[\\s-]+je|je dois|faut[\\s-]+il|est-ce qu'il faut|est-ce que je dois|ai[\\s-]+je besoin de|faut-il que je|il faut que je)\\b[^.!]{0,60}\\b(?:parler|appeler|contacter|voir|passer par)\\b(?=[^.!]{0,200}\\?)[^.!?]{0,80}\\bpour\\b",
  asksWhatItIs: "\\b(?:etes[\\s-]+vous|es[\\s-]+tu|t'es|vous etes|tu es|c'est|je parle a|je parle avec|suis[\\s-]+je en train de parler a)\\s+(?:un |une |a un |a une )?(?:vrai |vraie )?(?:humain|humaine|personne|robot|bot|machine|ia|reel|reelle)\\b",
  asksForOne: `\\b(?:veux|voudrais|aimerais|souhaite|passez|mettez|transferez|parler)\\b`,
  contactQuestion: '\\b(?:comment|ou|quel|quelle|quels)\\b',
};

// ---------------------------------------------------------------------------------------------
// German
// ---------------------------------------------------------------------------------------------

const DE_HUMAN = alt([
  'mensch(?:en)?', 'person(?:en)?', `[${LN}]{0,16}mitarbeiter(?:in|innen|n)?`, `[${LN}]{0,16}berater(?:in|innen|n)?`,
  `[${LN}]{0,16}betreuer(?:in|innen|n)?`, 'sachbearbeiter(?:in|n)?', 'ansprechpartner(?:in|n)?', 'agent(?:en|in)?',
  '(?:kunden|service)?vertreter(?:in|n)?', 'jemand(?:em|en)?(?: anderem| anderen| echtem| echten)?', 'angestellten?', 'operator',
  'manager(?:in)?', 'vorgesetzten?', 'verantwortlichen?', 'chef(?:in)?', 'supervisor', 'kollegen', 'kollegin',
]);
const DE_DEPT = '(?:kundenservice|kundendienst|kundensupport|support|service|hotline|buchhaltung|vertrieb|beschwerdestelle|reklamationsabteilung|abteilung|zentrale|filiale|technik)';
const DE_DET = '(?:einem|einer|einen|eine|ein|dem|der|den|die|ihrem|ihrer|ihren|nem|ner|nen|echten|echte|echtem|richtigen|richtigem|richtige|realen|lebenden|menschlichen|kompetenten|anderen|anderem|bitte|doch|mal|gerne|endlich|sofort|jetzt|direkt|am telefon)';
const DE_MARKED =
  '(?:(?:echte|echten|echter|echtem|richtige|richtigen|richtiger|richtigem|reale|realen|realer|lebende|lebenden|lebendigen|menschliche|menschlichen|menschlicher|wirkliche|wirklichen) (?:mensch|menschen|person|personen|mitarbeiter|mitarbeiterin|mitarbeitern|ansprechpartner|berater|beraterin|agent|agenten|support|kontakt|stimme)|mensch aus fleisch und blut)';
const DE_POLITE = '(?:bitte|jetzt|sofort|danke|schnell|dringend|endlich|pls|please|mal|sofort bitte|asap)';
const DE_BOT = '(?:bots?|roboter|chat ?bots?|ki|kunstliche intelligenz|(?:automatische|automatischen) (?:antworten|ansage|system)|sprachcomputer|automat(?:en)?|virtuellen assistenten|virtueller assistent|algorithmus)';
const DE_MACHINE = `(?:${DE_BOT.slice(3, -1)}|maschinen?|computer|programm|system)`;
const DE_COMMUNICATE = '(?:reden|sprechen|chatten|schreiben|diskutieren|kommunizieren|verhandeln|unterhalten|rede|spreche|schreibe|chatte|zu tun haben)';

const DE: LanguageSpec = {
  code: 'de',
  fuzzy: [
    'mensch', 'menschen', 'person', 'mitarbeiter', 'mitarbeiterin', 'berater', 'beraterin', 'jemandem', 'jemanden',
    'ansprechpartner', 'sachbearbeiter', 'sprechen', 'reden', 'verbinden', 'weiterleiten', 'kundendienst',
    'kundenservice', 'kundensupport', 'roboter', 'maschine', 'computer', 'zuruckrufen', 'zurueckrufen', 'ruckruf',
    'rueckruf', 'anrufen', 'zuruck', 'zurueck', 'mochte', 'moechte', 'brauche', 'bitte', 'vertreter', 'echten',
    'telefonieren', 'menschlichen',
  ],
  guards: [
    'menschlich', 'mensa', 'personal', 'personen', 'persona', 'mitarbeit', 'beratung', 'beraten', 'berate', 'jemand',
    'sprechend', 'spreche', 'sprich', 'sprach', 'redet', 'rede', 'redner', 'verbindung', 'verbunden', 'verbindet',
    'verbinde', 'kundendienste', 'roboters', 'maschinen', 'rufen', 'anruf', 'anrufe', 'anrufer', 'angerufen', 'rufe',
    'mochten', 'mochtest', 'moechten', 'brauchen', 'brauchte', 'bitten', 'bitter', 'bitt', 'vertrete', 'vertreten',
    'echte', 'echtem', 'echter', 'zuruckrufe', 'computern', 'telefonierte',
  ],
  aliases: { pls: 'bitte', plz: 'bitte', moechte: 'mochte', zurueck: 'zuruck', zurueckrufen: 'zuruckrufen', rueckruf: 'ruckruf', nen: 'einen', ne: 'eine', nem: 'einem', ner: 'einer', jmd: 'jemand', jmdm: 'jemandem', jmdn: 'jemanden',},
  triggers: [
    'mensch', 'person', 'mitarbeiter', 'berater', 'betreuer', 'sachbearbeiter', 'ansprechpartner', 'agent', 'vertreter',
    'kunden', 'jemand', 'angestellte', 'operator', 'manager', 'vorgesetzten', 'verantwortlichen', 'chef', 'chefin',
    'supervisor', 'kollegen', 'support', 'service', 'hotline', 'buchhaltung', 'beschwerdestelle', 'reklamation', 'abteilung',
    'zentrale', 'filiale', 'technik', 'bot', 'bots', 'roboter', 'chatbot', 'ki', 'kunstliche', 'automatische', 'sprachcomputer',
    'automat', 'virtuellen', 'algorithmus', 'maschine', 'computer', 'programm', 'system', 'ruf', 'rufe', 'rufen', 'ruft',
    'zuruckrufen', 'anrufen', 'ruckruf', 'telefonisch',
  ],
  triggerSuffixes: ['mitarbeiter', 'mitarbeiterin', 'mitarbeitern', 'berater', 'beraterin', 'betreuer', 'betreuerin', 'vertreter'],
  markers: [
    'ich', 'mit', 'einen', 'einem', 'einer', 'eine', 'ein', 'der', 'die', 'das', 'dem', 'den', 'nicht', 'kein', 'keine',
    'keinen', 'bitte', 'mochte', 'will', 'brauche', 'sie', 'mich', 'mir', 'und', 'ist', 'bin', 'haben', 'habe', 'wie', 'was',
    'warum', 'danke', 'hallo', 'zuruck', 'an', 'auf', 'zu', 'fur', 'doch', 'mal', 'jetzt', 'sofort', 'kann', 'konnen', 'ihr',
    'ihre', 'ihnen', 'du', 'dich', 'dir', 'wir', 'uns', 'sprechen', 'reden', 'mensch', 'menschen', 'mitarbeiter', 'nur', 'aber',
    'oder', 'auch', 'noch', 'schon', 'hier', 'da', 'es', 'gibt', 'jemand', 'jemandem', 'endlich', 'gerne', 'nen', 'nem',
  ],
  rules: [
    // Callbacks: "rufen Sie mich zurück", "ruf mich an"
    { kind: 'callback', re: '\\b(?:ruf|rufe|rufen|ruft)\\s+(?:sie\\s+)?(?:mich|uns)\\s+(?:(?:bitte|doch|mal|gerne|schnell|sofort|heute|morgen|umgehend|baldmoglichst|bald|einfach|nochmal|zeitnah)\\s+){0,6}(?:zuruck|an)\\b' },
    // "können Sie mich zurückrufen", "bitte um Rückruf", "ich möchte einen Rückruf"
    { kind: 'callback', re: `\\b(?:mich|uns)\\s+(?:(?:bitte|doch|mal|gerne|heute|morgen|schnell|telefonisch|kurz|einfach)\\s+){0,6}(?:zuruckrufen|anrufen|telefonisch kontaktieren)\\b|\\b(?:bitte um|mochte|will|wunsche|hatte gern|hatte gerne|brauche|erbitte|bitte|benotige|um)\\s+(?:einen\\s+|nen\\s+)?(?:ruckruf|anruf)\\b` },
    { kind: 'callback', re: WHOLE('(?:(?:einen|um|bitte um)\\s+)?(?:ruckruf|anruf)', DE_POLITE) },
    // "ich möchte mit einem Mitarbeiter sprechen", "kann ich mit jemandem reden?"
    { kind: 'explicit', re: `\\bmit(?:${S}${DE_DET}){0,3}${S}(?:${DE_HUMAN}|${DE_DEPT})\\b(?:${S}${W}){0,3}${S}(?:sprechen|reden|chatten|telefonieren|schreiben|verbunden|verbinden|kommunizieren|unterhalten|in kontakt|kontakt)\\b` },
    // "verbinden Sie mich mit einem Berater", "stellen Sie mich zu einem Mitarbeiter durch"
    { kind: 'explicit', re: `\\b(?:verbinden|verbinde|verbindet|leiten|leite|stellen|stelle|weiterleiten|durchstellen|geben|gib|holen|hol|schicken|schick)\\b(?:${S}(?:sie|mich|mir|uns|bitte|doch|mal|jetzt|sofort|direkt|weiter|durch|mit|zu|zum|zur|an)){0,6}(?:${S}${DE_DET}){0,3}${S}${DE_HUMAN}\\b` },
    // "ich brauche einen Menschen", "ich will einen echten Mitarbeiter"
    { kind: 'explicit', re: `\\b(?:mochte|will|wollen|brauche|brauchen|hatte gern|hatte gerne|haette gerne|wunsche|wuensche|verlange|benotige|benoetige|bitte um|suche|hatten gern)\\b(?:${S}(?:ich|wir|jetzt|sofort|endlich|bitte|doch|lieber|gerne|gern|einfach|nur)){0,6}(?:${S}${DE_DET}){0,3}${S}${DE_HUMAN}\\b` },
    // "einen echten Menschen", "menschlicher Ansprechpartner"
    { kind: 'explicit', re: `(?<!\\b(?:bist du|sind sie|ist das|bin ich|du bist|sie sind)\\s+(?:ein|eine)?\\s*)\\b${DE_MARKED}\\b` },
    // "ist da jemand?", "gibt es einen Menschen"
    { kind: 'explicit', re: '\\b(?:ist|sind)\\s+(?:da|hier|dort)\\s+(?:jemand|menschen|ein mensch|mitarbeiter)\\b|\\bgibt es (?:hier |da |auch )?(?:einen (?:menschen|mitarbeiter|berater)|jemanden|echte menschen)\\b' },
    // "verbinden Sie mich mit dem Kundenservice"
    { kind: 'explicit', re: `\\b(?:verbinden|verbinde|weiterleiten|leiten|stellen|sprechen|reden|durchstellen)\\b${GAP(4)}${DE_DEPT}\\b` },
    // "einen Menschen bitte", "Mitarbeiter!!", "Kundenservice!!!"
    { kind: 'explicit', re: WHOLE(`(?:(?:ich will|ich mochte|ich brauche|einen|eine|einem|ein|den|der|die|nur|bitte|mit)${S}){0,6}(?:(?:echten|echte|richtigen|menschlichen)${S})?(?:${DE_HUMAN}|${DE_DEPT})`, DE_POLITE) },
    // Refusing the bot: "keinen Bot", "ich will nicht mit einer Maschine reden"
    { kind: 'refusal', negatable: false, re: `(?<!\\b(?:bin|sind|bist|ist|ich bin doch|ich bin ja)\\s+)\\b(?:kein|keine|keinen|keinem|keiner)\\s+(?:(?:dummen|blode|bloden|doofen|weiteren|anderen)\\s+)?${DE_MACHINE}\\b` },
    { kind: 'refusal', negatable: false, re: `\\bnicht(?:${S}(?:mehr|langer|weiter|schon wieder|noch|mit|einem|einer|dem|der|so|einen)){1,6}${S}${DE_MACHINE}\\b(?:${S}${W}){0,2}${S}${DE_COMMUNICATE}\\b|\\b(?:will|mochte|mag)\\s+nicht\\s+(?:mehr\\s+)?(?:mit\\s+)?(?:${DE_DET}\\s+)?${DE_MACHINE}\\b` },
    // "Schluss mit dem Bot", "hören Sie auf, mich an einen Computer weiterzuleiten", "ich hasse Bots"
    { kind: 'refusal', negatable: false, re: `\\b(?:schluss mit|genug von|genug mit|hasse|satt|hort auf|horen sie auf|hor auf|keine lust auf|keine lust mit)\\b${GAP(4)}${DE_MACHINE}\\b` },
  ],
  negation: ['nicht', 'kein', 'keine', 'keinen', 'keinem', 'keiner', 'nie', 'niemals', 'ohne', 'weder', 'nicht notig', 'nicht nötig'],
  notNegation: '\\b(?:weiss|weiß|verstehe|versteh|kapiere)\\s+(?:ich\\s+)?nicht\\b|\\bnicht\\s+(?:sicher|verstanden)\\b',
  clauseBreak: ['aber', 'nur', 'sondern', 'und', 'also', 'einfach'],
  processQuestion: '\\b(?:muss|musste|muesste|sollte|soll|brauche) (?:ich|man|wir)\\b[^.!?]{0,60}\\b(?:sprechen|reden|anrufen|kontaktieren|melden|gehen)\\b',
  asksWhatItIs: `\\b(?:bist du|sind sie|ist das|ist dies|bin ich hier|spreche ich|rede ich|schreibe ich|chatte ich)\\b(?:\\s+[${LN}]+){0,3}?\\s+(?:mensch|menschen|person|bot|roboter|maschine|echt|ki|computer)\\b`,
  asksForOne: '\\b(?:mochte|will|brauche|verbinden|durchstellen|weiterleiten|bitte um)\\b',
  contactQuestion: '\\b(?:wie|wo|welche|welcher|was ist (?:die|ihre))\\b',
};

// ---------------------------------------------------------------------------------------------
// Portuguese
// ---------------------------------------------------------------------------------------------

const PT_HUMAN = alt([
  'pessoas?', 'humanos?', 'humanas?', 'seres? humanos?', 'atendentes?', 'agentes?', 'operador(?:es|as?)?', 'consultor(?:es|as?)?',
  'representantes?', 'alguem(?: mais)?', 'funcionari[oa]s?', 'gerentes?', 'supervisor(?:es|as?)?', 'especialistas?',
  'tecnic[oa]s?', 'assistentes?', 'analistas?', 'gente', 'voces', 'vcs',
]);
const PT_NOT_HUMAN_AFTER = '(?!\\s+(?:de viagens?|de seguros?|imobiliari[oa]s?|de turismo|secret[oa]s?|virtual|de entrega|da entrega|de limpeza|de policia))';
const PT_NOT_HUMAN_BEFORE = '(?:meu|minha|meus|minhas|seu|sua|outra|outro|duas|dois|\\d+)';
const PT_DET = '(?:um|uma|o|a|os|as|com|c|pra|para|pro|ao|algum|alguma|outro|outra|de verdade|direto|diretamente|agora|logo)';
const PT_TALK = '(?:falar|falo|fale|falem|conversar|converso|bater papo|comunicar|trocar uma ideia|tratar)';
const PT_PASS = '(?:passa|passe|passar|passem|transfere|transfira|transferir|transfiram|encaminha|encaminhe|encaminhar|conecta|conecte|conectar|coloca|coloque|colocar|chama|chame|chamem|bota|bote)';
const PT_WANT = '(?:quero|queria|gostaria|preciso|prefiro|exijo|desejo|peco|solicito|necessito|quer|queremos)';
const PT_MARKED =
  '(?:(?:pessoa|humano|atendente|agente|operador|alguem|gente)\\s+(?:real|de verdade|de carne e osso|humano|humana|viva|vivo)|ser humano|atendimento humano|atendente humano|atendimento pessoal)';
const PT_DEPT =
  `(?:atendimento(?: ao cliente)?|sac|suporte(?: tecnico)?|central de atendimento|servico de atendimento|setor de [${LN}]+|departamento|financeiro|cobranca|ouvidoria|vendas|comercial)`;
const PT_POLITE = '(?:por favor|porfavor|pf|pfv|pfvr|pfv|pls|please|agora|ja|urgente|obrigado|obrigada|rapido|logo|agora mesmo)';
const PT_BOT = '(?:robos?|bots?|chat ?bots?|ia|inteligencia artificial|(?:sistema|atendimento|respostas?|mensagens?) automatic[oa]s?|assistente virtual|gravacao|gravacoes|uras?)';
const PT_MACHINE = `(?:${PT_BOT.slice(3, -1)}|maquinas?|computador(?:es)?|programas?|sistemas?)`;
const PT_COMMUNICATE = '(?:falar|falando|conversar|conversando|tratar|tratando|digitar|escrever|explicar|lidar|discutir|bater papo)';

const PT: LanguageSpec = {
  code: 'pt',
  fuzzy: [
    'pessoa', 'pessoas', 'humano', 'humana', 'atendente', 'atendentes', 'agente', 'operador', 'consultor', 'representante',
    'alguem', 'funcionario', 'gerente', 'falar', 'conversar', 'atendimento', 'suporte', 'robo', 'maquina', 'computador',
    'ligar', 'ligacao', 'ligue', 'liguem', 'retornem', 'quero', 'queria', 'gostaria', 'preciso', 'transfere', 'transferir',
    'passar', 'encaminhar', 'favor', 'automatico',
  ],
  guards: [
    'pessoal', 'pessoais', 'humor', 'atender', 'atendeu', 'atende', 'atendido', 'atendida', 'agenda', 'agencia',
    'operar', 'operacao', 'consulta', 'consultar', 'representa', 'algum', 'alguns', 'funciona', 'gerencia', 'fala',
    'falei', 'falou', 'falta', 'faltar', 'fatal', 'conversa', 'atendimentos', 'suportar', 'roubo', 'robe', 'maquinas',
    'liga', 'ligo', 'ligou', 'ligado', 'ligada', 'lugar', 'legal', 'ligacoes', 'quer', 'queira', 'precisa', 'precisar',
    'precise', 'passa', 'passe', 'passou', 'passado', 'pensar', 'favores', 'automatica', 'retorne', 'retorno',
  ],
  aliases: {
    vc: 'voce', vcs: 'voces', pfv: 'por favor', pf: 'por favor', pfvr: 'por favor', porfavor: 'por favor', pls: 'por favor',
    q: 'que', pra: 'para', pro: 'para o', tb: 'tambem', tbm: 'tambem', kero: 'quero',
    ta: 'esta', to: 'estou', c: 'com',
  },
  triggers: [
    'pessoa', 'humano', 'ser', 'seres', 'atendente', 'agente', 'operador', 'consultor', 'representante', 'alguem',
    'funcionario', 'gerente', 'supervisor', 'especialista', 'tecnico', 'assistente', 'analista', 'gente', 'voces', 'vcs', 'sac',
    'suporte', 'central', 'servico', 'setor', 'departamento', 'financeiro', 'cobranca', 'ouvidoria', 'vendas', 'comercial',
    'robo', 'robos', 'bot', 'bots', 'chatbot', 'ia', 'inteligencia', 'sistema', 'respostas', 'mensagens', 'automatico',
    'virtual', 'gravacao', 'ura', 'uras', 'maquina', 'computador', 'programa', 'liga', 'ligue', 'ligar', 'ligam', 'retorno',
    'telefone', 'chama', 'ligacao',
  ],
  markers: [
    'com', 'um', 'uma', 'quero', 'queria', 'preciso', 'falar', 'nao', 'por', 'favor', 'para', 'pra', 'voce', 'vc', 'meu',
    'minha', 'os', 'as', 'que', 'de', 'do', 'da', 'esta', 'estou', 'tem', 'obrigado', 'obrigada', 'ola', 'oi', 'ja', 'agora',
    'so', 'tambem', 'alguem', 'ninguem', 'nada', 'isso', 'isto', 'aqui', 'ai', 'mas', 'muito', 'como', 'quando', 'onde',
    'porque', 'ser', 'sou', 'seu', 'sua', 'voces', 'gostaria', 'pessoa', 'atendente', 'liga', 'ligar', 'passa', 'no', 'na',
    'ao', 'pro', 'pf', 'pfv',
  ],
  rules: [
    // Callbacks: "me liga", "podem me ligar", "me retornem"
    { kind: 'callback', re: '\\bme\\s+(?:liga|ligue|liguem|ligar|ligam|retorna|retorne|retornem|retornar|telefona|telefone|telefonem|chama no (?:telefone|whats|zap))\\b(?!\\s+(?:o|a|os|as)\\s+(?:aparelho|celular|tv|computador|maquina|luz))|\\b(?:ligue|liga|liguem|retornem)[\\s-]+(?:me|para mim|pra mim)\\b' },
    // "quero uma ligação", "preciso de um retorno por telefone"
    { kind: 'callback', re: `\\b${PT_WANT}\\b${GAP(2)}(?:uma\\s+)?(?:ligacao|chamada telefonica|telefonema|retorno (?:por telefone|da ligacao|telefonico))\\b` },
    { kind: 'callback', re: WHOLE('(?:uma\\s+)?(?:ligacao|me liga|retorno por telefone)', PT_POLITE) },
    // "quero falar com um atendente", "falar c/ alguém"
    { kind: 'explicit', re: `\\b${PT_TALK}\\b(?:${S}${PT_DET}){1,4}${S}(?<!\\b${PT_NOT_HUMAN_BEFORE}\\s)${PT_HUMAN}\\b${PT_NOT_HUMAN_AFTER}` },
    // "me passa para um atendente", "chama um atendente", "me transfere para alguém"
    { kind: 'explicit', re: `\\b${PT_PASS}\\b(?:${S}(?:me|para|pra|pro|com|a|ao|por favor|logo|agora|direto)){0,6}(?:${S}${PT_DET}){0,3}${S}(?<!\\b${PT_NOT_HUMAN_BEFORE}\\s)${PT_HUMAN}\\b${PT_NOT_HUMAN_AFTER}` },
    // "preciso de um humano", "quero ser atendido por uma pessoa"
    { kind: 'explicit', re: `\\b${PT_WANT}\\b${SOME('(?:de|do|da|um|uma|ajuda|atendimento|ser atendid[oa]|por|que|me|atenda|falar|com|agora|ja|outro|outra|algum|alguma)', 4)}(?<!\\b${PT_NOT_HUMAN_BEFORE}\\s)${PT_HUMAN}\\b${PT_NOT_HUMAN_AFTER}` },
    // "pessoa de verdade", "atendimento humano"
    { kind: 'explicit', re: `\\b${PT_MARKED}\\b` },
    // "tem alguém aí?", "há alguém"
    { kind: 'explicit', re: '\\b(?:tem|ha|existe)\\s+(?:alguem|alguma pessoa|algum atendente|algum humano|uma pessoa|um humano|um atendente|gente)\\b' },
    // "me passa para o atendimento", "falar com o suporte"
    { kind: 'explicit', re: `\\b(?:${PT_TALK}|${PT_PASS})\\b${GAP(3)}${PT_DEPT}\\b` },
    // "atendente por favor", "humano!", "atendimento humano"
    { kind: 'explicit', re: WHOLE(`(?:(?:quero|preciso|um|uma|o|a|so|com)${S}){0,6}(?:${PT_HUMAN}|${PT_MARKED}|${PT_DEPT})`, PT_POLITE) },
    // Refusing the bot: "não quero falar com robô", "não quero um bot"
    { kind: 'refusal', negatable: false, re: `\\b(?:nao|nunca|nem)\\b${GAP(3)}${PT_COMMUNICATE}\\b${GAP(4)}${PT_MACHINE}\\b` },
    { kind: 'refusal', negatable: false, re: `\\b(?:nao|nunca|nem)\\b${GAP(2)}(?:quero|queria|gosto|aceito|confio|aguento|suporto|preciso)\\b${GAP(3)}${PT_BOT}\\b` },
    // "chega de robô", "cansei de falar com máquina"
    { kind: 'refusal', negatable: false, re: `\\b(?:chega de|cansei de|cansad[oa] de|para de|parem de|pare de|odeio|nao aguento mais|nao suporto)\\b${GAP(4)}${PT_MACHINE}\\b` },
    { kind: 'refusal', negatable: false, re: `(?:^|[.!?,;]\\s{0,5})[^${LN}]{0,10}(?:sem|nada de|nao|chega de|chega|fora)\\s+(?:mais\\s+)?(?:com\\s+)?(?:o\\s+|a\\s+|um\\s+|uma\\s+|os\\s+|esse\\s+|este\\s+)?${PT_BOT}\\b(?:${S}${PT_POLITE})?[^${LN}]*(?:[.!?,;]|$)` },
  ],
  negation: ['nao', 'nunca', 'nem', 'sem', 'jamais', 'nao precisa', 'nao e necessario'],
  notNegation: '\\bnao\\s+(?:sei|entendo|entendi|tenho certeza)\\b',
  clauseBreak: ['mas', 'so', 'apenas', 'e', 'entao', 'porem', 'por favor'],
  processQuestion: '\\b(?:preciso|tenho que|tenho de|devo|e preciso|e necessario)\\s+(?:falar|ligar|contatar|entrar em contato|ir)\\b(?=[^.!]{0,200}\\?)[^.!?]{0,80}\\bpara\\b',
  asksWhatItIs: '\\b(?:voce e|vc e|voce eh|tu es|e um|e uma|estou falando com|to falando com|falo com|isso e|esse e)\\s+(?:um |uma )?(?:pessoa|humano|humana|robo|bot|maquina|real|de verdade|ia)\\b',
  asksForOne: `\\b(?:quero|preciso|queria|gostaria|${PT_PASS})\\b`,
  contactQuestion: '\\b(?:como|onde|qual|quais)\\b',
};

// ---------------------------------------------------------------------------------------------
// Italian
// ---------------------------------------------------------------------------------------------

const IT_HUMAN = alt([
  'person[ae]', 'uman[oaie]', 'esser[ei] uman[oi]', 'operat(?:ore|ori|rice|rici)', 'consulent[ei]', 'agent[ei]',
  'addett[oaie]', 'qualcuno(?: altro)?', 'impiegat[oaie]', 'dipendent[ei]', 'responsabil[ei]', 'tecnic[oaie]', 'referent[ei]',
  'assistent[ei]', 'rappresentant[ei]', 'supervisore', 'voi',
]);
const IT_NOT_HUMAN_AFTER = "(?!\\s+(?:di viaggio|di viaggi|assicurativ[oi]|immobiliar[ei]|di commercio|di polizia|segret[oi]|virtual[ei]|della consegna|delle consegne|di consegna))";
const IT_NOT_HUMAN_BEFORE = '(?:mio|mia|miei|suo|sua|altra|altro|due|tre|\\d+)';
const IT_DET = "(?:un|una|uno|un'|il|lo|la|l'|i|gli|le|con|col|a|ad|al|alla|qualche|vero|vera|direttamente|subito)";
const IT_TALK = '(?:parlare|parlo|parli|parlate|chattare|comunicare|conversare|discutere|interagire)';
const IT_PASS = '(?:passami|passatemi|passi|passa|passare|mettimi|mettetemi|metta|mettere|collegami|collegatemi|colleghi|collegare|trasferiscimi|trasferitemi|trasferisca|trasferire|inoltrami|chiamatemi un|chiamami un)';
const IT_WANT = "(?:voglio|vorrei|desidero|preferisco|preferirei|bisogno|serve|servirebbe|pretendo|chiedo|datemi|mi dia|vogliamo|vorremmo)";
const IT_MARKED =
  "(?:(?:persona|operatore|operatrice|umano|consulente|assistenza|qualcuno)\\s+(?:vera|vero|reale|in carne e ossa|umano|umana|fisica)|essere umano|assistenza umana|operatore umano)";
const IT_DEPT =
  `(?:servizio clienti|assistenza clienti|assistenza(?: tecnica)?|supporto(?: tecnico)?|customer care|ufficio [${LN}]+|reparto [${LN}]+|amministrazione|ufficio|commerciale|reclami|centralino|call center)`;
const IT_POLITE = "(?:per favore|perfavore|per piacere|grazie|ora|adesso|subito|urgente|pls|please|presto|immediatamente|grazie mille)";
const IT_BOT = "(?:bot|robot(?! aspirapolvere| da cucina| tagliaerba)|chat ?bot|ia|intelligenza artificiale|(?:risponditore|risposte|sistema|messaggi|assistente) automatic[oaie]|risponditore|assistente virtuale|segreteria)";
const IT_MACHINE = `(?:${IT_BOT.slice(3, -1)}|macchin[ae]|computer|programm[ai]|sistem[ai])`;
const IT_COMMUNICATE = "(?:parlare|parlo|parlando|chattare|scrivere|discutere|spiegare|comunicare|interagire|avere a che fare)";

const IT: LanguageSpec = {
  code: 'it',
  fuzzy: [
    'persona', 'persone', 'umano', 'operatore', 'operatrice', 'consulente', 'agente', 'addetto', 'qualcuno', 'impiegato',
    'responsabile', 'parlare', 'servizio', 'clienti', 'assistenza', 'supporto', 'robot', 'macchina', 'computer',
    'richiamare', 'richiamatemi', 'chiamatemi', 'richiamami', 'chiamare', 'chiamata', 'voglio', 'vorrei', 'bisogno',
    'passami', 'collegami', 'trasferire', 'favore', 'automatico',
  ],
  guards: [
    'personale', 'personaggio', 'personal', 'umore', 'umido', 'operazione', 'operare', 'operatori', 'consulenza',
    'agenda', 'agenzia', 'qualcosa', 'qualche', 'impiego', 'parlato', 'parlate', 'parla', 'servizi', 'cliente',
    'assistente', 'supporti', 'macchine', 'richiama', 'richiamo', 'chiamato', 'chiamate', 'chiamo', 'chiama', 'vogli',
    'vorrai', 'sogno', 'passato', 'passate', 'favori', 'automatica', 'clientela', 'richiamato', 'richiamata',
    'richiamati', 'richiamate', 'chiamarmi', 'richiamarmi', 'telefonarmi', 'ricontattarmi', 'chiamami', 'telefonatemi',
    'ricontattatemi', 'richiamateci', 'richiami', 'chiami', 'umana',
  ],
  aliases: {
    xfavore: 'per favore', xfv: 'per favore', pls: 'per favore', perfavore: 'per favore', qlc: 'qualcuno', qlcn: 'qualcuno',
    nn: 'non', cn: 'con', ke: 'che', x: 'per', vojo: 'voglio',
  },
  triggers: [
    'persona', 'umano', 'umani', 'umane', 'essere', 'operatore', 'consulente', 'agente', 'addetto', 'qualcuno', 'impiegato',
    'dipendente', 'responsabile', 'tecnico', 'referente', 'assistente', 'rappresentante', 'supervisore', 'voi', 'servizio',
    'supporto', 'customer', 'ufficio', 'reparto', 'amministrazione', 'commerciale', 'reclami', 'centralino', 'call', 'center',
    'bot', 'robot', 'chatbot', 'ia', 'intelligenza', 'risponditore', 'sistema', 'messaggi', 'automatico', 'virtuale',
    'segreteria', 'macchina', 'computer', 'programma', 'richiamare', 'chiamare', 'telefonare', 'ricontattare',
  ],
  markers: [
    'con', 'un', 'una', 'uno', 'il', 'lo', 'la', 'gli', 'le', 'vorrei', 'voglio', 'parlare', 'non', 'per', 'favore', 'che',
    'di', 'del', 'della', 'mi', 'mio', 'mia', 'sono', "c'e", 'grazie', 'ciao', 'sei', 'ho', 'adesso', 'ora', 'subito',
    'qualcuno', 'solo', 'ma', 'anche', 'questo', 'questa', 'come', 'quando', 'dove', 'perche', 'voi', 'lei', 'io', 'tu',
    'bisogno', 'ancora', 'piu', 'gia', 'qui', 'sto', 'essere', 'persona', 'operatore', 'passami', 'al', 'alla', 'ad', 'nessuno',
  ],
  rules: [
    // Callbacks: "richiamatemi", "mi può richiamare", "vorrei essere richiamato"
    { kind: 'callback', re: '\\b(?:richiamatemi|richiamami|richiamateci|chiamatemi|chiamami|telefonatemi|telefonami|ricontattatemi|ricontattami|mi richiami|mi richiamate|mi richiamerete|mi chiami|mi chiamate|mi telefoni|mi telefonate)\\b(?!\\s+(?:un|una|uno|il|lo|la)\\s+(?:operatore|operatrice|persona|consulente|tecnico))' },
    { kind: 'callback', re: "\\bmi\\s+(?:puo|potete|potresti|potreste|puoi|potrebbe|potrebbero|volete|vuole)\\s+(?:richiamare|chiamare|telefonare|ricontattare)\\b|\\b(?:puo|potete|potresti|potreste|puoi|potrebbe|vorrei|voglio)\\s+(?:richiamarmi|chiamarmi|telefonarmi|ricontattarmi)\\b|\\bessere\\s+(?:richiamat|ricontattat|chiamat)[oaie]\\b" },
    { kind: 'callback', re: `\\b${IT_WANT}\\b${GAP(2)}(?:una\\s+)?(?:chiamata|richiamata|telefonata)\\b(?!\\s+(?:di ieri|precedente))` },
    { kind: 'callback', re: WHOLE('(?:una\\s+)?(?:richiamata|chiamata|telefonata)', IT_POLITE) },
    // "vorrei parlare con un operatore", "parlare con qualcuno"
    { kind: 'explicit', re: `\\b${IT_TALK}\\b(?:${S}${IT_DET}){0,4}${S}(?<!\\b${IT_NOT_HUMAN_BEFORE}\\s)${IT_HUMAN}\\b${IT_NOT_HUMAN_AFTER}` },
    // "passami un operatore", "mettetemi in contatto con una persona"
    { kind: 'explicit', re: `\\b${IT_PASS}\\b(?:${S}(?:mi|in contatto|contatto|in|con|a|al|ad|per favore|subito|direttamente)){0,6}(?:${S}${IT_DET}){0,3}${S}(?<!\\b${IT_NOT_HUMAN_BEFORE}\\s)${IT_HUMAN}\\b${IT_NOT_HUMAN_AFTER}` },
    // "voglio un operatore", "ho bisogno di una persona"
    { kind: 'explicit', re: `\\b${IT_WANT}\\b${SOME("(?:di|d'|un|una|uno|un'|l'aiuto|aiuto|parlare|con|che|mi|ora|subito|adesso|davvero|per favore|altro|altra)", 4)}(?<!\\b${IT_NOT_HUMAN_BEFORE}\\s)${IT_HUMAN}\\b${IT_NOT_HUMAN_AFTER}` },
    // "una persona vera", "operatore umano"
    { kind: 'explicit', re: `\\b${IT_MARKED}\\b` },
    // "c'è qualcuno?", "c'è un operatore"
    { kind: 'explicit', re: "\\bc(?:'|\\s)?e\\s+(?:qualcuno|una persona|un operatore|un'operatrice|un umano|un essere umano)\\b" },
    // "passatemi il servizio clienti", "parlare con l'assistenza"
    { kind: 'explicit', re: `\\b(?:${IT_TALK}|${IT_PASS})\\b${GAP(3)}${IT_DEPT}\\b` },
    // "operatore!!", "un operatore per favore", "servizio clienti"
    { kind: 'explicit', re: WHOLE(`(?:(?:voglio|vorrei|un|una|uno|un'|il|l'|solo|con)${S}){0,6}(?:${IT_HUMAN}|${IT_MARKED}|${IT_DEPT})`, IT_POLITE) },
    // Refusing the bot: "non voglio parlare con un robot", "non voglio un bot"
    { kind: 'refusal', negatable: false, re: `\\b(?:non|mai|nemmeno|neanche)\\b${GAP(3)}${IT_COMMUNICATE}\\b${GAP(4)}${IT_MACHINE}\\b` },
    { kind: 'refusal', negatable: false, re: `\\b(?:non|mai)\\b${GAP(2)}(?:voglio|vorrei|desidero|accetto|sopporto|mi fido|mi piace|mi piacciono|mi serve)\\b${GAP(3)}${IT_BOT}\\b` },
    // "basta con il robot", "sono stufo di parlare con una macchina"
    { kind: 'refusal', negatable: false, re: `\\b(?:basta|smettila|smettetela|smettete|stufo|stufa|stufi|odio|stanco|stanca|non ne posso piu)\\b${GAP(4)}${IT_MACHINE}\\b` },
    { kind: 'refusal', negatable: false, re: `(?:^|[.!?,;]\\s{0,5})[^${LN}]{0,10}(?:no|niente|basta|senza|niente piu|basta con)\\s+(?:piu\\s+)?(?:con\\s+)?(?:il\\s+|lo\\s+|la\\s+|un\\s+|una\\s+|i\\s+|questo\\s+)?${IT_BOT}\\b(?:${S}${IT_POLITE})?[^${LN}]*(?:[.!?,;]|$)` },
  ],
  negation: ['non', 'mai', 'senza', 'ne', 'nemmeno', 'neanche', 'non serve', 'non ho bisogno'],
  notNegation: '\\bnon\\s+(?:so|capisco|ho capito|sono sicur[oa])\\b',
  clauseBreak: ['ma', 'solo', 'soltanto', 'e', 'quindi', 'pero', 'invece'],
  processQuestion: '\\b(?:devo|dobbiamo|bisogna|serve|occorre|e necessario|ho bisogno di)\\s+(?:parlare|chiamare|contattare|andare)\\b(?=[^.!]{0,200}\\?)[^.!?]{0,80}\\bper\\b',
  asksWhatItIs: "(?:^|[.!?,]\\s*|\\b(?:tu|lei|ma)\\s+)(?:sei|e|sto parlando con|parlo con|questo e)\\s+(?:un |una |uno )?(?:persona|umano|umana|robot|bot|macchina|vero|vera|reale|ia)\\b",
  asksForOne: `\\b(?:voglio|vorrei|${IT_PASS}|ho bisogno)\\b`,
  contactQuestion: '\\b(?:come|dove|qual|quale|quali)\\b',
};

const ENGLISH_WORDS: ReadonlySet<string> = new Set([...EN.fuzzy, ...EN.guards, ...EN.triggers]);

/** The languages `detectHumanRequest` knows, English first. */
export const HUMAN_REQUEST_LANGUAGES: readonly HumanRequestLanguage[] = [EN, ES, FR, DE, PT, IT].map(build);

/**
 * Every language's own words. A word another language owns is never corrected into this
 * one's ("operador" is Spanish, not a misspelt "operator"), which keeps the `language` right.
 */
export const LEXICON_WORDS: ReadonlySet<string> = new Set(HUMAN_REQUEST_LANGUAGES.flatMap((l) => [...l.own]));
