/**
 * Sales intent (DESIGN §3: pricing, demo or enterprise purchase goes to the sales queue). It
 * looks for buying language about the product itself, not for prices in general: "how much is
 * my bill" or "what is the exchange rate" are support questions and must not reach sales.
 */
import { normalizeText } from '../text/normalize.js';

/** What kind of sales conversation this is, and the words that show it. */
export interface HighIntent {
  /** The matched span of the normalised (lowercased) message. */
  evidence: string;
  kind: 'pricing' | 'demo' | 'enterprise';
}

const NEAR = '[^.!?;\\n]{0,40}?';
const PRODUCT = '(?:plans?|subscriptions?|licen[cs]es?|seats?|tiers?|packages?|editions?|product|platform|software|service|tool|pro|premium|business|enterprise|team)';

const RULES: Array<{ kind: HighIntent['kind']; re: RegExp }> = [
  {
    kind: 'enterprise',
    re: new RegExp(
      `\\b(?:enterprise (?:plan|pricing|licen[cs]e|deal|contract|agreement|edition|tier|account|version|package)|volume (?:discount|pricing|licen[cs]ing)|bulk (?:licen[cs]es?|purchase|pricing|order of licen[cs]es)|site licen[cs]e|procurement|purchase order|(?:talk|speak|chat) (?:to|with) (?:your |the |a )?(?:sales|account executive)|sales (?:team|rep|representative|department)|(?:for|across) (?:our|my) (?:whole |entire )?(?:company|organi[sz]ation|team|org) of \\d+|\\d+\\s?(?:seats|users|licen[cs]es|employees|agents)\\b${NEAR}\\b(?:price|pricing|quote|cost|discount|plan|buy|purchase))`,
      'u',
    ),
  },
  {
    kind: 'demo',
    re: new RegExp(
      `\\b(?:(?:book|schedule|request|get|see|arrange|set up|want|need|like|watch)${NEAR}\\b(?:a |an )?(?:product )?(?:demo|demonstration|walkthrough|walk-through)|(?:demo|demonstration) (?:of|for) (?:your|the) (?:product|platform|software|tool|service)|free trial|trial (?:account|period|version)|pilot (?:program|project))\\b`,
      'u',
    ),
  },
  {
    kind: 'pricing',
    re: new RegExp(
      `\\b(?:pricing|price (?:list|plans?|sheet|tiers?|quote)|(?:a |get a |request a |send (?:me|us) a )quote\\b|how much (?:does|do|is|are|would|will) (?:it|your|the|a|an|this)\\b${NEAR}\\b${PRODUCT}\\b|(?:cost|price) (?:of|for) (?:your |the |a |an )?${PRODUCT}|(?:per|a) (?:seat|user) (?:per )?(?:month|year)?|upgrade to (?:the )?(?:pro|premium|business|enterprise|paid) (?:plan|tier|version)|(?:buy|purchase) (?:a |the |your )?(?:licen[cs]es?|subscription|plan|seats))\\b`,
      'u',
    ),
  },
];

/** The first sales signal in `text` (enterprise before demo before pricing), or null. Never throws. */
export function detectHighIntent(text: string): HighIntent | null {
  const normalized = normalizeText(text);
  for (const { kind, re } of RULES) {
    const m = re.exec(normalized);
    if (m) return { kind, evidence: m[0].trim() };
  }
  return null;
}
