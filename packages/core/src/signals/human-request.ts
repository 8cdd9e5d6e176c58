/**
 * An explicit request for a human (DESIGN §3: escalate at once). Customers ask in endless ways
 * ("agent!!", "put me through to a real person", "spa team please"), so this detector is a set
 * of small rules over the normalised text, each compiled once:
 * - a contact verb followed closely by a human noun ("let me talk to someone");
 * - a marked human ("real person", "live agent") or a bare noun as the whole message ("agent!!");
 * - routing to a team or department ("transfer me to room service");
 * - wanting or needing a human ("I need an operator");
 * - giving up on the bot (implicit: "this is going nowhere", "not comfortable with a machine").
 * A negation in the same clause just before the rule's span ("I don't want to speak to anyone",
 * "no need for an agent") cancels it. All regexes use bounded gaps, so time is linear.
 */
import { normalizeText } from '../text/normalize.js';

/** Why the detector fired, for the decision's "why". */
export interface HumanRequest {
  /** The matched span of the normalised (lowercased) message. */
  phrase: string;
  /** `explicit` names a human; `implicit` gives up on the bot without naming one. */
  kind: 'explicit' | 'implicit';
}

const W = "[\\p{L}\\p{N}']+";
const GAP = (n: number) => `(?:[^\\p{L}\\p{N}.!?;,]+${W}){0,${n}}?[^\\p{L}\\p{N}.!?;]+`;

// Nouns that name a human, with the misspellings customers commonly type.
const HUMAN =
  "(?:humans?|human beings?|persons?|people|some ?one(?: else)?|some ?body(?: else)?|so\\p{L}{1,4}(?:one|body)|someon|anyone|anybody|" +
  'agents?|agnet|agen|representatives?|represenative|reprensentative|representive|reps?|o\\p{L}{1,2}erat[oe]rs?|oprator|' +
  'as+is?t?\\p{L}{0,2}ants?|managers?|supervisors?|staff|employees?|advisors?|advisers?|specialists?|consultants?|' +
  'colleagues?|associates?|individuals?|preson|persn|perosn|huamn|humen|woman|guy|lady|teller|workers?|member of staff|staff member)';
// Compounds where the noun is not a person the customer can be put through to.
const NOT_HUMAN_BEFORE = '(?:travel|insurance|estate|secret|user|virtual|ai|digital|automated|chat ?bot|bot|booking|free|double|my|his|her|their|our|in|two|three|four|five|\\d+)';
const TALK =
  '(?:talk|talking|talked|tlak|tallk|talkin|speak|speaking|speek|spek|chat|chatting|chay|caht|chta|converse|communicate|contact|contacting|' +
  'reach|reaching|call|calling|connect|connecting|transfer|transferring|forward|redirect|escalate|pass|hand|put|get|give|' +
  'bring|see|deal|ask for)';
const WANT = "(?:want|wanna|need|needs|(?:i'?d|would|we'?d) like|prefer|request|requesting|require|demand|demanding)";
const MARK = '(?:real|live|actual|human|physical|genuine|flesh and blood|proper)';
const NOUN_AFTER_MARK = '(?:persons?|humans?|people|agents?|operators?|representatives?|reps?|body|assistants?|support|personal|one)';
const DEPT =
  '(?:team|department|dept|desk|reception|concierge|room service|customer service|customer support|customer care|support team|sales|billing|manager|front desk|restaurant|kitchen|hotel|store|shop|pharmacy|housekeeping|spa|office|branch)';
const BARE =
  '(?:humans?|persons?|agents?|representatives?|reps?|operators?|someone|somebody|real person|live agent|human agent|live person|manager|supervisor|customer service|customer support)';
const NEGATION =
  "(?:\\b(?:dont|don't|do not|did not|didnt|didn't|never|no|not|without|nor|wont|won't|no need|none)\\b)(?:[^.!?;,]{0,30})$";

interface Rule {
  re: RegExp;
  kind: HumanRequest['kind'];
}

const RULES: Rule[] = [
  // "let me talk to someone", "put me through to a real person", "contact somebody"
  { re: new RegExp(`\\b${TALK}\\b${GAP(5)}(?<!\\b${NOT_HUMAN_BEFORE}\\s)${HUMAN}\\b`, 'gu'), kind: 'explicit' },
  // "real person", "an actual human", "live agent"
  { re: new RegExp(`(?<!\\b(?:be|like|as|are|you're|youre|is|am)\\s+(?:a\\s+|an\\s+)?)\\b${MARK}\\s+${NOUN_AFTER_MARK}\\b`, 'gu'), kind: 'explicit' },
  // "I need an operator", "I'd prefer a human"
  { re: new RegExp(`\\b${WANT}\\b${GAP(3)}(?<!\\b${NOT_HUMAN_BEFORE}\\s)${HUMAN}\\b`, 'gu'), kind: 'explicit' },
  // "is there an actual human", "are there any people"
  { re: new RegExp(`\\b(?:is|are) there\\b${GAP(2)}${HUMAN}\\b`, 'gu'), kind: 'explicit' },
  // "transfer me to room service", "connect me with billing"
  { re: new RegExp(`\\b(?:transfer|connect|put|pass|forward|redirect|route|talk|speak|chat)\\b${GAP(4)}${DEPT}\\b`, 'gu'), kind: 'explicit' },
  // "spa team please", "billing department now"
  { re: new RegExp(`\\b${W}\\s+(?:team|department|dept|desk)\\s*(?:please|pls|plz|now|asap)\\b`, 'gu'), kind: 'explicit' },
  // "agent!!", "human please", "representative." as the whole message
  { re: new RegExp(`^\\W*(?:(?:a|an|the|get|give me|need|want)\\s+)?(?:a|an|the\\s+)?${BARE}\\W*(?:please|pls|plz|now|asap|thanks?)?\\W*$`, 'gu'), kind: 'explicit' },
  // Not wanting to share details with a machine
  { re: new RegExp(`\\b(?:not|dont|don't|never|un)\\s*(?:feel\\s+)?comfortable\\b[^.!?;]{0,80}?\\b(?:machine|bot|robot|ai|computer|automated|chatbot|program)\\b`, 'gu'), kind: 'implicit' },
  // Giving up on the bot
  {
    re: new RegExp(
      `\\b(?:this|it|that|conversation|chat|you|bot|robot|machine|this thing)\\b${GAP(3)}(?:is |are |s |re )?(?:not working|isn't working|isnt working|doesn't work|going nowhere|getting nowhere|useless|pointless|a waste of (?:my )?time|not helping|not helpful|no help|no use|hopeless|(?:so |really |very )?(?:frustrating|ridiculous))\\b`,
      'gu',
    ),
    kind: 'implicit',
  },
  { re: /\b(?:wasting my time|waste of my time|i(?:'m| am) done with (?:this|you|the bot)|get me out of this (?:bot|chat|loop)|you(?:'re| are) (?:not|no) (?:helping|help|helpful|understanding)|you (?:don't|dont|do not) understand)\b/gu, kind: 'implicit' },
];

// Process questions, not requests: "do I need to talk to someone to close my account?"
const PROCESS_QUESTION = /\b(?:do|does|will|would|should|must) (?:i|we) (?:need|have|want) to (?:talk|speak|call|contact|see|chat)\b/u;
// "are you a real person?" asks what the assistant is; it is not a request for one.
const ARE_YOU = /\b(?:are you|you are|you're|youre|am i (?:talking|speaking|chatting) (?:to|with)|is this) (?:a |an )?(?:real|live|actual|human|robot|bot|person)\b/u;

const NEXT_WORD = /[^\p{L}\p{N}']+[\p{L}\p{N}]/u;
const ASKS_FOR_ONE = /\b(?:talk|speak|chat|let me|give me|get me|put me|transfer|connect|i (?:want|need) to)\b/u;
// "contact customer service" asks for contact details, which the KB answers.
const CONTACT_DETAILS = /^contact\b.*\b(?:customer (?:service|support|care)|support team)$/u;

/**
 * Returns the first rule that fires, or null. Never throws: odd Unicode and huge inputs only
 * cost linear time. A message like "how do I contact customer service about a return" asks for
 * contact details (the KB answers it) and does not fire; "transfer me to customer service" does.
 */
export function detectHumanRequest(text: string): HumanRequest | null {
  const normalized = normalizeText(text);
  const processQuestion = PROCESS_QUESTION.test(normalized);
  const asksWhatItIs = ARE_YOU.test(normalized) && !ASKS_FOR_ONE.test(normalized);
  for (const rule of RULES) {
    if (rule.kind === 'explicit' && (processQuestion || asksWhatItIs)) continue;
    // A negated hit ("no i dont want a transfer") must not hide a later one ("let me speak with someone").
    // Matches may overlap, so each retry starts one word on rather than after the last match.
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(normalized); m; m = rule.re.exec(normalized)) {
      if (!negated(normalized.slice(Math.max(0, m.index - 40), m.index), m[0]) && !(CONTACT_DETAILS.test(m[0]) && !ASKS_FOR_ONE.test(normalized))) {
        return { phrase: m[0].trim(), kind: rule.kind };
      }
      const next = normalized.slice(m.index).search(NEXT_WORD);
      if (next < 0) break;
      rule.re.lastIndex = m.index + next;
    }
  }
  return null;
}

const NEGATION_RE = new RegExp(NEGATION, 'u');
const CLAUSE_BREAK = /(?:[.!?;,]|\b(?:but|please|just|so|and)\b)(?!.*(?:[.!?;,]|\b(?:but|please|just|so|and)\b))/u;

const NOT_A_REFUSAL = /\b(?:dont|don't|do not|not|didnt|didn't|did not|never)\s+(?:know|understand|get|see|sure|realise|realize)\b/gu;

function negated(before: string, span: string): boolean {
  // Only the current clause counts: "no, I don't want a transfer, let me speak to someone" is a request.
  const cut = before.search(CLAUSE_BREAK);
  // "I don't know how to talk to a person" is not a refusal.
  const clause = (cut >= 0 ? before.slice(cut + 1) : before).replace(NOT_A_REFUSAL, ' ');
  // "you don't need to transfer me to a real person" still asks for one: only the customer's own
  // refusal ("I don't want", "no need") cancels a request.
  if (NEGATION_RE.test(clause) && !/\byou (?:dont|don't|do not) (?:need|have) to\b/u.test(clause)) return true;
  return /^(?:no need|not|never)\b/u.test(span);
}
