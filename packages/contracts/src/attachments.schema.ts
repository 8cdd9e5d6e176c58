import { z } from 'zod';

/** The kinds of file Baton keeps, recognised by their content (magic bytes), never by a name or a claimed type. */
export const ATTACHMENT_CONTENT_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'] as const;
export type TAttachmentContentType = (typeof ATTACHMENT_CONTENT_TYPES)[number];

/** A file as clients see it: on a message (`attachments`) and as the upload's answer. */
export const ZAttachmentSchema = z.object({
  id: z.string(),
  /** The file name, cleaned: no folders, control or direction characters, at most 120 characters, an extension that matches the content. */
  name: z.string(),
  contentType: z.enum(ATTACHMENT_CONTENT_TYPES),
  size: z.number().int(),
  /** Where to download it, relative to the server: `/api/v1/conversations/:id/attachments/:attachmentId` (bearer token, or `?token=`). */
  url: z.string(),
});
export type TAttachment = z.infer<typeof ZAttachmentSchema>;

/**
 * `POST /conversations/:id/attachments?name=…&clientAttachmentId=…`: the body is the file's bytes
 * as they are (any Content-Type; the content decides). `clientAttachmentId` makes a retried upload
 * (a double click, a lost answer) return the first one instead of storing the file twice.
 */
export const ZUploadAttachmentQuerySchema = z.strictObject({
  name: z.string().max(1000).optional(),
  clientAttachmentId: z.string().min(1).max(100).optional(),
});
export type TUploadAttachmentQuery = z.infer<typeof ZUploadAttachmentQuerySchema>;

export const ZUploadAttachmentResponseSchema = z.object({ attachment: ZAttachmentSchema });

/** `GET /conversations/:id/attachments/:attachmentId`. */
export const ZAttachmentParamsSchema = z.object({ id: z.string(), attachmentId: z.string() });
/** `download=1` asks for `Content-Disposition: attachment` for an image too. (`?token=` may carry the bearer token, for an `<img src>`.) */
export const ZAttachmentQuerySchema = z.strictObject({ download: z.enum(['0', '1']).optional() });
