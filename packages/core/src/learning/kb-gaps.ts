import { stem, tokenize } from '../text/normalize.js';
import { GAP_STOPWORDS } from './gap-stopwords.js';
import { graphemePrefix } from '../text/clip-text.js';
import { detectHumanRequest } from '../signals/human-request.js';

/** A customer question the assistant could not answer, or answered with low confidence. */
export interface GapItem {
  text: string;
  conversationId?: string;
  /** The answerer's confidence in its best article, 0..1. */
  confidence: number;
  /** When it was asked, epoch ms, when known. */
  at?: number;
}

/** Questions on one subject that the KB does not cover: a draft article. */
export interface GapCluster {
  /** A file-name-safe slug of the title, unique among the clusters returned together. */
  id: string;
  /** A draft article title from the cluster's key terms, e.g. "Exchange rate for euros". */
  title: string;
  /** Questions in the cluster, repeats included. */
  count: number;
  /** Up to 5 distinct questions, most central first. */
  examples: string[];
  /** Key terms, most characteristic first (surface forms). */
  terms: string[];
  /** The examples tidied into questions for the article's front matter. */
  suggestedQuestions: string[];
  /** Conversations the questions came from, when known, first 20. */
  conversationIds: string[];
  /** Mean answerer confidence over the cluster: how close the KB came. */
  meanConfidence: number;
}

/** Tuning for `clusterGaps`. */
export interface ClusterGapsOptions {
  /** Smallest cluster reported, counting repeats. Default 2. */
  minClusterSize?: number;
  /** Average-linkage cosine similarity at which two groups merge. Default 0.3. */
  similarity?: number;
  /** Most clusters reported, largest first. Default 50. */
  maxClusters?: number;
  /** Distinct questions clustered at most (the most frequent); the rest join the nearest cluster. Default 3000. */
  maxItems?: number;
}

type Vec = Map<number, number>;

interface Distinct {
  key: string;
  text: string;
  count: number;
  first: number;
  confidenceSum: number;
  conversations: string[];
  terms: string[];
  vec: Vec;
}

/**
 * Groups unanswered questions by subject: TF-IDF over stemmed content words (GAP_STOPWORDS
 * removed), cosine similarity, and average-linkage agglomerative clustering cut at `similarity`
 * (nearest-neighbour chain, O(n²) for n distinct questions). Identical questions are counted
 * once with their repeats as weight. Deterministic: ties break on first appearance.
 */
export function clusterGaps(items: GapItem[], opts: ClusterGapsOptions = {}): GapCluster[] {
  const minSize = opts.minClusterSize ?? 2;
  const threshold = opts.similarity ?? 0.3;
  const maxClusters = opts.maxClusters ?? 50;
  const maxItems = opts.maxItems ?? 3000;

  const surface = new Map<string, Map<string, number>>();
  const distinct = new Map<string, Distinct>();
  items.forEach((item, i) => {
    // Asking for a person is not a question the KB could answer.
    if (detectHumanRequest(item.text)) return;
    const words = tokenize(item.text);
    const terms: string[] = [];
    for (const w of words) {
      if (GAP_STOPWORDS.has(w) || w.length < 2 || /^\d+$/.test(w)) continue;
      const s = stem(w);
      terms.push(s);
      let forms = surface.get(s);
      if (!forms) surface.set(s, (forms = new Map()));
      forms.set(w, (forms.get(w) ?? 0) + 1);
    }
    if (!terms.length) return;
    const key = words.join(' ');
    let d = distinct.get(key);
    if (!d) distinct.set(key, (d = { key, text: item.text.replace(/\s+/g, ' ').trim(), count: 0, first: i, confidenceSum: 0, conversations: [], terms, vec: new Map() }));
    d.count++;
    d.confidenceSum += Number.isFinite(item.confidence) ? item.confidence : 0;
    if (item.conversationId && d.conversations.length < 20 && !d.conversations.includes(item.conversationId)) d.conversations.push(item.conversationId);
  });

  // TF-IDF over distinct questions, L2-normalised.
  const all = [...distinct.values()];
  const vocab = new Map<string, number>();
  const df: number[] = [];
  for (const d of all) {
    for (const t of new Set(d.terms)) {
      let id = vocab.get(t);
      if (id === undefined) vocab.set(t, (id = vocab.size));
      df[id] = (df[id] ?? 0) + 1;
    }
  }
  const termOf: string[] = [];
  for (const [t, id] of vocab) termOf[id] = t;
  const n = all.length;
  for (const d of all) {
    const tf = new Map<number, number>();
    for (const t of d.terms) {
      const id = vocab.get(t)!;
      tf.set(id, (tf.get(id) ?? 0) + 1);
    }
    let norm = 0;
    for (const [id, c] of tf) {
      const w = (1 + Math.log(c)) * (Math.log((n + 1) / ((df[id] ?? 0) + 1)) + 1);
      d.vec.set(id, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    for (const [id, w] of d.vec) d.vec.set(id, w / norm);
  }

  // The most frequent distinct questions are clustered; the rest join afterwards.
  const ranked = all.slice().sort((a, b) => b.count - a.count || a.first - b.first);
  const core = ranked.slice(0, maxItems).sort((a, b) => a.first - b.first);
  const rest = ranked.slice(maxItems).sort((a, b) => a.first - b.first);
  const groups = averageLinkage(core.map((d) => d.vec), threshold).map((g) => g.map((i) => core[i]!));
  if (rest.length) {
    const centroids = groups.map((g) => centroid(g));
    for (const d of rest) {
      let best = -1;
      let bestSim = threshold;
      centroids.forEach((c, i) => {
        const s = cosine(d.vec, c);
        if (s >= bestSim && (best < 0 || s > bestSim)) {
          best = i;
          bestSim = s;
        }
      });
      if (best >= 0) groups[best]!.push(d);
      else groups.push([d]);
    }
  }

  const clusters = groups
    .map((members) => ({ members, count: members.reduce((s, d) => s + d.count, 0), first: Math.min(...members.map((d) => d.first)) }))
    .filter((g) => g.count >= minSize)
    .sort((a, b) => b.count - a.count || b.members.length - a.members.length || a.first - b.first)
    .slice(0, maxClusters)
    .map((g) => describe(g.members, g.count, termOf, surface));

  const used = new Set<string>();
  for (const c of clusters) {
    let id = c.id;
    for (let k = 2; used.has(id); k++) id = `${c.id}-${k}`;
    used.add(id);
    c.id = id;
  }
  return clusters;
}

/**
 * Average-linkage (UPGMA) clustering of unit vectors by cosine, with the nearest-neighbour chain:
 * exact, O(n²) time and memory. Returns the groups of the dendrogram cut at `threshold`, each as
 * indices in input order, groups ordered by their first member. Average linkage is reducible, so
 * a merge below the threshold is never followed by one above it inside the same group.
 */
function averageLinkage(vecs: Vec[], threshold: number): number[][] {
  const n = vecs.length;
  if (n === 0) return [];
  const sim = new Float32Array(n * n);
  // Sparse dot products through an inverted index: only pairs sharing a term cost anything.
  const postings = new Map<number, [number, number][]>();
  vecs.forEach((v, i) => {
    for (const [t, w] of v) {
      let list = postings.get(t);
      if (!list) postings.set(t, (list = []));
      list.push([i, w]);
    }
  });
  for (const list of postings.values()) {
    for (let x = 0; x < list.length; x++) {
      const [i, wi] = list[x]!;
      for (let y = x + 1; y < list.length; y++) {
        const [j, wj] = list[y]!;
        sim[i * n + j]! += wi * wj;
        sim[j * n + i]! += wi * wj;
      }
    }
  }
  const size = new Array<number>(n).fill(1);
  const active = new Uint8Array(n).fill(1);
  const members: (number[] | null)[] = vecs.map((_, i) => [i]);
  const done: number[][] = [];
  const chain: number[] = [];
  let remaining = n;
  while (remaining > 1) {
    if (!chain.length) {
      let start = 0;
      while (!active[start]) start++;
      chain.push(start);
    }
    const a = chain[chain.length - 1]!;
    const prev = chain.length >= 2 ? chain[chain.length - 2]! : -1;
    let b = prev;
    let best = prev >= 0 ? sim[a * n + prev]! : -Infinity;
    for (let j = 0; j < n; j++) {
      if (!active[j] || j === a) continue;
      const s = sim[a * n + j]!;
      if (s > best) {
        best = s;
        b = j;
      }
    }
    if (b !== prev) {
      chain.push(b);
      continue;
    }
    chain.pop();
    chain.pop();
    const [keep, drop] = a < b ? [a, b] : [b, a];
    if (best >= threshold && members[keep] && members[drop]) {
      members[keep] = [...members[keep]!, ...members[drop]!];
    } else {
      if (members[keep]) done.push(members[keep]!);
      if (members[drop]) done.push(members[drop]!);
      members[keep] = null;
    }
    members[drop] = null;
    const sk = size[keep]!;
    const sd = size[drop]!;
    for (let j = 0; j < n; j++) {
      if (!active[j] || j === keep || j === drop) continue;
      const s = (sk * sim[keep * n + j]! + sd * sim[drop * n + j]!) / (sk + sd);
      sim[keep * n + j] = s;
      sim[j * n + keep] = s;
    }
    size[keep] = sk + sd;
    active[drop] = 0;
    remaining--;
  }
  for (let i = 0; i < n; i++) if (active[i] && members[i]) done.push(members[i]!);
  return done.map((g) => g.slice().sort((x, y) => x - y)).sort((x, y) => x[0]! - y[0]!);
}

function centroid(members: Distinct[]): Vec {
  const c: Vec = new Map();
  for (const d of members) for (const [t, w] of d.vec) c.set(t, (c.get(t) ?? 0) + w * d.count);
  let norm = 0;
  for (const w of c.values()) norm += w * w;
  norm = Math.sqrt(norm) || 1;
  for (const [t, w] of c) c.set(t, w / norm);
  return c;
}

function cosine(a: Vec, b: Vec): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [t, w] of small) s += w * (large.get(t) ?? 0);
  return s;
}

const QUESTION_START = /^(?:how|what|whats|when|where|which|who|whom|whose|why|is|are|am|can|could|do|does|did|will|would|should|shall|may|have|has)\b/i;

function describe(members: Distinct[], count: number, termOf: string[], surface: Map<string, Map<string, number>>): GapCluster {
  const c = centroid(members);
  const ordered = members
    .map((d) => ({ d, centrality: cosine(d.vec, c) }))
    .sort((x, y) => y.centrality - x.centrality || y.d.count - x.d.count || x.d.first - y.d.first)
    .map((x) => x.d);
  // Terms most members share come first: a rare word (or a typo) in one question is not the subject.
  const coverage = new Map<number, number>();
  for (const d of members) for (const t of d.vec.keys()) coverage.set(t, (coverage.get(t) ?? 0) + d.count);
  const termIds = [...c.entries()].sort((x, y) => (coverage.get(y[0]) ?? 0) - (coverage.get(x[0]) ?? 0) || y[1] - x[1] || x[0] - y[0]).map(([t]) => t);
  const stems = termIds.slice(0, 6).map((t) => termOf[t]!);
  const terms = stems.map((s) => commonest(surface.get(s)) ?? s);
  const examples = ordered.slice(0, 5).map((d) => d.text);
  const shared = termIds.filter((t) => (coverage.get(t) ?? 0) >= Math.max(2, count / 2)).map((t) => termOf[t]!);
  const title = titleFor(ordered[0]!.text, shared.length ? shared : stems, terms);
  const conversationIds: string[] = [];
  for (const d of ordered) for (const id of d.conversations) if (conversationIds.length < 20 && !conversationIds.includes(id)) conversationIds.push(id);
  const confidence = members.reduce((s, d) => s + d.confidenceSum, 0) / count;
  return {
    id: slugify(title) || 'gap',
    title,
    count,
    examples,
    terms,
    suggestedQuestions: examples.map(asQuestion),
    conversationIds,
    meanConfidence: Math.round(confidence * 1000) / 1000,
  };
}

function commonest(forms: Map<string, number> | undefined): string | undefined {
  if (!forms) return undefined;
  return [...forms.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
}

/**
 * A title from the most central question: the shortest stretch of it that holds its key terms
 * ("what's the exchange rate for euros today" → "Exchange rate for euros"), or the key terms
 * themselves when that stretch is long.
 */
const CONNECTORS = new Set(['of', 'for', 'in', 'on', 'to', 'and', 'with', 'a', 'an', 'the', 'at', 'from', 'by', 'my', 'your']);

function titleFor(central: string, keyStems: string[], terms: string[]): string {
  const words = tokenize(central);
  const key = keyStems.slice(0, 3);
  const hits = words.flatMap((w, i) => (!GAP_STOPWORDS.has(w) && key.includes(stem(w)) ? [i] : []));
  let text = terms.slice(0, 2).join(' ');
  if (hits.length) {
    const span = words.slice(hits[0]!, hits[hits.length - 1]! + 1);
    const readable = span.length <= 5 && span.every((w) => CONNECTORS.has(w) || !GAP_STOPWORDS.has(w));
    text = readable ? span.join(' ') : hits.map((i) => words[i]!).filter((w, k, all) => all.indexOf(w) === k).join(' ');
  }
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function asQuestion(text: string): string {
  const t = text.trim();
  const cap = t.charAt(0).toUpperCase() + t.slice(1);
  return QUESTION_START.test(t) && !/[?.!]$/.test(t) ? `${cap}?` : cap;
}

function slugify(text: string): string {
  return graphemePrefix(tokenize(text).join('-'), 60).replace(/-+$/, '');
}

/**
 * Draft KB articles, one per cluster, in the KB format (YAML front matter with id, title,
 * category and questions, then a body to write), ready to edit and drop into the KB folder.
 */
export function gapsToMarkdown(clusters: GapCluster[]): { fileName: string; content: string }[] {
  return clusters.map((c) => {
    const q = (s: string) => JSON.stringify(s);
    const content = [
      '---',
      `id: ${q(c.id)}`,
      `title: ${q(c.title)}`,
      'category: "draft"',
      'questions:',
      ...c.suggestedQuestions.map((s) => `  - ${q(s)}`),
      '---',
      '',
      `TODO: write the answer. ${c.count} customer question${c.count === 1 ? '' : 's'} on this went unanswered (key terms: ${c.terms.join(', ')}).`,
      '',
      'Examples:',
      ...c.examples.map((e) => `- ${e.replace(/\s+/g, ' ')}`),
      '',
    ].join('\n');
    return { fileName: `${c.id}.md`, content };
  });
}
