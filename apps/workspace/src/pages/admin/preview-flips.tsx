import { useState } from 'react';
import { SmallButton } from '../../components/kit/buttons';
import { DataTable } from '../../components/kit/data-table';
import { count } from '../../format';
import { humanize } from '../../hooks';
import type { PolicyPreview } from '../../metrics-types';
import { ACTION_LABELS } from '../../metrics-types';
import { Becomes } from './becomes';

const FLIPS_SHOWN = 25;
type Flip = PolicyPreview['flips'][number];
const action = (a: string) => ACTION_LABELS[a] ?? humanize(a);

function Outcome({ f }: { f: Flip }) {
  return (
    <>
      <Becomes verb="becomes" from={<span className="flip-from">{action(f.from)}</span>} to={<span className={f.to === 'escalate' ? 'flip-to flip-escalate' : 'flip-to'}>{action(f.to)}</span>} />
      {f.toQueue && f.to === 'escalate' ? <span className="muted small block">to {humanize(f.toQueue)}</span> : null}
    </>
  );
}

function Why({ f }: { f: Flip }) {
  return (
    <>
      {f.reasonsAdded.map((r) => (
        <span key={`+${r}`} className="chip chip-add">
          + {humanize(r)}
        </span>
      ))}
      {f.reasonsRemoved.map((r) => (
        <span key={`-${r}`} className="chip chip-remove">
          − {humanize(r)}
        </span>
      ))}
      {f.detail ? <span className="block flip-detail">{f.detail}</span> : null}
    </>
  );
}

/** The conversations whose outcome the edited policy changes, the first 25 unless asked for all. */
export function PreviewFlips({ p }: { p: PolicyPreview }) {
  const [all, setAll] = useState(false);
  if (!p.flips.length) return <p className="empty">No conversation would change outcome: the edited policy decides these {count(p.sampled, 'conversation')} the same way as today’s.</p>;
  return (
    <>
      <DataTable<Flip>
        className="flips"
        testId="preview-flips"
        caption="Conversations whose outcome changes under the edited policy"
        rows={all ? p.flips : p.flips.slice(0, FLIPS_SHOWN)}
        rowKey={(f) => f.id}
        rowProps={(f) => ({ 'data-testid': 'flip', 'data-case': f.id })}
        columns={[
          { header: 'Case', rowHeader: true, cellClassName: 'nowrap', cell: (f) => f.id },
          { header: 'Outcome', cell: (f) => <Outcome f={f} /> },
          { header: 'Why', cellClassName: 'small', cell: (f) => <Why f={f} /> },
          { header: 'The customer said', cellClassName: 'small flip-text', cell: (f) => `“${f.text}”` },
        ]}
      />
      {p.flips.length > FLIPS_SHOWN ? <SmallButton onClick={() => setAll(!all)}>{all ? `Show the first ${FLIPS_SHOWN}` : `Show all ${p.flips.length}`}</SmallButton> : null}
    </>
  );
}
