import { describe, expect, it } from 'vitest';
import type { Conversation } from '../conversation.js';
import { aiAttempts } from './attempts.js';
import type { VerifiedFact } from './context.js';

const ARTICLES = new Map([['track', { id: 'track', title: 'Track an order' }]]);

function afterAnswer(reply: string | undefined): Conversation {
  const turns: Conversation['turns'] = [{ role: 'customer', text: 'where is my order' }, { role: 'ai', text: 'Here is how to track it', articleId: 'track' }];
  if (reply !== undefined) turns.push({ role: 'customer', text: reply });
  return { turns };
}

describe('aiAttempts', () => {
  it.each([
    ["that didn't help", false],
    ['This does not work', false],
    ["still waiting, nothing's changed", false],
    ['thanks, that helped!', true],
    ['Perfect', true],
    ['ok and what about returns?', null],
    [undefined, null],
  ])('after "%s" the article worked: %s', (reply, worked) => {
    const out = aiAttempts(afterAnswer(reply), [{ articleId: 'track', messageIndex: 1, failed: false }], [], ARTICLES);
    expect(out).toEqual([{ kind: 'article', ref: 'track', title: 'Track an order', messageIndex: 1, worked }]);
  });

  it('trusts a known failure over a polite reply', () => {
    const out = aiAttempts(afterAnswer('thanks'), [{ articleId: 'track', messageIndex: 1, failed: true }], [], ARTICLES);
    expect(out[0]?.worked).toBe(false);
  });

  it('lists an article sent twice once, where it was first sent, failed when either sending failed', () => {
    const conversation: Conversation = {
      turns: [
        { role: 'customer', text: 'where is my order' },
        { role: 'ai', text: 'Here is how to track it', articleId: 'track' },
        { role: 'customer', text: "that didn't help, where is it" },
        { role: 'ai', text: 'Here is how to track it', articleId: 'track' },
        { role: 'customer', text: 'thanks' },
      ],
    };
    const out = aiAttempts(conversation, [{ articleId: 'track', messageIndex: 1, failed: false }, { articleId: 'track', messageIndex: 3, failed: false }], [], ARTICLES);
    expect(out).toEqual([{ kind: 'article', ref: 'track', title: 'Track an order', messageIndex: 1, worked: false }]);
  });

  it('shows the article id when the title is unknown, and lists lookups in order', () => {
    const fact: VerifiedFact = { kind: 'order', orderId: '#77', messageIndex: 0, order: { id: '77', status: 'packed' } };
    const out = aiAttempts(afterAnswer(undefined), [{ articleId: 'gone', messageIndex: 1, failed: false }], [fact], undefined);
    expect(out.map((a) => [a.kind, a.title, a.worked])).toEqual([
      ['tool', 'Order lookup #77 (packed)', true],
      ['article', 'gone', null],
    ]);
  });
});
