import type { AnswerResult, Answerer } from '../answerer/answerer.js';
import type { KbArticle } from '../answerer/kb.js';
import { buildAnswerer } from '../answerer/answerer.js';
import type { Conversation, Turn } from '../conversation.js';
import { extractEntities } from '../signals/entities.js';
import { detectHighIntent } from '../signals/high-intent.js';
import { detectHumanRequest } from '../signals/human-request.js';
import { compileKeywords } from '../signals/keywords.js';
import { detectLanguage } from '../signals/language.js';
import { questionSimilarity } from '../signals/repetition.js';
import { assessSentiment } from '../signals/sentiment.js';
import type { TopicMatch, TopicMatcher } from '../signals/topics.js';
import { compileTopics } from '../signals/topics.js';
import type { Decision, DecisionAction, DecisionSignals, Reason } from './decision.js';
import type { Policy } from './policy.js';
import { computePriority } from './priority.js';
import type { ReasonCode } from './reasons.js';

/**
 * Signals look at this many characters of a message at most. A 100 kB paste is still stored
 * whole; its head and tail carry the question, and this keeps every decision bounded in time.
 */
export const MAX_ANALYSED_CHARS = 4000;

/** What an engine is built from. Build once per policy and KB; `decide` is then cheap. */
export interface EngineOptions {
  policy: Policy;
  /** The knowledge base. Without it (and without `answerer`) the assistant can only clarify or hand over. */
  articles?: KbArticle[];
  /** A prebuilt answerer, to share one across engines (the backtest compares two policies on one KB). */
  answerer?: Answerer;
}

/** The escalation engine: the same code runs live, in `baton assess` and in the backtest. */
export interface Engine {
  readonly policy: Policy;
  readonly answerer: Answerer | undefined;
  /** The decision at the conversation's last customer message. Never throws. */
  decide(conversation: Conversation): Decision;
}

/** Builds an engine: compiles the policy's matchers and the KB's article topics once. */
export function createEngine(options: EngineOptions): Engine {
  const { policy } = options;
  const answerer = options.answerer ?? (options.articles?.length ? buildAnswerer(options.articles) : undefined);
  const topics = compileTopics(policy.topics.definitions);
  const keywords = compileKeywords(policy.keywords.words);
  const articleTopics = policy.topics.articleTopics && answerer ? classifyArticles(answerer, topics, policy.topics.articleTopicShare) : new Map<string, TopicMatch[]>();
  const tiers = new Set(policy.tier.tiers.map((t) => t.toLowerCase()));
  const ctx: DecideContext = { policy, answerer, topics, keywords, articleTopics, tiers };
  return {
    policy,
    answerer,
    decide: (conversation) => decide(ctx, conversation),
  };
}

interface DecideContext {
  policy: Policy;
  answerer: Answerer | undefined;
  topics: TopicMatcher;
  keywords: ReturnType<typeof compileKeywords>;
  articleTopics: Map<string, TopicMatch[]>;
  tiers: Set<string>;
}

/**
 * An article is sensitive when its title, or at least `share` of its example questions, fall in a
 * topic. The KB is the business's own data: a "Lost or stolen card" article tells the engine that
 * questions answered by it are security matters, however they are worded.
 */
function classifyArticles(answerer: Answerer, topics: TopicMatcher, share: number): Map<string, TopicMatch[]> {
  const out = new Map<string, TopicMatch[]>();
  for (const article of answerer.articles.values()) {
    const counts = new Map<string, { match: TopicMatch; n: number }>();
    for (const q of article.questions) {
      for (const m of uniqueByTopic(topics.match(q))) {
        const c = counts.get(m.topicId);
        if (c) c.n++;
        else counts.set(m.topicId, { match: m, n: 1 });
      }
    }
    const fromTitle = new Set(topics.match(article.title).map((m) => m.topicId));
    const hits: TopicMatch[] = [];
    for (const { match, n } of counts.values()) {
      if (fromTitle.has(match.topicId) || (article.questions.length > 0 && n / article.questions.length >= share)) hits.push(match);
    }
    for (const m of topics.match(article.title)) if (!hits.some((h) => h.topicId === m.topicId)) hits.push(m);
    if (hits.length) out.set(article.id, hits);
  }
  return out;
}

function uniqueByTopic(matches: TopicMatch[]): TopicMatch[] {
  const seen = new Set<string>();
  return matches.filter((m) => (seen.has(m.topicId) ? false : (seen.add(m.topicId), true)));
}

function clip(text: string): string {
  if (text.length <= MAX_ANALYSED_CHARS) return text;
  const half = MAX_ANALYSED_CHARS / 2;
  return `${text.slice(0, half)}\n${text.slice(-half)}`;
}

function quote(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return `"${t.length > max ? `${t.slice(0, max - 1)}…` : t}"`;
}

/** A greeting and nothing else: the assistant greets back and asks what it can do, it does not decline. */
const GREETING = /^\s*(?:hi|hello|hey|hiya|howdy|good (?:morning|afternoon|evening|day)|greetings|hola|bonjour|hallo|ciao)(?:\s+(?:there|team|all|again))?[\s!.,:)]*$/i;

const CLOSING = /^\s*(?:thanks?|thank you|thx|ty|great|perfect|ok(?:ay)?|got it|that (?:helps|helped|worked)|cheers|bye|awesome|cool)\b[\s\S]{0,40}$/i;

function decide(ctx: DecideContext, conversation: Conversation): Decision {
  const { policy } = ctx;
  const turns: Turn[] = conversation.turns.map((t) => ({ ...t, text: clip(typeof t.text === 'string' ? t.text : '') }));
  const last = findLastIndex(turns, (t) => t.role === 'customer');
  const sentimentTrend = assessSentiment(turns);
  const sentiment = { label: sentimentTrend.label, score: round(sentimentTrend.score) };
  const signals: DecisionSignals = {
    entities: [],
    language: 'und',
    sentimentTrend: sentimentTrend.turns.map((s) => ({ label: s.label, score: round(s.score) })),
    sentimentDirection: sentimentTrend.direction,
    topics: [],
    keywords: [],
    attempts: [],
    outOfScope: false,
  };
  if (last < 0) {
    return { action: 'clarify', reasons: [], priority: 'low', confidence: 0, sentiment, signals };
  }
  const text = turns[last]!.text;
  turns.forEach((t, i) => {
    if (t.role === 'customer') for (const e of extractEntities(t.text)) signals.entities.push({ ...e, messageIndex: i });
    if (t.role === 'ai' && t.articleId && i < last) signals.attempts.push({ articleId: t.articleId, messageIndex: i, failed: t.failed === true });
  });
  signals.language = detectLanguage(text).code;

  const reasons: Reason[] = [];
  const add = (code: ReasonCode, detail: string, messageIndex = last) => {
    if (!reasons.some((r) => r.code === code && r.messageIndex === messageIndex)) reasons.push({ code, detail, messageIndex });
  };

  let answer: AnswerResult | undefined;
  if (ctx.answerer) {
    try {
      answer = ctx.answerer.answer(text);
    } catch (err) {
      add('ai_error', `the assistant failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  const confidence = answer ? round(answer.confidence) : 0;
  const confident = answer !== undefined && answer.articleId !== null && answer.confidence >= policy.confidence.threshold;
  signals.outOfScope = answer?.outOfScope ?? false;

  // Sensitive topics, from the words used and from the article the question matches.
  const messageTopics = policy.topics.enabled ? uniqueByTopic(ctx.topics.match(text)) : [];
  let articleTopicHits: TopicMatch[] = [];
  if (policy.topics.enabled && answer?.articleId && answer.confidence >= policy.topics.articleTopicConfidence) {
    articleTopicHits = ctx.articleTopics.get(answer.articleId) ?? [];
  }
  for (const m of messageTopics) add(m.reason as ReasonCode, `${m.label.toLowerCase()}: ${quote(m.evidence)}`);
  for (const m of articleTopicHits) {
    const title = ctx.answerer?.articles.get(answer!.articleId!)?.title ?? answer!.articleId!;
    add(m.reason as ReasonCode, `${m.label.toLowerCase()}: the question matches the article "${title}"`);
  }
  signals.topics = uniqueByTopic([...messageTopics, ...articleTopicHits]).map((m) => m.topicId);
  const sensitive = signals.topics.length > 0;
  // A confident answer from an ordinary article, with no sensitive topic: the "simple FAQ" of DESIGN §3.
  const simpleFaq = confident && !sensitive;

  // Keywords: a word from the list escalates, except inside a simple FAQ ("what is your refund policy?").
  const keywordHits = policy.keywords.enabled ? ctx.keywords.match(text) : [];
  signals.keywords = [...new Set(keywordHits.map((k) => k.keyword))];
  if (keywordHits.length && !simpleFaq) add('keyword', `keyword ${signals.keywords.map((k) => `"${k}"`).join(', ')}`);

  // Frustration and anger.
  const s = policy.sentiment;
  if (s.enabled) {
    if (s.escalateWhenUpset && sentimentTrend.label === 'upset') add('negative_sentiment', `the customer is upset: ${quote(text)}`);
    else if (sentimentTrend.frustratedStreak >= s.frustratedTurns) add('negative_sentiment', `frustrated for ${sentimentTrend.frustratedStreak} turns in a row`);
    else if (s.earlierWithRiskyTopic && sentimentTrend.label === 'frustrated' && (sensitive || keywordHits.length > 0)) {
      add('negative_sentiment', 'frustrated, on a sensitive topic');
    }
  }

  // Repetition: the same question again, or answers that keep failing.
  if (policy.repetition.enabled) {
    const repeat = findRepeat(ctx, turns, last, answer, signals.attempts);
    if (repeat) add('repeated_question', repeat.detail, repeat.messageIndex);
  }

  // Refunds and disputes over the threshold.
  if (policy.amount.enabled) {
    const moneyContext =
      [...messageTopics, ...articleTopicHits].some((m) => m.reason === 'billing' || m.reason === 'security') ||
      signals.keywords.some((k) => /refund|chargeback|fraud/.test(k));
    const big = signals.entities.filter((e) => e.kind === 'amount' && (e.amount ?? 0) > policy.amount.threshold);
    const biggest = big.sort((a, b) => (b.amount ?? 0) - (a.amount ?? 0))[0];
    if (moneyContext && biggest) add('high_value', `${biggest.text} is over the ${policy.amount.threshold} threshold`, biggest.messageIndex);
  }

  // Sales.
  if (policy.highIntent.enabled) {
    const hi = detectHighIntent(text);
    if (hi && (hi.kind !== 'pricing' || !confident)) {
      add('high_intent', `${hi.kind}: ${quote(hi.evidence)}`);
      signals.queue = policy.highIntent.queue;
    }
  }

  // An explicit request for a person.
  let action: DecisionAction | undefined;
  const human = policy.customerRequest.enabled ? detectHumanRequest(text) : null;
  if (human) {
    const earlier = turns.slice(0, last).filter((t) => t.role === 'customer' && detectHumanRequest(t.text) !== null).length;
    const offeredBefore = turns.slice(0, last).some((t) => t.role === 'ai' && t.action === 'offer_choice');
    const simpleTopic = reasons.length === 0 && !sensitive && (confident || signals.attempts.length > 0);
    if (policy.customerRequest.offerChoiceForSimple && earlier === 0 && !offeredBefore && simpleTopic && !isVip(ctx, conversation)) {
      action = 'offer_choice';
      add('customer_request', `asked for a person: ${quote(human.phrase)}; offered a choice first, as the topic is simple`);
    } else {
      add('customer_request', earlier > 0 || offeredBefore ? `asked for a person again: ${quote(human.phrase)}` : `asked for a person: ${quote(human.phrase)}`);
    }
  }

  const escalating = action !== 'offer_choice' && reasons.length > 0;
  if (!action && escalating) action = 'escalate';

  // VIPs: anything that is not a simple FAQ goes to a person, with priority.
  const vip = isVip(ctx, conversation);
  if (vip && policy.tier.enabled && (action === 'escalate' || !simpleFaq)) {
    add('vip', `${conversation.customer?.tier} customer`);
    action = 'escalate';
  }

  const greeting = !action && reasons.length === 0 && GREETING.test(text);
  if (greeting) action = 'clarify';
  if (!action) {
    if (confident && answer?.articleId) {
      action = 'answer';
    } else if (!policy.confidence.enabled) {
      action = answer?.articleId ? 'answer' : 'clarify';
    } else if (answer?.outOfScope && policy.confidence.declineOutOfScope) {
      action = 'decline';
      add('out_of_scope', `outside what this assistant knows (confidence ${below(answer?.confidence ?? 0, policy.confidence.threshold)})`);
    } else {
      const clarified = countClarifications(turns, last);
      if (clarified < policy.confidence.clarifyTimes) {
        action = 'clarify';
        add('low_confidence', `confidence ${below(answer?.confidence ?? 0, policy.confidence.threshold)} is below ${policy.confidence.threshold}; asking a clarifying question`);
      } else {
        action = 'escalate';
        add('low_confidence', `confidence ${below(answer?.confidence ?? 0, policy.confidence.threshold)} is below ${policy.confidence.threshold} after ${clarified} clarifying question${clarified === 1 ? '' : 's'}`);
      }
    }
  }

  const escalated = action === 'escalate';
  const priority = escalated ? computePriority(reasons, policy, { frustratedStreak: sentimentTrend.frustratedStreak, label: sentimentTrend.label }, vip) : 'low';
  const ordered = escalated ? sortReasons(reasons, policy) : reasons;
  const decision: Decision = { action, reasons: ordered, priority, confidence, sentiment, signals };
  if (answer?.articleId && (action === 'answer' || answer.confidence >= 0.3)) decision.articleId = answer.articleId;
  const intent = greeting ? 'greeting' : (decision.articleId ?? signals.topics[0] ?? (human ? 'human' : undefined));
  if (intent) decision.intent = intent;
  return decision;
}

function isVip(ctx: DecideContext, conversation: Conversation): boolean {
  const tier = conversation.customer?.tier;
  return ctx.policy.tier.enabled && typeof tier === 'string' && ctx.tiers.has(tier.toLowerCase());
}

/** Clarifying questions since the last answer: "clarify once, then escalate". */
function countClarifications(turns: Turn[], last: number): number {
  let n = 0;
  for (let i = last - 1; i >= 0; i--) {
    const t = turns[i]!;
    if (t.role !== 'ai') continue;
    if (t.action === 'clarify') n++;
    else if (t.action === 'answer' || t.articleId) break;
  }
  return n;
}

/**
 * The same question for the n-th time, matched two ways: the customer's words (paraphrases
 * included), and the article the assistant keeps answering with. Two identical answers followed
 * by yet another question on that article mean the answer is not landing.
 */
function findRepeat(
  ctx: DecideContext,
  turns: Turn[],
  last: number,
  answer: AnswerResult | undefined,
  attempts: DecisionSignals['attempts'],
): { detail: string; messageIndex: number } | null {
  const { askedTimes, failedAttempts, similarity } = ctx.policy.repetition;
  const text = turns[last]!.text;
  if (CLOSING.test(text)) return null;

  let failedRun = 0;
  for (let i = attempts.length - 1; i >= 0 && attempts[i]!.failed; i--) failedRun++;
  if (failedRun >= failedAttempts) return { detail: `${failedRun} failed attempts in a row`, messageIndex: last };

  const similar: number[] = [];
  for (let i = 0; i < last; i++) {
    const t = turns[i]!;
    if (t.role === 'customer' && questionSimilarity(text, t.text) >= similarity) similar.push(i);
  }
  if (similar.length + 1 >= askedTimes) {
    return { detail: `asked the same question ${similar.length + 1} times (first at message ${similar[0]! + 1})`, messageIndex: last };
  }

  const lastArticle = attempts.at(-1)?.articleId;
  if (!lastArticle) return null;
  let sameRun = 0;
  for (let i = attempts.length - 1; i >= 0 && attempts[i]!.articleId === lastArticle; i--) sameRun++;
  if (sameRun + 1 < askedTimes) return null;
  const candidates = answer?.candidates.map((c) => c.articleId) ?? [];
  const sameTopic = candidates.includes(lastArticle);
  const elsewhere = answer && answer.articleId !== lastArticle && answer.confidence >= ctx.policy.confidence.threshold;
  if (sameTopic || !elsewhere) {
    const title = ctx.answerer?.articles.get(lastArticle)?.title ?? lastArticle;
    return { detail: `asked again after ${sameRun} answers from "${title}" did not help`, messageIndex: last };
  }
  return null;
}

function sortReasons(reasons: Reason[], policy: Policy): Reason[] {
  const rank = (r: Reason) => ['low', 'medium', 'high', 'critical'].indexOf(policy.priority.base[r.code] ?? 'low');
  return reasons
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(b.r) - rank(a.r) || a.i - b.i)
    .map(({ r }) => r);
}

function findLastIndex<T>(items: T[], pred: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (pred(items[i]!)) return i;
  return -1;
}

/** A confidence under a threshold, with enough digits that it never reads as equal to it ("0.80 is below 0.8"). */
function below(confidence: number, threshold: number): string {
  for (let digits = 2; digits <= 4; digits++) {
    const text = confidence.toFixed(digits);
    if (Number(text) < threshold) return text;
  }
  return String(confidence);
}

function round(n: number): number {
  return Number.isFinite(n) ? Math.round(n * 1000) / 1000 : 0;
}
