/**
 * Routing cannot proceed: a configuration problem (no teams at all), not a customer's fault.
 * Typed so the server can answer 500/409 with a code instead of a stack trace.
 */
export class RoutingError extends Error {
  constructor(
    readonly code: 'ROUTING_ERR_NO_TEAMS',
    message: string,
  ) {
    super(message);
    this.name = 'RoutingError';
  }
}
