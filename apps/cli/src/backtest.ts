import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { BacktestArrivals, BacktestInput, Engine } from '@baton/core';
import { runBacktest } from '@baton/core';
import type { KbChoice } from './assess.js';
import type { BacktestMeta } from './backtest-report.js';
import { formatBacktest } from './backtest-report.js';
import type { Source } from './backtest-source.js';
import { arrivalsPerHour, EnginePairs, handleTimes, parseRange, readImported, readStored } from './backtest-source.js';
import { CliError } from './errors.js';
import { loadPolicy } from './files.js';
import { renderBacktestHtml } from './report-html.js';
import { formatModelStats, modelFromEnv, withModelDecisions } from './with-model.js';

export const BACKTEST_USAGE = `  baton backtest --policy NEW.yaml [--current OLD.yaml] [--kb DIR | --kb-root DIR] [--input FILE.jsonl]
                 [--from DATE] [--to DATE] [--per-hour N] [--agents N] [--handle-minutes M]
                 [--json OUT.json] [--html OUT.html] [--show N] [--quiet]
      Replays conversations through the current policy (--current, default the built-in one) and
      NEW.yaml, and reports the handoff rate, the load per queue, the estimated SLA risk and every
      conversation that flips. --input reads conversations in the eval format; without it, the
      stored conversations of the configured database (BATON_DATA_DIR or DATABASE_URL).
      The SLA risk needs arrivals and staffing: --per-hour (conversations per hour) and --agents
      (conversations agents can handle at once); from the database they default to the stored
      arrival rate, the agents' capacity and the stored handle times. docs/backtest.md.
      With BATON_LLM_* set (docs/llm.md), both policies decide with the model's opinion, as the server does.
`;

const OPTIONS = {
  policy: { type: 'string' },
  current: { type: 'string' },
  kb: { type: 'string' },
  'kb-root': { type: 'string' },
  input: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  json: { type: 'string' },
  html: { type: 'string' },
  quiet: { type: 'boolean' },
  'per-hour': { type: 'string' },
  agents: { type: 'string' },
  'handle-minutes': { type: 'string' },
  show: { type: 'string' },
} as const;

function positive(name: string, value: string | undefined, integer = false): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) throw new CliError('CLI_ERR_ARGS', `--${name} must be a positive ${integer ? 'whole number' : 'number'}, got "${value}"`, 2);
  return n;
}

/** The KB choice for a source: imported files may name KBs per line; stored ones use --kb or BATON_KB_DIR. */
export function kbFor(values: { kb?: string | undefined; 'kb-root'?: string | undefined }, source: Source): KbChoice {
  if (values.kb && values['kb-root']) throw new CliError('CLI_ERR_ARGS', '--kb and --kb-root cannot be used together', 2);
  if (source.replay === 'each' && values['kb-root']) throw new CliError('CLI_ERR_ARGS', '--kb-root applies to --input files; stored conversations use --kb DIR (or BATON_KB_DIR)', 2);
  const kb = values.kb ?? source.kb;
  return { ...(kb ? { kb } : {}), ...(values['kb-root'] ? { kbRoot: values['kb-root'] } : {}) };
}

/** Progress on stderr: a counter on a terminal, a line every 10% otherwise. */
export function progressReporter(quiet: boolean, verb: string) {
  const tty = process.stderr.isTTY === true;
  let lastShown = -1;
  return {
    loaded: (dir: string, ms: number, n: number) => {
      if (!quiet) process.stderr.write(`${tty ? '\r\x1b[K' : ''}loaded ${n} articles from ${dir} in ${Math.round(ms)} ms\n`);
    },
    tick: (done: number, total: number) => {
      if (quiet) return;
      if (tty) {
        if (done % 100 === 0 || done === total) process.stderr.write(`\r\x1b[K${verb} ${done}/${total}${done === total ? '\n' : ''}`);
        return;
      }
      const tenth = Math.floor((done * 10) / total);
      if (tenth !== lastShown && (tenth > lastShown || done === total)) {
        lastShown = tenth;
        process.stderr.write(`${verb} ${done}/${total}\n`);
      }
    },
  };
}

/** Reads the --input file, or the stored conversations of the configured database. */
export async function readSource(values: { input?: string | undefined; from?: string | undefined; to?: string | undefined }): Promise<Source> {
  const range = parseRange(values.from, values.to);
  const source = values.input ? readImported(values.input, range) : await readStored(range);
  if (!source.items.length) {
    const span = values.from || values.to ? ` between ${values.from ?? 'the start'} and ${values.to ?? 'now'}` : '';
    const undated = source.undated ? ` (${source.undated} had no timestamps, so --from/--to left them out)` : '';
    const hint = values.input ? '' : '; pass --input FILE.jsonl to replay imported conversations, or point BATON_DATA_DIR / DATABASE_URL at the server\'s database';
    throw new CliError('BACKTEST_ERR_EMPTY', `no conversations with a customer message in ${source.label}${span}${undated}${hint}`);
  }
  return source;
}

/** `baton backtest`: returns the exit code. */
export async function backtest(args: string[], usage: string): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args, options: OPTIONS, allowPositionals: false }));
  } catch (err) {
    throw new CliError('CLI_ERR_ARGS', `${(err as Error).message}\n\n${usage}`, 2);
  }
  if (!values.policy) throw new CliError('CLI_ERR_ARGS', `backtest needs --policy NEW.yaml, the policy to try\n\n${usage}`, 2);
  const perHour = positive('per-hour', values['per-hour']);
  const agents = positive('agents', values.agents);
  const handle = positive('handle-minutes', values['handle-minutes']);
  const show = positive('show', values.show, true) ?? 20;
  const current = loadPolicy(values.current);
  const proposed = loadPolicy(values.policy);
  const quiet = values.quiet === true;
  const p = progressReporter(quiet, 'replayed');

  const source = await readSource(values);
  const engines = new EnginePairs(current, proposed, kbFor(values, source), p.loaded);
  // With BATON_LLM_* set, both policies decide with the model's opinion, as the server would.
  const model = modelFromEnv();
  const modelEngines = new Map<Engine, ReturnType<typeof withModelDecisions>>();
  const withModel = (e: Engine) => {
    if (!model) return e;
    let wrapped = modelEngines.get(e);
    if (!wrapped) modelEngines.set(e, (wrapped = withModelDecisions(e, model)));
    return wrapped;
  };
  // Every KB is loaded (and the model asked) before the replay starts, so loading never looks like a stalled counter.
  const inputs: BacktestInput[] = [];
  for (const s of source.items) {
    const pair = await engines.for(s);
    const both = { current: withModel(pair.current), proposed: withModel(pair.proposed) };
    if (model) for (const e of [both.current, both.proposed]) await (e as ReturnType<typeof withModelDecisions>).prepare(s.conversation, source.replay);
    inputs.push({ id: s.id, conversation: s.conversation, engines: both, ...(s.team ? { team: s.team } : {}) });
  }
  const first = inputs[0]!.engines!;

  const rate = perHour ?? arrivalsPerHour(source.items);
  const slots = agents ?? (source.agentSlots && source.agentSlots > 0 ? source.agentSlots : undefined);
  const arrivals: BacktestArrivals | undefined = rate !== undefined && slots !== undefined ? { perHour: rate, agents: slots, handleMinutes: handle !== undefined ? [handle] : handleTimes(source.items) } : undefined;
  const slaNote = rate === undefined ? 'no arrival rate: pass --per-hour N (conversations per hour)' : slots === undefined ? 'no staffing: pass --agents N (conversations agents can handle at once)' : undefined;

  const result = runBacktest(inputs, { current: first.current, proposed: first.proposed, replay: source.replay, onProgress: p.tick, ...(arrivals ? { arrivals } : {}) });

  const meta: BacktestMeta = {
    source: source.label,
    current: values.current ? basename(values.current) : 'the built-in defaults',
    proposed: basename(values.policy),
    ...(slaNote ? { slaNote } : {}),
  };
  if (values.json) writeFileSync(values.json, JSON.stringify({ source: meta.source, policies: { current: meta.current, proposed: meta.proposed }, ...result }, null, 1) + '\n');
  if (values.html) writeFileSync(values.html, renderBacktestHtml(result, meta));
  process.stdout.write(formatBacktest(result, meta, show) + '\n');
  if (model) process.stdout.write(`${formatModelStats(model.stats)}\n`);
  if (values.json && !quiet) process.stderr.write(`wrote ${values.json}\n`);
  if (values.html && !quiet) process.stderr.write(`wrote ${values.html}\n`);
  return 0;
}
