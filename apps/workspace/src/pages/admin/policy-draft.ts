import type { TPolicyResponse, TPolicyVersion } from '@baton/contracts';

/** `GET /policy` and one saved version, as the contracts declare them. */
export type PolicyResponse = TPolicyResponse;
export type PolicyVersion = TPolicyVersion;

/** The policy form as typed: numbers stay text until they are sent. */
export interface PolicyDraft {
  threshold: string;
  keywords: string;
  topicsEnabled: boolean;
  topicStates: Record<string, boolean>;
  offerChoice: boolean;
  amountEnabled: boolean;
  amount: string;
}

export function draftOf({ policy }: PolicyResponse): PolicyDraft {
  return {
    threshold: String(policy.confidence.threshold),
    keywords: policy.keywords.words.join('\n'),
    topicsEnabled: policy.topics.enabled,
    topicStates: Object.fromEntries(policy.topics.definitions.map((d) => [d.id, d.enabled])),
    offerChoice: policy.customerRequest.offerChoiceForSimple,
    amountEnabled: policy.amount.enabled,
    amount: String(policy.amount.threshold),
  };
}

const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));

/** The policy input as the form stands: the loaded input with the edited fields laid over it. */
export function policyInput(loaded: PolicyResponse, d: PolicyDraft): Record<string, unknown> {
  const input: Record<string, unknown> = structuredClone(loaded.input) as Record<string, unknown>;
  const section = (k: string) => ({ ...((input[k] as Record<string, unknown> | undefined) ?? {}) });
  input.confidence = { ...section('confidence'), threshold: num(d.threshold) };
  input.keywords = {
    ...section('keywords'),
    words: d.keywords
      .split(/[\n,]/)
      .map((w) => w.trim())
      .filter(Boolean),
  };
  input.customerRequest = { ...section('customerRequest'), offerChoiceForSimple: d.offerChoice };
  input.amount = { ...section('amount'), enabled: d.amountEnabled, threshold: num(d.amount) };
  const definitions = loaded.policy.topics.definitions;
  const topicsChanged = definitions.some((t) => d.topicStates[t.id] !== t.enabled);
  input.topics = { ...section('topics'), enabled: d.topicsEnabled, ...(topicsChanged ? { definitions: definitions.map((t) => ({ ...t, enabled: d.topicStates[t.id] ?? t.enabled })) } : {}) };
  return input;
}

/** Which form control an error's `field` path belongs to. */
export function fieldKey(field: string | undefined): string {
  if (!field) return 'form';
  if (field.startsWith('confidence.threshold')) return 'threshold';
  if (field.startsWith('keywords')) return 'keywords';
  if (field.startsWith('topics')) return 'topics';
  if (field.startsWith('customerRequest')) return 'offerChoice';
  if (field.startsWith('amount')) return 'amount';
  if (field === 'version') return 'version';
  return 'form';
}
