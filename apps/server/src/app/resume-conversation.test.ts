import { describe, expect, it } from 'vitest';
import { getConversation } from '../adapters/db/repositories/conversations.repository.js';
import { TEST_DATABASES } from '../test/databases.js';
import { useMediumContext } from '../test/medium-context.js';
import { authenticateCustomer } from './agent-auth.js';
import { newContinueLink } from './email/compose-email.js';
import { resumeConversation } from './resume-conversation.js';
import { startConversation } from './start-conversation.js';

describe.each(TEST_DATABASES)('resumeConversation on %s', (kind) => {
  const m = useMediumContext(kind);
  const linkOf = (conversation: { id: string; replyToken: string | null }) => {
    const link = new URL(newContinueLink(m.ctx, conversation));
    return { id: link.searchParams.get('conversation')!, resume: link.searchParams.get('resume')! };
  };

  it('gives the device that opens the emailed link a token of its own; the first device keeps its token', async () => {
    const { ctx } = m;
    const { conversation, token: first } = await startConversation(ctx, { customer: { name: 'Ana', email: 'ana@example.com' }, timeZone: 'America/New_York' });
    expect((await getConversation(ctx.db, conversation.id))?.timeZone).toBe('America/New_York');
    const link = linkOf(conversation);
    const { conversation: resumed, token: second } = await resumeConversation(ctx, link.id, link.resume);
    expect(resumed.caseNumber).toBe(conversation.caseNumber);
    expect(second).not.toBe(first);
    expect(await authenticateCustomer(ctx, second)).toBe(conversation.id);
    expect(await authenticateCustomer(ctx, first)).toBe(conversation.id);
    // The second device's token ends after the same idle time as the first's, and lives on while used.
    m.clock.advance((ctx.config.customerTokenIdleHours - 1) * 3_600_000);
    expect(await authenticateCustomer(ctx, second)).toBe(conversation.id);
    m.clock.advance((ctx.config.customerTokenIdleHours - 1) * 3_600_000);
    expect(await authenticateCustomer(ctx, second)).toBe(conversation.id);
    m.clock.advance((ctx.config.customerTokenIdleHours + 1) * 3_600_000);
    expect(await authenticateCustomer(ctx, second)).toBeNull();
  });

  it('opens the conversation once per link, and not after the link expires', async () => {
    const { ctx } = m;
    const { conversation } = await startConversation(ctx, {});
    const link = linkOf(conversation);
    const tokens = await Promise.allSettled([resumeConversation(ctx, link.id, link.resume), resumeConversation(ctx, link.id, link.resume)]);
    // A double click: one device gets in, the other is told the link was used.
    expect(tokens.map((t) => t.status).sort()).toEqual(['fulfilled', 'rejected']);
    await expect(resumeConversation(ctx, link.id, link.resume)).rejects.toMatchObject({ code: 'CONVERSATION_ERR_RESUME_USED', field: 'resume' });
    // A newer link still works; an unused one past its time does not.
    const later = linkOf(conversation);
    const stale = linkOf(conversation);
    await expect(resumeConversation(ctx, later.id, later.resume)).resolves.toMatchObject({ conversation: { id: conversation.id } });
    m.clock.advance(ctx.config.continueLinkHours * 3_600_000);
    await expect(resumeConversation(ctx, stale.id, stale.resume)).rejects.toMatchObject({ code: 'CONVERSATION_ERR_RESUME_EXPIRED', field: 'resume' });
  });

  it('refuses a wrong, cut-short or altered credential, and an unknown conversation, with the same error', async () => {
    const { ctx } = m;
    const { conversation, token } = await startConversation(ctx, {});
    const { resume } = linkOf(conversation);
    const [linkId, expires, signature] = resume.split('.');
    const longer = `${linkId}.${Number(expires) + 3_600_000}.${signature}`;
    for (const [id, credential] of [[conversation.id, resume.slice(0, -1)], [conversation.id, 'x'.repeat(43)], [conversation.id, longer], [ctx.newId(), resume]]) {
      await expect(resumeConversation(ctx, id!, credential!)).rejects.toMatchObject({ code: 'CONVERSATION_ERR_RESUME_INVALID', field: 'resume' });
    }
    // Nothing changed for the customer already chatting, and the real link still works.
    expect(await authenticateCustomer(ctx, token)).toBe(conversation.id);
    await expect(resumeConversation(ctx, conversation.id, resume)).resolves.toMatchObject({ conversation: { id: conversation.id } });
  });
});
