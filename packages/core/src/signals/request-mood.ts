/**
 * Is the customer asking how something works, or demanding or disputing something? The same
 * word means different things in the two: "how long do refunds take?" asks about refunds and the
 * KB answers it; "I want a refund for the broken kettle" demands one and a person should act.
 * Keywords and topics marked "answer when asked" only escalate in the second mood.
 *
 * The rules read the sentence's form, not its subject, so they carry to words no list names:
 * - a question opener (wh-word, an inverted auxiliary, "tell me", "I'd like to know") makes a
 *   message informational;
 * - a demand (want/need/demand + a thing, "give me", "refund me", an imperative to the business)
 *   or a dispute (a first-person account of something that went wrong: "I was charged twice",
 *   "why was my payment declined", "still no refund", "never arrived") makes it not.
 * English, Spanish, French, German, Portuguese and Italian openers are known; a message in any
 * other form is treated as not informational, which keeps today's escalation.
 */
import { normalizeText } from '../text/normalize.js';
import { graphemePrefix } from '../text/clip-text.js';

/** How the customer put it. */
export type RequestMood = 'question' | 'demand' | 'dispute' | 'statement';

const OPENER = new RegExp(
  '^(?:(?:hi|hello|hey|hiya|ok|okay|so|and|also|quick question|question|please|pls|sorry)[,!.:\\s-]+)*' +
    '(?:how|what|whats|what\'s|when|whens|where|wheres|which|who|whom|is|are|do|does|did|has|have|was|were|am|can|could|will|would|should|shall|may|might|must|' +
    "hows|how's|have you|has your|is there|are there|tell me|explain|i'?d like to know|i would like to know|i want to know|i need to know|" +
    "i'?m wondering|i am wondering|i wonder|wondering|just wondering|curious|any idea|do you know|" +
    // es, pt, it, fr, de question openers
    'cuanto|cuanta|cuantos|cuantas|como|cual|cuales|cuando|donde|que|puedo|puede|se puede|hay|quanto|quanta|quantos|quantas|qual|quais|quando|onde|posso|pode|tem|' +
    'quanto|quale|quali|come|dove|posso|si puo|ce|combien|comment|quand|ou|quel|quelle|quels|quelles|est-ce|puis-je|peut-on|' +
    'wie|wann|wo|was|welche|welcher|welches|kann|konnen|gibt es)\\b',
  'u',
);

// A demand: wanting or asking for the thing itself, not to know about it.
const DEMAND = new RegExp(
  [
    "\\b(?:i|we)(?:'?d| would)? (?:want|wanna|need|demand|expect|insist on|require|deserve|would like|'?d like)\\b(?! to (?:know|see|check|understand|ask|find out|learn|read))(?:\\s+(?:a|an|my|the|our|full|your|some|to get|to have|to receive|to be))?\\s+(?:\\w+\\s+){0,2}?(?:refund|money|compensation|reimbursement|credit|replacement|cancellation|answer|manager|supervisor|response|explanation)",
    '\\b(?:give|send|get) (?:me|us) (?:my|our|a|the|back)\\b',
    '\\b(?:refund|reimburse|compensate|credit|pay) (?:me|us)\\b',
    '\\b(?:please|pls|kindly) (?:refund|cancel|reverse|return|fix|sort|resolve|escalate|reimburse)\\b',
    '\\b(?:get|obtain|request|claim|ask for|apply for|receive|file|submit|make|lodge|open|raise|issue|process)\\b(?: \\w+){0,3}? (?:refund|refunds|money back|reimbursement|compensation|rebate|rebates|complaint|claim|chargeback|dispute)\\b',
    '\\b(?:i am|im|i\'m) (?:requesting|demanding|asking for) (?:a|my|the)\\b',
    '\\b(?:can|could|will) (?:you|u) (?:please )?(?:refund|reimburse|compensate|credit|reverse|cancel)\\b',
    '\\b(?:quiero|exijo|necesito|quero|exijo|voglio|esigo|je veux|j\'exige|ich will|ich verlange|ich mochte) (?:un |una |mi |o |a |il |le |la |mon |ma |mein |meine |einen |eine )?(?:reembolso|devolucion|dinero|reembolso|dinheiro|rimborso|soldi|remboursement|argent|erstattung|ruckerstattung|geld)',
  ].join('|'),
  'u',
);

// Asking to look something up: "help me check your refund policy", "I need to see the delivery times".
const LOOKING_UP = /^(?:\S+\s+){0,6}?(?:check|see|know|find out|understand|learn|read|look at|look up|review|view|consult|verify|compare)\b/u;

// Asking when, how long or on what terms: informational even when the thing asked about is one's
// own ("when will I get my refund?").
const TERMS_QUESTION = new RegExp(
  '^(?:(?:hi|hello|hey|ok|okay|so|quick question|please|sorry)[,!.:\\s-]+)*(?:' +
    'how long|how soon|how many (?:days|weeks|hours|business days|working days)|how quickly|how fast|when (?:will|do|does|would|can|should|is|are)|by when|' +
    "what(?:'?s| is| are) (?:your|the) (?:\\w+ ){0,2}?(?:policy|policies|rules|terms|conditions|process|procedure|timeframe|time frame|window|period|limit|fee|fees)|" +
    'in (?:which|what) (?:cases|situations|circumstances)|under what (?:conditions|circumstances)|what happens (?:if|when|after)|how does (?:\\w+ ){0,3}?work|' +
    'do you (?:offer|give|provide|accept|do|have|charge)|is there (?:a|any) (?:fee|charge|limit|deadline|time limit)|' +
    'cuanto tarda|cuanto tiempo|cuando (?:recibire|llega|se)|combien de temps|quand (?:vais|serai|recevrai)|wie lange|wann (?:bekomme|erhalte|kommt)|quanto tempo|quando (?:vou|recebo|chega)|quanto ci vuole|quando (?:ricevero|arriva)' +
    ')\\b',
  'u',
);

// A dispute: the customer's own account of something that went wrong, or "why" about their own case.
const DISPUTE = new RegExp(
  [
    "\\b(?:i|we|my card|my account)(?: have| has|'ve|'s)? (?:was |were |been |got |get |have been |being )?(?:charged|billed|debited|overcharged|double charged|scammed|defrauded|ripped off|robbed|hacked)\\b",
    "\\bwhy (?:was|were|did|has|have|is|are|does|do|would|wont|won't|cant|can't|didnt|didn't|hasnt|hasn't|havent|haven't|isnt|isn't)\\b(?:\\s+\\w+){0,3}?\\s+(?:i|me|my|we|our|us)\\b",
    '\\bwhy (?:i|my|me)\\b',
    "\\b(?:never|still (?:not|no|haven'?t|hasn'?t|have not|has not|waiting)|not yet) (?:\\w+ ){0,3}?(?:received|arrived|got|came|refunded|credited|processed|delivered|here|money|refund)\\b",
    "\\b(?:didn'?t|did not|haven'?t|have not|hasn'?t|has not|havent|hasnt|didnt) (?:\\w+ ){0,2}?(?:receive|received|get|arrive|arrived|come|refund|refunded|credit|credited|work|worked)\\b",
    '\\bstill (?:no|not|nothing|waiting|hasnt|hasn\'t|havent|haven\'t)\\b',
    '\\b(?:wrong|incorrect|unauthori[sz]ed|fraudulent|duplicate|unknown|strange|extra|missing|broken|damaged|faulty|defective) (?:\\w+ ){0,2}?(?:charge|charges|amount|payment|transaction|item|order|product|refund)\\b',
    '\\b(?:my|our) (?:\\w+ ){0,2}?(?:refund|payment|order|money|card|account|transfer|top.?up|parcel|package)\\b(?: \\w+){0,3}? (?:was|has been|got|is|were|have been) (?:declined|reverted|rejected|cancelled|canceled|lost|stolen|blocked|frozen|charged|taken|stuck|missing|late|wrong|broken|damaged)\\b',
    '\\b(?:dispute|chargeback|scam|fraud|stolen|unacceptable|ridiculous|disgraceful)\\b',
  ].join('|'),
  'u',
);

/**
 * The customer's mood, read from the message's form. `question` means they ask how something
 * works or what the policy is, with no demand or dispute of their own in the same message.
 */
export function requestMood(text: string): RequestMood {
  const t = graphemePrefix(normalizeText(typeof text === 'string' ? text : ''), 600).replace(/\s+/g, ' ').trim();
  if (!t) return 'statement';
  if (DISPUTE.test(t)) return 'dispute';
  if (TERMS_QUESTION.test(t)) return 'question';
  if (DEMAND.test(t)) return 'demand';
  if (OPENER.test(t) || LOOKING_UP.test(t) || /\?\s*$/u.test(t)) return 'question';
  return 'statement';
}

/** True when the message asks how something works (see `requestMood`). */
export function isInformationalQuestion(text: string): boolean {
  return requestMood(text) === 'question';
}
