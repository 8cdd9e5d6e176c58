import { createHash } from 'node:crypto';
import type { AgentRecord } from '../../adapters/db/repositories/agents.repository.js';
import type { AttachmentRecord, AttachmentUploader } from '../../adapters/db/repositories/attachments.repository.js';
import { journalPendingKey, settlePendingKey } from '../../adapters/db/repositories/attachment-pending-keys.repository.js';
import { conversationAttachmentUsage, findAttachmentByClientId, insertAttachment } from '../../adapters/db/repositories/attachments.repository.js';
import { getConversation } from '../../adapters/db/repositories/conversations.repository.js';
import { openHandoffFor } from '../../adapters/db/repositories/handoffs.repository.js';
import { DomainError } from '../../errors.js';
import type { AppContext } from '../context.js';
import { assertMayTake } from '../load-handoff.js';
import { sanitiseFileName } from './sanitise-file-name.js';
import { sniffContentType } from './sniff-content-type.js';

/** Who uploads: the conversation's customer (widget or mail), or an agent. */
export type Uploader = { kind: 'customer' } | { kind: 'agent'; agent: AgentRecord };

export interface UploadAttachmentInput {
  bytes: Buffer;
  /** The name the client gave; cleaned here. */
  name?: string;
  /** The uploader's idempotency key: the same key again returns the first upload. */
  clientAttachmentId?: string;
}

export interface UploadAttachmentOptions {
  /** Uploads that are part of work already checked (an inbound mail) skip the per-conversation allowance. */
  skipAllowance?: boolean;
  /**
   * Runs between storing the bytes and writing the row: the moment a killed process would leave
   * bytes with no row. Tests stop the upload here to show that the sweep still finds them.
   */
  afterStored?: (key: string) => Promise<void>;
}

/**
 * Stores one file sent in a conversation, before the message that carries it. The content decides
 * what it is (magic bytes); anything but a PNG, JPEG, GIF, WebP image or a PDF is refused. The
 * key is journalled, then the bytes go to the attachment store, then the row is written (and the
 * journal entry settled with it), so a failed upload leaves nothing visible, the bytes of a row
 * that could not be written are removed again, and a killed process leaves a key the sweep finds.
 */
export async function uploadAttachment(ctx: AppContext, conversationId: string, uploader: Uploader, input: UploadAttachmentInput, o: UploadAttachmentOptions = {}): Promise<{ attachment: AttachmentRecord; duplicate: boolean }> {
  const conv = await getConversation(ctx.db, conversationId);
  if (!conv) throw new DomainError('CONVERSATION_ERR_NOT_FOUND', `no conversation ${conversationId}`);
  if (uploader.kind === 'agent' && conv.assignedAgentId !== uploader.agent.id) {
    // As for private notes: the agents of the team that holds the case, or a supervisor.
    const handoff = await openHandoffFor(ctx.db, conversationId);
    assertMayTake({ id: handoff?.id ?? conversationId, teamId: conv.teamId, offeredAgentId: handoff?.offeredAgentId ?? null }, uploader.agent);
  }
  const kind: AttachmentUploader = uploader.kind;
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  if (input.clientAttachmentId) {
    const earlier = await findAttachmentByClientId(ctx.db, conversationId, kind, input.clientAttachmentId);
    if (earlier) return { attachment: sameFile(earlier, sha256), duplicate: true };
  }
  if (input.bytes.length === 0) throw new DomainError('ATTACHMENT_ERR_EMPTY', 'the file is empty', 'file');
  if (input.bytes.length > ctx.config.attachments.maxBytes) throw new DomainError('ATTACHMENT_ERR_TOO_LARGE', `the file is ${input.bytes.length} bytes; the limit is ${ctx.config.attachments.maxBytes}`, 'file');
  const contentType = sniffContentType(input.bytes);
  if (!contentType) throw new DomainError('ATTACHMENT_ERR_TYPE', 'only PNG, JPEG, GIF and WebP images and PDF documents are accepted, recognised by their content', 'file');
  if (!o.skipAllowance && (await conversationAttachmentUsage(ctx.db, conversationId)).count >= ctx.config.attachments.maxPerConversation) {
    throw new DomainError('ATTACHMENT_ERR_TOO_LARGE', `this conversation already holds ${ctx.config.attachments.maxPerConversation} files, the most it may`, 'file');
  }

  const id = ctx.newId();
  const key = { storage: ctx.attachments.kind, storageKey: id };
  // Journalled before the bytes go: a process killed from here until the row is written leaves a
  // key the sweep finds once the upload's time is up, never bytes nobody knows of.
  await journalPendingKey(ctx.db, { ...key, reason: 'upload', dueAt: new Date(ctx.clock().getTime() + ctx.config.attachments.unsentTtlHours * 3_600_000) });
  try {
    await ctx.attachments.put(id, input.bytes, contentType);
  } catch (err) {
    ctx.log('error', 'an attachment could not be stored', { conversationId, store: ctx.attachments.kind, error: (err as Error).message });
    // A store can fail after keeping part or all of it (a timeout on the answer).
    await discard(ctx, id);
    throw new DomainError('ATTACHMENT_ERR_STORAGE', `the ${ctx.attachments.kind} attachment store could not take the file`);
  }
  await o.afterStored?.(id);
  let row: AttachmentRecord | null;
  try {
    row = await ctx.db.transaction().execute(async (tx) => {
      const inserted = await insertAttachment(tx, {
        id,
        conversationId,
        uploaderKind: kind,
        uploaderId: uploader.kind === 'agent' ? uploader.agent.id : null,
        clientAttachmentId: input.clientAttachmentId ?? null,
        name: sanitiseFileName(input.name, contentType),
        contentType,
        size: input.bytes.length,
        sha256,
        storage: ctx.attachments.kind,
        storageKey: id,
        // What the customer sends is theirs to see again; an agent's file waits for its message.
        visibleToCustomer: kind === 'customer',
        createdAt: ctx.clock(),
      });
      if (inserted) await settlePendingKey(tx, key);
      return inserted;
    });
  } catch (err) {
    await discard(ctx, id);
    throw err;
  }
  if (row) return { attachment: row, duplicate: false };
  // The same key raced in from a second request: the first one's file stands, this copy goes.
  await discard(ctx, id);
  const first = await findAttachmentByClientId(ctx.db, conversationId, kind, input.clientAttachmentId ?? '');
  if (!first) throw new DomainError('ATTACHMENT_ERR_STORAGE', 'the upload could not be recorded');
  return { attachment: sameFile(first, sha256), duplicate: true };
}

/** A key used again must name the same bytes: a different file under an old key is a client bug, not a retry. */
function sameFile(earlier: AttachmentRecord, sha256: string): AttachmentRecord {
  if (earlier.sha256 !== sha256) throw new DomainError('ATTACHMENT_ERR_ID_REUSED', 'this clientAttachmentId was used for a different file', 'clientAttachmentId');
  return earlier;
}

/** Removes bytes no row will refer to; when the store fails, the journalled key is left for the sweep. */
async function discard(ctx: AppContext, key: string): Promise<void> {
  try {
    await ctx.attachments.delete(key);
    await settlePendingKey(ctx.db, { storage: ctx.attachments.kind, storageKey: key });
  } catch (err) {
    ctx.log('warn', 'an unrecorded attachment could not be removed from the store; the upload sweep removes it later', { key, error: (err as Error).message });
  }
}
