import type { Readable } from 'node:stream';
import type { AttachmentRecord } from '../../adapters/db/repositories/attachments.repository.js';
import { getAttachment } from '../../adapters/db/repositories/attachments.repository.js';
import { DomainError } from '../../errors.js';
import type { AppContext } from '../context.js';

/**
 * One file of a conversation, with its bytes as a stream read from the store a chunk at a time
 * (found before anything is sent, so a missing file is still a clean 404). The customer gets only
 * what they sent and what was sent to them; a file an agent uploaded but has not sent, or sent in a
 * private note, does not exist for them.
 */
export async function readAttachment(ctx: AppContext, conversationId: string, attachmentId: string, reader: 'customer' | 'agent'): Promise<{ attachment: AttachmentRecord; bytes: Readable }> {
  const attachment = await getAttachment(ctx.db, conversationId, attachmentId);
  if (!attachment || (reader === 'customer' && !attachment.visibleToCustomer)) throw new DomainError('ATTACHMENT_ERR_NOT_FOUND', `no file ${attachmentId} in conversation ${conversationId}`);
  if (attachment.storage !== ctx.attachments.kind) {
    ctx.log('error', 'an attachment is in another store than the configured one', { attachmentId, storedIn: attachment.storage, configured: ctx.attachments.kind });
    throw new DomainError('ATTACHMENT_ERR_STORAGE', `file ${attachmentId} is kept in the ${attachment.storage} store, which this server does not use`);
  }
  const bytes = await ctx.attachments.open(attachment.storageKey).catch((err: Error) => {
    ctx.log('error', 'an attachment could not be read from its store', { attachmentId, store: attachment.storage, error: err.message });
    throw new DomainError('ATTACHMENT_ERR_STORAGE', `the ${attachment.storage} attachment store could not be read`);
  });
  if (!bytes) {
    ctx.log('error', 'an attachment has a row but no bytes in its store', { attachmentId, store: attachment.storage });
    throw new DomainError('ATTACHMENT_ERR_NOT_FOUND', `the bytes of file ${attachmentId} are missing`);
  }
  return { attachment, bytes };
}
