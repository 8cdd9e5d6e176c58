/** What each field of context completeness means to an agent, for "Not available: …". */
const LABELS: Record<string, string> = {
  'customer.name': "customer's name",
  'customer.tier': 'customer tier',
  'customer.account': 'account number',
  'account.tenure': 'how long they have been a customer',
  'account.status': 'account status',
  'account.orders_or_subscriptions': 'orders or subscriptions',
  intent: 'what the customer wants',
  entities: 'order numbers or other details',
  'entities.verified': 'a detail confirmed by a lookup',
  'transcript.timestamps': 'message times',
};

/** A field name of the brief's `missingContext` as words; an unknown field is spelled out from its name. */
export function missingLabel(field: string): string {
  return LABELS[field.toLowerCase()] ?? field.replace(/[._]/g, ' ').toLowerCase();
}
