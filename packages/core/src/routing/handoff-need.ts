import type { Priority } from '../policy/policy.js';

/** What a handoff needs from whoever takes it: the input of routing. */
export interface HandoffNeed {
  /** A routing category from `categoryForDecision`, e.g. 'billing', 'security', 'orders', 'sales'. */
  category?: string;
  /** The customer's language, BCP 47 or 'und'. */
  language: string;
  /** The channel the customer is on; they stay on it (DESIGN §9). */
  channel: string;
  /** The customer's tier, when known. */
  tier?: string;
  priority: Priority;
}
