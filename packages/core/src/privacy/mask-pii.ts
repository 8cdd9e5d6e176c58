import type { Entity } from '../signals/entities.js';
import { extractEntities } from '../signals/entities.js';

/**
 * Masking personal data in text that leaves the product (DESIGN §11): notifications, email,
 * logs, exports, and what a customer's token can read. Agents see the raw text only inside the
 * workspace. Detection leans on {@link extractEntities} for cards, emails and phones, so what the
 * brief lists as an order number, a date, an amount or a tracking number is never masked as
 * something else; IBANs, national ids and card security data have their own patterns here.
 *
 * Every pattern has bounded quantifiers, so masking is linear in the length of the text.
 */

/** The kinds of personal data that can be masked, each switchable per channel. */
export const PII_KINDS = ['card', 'card_security', 'iban', 'national_id', 'email', 'phone'] as const;

/** One kind of personal data: `card_security` is a CVV/CVC or an expiry date. */
export type PiiKind = (typeof PII_KINDS)[number];

/** What the brief masks by default: payment and government ids; agents need the contact details. */
export const BRIEF_PII_KINDS: readonly PiiKind[] = ['card', 'card_security', 'iban', 'national_id'];

/** One span of personal data found in a text, with what replaces it. */
export interface PiiSpan {
  kind: PiiKind;
  /** Start offset (UTF-16 code units). */
  start: number;
  /** End offset, exclusive. */
  end: number;
  /** The masked form, keeping at most the last four characters (or an email's first letter and domain). */
  replacement: string;
}

const DOTS = '\u2022\u2022\u2022\u2022';

/** Entity kinds that name something of the business's (an order, a date, money), never personal data. */
const PROTECTED: ReadonlySet<Entity['kind']> = new Set(['order_number', 'invoice_number', 'tracking_number', 'amount', 'date', 'version', 'error_code', 'account_id']);

function digitsOf(s: string): string {
  return s.replace(/\D/g, '');
}

function lastFour(s: string): string {
  return s.replace(/[^0-9A-Za-z]/g, '').slice(-4);
}

// ---------------------------------------------------------------------------------------
// IBAN: ISO 13616, a country's exact length, two check digits, and mod-97 = 1.

/** IBAN lengths by country (the SWIFT IBAN registry). */
const IBAN_LENGTH: Record<string, number> = Object.fromEntries(
  ('AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27 DK18 DO28 EE20 EG29 ES24 FI18 FK18 ' +
    'FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HN28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 ' +
    'LY25 MC27 MD24 ME22 MK19 MN20 MR27 MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19 ' +
    'SK24 SM27 SO23 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30')
    .split(' ')
    .map((e) => [e.slice(0, 2), Number(e.slice(2))]),
);

const IBAN = /(?<![A-Za-z0-9])([A-Za-z]{2})\d{2}(?:[ \u00a0]?[A-Za-z0-9]){11,30}/g;

/** The ISO 7064 mod-97-10 check every IBAN carries, and its country's length. */
export function ibanValid(raw: string): boolean {
  const compact = raw.replace(/[ \u00a0]/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact) || IBAN_LENGTH[compact.slice(0, 2)] !== compact.length) return false;
  const moved = compact.slice(4) + compact.slice(0, 4);
  let rem = 0;
  for (const ch of moved) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? String(code - 55) : ch;
    for (const d of value) rem = (rem * 10 + (d.charCodeAt(0) - 48)) % 97;
  }
  return rem === 1;
}

function scanIbans(text: string, out: PiiSpan[]): void {
  IBAN.lastIndex = 0;
  for (let m = IBAN.exec(text); m !== null; m = IBAN.exec(text)) {
    const length = IBAN_LENGTH[(m[1] ?? '').toUpperCase()];
    if (length === undefined) continue;
    // The match may run on into the next word: the country's length says where the IBAN ends.
    let seen = 0;
    let end = m.index;
    const matchEnd = m.index + m[0].length;
    while (end < matchEnd && seen < length) if (/[A-Za-z0-9]/.test(text.charAt(end++))) seen++;
    const raw = text.slice(m.index, end);
    if (/[A-Za-z0-9]/.test(text.charAt(end)) || !ibanValid(raw)) {
      IBAN.lastIndex = m.index + 1;
      continue;
    }
    IBAN.lastIndex = end;
    out.push({ kind: 'iban', start: m.index, end, replacement: `${raw.slice(0, 2).toUpperCase()}\u2022\u2022 ${DOTS} ${lastFour(raw)}` });
  }
}

// ---------------------------------------------------------------------------------------
// National ids: US SSN (with the ranges the SSA never issues excluded) and UK NI numbers.

const SSN_SHAPED = /(?<![\d-])(?!000|666|9\d\d)(\d{3})([- ])(?!00)\d{2}\2(?!0000)\d{4}(?![\d-])/g;
const SSN_CUED = /\b(?:ssn|social security(?: number| no\.?| #)?|sin|tax id|tin|national id(?:entity)?(?: number)?)\b[ \t:#]{0,4}(?:is[ \t]{1,2})?(\d{3}[- ]?\d{2}[- ]?\d{4}|\d{9})(?!\d)/gi;
const NINO = /\b(?![DFIQUV])[A-CEGHJ-PR-TW-Z](?![DFIQUVO])[A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/g;

function scanNationalIds(text: string, out: PiiSpan[]): void {
  for (const re of [SSN_SHAPED, NINO]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      out.push({ kind: 'national_id', start: m.index, end: m.index + m[0].length, replacement: `${DOTS} ${lastFour(m[0])}` });
    }
  }
  SSN_CUED.lastIndex = 0;
  for (let m = SSN_CUED.exec(text); m !== null; m = SSN_CUED.exec(text)) {
    const id = m[1] ?? '';
    const end = m.index + m[0].length;
    out.push({ kind: 'national_id', start: end - id.length, end, replacement: `${DOTS} ${lastFour(id)}` });
  }
}

// ---------------------------------------------------------------------------------------
// Card security data: a CVV or an expiry, when named or when it follows a card closely.

const CVV_CUED = /\b(?:cvv2?|cvc2?|cvn|cid|csc|security code|card verification(?: code| value)?|3[- ]digit code)\b[ \t:#=-]{0,4}(?:is[ \t]{1,2}|was[ \t]{1,2})?(\d{3,4})(?!\d)/gi;
const EXPIRY_CUED = /\b(?:exp(?:iry|iration|ires?|\.)?(?:[ \t]date)?|valid[ \t](?:thru|through|until|to)|good[ \t]thru)\b[ \t:=-]{0,4}(?:is[ \t]{1,2}|on[ \t]{1,2})?((?:0?[1-9]|1[0-2])[ \t]?[/.-][ \t]?(?:\d{4}|\d{2}))(?![\d/])/gi;
/** What may follow a card in the same breath: "4111 … 1111 12/27 123", "…, exp 12/27, cvv 123". */
const AFTER_CARD = /^[ \t,;:\u00a0-]{1,4}(?:(?:exp\w*|valid\w*|cvv2?|cvc2?|code|and|&)[ \t:]{0,3})?(?:((?:0?[1-9]|1[0-2])[ \t]?[/-][ \t]?(?:\d{4}|\d{2}))|(\d{3,4}))(?![\d/])/i;

function scanCardSecurity(text: string, cards: PiiSpan[], out: PiiSpan[]): void {
  for (const [re, mask] of [[CVV_CUED, '\u2022\u2022\u2022'], [EXPIRY_CUED, '\u2022\u2022/\u2022\u2022']] as const) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const value = m[1] ?? '';
      const end = m.index + m[0].length;
      out.push({ kind: 'card_security', start: end - value.length, end, replacement: mask });
    }
  }
  // Up to two bare values right after a card: its expiry and its CVV, in either order.
  for (const card of cards) {
    let pos = card.end;
    for (let i = 0; i < 2; i++) {
      const m = AFTER_CARD.exec(text.slice(pos, pos + 40));
      if (!m) break;
      const value = m[1] ?? m[2] ?? '';
      const end = pos + m[0].length;
      out.push({ kind: 'card_security', start: end - value.length, end, replacement: m[1] ? '\u2022\u2022/\u2022\u2022' : '\u2022\u2022\u2022' });
      pos = end;
    }
  }
}

// ---------------------------------------------------------------------------------------

function fromEntities(text: string, entities: Entity[]): { cards: PiiSpan[]; others: PiiSpan[] } {
  const cards: PiiSpan[] = [];
  const others: PiiSpan[] = [];
  for (const e of entities) {
    if (e.kind === 'card_number') cards.push({ kind: 'card', start: e.start, end: e.end, replacement: e.value });
    else if (e.kind === 'email') {
      const at = e.text.indexOf('@');
      others.push({ kind: 'email', start: e.start, end: e.end, replacement: `${e.text.charAt(0)}\u2022\u2022\u2022${e.text.slice(at)}` });
    } else if (e.kind === 'phone') others.push({ kind: 'phone', start: e.start, end: e.end, replacement: `${DOTS} ${digitsOf(text.slice(e.start, e.end)).slice(-4)}` });
  }
  return { cards, others };
}

/**
 * Finds the personal data of the given kinds in `text`: sorted by start, never overlapping.
 * Cards must pass the Luhn check and IBANs the mod-97 check; a span the entity extractor reads
 * as an order number, invoice, tracking number, account id, amount, date, version or error code
 * is not personal data (so "order 123-45-6789" stays). Never throws.
 */
export function findPii(text: string, kinds: readonly PiiKind[] = PII_KINDS): PiiSpan[] {
  if (typeof text !== 'string' || text.length === 0 || kinds.length === 0) return [];
  const wanted = new Set(kinds);
  const entities = extractEntities(text);
  const { cards, others } = fromEntities(text, entities);
  const found: PiiSpan[] = [...cards, ...others];
  scanIbans(text, found);
  scanNationalIds(text, found);
  scanCardSecurity(text, cards, found);
  // Marks, not pairwise comparisons, so that a text full of spans is still checked in linear time.
  const business = new Uint8Array(text.length);
  for (const e of entities) if (PROTECTED.has(e.kind)) business.fill(1, e.start, e.end);
  const taken = new Uint8Array(text.length);
  // Cards first, then the checksummed and named kinds, then the shapes; the first claim on a span wins.
  const rank: Record<PiiKind, number> = { card: 0, iban: 1, card_security: 2, national_id: 3, email: 4, phone: 5 };
  found.sort((a, b) => rank[a.kind] - rank[b.kind] || a.start - b.start);
  const kept: PiiSpan[] = [];
  for (const span of found) {
    if (taken.subarray(span.start, span.end).includes(1)) continue;
    const checked = span.kind === 'card' || span.kind === 'iban' || span.kind === 'card_security';
    if (!checked && business.subarray(span.start, span.end).includes(1)) continue;
    taken.fill(1, span.start, span.end);
    kept.push(span);
  }
  return kept.filter((s) => wanted.has(s.kind)).sort((a, b) => a.start - b.start);
}

/**
 * `text` with the personal data of the given kinds masked: a card as "•••• 4242", an IBAN as
 * "DE•• •••• 3000", a national id as "•••• 6789", a CVV as "•••", an expiry as "••/••", an email
 * as "j•••@example.com", a phone as "•••• 0958". With no kinds given, every kind is masked.
 */
export function maskPii(text: string, kinds: readonly PiiKind[] = PII_KINDS): string {
  if (typeof text !== 'string' || text.length === 0) return '';
  let out = '';
  let pos = 0;
  for (const span of findPii(text, kinds)) {
    out += text.slice(pos, span.start) + span.replacement;
    pos = span.end;
  }
  return out + text.slice(pos);
}

/** Masks the given kinds in every string of a JSON value (keys are left alone). */
export function maskPiiDeep<T>(value: T, kinds: readonly PiiKind[] = PII_KINDS): T {
  if (typeof value === 'string') return maskPii(value, kinds) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => maskPiiDeep(v, kinds)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = maskPiiDeep(v, kinds);
    return out as T;
  }
  return value;
}

/**
 * Parses a channel's setting: `all`, `none`, or a comma-separated list of kinds. Returns the
 * kinds, or the unknown names as an error so the configuration can say which one was wrong.
 */
export function parsePiiKinds(setting: string): { ok: true; kinds: PiiKind[] } | { ok: false; unknown: string[] } {
  const words = setting
    .split(',')
    .map((w) => w.trim().toLowerCase())
    .filter((w) => w.length > 0);
  if (words.length === 1 && words[0] === 'all') return { ok: true, kinds: [...PII_KINDS] };
  if (words.length === 0 || (words.length === 1 && words[0] === 'none')) return { ok: true, kinds: [] };
  const known = new Set<string>(PII_KINDS);
  const unknown = words.filter((w) => !known.has(w));
  if (unknown.length > 0) return { ok: false, unknown };
  return { ok: true, kinds: PII_KINDS.filter((k) => words.includes(k)) };
}
