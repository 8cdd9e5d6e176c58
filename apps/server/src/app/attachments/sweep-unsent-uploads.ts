import { journalPendingKey, listDuePendingKeys, listKnownStorageKeys, settlePendingKey } from '../../adapters/db/repositories/attachment-pending-keys.repository.js';
import { deleteUnsentAttachment, insertAttachment, listUnsentAttachmentsBefore } from '../../adapters/db/repositories/attachments.repository.js';
import type { AppContext } from '../context.js';

/** Rows looked at per round; the sweep goes on until no old unsent upload is left. */
const BATCH = 200;
/** Unknown files that, when they are also most of the old files listed, stop the reconciling sweep. */
const RECONCILE_SUSPICIOUS_UNKNOWN = 100;
/** Unknown files one reconciling sweep removes at most; the next one goes on. */
const RECONCILE_MAX_UNKNOWN = 10_000;

export interface SweepUnsentUploadsOptions {
  /**
   * Runs between removing an upload's row and removing its bytes: the moment a killed process
   * would leave bytes with no row. Tests stop the sweep here to show the next one still finds them.
   */
  afterRowRemoved?: (key: string) => Promise<void>;
  /**
   * Also lists the whole store for bytes older than the TTL that no row or journal entry knows of
   * (left by a version that kept no journal). A full listing of a disk folder or a bucket, so the
   * server does it at start and once a day, not every hour.
   */
  reconcile?: boolean;
}

/** What one sweep did. */
export interface SweepUnsentUploadsResult {
  /** Unsent uploads removed, row and bytes. */
  removed: number;
  bytes: number;
  /** Uploads whose bytes the store would not remove: kept, and tried again at the next sweep. */
  failed: number;
  /** Old unsent uploads kept in another store than this server's. */
  elsewhere: number;
  /** Bytes no row referred to (an upload or a sweep killed half way) removed from the store. */
  orphans: number;
}

/**
 * Removes uploads no message has sent once they are older than `BATON_UPLOAD_TTL_HOURS` on the
 * app's clock (the customer closed the tab, an agent dropped a draft), from the database and from
 * the store that holds their bytes. The row goes first, in one statement that leaves it alone if a
 * message took it meanwhile, so no message ever loses a file, and in the same transaction its key
 * is journalled; when the store then fails to remove the bytes, the row is put back and the next
 * sweep tries again. Then the bytes of journalled keys that are due and have no row (what a killed
 * upload or sweep left) are removed, and, with `reconcile`, whatever else the store holds older
 * than the TTL that no row refers to. Files kept in a store this server is not configured for are
 * left for a server that is.
 */
export async function sweepUnsentUploads(ctx: AppContext, o: SweepUnsentUploadsOptions = {}): Promise<SweepUnsentUploadsResult> {
  const ttlHours = ctx.config.attachments.unsentTtlHours;
  const now = ctx.clock();
  const before = new Date(now.getTime() - ttlHours * 3_600_000);
  const store = ctx.attachments;
  const result = { removed: 0, bytes: 0, failed: 0, elsewhere: 0, orphans: 0 };
  const skipped = new Set<string>();
  for (;;) {
    const rows = (await listUnsentAttachmentsBefore(ctx.db, before, BATCH + skipped.size)).filter((r) => !skipped.has(r.id));
    if (!rows.length) break;
    for (const row of rows) {
      if (row.storage !== store.kind) {
        skipped.add(row.id);
        result.elsewhere++;
        continue;
      }
      const gone = await ctx.db.transaction().execute(async (tx) => {
        const removed = await deleteUnsentAttachment(tx, row.id);
        if (removed) await journalPendingKey(tx, { storage: removed.storage, storageKey: removed.storageKey, reason: 'removal', dueAt: now });
        return removed;
      });
      if (!gone) continue; // sent a moment ago: it stays
      const key = { storage: gone.storage, storageKey: gone.storageKey };
      await o.afterRowRemoved?.(gone.storageKey);
      try {
        await store.delete(gone.storageKey);
        await settlePendingKey(ctx.db, key);
        result.removed++;
        result.bytes += gone.size;
      } catch (err) {
        await ctx.db.transaction().execute(async (tx) => {
          // The same clientAttachmentId uploaded again meanwhile: that one stands, and these bytes stay journalled.
          if (await insertAttachment(tx, gone)) await settlePendingKey(tx, key);
        });
        skipped.add(row.id);
        result.failed++;
        ctx.log('warn', 'an unsent upload could not be removed from the attachment store; it is kept and tried again at the next sweep', { attachmentId: row.id, store: row.storage, error: (err as Error).message });
      }
    }
  }
  result.orphans = (await removeDueKeys(ctx, now)) + (o.reconcile ? await removeUnknownKeys(ctx, before) : 0);
  if (result.removed) ctx.log('info', `removed ${result.removed} unsent ${result.removed === 1 ? 'upload' : 'uploads'} (${Math.round(result.bytes / 1024)} KB) older than ${ttlHours} h from the ${store.kind} attachment store`);
  if (result.orphans) ctx.log('info', `removed the bytes of ${result.orphans} ${result.orphans === 1 ? 'file' : 'files'} no row refers to (an upload or a sweep stopped half way) from the ${store.kind} attachment store`);
  if (result.elsewhere) ctx.log('warn', `${result.elsewhere} unsent ${result.elsewhere === 1 ? 'upload is' : 'uploads are'} older than ${ttlHours} h but kept in another attachment store than this server's (${store.kind}); a server configured for that store removes them`);
  return result;
}

/** The journalled keys that are due: their bytes go unless a row refers to them (then the key is only settled). */
async function removeDueKeys(ctx: AppContext, now: Date): Promise<number> {
  let removed = 0;
  const skipped = new Set<string>();
  for (;;) {
    const keys = (await listDuePendingKeys(ctx.db, ctx.attachments.kind, now, BATCH + skipped.size)).filter((k) => !skipped.has(k.storageKey));
    if (!keys.length) return removed;
    for (const k of keys) {
      try {
        if (!k.referenced) await ctx.attachments.delete(k.storageKey);
        await settlePendingKey(ctx.db, k);
        if (!k.referenced) removed++;
      } catch (err) {
        skipped.add(k.storageKey);
        logNotRemoved(ctx, k.storageKey, err as Error);
      }
    }
  }
}

/**
 * Bytes older than the TTL that neither a row nor the journal knows of (left before keys were
 * journalled, or put there by hand), found by listing the whole store. A store where most old
 * files are unknown is more likely another installation's folder or bucket, or this server on the
 * wrong database, than leftovers: then nothing is removed and the operator is told.
 */
async function removeUnknownKeys(ctx: AppContext, before: Date): Promise<number> {
  const store = ctx.attachments;
  const unknown: string[] = [];
  let listed = 0;
  for await (const page of store.storedBefore(before)) {
    const known = await listKnownStorageKeys(ctx.db, store.kind, page);
    listed += page.length;
    unknown.push(...page.filter((k) => !known.has(k)));
    if (unknown.length > RECONCILE_MAX_UNKNOWN) break;
  }
  if (unknown.length >= RECONCILE_SUSPICIOUS_UNKNOWN && unknown.length * 2 > listed) {
    ctx.log('error', `the ${store.kind} attachment store holds at least ${unknown.length} files older than ${ctx.config.attachments.unsentTtlHours} h that this database has no row for, out of ${listed} looked at; none was removed. Check that this server uses the database that goes with this store (and that no other installation shares its folder or bucket prefix)`);
    return 0;
  }
  let removed = 0;
  for (const key of unknown) {
    try {
      await store.delete(key);
      removed++;
    } catch (err) {
      logNotRemoved(ctx, key, err as Error);
    }
  }
  return removed;
}

function logNotRemoved(ctx: AppContext, key: string, err: Error): void {
  ctx.log('warn', 'bytes no row refers to could not be removed from the attachment store; the next sweep tries again', { key, store: ctx.attachments.kind, error: err.message });
}
