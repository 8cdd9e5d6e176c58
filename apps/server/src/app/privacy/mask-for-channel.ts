import { maskPiiDeep } from '@baton/core';
import type { Config, PiiChannel } from '../../config.js';

/**
 * Masks the personal data configured for `channel` (`BATON_PII_MASK_<CHANNEL>`) in every string
 * of a value on its way out of the workspace: a notification, a log line, an export, what a
 * customer's token reads. Agents in the workspace read the raw value, so it is stored raw.
 */
export function maskForChannel<T>(config: Pick<Config, 'piiMask'>, channel: PiiChannel, value: T): T {
  const kinds = config.piiMask[channel];
  return kinds.length > 0 ? maskPiiDeep(value, kinds) : value;
}
