import { useEffect, useState } from 'react';
import { errorText } from '@baton/client';
import type { KbGapsReport, RecurringEscalationsReport } from '../../metrics-types';
import { useWorkspace } from '../../workspace';
import type { Range } from './dashboard-page';
import { KbGapsPanel } from './kb-gaps-panel';
import { RecurringPanel } from './recurring-panel';
import { VerdictsPanel } from './verdicts-panel';

/** The learning loop (DESIGN §8): agents' verdicts, KB gaps with draft articles, and escalations that keep recurring. */
export function LearningSection({ range, verdicts, canSeeReports, filtered }: { range: Range; verdicts: Record<string, number>; canSeeReports: boolean; filtered: boolean }) {
  const { api } = useWorkspace();
  const [gaps, setGaps] = useState<KbGapsReport | null>(null);
  const [recurring, setRecurring] = useState<RecurringEscalationsReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const q = `from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}`;

  useEffect(() => {
    if (!canSeeReports) return;
    let live = true;
    setError(null);
    Promise.all([api.get<KbGapsReport>(`/reports/kb-gaps?${q}`), api.get<RecurringEscalationsReport>(`/reports/recurring-escalations?${q}`)])
      .then(([g, r]) => {
        if (!live) return;
        setGaps(g);
        setRecurring(r);
      })
      .catch((err: unknown) => live && setError(errorText(err)));
    return () => {
      live = false;
    };
  }, [api, q, canSeeReports]);

  return (
    <section aria-labelledby="learning-h" className="learning">
      <h2 id="learning-h" className="section-title">
        Learning loop
      </h2>
      {filtered && canSeeReports ? <p className="muted small section-note">KB gaps and recurring escalations cover every team and channel; verdicts follow the filters.</p> : null}
      <div className="two-col">
        <VerdictsPanel verdicts={verdicts} />
        <RecurringPanel report={recurring} error={error} canSeeReports={canSeeReports} days={range.days} />
      </div>
      {canSeeReports ? <KbGapsPanel gaps={gaps} failed={error !== null} query={q} days={range.days} to={range.to} /> : null}
    </section>
  );
}
