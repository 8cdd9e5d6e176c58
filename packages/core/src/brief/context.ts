/**
 * What the customer-context provider returns (DESIGN §9): the built-in tables or the business's
 * own HTTP endpoint. Every field but the ids is optional because businesses expose very
 * different amounts of data, and the brief must still be useful with a bare profile.
 */

/** One order, as the provider or the order-lookup tool returns it. Dates are ISO 8601. */
export interface OrderRecord {
  /** The order number as the customer would quote it, without "#". */
  id: string;
  /** The business's own status word, e.g. 'dispatched', 'delivered', 'cancelled'. */
  status: string;
  /** When the order was placed. */
  placedAt?: string;
  /** When it left the warehouse. */
  dispatchedAt?: string;
  /** The carrier's last tracking scan: what a "where is my order" answer hinges on. */
  lastScanAt?: string;
  /** The carrier's name, for a trace. */
  carrier?: string;
  /** The carrier's tracking number. */
  trackingNumber?: string;
  /** The order total, ISO 4217 currency. */
  total?: { amount: number; currency: string };
  /** Item names, as the customer would recognise them. */
  items?: string[];
}

/** A previous support case, so the agent sees a pattern ("third delivery complaint this month"). */
export interface TicketRecord {
  /** The earlier case's number. */
  caseNumber: string;
  /** ISO 8601; only tickets inside the brief's window are shown. */
  createdAt: string;
  /** The resolution category it was closed with. */
  category?: string;
  /** How it ended, e.g. 'refunded'. */
  outcome?: string;
  /** A one-line summary; card numbers are masked before it reaches the brief. */
  summary?: string;
}

/** The customer, as the business knows them. */
export interface CustomerProfile {
  /** The provider's customer id. */
  id: string;
  /** Full name; the suggested reply uses the first name. */
  name?: string;
  /** Contact email. */
  email?: string;
  /** Contact phone. */
  phone?: string;
  /** Free-form tier, e.g. 'standard', 'vip'. */
  tier?: string;
  /** The business's account id, shown in the headline. */
  accountId?: string;
  /** ISO date the customer joined: the tenure shown to the agent. */
  since?: string;
  /** Account status, e.g. 'active', 'suspended'. */
  status?: string;
  /** Orders, in any order; the brief sorts them. */
  orders?: OrderRecord[];
  /** Subscriptions and their status. */
  subscriptions?: { plan: string; status: string }[];
  /** Previous cases; only recent ones are shown. */
  tickets?: TicketRecord[];
}

/**
 * A fact a tool confirmed during the conversation, e.g. an order lookup. It is what makes a
 * matching entity "verified", and the only source the suggested reply may state as fact.
 */
export interface VerifiedFact {
  /** The kind of fact; only order lookups so far. */
  kind: 'order';
  /** The order id the tool was asked about. */
  orderId: string;
  /** What the tool returned. */
  order: OrderRecord;
  /** The turn at which the tool answered. */
  messageIndex: number;
}
