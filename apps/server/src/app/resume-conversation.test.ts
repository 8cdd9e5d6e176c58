import { describe, expect, it } from 'vitest';
import { getConversation } from '../adapters/db/repositories/conversations.repository.js';
import { TEST_DATABASES } from '../test/databases.js';
import { useMediumContext } from '../test/medium-context.js';
import { authenticateCustomer } from './agent-auth.js';
import { continueLink } from './email/compose-email.js';
import { resumeConversation } from './resume-conversation.js';
import { startConversation } from './start-conversation.js';

describe.each(TEST_DATABASES)('resumeConversation on %s', (kind) => {
  const m = useMediumContext(kind);

  it('trades the emailed link for a fresh token that reads the conversation; the old token stops working', async () => {
    const { ctx } = m;
    const { conversation, token: old } = await startConversation(ctx, { customer: { name: 'Ana', email: 'ana@example.com' }, timeZone: 'America/New_York' });
    expect((await getConversation(ctx.db, conversation.id))?.timeZone).toBe('America/New_York');
    const link = new URL(continueLink('https://help.example', conversation));
    const { conversation: resumed, token } = await resumeConversation(ctx, link.searchParams.get('conversation')!, link.searchParams.get('resume')!);
    expect(resumed.caseNumber).toBe(conversation.caseNumber);
    expect(await authenticateCustomer(ctx, token)).toBe(conversation.id);
    expect(await authenticateCustomer(ctx, old)).toBeNull();
  });

  it('refuses a wrong or cut-short credential, and an unknown conversation, with the same error', async () => {
    const { ctx } = m;
    const { conversation, token } = await startConversation(ctx, {});
    const resume = new URL(continueLink('https://help.example', conversation)).searchParams.get('resume')!;
    for (const [id, credential] of [[conversation.id, resume.slice(0, -1)], [conversation.id, 'x'.repeat(43)], [ctx.newId(), resume]]) {
      await expect(resumeConversation(ctx, id!, credential!)).rejects.toMatchObject({ code: 'CONVERSATION_ERR_RESUME_INVALID', field: 'resume' });
    }
    // Nothing changed for the customer already chatting.
    expect(await authenticateCustomer(ctx, token)).toBe(conversation.id);
  });
});
