import { identityHash } from '../apps/server/src/app/signed-identity.js';
import { TEST_IDENTITY_SECRET } from '../apps/server/src/test/test-server.js';
import type { Escalated } from './workspace-helpers.js';
import type { serverApi } from './workspace-helpers.js';

type Api = ReturnType<typeof serverApi>;

/** A customer conversation the AI handles on its own (no handoff): the replay material for the policy preview. */
export async function askTheAi(api: Api, email: string, text: string): Promise<{ conversationId: string; customerToken: string }> {
  const conv = await api.call('POST', '/api/v1/conversations', undefined, { customer: { email, identifierHash: identityHash(TEST_IDENTITY_SECRET, email) } });
  if (conv.status !== 201) throw new Error(`start: ${conv.status} ${JSON.stringify(conv.body)}`);
  const said = await api.call('POST', `/api/v1/conversations/${conv.body.id}/messages`, conv.body.token, { text });
  if (said.status >= 300) throw new Error(`say: ${said.status} ${JSON.stringify(said.body)}`);
  return { conversationId: conv.body.id as string, customerToken: conv.body.token as string };
}

async function ok(p: Promise<{ status: number; body: unknown }>, what: string) {
  const r = await p;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r;
}

/** Accepts, replies, resolves with an outcome and a verdict, and has the customer rate it. */
export async function handleToTheEnd(api: Api, h: Escalated, who: string, opts: { reply: string; outcome: string; verdict: string; category: string; csat?: number }): Promise<void> {
  const token = await api.token(who);
  await ok(api.call('POST', `/api/v1/handoffs/${h.handoffId}/accept`, token), 'accept');
  await ok(api.call('POST', `/api/v1/conversations/${h.conversationId}/messages`, token, { text: opts.reply }), 'reply');
  await ok(api.call('POST', `/api/v1/handoffs/${h.handoffId}/resolve`, token, { category: opts.category, outcome: opts.outcome, verdict: opts.verdict }), 'resolve');
  if (opts.csat !== undefined) await ok(api.call('POST', `/api/v1/conversations/${h.conversationId}/csat`, h.customerToken, { score: opts.csat }), 'csat');
}

/**
 * A small, varied history: handoffs handled to the end with ratings and verdicts, one left
 * waiting, conversations the AI answered, and questions the KB cannot answer (KB gaps).
 */
export async function seedHistory(api: Api): Promise<{ handled: Escalated[]; waiting: Escalated }> {
  const a = await api.escalate('sarah.jones@example.com', 'Where is my order #4821? I want to talk to a real person');
  await handleToTheEnd(api, a, 'alex', { reply: 'Hi Sarah, I can see order #4821 left our warehouse yesterday; it arrives Friday.', outcome: 'solved', verdict: 'needed', category: 'orders', csat: 5 });
  const b = await api.escalate('tom.baker@example.com', 'I was charged twice, let me speak to a human please');
  await handleToTheEnd(api, b, 'jordan', { reply: 'Hi Tom, I have refunded the duplicate charge; you will see it in 3-5 days.', outcome: 'solved', verdict: 'unnecessary', category: 'billing', csat: 4 });
  const c = await api.escalate('lena.k@example.com', 'Get me a real person, the app crashes with error E42');
  await handleToTheEnd(api, c, 'jordan', { reply: 'Hi Lena, sorry about the crash with E42. Could you tell me your app version?', outcome: 'not_solved', verdict: 'too_late', category: 'technical', csat: 2 });
  const waiting = await api.escalate('max.payne@example.com', 'I want to talk to a real person');
  for (const [email, text] of [
    ['ai.one@example.com', 'How long does delivery take?'],
    ['ai.two@example.com', 'How do I change my delivery address?'],
    ['ai.three@example.com', 'How can I use a discount code?'],
    ['gap.one@example.com', 'Do you sell telescopes for astronomy?'],
    ['gap.two@example.com', 'Do you have telescopes for astronomy in stock?'],
    ['gap.three@example.com', 'Can I pay for my order with bitcoin?'],
    ['gap.four@example.com', 'Do you accept bitcoin payments for orders?'],
  ] as const)
    await askTheAi(api, email, text);
  return { handled: [a, b, c], waiting };
}
