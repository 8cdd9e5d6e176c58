import type { AnswerResult, Answerer } from '../answerer/answerer.js';
import type { KbArticle } from '../answerer/kb.js';
import { buildAnswerer, exampleTexts } from '../answerer/answerer.js';
import { prototypeTexts } from '../semantic/prototypes.js';
import { SemanticSignals } from '../semantic/semantic-signals.js';
import { cosine } from '../semantic/sentence-encoder.js';
import { requestMood } from '../signals/request-mood.js';
import type { Conversation, Turn } from '../conversation.js';
import { extractEntities } from '../signals/entities.js';
import { detectHighIntent } from '../signals/high-intent.js';
import type { HumanRequest } from '../signals/human-request.js';
import { detectHumanRequest } from '../signals/human-request.js';
import type { KeywordMatch } from '../signals/keywords.js';
import { compileKeywords } from '../signals/keywords.js';
import { detectLanguage } from '../signals/language.js';
import { questionSimilarity } from '../signals/repetition.js';
import type { SentimentTrend } from '../signals/sentiment.js';
import { assessSentiment } from '../signals/sentiment.js';
import type { TopicMatch, TopicMatcher } from '../signals/topics.js';
import { compileTopics } from '../signals/topics.js';
import type { Decision, DecisionAction, DecisionSignals, Reason } from './decision.js';
import type { Policy } from './policy.js';
import type { OfferReply } from './offer-choice.js';
import { choiceAsRequest, choiceButtons, readOfferReply } from './offer-choice.js';
import { computePriority } from './priority.js';
import type { ReasonCode } from './reasons.js';
import { clipMiddle, clipText } from '../text/clip-text.js';

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
  /**
   * Sentence vectors of the texts `engineTexts(articles)` lists (the KB's examples and the
   * prototypes), from a sentence encoder. With them the engine can use a message's vector.
   */
  vectors?: VectorLookup;
}

/** Sentence vectors by text, from an encoder the caller ran; undefined for a text not embedded. */
export type VectorLookup = (text: string) => Float32Array | undefined;

/** The escalation engine: the same code runs live, in `baton assess` and in the backtest. */
export interface Engine {
  readonly policy: Policy;
  readonly answerer: Answerer | undefined;
  /** True when the engine was built with sentence vectors, so message vectors change its decisions. */
  readonly semantic: boolean;
  /** The vectors it was built with, to build the next engine (a new policy) on the same KB without embedding again. */
  readonly vectors: VectorLookup | undefined;
  /**
   * The decision at the conversation's last customer message. Never throws. `vectors` holds the
   * sentence vectors of the texts `textsToEmbed` asked for; without them the decision is lexical.
   */
  decide(conversation: Conversation, vectors?: VectorLookup): Decision;
  /**
   * The cascade: which customer texts of this conversation are worth embedding before `decide`.
   * Empty when the lexical path is sure of itself or the engine has no vectors; texts are the
   * exact strings `decide` will look up.
   */
  textsToEmbed(conversation: Conversation): string[];
}

/** Every text an engine over `articles` wants embedded before it is built: the KB's examples and the prototypes. */
export function engineTexts(articles: readonly KbArticle[]): string[] {
  return [...exampleTexts(articles), ...prototypeTexts()];
}

/** Builds an engine: compiles the policy's matchers and the KB's article topics once. */
export function createEngine(options: EngineOptions): Engine {
  const { policy } = options;
  const answerer =
    options.answerer ?? (options.articles?.length ? buildAnswerer(options.articles, options.vectors ? { exampleVectors: options.vectors } : {}) : undefined);
  const topics = compileTopics(policy.topics.definitions);
  const keywords = compileKeywords(policy.keywords.words);
  const answerWhenAsked = new Set(policy.topics.definitions.filter((d) => d.answerWhenAsked).map((d) => d.id));
  const articleTopics = policy.topics.articleTopics && answerer ? classifyArticles(answerer, topics, policy.topics.articleTopicShare, answerWhenAsked) : new Map<string, TopicMatch[]>();
  const tiers = new Set(policy.tier.tiers.map((t) => t.toLowerCase()));
  const semantic = options.vectors ? new SemanticSignals(options.vectors) : null;
  const ctx: DecideContext = {
    policy,
    answerer,
    topics,
    keywords,
    articleTopics,
    tiers,
    semantic: semantic?.available ? semantic : null,
    handoffArticles: answerer ? findHandoffArticles(answerer) : new Set(),
    answerWhenAsked,
    keywordsAnswerWhenAsked: new Set(policy.keywords.answerWhenAsked.map((w) => w.toLowerCase())),
  };
  return {
    policy,
    answerer,
    semantic: ctx.semantic !== null && (answerer?.semantic ?? true),
    vectors: options.vectors,
    decide: (conversation, vectors) => decide(ctx, conversation, vectors),
    textsToEmbed: (conversation) => textsToEmbed(ctx, conversation),
  };
}

interface DecideContext {
  policy: Policy;
  answerer: Answerer | undefined;
  topics: TopicMatcher;
  keywords: ReturnType<typeof compileKeywords>;
  articleTopics: Map<string, TopicMatch[]>;
  tiers: Set<string>;
  /** The encoder's prototype sets, when the engine was built with vectors. */
  semantic: SemanticSignals | null;
  /** Articles whose purpose is to reach a person: declared in the front matter, or asked for that way. */
  handoffArticles: Set<string>;
  /** Topics that a plain question about them does not escalate ("how long do refunds take?"). */
  answerWhenAsked: Set<string>;
  /** Keywords that a plain question with them does not escalate. */
  keywordsAnswerWhenAsked: Set<string>;
}

/** Above this lexical confidence a single-turn message skips the encoder: its vector would not change the answer. */
const CASCADE_SURE = 0.9;

/**
 * The cascade. The encoder costs ~20 ms of CPU a message, so it is spent where it can change the
 * decision: the last message unless the lexical answerer is already sure of a plain answer, and
 * the earlier customer turns when the repetition check needs them (the encoder's cache makes those
 * free when they were embedded as they arrived).
 */
function textsToEmbed(ctx: DecideContext, conversation: Conversation): string[] {
  if (!ctx.semantic) return [];
  const turns = conversation.turns;
  const last = findLastIndex(turns, (t) => t.role === 'customer');
  if (last < 0) return [];
  const text = clip(typeof turns[last]!.text === 'string' ? turns[last]!.text : '');
  if (!text.trim()) return [];
  const answeredBefore = turns.slice(0, last).some((t) => t.role === 'ai' && (t.articleId || t.action === 'answer'));
  const earlier = answeredBefore
    ? turns.slice(0, last).filter((t) => t.role === 'customer' && typeof t.text === 'string' && t.text.trim()).map((t) => clip(t.text))
    : [];
  let sure = false;
  if (ctx.answerer && !answeredBefore) {
    const lexical = ctx.answerer.answer(text);
    sure = lexical.articleId !== null && lexical.confidence >= CASCADE_SURE;
  }
  return sure ? [] : [...new Set([text, ...earlier])];
}

/**
 * Articles that exist to put the customer through to a person: `purpose: handoff` in the front
 * matter, or most of whose example questions are themselves requests for a person.
 */
function findHandoffArticles(answerer: Answerer): Set<string> {
  const out = new Set<string>();
  for (const a of answerer.articles.values()) {
    if (a.purpose === 'handoff') {
      out.add(a.id);
      continue;
    }
    if (a.questions.length < 4) continue;
    const asks = a.questions.filter((q) => detectHumanRequest(q) !== null).length;
    if (asks / a.questions.length >= 0.5) out.add(a.id);
  }
  return out;
}

// A person mentioned in order to say they are not wanted: "I don't need a person, just tell me…".
const DECLINES_PERSON =
  /\b(?:don'?t|do not|dont|no|not|never|without)\b[^.!?;]{0,20}?\b(?:need|want|require|looking for|asking for|necessary|need for)?\b[^.!?;]{0,12}?\b(?:persons?|humans?|agents?|someone|somebody|anyone|representatives?|people|operators?|staff)\b/iu;

/**
 * An article is sensitive when its title, or at least `share` of its example questions, fall in a
 * topic. The KB is the business's own data: a "Lost or stolen card" article tells the engine that
 * questions answered by it are security matters, however they are worded.
 */
function classifyArticles(answerer: Answerer, topics: TopicMatcher, share: number, answerWhenAsked: Set<string>): Map<string, TopicMatch[]> {
  const out = new Map<string, TopicMatch[]>();
  // For topics answered when merely asked about, only demands and disputes make an article sensitive:
  // "how long do refunds take?" is a question about refunds, "I want my money back" is a refund claim.
  const counts$ = (text: string) => {
    const asked = requestMood(text) === 'question';
    return uniqueByTopic(topics.match(text)).filter((m) => !(asked && answerWhenAsked.has(m.topicId)));
  };
  for (const article of answerer.articles.values()) {
    const counts = new Map<string, { match: TopicMatch; n: number }>();
    for (const q of article.questions) {
      for (const m of counts$(q)) {
        const c = counts.get(m.topicId);
        if (c) c.n++;
        else counts.set(m.topicId, { match: m, n: 1 });
      }
    }
    const titleHits = counts$(article.title);
    const fromTitle = new Set(titleHits.map((m) => m.topicId));
    const hits: TopicMatch[] = [];
    for (const { match, n } of counts.values()) {
      if (fromTitle.has(match.topicId) || (article.questions.length > 0 && n / article.questions.length >= share)) hits.push(match);
    }
    for (const m of titleHits) if (!hits.some((h) => h.topicId === m.topicId)) hits.push(m);
    if (hits.length) out.set(article.id, hits);
  }
  return out;
}

function uniqueByTopic(matches: TopicMatch[]): TopicMatch[] {
  const seen = new Set<string>();
  return matches.filter((m) => (seen.has(m.topicId) ? false : (seen.add(m.topicId), true)));
}

function clip(text: string): string {
  return clipMiddle(text, MAX_ANALYSED_CHARS);
}

function quote(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return `"${clipText(t, max)}"`;
}

/** A greeting and nothing else: the assistant greets back and asks what it can do, it does not decline. */
const GREETING = /^\s*(?:hi|hello|hey|hiya|howdy|good (?:morning|afternoon|evening|day)|greetings|hola|bonjour|hallo|ciao)(?:\s+(?:there|team|all|again))?[\s!.,:)]*$/i;

const CLOSING = /^\s*(?:thanks?|thank you|thx|ty|great|perfect|ok(?:ay)?|got it|that (?:helps|helped|worked)|cheers|bye|awesome|cool)\b[\s\S]{0,40}$/i;

/** Everything the triggers read and write while one decision is taken. */
interface DecideState {
  turns: Turn[];
  /** Index of the last customer turn: the message being decided. */
  last: number;
  text: string;
  vectorOf: (i: number) => Float32Array | undefined;
  sentimentTrend: SentimentTrend;
  signals: DecisionSignals;
  reasons: Reason[];
  /** The offer-of-a-choice reply, when the message answers one. */
  choice: OfferReply | null;
  /** The text answered from: the message, or the question an accepted offer was about. */
  question: string;
  answer: AnswerResult | undefined;
  confident: boolean;
  /** A plain question about a subject, which the KB answers: trigger words "answered when asked" stay quiet. */
  askedAndAnswered: boolean;
  messageTopics: TopicMatch[];
  articleTopicHits: TopicMatch[];
  keywordHits: KeywordMatch[];
  sensitive: boolean;
  simpleFaq: boolean;
  human: HumanRequest | null;
}

/** Records a reason once per code and message. */
function addReason(s: DecideState, code: ReasonCode, detail: string, messageIndex = s.last): void {
  if (!s.reasons.some((r) => r.code === code && r.messageIndex === messageIndex)) s.reasons.push({ code, detail, messageIndex });
}

/**
 * The decision at the last customer message: the signals are read once, each trigger of the
 * policy adds its reasons in turn, and the action follows from them (DESIGN §3).
 */
function decide(ctx: DecideContext, conversation: Conversation, vectors?: VectorLookup): Decision {
  const turns: Turn[] = conversation.turns.map((t) => ({ ...t, text: clip(typeof t.text === 'string' ? t.text : '') }));
  const last = findLastIndex(turns, (t) => t.role === 'customer');
  const vectorOf = (i: number): Float32Array | undefined => (ctx.semantic && vectors ? safeVector(vectors, turns[i]!.text) : undefined);
  const sentimentTrend = withSemanticFrustration(ctx, assessSentiment(turns), turns, vectorOf);
  const sentiment = { label: sentimentTrend.label, score: round(sentimentTrend.score) };
  const signals: DecisionSignals = {
    entities: [],
    language: 'und',
    sentimentTrend: sentimentTrend.turns.map((t) => ({ label: t.label, score: round(t.score) })),
    sentimentDirection: sentimentTrend.direction,
    topics: [],
    keywords: [],
    attempts: [],
    outOfScope: false,
  };
  if (last < 0) return { action: 'clarify', reasons: [], priority: 'low', confidence: 0, sentiment, signals };

  const s = readSignals(ctx, turns, last, vectorOf, sentimentTrend, signals);
  applyTopics(ctx, s);
  applyKeywords(ctx, s);
  applySentiment(ctx, s);
  applyRepetition(ctx, s);
  applyAmount(ctx, s);
  applyHighIntent(ctx, s);
  let action = applyCustomerRequest(ctx, s, conversation);
  if (!action && s.reasons.length > 0) action = 'escalate';
  const vip = isVip(ctx, conversation);
  if (vip && ctx.policy.tier.enabled && (action === 'escalate' || !s.simpleFaq)) {
    addReason(s, 'vip', `${conversation.customer?.tier} customer`);
    action = 'escalate';
  }
  const greeting = !action && s.reasons.length === 0 && GREETING.test(s.text);
  if (greeting) action = 'clarify';
  action ??= applyConfidence(ctx, s);

  const escalated = action === 'escalate';
  const priority = escalated ? computePriority(s.reasons, ctx.policy, { frustratedStreak: sentimentTrend.frustratedStreak, label: sentimentTrend.label }, vip) : 'low';
  const ordered = escalated ? sortReasons(s.reasons, ctx.policy) : s.reasons;
  const decision: Decision = { action, reasons: ordered, priority, confidence: s.answer ? round(s.answer.confidence) : 0, sentiment, signals };
  if (s.answer?.articleId && (action === 'answer' || s.answer.confidence >= 0.3)) decision.articleId = s.answer.articleId;
  if (action === 'offer_choice') decision.quickReplies = choiceButtons(signals.language);
  const intent = greeting ? 'greeting' : (decision.articleId ?? signals.topics[0] ?? (s.human ? 'human' : undefined));
  if (intent) decision.intent = intent;
  return decision;
}

/** From this language-detection confidence, a message in another language than English is answered without the encoder. */
const FOREIGN_LANGUAGE_CONFIDENCE = 0.8;

/** Entities, attempts, language and mood; the reply to an offer; the answer. */
function readSignals(
  ctx: DecideContext,
  turns: Turn[],
  last: number,
  vectorOf: (i: number) => Float32Array | undefined,
  sentimentTrend: SentimentTrend,
  signals: DecisionSignals,
): DecideState {
  const text = turns[last]!.text;
  const language = detectLanguage(text);
  signals.language = language.code;
  // The encoder knows English only: the vector of a message plainly in another language is noise,
  // and would match it to articles it has nothing to do with.
  const foreign = language.code !== 'en' && language.code !== 'und' && language.confidence >= FOREIGN_LANGUAGE_CONFIDENCE;
  const vector = foreign ? undefined : vectorOf(last);
  if (vector) signals.semantic = true;
  turns.forEach((t, i) => {
    if (t.role === 'customer') for (const e of extractEntities(t.text)) signals.entities.push({ ...e, messageIndex: i });
    if (t.role === 'ai' && t.articleId && i < last) signals.attempts.push({ articleId: t.articleId, messageIndex: i, failed: t.failed === true });
  });
  signals.mood = requestMood(text);
  const s: DecideState = {
    turns,
    last,
    text,
    vectorOf,
    sentimentTrend,
    signals,
    reasons: [],
    choice: null,
    question: text,
    answer: undefined,
    confident: false,
    askedAndAnswered: false,
    messageTopics: [],
    articleTopicHits: [],
    keywordHits: [],
    sensitive: false,
    simpleFaq: false,
    human: null,
  };
  // The answer to an offer of a choice: the customer picks a person, or lets the assistant go on
  // with the question that led to the offer.
  s.choice = readOfferReply(turns, last, signals.language);
  let questionVector = vector;
  if (s.choice?.pick === 'self_serve') {
    s.question = turns[s.choice.questionIndex]!.text;
    questionVector = vectorOf(s.choice.questionIndex);
  }
  if (ctx.answerer) {
    try {
      s.answer = ctx.answerer.answer(s.question, questionVector);
    } catch (err) {
      addReason(s, 'ai_error', `the assistant failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  s.confident = s.answer !== undefined && s.answer.articleId !== null && s.answer.confidence >= ctx.policy.confidence.threshold;
  signals.outOfScope = s.answer?.outOfScope ?? false;
  s.askedAndAnswered = signals.mood === 'question' && s.confident;
  return s;
}

/** Sensitive topics, from the words used and from the article the question matches. */
function applyTopics(ctx: DecideContext, s: DecideState): void {
  const { policy } = ctx;
  const answer = s.answer;
  if (policy.topics.enabled && answer?.articleId && answer.confidence >= policy.topics.articleTopicConfidence) {
    s.articleTopicHits = ctx.articleTopics.get(answer.articleId) ?? [];
  }
  s.messageTopics = (policy.topics.enabled ? uniqueByTopic(ctx.topics.match(s.question)) : []).filter(
    (m) => !(s.askedAndAnswered && ctx.answerWhenAsked.has(m.topicId) && !s.articleTopicHits.some((h) => h.topicId === m.topicId)),
  );
  for (const m of s.messageTopics) addReason(s, m.reason as ReasonCode, `${m.label.toLowerCase()}: ${quote(m.evidence)}`);
  for (const m of s.articleTopicHits) {
    const title = ctx.answerer?.articles.get(answer!.articleId!)?.title ?? answer!.articleId!;
    addReason(s, m.reason as ReasonCode, `${m.label.toLowerCase()}: the question matches the article "${title}"`);
  }
  s.signals.topics = uniqueByTopic([...s.messageTopics, ...s.articleTopicHits]).map((m) => m.topicId);
  s.sensitive = s.signals.topics.length > 0;
  // A confident answer from an ordinary article, with no sensitive topic: the "simple FAQ" of DESIGN §3.
  s.simpleFaq = s.confident && !s.sensitive;
}

/**
 * Keywords: a word from the list escalates, except inside a simple FAQ ("what is your refund
 * policy?") and, for words answered when asked, inside a plain question the KB answers.
 */
function applyKeywords(ctx: DecideContext, s: DecideState): void {
  const all = ctx.policy.keywords.enabled ? ctx.keywords.match(s.question) : [];
  s.signals.keywords = [...new Set(all.map((k) => k.keyword))];
  s.keywordHits = all.filter((k) => !(s.askedAndAnswered && ctx.keywordsAnswerWhenAsked.has(k.keyword.toLowerCase()) && s.articleTopicHits.length === 0));
  const firing = [...new Set(s.keywordHits.map((k) => k.keyword))];
  if (firing.length && !s.simpleFaq) addReason(s, 'keyword', `keyword ${firing.map((k) => `"${k}"`).join(', ')}`);
}

/** Frustration and anger: upset at once, frustrated for some turns, or earlier on a risky topic. */
function applySentiment(ctx: DecideContext, s: DecideState): void {
  const p = ctx.policy.sentiment;
  if (!p.enabled) return;
  const trend = s.sentimentTrend;
  if (p.escalateWhenUpset && trend.label === 'upset') addReason(s, 'negative_sentiment', `the customer is upset: ${quote(s.text)}`);
  else if (trend.frustratedStreak >= p.frustratedTurns) addReason(s, 'negative_sentiment', `frustrated for ${trend.frustratedStreak} turns in a row`);
  else if (p.earlierWithRiskyTopic && trend.label === 'frustrated' && (s.sensitive || s.keywordHits.length > 0)) {
    addReason(s, 'negative_sentiment', 'frustrated, on a sensitive topic');
  }
}

/** Repetition: the same question again, or answers that keep failing. */
function applyRepetition(ctx: DecideContext, s: DecideState): void {
  if (!ctx.policy.repetition.enabled || s.choice) return;
  const repeat = findRepeat(ctx, s.turns, s.last, s.answer, s.signals.attempts, s.vectorOf);
  if (repeat) addReason(s, 'repeated_question', repeat.detail, repeat.messageIndex);
}

/** Refunds and disputes over the threshold. */
function applyAmount(ctx: DecideContext, s: DecideState): void {
  const p = ctx.policy.amount;
  if (!p.enabled) return;
  const moneyContext =
    [...s.messageTopics, ...s.articleTopicHits].some((m) => m.reason === 'billing' || m.reason === 'security') ||
    s.keywordHits.some((k) => /refund|chargeback|fraud/.test(k.keyword));
  const big = s.signals.entities.filter((e) => e.kind === 'amount' && (e.amount ?? 0) > p.threshold);
  const biggest = big.sort((a, b) => (b.amount ?? 0) - (a.amount ?? 0))[0];
  if (moneyContext && biggest) addReason(s, 'high_value', `${biggest.text} is over the ${p.threshold} threshold`, biggest.messageIndex);
}

/** Sales: a demo, an enterprise purchase, or a pricing question the KB cannot answer. */
function applyHighIntent(ctx: DecideContext, s: DecideState): void {
  if (!ctx.policy.highIntent.enabled) return;
  const hi = detectHighIntent(s.text);
  if (hi && (hi.kind !== 'pricing' || !s.confident)) {
    addReason(s, 'high_intent', `${hi.kind}: ${quote(hi.evidence)}`);
    s.signals.queue = ctx.policy.highIntent.queue;
  }
}

/**
 * An explicit request for a person: the rules in the customer's language, then the encoder's
 * second opinion, then a confident match to an article whose purpose is to reach a person. On a
 * simple topic the policy may offer a choice first; a second request always escalates.
 */
function applyCustomerRequest(ctx: DecideContext, s: DecideState, conversation: Conversation): DecisionAction | undefined {
  if (!ctx.policy.customerRequest.enabled) return undefined;
  s.human = s.choice ? choiceAsRequest(s.choice) : findHumanRequest(ctx, s.text, s.signals.language, s.vectorOf(s.last), s.answer, s.confident);
  if (!s.human) return undefined;
  const before = s.turns.slice(0, s.last);
  const earlier = before.filter((t) => t.role === 'customer' && detectHumanRequest(t.text) !== null).length;
  const offeredBefore = before.some((t) => t.role === 'ai' && t.action === 'offer_choice');
  const simpleTopic = s.reasons.length === 0 && !s.sensitive && (s.confident || s.signals.attempts.length > 0);
  if (ctx.policy.customerRequest.offerChoiceForSimple && earlier === 0 && !offeredBefore && simpleTopic && !isVip(ctx, conversation)) {
    addReason(s, 'customer_request', `asked for a person: ${quote(s.human.phrase)}; offered a choice first, as the topic is simple`);
    return 'offer_choice';
  }
  addReason(s, 'customer_request', earlier > 0 || offeredBefore ? `asked for a person again: ${quote(s.human.phrase)}` : `asked for a person: ${quote(s.human.phrase)}`);
  return undefined;
}

/** No trigger fired: answer when confident, decline what is plainly outside the business, else clarify once, then escalate. */
function applyConfidence(ctx: DecideContext, s: DecideState): DecisionAction {
  const { policy } = ctx;
  const answer = s.answer;
  if (s.confident && answer?.articleId) return 'answer';
  if (!policy.confidence.enabled) return answer?.articleId ? 'answer' : 'clarify';
  const conf = below(answer?.confidence ?? 0, policy.confidence.threshold);
  if (answer?.outOfScope && policy.confidence.declineOutOfScope) {
    addReason(s, 'out_of_scope', `outside what this assistant knows (confidence ${conf})`);
    return 'decline';
  }
  const clarified = countClarifications(s.turns, s.last);
  if (clarified < policy.confidence.clarifyTimes) {
    addReason(s, 'low_confidence', `confidence ${conf} is below ${policy.confidence.threshold}; asking a clarifying question`);
    return 'clarify';
  }
  addReason(s, 'low_confidence', `confidence ${conf} is below ${policy.confidence.threshold} after ${clarified} clarifying question${clarified === 1 ? '' : 's'}`);
  return 'escalate';
}

function safeVector(vectors: VectorLookup, text: string): Float32Array | undefined {
  try {
    const v = vectors(text);
    return v instanceof Float32Array && v.length > 0 ? v : undefined;
  } catch {
    return undefined;
  }
}

/** The rules first; the encoder only for English (its only language); the handoff article last. */
function findHumanRequest(
  ctx: DecideContext,
  text: string,
  language: string,
  vector: Float32Array | undefined,
  answer: AnswerResult | undefined,
  confident: boolean,
): HumanRequest | null {
  const rule = detectHumanRequest(text, language === 'und' ? undefined : language);
  if (rule) return rule;
  // A closing ("Thanks, customer service.") sits near requests in the encoder's space, but asks for nothing.
  if (DECLINES_PERSON.test(text) || CLOSING.test(text)) return null;
  if (vector && ctx.semantic && (language === 'en' || language === 'und') && ctx.semantic.asksForHuman(vector)) {
    return { phrase: text, kind: 'implicit' };
  }
  if (confident && answer?.articleId && ctx.handoffArticles.has(answer.articleId)) {
    const title = ctx.answerer?.articles.get(answer.articleId)?.title ?? answer.articleId;
    return { phrase: `${text}" (matches the article "${title}`, kind: 'explicit' };
  }
  return null;
}

const SEMANTIC_FRUSTRATION_MIN_WORDS = 5;

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/**
 * A sentiment trend with the encoder's second opinion: a customer turn the lexicon calls neutral
 * or positive but that reads like a complaint is counted as frustrated. Only turns the cascade
 * embedded are looked at, and the opinion never makes anyone "upset".
 */
function withSemanticFrustration(
  ctx: DecideContext,
  trend: SentimentTrend,
  turns: Turn[],
  vectorOf: (i: number) => Float32Array | undefined,
): SentimentTrend {
  if (!ctx.semantic) return trend;
  const customerIdx = turns.map((t, i) => (t.role === 'customer' ? i : -1)).filter((i) => i >= 0);
  if (customerIdx.length !== trend.turns.length) return trend;
  let changed = false;
  const labels = trend.turns.map((t, k) => {
    if (t.label === 'frustrated' || t.label === 'upset') return t;
    const v = vectorOf(customerIdx[k]!);
    // Short replies ("idk", "hell nah", "quit talking") sit close to everything terse in the
    // encoder's space; a complaint needs a few words to be told from them.
    if (v && wordCount(turns[customerIdx[k]!]!.text) >= SEMANTIC_FRUSTRATION_MIN_WORDS && ctx.semantic!.soundsFrustrated(v)) {
      changed = true;
      return { ...t, label: 'frustrated' as const };
    }
    return t;
  });
  if (!changed) return trend;
  let streak = 0;
  for (let k = labels.length - 1; k >= 0 && (labels[k]!.label === 'frustrated' || labels[k]!.label === 'upset'); k--) streak++;
  const lastLabel = labels.at(-1)!.label;
  return { ...trend, turns: labels, label: lastLabel, frustratedStreak: streak };
}

function isVip(ctx: DecideContext, conversation: Conversation): boolean {
  const tier = conversation.customer?.tier;
  return ctx.policy.tier.enabled && typeof tier === 'string' && ctx.tiers.has(tier.toLowerCase());
}

/** Clarifying questions since the last answer: "clarify once, then escalate". */
export function countClarifications(turns: Turn[], last: number): number {
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
  vectorOf: (i: number) => Float32Array | undefined,
): { detail: string; messageIndex: number } | null {
  const { askedTimes, failedAttempts, similarity } = ctx.policy.repetition;
  const text = turns[last]!.text;
  if (CLOSING.test(text)) return null;

  let failedRun = 0;
  for (let i = attempts.length - 1; i >= 0 && attempts[i]!.failed; i--) failedRun++;
  if (failedRun >= failedAttempts) return { detail: `${failedRun} failed attempts in a row`, messageIndex: last };

  // The same need in other words: the lexical similarity, or the encoder's when both turns were embedded.
  const similar: number[] = [];
  const v = vectorOf(last);
  const sameMeaning = ctx.semantic?.thresholds.sameQuestion ?? 1;
  for (let i = 0; i < last; i++) {
    const t = turns[i]!;
    if (t.role !== 'customer') continue;
    const u = v ? vectorOf(i) : undefined;
    if (questionSimilarity(text, t.text) >= similarity || (v && u && cosine(v, u) >= sameMeaning)) similar.push(i);
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
