import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Config } from '@baton/server';
import { ConfigError, consoleLog, createAgent, createLimiter, createLocalBus, createMemoryLimitStore, createTeam, DomainError, getAgentByEmail, listDeadLetters, loadConfig, migrate, openAttachmentStore, openDatabase, resetAgentPassword, seedDemo, startServer, updateAgentAccess } from '@baton/server';
import { CliError } from './errors.js';

/** The demo KB shipped in the repository, used by `serve --demo` when BATON_KB_DIR is not set. */
const DEMO_KB = fileURLToPath(new URL('../../../demo/kb', import.meta.url));

function config(overrides: Record<string, string | undefined> = {}): Config {
  try {
    return loadConfig({ ...process.env, ...overrides });
  } catch (err) {
    if (err instanceof ConfigError) throw new CliError(err.code, err.message);
    throw err;
  }
}

/** `baton serve [--demo] [--port N]`: the server, until Ctrl-C. */
export async function serve(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { demo: { type: 'boolean' }, port: { type: 'string' }, host: { type: 'string' } } });
  const demo = values.demo === true || process.env.BATON_DEMO === '1' || process.env.BATON_DEMO === 'true';
  const cfg = config({ ...(values.port ? { PORT: values.port } : {}), ...(values.host ? { HOST: values.host } : {}), ...(demo ? { BATON_DEMO: '1' } : {}) });
  const log = consoleLog(cfg.logLevel);
  const server = await startServer(cfg, {
    ...(demo && existsSync(DEMO_KB) ? { defaultKbDir: DEMO_KB } : {}),
    log,
    beforeListen: async (ctx) => {
      if (!demo) return;
      const { logins } = await seedDemo(ctx, { now: ctx.clock(), log: (line: string) => log('info', line) });
      if (logins.length) {
        const lines = logins.map((l) => `  ${l.email.padEnd(28)} ${l.password.padEnd(20)} ${l.name} (${l.role}, ${l.team})`);
        process.stdout.write(`\nDemo agents (passwords are generated and shown once):\n${lines.join('\n')}\n\n`);
      }
    },
  });
  if (demo) {
    const base = (server.url ?? '').replace('127.0.0.1', 'localhost');
    process.stdout.write(
      `Demo ready: API at ${base}/api/v1 (spec at ${base}/openapi.json), health at ${base}/healthz, Prometheus at ${base}/metrics.\n` +
        `Try: curl -s -XPOST ${base}/api/v1/conversations -H 'content-type: application/json' -d '{"customer":{"email":"sarah.jones@example.com"}}'\n`,
    );
  }
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      log('info', `${signal}: stopping`);
      void server.stop().then(resolve, resolve);
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  return 0;
}

/** `baton migrate`: applies pending migrations to the configured database. */
export async function runMigrate(): Promise<number> {
  const cfg = config();
  const db = await openDatabase(cfg);
  try {
    const applied = await migrate(db, (line) => process.stdout.write(`${line}\n`));
    if (!applied.length) process.stdout.write('the database is up to date\n');
    return 0;
  } finally {
    await db.close();
  }
}

/** Runs an admin command against the configured database, with the use cases the server uses. */
async function withAdminContext<T>(fn: (ctx: Parameters<typeof createAgent>[0]) => Promise<T>): Promise<T> {
  const cfg = config();
  const db = await openDatabase(cfg);
  try {
    await migrate(db);
    const bus = createLocalBus();
    const noJobs = { schedule: async () => {}, work: async () => {}, stop: async () => {} };
    const ctx = {
      db,
      bus,
      jobs: noJobs,
      config: cfg,
      limiter: createLimiter(createMemoryLimitStore(), cfg.limits, cfg.lockout),
      log: consoleLog(cfg.logLevel),
      attachments: openAttachmentStore(cfg, db, () => new Date()),
      clock: () => new Date(),
      newId: () => crypto.randomUUID(),
      encoder: null,
      engine: () => {
        throw new Error('no engine in admin commands');
      },
      setEngine: () => {},
      policyVersion: () => 0,
      articles: () => new Map(),
    };
    return await fn(ctx);
  } catch (err) {
    if (err instanceof DomainError) throw new CliError(err.code, err.message + (err.field ? ` (${err.field})` : ''));
    throw err;
  } finally {
    await db.close();
  }
}

/** `baton agent add --email E --name N --password P [--role agent|supervisor|admin] [--team T]…` */
export async function agentAdd(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' }, team: { type: 'string', multiple: true }, capacity: { type: 'string' } },
  });
  const missing = (['email', 'name', 'password'] as const).filter((k) => !values[k]);
  if (missing.length) throw new CliError('CLI_ERR_ARGS', `agent add needs ${missing.map((m) => `--${m}`).join(', ')}`, 2);
  const role = values.role ?? 'agent';
  if (!['agent', 'supervisor', 'admin'].includes(role)) throw new CliError('CLI_ERR_ARGS', `--role must be agent, supervisor or admin, not "${role}"`, 2);
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(values.email!)) throw new CliError('CLI_ERR_ARGS', `--email "${values.email}" is not an email address`, 2);
  const capacity = values.capacity ? Number(values.capacity) : 3;
  if (!Number.isInteger(capacity) || capacity < 0 || capacity > 50) throw new CliError('CLI_ERR_ARGS', '--capacity must be a whole number from 0 to 50', 2);
  const agent = await withAdminContext((ctx) =>
    createAgent(ctx, { email: values.email!, name: values.name!, password: values.password!, role: role as 'agent', teams: values.team ?? [], capacity }),
  );
  process.stdout.write(`created ${agent.role} ${agent.name} <${agent.email}> (id ${agent.id})${agent.teamIds.length ? ` in ${values.team!.join(', ')}` : ''}\n`);
  return 0;
}

/**
 * `baton agent disable|enable --email E`, `baton agent role --email E --role R` and
 * `baton agent password --email E --password P`: the admin's account actions, on the configured
 * database. Each ends the agent's sessions; a running server closes their streams within seconds.
 */
export async function agentAccess(action: string, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { email: { type: 'string' }, role: { type: 'string' }, password: { type: 'string' } } });
  if (!values.email) throw new CliError('CLI_ERR_ARGS', `agent ${action} needs --email`, 2);
  if (action === 'role' && !['agent', 'supervisor', 'admin'].includes(values.role ?? '')) throw new CliError('CLI_ERR_ARGS', '--role must be agent, supervisor or admin', 2);
  if (action === 'password' && !values.password) throw new CliError('CLI_ERR_ARGS', 'agent password needs --password', 2);
  const agent = await withAdminContext(async (ctx) => {
    const found = await getAgentByEmail(ctx.db, values.email!);
    if (!found) throw new CliError('AGENT_ERR_NOT_FOUND', `no agent with email ${values.email}`);
    if (action === 'password') return resetAgentPassword(ctx, found.id, values.password!);
    return updateAgentAccess(ctx, found.id, action === 'role' ? { role: values.role as 'agent' } : { disabled: action === 'disable' });
  });
  const state = agent.disabledAt ? 'disabled' : 'active';
  process.stdout.write(`${agent.name} <${agent.email}>: ${action === 'password' ? 'password reset' : `${agent.role}, ${state}`}; their sessions ended\n`);
  return 0;
}

/** `baton team add --name N [--skill kind:value:proficiency]… [--default]` */
export async function teamAdd(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { name: { type: 'string' }, skill: { type: 'string', multiple: true }, default: { type: 'boolean' }, tier: { type: 'string', multiple: true } } });
  if (!values.name) throw new CliError('CLI_ERR_ARGS', 'team add needs --name', 2);
  const skills = (values.skill ?? []).map((s) => {
    const [kind, value, level] = s.split(':');
    const proficiency = Number(level ?? 3);
    if (!['category', 'language', 'channel'].includes(kind ?? '') || !value || !Number.isInteger(proficiency) || proficiency < 1 || proficiency > 5) {
      throw new CliError('CLI_ERR_ARGS', `--skill "${s}" must be kind:value[:1-5], kind one of category, language, channel (e.g. category:billing:4)`, 2);
    }
    return { kind: kind as 'category', value, proficiency };
  });
  const team = await withAdminContext((ctx) => createTeam(ctx, { name: values.name!, skills, ...(values.default ? { isDefault: true } : {}), ...(values.tier?.length ? { tiers: values.tier } : {}) }));
  process.stdout.write(`created team ${team.name} (id ${team.id})\n`);
  return 0;
}

/**
 * `baton dead-letters [--status dead|retrying|replayed|all] [--listener L]`: the events a listener
 * could not handle, newest first. Replaying them runs the listener, so it is done by a running
 * server: `POST /api/v1/admin/dead-letters/:id/replay`, or Settings → Failed events.
 */
export async function deadLettersList(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { status: { type: 'string' }, listener: { type: 'string' } } });
  const status = values.status ?? 'dead';
  if (!['dead', 'retrying', 'replayed', 'all'].includes(status)) throw new CliError('CLI_ERR_ARGS', `--status must be dead, retrying, replayed or all, not "${status}"`, 2);
  const rows = await withAdminContext((ctx) => listDeadLetters(ctx.db, { ...(status !== 'all' ? { status: status as 'dead' } : {}), ...(values.listener ? { listener: values.listener } : {}) }));
  if (!rows.length) {
    process.stdout.write(status === 'dead' || status === 'all' ? 'no dead letters\n' : `no ${status} dead letters\n`);
    return 0;
  }
  for (const d of rows) {
    // The error came from elsewhere: control characters must not reach the terminal.
    // eslint-disable-next-line no-control-regex
    const error = d.lastError.replace(/[\u0000-\u001f\u007f]+/g, ' ');
    process.stdout.write(`${d.id}  ${d.status.padEnd(8)}  ${d.listener}  event ${d.eventSeq} ${d.eventType}  ${d.attempts} tries  ${new Date(d.deadAt ?? d.failedAt).toISOString()}\n    ${error}\n`);
  }
  return 0;
}
