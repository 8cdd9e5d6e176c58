import { describe, expect, it } from 'vitest';
import type { Role } from '../conversation.js';
import { buildTranscript } from './transcript.js';

describe('buildTranscript', () => {
  it.each<[Role, string]>([
    ['customer', 'Customer'],
    ['ai', 'AI'],
    ['agent', 'Agent'],
    ['system', 'System'],
  ])('labels %s turns "%s"', (role, label) => {
    expect(buildTranscript({ turns: [{ role, text: 'x' }] })[0]?.role).toBe(label);
  });

  it('names turns from the parallel array, the customer from the profile, and keeps times', () => {
    const out = buildTranscript(
      { turns: [{ role: 'customer', text: 'hi', at: 0 }, { role: 'agent', text: 'hello' }, { role: 'ai', text: 'ok', at: Number.NaN }] },
      [undefined, 'Alex'],
      'Sarah Jones',
    );
    expect(out).toEqual([
      { index: 0, role: 'Customer', name: 'Sarah Jones', text: 'hi', at: '1970-01-01T00:00:00.000Z' },
      { index: 1, role: 'Agent', name: 'Alex', text: 'hello' },
      { index: 2, role: 'AI', text: 'ok' },
    ]);
  });

  it('masks card numbers and keeps markup as text', () => {
    const [turn] = buildTranscript({ turns: [{ role: 'customer', text: '<b>card</b> 4111 1111 1111 1111' }] });
    expect(turn?.text).toBe('<b>card</b> •••• 1111');
  });
});
