import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Decision, Engine, GapCluster, GapItem } from '@baton/core';
import { clipText, clusterGaps, gapsToMarkdown } from '@baton/core';
import type { SourceConversation } from './backtest-source.js';
import { EnginePairs } from './backtest-source.js';
import { kbFor, progressReporter, readSource } from './backtest.js';
import { CliError } from './errors.js';
import { loadPolicy } from './files.js';

export const KB_GAPS_USAGE = `  baton kb-gaps [--kb DIR | --kb-root DIR] [--policy FILE] [--input FILE.jsonl] [--from DATE] [--to DATE]
                [--low-confidence X] [--similarity X] [--min-size N] [--max N] [--show N]
                [--markdown DIR] [--json OUT.json] [--quiet]
      Questions the AI could not answer (declined, clarified, escalated for low confidence) or
      answered with low confidence, grouped by subject, with counts and examples. --markdown DIR
      writes one draft KB article per group; existing files are left alone.
`;

const OPTIONS = {
  kb: { type: 'string' },
  'kb-root': { type: 'string' },
  policy: { type: 'string' },
  input: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  markdown: { type: 'string' },
  json: { type: 'string' },
  quiet: { type: 'boolean' },
  'low-confidence': { type: 'string' },
  similarity: { type: 'string' },
  'min-size': { type: 'string' },
  max: { type: 'string' },
  show: { type: 'string' },
} as const;

function num(name: string, value: string | undefined, min: number, max: number, integer = false): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw new CliError('CLI_ERR_ARGS', `--${name} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, got "${value}"`, 2);
  }
  return n;
}

/** Why a decision is a KB gap, or null when it is not one. */
export function gapKind(d: Decision, lowConfidence: number): 'declined' | 'clarified' | 'escalated' | 'low-confidence' | null {
  const codes = new Set(d.reasons.map((r) => r.code));
  if (d.intent === 'greeting') return null;
  if (d.action === 'decline') return 'declined';
  if (d.action === 'clarify' && codes.has('low_confidence')) return 'clarified';
  // Escalated because the AI did not know, and for nothing else: a request for a person is not a KB gap.
  if (d.action === 'escalate' && [...codes].every((c) => c === 'low_confidence' || c === 'out_of_scope') && codes.size > 0) return 'escalated';
  if (d.action === 'answer' && d.confidence < lowConfidence) return 'low-confidence';
  return null;
}

/**
 * The gaps in one conversation: every customer message up to the first human reply, decided as
 * the assistant would have, each distinct question once.
 */
export function gapsIn(item: SourceConversation, engine: Engine, lowConfidence: number): (GapItem & { kind: string })[] {
  const out: (GapItem & { kind: string })[] = [];
  const seen = new Set<string>();
  const turns = item.conversation.turns;
  for (let i = 0; i < turns.length; i++) {
    const t = turns[i]!;
    if (t.role === 'agent') break;
    if (t.role !== 'customer' || !t.text.trim()) continue;
    const key = t.text.trim().toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const d = engine.decide({ ...item.conversation, turns: turns.slice(0, i + 1) });
    const kind = gapKind(d, lowConfidence);
    if (kind) out.push({ text: t.text, conversationId: item.id, confidence: d.confidence, kind, ...(t.at !== undefined ? { at: t.at } : {}) });
  }
  return out;
}

function formatClusters(clusters: GapCluster[], gaps: number, questions: number, conversations: number, show: number): string {
  const out: string[] = [];
  const clustered = clusters.reduce((s, c) => s + c.count, 0);
  out.push(`${gaps} of ${questions} customer questions in ${conversations} conversations were not answered confidently; ${clusters.length} group${clusters.length === 1 ? '' : 's'} cover ${clustered} of them`);
  if (!clusters.length) {
    out.push('no two questions share a subject; lower --similarity, or collect more conversations');
    return out.join('\n');
  }
  for (const c of clusters.slice(0, show)) {
    out.push('', `${String(c.count).padStart(4)}  ${c.title}   [${c.terms.slice(0, 4).join(', ')}]  (mean confidence ${c.meanConfidence.toFixed(2)})`);
    for (const raw of c.examples) {
      // Control characters (a pasted escape sequence) must not reach the terminal.
      // eslint-disable-next-line no-control-regex
      const ex = raw.replace(/[\u0000-\u001f\u007f]+/g, ' ');
      out.push(`        - ${clipText(ex, 110)}`);
    }
  }
  if (clusters.length > show) out.push('', `…and ${clusters.length - show} more groups (all of them are in --json / --markdown)`);
  return out.join('\n');
}

/** `baton kb-gaps`: returns the exit code. */
export async function kbGaps(args: string[], usage: string): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args, options: OPTIONS, allowPositionals: false }));
  } catch (err) {
    throw new CliError('CLI_ERR_ARGS', `${(err as Error).message}\n\n${usage}`, 2);
  }
  const policy = loadPolicy(values.policy);
  const lowConfidence = num('low-confidence', values['low-confidence'], 0, 1) ?? Math.min(1, policy.confidence.threshold + 0.1);
  const similarity = num('similarity', values.similarity, 0.01, 1);
  const minSize = num('min-size', values['min-size'], 1, 1e6, true);
  const max = num('max', values.max, 1, 10_000, true);
  const show = num('show', values.show, 1, 10_000, true) ?? 20;
  const quiet = values.quiet === true;
  const p = progressReporter(quiet, 'read');

  const source = await readSource(values);
  const engines = new EnginePairs(policy, policy, kbFor(values, source), p.loaded);
  const prepared: { s: (typeof source.items)[number]; engine: Engine }[] = [];
  for (const s of source.items) prepared.push({ s, engine: (await engines.for(s)).current });
  const gaps: (GapItem & { kind: string })[] = [];
  let questions = 0;
  prepared.forEach(({ s, engine }, i) => {
    questions += s.conversation.turns.filter((t) => t.role === 'customer').length;
    gaps.push(...gapsIn(s, engine, lowConfidence));
    p.tick(i + 1, prepared.length);
  });
  const clusters = clusterGaps(gaps, { ...(similarity !== undefined ? { similarity } : {}), ...(minSize !== undefined ? { minClusterSize: minSize } : {}), ...(max !== undefined ? { maxClusters: max } : {}) });

  if (values.json) {
    const byKind: Record<string, number> = {};
    for (const g of gaps) byKind[g.kind] = (byKind[g.kind] ?? 0) + 1;
    writeFileSync(values.json, JSON.stringify({ source: source.label, conversations: source.items.length, questions, gaps: gaps.length, byKind, lowConfidence, clusters }, null, 1) + '\n');
  }
  if (values.markdown) {
    mkdirSync(values.markdown, { recursive: true });
    let written = 0;
    const skipped: string[] = [];
    for (const a of gapsToMarkdown(clusters)) {
      const path = join(values.markdown, a.fileName);
      if (existsSync(path)) skipped.push(a.fileName);
      else {
        writeFileSync(path, a.content, { flag: 'wx' });
        written++;
      }
    }
    if (!quiet) process.stderr.write(`wrote ${written} draft article${written === 1 ? '' : 's'} to ${values.markdown}${skipped.length ? `; left ${skipped.length} existing file${skipped.length === 1 ? '' : 's'} alone (${skipped.slice(0, 5).join(', ')}${skipped.length > 5 ? ', …' : ''})` : ''}\n`);
  }
  process.stdout.write(formatClusters(clusters, gaps.length, questions, source.items.length, show) + '\n');
  return 0;
}
