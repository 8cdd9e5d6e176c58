import { ZAttachmentParamsSchema, ZAttachmentQuerySchema, ZIdParamsSchema, ZUploadAttachmentQuerySchema, ZUploadAttachmentResponseSchema } from '@baton/contracts';
import type { FastifyRequest } from 'fastify';
import { readAttachment } from '../../app/attachments/read-attachment.js';
import { uploadAttachment } from '../../app/attachments/upload-attachment.js';
import { wireAttachment } from '../../app/wire.js';
import { DomainError } from '../../errors.js';
import type { ApiPlugin, ZodTypeProvider } from '../zod-schemas.js';

/**
 * Files in a conversation. An upload's body is the file itself, whatever Content-Type the client
 * claims (the server reads the content); a download is served so that no browser runs it: the
 * sniffed type, `nosniff`, a CSP that allows nothing (edge-guards.ts), and PDFs as downloads.
 */
export const attachmentRoutes: ApiPlugin = async (instance, { ctx }) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const maxBytes = ctx.config.attachments.maxBytes;
  // In this plugin only, every body is raw bytes, read up to the limit and no further.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_req: FastifyRequest, payload: NodeJS.ReadableStream, done: (err: Error | null, body?: Buffer) => void) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (err: Error | null, body?: Buffer) => {
      if (settled) return;
      settled = true;
      done(err, body);
    };
    payload.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) finish(new DomainError('ATTACHMENT_ERR_TOO_LARGE', `the file is over the limit of ${maxBytes} bytes`, 'file'));
      else if (!settled) chunks.push(chunk);
    });
    payload.on('end', () => finish(null, Buffer.concat(chunks)));
    payload.on('error', (err: Error) => finish(err));
  });

  app.post('/conversations/:id/attachments', {
    config: { customer: true },
    // The parser above enforces the attachment limit; fastify's own must not stop it first.
    bodyLimit: maxBytes + 1024,
    schema: {
      summary: 'Upload a file (PNG, JPEG, GIF, WebP or PDF; the body is the file) to send with a message',
      params: ZIdParamsSchema,
      querystring: ZUploadAttachmentQuerySchema,
      // 200: the same clientAttachmentId again, answered with the first upload.
      response: { 200: ZUploadAttachmentResponseSchema, 201: ZUploadAttachmentResponseSchema },
    },
  }, async (req, reply) => {
    const principal = req.principal!;
    const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const r = await uploadAttachment(ctx, req.params.id, principal.kind === 'agent' ? { kind: 'agent', agent: principal.agent } : { kind: 'customer' }, {
      bytes,
      ...(req.query.name !== undefined ? { name: req.query.name } : {}),
      ...(req.query.clientAttachmentId ? { clientAttachmentId: req.query.clientAttachmentId } : {}),
    });
    reply.code(r.duplicate ? 200 : 201);
    return { attachment: wireAttachment(req.params.id, r.attachment) };
  });

  app.get('/conversations/:id/attachments/:attachmentId', {
    config: { customer: true },
    schema: { summary: 'Download a file of the conversation', params: ZAttachmentParamsSchema, querystring: ZAttachmentQuerySchema },
  }, async (req, reply) => {
    const { attachment, bytes } = await readAttachment(ctx, req.params.id, req.params.attachmentId, req.principal!.kind);
    const inline = attachment.contentType.startsWith('image/') && req.query.download !== '1';
    reply
      .header('content-type', attachment.contentType)
      // The row's size is the stored file's: the store refuses nothing short, and streams it whole.
      .header('content-length', attachment.size)
      .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', attachment.name))
      // The edge guards add `nosniff`, `no-referrer` and `default-src 'none'` to every non-HTML answer, this one too.
      .header('cross-origin-resource-policy', 'same-origin')
      .header('cache-control', 'private, max-age=3600');
    return reply.send(bytes);
  });
};

/** `attachment; filename="…"; filename*=UTF-8''…`: an ASCII fallback and the exact name (RFC 6266, RFC 5987). */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const exact = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${exact}`;
}
