import type { THandoff as Handoff } from '@baton/contracts';

/**
 * How a customer is named in lists: their name, else the address they gave, else "Visitor" and
 * the case's last digits, so two anonymous customers in a queue are never both "Customer".
 */
export function customerLabel(h: Pick<Handoff, 'brief' | 'conversationId'> & { callback?: Handoff['callback'] }): string {
  const name = h.brief.headline?.customerName?.trim();
  if (name) return name;
  const email = h.brief.identity?.email ?? h.callback?.email;
  if (email) return email;
  const digits = (h.brief.caseNumber ?? '').replace(/\D/g, '');
  return `Visitor ${digits ? digits.slice(-4) : h.conversationId.slice(0, 4)}`;
}
