/**
 * Reads a free-text answer to the offer of a choice (DESIGN §3, `offerChoiceForSimple`): the
 * assistant has just said "I can help you with this now, or connect you to a person (the wait is
 * about N minutes)", with the buttons "Help me now" and "Talk to a person", and the customer
 * typed instead of pressing one.
 *
 * - `self_serve`: "help me now", "go ahead", "yes you do it", "sure, now", "ayúdame tú",
 *   "aidez-moi maintenant", "I don't want to wait", "no need for a person";
 * - `human`: "talk to a person", "connect me", "I'll wait", "the human", "prefiero esperar",
 *   "mit einem Menschen", "you can't help me", or anything `detectHumanRequest` calls a request;
 * - null: anything else, such as a new question ("how do I reset my password?"), a bare "yes"
 *   (yes to which?), or both at once ("help me now or connect me").
 *
 * The reply is read as words of a choice, never as a topic: "right now please" is `self_serve`
 * and nothing else. Ordinal answers follow the buttons' order ("the first one" is self-serve).
 * English, Spanish, French, German, Portuguese and Italian; `language` (ISO 639-1) puts that
 * language first, and without it every table is tried.
 */
import { normalizeText } from '../text/normalize.js';
import { createFuzzyLexicon, squashRepeats, type FuzzyLexicon } from './fuzzy-word.js';
import { detectHumanRequest } from './human-request.js';

/** Which button a free-text reply stands for. */
export type ChoiceReply = 'self_serve' | 'human';

interface ChoiceSpec {
  code: string;
  /** Words whose misspellings are corrected before matching ("hlep", "wiat"). */
  fuzzy: readonly string[];
  /** Words close to those that are words of their own ("ayudarme" is not a misspelt "ayudame"). */
  guards: readonly string[];
  /** Words that carry no choice ("yes", "ok", "please"); dropped before `selfWhole`/`humanWhole`. */
  fillers: readonly string[];
  /** The whole reply, once fillers are dropped. */
  selfWhole: string;
  humanWhole: string;
  /** Anywhere in the reply. */
  selfCue: string;
  humanCue: string;
  /** Refusing one option picks the other: "don't connect me" is self-serve… */
  refusesHuman: string;
  /** …and "you can't help me" is a person. */
  refusesSelf: string;
}

interface ChoiceTable {
  code: string;
  words: FuzzyLexicon;
  fillers: ReadonlySet<string>;
  selfWhole: RegExp;
  humanWhole: RegExp;
  selfCue: RegExp;
  humanCue: RegExp;
  refusesHuman: RegExp;
  refusesSelf: RegExp;
}

const whole = (body: string) => new RegExp(`^(?:${body})$`, 'u');
const anywhere = (body: string) => new RegExp(`(?<![\\p{L}\\p{N}'])(?:${body})(?![\\p{L}\\p{N}'])`, 'u');

const SPECS: readonly ChoiceSpec[] = [
  {
    code: 'en',
    fuzzy: ['help', 'now', 'wait', 'ahead', 'connect', 'transfer', 'person', 'human', 'agent', 'please', 'right', 'yourself', 'first', 'second'],
    guards: ['hello', 'hell', 'helps', 'helped', 'wait', 'waits', 'waited', 'white', 'write', 'right', 'night', 'light', 'might', 'fight', 'sight', 'tight', 'personal', 'persona', 'agents', 'humane'],
    fillers: ['yes', 'yeah', 'yep', 'yup', 'ok', 'okay', 'k', 'sure', 'please', 'thanks', 'thank', 'fine', 'alright', 'great', 'cool', 'then', 'just', 'oh', 'hmm', 'well', 'so', 'lol', 'one', 'the', 'a', 'an', 'option', 'i', 'think', 'guess', 'id', "i'd", 'like', 'prefer', 'rather', 'pick', 'choose', 'take', 'want', 'to'],
    selfWhole:
      "now|right now|now please|asap|immediately|here|1|first|help|help me|help now|self|self serve|myself|me|you|yourself|quick|quickly|fast|faster|do it|try|try it|go ahead|go on|proceed|continue|ahead|the bot|bot|ai|assistant|the assistant|no wait|no waiting|not wait",
    humanWhole: "2|second|wait|i'?ll wait|i will wait|wait then|connect|connect me|transfer|transfer me|put me through|human|person|agent|someone|a human|the human|a person|the person|an agent|the agent|staff|people|the other|other",
    selfCue:
      "help me (?:now|here|yourself|first|instead|please|then|right away|out now)|(?:you|u) (?:can |could |may |should |will |)(?:just |please |)(?:help|do|handle|try|sort|fix|solve|deal with|take care of|go ahead)|(?:you|u) do it|go ahead|go for it|try it|try that|try now|let ?'?s try|let ?'?s do (?:it|this)|give it a (?:try|go|shot)|you try|do it now|right now|help me now|(?:i'?ll|i will) (?:try|stay) with you|(?:i'?m|i am) (?:in a hurry|in a rush)|with you (?:now|please)",
    humanCue:
      "(?:i'?ll|i will|i can|i'?m happy to|i am happy to|happy to|i don'?t mind|i do not mind|i'?d rather|i would rather|i prefer to|i'?m ok to|i'?m fine to|fine to|ok to) wait(?:ing)?|wait (?:is|time is) (?:fine|ok|okay|no problem)|(?:connect|transfer|put) me(?: through)?|(?:the|a) (?:person|human|agent|second one|second option)|rather (?:a|the) (?:person|human)",
    refusesHuman:
      "no need (?:for|to|of) (?:a |an |the )?(?:person|human|agent|wait|waiting|connect|transfer)|(?:don'?t|do not|no need to|please don'?t|not) (?:connect|transfer|put) me|(?:don'?t|do not|can'?t|cannot|won'?t|will not) (?:want to |wanna )?wait|no (?:person|human|agent|transfer|waiting)|not (?:a|the) (?:person|human|agent)|(?:too long|no time) to wait",
    refusesSelf: "(?:you|u) (?:can'?t|cannot|couldn'?t|won'?t) (?:help|do (?:it|this))|(?:don'?t|do not) try|not you|no bot|no ai",
  },
  {
    code: 'es',
    fuzzy: ['ayudame', 'ayudeme', 'ahora', 'esperar', 'espero', 'adelante', 'intentalo', 'persona', 'agente', 'humano', 'conectame', 'pasame', 'transfiereme', 'primera', 'segunda', 'prefiero'],
    guards: ['ayudarme', 'ayudar', 'ayudes', 'ayudas', 'ayuda', 'ayude', 'espera', 'esperan', 'espere', 'esperamos', 'personal', 'primero', 'segundo', 'pasamos', 'pasame'],
    fillers: ['si', 'vale', 'ok', 'okay', 'bueno', 'claro', 'por', 'favor', 'porfa', 'gracias', 'pues', 'entonces', 'mejor', 'la', 'el', 'opcion', 'prefiero', 'quiero', 'que', 'lo', 'me'],
    selfWhole: 'ahora|ahora mismo|ya|ya mismo|ahorita|1|primera|ayuda|ayudame|ayudeme|tu|usted|adelante|dale|sigue|sigamos|continua|intentalo|intentemos|prueba|probemos|hazlo|hagalo|rapido|aqui',
    humanWhole: '2|segunda|esperar|espero|esperare|me espero|puedo esperar|persona|una persona|agente|un agente|humano|un humano|asesor|conectame|pasame|transfiereme|la otra|otra',
    selfCue:
      'ayuda(?:me|dme)(?: tu| usted| ahora| ya| aqui)?|ayudeme(?: usted| ahora)?|(?:me )?(?:ayudas|ayuda|ayude) (?:tu|usted)|hazlo (?:tu|ya|ahora)|hagalo (?:usted|ya|ahora)|(?:tu|usted) (?:mismo|misma)|ahora mismo|intentalo|intentemos|adelante|prefiero que me ayudes|que me ayudes tu|(?:tengo|llevo) prisa',
    humanCue:
      '(?:prefiero|puedo|voy a|me toca) esperar|(?:yo )?espero(?: entonces| pues)?$|esperare|con (?:una|un) (?:persona|agente|humano|asesor|operador)|(?:pasame|conectame|transfiereme|comunicame) con|(?:pasame|conectame|transfiereme)$|la segunda',
    refusesHuman: 'no (?:quiero|puedo|voy a) esperar|no me (?:pases|transfieras|conectes|comuniques)|sin (?:agente|persona|esperar)|no hace falta (?:una persona|un agente|esperar|pasarme)|no (?:necesito|quiero) (?:una persona|un agente|un humano)',
    refusesSelf: '(?:tu )?no (?:me )?(?:puedes|puede|sabes) ayudar(?:me)?|no (?:lo )?intentes|no quiero (?:un )?(?:bot|robot)',
  },
  {
    code: 'fr',
    fuzzy: ['aidez', 'maintenant', 'attendre', 'attends', 'essayez', 'personne', 'conseiller', 'humain', 'agent', 'premiere', 'deuxieme', 'prefere'],
    guards: ['aider', 'aide', 'aident', 'attend', 'attendez', 'attente', 'essayer', 'essaye', 'personnel', 'premier', 'deuxieme'],
    fillers: ['oui', 'ouais', 'ok', "d'accord", 'daccord', 'bon', 'alors', 'svp', "s'il", 'vous', 'plait', 'merci', 'bien', 'sur', 'la', 'le', 'option', 'je', 'prefere', 'veux', 'plutot', 'tres', 'tu', 'moi'],
    selfWhole: "maintenant|tout de suite|1|premiere|aidez|aide|aidez moi|aide moi|allez y|vas y|allez|go|essayez|essaie|essayons|faites le|fais le|continuez|ici|vite|rapide",
    humanWhole: "2|deuxieme|seconde|attendre|j'attends|j'attendrai|personne|une personne|conseiller|un conseiller|humain|un humain|agent|un agent|transferez|l'autre",
    selfCue:
      "aide[zr]?[\\s-]*moi(?: maintenant| tout de suite| vous)?|allez[\\s-]y|vas[\\s-]y|faites[\\s-]le|fais[\\s-]le|essayez|essaie|essayons|vous pouvez (?:m'aider|le faire|essayer)|(?:c'est |)maintenant|tout de suite|je suis presse",
    humanCue:
      "(?:je prefere|je peux|je vais|je veux bien) attendre|j'attends|j'attendrai|(?:passez|mettez|transferez|connectez)[\\s-]*moi|en relation|(?:une|la) (?:personne|deuxieme)|(?:un|le) (?:conseiller|humain|agent)",
    refusesHuman: "(?:je ne veux pas|je veux pas|pas le temps d'|pas envie d') attendre|(?:ne )?me (?:transferez|passez|mettez) pas|pas besoin (?:d'un conseiller|d'une personne|d'attendre|d'un humain)|pas de (?:conseiller|personne|transfert)",
    refusesSelf: "(?:vous ne pouvez pas|tu ne peux pas|vous pouvez pas) m'aider|n'essayez pas|pas de (?:robot|bot)",
  },
  {
    code: 'de',
    fuzzy: ['helfen', 'jetzt', 'sofort', 'warten', 'warte', 'versuchen', 'menschen', 'mitarbeiter', 'verbinden', 'erste', 'zweite', 'lieber'],
    guards: ['helfe', 'hilfe', 'warten', 'wartet', 'gewartet', 'versuche', 'versucht', 'mensch', 'erster', 'zweiter', 'erst', 'lieber'],
    fillers: ['ja', 'ok', 'okay', 'gut', 'klar', 'bitte', 'danke', 'dann', 'doch', 'mal', 'gerne', 'gern', 'also', 'die', 'der', 'das', 'option', 'ich', 'nehme', 'will', 'mochte', 'lieber', 'einfach', 'sie', 'du', 'es'],
    selfWhole: 'jetzt|sofort|gleich|1|erste|hilfe|helfen|helfen sie mir|hilf mir|machen|mach|machen sie|los|leg los|legen sie los|versuchen|versuch|probieren|probier|hier|schnell|selbst',
    humanWhole: '2|zweite|warten|ich warte|warte|mensch|menschen|einen menschen|mit einem menschen|mitarbeiter|einen mitarbeiter|mit einem mitarbeiter|person|verbinden|verbinden sie mich|verbinde mich|die andere|andere',
    selfCue:
      '(?:helfen sie|hilf) mir(?: jetzt| sofort| gleich| bitte| selbst)?|(?:machen sie|mach) (?:es|das|du|ruhig|mal)|(?:legen sie|leg) los|versuchen sie es|versuch es|probier(?:en sie)? es|probieren wir|sie machen das|du machst das|jetzt gleich|ich habe es eilig',
    humanCue:
      '(?:ich warte|lieber warten|ich kann warten|warte gerne|ich warte gerne|warten ist ok)|verbinden sie mich|verbinde mich|mit (?:einem|einer) (?:menschen|mitarbeiter(?:in)?|person|berater(?:in)?)|(?:einen|ein) (?:menschen|mitarbeiter|berater)|die zweite',
    refusesHuman: '(?:ich will|ich mochte|ich kann) nicht warten|(?:nicht|kein) verbinden|keinen? (?:menschen|mitarbeiter|person)|nicht weiterleiten|keine zeit zu warten',
    refusesSelf: '(?:sie konnen|du kannst) (?:mir )?nicht helfen|nicht sie|(?:keinen|kein) bot',
  },
  {
    code: 'pt',
    fuzzy: ['ajude', 'ajuda', 'agora', 'esperar', 'espero', 'tenta', 'pessoa', 'atendente', 'humano', 'transfere', 'primeira', 'segunda', 'prefiro'],
    guards: ['ajudar', 'ajudem', 'ajudou', 'esperam', 'espera', 'tentar', 'tentou', 'pessoal', 'primeiro', 'segundo'],
    fillers: ['sim', 'ok', 'beleza', 'certo', 'claro', 'pode', 'por', 'favor', 'obrigado', 'obrigada', 'entao', 'a', 'o', 'opcao', 'prefiro', 'quero', 'eu', 'voce', 'vc', 'me', 'mesmo'],
    selfWhole: 'agora|agora mesmo|ja agora|1|primeira|ajuda|ajude|me ajuda|me ajude|ajuda me|vai|ir|pode ir|tenta|tente|tentar|faz|faca|fazer|aqui|rapido',
    humanWhole: '2|segunda|esperar|espero|eu espero|posso esperar|pessoa|uma pessoa|atendente|um atendente|humano|um humano|transfere|me transfere|a outra|outra',
    selfCue:
      'me ajud(?:a|e)(?: agora| voce| ja| aqui)?|ajuda[\\s-]me|pode (?:ir|tentar|fazer|me ajudar)|faz voce|faca voce|(?:voce|vc) mesmo|tenta(?:r)?(?: ai)?|agora mesmo|vai la|estou com pressa',
    humanCue:
      '(?:prefiro|posso|vou) esperar|eu espero|espero(?: entao)?$|com (?:uma|um) (?:pessoa|atendente|humano|agente)|me (?:transfere|transfira|passa|passe|conecta)|a segunda',
    refusesHuman: 'nao (?:quero|posso|vou) esperar|nao me (?:transfira|transfere|passe|passa)|sem (?:atendente|pessoa|esperar)|nao (?:preciso|quero) (?:de )?(?:uma pessoa|um atendente|um humano)',
    refusesSelf: '(?:voce|vc) nao (?:pode|consegue) (?:me )?ajudar|nao tente|nao quero (?:robo|bot)',
  },
  {
    code: 'it',
    fuzzy: ['aiutami', 'adesso', 'subito', 'aspettare', 'aspetto', 'prova', 'persona', 'operatore', 'umano', 'passami', 'prima', 'seconda', 'preferisco'],
    guards: ['aiutarmi', 'aiutare', 'aiuta', 'aiuto', 'aspetta', 'aspettate', 'provare', 'prove', 'personale', 'primo', 'secondo'],
    fillers: ['si', 'ok', 'va', 'bene', 'certo', 'allora', 'per', 'favore', 'grazie', 'pure', 'la', 'il', 'opzione', 'preferisco', 'voglio', 'io', 'tu', 'lei', 'mi'],
    selfWhole: 'ora|adesso|subito|1|prima|aiutami|aiuto|aiutami tu|vai|procedi|prosegui|prova|proviamo|provaci|fallo|fallo tu|qui|veloce',
    humanWhole: '2|seconda|aspettare|aspetto|aspettero|posso aspettare|persona|una persona|operatore|un operatore|umano|un umano|passami|l\'altra|altra',
    selfCue:
      "aiutami(?: tu| ora| adesso| subito)?|mi aiuti (?:lei|tu|ora|adesso)|vai pure|procedi|prosegui|proviamo|provaci|fallo tu|lo faccia lei|pensaci tu|ho fretta",
    humanCue:
      "(?:preferisco|posso|voglio) aspettare|aspetto(?: pure)?$|aspettero|con (?:una|un) (?:persona|operatore|operatrice|umano)|passami (?:un|una|qualcuno)|mettimi in contatto|la seconda",
    refusesHuman: "non (?:voglio|posso) aspettare|non (?:mi )?(?:passare|trasferire|collegare)|senza (?:operatore|aspettare)|non (?:serve|voglio) (?:un operatore|una persona)",
    refusesSelf: "(?:tu |lei )?non (?:puoi|puo) aiutarmi|non provare|non voglio (?:un )?(?:bot|robot)",
  },
];

const TABLES: readonly ChoiceTable[] = SPECS.map((s) => ({
  code: s.code,
  words: createFuzzyLexicon(s.fuzzy, s.guards),
  fillers: new Set(s.fillers),
  selfWhole: whole(s.selfWhole),
  humanWhole: whole(s.humanWhole),
  selfCue: anywhere(s.selfCue),
  humanCue: anywhere(s.humanCue),
  refusesHuman: anywhere(s.refusesHuman),
  refusesSelf: anywhere(s.refusesSelf),
}));

const TOKEN = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;
/** A choice is a few words; a longer message is a message of its own. */
const MAX_REPLY_CHARS = 300;

/**
 * The button a free-text reply to the offer stands for, or null when it is not a choice.
 * Pure and cheap; never throws.
 */
export function readChoiceReply(text: string, language?: string): ChoiceReply | null {
  if (text.length > MAX_REPLY_CHARS) return null;
  const tokens = [...normalizeText(text).matchAll(TOKEN)].map((m) => squashRepeats(m[0]));
  if (tokens.length === 0) return null;
  const code = language?.toLowerCase().slice(0, 2);
  const first = TABLES.find((t) => t.code === code);
  const order = first ? [first, ...TABLES.filter((t) => t !== first)] : TABLES;
  for (const table of order) {
    const pick = readWith(table, tokens, text, language);
    if (pick !== undefined) return pick;
  }
  return null;
}

/** A pick, null for "both or neither, though it speaks this language", undefined for "no cue here". */
function readWith(table: ChoiceTable, raw: readonly string[], text: string, language?: string): ChoiceReply | null | undefined {
  const tokens = raw.map((w) => table.words.correct(w) ?? w);
  const words = tokens.join(' ');
  const core = tokens.filter((w) => !table.fillers.has(w)).join(' ');
  const refusesHuman = table.refusesHuman.test(words);
  const refusesSelf = table.refusesSelf.test(words);
  const self = refusesHuman || table.selfWhole.test(core) || table.selfCue.test(words);
  const human =
    refusesSelf ||
    table.humanWhole.test(core) ||
    (!refusesHuman && table.humanCue.test(words)) ||
    (!refusesHuman && table.code === 'en' && detectHumanRequest(text, language) !== null);
  if (self && !human) return 'self_serve';
  if (human && !self) return 'human';
  return self && human ? null : undefined;
}
