/** Who wrote a turn. `ai` is the built-in assistant or an external bot; `agent` is a human. */
export type Role = 'customer' | 'ai' | 'agent' | 'system';

/** One turn of a conversation, as the engine sees it. */
export interface Turn {
  /** Who wrote it. */
  role: Role;
  /** The text as written; never trusted, never rendered as HTML. */
  text: string;
  /** For AI turns: the KB article the answer came from. Such a turn is an attempted resolution. */
  articleId?: string;
  /** For AI turns: whether the attempt is known to have failed (a tool error, a customer "that didn't help"). */
  failed?: boolean;
  /** For AI turns: what the assistant was doing, when known (a clarifying question counts towards "clarify once"). */
  action?: 'answer' | 'clarify' | 'decline' | 'offer_choice' | 'escalate';
  /** When it was written, in epoch milliseconds, when known. Used for rapid follow-ups. */
  at?: number;
}

/** What the engine knows of the customer, from the customer-context provider or the eval file. */
export interface CustomerContext {
  /** Free-form tier name; `vip` and `enterprise` (configurable) get priority. */
  tier?: string;
  name?: string;
  /** Preferred language, BCP 47, when known. */
  language?: string;
}

/** A whole conversation: the input of every decision. The decision is taken at the last customer turn. */
export interface Conversation {
  id?: string;
  turns: Turn[];
  customer?: CustomerContext;
}
