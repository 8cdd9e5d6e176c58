import type { Sql } from '../../adapters/db/database.js';
import type { AttachmentUploader, MessageAttachment } from '../../adapters/db/repositories/attachments.repository.js';
import { attachToMessage, lockAttachments } from '../../adapters/db/repositories/attachments.repository.js';
import { DomainError } from '../../errors.js';

/**
 * The uploaded files a new message sends, checked inside its transaction: each must be in this
 * conversation, uploaded by the same side (a customer cannot send an agent's upload, nor an agent
 * a customer's), and not sent yet. Returns what the message records; `attach` ties them to it.
 */
export async function takeAttachments(tx: Sql, conversationId: string, ids: readonly string[] | undefined, by: AttachmentUploader) {
  const wanted = [...new Set(ids ?? [])];
  const rows = await lockAttachments(tx, conversationId, wanted);
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const id of wanted) {
    const row = byId.get(id);
    if (!row || row.uploaderKind !== by) throw new DomainError('ATTACHMENT_ERR_NOT_FOUND', `no file ${id} uploaded to this conversation`, 'attachmentIds');
    if (row.messageId) throw new DomainError('ATTACHMENT_ERR_ALREADY_SENT', `file ${id} was already sent in message ${row.messageId}`, 'attachmentIds');
  }
  const records: MessageAttachment[] = wanted.map((id) => {
    const r = byId.get(id)!;
    return { id: r.id, name: r.name, contentType: r.contentType, size: r.size };
  });
  return {
    records,
    attach: (messageId: string, visibleToCustomer: boolean) => attachToMessage(tx, wanted, messageId, visibleToCustomer),
  };
}
