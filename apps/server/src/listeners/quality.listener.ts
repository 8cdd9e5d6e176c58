import { recordQualityFlags } from '../app/metrics/record-quality-flags.js';
import { defineListener } from './event-listener.js';

/**
 * Quality flags (DESIGN §4, §8): counts redundant asks and customer repeats as messages are
 * written, and repeat escalations as handoffs are requested. Database writes only, in the
 * cursor's transaction, so each event is counted once.
 */
export const qualityListener = defineListener({
  name: 'quality',
  types: ['message.created', 'handoff.requested'],
  handle: (ctx, tx, event) => recordQualityFlags(ctx, tx, event),
});
