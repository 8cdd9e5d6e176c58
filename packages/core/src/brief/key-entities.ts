import type { DecisionSignals } from '../policy/decision.js';
import type { EntityKind } from '../signals/entities.js';
import type { BriefEntity, BriefTechnical } from './brief.js';
import type { VerifiedFact } from './context.js';

/** Order ids compare without "#", case or surrounding space: "#AB-12" and "ab-12" are one order. */
export function sameOrderId(a: string, b: string): boolean {
  const norm = (s: string) => s.trim().replace(/^#/, '').toLowerCase();
  return norm(a) === norm(b);
}

/**
 * The entities worth showing, once each (by kind and value), in order of first mention. An
 * order a tool found is marked verified with its status; an order a tool found that the
 * customer never typed (the assistant looked up "my last order") is added, because the agent
 * needs it just as much.
 */
export function keyEntities(entities: DecisionSignals['entities'], facts: readonly VerifiedFact[]): BriefEntity[] {
  const out: BriefEntity[] = [];
  const seen = new Set<string>();
  for (const e of entities) {
    const key = `${e.kind}\u0000${e.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const entity: BriefEntity = { kind: e.kind, value: e.value, messageIndex: e.messageIndex, verified: false };
    if (e.amount !== undefined) entity.amount = e.amount;
    if (e.currency !== undefined) entity.currency = e.currency;
    const fact = e.kind === 'order_number' ? facts.find((f) => sameOrderId(f.orderId, e.value)) : undefined;
    if (fact) {
      entity.verified = true;
      entity.status = fact.order.status;
    }
    out.push(entity);
  }
  for (const f of facts) {
    if (out.some((e) => e.kind === 'order_number' && sameOrderId(e.value, f.orderId))) continue;
    out.push({ kind: 'order_number', value: f.orderId.replace(/^#/, ''), messageIndex: f.messageIndex, verified: true, status: f.order.status });
  }
  return out;
}

const TECHNICAL: Record<keyof BriefTechnical, EntityKind> = {
  errorCodes: 'error_code',
  versions: 'version',
  browsers: 'browser',
  devices: 'device',
};

/** The technical context: the values a support engineer asks for first, each once. */
export function technicalContext(entities: readonly BriefEntity[]): BriefTechnical {
  const pick = (kind: EntityKind) => entities.filter((e) => e.kind === kind).map((e) => e.value);
  return {
    errorCodes: pick(TECHNICAL.errorCodes),
    versions: pick(TECHNICAL.versions),
    browsers: pick(TECHNICAL.browsers),
    devices: pick(TECHNICAL.devices),
  };
}
