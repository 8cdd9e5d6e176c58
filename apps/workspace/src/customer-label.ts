import type { THandoff as Handoff } from '@baton/contracts';

/**
 * How a customer is named in lists: their name, else the address they gave, else "Visitor" and
 * the case's number, so two anonymous customers in a queue are never both "Customer".
 */
export function customerLabel(h: Pick<Handoff, 'brief' | 'conversationId'> & { callback?: Handoff['callback'] }): string {
  const name = h.brief.headline?.customerName?.trim();
  if (name) return name;
  const email = h.brief.identity?.email ?? h.callback?.email;
  if (email) return email;
  return visitorLabel(h.brief.caseNumber, h.conversationId);
}

/**
 * "Visitor" and the case's digits (unique, since case numbers never repeat), else the
 * conversation id's first characters: an anonymous customer told apart from every other.
 */
export function visitorLabel(caseNumber: string | null | undefined, conversationId: string): string {
  const digits = (caseNumber ?? '').replace(/\D/g, '');
  return `Visitor ${digits || conversationId.slice(0, 8).toUpperCase()}`;
}

/** The one line a notification shows: who, where it went, and the issue ("Visitor 10482 → Billing: Wants a duplicate charge reversed"). */
export function handoffLine(h: Pick<Handoff, 'brief' | 'conversationId' | 'team'>): string {
  const issue = h.brief.headline?.issue ?? h.brief.intent?.summary ?? 'A customer is waiting';
  return `${customerLabel(h)}${h.team ? ` → ${h.team}` : ''}: ${issue}`;
}
