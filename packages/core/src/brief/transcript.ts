import type { Conversation, Role } from '../conversation.js';
import { BRIEF_PII_KINDS, maskPii } from '../privacy/mask-pii.js';
import type { BriefRoleLabel, BriefTurn } from './brief.js';
import { isoOf } from './dates.js';

const LABELS: Record<Role, BriefRoleLabel> = { customer: 'Customer', ai: 'AI', agent: 'Agent', system: 'System' };

/**
 * The whole conversation as agents read it (DESIGN §4): who wrote each turn, when, and the
 * text with payment and government ids masked. Agent names come from the caller because turns do not carry
 * them; the customer's name from the profile, so the transcript reads like a conversation.
 */
export function buildTranscript(conversation: Conversation, authorNames: readonly (string | undefined)[] = [], customerName?: string): BriefTurn[] {
  return conversation.turns.map((t, index) => {
    const role = LABELS[t.role] ?? 'System';
    const turn: BriefTurn = { index, role, text: maskPii(typeof t.text === 'string' ? t.text : '', BRIEF_PII_KINDS) };
    const name = authorNames[index] ?? (t.role === 'customer' ? customerName : undefined);
    if (name) turn.name = name;
    const at = isoOf(t.at);
    if (at) turn.at = at;
    return turn;
  });
}
