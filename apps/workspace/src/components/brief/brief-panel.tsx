import { humanize } from '../../hooks';
import type { TBrief as Brief, THandoff as Handoff } from '@baton/contracts';
import { Countdown } from '../countdown';
import { PriorityBadge } from '../priority-badge';
import { AccountCard } from './account-card';
import { BriefCard } from './brief-card';
import { AttemptsCard, EntitiesCard, ReasonsCard, SentimentCard, TechnicalCard } from './brief-cards';
import { IdentityBadge } from './identity-badge';
import { missingLabel } from './missing-context';
import { customerLabel } from '../../customer-label';

function BriefHead({ handoff, brief: b }: { handoff: Handoff; brief: Brief }) {
  const h = b.headline;
  return (
    <div className="brief-head">
      <div>
        <p className="eyebrow">
          Handoff brief{b.caseNumber ? ` · ${b.caseNumber}` : ''}
          {b.language && b.language !== 'und' ? ` · reply in ${b.language.toUpperCase()}` : ''}
        </p>
        <h1 id="brief-h" className="brief-headline">
          {customerLabel(handoff)}
          {h?.tier || h?.accountId ? <span className="brief-sub"> ({[h?.tier, h?.accountId].filter(Boolean).join(', ')})</span> : null}
          {h?.team ? <span className="brief-sub"> → {h.team}</span> : null}
        </h1>
        {b.identity ? <IdentityBadge identity={b.identity} /> : null}
        <p className="brief-issue">{h?.issue ?? b.intent?.summary}</p>
      </div>
      <div className="brief-status">
        <PriorityBadge priority={handoff.priority} />
        {handoff.status === 'waiting' || (handoff.status === 'assigned' && !handoff.firstHumanReplyAt) ? <Countdown dueAt={handoff.slaDueAt} /> : null}
      </div>
    </div>
  );
}

/** The brief (DESIGN §4), laid out to be read in under 30 seconds: the headline and why first. */
export function BriefPanel({ handoff }: { handoff: Handoff }) {
  const b: Brief = handoff.brief;
  return (
    <section className={`brief prio-top-${handoff.priority}`} aria-labelledby="brief-h" data-testid="brief">
      <BriefHead handoff={handoff} brief={b} />
      <div className="brief-grid">
        <ReasonsCard brief={b} handoff={handoff} />
        {b.sentiment ? <SentimentCard sentiment={b.sentiment} /> : null}
        {b.intent ? (
          <BriefCard title="Wants">
            <p>{b.intent.summary}</p>
            {b.intent.topics.length ? <p className="muted small">Topics: {b.intent.topics.map(humanize).join(', ')}</p> : null}
          </BriefCard>
        ) : null}
        {b.entities?.length ? <EntitiesCard entities={b.entities} /> : null}
        {b.attempts?.length ? <AttemptsCard attempts={b.attempts} /> : null}
        {b.account ? <AccountCard account={b.account} /> : null}
        <TechnicalCard technical={b.technical} />
        {b.nextSteps?.length ? (
          <BriefCard title="Next steps" className="brief-next">
            <ol>
              {b.nextSteps.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ol>
          </BriefCard>
        ) : null}
      </div>
      {b.missingContext?.length ? <p className="muted small brief-missing">Not available: {b.missingContext.map(missingLabel).join(', ')}.</p> : null}

    </section>
  );
}
