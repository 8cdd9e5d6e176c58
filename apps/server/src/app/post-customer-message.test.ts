import { createEngine, resolvePolicy } from '@baton/core';
import { describe, expect, it } from 'vitest';
import { loadKb } from '../adapters/files/load-kb.js';
import { TEST_DATABASES } from '../test/databases.js';
import { makeAgent, makeConversation, makeTeam } from '../test/factories.js';
import { useMediumContext } from '../test/medium-context.js';
import { DEMO_KB } from '../test/test-server.js';
import { postCustomerMessage } from './post-customer-message.js';

describe.each(TEST_DATABASES)('postCustomerMessage on %s', (kind) => {
  const articles = loadKb(DEMO_KB);
  const m = useMediumContext(kind, { articles });

  it('the offer of a choice quotes the wait of the team the handoff would go to, whatever the teams are called', async () => {
    const { ctx } = m;
    ctx.setEngine(createEngine({ policy: resolvePolicy({ customerRequest: { offerChoiceForSimple: true } }), articles }), 1);
    // The default team's one agent is busy; another team has a free agent, whose slot is not this customer's.
    const frontline = await makeTeam(ctx, { name: 'Frontline', isDefault: true });
    const billing = await makeTeam(ctx, { name: 'Billing', skills: [{ kind: 'category', value: 'billing', proficiency: 5 }] });
    await makeAgent(ctx, { teams: [frontline], capacity: 0 });
    await makeAgent(ctx, { teams: [billing] });
    const conv = await makeConversation(ctx);

    expect((await postCustomerMessage(ctx, conv.id, { text: 'how do I reset my password' })).replies[0]!.action).toBe('answer');
    const { replies } = await postCustomerMessage(ctx, conv.id, { text: 'can I talk to a person about it' });
    expect(replies[0]!.action).toBe('offer_choice');
    // First in Frontline's queue, no spare slot, one agent, no history: the default handle time.
    expect(replies[0]!.text).toContain(`expected reply: about ${ctx.config.defaultHandleMinutes} minutes`);
  });
});
