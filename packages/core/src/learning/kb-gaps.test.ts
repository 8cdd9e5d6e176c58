import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseKbArticle } from '../answerer/kb.js';
import type { GapItem } from './kb-gaps.js';
import { clusterGaps, gapsToMarkdown } from './kb-gaps.js';

const gap = (text: string, conversationId?: string): GapItem => ({ text, confidence: 0.2, ...(conversationId ? { conversationId } : {}) });

const QUESTIONS = [
  'what is the exchange rate for euros',
  'exchange rate for euros today?',
  'how many dollars is one euro, what exchange rate do you use',
  'do you ship to norway',
  'can you deliver to norway',
  'is shipping to norway possible',
  'my cat ate a sock',
  'what is the capital of peru',
];

describe('clusterGaps', () => {
  it('groups near-duplicates and keeps unrelated questions apart', () => {
    const clusters = clusterGaps(QUESTIONS.map((q) => gap(q)));
    expect(clusters).toHaveLength(2);
    const byTerm = (t: string) => clusters.find((c) => c.terms.includes(t));
    const euros = byTerm('exchange')!;
    const norway = byTerm('norway')!;
    expect(euros.examples.slice().sort()).toEqual(QUESTIONS.slice(0, 3).sort());
    expect(norway.count).toBe(3);
    expect(clusters.flatMap((c) => c.examples)).not.toContain('my cat ate a sock');
    expect(clusters.flatMap((c) => c.examples)).not.toContain('what is the capital of peru');
  });

  it('leaves out requests for a person and pure venting, and titles from subject words only', () => {
    const items = ['annoyed, my parcel, get me a human', 'I want to speak to a real person', 'this is ridiculous!!', 'so annoyed, where is my parcel', 'my parcel never came, annoyed'].map((q) => gap(q));
    const clusters = clusterGaps(items);
    expect(clusters.map((c) => c.examples.slice().sort())).toEqual([['my parcel never came, annoyed', 'so annoyed, where is my parcel']]);
    expect(clusters[0]!.title).toMatch(/^Parcel/);
    expect(clusters[0]!.title.toLowerCase()).not.toMatch(/annoyed|human/);
  });

  it('titles a cluster from its key terms, and writes questions from the examples', () => {
    const [c] = clusterGaps(QUESTIONS.slice(0, 3).map((q) => gap(q)));
    expect(c!.title).toBe('Exchange rate for euros');
    expect(c!.id).toBe('exchange-rate-for-euros');
    expect(c!.terms.slice(0, 2).sort()).toEqual(['exchange', 'rate']);
    expect(c!.suggestedQuestions).toContain('What is the exchange rate for euros?');
    expect(c!.meanConfidence).toBeCloseTo(0.2);
  });

  it('counts repeats once as examples but in full as count, most central example first', () => {
    const items = [gap('reset my loyalty points', 'a'), gap('reset my loyalty points', 'b'), gap('Reset my loyalty points!', 'c'), gap('why did my loyalty points expire', 'd')];
    const [c] = clusterGaps(items);
    expect(c!.count).toBe(4);
    expect(c!.examples).toHaveLength(2);
    expect(c!.examples[0]).toBe('reset my loyalty points');
    expect(c!.conversationIds).toEqual(['a', 'b', 'c', 'd']);
  });

  it('honours minClusterSize, similarity and maxClusters', () => {
    const items = QUESTIONS.map((q) => gap(q));
    expect(clusterGaps(items, { minClusterSize: 4 })).toEqual([]);
    expect(clusterGaps(items, { minClusterSize: 1 }).length).toBeGreaterThanOrEqual(4);
    expect(clusterGaps(items, { maxClusters: 1 })).toHaveLength(1);
    // At 0.99 only questions with the same content words merge ("today", "possible" are not content).
    const strict = clusterGaps(items, { similarity: 0.99 });
    expect(strict.map((c) => c.count)).toEqual([2, 2]);
    expect(strict.map((c) => c.examples)).toEqual([
      ['what is the exchange rate for euros', 'exchange rate for euros today?'],
      ['do you ship to norway', 'is shipping to norway possible'],
    ]);
  });

  it('places questions beyond maxItems in the nearest cluster', () => {
    const items = [...QUESTIONS.map((q) => gap(q)), gap('exchange rate for euros please'), gap('norway shipping')];
    const clusters = clusterGaps(items, { maxItems: 6 });
    expect(clusters.reduce((n, c) => n + c.count, 0)).toBeGreaterThanOrEqual(7);
  });

  it('is deterministic and ignores empty or stopword-only text', () => {
    const items = [...QUESTIONS, '', '   ', 'can you tell me please', '12345'].map((q) => gap(q));
    expect(clusterGaps(items)).toEqual(clusterGaps(items));
    expect(clusterGaps([])).toEqual([]);
    expect(clusterGaps([gap('hello?')])).toEqual([]);
  });

  it('gives every cluster a distinct id', () => {
    const items = ['refund status', 'refund status please', 'refund status?'].flatMap((q) => [gap(q)]).concat(['status of refund', 'refund status now'].map((q) => gap(q)));
    const ids = clusterGaps(items, { minClusterSize: 1, similarity: 0.999 }).map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('gapsToMarkdown', () => {
  it('writes articles the KB loader accepts, quotes and all', () => {
    const clusters = clusterGaps(['what is "premium" care: a plan?', 'premium care plan price', 'is premium care plan worth it'].map((q) => gap(q)));
    const [file] = gapsToMarkdown(clusters);
    expect(file!.fileName).toMatch(/^[a-z0-9-]+\.md$/);
    const article = parseKbArticle(file!.content, file!.fileName);
    expect(article.id).toBe(clusters[0]!.id);
    expect(article.title).toBe(clusters[0]!.title);
    expect(article.questions).toEqual(clusters[0]!.suggestedQuestions);
    expect(article.category).toBe('draft');
    expect(article.body).toMatch(/^TODO/);
  });
});

// The acceptance bar of DESIGN §8's KB gaps, on CLINC150's out-of-scope questions (the shared eval set).
const CLINC = fileURLToPath(new URL('../../../../../shared/eval/dev/clinc.jsonl', import.meta.url));
describe.runIf(existsSync(CLINC))('KB gaps on the CLINC out-of-scope questions', () => {
  it('groups them into titled clusters, each with its examples', () => {
    const items = readFileSync(CLINC, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { id: string; messages: { role: string; text: string }[]; expect: { action: string } })
      .filter((c) => c.expect.action === 'not_answer')
      .map((c) => gap(c.messages.filter((m) => m.role === 'customer').at(-1)!.text, c.id));
    expect(items.length).toBeGreaterThanOrEqual(50);
    const clusters = clusterGaps(items);
    const multi = clusters.filter((c) => c.count >= 2);
    expect(multi.length).toBeGreaterThanOrEqual(8);
    expect(clusters.filter((c) => c.count >= 3).length).toBeGreaterThanOrEqual(3);
    for (const c of multi) {
      expect(c.title.length).toBeGreaterThan(2);
      expect(c.examples.length).toBeGreaterThanOrEqual(2);
      // Every member shares a key term with the cluster: a cluster is about something.
      const stems = c.terms.map((t) => t.slice(0, 4));
      for (const ex of c.examples) expect(stems.some((s) => ex.toLowerCase().includes(s))).toBe(true);
    }
    // Most questions are about something nobody else asked: they stay out of clusters.
    expect(multi.reduce((n, c) => n + c.count, 0)).toBeLessThan(items.length * 0.7);
    const titles = clusters.map((c) => c.title.toLowerCase());
    expect(titles).toEqual(expect.arrayContaining(['black holes', 'bad habits', 'fake news']));
  });
});
