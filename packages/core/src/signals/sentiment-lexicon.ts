/**
 * Baton's own word lists for anger and frustration. A polarity lexicon (AFINN) knows that
 * "lost" and "fraud" are negative words, but not that a customer who lost a card is calm while
 * one who writes "how many times do I have to ask" is not. These lists carry that difference:
 * how angry people write (exasperation, sarcasm, insults, threats, profanity), and which
 * negative words merely describe a support problem.
 *
 * Written by hand from general knowledge of support conversations and online complaints; no
 * entry is derived from evaluation data.
 */

import { INTL_EXASPERATION, INTL_EXPLICIT_ANGER, INTL_INSULTS, INTL_PROFANITY, INTL_SECOND_PERSON, INTL_VALENCES } from './sentiment-lexicon-intl.js';

/** A cue that a phrase or word contributes to a message. Mirrors `SentimentCue` in sentiment.ts. */
export type LexiconCue =
  | 'negative_lexicon'
  | 'explicit_anger'
  | 'profanity'
  | 'sarcasm'
  | 'insult'
  | 'threat'
  | 'exasperation'
  | 'impatience';

/**
 * Word valences that replace AFINN's, on the -5..+5 AFINN scale. Explicit anger words are
 * stronger than AFINN rates them, because anger (not sadness) is what the policy acts on, and
 * a few AFINN entries are wrong for support text ("joke" is positive in AFINN; "pay", "no" and
 * "like" are everyday support words).
 */
export const VALENCE_OVERRIDES: ReadonlyArray<readonly [string, number]> = [
  ['joke', -2], ['jokes', -1], ['pay', 0], ['no', 0], ['stop', -0.5], ['like', 1], ['want', 0],
  ['please', 0], ['help', 0.5], ['support', 0], ['supported', 0], ['ill', 0], ['top', 0.5], ['leave', -0.3], ['matter', 0], ['limits', 0],
  ['outstanding', 1], ['interest', 0], ['save', 1], ['secure', 1], ['true', 1], ['demand', -0.5], ['fine', 1], ['kind', 1], ['care', 1], ['pretty', 0.5],
  ['free', 0.5], ['yes', 0.5], ['ok', 0.5], ['okay', 0.5], ['thank', 2], ['thanks', 2],
  ['seriously', -1], ['smh', -2], ['grr', -3], ['grrr', -3], ['argh', -2], ['ugh', -2.5],
  ['wtf', -3.5], ['ffs', -3], ['fml', -3], ['stfu', -4], ['bs', -2],
  ['lied', -3], ['lying', -3], ['liar', -3], ['liars', -3], ['cheated', -3], ['scam', -3],
  ['scammed', -3], ['scammers', -3], ['ripoff', -3], ['robbery', -3], ['thieves', -3],
  ['unprofessional', -3], ['rude', -3], ['disrespectful', -3], ['ignored', -2], ['ignoring', -2],
  ['incompetent', -3], ['incompetence', -3], ['inept', -3], ['clueless', -2], ['useless', -3],
  ['worthless', -3], ['pathetic', -3], ['appalling', -4], ['appalled', -4], ['atrocious', -4],
  ['abysmal', -4], ['disgraceful', -4], ['disgrace', -4], ['shameful', -3], ['outrageous', -3],
  ['unacceptable', -3], ['ridiculous', -3], ['absurd', -2.5], ['ludicrous', -2.5],
  ['nonsense', -2], ['rubbish', -2], ['garbage', -2.5], ['trash', -2], ['crap', -2.5],
  ['crappy', -2.5], ['lousy', -2.5], ['worst', -3], ['terrible', -3], ['horrible', -3],
  ['awful', -3], ['dreadful', -3], ['disgusting', -4], ['disgusted', -4], ['revolting', -3],
  ['vile', -3], ['sick', -1], ['tired', -1], ['unbelievable', -1.5], ['shocking', -2],
  ['hate', -3], ['hated', -3], ['hates', -3], ['hating', -3], ['loathe', -4], ['despise', -4],
  ['annoyed', -3], ['annoying', -3], ['annoys', -3], ['annoy', -3], ['annoyance', -3],
  ['irritated', -3], ['irritating', -3], ['irritate', -3], ['irritates', -3],
  ['frustrated', -3], ['frustrating', -3], ['frustration', -3], ['aggravated', -3],
  ['aggravating', -3], ['exasperated', -3], ['exasperating', -3], ['resent', -3],
  ['resentment', -3], ['resentful', -3], ['bitter', -2.5], ['indignant', -3], ['offended', -3],
  ['offensive', -3], ['hostile', -3], ['rage', -3.5], ['raging', -3.5], ['fury', -4],
  ['wrath', -3.5], ['angry', -3.5], ['anger', -3], ['angered', -3.5], ['mad', -2.5],
  ['fuming', -4], ['seething', -4], ['irate', -4], ['livid', -4], ['furious', -4],
  ['infuriated', -4], ['infuriating', -4], ['enraged', -4], ['outraged', -4], ['outrage', -3.5],
  ['incensed', -4], ['pissed', -3.5], ['annoyingly', -2.5], ['disappointed', -2.5],
  ['disappointing', -2.5], ['disappointment', -2.5], ['unhappy', -2.5], ['dissatisfied', -2.5],
  ['irked', -3], ['irks', -3], ['peeved', -3], ['miffed', -2.5], ['vexed', -3], ['grumpy', -2],
  ['cranky', -2], ['salty', -1], ['delusional', -2.5], ['braindead', -3], ['cringe', -1.5],
  ['idiotic', -3], ['moronic', -3], ['hypocritical', -2.5], ['hypocrite', -2.5], ['bigot', -3],
  ['unreal', -1], ['insane', -1.5], ['infuriates', -4], ['maddening', -3.5], ['gtfo', -3.5],
  // How anger shows without naming itself: raised voices, hostility, contempt, disgust. AFINN
  // lacks these or rates them as mild.
  ['growl', -2], ['growling', -2], ['snarl', -2], ['snarling', -2], ['yell', -2], ['yelled', -2],
  ['yelling', -2.5], ['shouted', -2], ['shouting', -2], ['slammed', -2], ['fumed', -3],
  ['seethe', -3.5], ['glare', -2], ['glaring', -2], ['scowl', -2], ['scowling', -2],
  ['grudge', -2], ['spite', -2.5], ['vengeance', -3], ['revenge', -2.5], ['retaliate', -2],
  ['hostility', -3], ['blatant', -1.5], ['hypocrisy', -2.5], ['lies', -2.5], ['cowardice', -2.5],
  ['despicable', -3.5], ['sneer', -2], ['sneering', -2], ['rampage', -2.5], ['rabid', -2.5],
  ['shameless', -3], ['yuck', -2.5], ['ew', -2], ['eww', -2], ['arrogance', -2], ['smug', -2],
  ['rudeness', -3], ['condescending', -3], ['patronising', -3], ['patronizing', -3],
  ['bigoted', -3], ['provoke', -2], ['provoked', -2], ['provoking', -2], ['provocation', -2],
  ['incite', -2.5], ['incited', -2.5], ['inciting', -2.5], ['tantrum', -2], ['whining', -2],
  ['resents', -3], ['disrespecting', -3], ['infuriate', -4], ['enrage', -3.5], ['enrages', -4],
  ['irritation', -3], ['agitated', -2.5], ['exasperation', -3], ['indignation', -2.5],
  ['umbrage', -3], ['vitriol', -3], ['venom', -2.5], ['scathing', -2.5], ['ranting', -2.5],
  ['terrorism', -3], ['nightmare', -2.5], ['shambles', -3], ['shambolic', -3], ['diabolical', -3],
  ['laughable', -2.5], ['farce', -3], ['farcical', -3], ['woeful', -3], ['horrendous', -3.5],
  ['shoddy', -3], ['dire', -2], ['unreliable', -2], ['ridiculously', -1.5],
  ...INTL_VALENCES,
  ...INTL_EXPLICIT_ANGER.map((w) => [w, -4] as const),
];

/** Words that name anger itself. They count as strong evidence, like profanity. */
export const EXPLICIT_ANGER: ReadonlySet<string> = new Set([
  'furious', 'livid', 'fuming', 'seething', 'irate', 'infuriated', 'infuriating', 'enraged',
  'outraged', 'incensed', 'pissed', 'rage', 'raging', 'fury', 'angry', 'angered',
  ...INTL_EXPLICIT_ANGER,
]);

/**
 * Negative words that usually describe the customer's problem rather than their mood: a lost
 * card, a declined payment, a missing parcel. Their AFINN valence is scaled down so that an
 * ordinary support question does not read as frustration. Words scaled by at most
 * `DESCRIPTIVE_SCALE` only describe, and together can never make a message frustrated on their
 * own (see sentiment-stages.ts); the milder evaluative ones ("bad", "terrible") can.
 */
export const PROBLEM_WORDS: ReadonlyMap<string, number> = new Map([
  ...[
    'lost', 'lose', 'losing', 'loses', 'stolen', 'steal', 'stole', 'theft', 'fraud', 'fraudulent',
    'problem', 'problems', 'error', 'errors', 'decline', 'declined', 'cancel', 'cancelled',
    'canceled', 'cancelling', 'cancellation', 'charged', 'charge', 'charges', 'dispute',
    'disputed', 'block', 'blocked', 'missing', 'miss', 'missed', 'delay', 'delayed', 'stuck',
    'unable', 'sorry', 'worried', 'worry', 'worries', 'emergency', 'urgent', 'hacked',
    'suspicious', 'kill', 'killed', 'dead', 'debt', 'penalty', 'expired', 'reject', 'rejected',
    'refused', 'denied', 'deny', 'crash', 'crashed', 'risk', 'lack', 'limited', 'confused',
    'confusing', 'concerned', 'doubt', 'forgot', 'forget', 'forgotten', 'unknown', 'attack',
    'danger', 'dangerous', 'warning', 'alert', 'frozen', 'freeze', 'owed', 'owe', 'fine',
    'fines', 'fees', 'wait', 'waiting', 'pain', 'difficult', 'hard', 'cry', 'sad', 'withdrawal',
    'withdrawals', 'trouble', 'troubles', 'block', 'cut', 'pressure', 'fire', 'attack', 'outage',
    'suspended', 'suspend', 'ignore', 'alarm', 'alarms',
  ].map((w) => [w, 0.2] as const),
  // Fear and sadness are negative but are not anger: a worried or grieving customer needs care,
  // not the frustration path.
  ...[
    'fear', 'fears', 'feared', 'fearful', 'afraid', 'scared', 'scary', 'frightened', 'anxious',
    'anxiety', 'nervous', 'panic', 'panicked', 'terror', 'terrified', 'horror', 'dread', 'sadness',
    'depressed', 'depression', 'depressing', 'crying', 'tears', 'grief', 'grieving', 'lonely',
    'alone', 'despair', 'gloomy', 'gloom', 'dark', 'death', 'die', 'dies', 'died', 'dying',
    'cancer', 'ill', 'illness', 'hurt', 'hurts', 'miserable', 'sorrow', 'mourning', 'heartbroken',
    'burning', 'burn', 'shaking', 'weep', 'tragic', 'tragedy', 'sick', 'tired', 'stress',
    'stressed', 'awkward', 'lackadaisical', 'distrust', 'affliction', 'wicked', 'crushed',
    'fright', 'frightening', 'scare', 'scares', 'spooky', 'creepy', 'haunted', 'haunt', 'terrifying',
    'horrific', 'horrifying', 'nightmares', 'worrying', 'fret', 'dreading', 'apprehensive',
    'discouraged', 'mourn', 'sorrowful', 'grieve', 'exhausting', 'exhausted',
  ].map((w) => [w, 0.3] as const),
  ...['mistake', 'mistakes', 'wrong', 'fail', 'failed', 'failing', 'fails', 'failure', 'broken',
    'damaged', 'damage'].map((w) => [w, 0.35] as const),
  ...['bad', 'poor', 'horrible', 'terrible', 'awful'].map((w) => [w, 0.6] as const),
]);

/** Problem words scaled by at most this only describe the problem; see `PROBLEM_WORDS`. */
export const DESCRIPTIVE_SCALE = 0.35;

/** Words that flip or damp the valence of the next few words. */
export const NEGATORS: ReadonlySet<string> = new Set([
  'not', 'no', 'never', 'dont', 'doesnt', 'didnt', 'isnt', 'arent', 'wasnt', 'werent', 'cant',
  'cannot', 'couldnt', 'wont', 'wouldnt', 'shouldnt', 'havent', 'hasnt', 'hadnt', 'aint',
  'nothing', 'nobody', 'neither', 'nor', 'without', 'hardly', 'barely', 'nt',
]);

/** Words that strengthen the next sentiment-bearing word. */
export const INTENSIFIERS: ReadonlySet<string> = new Set([
  'so', 'very', 'really', 'absolutely', 'extremely', 'totally', 'completely', 'utterly', 'truly',
  'incredibly', 'super', 'beyond', 'too', 'most', 'freaking', 'frigging', 'bloody', 'fucking',
  'effing', 'damn', 'damned', 'seriously', 'such', 'fully', 'highly', 'insanely', 'deeply',
]);

/** Second-person words: an insult near one of these is aimed at the reader. */
export const SECOND_PERSON: ReadonlySet<string> = new Set([
  'you', 'your', 'youre', 'yours', 'u', 'ur', 'yall', 'youve', 'youll', 'yourself', 'yourselves',
  ...INTL_SECOND_PERSON,
]);

/** First-person words: "I feel stupid" is not an insult. */
export const FIRST_PERSON: ReadonlySet<string> = new Set(['i', 'im', 'me', 'myself', 'ive', 'id', 'my']);

/** Profanity. `strong` words are abusive on their own; mild ones only colour the tone. */
export const PROFANITY: ReadonlyMap<string, 'strong' | 'mild'> = new Map([
  ...[
    'fuck', 'fucks', 'fucked', 'fucker', 'fuckers', 'fucking', 'fuckin', 'fck', 'fckn', 'fcking',
    'fk', 'fuk', 'fuking', 'fukin', 'motherfucker', 'motherfuckers', 'mf', 'mofo', 'shit',
    'shits', 'shitty', 'shitting', 'bullshit', 'horseshit', 'asshole', 'assholes', 'arsehole',
    'bastard', 'bastards', 'bitch', 'bitches', 'bitching', 'cunt', 'cunts', 'twat', 'wanker',
    'wankers', 'prick', 'pricks', 'dickhead', 'dickheads', 'douche', 'douchebag', 'jackass',
    'dumbass', 'dipshit', 'goddamn', 'goddamned', 'goddammit', 'wtf', 'stfu', 'ffs', 'fml',
  ].map((w) => [w, 'strong'] as const),
  ...['damn', 'dammit', 'damnit', 'hell', 'crap', 'crappy', 'piss', 'pissing', 'sucks', 'suck',
    'sucked', 'bloody', 'freaking', 'frigging', 'effing', 'arse', 'ass', 'bs', 'dick', 'heck',
  ].map((w) => [w, 'mild'] as const),
  ...INTL_PROFANITY,
]);

/** Words that insult a person or an organisation. */
export const INSULTS: ReadonlySet<string> = new Set([
  'idiot', 'idiots', 'idiotic', 'moron', 'morons', 'moronic', 'stupid', 'stupidity', 'dumb',
  'imbecile', 'imbeciles', 'fool', 'fools', 'clown', 'clowns', 'loser', 'losers', 'incompetent',
  'pathetic', 'useless', 'liar', 'liars', 'thieves', 'crooks', 'crook', 'scammers', 'jerk',
  'jerks', 'scumbag', 'scumbags', 'scum', 'dimwit', 'halfwit', 'brainless', 'clueless',
  'ignorant', 'disgrace', 'asshole', 'assholes', 'bastard', 'bastards', 'bitch', 'prick',
  'dickhead', 'douchebag', 'jackass', 'dumbass', 'dipshit', 'twat', 'wanker', 'cunt',
  'hypocrite', 'hypocrites', 'hypocritical', 'coward', 'cowards', 'pig', 'pigs', 'trash',
  'garbage', 'worthless', 'inept', 'retarded', 'lunatic', 'lunatics', 'psycho', 'disgusting',
  'delusional', 'braindead', 'troll', 'trolls', 'shill', 'shills', 'snowflake', 'snowflakes',
  'bigot', 'bigots', 'idiotic', 'moronic',
  ...INTL_INSULTS,
]);

/**
 * A phrase pattern: tokens as `tokenize` yields them (lowercase, apostrophes dropped), one
 * element per token, `a|b` for alternatives and `*` for any single token.
 */
export interface PhraseRule {
  pattern: string;
  /** The cue it reports; none for idioms that only carry valence ("can't wait"). */
  cue?: LexiconCue;
  /** Added to the raw score (negative = angrier), replacing the valence of the covered words. */
  weight: number;
  /** Evidence strong enough, with a negative score, for `upset`. */
  strong?: boolean;
  /**
   * Applies only when the rest of the message is negative: "I love how" is sarcasm in
   * "I love how my order is late again" and sincere in "I love how fast you replied".
   */
  conditional?: boolean;
}

const EXASPERATION: ReadonlyArray<readonly [string, number]> = [
  ['how many times do|must|should|will i', -3], ['how many times have i|we', -3],
  ['how many times i', -3], ['how many more times', -3.5], ['how much longer', -2.5],
  ['how long do i have to', -3], ['how hard can it be', -3], ['how hard is it', -2.5],
  ['sick of', -3], ['sick and tired', -3.5], ['tired of', -2.5], ['fed up', -3.5],
  ['had enough', -3], ['enough is enough', -3.5], ['give me a break', -2.5],
  ['are you kidding', -3], ['are you serious', -2.5], ['you must be joking', -3],
  ['you must be kidding', -3], ['you have got to be kidding', -3.5],
  ['youve got to be kidding', -3.5], ['you gotta be kidding', -3.5],
  ['for gods sake', -3], ['for god sake', -3], ['for christs sake', -3], ['for fucks sake', -4],
  ['for pete sake', -2.5], ['for petes sake', -2.5], ['for crying out loud', -3],
  ['what the hell', -3], ['what the heck', -2.5], ['what the fuck', -4], ['the hell is', -2.5],
  ['what on earth', -2], ['why on earth', -2], ['what is wrong with you', -4],
  ['whats wrong with you', -4], ['yet again', -2], ['once again', -1],
  ['again and again', -2.5], ['over and over', -2.5], ['every single time', -2],
  ['nobody cares', -3], ['no one cares', -3], ['nobody gives', -3], ['no one gives', -3],
  ['waste of time', -3], ['waste of my time', -3.5], ['waste of money', -3], ['wasted my', -3],
  ['wasting my', -3], ['i give up', -2.5], ['last straw', -3.5],
  ['this is a joke', -3.5], ['what a joke', -3.5], ['such a joke', -3.5],
  ['this is ridiculous', -3.5], ['this is absurd', -3], ['this is insane', -3],
  ['this is unacceptable', -3.5], ['not acceptable', -3], ['not good enough', -3],
  ['not happy', -2.5], ['not impressed', -2.5], ['not amused', -2.5], ['not ok', -2],
  ['not okay', -2], ['not cool', -2], ['not fair', -2.5], ['so unfair', -3],
  ['cant believe', -1.5], ['cannot believe', -1.5], ['can not believe', -1.5],
  ['zero help', -3], ['no help', -2], ['not helpful', -2.5], ['didnt help', -1.5],
  ['why cant you', -2.5], ['why wont you', -2.5], ['why dont you', -1.5],
  ['why do i have to', -2.5], ['why should i', -2], ['do your job', -3.5], ['do your jobs', -3.5],
  ['i demand', -2.5], ['get your act together', -3.5], ['sort it out', -2], ['shame on', -3.5],
  ['how dare', -3.5], ['who do you think', -3], ['unbelievable', -2.5], ['un believable', -2.5],
  ['come on', -1], ['seriously seriously', -2.5], ['never again', -3], ['not again', -2.5],
  ['are you even', -2], ['do you even', -2], ['cant even', -1.5], ['i swear', -1.5],
  ['ticked off', -3], ['ticks me off', -3], ['drives me crazy', -3], ['driving me crazy', -3],
  ['driving me mad', -3.5], ['drives me mad', -3.5], ['driving me nuts', -3], ['drives me nuts', -3],
  ['gets on my nerves', -3.5],
  ['getting on my nerves', -3.5],
  ['losing my patience', -3.5], ['lost my patience', -3.5], ['out of patience', -3.5],
  ['running out of patience', -3.5], ['at my wits end', -3.5], ['had it with', -3],
  ['not funny', -2.5], ['screwed up', -2.5], ['messed up', -2], ['fucked up', -3.5],
  ['keeps happening', -1.5], ['every time i', -0.5], ['no excuse', -3],
  ['inexcusable', -3.5], ['so annoying', -3.5], ['im so done', -3], ['am so done', -3],
  ['who cares', -2], ['what is wrong with people', -3], ['whats wrong with people', -3],
  ['cant stand', -3], ['cannot stand', -3], ['can not stand', -3], ['i hate it when', -3.5],
  ['i hate when', -3.5], ['bothers me', -2.5], ['spreading lies', -3], ['why would anyone', -2],
  ['sick to death of', -4], ['had it up to here', -3.5], ['makes me sick', -3.5], ['hot garbage', -3.5],
  ...INTL_EXASPERATION,
];

/** Phrases that name anger itself, as EXPLICIT_ANGER's words do: strong evidence. */
const NAMED_ANGER: ReadonlyArray<readonly [string, number]> = [
  ['pisses me off', -4], ['pissed off', -4], ['piss me off', -4], ['pissing me off', -4], ['makes my blood boil', -4],
  ['my blood boil', -4], ['lost my temper', -3.5], ['losing my temper', -3.5], ['makes me so mad', -4], ['makes me angry', -4],
];

/** Sarcasm that needs a negative context; see `PhraseRule.conditional`. */
const CONDITIONAL_SARCASM: ReadonlyArray<readonly [string, number]> = [
  ['oh how nice', -2.5], ['thanks a bunch', -1.5], ['thanks a lot', -1], ['yeah sure', -1.5],
  ['as if', -1], ['love being', -1.5], ['love it when', -1.5], ['love how', -1.5],
  ['love that', -1], ['gotta love', -2], ['got to love', -2], ['have to love', -2],
  ['nice going', -2], ['way to go', -1.5], ['well done', -1], ['good job', -1], ['great job', -1],
  ['nice job', -1], ['so helpful', -1], ['very helpful', -1], ['how nice', -1.5],
  ['how lovely', -1.5], ['how convenient', -2],
];

const SARCASM: ReadonlyArray<readonly [string, number]> = [
  ['great just great', -3.5], ['yeah right', -2.5], ['yea right', -2.5], ['ya right', -2.5],
  ['big surprise', -2.5], ['what a surprise', -2.5], ['surprise surprise', -3], ['shocker', -2],
  ['color me surprised', -3], ['colour me surprised', -3], ['real helpful', -2.5],
  ['love waiting', -3], ['sarcasm', -3],
];

const THREATS: ReadonlyArray<readonly [string, number]> = [
  ['take my business elsewhere', -4], ['taking my business elsewhere', -4],
  ['take my business somewhere', -4], ['taking my business somewhere', -4],
  ['take my money elsewhere', -4], ['taking my money elsewhere', -4],
  ['never shop|buy|order|use|fly|book|bank|deal|go|come * again', -3.5],
  ['never shop|buy|order|use|fly|book|bank|deal|go|come again', -3.5],
  ['never * from you again', -3.5], ['never * with you again', -3.5],
  ['never using you|your', -3], ['never buying from', -3], ['never ordering from', -3],
  ['going to sue', -4], ['gonna sue', -4], ['will sue', -4], ['sue you', -4], ['sue your', -4],
  ['see you in court', -4], ['my lawyer', -3], ['my attorney', -3], ['my solicitor', -3],
  ['legal action', -3.5], ['report you', -3.5], ['reporting you', -3.5],
  ['better business bureau', -3.5], ['trading standards', -3], ['the ombudsman', -3],
  ['file a complaint', -2.5], ['filing a complaint', -2.5], ['formal complaint', -3],
  ['leave a bad|negative|terrible review', -3], ['1 star review', -3], ['one star review', -3],
  ['tell everyone', -2.5], ['tell all my friends', -2.5], ['warn everyone', -3],
  ['switching to a|another competitor', -3], ['youll regret', -4], ['you will regret', -4],
  ['youre going to regret', -4], ['watch your back', -4], ['ill make sure', -2],
  ['lost a customer', -3.5], ['lost a loyal customer', -4], ['ex customer', -3],
];

const HOSTILE: ReadonlyArray<readonly [string, number]> = [
  ['you people', -3], ['you guys suck', -4], ['you suck', -4], ['screw you', -4.5],
  ['fuck you', -5], ['fuck off', -5], ['f off', -4.5], ['piss off', -4.5], ['damn you', -4],
  ['go to hell', -5], ['get lost', -3], ['shut up', -3], ['bite me', -3.5],
  ['are you stupid', -4.5], ['are you deaf', -4], ['are you blind', -4],
  ['can you not read', -4], ['cant you read', -4], ['learn to read', -4], ['learn how to', -2],
  ['what is your problem', -3.5], ['whats your problem', -3.5], ['you have no idea', -2.5],
  ['you dont care', -3], ['you clearly dont', -3], ['you obviously dont', -3],
  ['you never', -1.5], ['you always', -1], ['your fault', -3], ['its your job', -3],
  ['shame on you', -4], ['nobody asked', -3], ['no one asked', -3], ['get over yourself', -3.5],
  ['grow up', -3], ['stop whining', -3], ['cry more', -2.5], ['people like you', -3],
  ['get a life', -3], ['get a clue', -3], ['stop lying', -3.5], ['full of shit', -4.5],
  ['full of crap', -3.5], ['give it a rest', -2.5], ['who asked you', -3.5],
];

const IMPATIENCE: ReadonlyArray<readonly [string, number]> = [
  ['hello anyone', -2.5], ['anyone there', -2], ['is anyone there', -2.5], ['anybody there', -2],
  ['is anybody there', -2.5], ['hello hello', -2], ['helloooo', -2], ['hellooo', -2],
  ['answer me', -3], ['reply to me', -2.5], ['respond to me', -2.5],
];

/** Idioms whose words mislead a word-by-word reading. */
const IDIOMS: ReadonlyArray<readonly [string, number]> = [
  ['cant wait', 2.5], ['cannot wait', 2.5], ['can not wait', 2.5], ['no problem', 1],
  ['no problems', 1], ['no worries', 1], ['not bad', 1], ['not too bad', 1], ['dont worry', 0.5],
  ['no doubt', 0.5], ['never mind', 0], ['nevermind', 0], ['thank god', 1.5],
  ['thank goodness', 1.5], ['not only', 0], ['fast and furious', 0], ['hell yeah', 2],
  ['hell yes', 2], ['killed it', 2], ['kill it', 1], ['killing it', 2], ['to die for', 2],
  ['no matter', 0], ['not sure', 0], ['kind of', 0], ['kinda', 0], ['sort of', 0],
  ['pretty much', 0], ['too good', 2], ['so good', 3], ['dying to', 1], ['top up', 0],
  // A plain follow-up, not impatience; and "thank you so much for", not "so much for".
  ['any update', -0.4], ['any updates', -0.4], ['thank you so much', 3], ['thanks so much', 3],
  ['thank you very much', 3], ['thanks very much', 3],
];

/** All phrase rules. Threats and hostile address are strong evidence; the rest are not. */
export const PHRASE_RULES: readonly PhraseRule[] = [
  ...EXASPERATION.map(([pattern, weight]) => ({ pattern, weight, cue: 'exasperation' as const })),
  ...NAMED_ANGER.map(([pattern, weight]) => ({ pattern, weight, cue: 'explicit_anger' as const, strong: true })),
  ...SARCASM.map(([pattern, weight]) => ({ pattern, weight, cue: 'sarcasm' as const })),
  ...CONDITIONAL_SARCASM.map(([pattern, weight]) => ({ pattern, weight, cue: 'sarcasm' as const, conditional: true })),
  ...THREATS.map(([pattern, weight]) => ({ pattern, weight, cue: 'threat' as const, strong: weight <= -3 })),
  ...HOSTILE.map(([pattern, weight]) => ({ pattern, weight, cue: 'insult' as const, strong: weight <= -3 })),
  ...IMPATIENCE.map(([pattern, weight]) => ({ pattern, weight, cue: 'impatience' as const })),
  ...IDIOMS.map(([pattern, weight]) => ({ pattern, weight })),
];

/**
 * Positive words that open a sarcastic complaint: "Great, my order is late again." They are
 * read as sarcasm only when a negative situation follows in the same message.
 */
export const SARCASTIC_OPENERS: ReadonlySet<string> = new Set([
  'great', 'perfect', 'wonderful', 'fantastic', 'brilliant', 'awesome', 'lovely', 'nice',
  'excellent', 'terrific', 'marvelous', 'marvellous', 'splendid', 'super', 'sweet', 'amazing',
  'outstanding', 'bravo', 'genius', 'fabulous',
]);

/**
 * Words of a negative support situation that make a preceding "great" sarcastic even
 * without negative vocabulary: "great, it crashed again", "perfect, still waiting".
 */
export const SITUATION_WORDS: ReadonlySet<string> = new Set([
  'again', 'still', 'another', 'late', 'broken', 'crashed', 'crash', 'waiting', 'cancelled',
  'canceled', 'declined', 'lost', 'missing', 'delayed', 'wrong', 'charged', 'twice', 'hours',
  'weeks', 'never', 'nothing', 'nobody', 'failed', 'down', 'error', 'stuck', 'hold', 'useless',
  'missed', 'ignored', 'days', 'months', 'queue', 'overcharged',
]);

/** Hashtags and interjections of anger that tweets and forum comments use. */
export const ANGER_TAGS: ReadonlyMap<string, number> = new Map([
  ['angry', -3.5], ['anger', -3], ['rage', -3.5], ['furious', -4], ['fuming', -4],
  ['annoyed', -3], ['irritated', -3], ['pissed', -3.5], ['pissedoff', -4], ['mad', -2.5],
  ['outraged', -4], ['outrage', -3.5], ['offended', -3], ['fail', -2.5], ['epicfail', -3],
  ['fedup', -3.5], ['notcool', -2.5], ['unacceptable', -3], ['disgusted', -3.5],
  ['disgusting', -3.5], ['ridiculous', -3], ['frustrated', -3], ['frustrating', -3],
  ['shameful', -3], ['wtf', -3.5], ['smh', -2], ['ugh', -2.5], ['bitter', -2.5],
  ['irate', -4], ['livid', -4], ['resentment', -3], ['grr', -3], ['annoying', -3],
  ['boiling', -3], ['seething', -4], ['incensed', -4], ['hateit', -3], ['sarcasm', -2],
  ['notimpressed', -3], ['nothappy', -2.5], ['badservice', -3],
  ['customerservice', -1], ['worstservice', -3.5], ['neveragain', -3.5], ['boycott', -3.5],
  ['revenge', -3], ['offend', -3],
]);

/**
 * Acronyms that are written in capitals as a matter of course and must not count as shouting.
 * Any all-capitals word of three letters or fewer is also ignored.
 */
export const ACRONYMS: ReadonlySet<string> = new Set([
  'ATM', 'PIN', 'CVV', 'CVC', 'IBAN', 'SWIFT', 'BIC', 'SEPA', 'ACH', 'USD', 'EUR', 'GBP', 'ASAP',
  'FAQ', 'PDF', 'HTML', 'HTTP', 'HTTPS', 'JSON', 'API', 'URL', 'USB', 'HDMI', 'WIFI', 'GPS',
  'SMS', 'OTP', 'UPS', 'USPS', 'FEDEX', 'DHL', 'NASA', 'NATO', 'UEFA', 'FIFA', 'NFL', 'NBA',
  'CEO', 'CFO', 'CTO', 'VAT', 'GST', 'SSN', 'DOB', 'RSVP', 'LOL', 'LMAO', 'OMG', 'BTW', 'IMO',
  'IMHO', 'TBH', 'FYI', 'IOS', 'MACOS', 'NYC', 'USA', 'UK', 'EU', 'TV', 'ID', 'OK', 'PS', 'AM',
  'PM', 'UTC', 'GMT', 'EST', 'PST', 'PAYPAL', 'VISA', 'AMEX', 'SKU', 'QR', 'NFC', 'VPN', 'SIM',
  'ESIM', 'IMEI', 'CSV', 'XLSX', 'SQL', 'AWS', 'BBC', 'CNN', 'NHS', 'IRS', 'HMRC', 'DVD', 'LED',
  'LCD', 'RAM', 'SSD', 'CPU', 'GPU', 'AMAZON', 'APPLE', 'IKEA', 'HSBC', 'BOA', 'USAA', 'NEW', 'VIP', 'ETA', 'POS', 'PC',
]);
