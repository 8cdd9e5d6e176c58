import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Conversation, Decision, Engine, Policy, SentenceEncoder } from '@baton/core';
import { createEngineWithEncoder } from '@baton/core';
import type { TAssessDecision, TEvalConversation } from '@baton/contracts';
import { CliError } from './errors.js';
import type { InputConversation } from './jsonl.js';
import { loadKb } from './files.js';

/** Where each conversation's KB comes from: one folder for all, or a folder of KBs named by each line's `kb`. */
export interface KbChoice {
  /** `--kb DIR`: every conversation uses this KB. */
  kb?: string;
  /** `--kb-root DIR`: a conversation's `kb` names a folder under it. */
  kbRoot?: string;
}

/**
 * Builds engines lazily, one per KB folder, so a file that mixes KBs (as the eval set does)
 * loads each KB once. `kb: "none"` means no KB: the assistant can only clarify or hand over.
 * With a sentence encoder, each KB's examples are embedded when it loads (from the vector cache
 * when they were embedded before).
 */
export class EngineCache {
  private readonly engines = new Map<string, Engine>();
  constructor(
    private readonly policy: Policy,
    private readonly choice: KbChoice,
    private readonly onLoad: (dir: string, ms: number, articles: number) => void = () => {},
    private readonly kbEncoder: SentenceEncoder | null = null,
    private readonly onFallback: (err: Error) => void = () => {},
  ) {}

  /** The engine of an input's KB, built on first use. */
  async engineFor(input: InputConversation): Promise<Engine> {
    const dir = this.kbDir(input);
    let engine = this.engines.get(dir ?? '');
    if (!engine) {
      const started = performance.now();
      const articles = dir ? loadKb(dir) : [];
      engine = await createEngineWithEncoder({ policy: this.policy, articles }, this.kbEncoder, this.onFallback);
      this.onLoad(dir ?? '(no KB)', performance.now() - started, articles.length);
      this.engines.set(dir ?? '', engine);
    }
    return engine;
  }

  private kbDir({ item, file }: InputConversation): string | undefined {
    if (this.choice.kb) return resolve(this.choice.kb);
    if (!item.kb || item.kb === 'none') return undefined;
    if (!/^[\w.-]+$/.test(item.kb) || item.kb.startsWith('.')) throw new CliError('INPUT_ERR_KB_NAME', `${file}: kb "${item.kb}" is not a plain folder name`);
    const root = this.choice.kbRoot ?? (file === '-' ? undefined : join(dirname(resolve(file)), '..', 'kb'));
    const dir = root ? join(root, item.kb) : undefined;
    if (!dir || !existsSync(dir)) {
      throw new CliError('KB_ERR_NOT_FOUND', `${file}: conversation "${item.id}" names kb "${item.kb}", but ${dir ?? 'no KB root'} does not exist; pass --kb DIR or --kb-root DIR`);
    }
    return dir;
  }
}

/** The eval format's conversation, as the engine sees it. */
export function toConversation(item: TEvalConversation): Conversation {
  const turns = item.messages.map((m) => {
    const at = typeof m.at === 'string' ? Date.parse(m.at) : m.at;
    return {
      role: m.role,
      text: m.text,
      ...(m.articleId ? { articleId: m.articleId } : {}),
      ...(m.failed !== undefined ? { failed: m.failed } : {}),
      ...(m.action ? { action: m.action } : {}),
      ...(at !== undefined ? { at } : {}),
    };
  });
  const c = item.customer;
  return {
    id: item.id,
    turns,
    ...(c ? { customer: { ...(c.tier ? { tier: c.tier } : {}), ...(c.name ? { name: c.name } : {}), ...(c.language ? { language: c.language } : {}) } } : {}),
  };
}

/** One output line of `baton assess`, in the shape of DESIGN.md §10. */
export function toAssessLine(id: string, d: Decision): TAssessDecision {
  const line: TAssessDecision = {
    id,
    action: d.action,
    reasons: d.reasons.map((r) => r.code),
    priority: d.priority,
    confidence: d.confidence,
    sentiment: d.sentiment,
    reasonDetails: d.reasons.map((r) => ({ code: r.code, detail: r.detail, messageIndex: r.messageIndex })),
  };
  if (d.articleId) line.articleId = d.articleId;
  if (d.intent) line.intent = d.intent;
  return line;
}
