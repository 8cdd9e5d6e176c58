import type { TDeliveryStatus, TEndpoint, TNotificationEvent, TNotificationKind } from '@baton/contracts';
import type { TPriority as Priority } from '@baton/contracts';

interface KindInfo {
  value: TNotificationKind;
  label: string;
  /** What the target is, under the target input. */
  target: string;
  placeholder: string;
  /** The secret's label on a new endpoint, or null when the kind has no secret. */
  secret: string | null;
  /** The secret's label when replacing it on an existing endpoint. */
  secretShort?: string;
}

export const KINDS: KindInfo[] = [
  { value: 'webhook', label: 'Webhook', target: 'An http:// or https:// URL. Requests are signed JSON (Baton-Signature).', placeholder: 'https://hooks.example.com/baton', secret: 'Signing secret (optional: leave blank to generate one)', secretShort: 'New signing secret' },
  { value: 'slack', label: 'Slack', target: 'A Slack incoming-webhook URL. The URL is the credential.', placeholder: 'https://hooks.slack.com/services/…', secret: null },
  { value: 'sms', label: 'SMS', target: "The provider's URL with To and From numbers as query parameters (encode + as %2B).", placeholder: 'https://sms.example.com/send?To=%2B447700900123&From=Baton', secret: 'Provider credentials (user:password, optional)', secretShort: 'New provider credentials' },
  { value: 'email', label: 'Email', target: 'mailto:ADDRESS (the server’s SMTP), or smtp(s)://host:port/?to=ADDRESS.', placeholder: 'mailto:oncall@example.com', secret: 'SMTP password (optional)', secretShort: 'New SMTP password' },
];
export const kindInfo = (k: TNotificationKind) => KINDS.find((x) => x.value === k) ?? KINDS[0]!;

export const STATUS_LABEL: Record<TDeliveryStatus, string> = { pending: 'Pending', delivered: 'Delivered', failed: 'Failed, will retry', dead: 'Dead' };

/** The endpoint form as typed. */
export interface EndpointDraft {
  kind: TNotificationKind;
  name: string;
  target: string;
  secret: string;
  events: TNotificationEvent[];
  /** '' = the kind's default (create only); 'any' = null. */
  minPriority: '' | 'any' | Priority;
  active: boolean;
}
const EMPTY: EndpointDraft = { kind: 'webhook', name: '', target: '', secret: '', events: [], minPriority: '', active: true };

export const draftOf = (e: TEndpoint | null): EndpointDraft => (e ? { kind: e.kind, name: e.name, target: e.target, secret: '', events: e.events, minPriority: e.minPriority ?? 'any', active: e.active } : EMPTY);

/** The body of PATCH (existing endpoint) or POST (new one): a new endpoint leaves defaults unsent. */
export function endpointBody(f: EndpointDraft, existing: boolean) {
  const minPriority = f.minPriority === '' ? undefined : f.minPriority === 'any' ? null : f.minPriority;
  const secret = kindInfo(f.kind).secret && f.secret !== '' ? { secret: f.secret } : {};
  if (existing) return { name: f.name, target: f.target, events: f.events, minPriority: minPriority ?? null, active: f.active, ...secret };
  return { kind: f.kind, name: f.name, target: f.target, ...(f.events.length ? { events: f.events } : {}), ...(minPriority !== undefined ? { minPriority } : {}), active: f.active, ...secret };
}

export const endpointPath = (id: string) => `/notifications/endpoints/${encodeURIComponent(id)}`;
