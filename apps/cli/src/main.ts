import { createWriteStream, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { TAssessDecision, TEvalConversation } from '@baton/contracts';
import type { Engine } from '@baton/core';
import { decideMany } from '@baton/core';
import type { UseEncoder } from '@baton/encoder';
import { loadCliEncoder } from './encoder.js';
import type { KbChoice } from './assess.js';
import { EngineCache, toAssessLine, toConversation } from './assess.js';
import { CliError } from './errors.js';
import { crossCheck, formatReport } from './eval.js';
import type { InputConversation } from './jsonl.js';
import { parseConversations, readInput } from './jsonl.js';
import { loadPolicy } from './files.js';
import { score } from './score.js';
import { agentAccess, agentAdd, deadLettersList, runMigrate, serve, teamAdd } from './serve.js';
import { backtest, BACKTEST_USAGE } from './backtest.js';
import { decideWithModel, formatModelStats, modelFromEnv } from './with-model.js';
import { KB_GAPS_USAGE, kbGaps } from './kb-gaps.js';

const USAGE = `baton: Baton's command line

  baton assess [--kb DIR | --kb-root DIR] [--policy FILE] [--lexical] FILE.jsonl|-
      One JSON decision per conversation on stdout:
      {id, action, reasons[], priority, confidence, articleId?, intent?, sentiment:{label, score}, reasonDetails[]}

  baton eval [--kb DIR | --kb-root DIR] [--policy FILE] [--lexical] [--decisions OUT.jsonl] [--json]
             [--scorer score.mjs] FILE.jsonl...
      Scores labelled conversations and prints a report. With BATON_LLM_* set (docs/llm.md), the
      model weighs in on every decision as it does on the server, and its calls are reported.

${BACKTEST_USAGE}
${KB_GAPS_USAGE}
  baton serve [--demo] [--port N] [--host H]
      The server (configured by the environment: PORT, HOST, BATON_DATA_DIR, DATABASE_URL, REDIS_URL,
      BATON_KB_DIR, BATON_POLICY, BATON_QUEUE_UPDATE_SECONDS, BATON_DEMO). --demo seeds demo teams,
      agents (passwords printed) and customers, and uses the demo KB.

  baton migrate
      Applies pending database migrations (the server also does this on start).

  baton agent add --email E --name N --password P [--role agent|supervisor|admin] [--team T]... [--capacity N]
  baton agent disable|enable --email E
  baton agent role --email E --role agent|supervisor|admin
  baton agent password --email E --password P
  baton team add --name N [--skill kind:value[:1-5]]... [--tier T]... [--default]
      Admin commands on the configured database. Disabling, a new role or a new password ends
      the agent's sessions; a disabled agent's conversations go back to the queue.

  baton dead-letters [--status dead|retrying|replayed|all] [--listener L]
      Events a listener could not handle after its retries (replay them from a running server:
      POST /api/v1/admin/dead-letters/:id/replay, or the workspace's Settings).

Options
  --kb DIR        the knowledge base for every conversation (a folder of Markdown articles)
  --kb-root DIR   a folder of KBs; each conversation's "kb" names one (default: ../kb beside the input file)
  --policy FILE   an escalation policy in YAML or JSON (default: the built-in defaults, docs/policy.md)
  --lexical       decide without the sentence encoder (also BATON_ENCODER=off)
  --quiet         no progress on stderr

The sentence encoder's KB vectors are cached in BATON_CACHE_DIR (default ~/.cache/baton).
`;

/** Runs one command; returns the exit code. Errors meant for people are CliErrors. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'assess') return await assess(rest);
  if (command === 'eval') return await evaluate(rest);
  if (command === 'backtest') return backtest(rest, USAGE);
  if (command === 'kb-gaps') return kbGaps(rest, USAGE);
  if (command === 'serve') return serve(rest);
  if (command === 'migrate') return runMigrate();
  if (command === 'agent' && rest[0] === 'add') return agentAdd(rest.slice(1));
  if (command === 'agent' && ['disable', 'enable', 'role', 'password'].includes(rest[0] ?? '')) return agentAccess(rest[0]!, rest.slice(1));
  if (command === 'team' && rest[0] === 'add') return teamAdd(rest.slice(1));
  if (command === 'dead-letters') return deadLettersList(rest);
  throw new CliError('CLI_ERR_COMMAND', `unknown command "${command}"\n\n${USAGE}`, 2);
}

const OPTIONS = {
  kb: { type: 'string' },
  'kb-root': { type: 'string' },
  policy: { type: 'string' },
  quiet: { type: 'boolean' },
  lexical: { type: 'boolean' },
  decisions: { type: 'string' },
  json: { type: 'boolean' },
  scorer: { type: 'string' },
} as const;

function parse(args: string[], command: 'assess' | 'eval') {
  try {
    const parsed = parseArgs({ args, allowPositionals: true, options: OPTIONS });
    if (command === 'assess') {
      const evalOnly = (['decisions', 'json', 'scorer'] as const).filter((k) => parsed.values[k] !== undefined);
      if (evalOnly.length) throw new Error(`--${evalOnly[0]} is an option of baton eval, not of assess`);
    }
    return parsed;
  } catch (err) {
    throw new CliError('CLI_ERR_ARGS', `${(err as Error).message}\n\n${USAGE}`, 2);
  }
}

function kbChoice(values: Record<string, unknown>): KbChoice {
  if (values.kb && values['kb-root']) throw new CliError('CLI_ERR_ARGS', '--kb and --kb-root cannot be used together', 2);
  return { ...(values.kb ? { kb: String(values.kb) } : {}), ...(values['kb-root'] ? { kbRoot: String(values['kb-root']) } : {}) };
}

/** Progress for long runs, on stderr so stdout stays machine-readable. */
function progress(quiet: boolean) {
  const tty = process.stderr.isTTY;
  return {
    loaded: (dir: string, ms: number, n: number) => {
      if (!quiet) process.stderr.write(`${tty ? '\r\x1b[K' : ''}loaded ${n} articles from ${dir} in ${Math.round(ms)} ms\n`);
    },
    tick: (done: number, total: number) => {
      if (quiet || !tty || (done % 500 !== 0 && done !== total)) return;
      process.stderr.write(`\r\x1b[Kassessed ${done}/${total}`);
      if (done === total) process.stderr.write('\n');
    },
  };
}

/** Conversations decided together: the encoder embeds their texts in one batch. */
const WINDOW = 64;

async function run(
  inputs: InputConversation[],
  cache: EngineCache,
  encoder: UseEncoder | null,
  tick: (done: number, total: number) => void,
  onDecision: (d: TAssessDecision) => void,
  model: ReturnType<typeof modelFromEnv> = null,
): Promise<void> {
  let warned = false;
  const fallback = (err: Error) => {
    if (!warned) process.stderr.write(`sentence encoder failed (${err.message}); deciding on the lexical path\n`);
    warned = true;
  };
  for (let start = 0; start < inputs.length; start += WINDOW) {
    const window = inputs.slice(start, start + WINDOW);
    const engines: Engine[] = [];
    for (const input of window) engines.push(await cache.engineFor(input));
    const conversations = window.map((input) => toConversation(input.item));
    const decisions = await decideMany(conversations, (_c, i) => engines[i]!, encoder, fallback);
    for (const [i, embedded] of decisions.entries()) {
      // BATON_LLM_* set: the model weighs in as it does on the server, one conversation at a time.
      const decision = model ? await decideWithModel(model, engines[i]!, conversations[i]!, embedded) : embedded;
      onDecision(toAssessLine(window[i]!.item.id, decision));
      tick(start + i + 1, inputs.length);
    }
  }
}

async function assess(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, 'assess');
  if (positionals.length !== 1) throw new CliError('CLI_ERR_ARGS', `assess takes one input file (or - for stdin), got ${positionals.length}\n\n${USAGE}`, 2);
  const file = positionals[0]!;
  const inputs = parseConversations(readInput(file), file);
  const policy = loadPolicy(values.policy);
  const p = progress(values.quiet === true);
  const encoder = await loadCliEncoder(values.lexical === true, values.quiet === true);
  try {
    const cache = new EngineCache(policy, kbChoice(values), p.loaded, encoder?.persistent() ?? null);
    const chunks: string[] = [];
    await run(inputs, cache, encoder, p.tick, (d) => {
      chunks.push(JSON.stringify(d));
      if (chunks.length >= 256) process.stdout.write(chunks.splice(0).join('\n') + '\n');
    });
    if (chunks.length) process.stdout.write(chunks.join('\n') + '\n');
  } finally {
    await encoder?.close();
  }
  return 0;
}

async function evaluate(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, 'eval');
  if (!positionals.length) throw new CliError('CLI_ERR_ARGS', `eval needs at least one labelled .jsonl file\n\n${USAGE}`, 2);
  const policy = loadPolicy(values.policy);
  const p = progress(values.quiet === true);
  let loadMs = 0;
  const encoder = await loadCliEncoder(values.lexical === true, values.quiet === true);
  const cache = new EngineCache(
    policy,
    kbChoice(values),
    (dir, ms, n) => {
      loadMs += ms;
      p.loaded(dir, ms, n);
    },
    encoder?.persistent() ?? null,
  );
  const inputs = positionals.flatMap((f) => parseConversations(readInput(f), f));
  const items: TEvalConversation[] = inputs.map((i) => i.item);
  const decisions = new Map<string, TAssessDecision>();
  const model = modelFromEnv();
  if (model && !values.quiet) process.stderr.write(`${formatModelStats(model.stats).split(':')[0]}: every decision the policy does not hand over is checked with the model (BATON_LLM_*)\n`);
  const started = performance.now();
  try {
    await run(inputs, cache, encoder, p.tick, (d) => decisions.set(d.id, d), model);
  } finally {
    await encoder?.close();
  }
  const seconds = (performance.now() - started - loadMs) / 1000;
  if (values.decisions) {
    const out = createWriteStream(values.decisions);
    for (const d of decisions.values()) out.write(JSON.stringify(d) + '\n');
    out.end();
  }
  if (values.json) {
    process.stdout.write(JSON.stringify(score(items, decisions), null, 1) + '\n');
    return 0;
  }
  const mode = encoder ? `with the sentence encoder (${encoder.stats().textsEmbedded} texts embedded, ${encoder.stats().hits + encoder.stats().diskHits} from cache)` : 'lexical only';
  process.stdout.write(
    `${formatReport(items, decisions)}\n\n${items.length} conversations assessed ${mode} in ${seconds.toFixed(2)} s (${Math.round(items.length / seconds)}/s), after ${(loadMs / 1000).toFixed(2)} s loading KBs\n${model ? `${formatModelStats(model.stats)}\n` : ''}`,
  );
  if (values.scorer) {
    const check = crossCheck(values.scorer, positionals, items, decisions);
    process.stdout.write(`\nThe scorer's table (${values.scorer}):\n${check.theirs}\n\n`);
    if (!check.agrees) {
      writeFileSync('eval-ours.tsv', check.ours + '\n');
      throw new CliError('EVAL_ERR_DISAGREE', `baton eval and ${values.scorer} disagree; our table is in eval-ours.tsv`);
    }
    process.stdout.write('baton eval agrees with the scorer on every figure.\n');
  }
  return 0;
}
