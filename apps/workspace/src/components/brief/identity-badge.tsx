import type { TBrief as Brief } from '@baton/contracts';

const LABEL = { signed: 'Verified by the site', code: 'Verified by code', unverified: 'Not verified' } as const;
const TITLE = {
  signed: 'The site signed this customer’s identity (HMAC).',
  code: 'The customer entered a one-time code sent to their address.',
  unverified: 'Only the customer’s word: share nothing from any account.',
} as const;

/**
 * Who the customer is, and how far it is proven. An unverified customer's account is shown as
 * what it is, a claim, next to the name they gave, so a mismatch stands out.
 */
export function IdentityBadge({ identity }: { identity: NonNullable<Brief['identity']> }) {
  const claim = identity.state === 'unverified' ? identity.claimedAccount : undefined;
  return (
    <p className={`identity identity-${identity.state}`} data-testid="brief-identity" data-identity={identity.state}>
      <span className="identity-label" title={TITLE[identity.state]}>
        {identity.state === 'unverified' ? '⚠ ' : '✓ '}
        {LABEL[identity.state]}
      </span>
      {identity.email ? <span className="muted small"> · {identity.email}{identity.emailVerified ? '' : ' (unconfirmed)'}</span> : null}
      {claim ? (
        <span className="identity-claim small">
          {' '}
          · claims the account of {claim.name ?? 'a customer'}
          {claim.accountId ? ` (${claim.accountId})` : ''}, not proven
        </span>
      ) : null}
    </p>
  );
}
