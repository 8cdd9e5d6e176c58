/**
 * The engine with a sentence encoder: the async edge around the pure, synchronous `decide`.
 * The encoder is a port; these functions only ask it for vectors and hand them to the engine.
 * Whenever it fails, the decision is the lexical one, and `onFallback` says why, once a call.
 */
import type { Conversation } from '../conversation.js';
import type { Decision } from '../policy/decision.js';
import type { Engine, EngineOptions, VectorLookup } from '../policy/engine.js';
import { createEngine, engineTexts } from '../policy/engine.js';
import type { SentenceEncoder } from './sentence-encoder.js';

/** Told when the encoder failed and the lexical path was used instead. */
export type EncoderFallback = (err: Error) => void;

/** Embeds `texts` (duplicates allowed) and returns a lookup by text. */
export async function embedTexts(encoder: SentenceEncoder, texts: readonly string[]): Promise<VectorLookup> {
  const unique = [...new Set(texts)];
  const vectors = unique.length ? await encoder.embed(unique) : [];
  const byText = new Map<string, Float32Array>();
  unique.forEach((t, i) => {
    const v = vectors[i];
    if (v) byText.set(t, v);
  });
  return (text) => byText.get(text);
}

/**
 * Builds an engine whose KB examples and prototypes are embedded first. Without an encoder, or
 * when embedding fails, the engine is the lexical one.
 */
export async function createEngineWithEncoder(options: EngineOptions, encoder: SentenceEncoder | null, onFallback: EncoderFallback = () => {}): Promise<Engine> {
  if (!encoder) return createEngine(options);
  try {
    const articles = options.articles ?? (options.answerer ? [...options.answerer.articles.values()] : []);
    const vectors = await embedTexts(encoder, engineTexts(articles));
    return createEngine({ ...options, vectors });
  } catch (err) {
    onFallback(err instanceof Error ? err : new Error(String(err)));
    return createEngine(options);
  }
}

/**
 * Decides many conversations with one call to the encoder: the cascade's texts of all of them
 * are gathered into one batch. `engineOf` picks each conversation's engine.
 */
export async function decideMany(
  conversations: readonly Conversation[],
  engineOf: (conversation: Conversation, index: number) => Engine,
  encoder: SentenceEncoder | null,
  onFallback: EncoderFallback = () => {},
): Promise<Decision[]> {
  const engines = conversations.map((c, i) => engineOf(c, i));
  let lookup: VectorLookup | undefined;
  if (encoder) {
    const texts = conversations.flatMap((c, i) => engines[i]!.textsToEmbed(c));
    if (texts.length) {
      try {
        lookup = await embedTexts(encoder, texts);
      } catch (err) {
        onFallback(err instanceof Error ? err : new Error(String(err)));
      }
    }
  }
  return conversations.map((c, i) => engines[i]!.decide(c, lookup));
}

/** One conversation: the cascade's texts embedded, then the decision (lexical if the encoder fails). */
export async function decideWithEncoder(engine: Engine, conversation: Conversation, encoder: SentenceEncoder | null, onFallback?: EncoderFallback): Promise<Decision> {
  const [decision] = await decideMany([conversation], () => engine, encoder, onFallback);
  return decision!;
}
