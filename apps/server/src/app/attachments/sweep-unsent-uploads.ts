import { deleteUnsentAttachment, insertAttachment, listUnsentAttachmentsBefore } from '../../adapters/db/repositories/attachments.repository.js';
import type { AppContext } from '../context.js';

/** Rows looked at per round; the sweep goes on until no old unsent upload is left. */
const BATCH = 200;

/**
 * Removes uploads no message has sent once they are older than `BATON_UPLOAD_TTL_HOURS` on the
 * app's clock (the customer closed the tab, an agent dropped a draft), from the database and from
 * the store that holds their bytes. The row goes first, in one statement that leaves it alone if a
 * message took it meanwhile, so no message ever loses a file; when the store then fails to remove
 * the bytes, the row is put back and the next sweep tries again. Files kept in a store this server
 * is not configured for are left for a server that is.
 */
export async function sweepUnsentUploads(ctx: AppContext): Promise<{ removed: number; bytes: number; failed: number; elsewhere: number }> {
  const ttlHours = ctx.config.attachments.unsentTtlHours;
  const before = new Date(ctx.clock().getTime() - ttlHours * 3_600_000);
  const result = { removed: 0, bytes: 0, failed: 0, elsewhere: 0 };
  const skipped = new Set<string>();
  for (;;) {
    const rows = (await listUnsentAttachmentsBefore(ctx.db, before, BATCH + skipped.size)).filter((r) => !skipped.has(r.id));
    if (!rows.length) break;
    for (const row of rows) {
      if (row.storage !== ctx.attachments.kind) {
        skipped.add(row.id);
        result.elsewhere++;
        continue;
      }
      const gone = await deleteUnsentAttachment(ctx.db, row.id);
      if (!gone) continue; // sent a moment ago: it stays
      try {
        await ctx.attachments.delete(gone.storageKey);
        result.removed++;
        result.bytes += gone.size;
      } catch (err) {
        await insertAttachment(ctx.db, gone);
        skipped.add(row.id);
        result.failed++;
        ctx.log('warn', 'an unsent upload could not be removed from the attachment store; it is kept and tried again at the next sweep', { attachmentId: row.id, store: row.storage, error: (err as Error).message });
      }
    }
  }
  if (result.removed) ctx.log('info', `removed ${result.removed} unsent ${result.removed === 1 ? 'upload' : 'uploads'} (${Math.round(result.bytes / 1024)} KB) older than ${ttlHours} h from the ${ctx.attachments.kind} attachment store`);
  if (result.elsewhere) ctx.log('warn', `${result.elsewhere} unsent ${result.elsewhere === 1 ? 'upload is' : 'uploads are'} older than ${ttlHours} h but kept in another attachment store than this server's (${ctx.attachments.kind}); a server configured for that store removes them`);
  return result;
}
