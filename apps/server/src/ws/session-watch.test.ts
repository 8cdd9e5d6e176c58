import { describe, expect, it } from 'vitest';
import { insertCustomerDeviceToken } from '../adapters/db/repositories/customer-tokens.repository.js';
import { TEST_DATABASES } from '../test/databases.js';
import { makeConversation } from '../test/factories.js';
import { useMediumContext } from '../test/medium-context.js';
import type { WatchedSession } from './session-watch.js';
import { createSessionWatch } from './session-watch.js';

// Idle widgets at scale (issue 14): every customer stream of a node has its token checked once a
// minute, in one query for all of them, and a token that no longer opens its conversation ends
// its stream at that check.
describe.each(TEST_DATABASES)('the session watch on %s', (kind) => {
  const statements: string[] = [];
  const m = useMediumContext(kind, { env: { BATON_CUSTOMER_TOKEN_IDLE_HOURS: '2' }, onQuery: (sql) => statements.push(sql) });

  it('checks 2,500 open streams in two reads and two writes, and ends only the streams whose token stopped working', async () => {
    const conversations = await Promise.all(Array.from({ length: 5 }, () => makeConversation(m.ctx)));
    // The database stamped them: the clock starts there.
    m.clock.set(Math.max(...conversations.map((c) => c.createdAt.getTime())));
    const answers = new Map<WatchedSession, boolean[]>();
    const watch = createSessionWatch(m.ctx);
    // Five real conversations, each with 500 streams open (tabs, devices): 2,500 sockets.
    // The first conversation's streams hold a token that opens nothing (the conversation was erased,
    // say); the second's, the token a continue link gave another device.
    const tokenOf = (i: number, c: (typeof conversations)[number]) => (i === 0 ? 'a-forgotten-token-hash' : i === 1 ? 'a-second-device-token-hash' : c.tokenHash);
    await m.ctx.db.transaction().execute((tx) => insertCustomerDeviceToken(tx, { tokenHash: 'a-second-device-token-hash', conversationId: conversations[1]!.id, at: m.clock.now() }));
    const sessions = conversations.flatMap((c, i) =>
      Array.from({ length: 500 }, () => {
        const s: WatchedSession = { tokenHash: tokenOf(i, c), conversationId: c.id, checked: (alive) => answers.get(s)!.push(alive) };
        answers.set(s, []);
        watch.watch(s);
        return s;
      }),
    );
    // An hour on, every token that still works is noted as used: one read and one write for the
    // conversations' own tokens, one of each for the other devices' tokens.
    m.clock.advance(3_600_000);
    statements.length = 0;
    await watch.checkAll();
    expect(statements.filter((q) => q.startsWith('select')).length).toBe(2);
    expect(statements.filter((q) => q.startsWith('update')).length).toBe(2);
    for (const s of sessions) expect(answers.get(s)).toEqual([s.conversationId !== conversations[0]!.id]);

    // Two hours and a minute later the noted use has lapsed too: every stream ends; a stream closed meanwhile is not asked.
    const gone = sessions.at(-1)!;
    watch.unwatch(gone);
    m.clock.advance(2 * 3_600_000 + 60_000);
    await watch.checkAll();
    for (const s of sessions.slice(500, -1)) expect(answers.get(s)).toEqual([true, false]);
    expect(answers.get(gone)).toEqual([true]);
    watch.close();
  }, 60_000);
});
