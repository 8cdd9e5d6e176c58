/**
 * Entity extraction for the handoff brief (DESIGN §2 "Signals", §4 "key entities" and
 * "technical context"): order numbers, contact details, money, ids, error codes, versions,
 * browser and device, tracking numbers and dates.
 *
 * Every pattern is a regular expression whose quantifiers are all bounded and whose
 * alternatives cannot split the same input two ways, so the work per start position is a
 * constant and a scan is linear in the length of the text, whatever the text is. Offsets are
 * UTF-16 code-unit indices, like `String.prototype.slice`.
 */

/** The kinds of entity the brief knows how to show. */
export type EntityKind =
  | 'order_number'
  | 'invoice_number'
  | 'email'
  | 'phone'
  | 'amount'
  | 'account_id'
  | 'error_code'
  | 'version'
  | 'browser'
  | 'device'
  | 'card_number'
  | 'tracking_number'
  | 'date';

/** One entity found in a customer's text. */
export interface Entity {
  /** What the span is. When two readings overlap, the more specific one is kept. */
  kind: EntityKind;
  /**
   * The normalised value the brief shows and tools look up: order "4821" (no "#"), email
   * lowercased, phone digits with a leading "+" when one was written, amount "160.00",
   * browser "Chrome 118", OS version "iOS 17.2", date "2026-11-03" / "--03-03" (no year) /
   * "---18" (day only; ISO 8601 reduced forms). Card numbers are never stored in full.
   */
  value: string;
  /** The span exactly as written (for order ids and labelled ids, without the cue word). */
  text: string;
  /** Start offset into the input (UTF-16 code units). */
  start: number;
  /** End offset into the input, exclusive. */
  end: number;
  /** For amounts: the number, e.g. 1299.5. */
  amount?: number;
  /** For amounts: ISO 4217 code, absent when the text named no currency ("charged 160.00"). */
  currency?: string;
  /** For card numbers: always true; `value` and `text` are both masked ("•••• 4242"). */
  masked?: boolean;
}

interface Candidate extends Entity {
  priority: number;
}

/*
 * Priorities decide overlaps: a span claimed by a higher priority is never re-used. Labelled
 * ids outrank phones, dates and amounts-shaped numbers because the customer said what they
 * are; cards outrank everything so that a card number is always masked.
 */
const P = {
  card: 100,
  email: 95,
  trackingShape: 92,
  amount: 90,
  labelled: 85,
  error: 80,
  phone: 75,
  date: 70,
  device: 60,
  browser: 55,
  version: 50,
  hashId: 40,
} as const;

const MASK = '\u2022\u2022\u2022\u2022';

// ---------------------------------------------------------------------------------------
// Shared pieces

/** An id: optional letter prefix, then a digit, then letters/digits, with dash groups. */
const ID = String.raw`(?:[A-Za-z]{1,6}-?)?\d[A-Za-z0-9]{0,24}(?:-[A-Za-z0-9]{1,12}){0,4}`;

/** A number with optional thousands groups and 1-2 decimals: 160, 1,299.50, 1.299,50, 89,99. */
const NUM = String.raw`(?:\d{1,3}(?:[,.'\u00a0\u202f]\d{3}){1,5}|\d{1,15})(?:[.,]\d{1,2})?`;
const MULT = String.raw`(?:[kKmM](?![A-Za-z])|[ \t]?(?:thousand|million|billion)\b)?`;

/**
 * All matches of a global regex, via `exec` on the shared instance: `matchAll` clones the
 * regex on every call, which costs more than the scan itself on short messages.
 */
function matches(re: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    found.push(m);
    if (m[0].length === 0) re.lastIndex++;
  }
  return found;
}

function digitCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

function digitsOf(s: string): string {
  return s.replace(/\D/g, '');
}

function push(
  out: Candidate[],
  kind: EntityKind,
  priority: number,
  text: string,
  start: number,
  end: number,
  value: string,
  extra?: Partial<Entity>,
): void {
  out.push({ kind, value, text: text.slice(start, end), start, end, priority, ...extra });
}

/** Start offset of capture group `g` inside match `m` (the group text is unique in the match tail). */
function groupStart(m: RegExpExecArray, g: number): number {
  const whole = m[0];
  const part = m[g] ?? '';
  return m.index + whole.lastIndexOf(part);
}

// ---------------------------------------------------------------------------------------
// Cards

/**
 * A run of 13-19 digits, with up to two separator characters between digits: spaces, dashes,
 * dots, NBSP and narrow NBSP, so "4111.1111.1111.1111" and "4111\u00a01111…" are found as
 * well as "4111  1111 …" typed with a double space.
 */
const CARD_SEP = '[ .\\-\\u00a0\\u202f\\u2007\\u2009]';
const CARD = new RegExp(String.raw`(?<![\d\-])(?<!\d\.)\d(?:${CARD_SEP}{0,2}\d){12,18}(?!\d)(?!\.\d)`, 'g');

/** Luhn checksum over a digit string. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

function cardGroupingOk(groups: number[]): boolean {
  if (groups.length === 1) return true;
  const key = groups.join('-');
  if (key === '4-6-5' || key === '4-6-4') return true;
  for (let i = 0; i < groups.length - 1; i++) if (groups[i] !== 4) return false;
  const last = groups[groups.length - 1] ?? 0;
  return last >= 1 && last <= 4;
}

/** Where, in `raw`, the first `digits` digits end (separators of any width in between). */
function endOfGroups(raw: string, digits: number): number {
  let seen = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57 && ++seen === digits) return i + 1;
  }
  return raw.length;
}

function scanCards(text: string, out: Candidate[]): void {
  for (const m of matches(CARD, text)) {
    const raw = m[0];
    const parts = raw.split(new RegExp(`${CARD_SEP}+`));
    // Try the whole run, then drop trailing groups: "4242 4242 4242 4242 12" is a card and a 12.
    for (let k = parts.length; k >= 1; k--) {
      const groups = parts.slice(0, k);
      const digits = groups.join('');
      if (digits.length < 13 || digits.length > 19) continue;
      if (!/^[2-6]/.test(digits)) continue;
      if (!cardGroupingOk(groups.map((g) => g.length))) continue;
      if (!luhnValid(digits)) continue;
      const len = endOfGroups(raw, digits.length);
      const masked = `${MASK} ${digits.slice(-4)}`;
      out.push({
        kind: 'card_number',
        value: masked,
        text: masked,
        start: m.index,
        end: m.index + len,
        priority: P.card,
        masked: true,
      });
      break;
    }
  }
}

// ---------------------------------------------------------------------------------------
// Emails

const EMAIL =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@(?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,24}(?![A-Za-z0-9-])/g;

function scanEmails(text: string, out: Candidate[]): void {
  if (!text.includes('@')) return;
  for (const m of matches(EMAIL, text)) {
    push(out, 'email', P.email, text, m.index, m.index + m[0].length, m[0].toLowerCase());
  }
}

// ---------------------------------------------------------------------------------------
// Phones

const PHONE_INTL =
  /(?<![\w+])\+\d{1,15}(?:[ .-]?\(\d{1,4}\)[ .-]?\d{1,12})?(?:[ .-]\d{1,12}){0,6}(?![\d])/g;
const PHONE_NANP =
  /(?<![\w+.\-/])(?:1[ .-])?(?:\(\d{3}\)[ .-]?|\d{3}[ .-])\d{3}[ .-]\d{4}(?![\w\-/])/g;
const PHONE_CUE =
  /\b(?:phone|mobile|cell|tel|telephone|landline|whats ?app|call|text|sms|reach|my (?:(?:phone|mobile|cell|contact) )?number)\b(?:[ \t]{1,2}(?:me|us|number|no\.?|num|on|at|is|was|:)){0,3}[ \t:]{0,3}(\+?\(?\d[\d ().-]{5,18}\d)(?!\d)/gi;
const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$|^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$/;

function phoneValue(raw: string): string {
  const d = digitsOf(raw);
  return raw.trimStart().startsWith('+') ? `+${d}` : d;
}

function scanPhones(text: string, out: Candidate[]): void {
  for (const m of matches(PHONE_INTL, text)) {
    const n = digitCount(m[0]);
    if (n >= 7 && n <= 15) push(out, 'phone', P.phone, text, m.index, m.index + m[0].length, phoneValue(m[0]));
  }
  for (const m of matches(PHONE_NANP, text)) {
    push(out, 'phone', P.phone, text, m.index, m.index + m[0].length, phoneValue(m[0]));
  }
  for (const m of matches(PHONE_CUE, text)) {
    const raw = (m[1] ?? '').trim();
    const n = digitCount(raw);
    if (n < 7 || n > 15 || DATE_SHAPE.test(raw)) continue;
    const start = groupStart(m, 1);
    push(out, 'phone', P.phone, text, start, start + raw.length, phoneValue(raw));
  }
}

// ---------------------------------------------------------------------------------------
// Amounts

const SYMBOLS: Record<string, string> = {
  $: 'USD', 'US$': 'USD', 'USD$': 'USD', 'CA$': 'CAD', C$: 'CAD', 'CAD$': 'CAD', A$: 'AUD',
  'AU$': 'AUD', 'NZ$': 'NZD', 'HK$': 'HKD', S$: 'SGD', R$: 'BRL', 'MX$': 'MXN', '€': 'EUR',
  '£': 'GBP', '¥': 'JPY', '￥': 'JPY', '₹': 'INR', '₩': 'KRW', '₽': 'RUB', '₺': 'TRY',
  '₪': 'ILS', '₱': 'PHP', '₫': 'VND', '฿': 'THB', '₦': 'NGN', '₴': 'UAH',
};
const SYMBOL_ALT = String.raw`US\$|USD\$|CA\$|CAD\$|C\$|AU\$|A\$|NZ\$|HK\$|S\$|R\$|MX\$|\$|€|£|¥|￥|₹|₩|₽|₺|₪|₱|₫|฿|₦|₴`;
/** Codes that are safe to accept in lower case too ("usd 40"); no English word collides. */
const SAFE_CODES = 'usd eur gbp cad aud nzd jpy cny rmb inr chf sek nok dkk pln czk huf mxn brl zar sgd hkd krw uah myr ngn thb idr'.split(' ');
/** Codes accepted only in capitals: "try 5 times", "Ron 50", "rub", "pen" are words. */
const CAPS_CODES = 'RUB RON PEN COP AED SAR ILS EGP KES CLP ARS VND BGN ISK TRY'.split(' ');
const CODE_ALT = [...SAFE_CODES, ...CAPS_CODES.map((c) => c.toLowerCase())].join('|');
const CAPS_SET = new Set(CAPS_CODES);

const AMOUNT_PRE_SYMBOL = new RegExp(String.raw`(?<![A-Za-z0-9$])(${SYMBOL_ALT})[ \t]?(${NUM})${MULT}(?![\d])`, 'g');
const AMOUNT_PRE_CODE = new RegExp(String.raw`\b(${CODE_ALT})[ \t]?(${NUM})${MULT}(?![\d])`, 'gi');
const AMOUNT_POST_CODE = new RegExp(String.raw`(?<![\d.,])(${NUM})${MULT}[ \t]?(${CODE_ALT})\b`, 'gi');
const AMOUNT_POST_SYMBOL = new RegExp(String.raw`(?<![\d.,$€£¥])(${NUM})${MULT}[ \t]?(€|£|\$|¥|₹|₩|₽|₺|₪|₫|฿|₦|₴)`, 'g');
const WORD_UNITS = String.raw`dollars?|bucks|euros?|pounds?(?:[ \t]sterling)?|quid|yen|yuan|renminbi|rupees?|pesos?|francs?|zlot(?:y|ys|ych)|kronor|krona|kroner|krone|rubles?|roubles?|reais|rand`;
const WORD_QUALIFIERS = String.raw`US|U\.S\.|American|Canadian|Australian|Aussie|New[ \t]Zealand|Hong[ \t]Kong|Singapore|Singaporean|Mexican|Swiss`;
const AMOUNT_POST_WORD = new RegExp(
  String.raw`(?<![\d.,])(${NUM})${MULT}[ \t]?(?:(${WORD_QUALIFIERS})[ \t]+)?(${WORD_UNITS})\b`,
  'gi',
);
/** Money with no currency, only when a money verb labels it and it has cents: "charged 160.00". */
const AMOUNT_CUE = /\b(?:charged|charge of|paid|refund(?:ed)?(?: of| for)?|costs?|price|total|fee|billed|owe|debited|deducted|balance(?: of| is)?)(?:[ \t]{1,2}(?:me|us|was|is|of|for)){0,2}[ \t]{1,2}(\d{1,3}(?:,\d{3}){1,5}\.\d{2}|\d{1,12}\.\d{2})(?![\d.,])/gi;

const UNIT_CURRENCY: Record<string, string> = {
  dollar: 'USD', buck: 'USD', euro: 'EUR', pound: 'GBP', quid: 'GBP', yen: 'JPY', yuan: 'CNY',
  renminbi: 'CNY', rupee: 'INR', peso: 'MXN', franc: 'CHF', zloty: 'PLN', zlotys: 'PLN',
  zlotych: 'PLN', kronor: 'SEK', krona: 'SEK', kroner: 'NOK', krone: 'NOK', ruble: 'RUB',
  rouble: 'RUB', reais: 'BRL', rand: 'ZAR',
};
const QUALIFIER_CURRENCY: Record<string, string> = {
  us: 'USD', 'u.s.': 'USD', american: 'USD', canadian: 'CAD', australian: 'AUD', aussie: 'AUD',
  'new zealand': 'NZD', 'hong kong': 'HKD', singapore: 'SGD', singaporean: 'SGD', mexican: 'MXN',
  swiss: 'CHF',
};

/** Parses "1,299.50", "1.299,50", "89,99", "5k". Separators followed by exactly 3 digits group thousands. */
function parseAmount(num: string, mult: string): number {
  let n: number;
  const dec = /[.,](\d{1,2})$/.exec(num);
  if (dec) {
    const intPart = digitsOf(num.slice(0, dec.index));
    n = Number(`${intPart || '0'}.${dec[1] ?? '0'}`);
  } else {
    n = Number(digitsOf(num));
  }
  const m = mult.trim().toLowerCase();
  if (m === 'k' || m === 'thousand') n *= 1e3;
  else if (m === 'm' || m === 'million') n *= 1e6;
  else if (m === 'billion') n *= 1e9;
  return n;
}

function splitMultiplier(afterNum: string): string {
  const m = /^(?:[kKmM](?![A-Za-z])|[ \t]?(?:thousand|million|billion)\b)/i.exec(afterNum);
  return m ? m[0] : '';
}

function pushAmount(out: Candidate[], text: string, start: number, end: number, num: string, numEnd: number, currency?: string): void {
  const mult = splitMultiplier(text.slice(numEnd, end));
  const amount = parseAmount(num, mult);
  if (!Number.isFinite(amount)) return;
  const extra: Partial<Entity> = currency ? { amount, currency } : { amount };
  push(out, 'amount', P.amount, text, start, end, amount.toFixed(2), extra);
}

function scanAmounts(text: string, out: Candidate[]): void {
  for (const m of matches(AMOUNT_PRE_SYMBOL, text)) {
    const sym = m[1] ?? '';
    const num = m[2] ?? '';
    const numStart = m.index + m[0].indexOf(num, sym.length);
    pushAmount(out, text, m.index, m.index + m[0].length, num, numStart + num.length, SYMBOLS[sym]);
  }
  for (const m of matches(AMOUNT_PRE_CODE, text)) {
    const code = m[1] ?? '';
    const upper = code.toUpperCase();
    if (CAPS_SET.has(upper) && code !== upper) continue;
    const num = m[2] ?? '';
    const numStart = m.index + m[0].indexOf(num, code.length);
    pushAmount(out, text, m.index, m.index + m[0].length, num, numStart + num.length, upper === 'RMB' ? 'CNY' : upper);
  }
  for (const m of matches(AMOUNT_POST_CODE, text)) {
    const code = m[2] ?? '';
    const upper = code.toUpperCase();
    if (CAPS_SET.has(upper) && code !== upper) continue;
    const num = m[1] ?? '';
    pushAmount(out, text, m.index, m.index + m[0].length, num, m.index + num.length, upper === 'RMB' ? 'CNY' : upper);
  }
  for (const m of matches(AMOUNT_POST_SYMBOL, text)) {
    const num = m[1] ?? '';
    pushAmount(out, text, m.index, m.index + m[0].length, num, m.index + num.length, SYMBOLS[m[2] ?? '']);
  }
  for (const m of matches(AMOUNT_POST_WORD, text)) {
    const num = m[1] ?? '';
    const unit = (m[3] ?? '').toLowerCase();
    if (unit.startsWith('pound') && isWeightContext(text, m.index, m.index + m[0].length)) continue;
    const base = unit.replace(/[ \t]sterling$/, '').replace(/s$/, '');
    const qualifier = (m[2] ?? '').toLowerCase().replace(/[ \t]+/g, ' ');
    const currency = (qualifier && QUALIFIER_CURRENCY[qualifier]) || UNIT_CURRENCY[base] || UNIT_CURRENCY[unit];
    pushAmount(out, text, m.index, m.index + m[0].length, num, m.index + num.length, currency);
  }
  for (const m of matches(AMOUNT_CUE, text)) {
    const num = m[1] ?? '';
    const start = groupStart(m, 1);
    pushAmount(out, text, start, start + num.length, num, start + num.length);
  }
}

function isWeightContext(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 30), start).toLowerCase();
  const after = text.slice(end, end + 4).toLowerCase();
  return /weigh|heavy|lbs?\b|kg\b/.test(before) || /^[ \t]+of\b/.test(after);
}

// ---------------------------------------------------------------------------------------
// Labelled ids: order / invoice / account / tracking

const KIND_BY_CUE: [RegExp, EntityKind][] = [
  [/^(?:orders?|purchases?|bookings?|reservations?|confirmation|ref(?:erence)?)$/i, 'order_number'],
  [/^(?:invoices?|receipts?)$/i, 'invoice_number'],
  [/^(?:accounts?|acct|acc|customer|member(?:ship)?|user|client|subscriber|subscription|loyalty)$/i, 'account_id'],
  [/^(?:tracking|track|shipment|consignment|waybill|awb)$/i, 'tracking_number'],
];
const ID_CUES = String.raw`orders?|purchases?|bookings?|reservations?|confirmation|ref(?:erence)?|invoices?|receipts?|accounts?|acct|acc|customer|member(?:ship)?|user|client|subscriber|subscription|loyalty|tracking|track|shipment|consignment|waybill|awb`;
const LABELLED = new RegExp(
  String.raw`\b(${ID_CUES})\b(?:[ \t]{0,3}(?:(?:number|nr|num|id|code|ref|no)\b\.?|#)){0,2}[ \t]{0,3}(?:(?:is|was|=|:)[ \t]{0,3})?#?[ \t]{0,2}(${ID})(?![A-Za-z0-9])`,
  'gi',
);
const CHAIN = new RegExp(String.raw`[ \t]{0,3}(?:,|&|/|\+|and|or)[ \t]{0,3}#?[ \t]{0,2}(${ID})(?![A-Za-z0-9])`, 'iy');
const HASH_ID = new RegExp(String.raw`(?<![\w#&])#[ \t]?(${ID})(?![A-Za-z0-9])`, 'g');
const HASH_CONTEXT =
  /\b(orders?|purchases?|bookings?|reservations?|invoices?|receipts?|tickets?|cases?|issues?|items?|sku|rooms?|apt|apartment|suite|unit|steps?|parts?|models?|pr)\b/gi;

function cueKind(cue: string): EntityKind | undefined {
  for (const [re, kind] of KIND_BY_CUE) if (re.test(cue)) return kind;
  return undefined;
}

function idOk(id: string, kind: EntityKind): boolean {
  const digits = digitCount(id);
  if (digits < 3) return false;
  if (kind === 'tracking_number' && id.replace(/-/g, '').length < 8) return false;
  // "#ff0000" is a colour, not an order.
  if (/[a-f]/i.test(id) && /^[0-9a-f]{6}$/i.test(id)) return false;
  return true;
}

function scanLabelled(text: string, out: Candidate[]): void {
  for (const m of matches(LABELLED, text)) {
    const kind = cueKind(m[1] ?? '');
    const id = m[2] ?? '';
    if (!kind || !idOk(id, kind)) continue;
    const end = m.index + m[0].length;
    push(out, kind, P.labelled, text, end - id.length, end, id);
    // "orders 4821 and 4822", "invoice #1, #2": the cue carries over a list.
    let pos = end;
    for (let i = 0; i < 20; i++) {
      CHAIN.lastIndex = pos;
      const c = CHAIN.exec(text);
      if (!c) break;
      const cid = c[1] ?? '';
      if (!idOk(cid, kind)) break;
      const cEnd = c.index + c[0].length;
      push(out, kind, P.labelled, text, cEnd - cid.length, cEnd, cid);
      pos = cEnd;
    }
  }
}

function scanHashIds(text: string, out: Candidate[]): void {
  if (!text.includes('#')) return;
  const cues: { at: number; kind: EntityKind | null }[] = [];
  for (const m of matches(HASH_CONTEXT, text)) {
    const kind = cueKind(m[1] ?? '');
    cues.push({ at: m.index, kind: kind === 'order_number' || kind === 'invoice_number' ? kind : null });
  }
  let ci = -1;
  for (const m of matches(HASH_ID, text)) {
    while (ci + 1 < cues.length && (cues[ci + 1]?.at ?? Infinity) < m.index) ci++;
    // The last cue before the "#" decides; with none, a "#1234" in support chat is an order.
    const kind = ci >= 0 ? cues[ci]?.kind ?? null : 'order_number';
    const id = m[1] ?? '';
    if (!kind || !idOk(id, kind)) continue;
    const end = m.index + m[0].length;
    push(out, kind, P.hashId, text, end - id.length, end, id);
  }
}

// ---------------------------------------------------------------------------------------
// Tracking numbers with a recognisable shape

const UPS = /\b1Z[0-9A-Z]{16}\b/gi;
const S10 = /\b[A-Z]{2}\d{9}[A-Z]{2}\b/g;
const USPS = /(?<![\d])9[2-5]\d{18,24}(?!\d)/g;

function scanTracking(text: string, out: Candidate[]): void {
  for (const re of [UPS, S10, USPS]) {
    for (const m of matches(re, text)) {
      push(out, 'tracking_number', P.trackingShape, text, m.index, m.index + m[0].length, m[0].toUpperCase());
    }
  }
}

// ---------------------------------------------------------------------------------------
// Error codes

const HEX_ERROR = /\b0x[0-9A-Fa-f]{4,16}\b/g;
const NAMED_ERROR = /\b(?:NET::)?[A-Z][A-Z0-9]{1,20}(?:_[A-Z0-9]{1,20}){1,8}\b/g;
const NAMED_ERROR_HINT = /^(?:NET::)?ERR_|^DNS_|ERROR|FAIL|DENIED|INVALID|TIMEOUT|TIMED_OUT|EXCEPTION|REFUSED|RESET|NOT_FOUND|UNAUTHORI[SZ]ED|FORBIDDEN|UNAVAILABLE|MISMATCH|EXPIRED|DECLINED/;
const POSIX_ERROR = /\bE(?:NOENT|ACCES|PERM|CONNREFUSED|CONNRESET|TIMEDOUT|ADDRINUSE|NOTFOUND|HOSTUNREACH|PIPE|AI_AGAIN)\b/g;
const E_CODE = /\b(?:E|ERR-?)\d{3,5}\b/g;
const LABELLED_ERROR =
  /\b(error|err|code|status|exception|fault)(?:[ \t]{1,2}(?:code|number|no\.?|#|num))?[ \t]{0,2}[:#=]?[ \t]{0,2}(0x[0-9A-Fa-f]{4,16}|[A-Za-z]{0,4}[-_]?\d{2,8}[A-Za-z]?)(?![\w-])/gi;
const CODE_NOT_ERROR =
  /\b(?:promo|promotional|discount|coupon|voucher|gift|verification|verify|security|zip|postal|post|area|confirmation|access|auth|authentication|otp|pin|sms|qr|bar|country|tracking|referral|activation|redeem|redemption|source|reset|login|one-time|2fa|mfa|sort|swift|iban|dress|tax|product)[ \t]*$/i;
const HTTP_ERROR = /\bHTTP(?:\/\d(?:\.\d)?)?(?:[ \t]?(?:error|status|code))?[ \t:]{0,3}([1-5]\d\d)\b(?:[ \t]error\b)?/gi;
const HTTP_NAMED =
  /\b([45]\d\d)[ \t]+(?:errors?|status|response|not[ \t]found|forbidden|unauthori[sz]ed|bad[ \t]gateway|bad[ \t]request|service[ \t]unavailable|gateway[ \t]time-?out|internal[ \t]server[ \t]error|too[ \t]many[ \t]requests)\b/gi;

function scanErrors(text: string, out: Candidate[], hasDigit: boolean): void {
  for (const m of matches(NAMED_ERROR, text)) {
    if (NAMED_ERROR_HINT.test(m[0])) push(out, 'error_code', P.error, text, m.index, m.index + m[0].length, m[0]);
  }
  for (const m of matches(POSIX_ERROR, text)) push(out, 'error_code', P.error, text, m.index, m.index + m[0].length, m[0]);
  if (!hasDigit) return;
  for (const m of matches(HEX_ERROR, text)) push(out, 'error_code', P.error, text, m.index, m.index + m[0].length, m[0].toLowerCase());
  for (const m of matches(E_CODE, text)) push(out, 'error_code', P.error, text, m.index, m.index + m[0].length, m[0].toUpperCase());
  for (const m of matches(LABELLED_ERROR, text)) {
    const cue = (m[1] ?? '').toLowerCase();
    const code = m[2] ?? '';
    if (cue === 'code' && CODE_NOT_ERROR.test(text.slice(Math.max(0, m.index - 24), m.index))) continue;
    if (cue === 'status' && !/^[1-5]\d\d$/.test(code)) continue;
    const start = m.index + m[0].length - code.length;
    push(out, 'error_code', P.error, text, start, start + code.length, /^0x/i.test(code) ? code.toLowerCase() : code.toUpperCase());
  }
  for (const re of [HTTP_ERROR, HTTP_NAMED]) {
    for (const m of matches(re, text)) {
      push(out, 'error_code', P.error, text, m.index, m.index + m[0].length, `HTTP ${m[1] ?? ''}`);
    }
  }
}

// ---------------------------------------------------------------------------------------
// Versions and operating systems

const LABELLED_VERSION =
  /\b(?:version|ver\.?)[ \t]{0,2}[:#]?[ \t]{0,2}v?(\d{1,4}(?:\.\d{1,4}){0,3}[a-z]?)(?![\w]|\.\d)/gi;
const V_VERSION = /(?<![\w.])[vV](\d{1,4}(?:\.\d{1,4}){0,3})(?![\w]|\.\d)/g;
const OS_VERSION =
  /\b(iOS|iPadOS|Android|macOS|Mac[ \t]?OS(?:[ \t]X)?|OS[ \t]X|Windows|Win|Ubuntu|Chrome[ \t]?OS|watchOS|tvOS|HarmonyOS|One[ \t]?UI)[ \t]?(\d{1,3}(?:[._]\d{1,4}){0,3}|XP|Vista)(?![\w]|\.\d)/gi;
const OS_NAMES: Record<string, string> = {
  ios: 'iOS', ipados: 'iPadOS', android: 'Android', macos: 'macOS', 'mac os': 'macOS',
  'mac os x': 'macOS', 'macos x': 'macOS', 'os x': 'OS X', windows: 'Windows', win: 'Windows',
  ubuntu: 'Ubuntu', chromeos: 'ChromeOS', 'chrome os': 'ChromeOS', watchos: 'watchOS',
  tvos: 'tvOS', harmonyos: 'HarmonyOS', oneui: 'One UI', 'one ui': 'One UI',
};

function scanVersions(text: string, out: Candidate[]): void {
  for (const m of matches(LABELLED_VERSION, text)) {
    const v = m[1] ?? '';
    const start = m.index + m[0].length - v.length;
    push(out, 'version', P.version, text, start, start + v.length, v);
  }
  for (const m of matches(V_VERSION, text)) {
    push(out, 'version', P.version, text, m.index, m.index + m[0].length, m[1] ?? '');
  }
  for (const m of matches(OS_VERSION, text)) {
    const name = (m[1] ?? '').toLowerCase().replace(/[ \t]+/g, ' ');
    const raw = (m[2] ?? '').replace(/_/g, '.');
    const ver = /^xp$/i.test(raw) ? 'XP' : /^vista$/i.test(raw) ? 'Vista' : raw;
    push(out, 'version', P.version, text, m.index, m.index + m[0].length, `${OS_NAMES[name] ?? m[1]} ${ver}`);
  }
}

// ---------------------------------------------------------------------------------------
// Browsers

const BROWSER =
  /\b(Google[ \t]Chrome|Chrome|Chromium|Mozilla[ \t]Firefox|Firefox|Safari|Microsoft[ \t]Edge|MS[ \t]Edge|Edge|Opera(?:[ \t]GX)?|Brave|Vivaldi|Internet[ \t]Explorer|IE|Samsung[ \t]Internet|DuckDuckGo|Tor[ \t]Browser)\b(?![ \t]?OS\b)(?:[ \t]?(?:version[ \t]?|v\.?[ \t]?)?(\d{1,3})(?:\.\d{1,5}){0,3}(?![\d.]\d|\w))?/gi;
const BROWSER_NAMES: Record<string, string> = {
  'google chrome': 'Chrome', chrome: 'Chrome', chromium: 'Chromium', 'mozilla firefox': 'Firefox',
  firefox: 'Firefox', safari: 'Safari', 'microsoft edge': 'Edge', 'ms edge': 'Edge', edge: 'Edge',
  opera: 'Opera', 'opera gx': 'Opera GX', brave: 'Brave', vivaldi: 'Vivaldi',
  'internet explorer': 'Internet Explorer', ie: 'Internet Explorer',
  'samsung internet': 'Samsung Internet', duckduckgo: 'DuckDuckGo', 'tor browser': 'Tor Browser',
};
/** Names that are also English words: accepted only capitalised, and IE only with a version. */
const AMBIGUOUS_BROWSERS = new Set(['edge', 'safari', 'opera', 'brave', 'ie', 'opera gx']);

function scanBrowsers(text: string, out: Candidate[]): void {
  for (const m of matches(BROWSER, text)) {
    const written = m[1] ?? '';
    const key = written.toLowerCase().replace(/[ \t]+/g, ' ');
    const major = m[2];
    if (AMBIGUOUS_BROWSERS.has(key)) {
      if (!/^[A-Z]/.test(written)) continue;
      if (key === 'ie' && !major) continue;
      if (key === 'edge' && !major && /^[ \t]+of\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 5))) continue;
    }
    const name = BROWSER_NAMES[key] ?? written;
    push(out, 'browser', P.browser, text, m.index, m.index + m[0].length, major ? `${name} ${major}` : name);
  }
}

// ---------------------------------------------------------------------------------------
// Devices

/** One alternation, tried left to right at each position: specific models before generic nouns. */
const DEVICE_PARTS: RegExp[] = [
  /\biPhone(?:[ \t]?(?:\d{1,2}(?:[ \t]?(?:Pro[ \t]?Max|Pro|Max|Plus|mini|e)\b)?|XS[ \t]?Max|XS|XR|X|SE)\b)?/gi,
  /\biPad(?:[ \t]?(?:Pro|Air|mini)\b)?(?:[ \t]?\d{1,2}\b)?/gi,
  /\bMac[ \t]?Book(?:[ \t]?(?:Pro|Air)\b)?/gi,
  /\b(?:iMac|Mac[ \t](?:mini|Pro|Studio)|Apple[ \t](?:Watch|TV)|AirPods(?:[ \t](?:Pro|Max))?|Chromebook|Nintendo[ \t]Switch|Fire[ \t]TV(?:[ \t]Stick)?|Roku|Kindle(?:[ \t](?:Paperwhite|Oasis|Fire))?)\b/gi,
  /\b(?:Google[ \t])?Pixel[ \t]?\d{1,2}a?(?:[ \t]?(?:Pro(?:[ \t]?XL)?|XL|Fold)\b)?\b/gi,
  /\b(?:Samsung[ \t])?Galaxy[ \t]?(?:S|A|M|Z|Note|Tab[ \t]?S?)[ \t]?\d{1,3}(?:[ \t]?(?:Ultra|Plus|FE)\b|\+)?/gi,
  /\b(?:Samsung[ \t])?Galaxy[ \t]Z?[ \t]?(?:Fold|Flip)[ \t]?\d?\b/gi,
  /\b(?:OnePlus[ \t]?\d{1,2}(?:[ \t]?(?:Pro|T)\b)?|(?:Xiaomi|Redmi)[ \t]?(?:Note[ \t]?)?\d{1,2}(?:[ \t]?Pro\b)?|Huawei[ \t](?:P|Mate)[ \t]?\d{1,2}(?:[ \t]?Pro\b)?|Surface[ \t](?:Pro|Laptop|Go|Book)(?:[ \t]?\d{1,2})?|(?:PlayStation|PS)[ \t]?[345]|Xbox(?:[ \t](?:One|Series[ \t][XS]))?)\b/gi,
  /\b(?:Windows(?:[ \t]?(?:\d{1,2}|XP|Vista))?|Mac|Linux|Android|Chrome[ \t]?OS|Dell|HP|Lenovo|Asus|Acer|Samsung|Huawei|Xiaomi|Motorola|Nokia|Sony|LG|Toshiba|MSI|Razer|Microsoft|Apple)[ \t](?:[A-Za-z0-9]{1,12}[ \t])?(?:laptop|notebook|PC|computer|desktop|tablet|phone|smartphone|smart[ \t]?TV|TV|monitor|printer)s?\b/gi,
];
const DEVICE = new RegExp(DEVICE_PARTS.map((r) => `(?:${r.source})`).join('|'), 'gi');
const DEVICE_WORDS: Record<string, string> = {
  iphone: 'iPhone', ipad: 'iPad', macbook: 'MacBook', imac: 'iMac', airpods: 'AirPods', mac: 'Mac',
  pro: 'Pro', max: 'Max', plus: 'Plus', mini: 'mini', air: 'Air', ultra: 'Ultra', fe: 'FE',
  se: 'SE', xs: 'XS', xr: 'XR', x: 'X', xl: 'XL', e: 'e', galaxy: 'Galaxy', samsung: 'Samsung',
  google: 'Google', pixel: 'Pixel', note: 'Note', tab: 'Tab', fold: 'Fold', flip: 'Flip',
  windows: 'Windows', laptop: 'laptop', notebook: 'notebook', pc: 'PC', computer: 'computer',
  desktop: 'desktop', tablet: 'tablet', phone: 'phone', smartphone: 'smartphone', tv: 'TV',
  monitor: 'monitor', printer: 'printer', hp: 'HP', lg: 'LG', msi: 'MSI', oneplus: 'OnePlus',
  playstation: 'PlayStation', ps: 'PS', xbox: 'Xbox', chromebook: 'Chromebook', apple: 'Apple',
  watch: 'Watch', kindle: 'Kindle', chromeos: 'ChromeOS', smart: 'smart', series: 'Series',
  xp: 'XP', book: 'Book', go: 'Go', one: 'One', switch: 'Switch', fire: 'Fire', stick: 'Stick',
};

function canonicalDevice(raw: string): string {
  const words = raw
    .replace(/^(iphone|ipad|pixel|galaxy|oneplus|ps|playstation)(?=\d)/i, '$1 ')
    .replace(/^(mac)[ \t]?(book)/i, 'MacBook')
    .split(/[ \t]+/);
  return words
    .map((w) => {
      const lower = w.toLowerCase();
      const known = DEVICE_WORDS[lower];
      if (known) return known;
      if (/^[a-z]+\d/i.test(w)) return w.toUpperCase();
      return w.charAt(0).toUpperCase() + w.slice(1);
    })
    .join(' ');
}

function scanDevices(text: string, out: Candidate[]): void {
  for (const m of matches(DEVICE, text)) {
    const raw = m[0].replace(/(laptop|notebook|pc|computer|desktop|tablet|phone|tv|monitor|printer)s$/i, '$1');
    push(out, 'device', P.device, text, m.index, m.index + m[0].length, canonicalDevice(raw));
  }
}

// ---------------------------------------------------------------------------------------
// Dates

const MONTHS = String.raw`jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?`;
const ISO_DATE = /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/g;
const MONTH_DAY = new RegExp(String.raw`\b(${MONTHS})\.?[ \t]+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?[ \t]+(\d{4})\b)?`, 'gi');
const DAY_MONTH = new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?(?:[ \t]+of)?[ \t]+(${MONTHS})\b\.?(?:,?[ \t]+(\d{4})\b)?`, 'gi');
const MONTH_YEAR = new RegExp(String.raw`\b(${MONTHS})\.?[ \t]+(\d{4})\b`, 'gi');
const ORDINAL_DAY = /\b(?:on|since|by|until|till|from|before|after|around|of)[ \t]+(the[ \t]+(\d{1,2})(?:st|nd|rd|th))\b/gi;
const NUMERIC_DATE = /(?<![\d/.-])(\d{1,2})([/.])(\d{1,2})\2(\d{4}|\d{2})(?![\d/.-])/g;
const ORDINAL_NOT_DATE =
  /^[ \t]+(?:floor|time|times|attempt|try|page|step|item|line|level|row|place|one|email|call|message|order|day|week|month|year|century|grade|edition|version|gen|generation|option|person|customer|agent|card|payment|charge)\b/i;

function monthIndex(name: string): number {
  const k = name.slice(0, 3).toLowerCase();
  return ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(k) + 1;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** "May" and "Mar" are also words ("you may 2x it"); as months they must be capitalised. */
function monthWordOk(written: string): boolean {
  const k = written.toLowerCase();
  return !(k === 'may' || k === 'mar') || /^[A-Z]/.test(written);
}

function dateValue(month: number, day: number, year?: string): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return year ? `${year}-${pad(month)}-${pad(day)}` : `--${pad(month)}-${pad(day)}`;
}

function scanDates(text: string, out: Candidate[]): void {
  for (const m of matches(ISO_DATE, text)) {
    const v = dateValue(Number(m[2]), Number(m[3]), m[1]);
    if (v) push(out, 'date', P.date, text, m.index, m.index + m[0].length, v);
  }
  for (const m of matches(MONTH_DAY, text)) {
    if (!monthWordOk(m[1] ?? '')) continue;
    const v = dateValue(monthIndex(m[1] ?? ''), Number(m[2]), m[3]);
    if (v) push(out, 'date', P.date, text, m.index, m.index + m[0].length, v);
  }
  for (const m of matches(DAY_MONTH, text)) {
    if (!monthWordOk(m[2] ?? '')) continue;
    const v = dateValue(monthIndex(m[2] ?? ''), Number(m[1]), m[3]);
    if (v) push(out, 'date', P.date, text, m.index, m.index + m[0].length, v);
  }
  for (const m of matches(MONTH_YEAR, text)) {
    if (!monthWordOk(m[1] ?? '')) continue;
    push(out, 'date', P.date, text, m.index, m.index + m[0].length, `${m[2]}-${pad(monthIndex(m[1] ?? ''))}`);
  }
  for (const m of matches(ORDINAL_DAY, text)) {
    const span = m[1] ?? '';
    const day = Number(m[2]);
    const end = m.index + m[0].length;
    if (day < 1 || day > 31 || ORDINAL_NOT_DATE.test(text.slice(end, end + 16))) continue;
    push(out, 'date', P.date, text, end - span.length, end, `---${pad(day)}`);
  }
  for (const m of matches(NUMERIC_DATE, text)) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const y = m[4] ?? '';
    if (m[2] === '.' && y.length !== 4) continue; // "1.2.34" is a version, not a date.
    if (a < 1 || b < 1 || a > 31 || b > 31 || (a > 12 && b > 12)) continue;
    const year = y.length === 2 ? `20${y}` : y;
    // Day-first or month-first is only knowable when one side is over 12.
    const v = a > 12 ? dateValue(b, a, year) : b > 12 ? dateValue(a, b, year) : m[0];
    if (v) push(out, 'date', P.date, text, m.index, m.index + m[0].length, v);
  }
}

// ---------------------------------------------------------------------------------------

/** Keeps the best candidate for every span: priority, then length, then position. */
function resolve(text: string, cands: Candidate[]): Entity[] {
  if (cands.length === 0) return [];
  cands.sort((a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken = new Uint8Array(text.length + 1);
  const kept: Entity[] = [];
  for (const c of cands) {
    if (c.end <= c.start) continue;
    let free = true;
    for (let i = c.start; i < c.end; i++) {
      if (taken[i]) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    const entity: Entity = { kind: c.kind, value: c.value, text: c.text, start: c.start, end: c.end };
    if (c.amount !== undefined) entity.amount = c.amount;
    if (c.currency !== undefined) entity.currency = c.currency;
    if (c.masked) entity.masked = true;
    kept.push(entity);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * Finds the entities an agent needs without asking again (DESIGN §4): order numbers and ids,
 * contact details, money with its currency, and the technical context. Results are sorted by
 * start and never overlap; where two readings compete, the more specific one wins (a labelled
 * "order 555-123-4567" is an order, not a phone). Card numbers come back masked. Never throws;
 * linear in the length of `text`.
 */
export function extractEntities(text: string): Entity[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const out: Candidate[] = [];
  const hasDigit = /\d/.test(text);
  scanEmails(text, out);
  scanErrors(text, out, hasDigit);
  scanBrowsers(text, out);
  scanDevices(text, out);
  if (hasDigit) {
    scanCards(text, out);
    scanTracking(text, out);
    scanAmounts(text, out);
    scanLabelled(text, out);
    scanHashIds(text, out);
    scanPhones(text, out);
    scanDates(text, out);
  }
  scanVersions(text, out); // "Windows XP" has no digit.
  return resolve(text, out);
}
