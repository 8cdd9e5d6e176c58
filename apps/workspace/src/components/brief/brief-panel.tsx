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
  const model = b.writtenByModel ? `${b.writtenByModel.provider} ${b.writtenByModel.model}` : null;
  const wrote = (part: 'summary' | 'intent' | 'desiredOutcome' | 'nextSteps' | 'suggestedReply') => (model && b.writtenByModel?.parts.includes(part) ? model : null);
  return (
    <section className={`brief prio-top-${handoff.priority}`} aria-labelledby="brief-h" data-testid="brief">
      <BriefHead handoff={handoff} brief={b} />
      <div className="brief-grid">
        <ReasonsCard brief={b} handoff={handoff} />
        {b.sentiment ? <SentimentCard sentiment={b.sentiment} /> : null}
        {b.summary?.length ? (
          <BriefCard title="Summary" className="brief-summary" byModel={wrote('summary')}>
            <ul>
              {b.summary.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          </BriefCard>
        ) : null}
        {b.intent ? (
          <BriefCard title="Wants" byModel={wrote('desiredOutcome')}>
            {b.intent.statement ? <p className="muted small">Intent: {b.intent.statement}</p> : null}
            <p>{b.intent.summary}</p>
            {b.intent.topics.length ? <p className="muted small">Topics: {b.intent.topics.map(humanize).join(', ')}</p> : null}
          </BriefCard>
        ) : null}
        {b.entities?.length ? <EntitiesCard entities={b.entities} /> : null}
        {b.attempts?.length ? <AttemptsCard attempts={b.attempts} /> : null}
        {b.account ? <AccountCard account={b.account} /> : null}
        <TechnicalCard technical={b.technical} />
        {b.nextSteps?.length ? (
          <BriefCard title="Next steps" className="brief-next" byModel={wrote('nextSteps')}>
            <ol>
              {b.nextSteps.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ol>
          </BriefCard>
        ) : null}
      </div>
      {wrote('suggestedReply') ? <p className="muted small">The suggested first reply in the composer was written by the model ({model}).</p> : null}
      {b.missingContext?.length ? <p className="muted small brief-missing">Not available: {b.missingContext.map(missingLabel).join(', ')}.</p> : null}

    </section>
  );
}
