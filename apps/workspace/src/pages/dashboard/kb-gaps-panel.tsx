import type { MouseEvent } from 'react';
import { useState } from 'react';
import { errorText } from '@baton/client';
import { Panel } from '../../components/kit/panel';
import { count } from '../../format';
import type { KbGapsReport } from '../../metrics-types';
import { useWorkspace } from '../../workspace';

type Cluster = KbGapsReport['clusters'][number];

function GapItem({ c }: { c: Cluster }) {
  return (
    <li className="gap" data-testid="kb-gap">
      <div className="gap-head">
        <span className="gap-count" title="Questions in this group">
          {c.count}
          <span className="visually-hidden"> questions</span>
        </span>
        <span className="gap-title">
          <span className="muted small block">Draft title</span>
          <strong>{c.title}</strong>
        </span>
        <span className="muted small">closest KB match {Math.round(c.meanConfidence * 100)}%</span>
      </div>
      <ul className="gap-examples">
        {c.examples.slice(0, 3).map((ex) => (
          <li key={ex}>“{ex}”</li>
        ))}
      </ul>
    </li>
  );
}

/** Questions the AI could not answer, grouped into draft articles, with a Markdown download of the drafts. */
export function KbGapsPanel({ gaps, failed, query, days, to }: { gaps: KbGapsReport | null; failed: boolean; query: string; days: number; to: string }) {
  const { api } = useWorkspace();
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const download = async (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    setDownloadError(null);
    try {
      const url = URL.createObjectURL(await api.blob(`/reports/kb-gaps.md?${query}`));
      const a = document.createElement('a');
      a.href = url;
      a.download = `kb-gaps-${to.slice(0, 10)}.md`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      setDownloadError(errorText(err));
    }
  };
  const link = (
    <a href={`/api/v1/reports/kb-gaps.md?${query}`} className="btn btn-small" onClick={(e) => void download(e)} data-testid="kb-gaps-download">
      Download drafts (Markdown)
    </a>
  );
  return (
    <Panel level={3} headingId="gaps-h" title={<>KB gaps: questions the AI could not answer {gaps ? <span className="count">{gaps.questions}</span> : null}</>} actions={link} testId="kb-gaps">
      {downloadError ? (
        <p className="form-error" role="alert">
          {downloadError}
        </p>
      ) : null}
      {!gaps ? (
        failed ? null : <p className="muted">Loading…</p>
      ) : gaps.clusters.length ? (
        <>
          <p className="muted small section-note">
            {count(gaps.questions, 'question')} the AI declined, asked to clarify, or answered with under {Math.round(gaps.threshold * 100)}% confidence, grouped into {count(gaps.clusters.length, 'draft article')}.
          </p>
          <ul className="plain gap-list">
            {gaps.clusters.map((c) => (
              <GapItem key={c.id} c={c} />
            ))}
          </ul>
        </>
      ) : (
        <p className="empty">
          No KB gaps in the last {days} days{gaps.questions ? ` (${count(gaps.questions, 'unanswered question')}, none similar enough to group)` : ''}. Questions the AI had to decline, clarify or answer with low confidence are grouped here, with draft article titles to write next.
        </p>
      )}
    </Panel>
  );
}
