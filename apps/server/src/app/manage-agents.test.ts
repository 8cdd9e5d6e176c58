import { describe, expect, it } from 'vitest';
import { listAgents } from '../adapters/db/repositories/agents.repository.js';
import { DomainError } from '../errors.js';
import { TEST_DATABASES } from '../test/databases.js';
import { useMediumContext } from '../test/medium-context.js';
import { createAgent } from './manage-agents.js';

describe.each(TEST_DATABASES)('createAgent on %s', (kind) => {
  // The lowest scrypt cost keeps the hashing quick; the policy's own default is tested in sessions.test.ts.
  const m = useMediumContext(kind, { env: { BATON_PASSWORD_COST: '14' } });
  const taken = { code: 'AGENT_ERR_EMAIL_TAKEN', field: 'email' };

  it('refuses an email already taken, in any case, naming the field', async () => {
    await createAgent(m.ctx, { email: 'robin@example.test', name: 'Robin', password: 'a long enough passphrase' });
    const again = createAgent(m.ctx, { email: 'Robin@Example.test', name: 'Robin again', password: 'a long enough passphrase' });
    await expect(again).rejects.toBeInstanceOf(DomainError);
    await expect(again).rejects.toMatchObject(taken);
  });

  it('two admins adding the same person at once: one agent is created, the other is told the email is taken', async () => {
    const add = () => createAgent(m.ctx, { email: 'sam@example.test', name: 'Sam', password: 'a long enough passphrase' });
    const results = await Promise.allSettled([add(), add()]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
    expect(refused.reason).toBeInstanceOf(DomainError);
    expect(refused.reason).toMatchObject(taken);
    expect((await listAgents(m.ctx.db)).filter((a) => a.email === 'sam@example.test')).toHaveLength(1);
  });
});
