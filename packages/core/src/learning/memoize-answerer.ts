import type { AnswerResult, Answerer } from '../answerer/answerer.js';

/**
 * An answerer that remembers its answers, so two engines that share it (the backtest's current
 * and proposed policies) score each message once. The answerer is pure, so a remembered answer is
 * the answer. The memory is cleared when it holds `max` texts, which bounds it on any input.
 */
export function memoizeAnswerer(answerer: Answerer, max = 20_000): Answerer {
  const memo = new Map<string, AnswerResult>();
  return {
    articles: answerer.articles,
    semantic: answerer.semantic,
    answer(text, vector) {
      // A vector changes the answer; those calls are not remembered (the encoder caches vectors).
      if (vector) return answerer.answer(text, vector);
      const hit = memo.get(text);
      if (hit) return hit;
      const result = answerer.answer(text);
      if (memo.size >= max) memo.clear();
      memo.set(text, result);
      return result;
    },
  };
}
