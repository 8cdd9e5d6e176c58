import type { THandoff as Handoff } from '@baton/contracts';
import { handoffLine } from './customer-label';
import type { Toast } from './workspace';

type Offered = Pick<Handoff, 'id' | 'priority' | 'brief' | 'conversationId' | 'team'>;

/** The notice of a handoff offered to the signed-in agent; critical ones stay until dismissed. */
export function offerToast(h: Offered): Toast {
  return { id: `offer-${h.id}`, priority: h.priority, title: 'Offered to you', body: handoffLine(h), handoffId: h.id, sticky: h.priority === 'critical' };
}

/**
 * The handoffs waiting on the agent's answer to an offer that this page has not told them of.
 * An offer made before the page's stream was subscribed comes with no event on it: a page opened
 * or reloaded while the agent already counted as online (another tab, or within the presence
 * grace) starts its stream at "now", after the offer. The waiting list read from the API still
 * has it, with `offeredAgentId`; each is told once per page (`told`), so a dismissed notice does
 * not come back with the next list.
 */
export function untoldOffers<H extends Pick<Handoff, 'id' | 'offeredAgentId'>>(waiting: readonly H[], agentId: string, told: ReadonlySet<string>): H[] {
  return waiting.filter((h) => h.offeredAgentId === agentId && !told.has(h.id));
}
