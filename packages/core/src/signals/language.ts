/**
 * Language detection for routing to a team with the right language skill (DESIGN §5) and
 * for answering in the customer's language.
 *
 * Trigram models (franc-min) are good on a paragraph and poor on a chat line: "my paymnet
 * didnt go thru can u check" scores as French. So two kinds of evidence are combined: franc's
 * trigram scores, and hits in small stopword tables (function words plus the support words
 * customers actually type: "order", "refund", "pls"). Below 20 letters only the tables and
 * the writing system are used. When the evidence does not separate two languages, the answer
 * is 'und' rather than a guess.
 */
import { francAll } from 'franc-min';
import { tokenize } from '../text/normalize.js';
import { graphemePrefix } from '../text/clip-text.js';

/** A language guess; `code` is ISO 639-1 ('en', 'es', …) or 'und'. */
export interface LanguageGuess {
  /** ISO 639-1 code ('en', 'es', 'fr', 'de', …), or 'und' when the text does not say. */
  code: string;
  /** 0..1. 0 for 'und'. Short texts stay below 0.8 because one word can be shared. */
  confidence: number;
}

/** Only the first 500 characters are read: the language does not change, and franc is O(n). */
export const LANGUAGE_SAMPLE_CHARS = 500;
/** Below this many letters franc is not consulted. */
export const FRANC_MIN_LETTERS = 20;
const MIN_CONFIDENCE = 0.3;

const UND: LanguageGuess = { code: 'und', confidence: 0 };

/** franc-min's ISO 639-3 codes that have an ISO 639-1 equivalent. */
const ISO3_TO_1: Record<string, string> = {
  eng: 'en', spa: 'es', por: 'pt', fra: 'fr', deu: 'de', ita: 'it', nld: 'nl', ind: 'id',
  zlm: 'ms', vie: 'vi', tur: 'tr', pol: 'pl', ron: 'ro', hun: 'hu', ces: 'cs', swe: 'sv',
  hrv: 'hr', bos: 'bs', srp: 'sr', tgl: 'tl', swh: 'sw', jav: 'jv', sun: 'su', hau: 'ha',
  yor: 'yo', ibo: 'ig', zul: 'zu', som: 'so', uzn: 'uz', azj: 'az', kin: 'rw', nya: 'ny',
  run: 'rn', plt: 'mg', lin: 'ln', rus: 'ru', ukr: 'uk', bel: 'be', bul: 'bg', kaz: 'kk',
  arb: 'ar', urd: 'ur', pes: 'fa', pbu: 'ps', hin: 'hi', mar: 'mr', npi: 'ne', ben: 'bn',
  cmn: 'zh', jpn: 'ja', kor: 'ko', tel: 'te', tam: 'ta', guj: 'gu', kan: 'kn', mal: 'ml',
  mya: 'my', pan: 'pa', amh: 'am', tha: 'th', sin: 'si', ell: 'el', ckb: 'ku',
};
const FRANC_ONLY = Object.keys(ISO3_TO_1);
/**
 * Latin-script candidates for franc. Fewer models is faster (franc's cost is per model) and
 * avoids confident misfires into languages customers rarely write in; text in a Latin-script
 * language outside this list tends to come back with a small margin, hence 'und'.
 */
const FRANC_LATIN = ['eng', 'spa', 'por', 'fra', 'deu', 'ita', 'nld', 'ind', 'zlm', 'vie', 'tur', 'pol', 'ron', 'hun', 'ces', 'swe', 'hrv', 'bos', 'srp', 'tgl', 'swh'];
/** franc reads at most this much: trigram statistics settle well before it. */
export const FRANC_SAMPLE_CHARS = 300;

/*
 * Stopword tables, accent-free and lowercased as `tokenize` returns them ("está" -> "esta",
 * "j'ai" -> "jai"). A word listed for k languages counts 1/k for each.
 */
const STOPWORDS: Record<string, string> = {
  en: `the a an and or but is are was were be been am i im ive id me my mine you your youre u ur we our us they their it its
    this that these those what whats where wheres when why how who which can could would should will wont dont doesnt didnt
    cant cannot isnt wasnt havent not no yes have has had do does did to of in on at for with from by about as if so just
    please pls plz thanks thank thx ty hi hello hey there here get got still yet any some order orders refund account
    password help need want money card charged payment package parcel delivery delivered arrived cancel email login sign
    anyone again why tracking shipping item wrong broken asap`,
  es: `el la los las un una unos unas y o pero es son esta estan estoy era fue ser yo mi mis me te tu su sus nuestro que
    donde cuando como por para con sin de del al en no si ya hola gracias favor quiero quisiera necesito tengo tiene pedido
    reembolso cuenta contrasena ayuda dinero tarjeta pago envio paquete cancelar todavia aun hace dias semanas muy bien mas
    porque nada buenas buenos llegado llega`,
  fr: `le la les un une des du de et ou mais est sont suis ai as avons etait je tu il elle nous vous ils mon ma mes ton ta
    votre vos son sa ses ce cette ces que qui quoi quand comment pourquoi pour avec sans dans sur par pas ne plus bonjour
    merci svp sil plait commande remboursement compte mot passe aide argent carte paiement livraison colis annuler toujours
    encore jai cest nai quil dun dune veux voudrais besoin recu`,
  de: `der die das den dem des ein eine einen einem und oder aber ist sind bin war waren ich du er sie es wir ihr mein meine
    meinen mir mich dein unser nicht kein keine was wo wann wie warum fur mit ohne von zu auf bei nach aus hallo danke bitte
    bestellung ruckerstattung konto passwort hilfe geld karte zahlung lieferung paket stornieren noch schon habe hat haben
    mochte brauche immer`,
  it: `il lo la i gli le un uno una e o ma sono sei siamo ero io tu lui lei noi voi mio mia miei mie tuo suo che dove quando
    come perche per con senza di da in su non ciao grazie prego ordine rimborso conto aiuto soldi carta pagamento consegna
    pacco annullare ancora gia ho hai ha vorrei voglio bisogno del della dei arrivato`,
  pt: `o a os as um uma uns umas e ou mas sao estou esta era eu voce ele ela nos meu minha meus minhas seu sua que onde
    quando como porque por para com sem de do da dos das em no na nao sim ola obrigado obrigada favor pedido encomenda
    reembolso conta senha ajuda dinheiro cartao pagamento entrega cancelar ainda ja tenho quero gostaria preciso chegou`,
  nl: `de het een en of maar is zijn ben was waren ik jij je hij zij wij jullie mijn jouw uw onze niet geen wat waar wanneer
    hoe waarom voor met zonder van naar op bij uit hallo dank bedankt alsjeblieft alstublieft bestelling terugbetaling
    wachtwoord hulp geld kaart betaling levering pakket annuleren nog al heb heeft hebben wil graag`,
};
const STOP_LANGS = Object.keys(STOPWORDS);

/** word -> languages that list it. */
const STOP_INDEX: Map<string, string[]> = (() => {
  const index = new Map<string, string[]>();
  for (const lang of STOP_LANGS) {
    for (const w of (STOPWORDS[lang] ?? '').split(/\s+/)) {
      if (!w) continue;
      const langs = index.get(w) ?? [];
      if (!langs.includes(lang)) langs.push(lang);
      index.set(w, langs);
    }
  }
  return index;
})();

/*
 * Writing systems that name one language, or one language as the safe default. Cyrillic,
 * Arabic and Devanagari are shared by several languages; franc separates them when there is
 * enough text, and below that the default comes back with a low confidence.
 */
const SCRIPTS: { re: RegExp; code: string; shared: boolean }[] = [
  { re: /[\p{Script=Hiragana}\p{Script=Katakana}]/gu, code: 'ja', shared: false },
  { re: /\p{Script=Hangul}/gu, code: 'ko', shared: false },
  { re: /\p{Script=Han}/gu, code: 'zh', shared: false },
  { re: /\p{Script=Cyrillic}/gu, code: 'ru', shared: true },
  { re: /\p{Script=Arabic}/gu, code: 'ar', shared: true },
  { re: /\p{Script=Devanagari}/gu, code: 'hi', shared: true },
  { re: /\p{Script=Greek}/gu, code: 'el', shared: false },
  { re: /\p{Script=Hebrew}/gu, code: 'he', shared: false },
  { re: /\p{Script=Thai}/gu, code: 'th', shared: false },
  { re: /\p{Script=Georgian}/gu, code: 'ka', shared: false },
  { re: /\p{Script=Armenian}/gu, code: 'hy', shared: false },
  { re: /\p{Script=Bengali}/gu, code: 'bn', shared: false },
  { re: /\p{Script=Tamil}/gu, code: 'ta', shared: false },
  { re: /\p{Script=Telugu}/gu, code: 'te', shared: false },
  { re: /\p{Script=Gujarati}/gu, code: 'gu', shared: false },
  { re: /\p{Script=Kannada}/gu, code: 'kn', shared: false },
  { re: /\p{Script=Malayalam}/gu, code: 'ml', shared: false },
  { re: /\p{Script=Gurmukhi}/gu, code: 'pa', shared: false },
  { re: /\p{Script=Ethiopic}/gu, code: 'am', shared: false },
  { re: /\p{Script=Sinhala}/gu, code: 'si', shared: false },
  { re: /\p{Script=Myanmar}/gu, code: 'my', shared: false },
  { re: /\p{Script=Khmer}/gu, code: 'km', shared: false },
  { re: /\p{Script=Lao}/gu, code: 'lo', shared: false },
];
const LATIN = /\p{Script=Latin}/gu;
const LETTER = /\p{L}/gu;
/** Letters that single out one Cyrillic language; anything else defaults to Russian. */
const CYRILLIC_HINTS: [RegExp, string][] = [
  [/[іїєґ]/iu, 'uk'],
  [/[ў]/iu, 'be'],
  [/[ђћџљњј]/iu, 'sr'],
  [/[әғқңөұүһ]/iu, 'kk'],
];
/** Shared scripts need this many letters before franc's trigrams beat the defaults above. */
const SHARED_SCRIPT_FRANC_LETTERS = 60;
/** URLs, emails, @handles, numbers and ids carry no language and skew trigram scores. */
const NOISE = /\bhttps?:\/\/\S{0,2000}|\bwww\.\S{0,2000}|\S{1,200}@\S{1,200}|[#@]\w{1,100}|[\p{N}_]{1,100}/gu;

function count(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(s) !== null) n++;
  return n;
}

const round = (x: number): number => Math.round(Math.min(1, Math.max(0, x)) * 100) / 100;

/** Stopword evidence: weighted hits per language, and the number of tokens. */
function stopwordScores(text: string): { hits: Map<string, number>; tokens: number } {
  const hits = new Map<string, number>();
  const tokens = tokenize(text);
  for (const t of tokens) {
    const langs = STOP_INDEX.get(t);
    if (!langs) continue;
    for (const l of langs) hits.set(l, (hits.get(l) ?? 0) + 1 / langs.length);
  }
  return { hits, tokens: tokens.length };
}

function top2(scores: Map<string, number>): [string, number, number] {
  let best = '';
  let b = -Infinity;
  let second = -Infinity;
  // Deterministic tie-break: the order of insertion, which follows fixed tables.
  for (const [k, v] of scores) {
    if (v > b) {
      second = b;
      b = v;
      best = k;
    } else if (v > second) second = v;
  }
  return [best, b, second === -Infinity ? 0 : second];
}

function guessLatin(sample: string, letters: number): LanguageGuess {
  const { hits, tokens } = stopwordScores(sample);
  if (letters < FRANC_MIN_LETTERS) {
    const [best, b, second] = top2(hits);
    if (!best || b <= 0 || b - second < 0.5) return UND;
    const conf = 0.3 + 0.15 * Math.min(b, 3) + 0.1 * Math.min(b - second, 2) - (tokens > 2 * b ? 0.1 : 0);
    return { code: best, confidence: round(Math.min(conf, 0.8)) };
  }
  const combined = new Map<string, number>();
  for (const [iso3, score] of francAll(graphemePrefix(sample, FRANC_SAMPLE_CHARS), { only: FRANC_LATIN, minLength: 1 })) {
    const code = ISO3_TO_1[iso3];
    if (code) combined.set(code, score);
  }
  // A stopword share of 50% is worth as much as franc's whole spread.
  for (const [code, h] of hits) combined.set(code, (combined.get(code) ?? 0) + (2 * h) / Math.max(tokens, 1));
  const [best, b, second] = top2(combined);
  if (!best) return UND;
  const conf = 0.3 + 1.2 * (b - second) + Math.min(0.3, letters / 400);
  if (conf < MIN_CONFIDENCE + 0.05) return UND;
  return { code: best, confidence: round(Math.min(conf, 0.99)) };
}

/**
 * Guesses the customer's language so routing can match a team's language skill and replies
 * come back in the same language. Deterministic, never throws, reads at most
 * {@link LANGUAGE_SAMPLE_CHARS} characters; returns 'und' (confidence 0) when the text is too
 * short or too mixed to say.
 */
export function detectLanguage(text: string): LanguageGuess {
  if (typeof text !== 'string' || text.length === 0) return UND;
  const sample = graphemePrefix(text, LANGUAGE_SAMPLE_CHARS).replace(NOISE, ' ');
  const latin = count(LATIN, sample);
  const letters = count(LETTER, sample);
  if (letters < 2) return UND;
  if (letters - latin <= latin) return guessLatin(sample, latin);
  let other = { code: '', n: 0, shared: false };
  for (const s of SCRIPTS) {
    const n = count(s.re, sample);
    if (n > other.n) other = { code: s.code, n, shared: s.shared };
  }
  if (!other.code) return UND;
  // Kana next to Han characters means Japanese, whichever is more frequent.
  if (other.code === 'zh' && count(SCRIPTS[0]?.re ?? /$^/g, sample) > 0) other.code = 'ja';
  if (other.code === 'ru') other.code = CYRILLIC_HINTS.find(([re]) => re.test(sample))?.[1] ?? 'ru';
  if (other.shared && other.n >= SHARED_SCRIPT_FRANC_LETTERS) {
    const [first, second] = francAll(graphemePrefix(sample, FRANC_SAMPLE_CHARS), { only: FRANC_ONLY, minLength: 1 });
    const code = first ? ISO3_TO_1[first[0]] : undefined;
    if (code) return { code, confidence: round(0.4 + (1 - (second?.[1] ?? 0)) + Math.min(0.3, other.n / 300)) };
  }
  const conf = other.shared ? 0.45 : Math.min(0.95, 0.6 + other.n / 40);
  return { code: other.code, confidence: round(conf) };
}
