/** Stable codes for what can go wrong with business hours. */
export type HoursErrorCode = 'HOURS_ERR_INVALID' | 'HOURS_ERR_NEVER_OPEN';

/**
 * A typed error, so the admin UI can point at the exact input (`field`, e.g.
 * 'weekly.mon[0].end') and the server can map the code to a 400 without parsing messages.
 */
export class HoursError extends Error {
  constructor(
    readonly code: HoursErrorCode,
    /** The path of the offending input, e.g. 'timeZone' or 'holidays[2]'. */
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'HoursError';
  }
}
