/**
 * How customers complain to a brand without naming an emotion: they count the days, quote the
 * hold time, say they are asking for the third time, thank you for nothing, promise to leave,
 * remind you of what you promised. A polarity lexicon sees no negative word in "still no
 * refund, it's been 3 weeks", so these patterns carry it.
 *
 * Each pattern belongs to a family (the cue the agent sees) and has a name (the evidence, as
 * `family/name`), a pattern in the language of phrase-patterns.ts and a weight on the raw
 * sentiment scale: a message reads as frustrated from about -0.7, so one clear pattern (-1.5 to
 * -2.5) is enough on its own, and a weak one (-0.6 to -1.2) needs company.
 *
 * Written by hand from general knowledge of how people write to support; no entry is taken or
 * derived from evaluation data.
 */
import type { TokenClasses } from './phrase-patterns.js';

/** The kinds of complaint a customer can voice without an emotion word. */
export type ComplaintFamily =
  | 'waiting'
  | 'on_hold'
  | 'asked_again'
  | 'sarcasm'
  | 'giving_up'
  | 'broken_promise'
  | 'ignored'
  | 'disappointment';

/** One complaint pattern. */
export interface ComplaintPattern {
  /** Short and stable; shown as `family/name` in the evidence. */
  name: string;
  family: ComplaintFamily;
  /** See phrase-patterns.ts. */
  pattern: string;
  /** Added to the raw score; negative is more frustrated. */
  weight: number;
  /**
   * Counts only when the rest of the message is negative: "great service" is praise on its
   * own and sarcasm in "great service, 40 minutes on hold".
   */
  conditional?: boolean;
  /** Whether the pattern may run across a clause break ("3 weeks ago. Still nothing."). */
  spansClauses?: boolean;
  /** Counts only at the start of the message: "Again, where is my refund?", "Typical." */
  atStart?: boolean;
  /**
   * Counts unless the rest of the message is positive or says it is fixed: "Just great." is
   * sarcasm on its own, "Just great, thank you!" is not.
   */
  unlessPositive?: boolean;
}

/** Words that stand in for a class in a pattern (`<unit>`). `<num>`, `<nth>` and `<brand>` are built in. */
export const COMPLAINT_CLASSES: TokenClasses = {
  unit: new Set([
    'minute', 'minutes', 'min', 'mins', 'hour', 'hours', 'hr', 'hrs', 'day', 'days', 'week',
    'weeks', 'wk', 'wks', 'month', 'months', 'fortnight', 'fortnights', 'year', 'years', 'yr',
    'yrs', 'business', 'working',
  ]),
  long: new Set(['ages', 'hours', 'days', 'weeks', 'months', 'years', 'forever', 'eternity', 'yonks', 'donkeys']),
  approx: new Set([
    'over', 'almost', 'nearly', 'about', 'around', 'more', 'than', 'at', 'least', 'well',
    'literally', 'roughly', 'close', 'to', 'past', 'the', 'last', 'best', 'part', 'of', 'another',
    'full', 'whole', 'good', 'entire',
  ]),
  neg: new Set([
    'no', 'not', 'nothing', 'never', 'nobody', 'noone', 'none', 'hasnt', 'havent', 'hadnt',
    'doesnt', 'dont', 'didnt', 'isnt', 'arent', 'wasnt', 'werent', 'cant', 'cannot', 'wont',
    'couldnt', 'zero',
  ]),
  ask: new Set([
    'asked', 'asking', 'told', 'telling', 'explained', 'explaining', 'said', 'saying', 'called',
    'calling', 'rang', 'rung', 'phoned', 'phoning', 'emailed', 'emailing', 'written', 'writing',
    'wrote', 'contacted', 'contacting', 'chased', 'chasing', 'messaged', 'messaging', 'requested',
    'requesting', 'reported', 'reporting', 'complained', 'complaining', 'raised', 'mentioned',
    'dmed', 'tweeted', 'submitted', 'sent', 'filled', 'completed', 'uploaded', 'resent', 'resubmitted',
  ]),
  told: new Set(['told', 'explained', 'said', 'mentioned', 'stated', 'asked', 'answered']),
  reply: new Set([
    'reply', 'replies', 'response', 'responses', 'answer', 'answers', 'acknowledgement',
    'acknowledgment', 'callback', 'word', 'update', 'updates', 'news', 'feedback', 'explanation',
    'apology', 'resolution', 'help', 'followup', 'communication',
  ]),
  bad_ing: new Set([
    'cancelling', 'canceling', 'losing', 'ignoring', 'wasting', 'charging', 'overcharging',
    'delaying', 'breaking', 'ruining', 'hanging', 'leaving', 'keeping', 'forgetting', 'messing',
    'ghosting', 'misleading', 'lying', 'blocking', 'stranding', 'damaging', 'nothing', 'absolutely',
    'ripping', 'screwing', 'botching', 'bumping', 'doubling',
  ]),
  bad_pp: new Set([
    'ignored', 'hung', 'kept', 'left', 'charged', 'overcharged', 'lied', 'passed', 'cut', 'fobbed',
    'messed', 'ghosted', 'misled', 'cancelled', 'canceled', 'bounced', 'disconnected', 'stuck',
    'stranded', 'ripped', 'scammed', 'treated', 'transferred', 'put', 'bumped', 'billed',
  ]),
  praise: new Set([
    'great', 'brilliant', 'fantastic', 'amazing', 'excellent', 'stellar', 'superb', 'top',
    'world', 'first', 'outstanding', 'wonderful', 'lovely', 'nice', 'fabulous', 'terrific',
    'awesome', 'impeccable', 'exceptional', 'fab', 'marvellous', 'marvelous', 'splendid',
  ]),
  service: new Set([
    'service', 'job', 'work', 'effort', 'communication', 'stuff', 'class', 'support', 'customer',
    'care', 'experience', 'going', 'show',
  ]),
  bad_service: new Set([
    'poor', 'bad', 'terrible', 'awful', 'shocking', 'appalling', 'dreadful', 'horrendous',
    'abysmal', 'atrocious', 'disgraceful', 'shambolic', 'woeful', 'rubbish', 'crap', 'lousy',
    'shoddy', 'pathetic', 'horrible', 'diabolical', 'dire', 'unacceptable', 'useless', 'worst',
  ]),
  service_noun: new Set([
    'service', 'support', 'communication', 'experience', 'show', 'handling', 'treatment',
    'customer', 'care', 'response', 'attitude', 'management', 'organisation', 'organization',
  ]),
  mess: new Set(['joke', 'farce', 'shambles', 'circus', 'nightmare', 'shitshow', 'fiasco', 'disgrace', 'mess', 'clown']),
  use_verb: new Set([
    'fly', 'flying', 'order', 'ordering', 'use', 'using', 'shop', 'shopping', 'book', 'booking',
    'buy', 'buying', 'bank', 'banking', 'deal', 'dealing', 'travel', 'travelling', 'traveling',
    'stay', 'staying', 'recommend', 'recommending', 'renew', 'renewing', 'choose', 'choosing',
  ]),
  move_verb: new Set([
    'take', 'taking', 'took', 'move', 'moving', 'switch', 'switching', 'transfer', 'transferring',
    'bring', 'bringing', 'spend', 'spending', 'put', 'putting',
  ]),
  custom: new Set([
    'custom', 'business', 'money', 'accounts', 'savings', 'mortgage', 'loyalty', 'contract',
    'contracts', 'pension',
  ]),
  switch_verb: new Set(['switching', 'switched', 'swapping', 'porting', 'defecting', 'jumping', 'migrating']),
  product: new Set([
    'account', 'plan', 'card', 'tier', 'membership', 'package', 'mode', 'version', 'model', 'app',
    'phone', 'contract', 'subscription', 'option', 'rate', 'bundle', 'broadband', 'sim', 'tariff',
    'class', 'cabin', 'seat', 'fare', 'size', 'colour', 'color', 'edition', 'pro', 'plus',
  ]),
  rival: new Set([
    'competitor', 'competitors', 'rival', 'provider', 'network', 'bank', 'airline', 'company',
    'supplier', 'retailer', 'carrier', 'operator', 'insurer', 'courier',
  ]),
  end_verb: new Set([
    'cancelling', 'canceling', 'closing', 'ending', 'terminating', 'cancel', 'close', 'end',
    'terminate', 'leaving', 'quitting',
  ]),
  contract: new Set(['contract', 'account', 'accounts', 'subscription', 'membership', 'policy', 'plan', 'everything']),
  immediately: new Set(['today', 'now', 'immediately', 'asap', 'tonight', 'effective', 'forthwith']),
  processing: new Set([
    'processing', 'pending', 'preparing', 'awaiting', 'dispatched', 'ordered', 'label', 'in',
    'not', 'under', 'being', 'unavailable', 'the',
  ]),
  stuck: new Set([
    'waiting', 'chasing', 'pending', 'processing', 'stuck', 'missing', 'outstanding', 'unresolved',
    'unpaid', 'broken', 'down', 'dead', 'nowhere', 'lost', 'overcharging', 'charging', 'nothing',
    'zero', 'nada', 'unrefunded', 'unanswered',
  ]),
  when: new Set([
    'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january',
    'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november',
    'december', 'yesterday', 'tomorrow', 'christmas', 'midnight', 'lunchtime', 'noon',
  ]),
  outright: new Set([
    'unacceptable', 'appalling', 'shocking', 'disgraceful', 'pathetic', 'ridiculous', 'shambolic',
    'diabolical', 'laughable', 'embarrassing', 'atrocious', 'abysmal', 'dreadful', 'terrible',
    'awful', 'horrendous', 'woeful', 'disappointing', 'disappointed', 'useless', 'hopeless',
  ]),
  fails: new Set([
    'crashes', 'crashing', 'fails', 'failing', 'breaks', 'breaking', 'broken', 'drops', 'dropping',
    'freezes', 'freezing', 'late', 'delayed', 'cancelled', 'canceled', 'wrong', 'down', 'lagging',
    'disconnects', 'disconnecting', 'errors', 'glitching', 'buffering', 'overcharging', 'losing',
  ]),
  works: new Set(['works', 'work', 'loads', 'load', 'arrives', 'arrive', 'answers', 'answer', 'replies', 'reply', 'connects', 'on']),
  phone: new Set(['phone', 'phones', 'calls', 'call', 'line', 'lines', 'helpline', 'hotline']),
  nobody: new Set(['nobody', 'noone', 'no', 'not']),
  someone: new Set(['anyone', 'anybody', 'someone', 'somebody', 'you', 'they', 'your', 'staff', 'people']),
  agents: new Set([
    'agents', 'agent', 'people', 'answers', 'answer', 'stories', 'story', 'excuses', 'departments',
    'numbers', 'advisors', 'advisers', 'staff', 'reps', 'representatives', 'operators', 'teams',
  ]),
  same: new Set([
    'reply', 'replies', 'response', 'responses', 'answer', 'answers', 'email', 'excuse', 'excuses',
    'script', 'story', 'runaround', 'copy', 'template', 'message', 'nonsense', 'rubbish', 'spiel',
  ]),
  fobbed: new Set([
    'told', 'passed', 'transferred', 'bounced', 'fobbed', 'ignored', 'cut', 'disconnected',
    'sent', 'redirected', 'promised',
  ]),
  fob_verb: new Set([
    'telling', 'asking', 'sending', 'saying', 'promising', 'passing', 'transferring', 'fobbing',
    'bouncing', 'cancelling', 'canceling', 'changing', 'moving', 'pushing', 'delaying',
  ]),
};

type Row = readonly [
  name: string,
  pattern: string,
  weight: number,
  options?: Pick<ComplaintPattern, 'conditional' | 'spansClauses' | 'atStart' | 'unlessPositive'>,
];

function family(name: ComplaintFamily, rows: readonly Row[]): ComplaintPattern[] {
  return rows.map(([n, pattern, weight, options]) => ({ name: n, family: name, pattern, weight, ...options }));
}

/** Time that has passed, and "still". */
const WAITING = family('waiting', [
  ['elapsed_time', 'been <approx>? <approx>? <approx>? <num> <unit>', -1.6],
  ['elapsed_time', 'waiting|waited|chasing|chased|queuing|queueing for? <approx>? <approx>? <approx>? <num> <unit>', -1.8],
  ['elapsed_time', 'waiting|waited|chasing|chased|queuing|queueing for? <long>', -1.8],
  ['elapsed_time', 'been waiting|chasing|queuing !for|since|<num>|<approx>', -0.9],
  ['elapsed_time', '<num> <unit> and|later|on|now|in &still|nothing|zero|counting|no|not|nobody|noone|yet', -1.8],
  ['elapsed_time', '<num> <unit> ago|later|on &still|nothing|zero', -1.6, { spansClauses: true }],
  ['elapsed_time', '<num> <unit> of waiting|chasing|calls|emails|excuses|delays|back|silence', -1.8],
  ['elapsed_time', 'day|week|month <num>|<nth> of|and waiting|chasing|no|nothing|still|silence', -1.6],
  ['elapsed_time', 'day|week|month|hour <num>|<nth> without', -1.6],
  ['elapsed_time', 'going|coming|getting on|up on|for|to? <num> <unit>', -1.4],
  ['elapsed_time', 'almost|nearly|over|past|well <approx>? <num> <unit> since|now|and|ago|waiting|later', -1.4],
  ['elapsed_time', 'waiting|chasing|nothing|silence|nobody|noone since', -1.4],
  ['elapsed_time', 'its|it is? now the|<when>|<clock>', -0.8],
  ['elapsed_time', 'wait|waiting|waited forever|indefinitely|endlessly', -1.8],
  ['in_a_row', '<num>|<nth> <unit>|morning|night|time|week|weekend|month in a row', -1.8],
  ['in_a_row', '<num>|<nth> <unit>|morning|night|time|week|weekend|month running', -1.8],
  ['elapsed_time', '<num> <unit> waiting|chasing|and counting', -1.8],
  ['elapsed_time', 'for <approx>? <approx>? <num> <unit> now|already|straight|running', -1.4],
  ['still', 'still <neg>', -1.5],
  ['still', 'still <stuck>', -1.8],
  ['still', 'still says|shows|showing|saying|reads|listed as? <processing>', -1.5],
  ['still', 'still in limbo', -1.8],
  ['still', 'still the same', -1.4],
  ['still', 'still no|not|nothing|waiting ~2 refund|money|delivery|sign|parcel|package|order|engineer|card|replacement|compensation|credit', -2.2],
  ['chasing', 'have|had|having|keep|keeps|still to? chase|chasing', -1.8],
  ['chasing', 'chase|chasing you|this|it|them up', -1.4],
  ['chasing', 'my own money', -1.2],
  ['never_arrived', 'never arrived|came|turned|showed|happened|materialised|materialized', -1.6],
]);

/** Stuck on the phone, or unable to reach anyone. */
const ON_HOLD = family('on_hold', [
  ['hold_time', 'on hold for? <approx>? <approx>? <num> <unit>', -2],
  ['hold_time', 'on hold for? <long>', -2],
  ['hold_time', 'on hold again|forever|all|still', -2],
  ['hold_time', 'been|still|stuck|left|kept on hold', -1.8],
  ['hold_time', '<num> <unit> on hold', -2],
  ['hold_time', '<num> <unit> of hold|holding|queuing|queueing|hold', -2],
  ['hold_time', '<num> <unit> in a|the queue', -2],
  ['hold_time', '<num>|<long> <unit>? on the phone|line|phones', -1.8],
  ['hold_time', 'in the|a queue for <approx>? <num> <unit>', -1.8],
  ['nobody_answers', 'nobody|noone ever? picks|picked|answers|answered|answering the? <phone>?', -2],
  ['nobody_answers', 'no one ever? picks|picked|answers|answered|answering the? <phone>?', -2],
  ['nobody_answers', 'rings|rang|ringing|ring out', -1.8],
  ['nobody_answers', 'just|keeps rings|ringing', -1.4],
  ['cut_off', 'hung|hangs|hanging|hang up on', -2],
  ['cut_off', 'cut me|us off', -1.8],
  ['cut_off', 'cut|disconnected|dropped off|me? after <approx>? <num> <unit>', -2],
  ['cut_off', 'cut|disconnected off? again', -1.6],
  ['cut_off', 'line|call|phone went|goes|gone dead', -1.8],
  ['unreachable', 'cant|cannot|couldnt|unable ~1 get through|hold', -1.5],
  ['unreachable', 'cant|cannot|couldnt|unable to? reach|contact', -1.5],
  ['unreachable', 'impossible|way to get|reach|contact', -1.5],
  ['unreachable', 'tried|trying calling|phoning|ringing ~3 all|every|repeatedly|again|since', -1.6],
  ['unreachable', 'tried|trying to call|phone|ring|reach|contact ~3 all|every|repeatedly|again|since', -1.6],
  ['unreachable', 'tried|trying calling|phoning|ringing|to call|phone|ring <num> times', -1.8],
  ['unreachable', 'high|higher|unusually call? volumes|volume', -1.2],
  ['unreachable', 'same song|tune|music|message|recording on? loop|repeat', -1.4],
  ['unreachable', 'actually|even a|any|one? human|humans|person|soul', -1.4],
]);

/** Asking for the second, third, umpteenth time. */
const ASKED_AGAIN = family('asked_again', [
  ['nth_time', '<nth> time|times|request|email|call|attempt|message|chat|complaint|ticket|agent', -1.8],
  ['times_over', '<ask> ~3 <num> times', -1.8],
  ['times_over', '<ask> ~3 twice|thrice|repeatedly|umpteen', -1.8],
  ['already_told', 'already <told> ~1 you|this|that|them|twice|before', -1.8],
  ['already_told', 'told|explained|said ~2 already $', -1.6],
  ['already_told', 'already sent|provided|gave|given|submitted|filled|done|did|called|emailed|contacted|reported', -0.8],
  ['again', 'asking|writing|emailing|calling|chasing|messaging|contacting|explaining|repeating|complaining ~2 again|once', -1.2],
  ['last_time', 'for the last time', -2],
  ['again_at_start', 'again $', -1.2, { atStart: true }],
  ['in_my_last', 'in|on my last|previous <num>? messages|emails|replies|calls|chats|tweets|dms|letters', -1.4],
  ['times_over', 'same ~3 <num> times', -1.6],
  ['times_over', 'same ~3 twice', -1.6],
  ['times_over', '<num> times now|already', -1.4],
  ['as_i_said', 'as|like i|ive|we|weve have? already|repeatedly|previously|clearly said|mentioned|explained|stated|told', -1.6],
  ['as_i_said', 'as|like i said|mentioned|explained|stated', -0.8],
  ['as_i_said', 'as i have|ive said|mentioned|explained|stated', -0.8],
  ['repeat_myself', 'repeat|repeating myself|ourselves', -2],
  ['same_reply', 'same ~2 <same>', -1.2],
  ['different_answers', '<num>|<nth> different ~1 <agents>', -1.6],
  ['runaround', 'keep|keeps|kept getting|being <fobbed>', -1.6],
  ['runaround', 'keep|keeps|kept <fob_verb> me|us|my|it', -1.6],
  ['runaround', 'runaround', -2],
  ['runaround', 'merry go round', -2],
  ['runaround', 'passed|bounced|shunted around|about|between', -2],
  ['runaround', 'pillar to post', -2],
]);

/** Thanks that mean the opposite. */
const SARCASM = family('sarcasm', [
  // First, so that they win over the conditional praise rules of the same length.
  ['wow_thanks', 'wow|gee|geez ~1 thanks|thank you? a|so lot|much $', -2.5, { unlessPositive: true, spansClauses: true }],
  ['just_great', 'just|oh great|perfect|wonderful|brilliant|fantastic|lovely|marvellous|super|fab $', -2.5, { unlessPositive: true, atStart: true }],
  ['thanks_for_harm', 'thanks|thank|cheers|ta ~4 for <bad_ing>', -3],
  ['love_being_wronged', 'appreciate|love|loving|enjoy|enjoying|adore|like|fun|lovely|great|nice ~2 being|getting|be <bad_pp>', -3],
  ['so_much_for', 'so much for', -2.5],
  ['nothing_says', 'nothing says ~3 like', -2.5],
  ['another_day', 'another day another', -2, { spansClauses: true }],
  ['anything_but', 'anything but $', -2.2],
  ['nice_of_you', 'nice|good|kind|great|lovely|thoughtful|decent of you|them to', -2.2, { conditional: true }],
  ['funny_way', 'funny|strange|odd way of showing', -2.5],
  ['is_a_fantasy', 'is|are|was a|an? fantasy|myth|lie|fiction|fairytale|fairy', -2.2],
  ['praise_service', '<praise> ~1 <service>', -2.2, { conditional: true }],
  ['praise_service', 'truly|really|absolutely|so <praise>', -1.5, { conditional: true }],
  ['glad_to_see', 'great|good|nice|lovely|brilliant|amazing|glad|fantastic|wonderful|interesting|fun ~1 to see|how|that', -2, { conditional: true }],
  ['well_done', 'well done|good job|nice one|bravo|congrats|congratulations ~2 on|for|to|again', -2, { conditional: true }],
  ['oh_great', 'oh good|great|super|nice|cool|marvellous|marvelous|excellent|amazing|awesome|goody|brilliant|fab|joy|wonderful|perfect|fantastic|lovely', -2, { conditional: true }],
  ['just_great', 'just great|perfect|wonderful|brilliant|fantastic|lovely|marvellous|super|fab', -2.5, { conditional: true }],
  ['just_what_i_needed', 'just|exactly what i needed|wanted', -2.5, { conditional: true }],
  ['typical', 'typical $', -1.5, { conditional: true, atStart: true }],
]);

/** Leaving, or threatening to. */
const GIVING_UP = family('giving_up', [
  ['done_with_you', 'done with you|your|u|ur|them|<brand>', -2.5],
  ['done_with_you', 'im|i|were|we am|are? so|totally|completely|officially|absolutely? done with', -2.5],
  ['done_with_you', 'im|i|were|we am|are? so|totally|completely|officially|absolutely? done $', -1.2],
  ['never_again', 'never ~1 <use_verb> ~3 again|with|from|here', -2.5],
  ['last_time', 'last time i|we|ill|im|well <use_verb> ~1 with|from|at|here|you', -2.2],
  ['taking_custom_away', '<move_verb> ~1 my|our|all <custom> ~2 elsewhere|away|somewhere', -2.4],
  ['taking_custom_away', '<move_verb> ~1 my|our|all <custom> to another|a|your|<brand>', -2.4],
  ['switching', '<switch_verb> ~1 to|for <brand> !<product>', -2.2],
  ['switching', '<switch_verb>|moving|leaving|changing ~2 to|for another|a ~1 <rival>', -2.2],
  ['switching', 'leaving|leave you for <brand>', -2],
  ['leaving_after_years', 'after|over <num> <unit> ~5 leaving|cancelling|canceling|closing|switching|done|goodbye|quitting|moving|cancel|close|leave', -2.2],
  ['final_straw', 'final straw', -3],
  ['had_it', 'ive|weve|i|we have? had it $', -2.4],
  ['enough', 'enough $', -2, { atStart: true }],
  ['never_again', 'never want|wish|going to ~2 hear|deal|use|see ~4 again', -2.4],
  ['had_it', 'ive|weve|i|we have? had it with', -2.4],
  ['not_renewing', 'wont|not|never|no longer be? renewing|recommending|returning', -1.8],
  ['cancel_now', '<end_verb> ~1 my|our|the|this <contract> <immediately>', -1.4],
  ['why_i_stay', 'why do|would|should? i ~1 stay|bother|stick', -2],
  ['why_i_stay', 'why do|would|should? i ~1 keep paying', -2],
  ['cancel_everything', 'cancel|cancelling|canceling everything', -2.5],
  ['close_and_leave', 'close|closing my|our account|accounts and', -2],
  ['lost_a_customer', 'just lost a|another', -2.5],
  ['former_customer', 'former|ex customer', -2],
]);

/** Promises not kept. */
const BROKEN_PROMISE = family('broken_promise', [
  ['promised', 'you|they|i|we|was|were|been|who|agent|he|she|someone|website|site|app|email|ad|advert promised|guaranteed|assured|swore|pledged', -1.4],
  ['promised', 'promised|guaranteed me|us', -1.4],
  ['supposed_to', 'was|were supposed|meant|due|scheduled|expected|booked|set to', -1.2],
  ['no_show', 'nobody|noone ~1 came|showed|turned|arrived|did|called|rang|phoned|bothered', -1.8],
  ['no_show', 'no one ~1 came|showed|turned|arrived|did|called|rang|phoned|bothered', -1.8],
  ['no_show', 'no show', -1.8],
  ['no_show', 'not|didnt|never show|showed|turn|turned up?', -1.8],
  ['repeated_failures', 'missed|cancelled|canceled|failed|crashed|broke|lost|forgot|forgotten|rescheduled|changed|declined|delayed ~4 twice|thrice|again', -1.6],
  ['repeated_failures', 'missed|cancelled|canceled|failed|crashed|broke|lost|forgot|forgotten|rescheduled|changed|declined|delayed ~4 <num> times', -1.8],
  ['repeated_failures', '<num> missed|failed|cancelled|canceled|botched|wasted|late|rescheduled deliveries|attempts|appointments|visits|flights|trains|bookings|collections|installs|installations', -1.6],
  ['paid_for_nothing', 'paying|paid|pay for ~3 and|but getting|get|got this|nothing|zero|none', -1.6],
]);

/** Nobody answers, nobody reads. */
const IGNORED = family('ignored', [
  ['nobody_replied', 'nobody|noone has|have|had|ever? replied|responded|answered|bothered|acknowledged|contacted|listened|helped|followed|got|gotten|called|rang|returned', -2],
  ['nobody_replied', 'no one has|have|had|ever? replied|responded|answered|bothered|acknowledged|contacted|listened|helped|followed|got|gotten|called|rang|returned', -2],
  ['nobody_replied', 'nobody|noone ~3 can|could|will|would|seems|seem tell|explain|help|answer|give|say', -1.6],
  ['nobody_replied', 'no one ~3 can|could|will|would|seems|seem tell|explain|help|answer|give|say', -1.6],
  ['no_reply', 'no|zero|never|without ~2 <reply> !needed|necessary|required|expected', -1.6],
  ['no_reply', 'not even|one|a ~2 <reply>', -1.6],
  ['no_reply', 'still no|nothing ~1 <reply>', -2.4],
  ['heard_nothing', 'heard nothing|nada|zilch', -1.8],
  ['nobody_cares', 'nobody|noone ~3 cares|care|bothered|gives', -2.4],
  ['nobody_cares', 'no one ~3 cares|care|bothered|gives', -2.4],
  ['chasing_nobody', 'is|are|will anyone|anybody|someone ~3 ever|actually going to', -1.4],
  ['nobody_replied', 'never replied|responded|answered|acknowledged|acknowledges|replies|responds', -2],
  ['nobody_replied', 'never got|called|rang|wrote|came back', -2],
  ['heard_nothing', 'not|havent|hasnt|hadnt|never|didnt|still heard|hear back|anything|a|from|nothing', -1.4],
  ['heard_nothing', 'radio silence', -2.2],
  ['heard_nothing', 'black hole', -2.2],
  ['heard_nothing', 'brick wall', -2.2],
  ['heard_nothing', 'into the void', -2.2],
  ['heard_nothing', 'talking to a wall', -2.2],
  ['ignored', 'ignored|ignoring|ignores me|my|us|our|it|all|everything|them|this|completely|again', -1.8],
  ['ignored', 'left|gone|went|remains unanswered|unread', -2],
  ['ignored', 'read|seen and ignored', -2.4],
  ['ignored', 'left me? on read', -2.4],
  ['does_anyone_read', 'does|do|is|are|will anyone|anybody|someone|you|they ~3 actually|even read|reading|working|care|listen|check|monitor|answer|work|bother', -1.8],
  ['does_anyone_read', 'does|do|is|are|will anyone|anybody|someone ~3 actually|even', -1.6],
  ['dismissed', 'closed|ended|shut the|my ~1 ticket|case|complaint|chat|conversation|query on|without', -1.6],
  ['dismissed', 'then|just|you|they closed|ended|shut the|my ~1 ticket|case|complaint|chat|conversation', -1.6],
]);

/** Strong disappointment, said outright. */
const DISAPPOINTMENT = family('disappointment', [
  ['outright', 'absolutely|totally|completely|utterly|simply|frankly|truly|wholly|really|quite|so <outright>', -3.2],
  ['beyond', 'beyond a? joke|ridiculous|belief|frustrating|unacceptable|disappointing|infuriating', -2.8],
  ['worst', 'worst ~3 experience|service|company|airline|bank|provider|support|customer|ever|years|by', -3.5],
  ['let_down', 'let me|us|you? down', -2.4],
  ['let_down', 'badly let', -2.4],
  ['expected_better', 'expected|expect|expecting ~1 better|more', -2.2],
  ['bad_service', '<bad_service> ~1 <service_noun>', -2.8],
  ['bad_service', 'very|really|so|extremely|pretty|incredibly|seriously|absolutely poor|shoddy|shambolic', -2.4],
  ['badly_handled', 'badly|poorly|terribly|appallingly|shockingly ~3 handled|managed|run|treated|organised|organized|dealt', -2.2],
  ['badly_handled', 'handled|managed|treated|dealt ~3 badly|poorly|terribly|appallingly|shockingly', -2.2],
  ['a_joke', 'this|its|thats|what|such|absolute|complete|total|utter ~2 <mess>', -3],
  ['my_life_wasted', 'hours|days|weeks of my life', -2.2],
  ['should_not_have_to', 'shouldnt have|need to', -1.6],
  ['should_not_have_to', 'should not have|need to', -1.6],
  ['so_hard', 'why is it so hard|difficult|impossible|complicated', -2.2],
  ['nobody_knows', 'why does|is|do|cant|can nobody|noone', -1.6],
  ['nobody_knows', 'why does|is|do|cant|can no one', -1.6],
  ['not_worth', 'not worth the? hassle|money|stress|it|paying|price', -2],
  ['downhill', 'gone|going|went downhill', -2.4],
  ['no_excuse', 'there is|theres no excuse', -3],
  ['how_is_it_fair', 'how is|was|can this|that|it|any acceptable|fair|ok|okay|right|legal|reasonable|allowed|possible', -2.2],
  ['how_is_it_fair', 'how is|was|can ~1 acceptable|fair|legal|reasonable|allowed', -2],
  ['how_you_treat', 'how you treat|treated', -2.4],
  ['waste', 'waste|wasted|wasting of? ~2 my|an|a|the|whole afternoon|morning|day|evening|weekend|life|money|effort|energy|time', -2.2],
  ['never_works', 'never|always|constantly|forever ~1 <fails>', -1.8],
  ['never_works', 'never <works>', -1.8],
]);

/** All complaint patterns, family by family. */
export const COMPLAINT_PATTERNS: readonly ComplaintPattern[] = [
  ...WAITING, ...ON_HOLD, ...ASKED_AGAIN, ...SARCASM, ...GIVING_UP, ...BROKEN_PROMISE, ...IGNORED,
  ...DISAPPOINTMENT,
];

/** Markers: phrases that count only together with others (see `COMPOUNDS`) or as context. */
export type MarkerName = 'polite' | 'resolved' | 'promise' | 'contradiction' | 'duration' | 'failure';

/** A marker phrase; markers never cover tokens and never add weight by themselves. */
export interface ComplaintMarker {
  name: MarkerName;
  pattern: string;
  spansClauses?: boolean;
}

const marker = (name: MarkerName, patterns: readonly string[]): ComplaintMarker[] => patterns.map((pattern) => ({ name, pattern }));

/** The marker phrases. */
export const MARKERS: readonly ComplaintMarker[] = [
  // A polite request: the customer is asking, not venting.
  ...marker('polite', [
    'please|pls|plz|kindly', 'could|can|would|will you|u|someone|anyone', 'could|may i|we',
    'is it possible', 'is there a|any way', 'id like|love', 'i would like|love', 'wondering|wonder',
    'thanks|thank you? in advance', 'no rush|hurry', 'just checking|wanted|to|following', 'grateful',
    'appreciate it|if',
  ]),
  // It works now: "great, it's working again" is not sarcasm.
  ...marker('resolved', [
    'worked|fixed|sorted|resolved|solved|arrived|received|helped|helpful', 'works|working now|again|fine|perfectly',
    'all good|sorted|set|fine', 'back up|online|on', 'got it',
  ]),
  // Something was promised or paid for...
  ...marker('promise', [
    'you|they|agent|he|she|someone|staff|advisor|adviser|rep said|told|promised|assured|confirmed|guaranteed',
    'told me|us', 'i|we was|were told|promised|assured|guaranteed',
    'confirmation|website|site|tracking|email|app|page|advert|listing|text|sms said|says|stated|showed|promised',
    'supposed|meant to', 'paid|paying for',
  ]),
  // A stretch of time...
  ...marker('duration', [
    '<num> <unit>', 'all day|morning|afternoon|evening|week|weekend|night|month', 'since <when>|<clock>|last',
    'for <long>',
  ]),
  // ...while something is not happening or stays broken (not merely a problem word: "a few
  // days ago, about my missing parcel" is a calm follow-up).
  ...marker('failure', [
    'no|zero|nothing|nobody|noone|never|not', 'still', 'down|dead|stuck|offline|unusable',
    'hasnt|havent|hadnt|isnt|wasnt|didnt|doesnt|wont|cant',
  ]),
  // ...and then did not happen.
  ...marker('contradiction', [
    'it|its|that isnt|not|wasnt|hasnt|didnt|doesnt|never', 'it is|was|has|did|does not',
    'nobody|noone did|came|showed|called|turned|arrived', 'no one did|came|showed|called|turned|arrived',
    'never came|did|arrived|happened|showed|called|turned', 'still no|not|nothing|waiting|hasnt|havent|isnt',
    'now it|its? says|shows|saying', 'arrived|came|delivered|took ~1 after|over <num> <unit>', 'its|it is? now? <when>',
    'then|only ~2 cancelled|changed|charged|refused|declined|denied|told|cancel',
    'and get|getting this|nothing', 'all i get|got',
  ]),
];

/** Markers that together make a complaint: a promise, then what happened instead. */
export interface ComplaintCompound {
  name: string;
  family: ComplaintFamily;
  first: MarkerName;
  then: MarkerName;
  /** `then` must come after `first`; otherwise anywhere in the message. */
  ordered: boolean;
  /**
   * Only in a statement: "down since Saturday, nothing from you" complains, while "is it
   * normal that it is still pending after two days?" asks.
   */
  unlessQuestion?: boolean;
  /** A fallback: skipped when a pattern of one of these families already explained the message. */
  unlessFamilies?: readonly ComplaintFamily[];
  weight: number;
}

/** The compound rules. */
export const COMPOUNDS: readonly ComplaintCompound[] = [
  { name: 'promise_then_contradiction', family: 'broken_promise', first: 'promise', then: 'contradiction', ordered: true, weight: -1.8 },
  {
    name: 'duration_with_failure',
    family: 'waiting',
    first: 'duration',
    then: 'failure',
    ordered: false,
    unlessQuestion: true,
    unlessFamilies: ['waiting', 'on_hold'],
    weight: -1.6,
  },
];

/** Families that describe the customer's situation; a polite request softens them (see sentiment-stages.ts). */
export const SITUATION_FAMILIES: ReadonlySet<ComplaintFamily> = new Set([
  'waiting', 'on_hold', 'asked_again', 'broken_promise', 'ignored',
]);
