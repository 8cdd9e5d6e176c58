import type { KbArticle } from './kb.js';
import { answerTokens, DEFAULT_FEATURE_WEIGHTS, Vocabulary } from './features.js';
import type { FeatureWeights, SparseVector } from './features.js';
import { DEFAULT_SOFTMAX_OPTIONS, predictSoftmax, seededRandom, trainSoftmax } from './softmax.js';
import type { SoftmaxModel, SoftmaxOptions } from './softmax.js';
import { WordSpace } from './word-space.js';
import { SpellFixer } from './spelling.js';
import { calibrate, fitCalibrator } from './calibration.js';
import type { Calibrator } from './calibration.js';
import { EmbeddingSpace } from './embedding-space.js';

/** One ranked article; `score` is the model's share of belief, not a calibrated probability. */
export interface AnswerCandidate {
  articleId: string;
  score: number;
}

/** What the answerer thinks of one customer message. */
export interface AnswerResult {
  /** Best article, null only when the KB is empty. */
  articleId: string | null;
  /** Calibrated P(best article is the right answer), in [0,1]. */
  confidence: number;
  /** Top 3, best first. */
  candidates: AnswerCandidate[];
  /** The question looks unrelated to anything in the KB (the business), not merely ambiguous. */
  outOfScope: boolean;
  /** With a sentence vector: the cosine to the nearest example of any article. */
  nearestMeaning?: number;
  /** With a sentence vector: whether words and meaning chose the same article, and the three articles nearest in meaning. */
  meaning?: { agree: boolean; nearest: string[] };
}

/** Which scorer ranks the articles. */
export type AnswererApproach = 'softmax' | 'neighbours' | 'ensemble';

/** Tuning knobs; every one has a default measured on the sample KBs. */
export interface AnswererOptions {
  approach?: AnswererApproach;
  features?: Partial<FeatureWeights>;
  softmax?: Partial<SoftmaxOptions>;
  /** Folds the questions are split into for the out-of-fold calibration. */
  folds?: number;
  /** How many of those folds are actually held out (each costs one training run). */
  foldsRun?: number;
  /** Sharpness of the neighbour scores when turned into a distribution. */
  neighbourTemperature?: number;
  /** Share of the neighbour distribution in the ensemble. */
  neighbourShare?: number;
  seed?: number;
  /** Share of the articles each calibration fold hides, to stand in for out-of-scope questions. */
  hiddenShare?: number;
  /** Assumed share of out-of-scope traffic; sets how cautious the calibration is. */
  outOfScopePrior?: number;
  /** Correct one-edit typos to words the KB knows. */
  spelling?: boolean;
  /** Word-level cosine to the nearest example below which a message counts as unrelated. */
  unrelatedBelow?: number;
  /**
   * Sentence vectors of the KB's example texts (see `exampleTexts`), from a sentence encoder.
   * With them, `answer(text, vector)` also ranks by meaning, and has a calibration of its own.
   */
  exampleVectors?: (text: string) => Float32Array | undefined;
  /** Share of the sentence-vector neighbours in the ranking, when a message's vector is given. */
  semanticShare?: number;
  /** Sharpness of the sentence-vector similarities when turned into a distribution. */
  semanticTemperature?: number;
  /**
   * Cosine to the nearest example below which a message means nothing the KB covers: it is out of
   * scope, whatever the words share. In-scope questions sit above ~0.65 on the sample KBs.
   */
  semanticFloor?: number;
  /** Share, within the sentence-vector part, of a classifier trained on the examples' vectors (the rest is nearest examples). */
  semanticClassifierShare?: number;
  /** Scale of the sentence vectors as the classifier's input. */
  semanticScale?: number;
  /** Passes of the sentence-vector classifier over the examples. */
  semanticEpochs?: number;
  /** Assumed share of out-of-scope traffic for the calibration with sentence vectors. */
  semanticOutOfScopePrior?: number;
  /** When words and meaning choose different articles and the words' confidence is below this… */
  disagreeBelow?: number;
  /** …the meaning must come at least this close to an example… */
  disagreeNear?: number;
  /** …or the confidence is capped here (below the usual threshold: a clarifying question). */
  disagreeCap?: number;
}

/** The texts an answerer learns from, per article: its title, then its example questions. */
export function exampleTexts(articles: readonly KbArticle[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const a of articles) {
    if (seen.has(a.id)) continue;
    seen.add(a.id);
    out.push(a.title, ...a.questions);
  }
  return out;
}

/** The engine the policy consults. Pure and deterministic. */
export interface Answerer {
  readonly articles: ReadonlyMap<string, KbArticle>;
  /** True when it was built with sentence vectors, so a message's vector sharpens its answer. */
  readonly semantic: boolean;
  /**
   * The answer to one message. With the message's sentence `vector` (from the same encoder as the
   * KB's), the ranking also weighs meaning and a calibration fitted for that is used.
   */
  answer(text: string, vector?: Float32Array): AnswerResult;
}

interface Scorer {
  readonly vocab: Vocabulary;
  readonly model: SoftmaxModel | null;
  readonly words: WordSpace;
  /** 1 for each classifier feature present in this scorer's training data. */
  readonly seen: Uint8Array;
  /** The training examples' sentence vectors, when the KB was embedded. */
  readonly emb: EmbeddingSpace | null;
  /** A classifier over the sentence vectors, when the KB was embedded. */
  readonly semModel: SoftmaxModel | null;
}

interface Settings {
  approach: AnswererApproach;
  weights: FeatureWeights;
  softmax: SoftmaxOptions;
  folds: number;
  temperature: number;
  share: number;
  seed: number;
  hiddenShare: number;
  outOfScopePrior: number;
  spelling: boolean;
  foldsRun: number;
  unrelatedBelow: number;
  semanticShare: number;
  semanticTemperature: number;
  semanticFloor: number;
  semanticClassifierShare: number;
  semanticScale: number;
  semanticEpochs: number;
  semanticOutOfScopePrior: number;
  disagreeBelow: number;
  disagreeNear: number;
  disagreeCap: number;
}

/** Raw evidence for one message, before calibration. */
export interface AnswerSignals {
  /** Per-class belief of the chosen approach (sums to 1). */
  scores: Float64Array;
  top: number;
  second: number;
  /** Largest raw logit of the classifier: how much evidence there was at all. */
  maxLogit: number;
  /** Best cosine to any example of the top class. */
  topSimilarity: number;
  /** Best cosine to any example at all. */
  bestSimilarity: number;
  /** Share of the message's feature mass never seen in the KB. */
  unseenMass: number;
  /** Share of the message's words never seen in the KB. */
  unknownWords: number;
  /** Share of the message's IDF mass made of words the top article was ever asked with. */
  coverage: number;
  words: number;
  /** With a sentence vector: best cosine to any example, to the top article's, and the top two articles' gap. */
  semantic?: { best: number; top: number; margin: number; agree: number; nearest: number[] };
}

function computeSignals(s: Scorer, settings: Settings, tokens: string[], classes: number, vector?: Float32Array): AnswerSignals {
  const x = s.vocab.vectorize(tokens, settings.weights);
  let unseenMass = x.unseenMass;
  for (let i = 0; i < x.index.length; i++) if (!s.seen[x.index[i] as number]) unseenMass += (x.value[i] as number) ** 2;
  const wq = s.words.query(tokens);
  const sims = wq.similarity;
  let scores: Float64Array;
  let maxLogit = 0;
  const nn = new Float64Array(classes);
  if (settings.approach !== 'softmax') {
    let max = -Infinity;
    for (let c = 0; c < classes; c++) max = Math.max(max, sims[c] as number);
    let sum = 0;
    for (let c = 0; c < classes; c++) {
      const e = Math.exp(settings.temperature * ((sims[c] as number) - max));
      nn[c] = e;
      sum += e;
    }
    for (let c = 0; c < classes; c++) nn[c] = (nn[c] as number) / sum;
  }
  if (settings.approach === 'neighbours' || !s.model) {
    scores = nn;
    maxLogit = settings.temperature * wq.bestSimilarity;
  } else {
    scores = new Float64Array(classes);
    maxLogit = predictSoftmax(s.model, x, scores);
    if (settings.approach === 'ensemble') {
      const a = settings.share;
      for (let c = 0; c < classes; c++) scores[c] = (1 - a) * (scores[c] as number) + a * (nn[c] as number);
    }
  }
  let semantic: AnswerSignals['semantic'];
  if (vector && s.emb) {
    const lexicalTop = argmax(scores);
    const esim = new Float64Array(classes);
    const best = s.emb.similarities(vector, esim);
    const dist = new Float64Array(classes);
    let sum = 0;
    for (let c = 0; c < classes; c++) {
      const e = (esim[c] as number) < -0.5 ? 0 : Math.exp(settings.semanticTemperature * ((esim[c] as number) - best));
      dist[c] = e;
      sum += e;
    }
    const a = settings.semanticShare;
    const k = s.semModel ? settings.semanticClassifierShare : 0;
    const sm = new Float64Array(classes);
    if (s.semModel) predictSoftmax(s.semModel, denseVector(vector, settings.semanticScale), sm);
    for (let c = 0; c < classes; c++) {
      scores[c] = (1 - a) * (scores[c] as number) + a * ((1 - k) * ((dist[c] as number) / (sum || 1)) + k * (sm[c] as number));
    }
    let first = -1;
    let second = -1;
    for (let c = 0; c < classes; c++) {
      const v = esim[c] as number;
      if (v > first) {
        second = first;
        first = v;
      } else if (v > second) second = v;
    }
    const chosen = argmax(scores);
    // Words and meaning pointing at the same article is the strongest sign the answer is right.
    semantic = { best, top: esim[chosen] as number, margin: first - Math.max(second, 0), agree: lexicalTop === argmax(esim) ? 1 : 0, nearest: topThree(esim) };
  }
  let top = 0;
  let second = -1;
  for (let c = 1; c < classes; c++) {
    if ((scores[c] as number) > (scores[top] as number)) {
      second = top;
      top = c;
    } else if (second < 0 || (scores[c] as number) > (scores[second] as number)) second = c;
  }
  return {
    scores,
    top,
    second,
    maxLogit,
    topSimilarity: sims[top] as number,
    bestSimilarity: wq.bestSimilarity,
    unseenMass,
    unknownWords: wq.unknownShare,
    coverage: s.words.coverage(wq, top),
    words: tokens.length,
    ...(semantic ? { semantic } : {}),
  };
}

function argmax(values: Float64Array): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if ((values[i] as number) > (values[best] as number)) best = i;
  return best;
}

/** The calibrators' inputs. Kept small so that a few hundred KB questions fit them reliably. */
export function signalRow(sig: AnswerSignals): number[] {
  const p1 = Math.min(Math.max(sig.scores[sig.top] as number, 1e-6), 1 - 1e-6);
  const p2 = Math.max(sig.second >= 0 ? (sig.scores[sig.second] as number) : 0, 1e-6);
  return [
    Math.log(p1 / (1 - p1)),
    Math.log(p1 / p2),
    sig.maxLogit,
    sig.topSimilarity,
    sig.bestSimilarity,
    sig.unseenMass,
    sig.unknownWords,
    sig.coverage,
    ...(sig.semantic ? [sig.semantic.best, sig.semantic.top, sig.semantic.margin, sig.semantic.agree] : []),
  ];
}

function buildScorer(
  settings: Settings,
  vocab: Vocabulary,
  vectors: readonly SparseVector[],
  labels: readonly number[],
  tokens: readonly string[][],
  classes: number,
  seed: number,
  emb: EmbeddingSpace | null,
): Scorer {
  const words = new WordSpace(tokens, labels, classes);
  const seen = new Uint8Array(vocab.size);
  for (const v of vectors) for (let i = 0; i < v.index.length; i++) seen[v.index[i] as number] = 1;
  const model =
    settings.approach === 'neighbours'
      ? null
      : trainSoftmax(vectors, labels, classes, vocab.size, settings.softmax, seed);
  const semModel =
    emb && settings.semanticClassifierShare > 0
      ? trainSoftmax(
          emb.rows().map((v) => denseVector(v, settings.semanticScale)),
          emb.rowLabels(),
          classes,
          emb.dimensions,
          { ...settings.softmax, epochs: settings.semanticEpochs },
          seed + 17,
        )
      : null;
  return { vocab, model, words, seen, emb, semModel };
}

/** A sentence vector as the classifier's input: every dimension a feature, scaled up from unit length. */
function denseVector(v: Float32Array, scale: number): SparseVector {
  const index = new Int32Array(v.length);
  const value = new Float32Array(v.length);
  for (let i = 0; i < v.length; i++) {
    index[i] = i;
    value[i] = (v[i] as number) * scale;
  }
  return { index, value, unseenMass: 0 };
}

/**
 * Builds the answerer from the KB alone. A classifier is trained on the example questions. The
 * confidence is calibrated on out-of-fold predictions over those same questions, with a twist:
 * each fold also hides a few whole articles, so the questions of those articles play the part of
 * out-of-scope traffic. The calibration thus learns what "nothing in this KB fits" looks like
 * from the KB itself, and a confidence of 0.6 means "right about 60% of the time" on this KB.
 */
export function buildAnswerer(articles: KbArticle[], options: AnswererOptions = {}): Answerer {
  const settings: Settings = {
    approach: options.approach ?? 'ensemble',
    weights: { ...DEFAULT_FEATURE_WEIGHTS, ...options.features },
    softmax: { ...DEFAULT_SOFTMAX_OPTIONS, ...options.softmax },
    folds: Math.max(2, options.folds ?? 8),
    foldsRun: Math.max(1, options.foldsRun ?? 3),
    temperature: options.neighbourTemperature ?? 10,
    share: options.neighbourShare ?? 0.2,
    seed: options.seed ?? 1,
    hiddenShare: options.hiddenShare ?? 0.12,
    outOfScopePrior: options.outOfScopePrior ?? 0.02,
    spelling: options.spelling ?? true,
    unrelatedBelow: options.unrelatedBelow ?? 0.2,
    semanticShare: options.semanticShare ?? 0.5,
    semanticTemperature: options.semanticTemperature ?? 20,
    semanticFloor: options.semanticFloor ?? 0.6,
    semanticClassifierShare: options.semanticClassifierShare ?? 0.5,
    semanticScale: options.semanticScale ?? 2,
    semanticEpochs: options.semanticEpochs ?? 8,
    semanticOutOfScopePrior: options.semanticOutOfScopePrior ?? 0.01,
    disagreeBelow: options.disagreeBelow ?? 0.5,
    disagreeNear: options.disagreeNear ?? 0.8,
    disagreeCap: options.disagreeCap ?? 0.55,
  };
  const byId = new Map<string, KbArticle>();
  for (const a of articles) if (!byId.has(a.id)) byId.set(a.id, a);
  const ids = [...byId.keys()];
  const classes = ids.length;

  const tokens: string[][] = [];
  const labels: number[] = [];
  const fold: number[] = [];
  ids.forEach((id, c) => {
    const a = byId.get(id) as KbArticle;
    [a.title, ...a.questions].forEach((q, i) => {
      tokens.push(answerTokens(q));
      labels.push(c);
      // The title (i = 0) is always trained on; it is never held out.
      fold.push(i === 0 ? -1 : i % settings.folds);
    });
  });
  // Sentence vectors of every example, or none at all: a half-embedded KB would skew the ranking.
  const texts: string[] = [];
  ids.forEach((id) => {
    const a = byId.get(id) as KbArticle;
    texts.push(a.title, ...a.questions);
  });
  const exampleVectors = options.exampleVectors ? texts.map((t) => options.exampleVectors!(t)) : [];
  const dims = exampleVectors[0]?.length ?? 0;
  const embAll =
    dims > 0 && exampleVectors.length === texts.length && exampleVectors.every((v) => v !== undefined && v.length === dims)
      ? new EmbeddingSpace(exampleVectors as Float32Array[], labels, classes, dims)
      : null;
  const fixer = new SpellFixer(settings.spelling ? tokens.flat() : []);
  const vocab = new Vocabulary();
  const vectors = tokens.map((t) => vocab.vectorize(t, settings.weights));
  vocab.freeze();

  // Which articles each fold hides entirely: a seeded shuffle dealt round-robin.
  const rand = seededRandom(settings.seed * 7919);
  const shuffled = Array.from(ids.keys());
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j] as number, shuffled[i] as number];
  }
  const perFold = classes >= 4 ? Math.max(1, Math.round(classes * settings.hiddenShare)) : 0;

  let calibrator: Calibrator = { bias: -5, weights: [] };
  let scopeModel: Calibrator | null = null;
  let semanticCalibrator: Calibrator | null = null;
  let semanticScope: Calibrator | null = null;
  if (classes >= 2) {
    const rows: number[][] = [];
    const semRows: number[][] = [];
    const semRight: number[] = [];
    const right: number[] = [];
    const foreign: number[] = [];
    for (let f = 0; f < Math.min(settings.folds, settings.foldsRun); f++) {
      const hidden = new Set(shuffled.slice(f * perFold, (f + 1) * perFold));
      const train: number[] = [];
      const test: number[] = [];
      fold.forEach((k, i) => {
        if (hidden.has(labels[i] as number)) {
          if (k >= 0) test.push(i);
        } else (k === f ? test : train).push(i);
      });
      if (test.length === 0) continue;
      const scorer = buildScorer(
        settings,
        vocab,
        train.map((i) => vectors[i] as SparseVector),
        train.map((i) => labels[i] as number),
        train.map((i) => tokens[i] as string[]),
        classes,
        settings.seed + f + 1,
        embAll ? embAll.subset(train) : null,
      );
      for (const i of test) {
        const sig = computeSignals(scorer, settings, tokens[i] as string[], classes);
        rows.push(signalRow(sig));
        right.push(sig.top === labels[i] ? 1 : 0);
        foreign.push(hidden.has(labels[i] as number) ? 1 : 0);
        if (embAll) {
          const sem = computeSignals(scorer, settings, tokens[i] as string[], classes, exampleVectors[i]);
          semRows.push(signalRow(sem));
          semRight.push(sem.top === labels[i] ? 1 : 0);
        }
      }
    }
    if (rows.length > 0) {
      // Re-weight the hidden-article rows so that they make up `outOfScopePrior` of the traffic.
      const nForeign = foreign.reduce((a, b) => a + b, 0);
      const nOwn = rows.length - nForeign;
      const pi = settings.outOfScopePrior;
      const wForeign = nForeign > 0 && nOwn > 0 ? (pi / (1 - pi)) * (nOwn / nForeign) : 1;
      const sw = foreign.map((f) => (f ? wForeign : 1));
      // Few rows (a small KB) get a stronger prior towards "not sure", so the fit cannot run wild.
      const l2 = 1e-3 + 2 / rows.length;
      calibrator = fitCalibrator(rows, right, sw, l2);
      if (nForeign > 0 && nOwn > 0) scopeModel = fitCalibrator(rows, foreign, sw, l2);
      if (semRows.length === rows.length) {
        // Meaning has its own guard against unrelated questions (the floor), so its calibration
        // assumes less out-of-scope traffic than the words' does.
        const ps = settings.semanticOutOfScopePrior;
        const wSem = nForeign > 0 && nOwn > 0 ? (ps / (1 - ps)) * (nOwn / nForeign) : 1;
        const swSem = foreign.map((f) => (f ? wSem : 1));
        semanticCalibrator = fitCalibrator(semRows, semRight, swSem, l2);
        if (nForeign > 0 && nOwn > 0) semanticScope = fitCalibrator(semRows, foreign, swSem, l2);
      }
    }
  }
  const scorer = buildScorer(settings, vocab, vectors, labels, tokens, classes, settings.seed, embAll);
  const lexical: Model = { s: scorer, settings, cal: calibrator, scope: scopeModel, fixer, ids };
  const semantic: Model | null = embAll && (semanticCalibrator || classes === 1) ? { ...lexical, cal: semanticCalibrator ?? calibrator, scope: semanticScope } : null;

  return {
    articles: byId,
    semantic: semantic !== null,
    answer(text: string, vector?: Float32Array): AnswerResult {
      if (!vector || !semantic || vector.length !== embAll?.dimensions) return answerWith(lexical, text);
      const result = answerWith(semantic, text, vector);
      const meaning = result.meaning;
      const near = result.nearestMeaning;
      // The words' own answer is only needed by the two checks below, so it is computed only then.
      let words: AnswerResult | undefined;
      const wordsAnswer = () => (words ??= answerWith(lexical, text));
      // Near the floor, misspelt messages read as far away to the encoder ("deliveies to liverpool");
      // the words, corrected, still find the article. Trust the words then, when they are sure and
      // the meaning at least ranks that article among its nearest.
      if (near !== undefined && near < settings.semanticFloor && near >= settings.semanticFloor - 0.15) {
        const w = wordsAnswer();
        if (w.confidence >= 0.6 && !w.outOfScope && meaning?.nearest.includes(w.articleId ?? '')) return { ...w, nearestMeaning: near };
      }
      // Meaning alone, against words that are unsure and point elsewhere, is how an unrelated
      // question borrows a confident answer; it must come close to an example to stand.
      if (meaning && !meaning.agree && (near ?? 0) < settings.disagreeNear && wordsAnswer().confidence < settings.disagreeBelow) {
        return { ...result, confidence: Math.min(result.confidence, settings.disagreeCap) };
      }
      return result;
    },
  };
}

/** Everything `answer` needs, built once. */
interface Model {
  s: Scorer;
  settings: Settings;
  cal: Calibrator;
  scope: Calibrator | null;
  fixer: SpellFixer;
  ids: string[];
}

function answerWith(m: Model, text: string, vector?: Float32Array): AnswerResult {
  try {
    return answerUnsafe(m, text, vector);
  } catch {
    // Defence in depth: the policy must always get a result, and "not sure" is the safe one.
    return { articleId: m.ids[0] ?? null, confidence: 0, candidates: [], outOfScope: false };
  }
}

function answerUnsafe({ s, settings, cal, scope, fixer, ids }: Model, text: string, vector?: Float32Array): AnswerResult {
  const classes = ids.length;
  if (classes === 0) return { articleId: null, confidence: 0, candidates: [], outOfScope: true };
  const tokens = answerTokens(typeof text === 'string' ? text : '').map((t) => fixer.fix(t));
  const sig = computeSignals(s, settings, tokens, classes, vector);
  const order = topThree(sig.scores);
  const candidates = order.map((c) => ({ articleId: ids[c] as string, score: sig.scores[c] as number }));
  if (tokens.length === 0) return { articleId: ids[sig.top] as string, confidence: 0, candidates, outOfScope: false };
  const row = signalRow(sig);
  const raw = classes === 1 ? sig.topSimilarity : calibrate(cal, row);
  let confidence = Number.isFinite(raw) ? Math.min(1, Math.max(0, raw)) : 0;
  // A message none of whose content words the KB has ever seen is not about this KB, whatever the
  // classifier says: a small KB cannot teach its calibration what "unrelated" looks like.
  const content = tokens.filter((t) => t !== '0' && t.length > 1 && !FUNCTION_WORDS.has(t));
  // Larger KBs learn this in their calibration, from the articles each fold hides.
  let foreign = classes < SMALL_KB && content.length > 0 && !content.some((t) => s.words.knows(t));
  // With the message's meaning at hand, a paraphrase with none of the KB's words is not foreign.
  const meaningClose = sig.semantic !== undefined && sig.semantic.top >= 0.7;
  if (meaningClose) foreign = false;
  if (foreign) confidence = Math.min(confidence, 0.2);
  // Nor is an answer confident when none of the message's content words was ever used to ask for
  // the chosen article: the classifier is then guessing from character shapes and priors.
  const unanchored = content.length > 0 && !content.some((t) => s.words.articleKnows(t, sig.top));
  if (unanchored && classes < SMALL_KB && !meaningClose) confidence = Math.min(confidence, 0.45);
  // Either the KB-trained scope model is sure, or the message shares almost no weighted words with
  // any example question (the model needs hidden articles to learn from, which a tiny KB lacks).
  let outOfScope =
    foreign || (scope !== null && calibrate(scope, row) >= 0.5) || (sig.bestSimilarity < settings.unrelatedBelow && confidence < 0.6);
  // By meaning: nothing in the KB comes close to what the message says.
  if (sig.semantic && sig.semantic.best < settings.semanticFloor) {
    outOfScope = true;
    confidence = Math.min(confidence, 0.4);
  }
  return { articleId: ids[sig.top] as string, confidence, candidates, outOfScope, ...(sig.semantic ? { nearestMeaning: sig.semantic.best, meaning: { agree: sig.semantic.agree === 1, nearest: sig.semantic.nearest.map((c) => ids[c] as string) } } : {}) };
}

/** Below this many articles, the calibration hides too few articles to learn what is out of scope. */
const SMALL_KB = 40;

/** English function words: they say nothing about what a question is about. */
const FUNCTION_WORDS = new Set(
  (
    'a an the and or but if so of to in on at by for with from into onto about as is are was were be been being am do does did ' +
    'have has had having i me my mine we us our you your he him his she her it its they them their this that these those there here ' +
    'what which who whom whose when where why how can could would should will shall may might must not no yes please pls thanks thank ' +
    'hi hello hey ok okay just very really too also any some all more most much many than then now up out over again only own same ' +
    'get got want need like know tell help im ive id dont cant wont isnt doesnt didnt'
  ).split(' '),
);

/** Indices of the three largest scores, best first; ties go to the earlier article. */
function topThree(scores: Float64Array): number[] {
  const best: number[] = [];
  for (let c = 0; c < scores.length; c++) {
    const v = scores[c] as number;
    let at = best.length;
    while (at > 0 && v > (scores[best[at - 1] as number] as number)) at--;
    if (at < 3) {
      best.splice(at, 0, c);
      if (best.length > 3) best.pop();
    }
  }
  return best;
}
