import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Conversation, Engine, Policy } from '@baton/core';
import { createEngine, memoizeAnswerer } from '@baton/core';
import type { Config } from '@baton/server';
import { agentSlots, isMigrated, listStoredConversations, loadConfig, openDatabase, toEngineTurns } from '@baton/server';
import type { KbChoice } from './assess.js';
import { EngineCache, toConversation } from './assess.js';
import { CliError } from './errors.js';
import type { InputConversation } from './jsonl.js';
import { parseConversations, readInput } from './jsonl.js';

/** A conversation to replay, from an imported file or the database. */
export interface SourceConversation {
  id: string;
  conversation: Conversation;
  /** The line it came from, for imported files (it names the KB). */
  input?: InputConversation;
  /** The team its handoff went to, when stored. */
  team?: string;
  arrivedAt?: number;
  handleMinutes?: number;
}

/** What was read, and what it says about traffic and staffing. */
export interface Source {
  /** "FILE.jsonl" or "the database (PGlite in DIR)", for the report. */
  label: string;
  items: SourceConversation[];
  /** `each` for stored conversations (walk them), `last` for imported ones (decide at the end). */
  replay: 'last' | 'each';
  /** The KB a stored conversation uses: --kb, else BATON_KB_DIR. */
  kb?: string;
  /** Concurrent conversation slots of the non-admin agents, from the database. */
  agentSlots?: number;
  /** Items dropped by --from/--to because they carry no time. */
  undated: number;
}

/** A --from/--to range in epoch ms; a bare date in --to means the whole of that day. */
export interface DateRange {
  from?: number;
  to?: number;
}

/** Parses --from and --to (ISO dates or date-times). */
export function parseRange(from: string | undefined, to: string | undefined): DateRange {
  const one = (name: string, value: string | undefined, endOfDay: boolean): number | undefined => {
    if (value === undefined) return undefined;
    const ms = Date.parse(value);
    if (!Number.isFinite(ms)) throw new CliError('CLI_ERR_ARGS', `--${name} "${value}" is not a date; use YYYY-MM-DD or an ISO date-time`, 2);
    return endOfDay && /^\d{4}-\d{2}-\d{2}$/.test(value) ? ms + 24 * 3600_000 : ms;
  };
  const range: DateRange = {};
  const f = one('from', from, false);
  const t = one('to', to, true);
  if (f !== undefined) range.from = f;
  if (t !== undefined) range.to = t;
  if (f !== undefined && t !== undefined && t <= f) throw new CliError('CLI_ERR_ARGS', '--to must be after --from', 2);
  return range;
}

const inRange = (ms: number, r: DateRange) => (r.from === undefined || ms >= r.from) && (r.to === undefined || ms < r.to);

/** Reads an imported JSONL file in the eval format. */
export function readImported(file: string, range: DateRange): Source {
  const inputs = parseConversations(readInput(file), file);
  const items: SourceConversation[] = [];
  let undated = 0;
  for (const input of inputs) {
    const conversation = toConversation(input.item);
    const arrivedAt = conversation.turns.find((t) => t.at !== undefined)?.at;
    if (range.from !== undefined || range.to !== undefined) {
      if (arrivedAt === undefined) {
        undated++;
        continue;
      }
      if (!inRange(arrivedAt, range)) continue;
    }
    items.push({ id: input.item.id, conversation, input, ...(arrivedAt !== undefined ? { arrivedAt } : {}) });
  }
  return { label: file, items, replay: 'last', undated };
}

/**
 * Reads stored conversations from the configured database (DATABASE_URL, or PGlite in
 * BATON_DATA_DIR) through the server's repository, in creation order; private notes are left out.
 */
export async function readStored(range: DateRange, env: Record<string, string | undefined> = process.env): Promise<Source> {
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (err) {
    throw new CliError('CONFIG_ERR_INVALID', (err as Error).message);
  }
  if (!config.databaseUrl && config.dataDir && !existsSync(resolve(config.dataDir))) {
    throw new CliError('BACKTEST_ERR_NO_DATABASE', `there is no database in ${resolve(config.dataDir)}: set BATON_DATA_DIR to the server's data folder (or DATABASE_URL), or pass --input FILE.jsonl`);
  }
  const db = await openDatabase(config);
  try {
    if (!(await isMigrated(db))) return { label: describeDb(config), items: [], replay: 'each', undated: 0, ...(config.kbDir ? { kb: config.kbDir } : {}) };
    const stored = await listStoredConversations(db, {
      ...(range.from !== undefined ? { from: new Date(range.from) } : {}),
      ...(range.to !== undefined ? { to: new Date(range.to) } : {}),
    });
    const items: SourceConversation[] = [];
    for (const { conversation: c, customerTier, teamName, messages, firstHandoff: h } of stored) {
      const turns = toEngineTurns(messages);
      if (!turns.some((x) => x.role === 'customer')) continue;
      const item: SourceConversation = {
        id: c.id,
        conversation: { id: c.id, turns, ...(customerTier ? { customer: { tier: customerTier } } : {}) },
        arrivedAt: c.createdAt.getTime(),
      };
      const team = h?.teamName ?? teamName;
      if (h && team) item.team = team;
      if (h?.acceptedAt && h.resolvedAt) {
        const minutes = (h.resolvedAt.getTime() - h.acceptedAt.getTime()) / 60_000;
        if (minutes > 0) item.handleMinutes = minutes;
      }
      items.push(item);
    }
    return { label: describeDb(config), items, replay: 'each', undated: 0, agentSlots: await agentSlots(db), ...(config.kbDir ? { kb: config.kbDir } : {}) };
  } finally {
    await db.close();
  }
}

function describeDb(config: Config): string {
  return config.databaseUrl ? 'the PostgreSQL database (DATABASE_URL)' : `the PGlite database in ${config.dataDir ?? '(memory)'}`;
}

/**
 * One engine per KB and policy, the two policies of a KB sharing one memoised answerer: the KB
 * is loaded and trained once, and each message is scored once.
 */
export class EnginePairs {
  private readonly base: EngineCache;
  private readonly pairs = new Map<Engine, { current: Engine; proposed: Engine }>();
  constructor(
    private readonly current: Policy,
    private readonly proposed: Policy,
    choice: KbChoice,
    onLoad?: (dir: string, ms: number, articles: number) => void,
  ) {
    this.base = new EngineCache(current, choice, onLoad);
  }

  /** The engines for an imported line (its KB), or for stored conversations (the --kb choice). */
  async for(item: SourceConversation): Promise<{ current: Engine; proposed: Engine }> {
    const input: InputConversation = item.input ?? { file: '(database)', line: 0, item: { id: item.id, messages: [] } as unknown as InputConversation['item'] };
    const base = await this.base.engineFor(input);
    let pair = this.pairs.get(base);
    if (!pair) {
      const answerer = base.answerer ? memoizeAnswerer(base.answerer) : undefined;
      pair = {
        current: answerer ? createEngine({ policy: this.current, answerer }) : base,
        proposed: createEngine({ policy: this.proposed, ...(answerer ? { answerer } : {}) }),
      };
      this.pairs.set(base, pair);
    }
    return pair;
  }
}

/** The stored handle times, in minutes. */
export function handleTimes(items: SourceConversation[]): number[] {
  return items.flatMap((i) => (i.handleMinutes !== undefined ? [i.handleMinutes] : []));
}

/** Conversations per hour over the span of their arrival times, when the span is at least an hour. */
export function arrivalsPerHour(items: SourceConversation[]): number | undefined {
  const times = items.flatMap((i) => (i.arrivedAt !== undefined ? [i.arrivedAt] : []));
  if (times.length < 2) return undefined;
  let lo = Infinity;
  let hi = -Infinity;
  for (const t of times) {
    lo = Math.min(lo, t);
    hi = Math.max(hi, t);
  }
  const hours = (hi - lo) / 3600_000;
  return hours >= 1 ? times.length / hours : undefined;
}
