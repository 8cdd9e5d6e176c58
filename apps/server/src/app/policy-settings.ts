import type { Engine, KbArticle, Policy, PolicyInput } from '@baton/core';
import { createEngine, resolvePolicy } from '@baton/core';
import { ZPolicyInputSchema } from '@baton/contracts';
import type { Sql } from '../adapters/db/database.js';
import type { SettingVersion } from '../adapters/db/repositories/settings.repository.js';
import { insertSettingVersion, latestSetting, listSettingVersions } from '../adapters/db/repositories/settings.repository.js';
import { DomainError } from '../errors.js';
import type { AppContext } from './context.js';
import { withEvents } from './with-events.js';

const KEY = 'policy';

/** The stored policy (version 0 means the file or the defaults were never overridden). */
export async function currentPolicy(db: Sql, fallback: PolicyInput): Promise<{ version: number; input: PolicyInput; policy: Policy }> {
  const latest = await latestSetting<PolicyInput>(db, KEY);
  const input = latest?.value ?? fallback;
  return { version: latest?.version ?? 0, input, policy: resolvePolicy(input) };
}

/** Which policy is in force: a saved version wins over the BATON_POLICY file, which wins over the defaults. */
export function policySource(version: number, policyFile: string | null): { kind: 'saved' | 'file' | 'defaults'; file: string | null } {
  return { kind: version > 0 ? 'saved' : policyFile ? 'file' : 'defaults', file: policyFile };
}

/** The start-up line that says which policy is in force, and that a saved one overrides the file. */
export function policySourceLine(version: number, policyFile: string | null): { level: 'info' | 'warn'; message: string } {
  const s = policySource(version, policyFile);
  if (s.kind === 'saved' && policyFile) return { level: 'warn', message: `policy: version ${version}, saved in the workspace, is in force; BATON_POLICY (${policyFile}) is ignored while a saved version exists (docs/policy.md)` };
  if (s.kind === 'saved') return { level: 'info', message: `policy: version ${version}, saved in the workspace` };
  return { level: 'info', message: s.kind === 'file' ? `policy: from BATON_POLICY (${policyFile})` : 'policy: the defaults (no BATON_POLICY, none saved)' };
}

export function policyHistory(db: Sql): Promise<SettingVersion<PolicyInput>[]> {
  return listSettingVersions<PolicyInput>(db, KEY);
}

/**
 * Saves a new policy version. It is validated first (every bad key named), and compiled into an
 * engine before it is stored, so a policy that cannot run is never saved. `expectedVersion`
 * stops two admins from overwriting each other.
 */
export async function updatePolicy(ctx: AppContext, by: string, raw: unknown, expectedVersion: number): Promise<{ version: number; policy: Policy }> {
  const parsed = ZPolicyInputSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new DomainError('POLICY_ERR_INVALID', parsed.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`).join('; '), first.path.join('.') || undefined);
  }
  const input = parsed.data as PolicyInput;
  let engine: Engine;
  try {
    engine = buildEngine(resolvePolicy(input), [...ctx.articles().values()], ctx);
  } catch (err) {
    throw new DomainError('POLICY_ERR_INVALID', (err as Error).message);
  }
  const saved = await withEvents(ctx, async (tx, emit) => {
    const s = await insertSettingVersion(tx, { key: KEY, version: expectedVersion + 1, value: input, createdBy: by, createdAt: ctx.clock() });
    if (!s) throw new DomainError('POLICY_ERR_VERSION_CONFLICT', `the policy changed since version ${expectedVersion}; reload and try again`, 'version');
    await emit({ type: 'policy.updated', payload: { version: s.version, by } });
    return s;
  });
  ctx.setEngine(engine, saved.version);
  return { version: saved.version, policy: engine.policy };
}

/** An engine for a policy, sharing the already trained answerer. */
export function buildEngine(policy: Policy, articles: KbArticle[], ctx?: Pick<AppContext, 'engine'>): Engine {
  let current: Engine | undefined;
  try {
    current = ctx?.engine();
  } catch {
    current = undefined;
  }
  const answerer = current?.answerer;
  // The KB's sentence vectors come along, so the new policy keeps the encoder's second opinions.
  return createEngine({ policy, ...(answerer ? { answerer } : { articles }), ...(current?.vectors ? { vectors: current.vectors } : {}) });
}
