import { randomBytes } from 'node:crypto';
import type { TCreateEndpoint, TEndpoint, TUpdateEndpoint } from '@baton/contracts';
import { notificationTargetProblem } from '@baton/contracts';
import type { NotificationEndpointRecord } from '../../adapters/db/repositories/endpoints.repository.js';
import * as repo from '../../adapters/db/repositories/endpoints.repository.js';
import { OutboundAllowList, outboundHostProblem } from '../../adapters/notify/outbound-guard.js';
import type { AppContext } from '../context.js';
import { DEFAULT_MIN_PRIORITY, effectiveEvents } from './notification-rules.js';
import { notifyError } from './notify-errors.js';

/** A fresh webhook signing secret in the Standard Webhooks form: `whsec_` and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** An endpoint as admins see it: the secret only as `hasSecret`, unless `reveal` (creation, rotation). */
export function wireEndpoint(e: NotificationEndpointRecord, reveal?: string): TEndpoint {
  return {
    id: e.id,
    kind: e.kind,
    name: e.name,
    target: e.target,
    hasSecret: e.secret !== null,
    events: e.events as TEndpoint['events'],
    effectiveEvents: effectiveEvents(e),
    minPriority: e.minPriority,
    active: e.active,
    createdAt: e.createdAt.toISOString(),
    ...(reveal ? { secret: reveal } : {}),
  };
}

export function listNotificationEndpoints(ctx: AppContext): Promise<NotificationEndpointRecord[]> {
  return repo.listEndpoints(ctx.db);
}

/**
 * Refuses a target that points into the server's own network (SSRF): its host must resolve to
 * public addresses only, unless BATON_OUTBOUND_ALLOW names it. `mailto:` goes through the
 * operator's own SMTP server and has no host of its own. Checked again at each delivery.
 */
async function assertPublicTarget(ctx: AppContext, target: string): Promise<void> {
  let u: URL;
  try {
    u = new URL(target);
  } catch {
    return; // a malformed target is NOTIFY_ERR_INVALID_TARGET's, checked with its kind
  }
  if (u.protocol === 'mailto:') return;
  const problem = await outboundHostProblem(u.hostname, new OutboundAllowList(ctx.config.outboundAllow));
  if (problem) throw notifyError('NOTIFY_ERR_TARGET_FORBIDDEN', `target: ${problem}`, 'target');
}

/** Creates an endpoint; a webhook gets a generated secret, returned here once and never again. */
export async function createNotificationEndpoint(ctx: AppContext, input: TCreateEndpoint): Promise<TEndpoint> {
  await assertPublicTarget(ctx, input.target);
  const secret = input.kind === 'webhook' ? (input.secret ?? newWebhookSecret()) : (input.secret ?? null);
  const e = await ctx.db.transaction().execute((tx) =>
    repo.insertEndpoint(tx, {
      id: ctx.newId(),
      kind: input.kind,
      name: input.name,
      target: input.target,
      secret,
      events: [...new Set(input.events ?? [])],
      minPriority: input.minPriority === undefined ? DEFAULT_MIN_PRIORITY[input.kind] : input.minPriority,
      active: input.active ?? true,
      createdAt: ctx.clock(),
    }),
  );
  return wireEndpoint(e, input.kind === 'webhook' && !input.secret ? (secret ?? undefined) : undefined);
}

/** Changes an endpoint; the kind is fixed, and a new target is checked against it. */
export async function updateNotificationEndpoint(ctx: AppContext, id: string, input: TUpdateEndpoint): Promise<TEndpoint> {
  if (input.target !== undefined) await assertPublicTarget(ctx, input.target);
  return ctx.db.transaction().execute(async (tx) => {
    const current = await repo.getEndpoint(tx, id);
    if (!current) throw notifyError('NOTIFY_ERR_ENDPOINT_NOT_FOUND', `no notification endpoint ${id}`);
    if (input.target !== undefined) {
      const problem = notificationTargetProblem(current.kind, input.target);
      if (problem) throw notifyError('NOTIFY_ERR_INVALID_TARGET', `target: ${problem}`, 'target');
    }
    if (current.kind === 'webhook' && input.secret === null) throw notifyError('NOTIFY_ERR_INVALID_TARGET', 'secret: a webhook always has a secret; rotate it instead', 'secret');
    if (current.kind === 'webhook' && typeof input.secret === 'string' && input.secret.length < 16) throw notifyError('NOTIFY_ERR_INVALID_TARGET', 'secret: a webhook secret needs at least 16 characters', 'secret');
    const rotated = input.rotateSecret && current.kind === 'webhook' ? newWebhookSecret() : undefined;
    const updated = await repo.updateEndpoint(tx, id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.target !== undefined ? { target: input.target } : {}),
      ...(rotated ? { secret: rotated } : input.secret !== undefined ? { secret: input.secret } : {}),
      ...(input.events !== undefined ? { events: [...new Set(input.events)] } : {}),
      ...(input.minPriority !== undefined ? { minPriority: input.minPriority } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
    });
    if (!updated) throw notifyError('NOTIFY_ERR_ENDPOINT_NOT_FOUND', `no notification endpoint ${id}`);
    return wireEndpoint(updated, rotated);
  });
}

/** Deletes an endpoint with its delivery log. */
export async function deleteNotificationEndpoint(ctx: AppContext, id: string): Promise<void> {
  const gone = await ctx.db.transaction().execute((tx) => repo.deleteEndpoint(tx, id));
  if (!gone) throw notifyError('NOTIFY_ERR_ENDPOINT_NOT_FOUND', `no notification endpoint ${id}`);
}
