/** A report's period: both ends known. */
export interface ReportPeriod {
  from: Date;
  to: Date;
}

/** Reports cover the last 30 days unless told otherwise. */
export const DEFAULT_REPORT_DAYS = 30;

/** The period asked for, with the defaults: `to` is now, `from` is 30 days before `to`. */
export function reportPeriod(q: { from?: string | undefined; to?: string | undefined }, now: Date): ReportPeriod {
  const to = q.to ? new Date(q.to) : now;
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - DEFAULT_REPORT_DAYS * 86_400_000);
  return { from, to };
}
