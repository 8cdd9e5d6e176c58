import nodemailer from 'nodemailer';

/** One outbound mail, with its threading headers; ids are given without angle brackets. */
export interface OutboundMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  /** The same mail as HTML, sent beside the text as multipart/alternative; null or absent: text alone. */
  html?: string | null;
  messageId: string;
  inReplyTo: string | null;
  /** Oldest first. */
  references: string[];
  /** Where replies should go: the case's own address (`reply+TOKEN@…`), when it has one. */
  replyTo?: string | null;
  /** Files sent with the message (an agent's reply with a picture or a PDF). */
  attachments?: { filename: string; contentType: string; content: Buffer }[];
}

/** The outbound mail port. */
export interface MailTransport {
  /** Sends one mail; rejects when the server refuses it or cannot be reached. */
  send(mail: OutboundMail): Promise<void>;
  close(): void;
}

/** Sends through an SMTP server (nodemailer), e.g. `smtp://user:pass@smtp.example.com:587`. */
export function createSmtpTransport(url: string): MailTransport {
  const transport = nodemailer.createTransport(url);
  return {
    async send(mail) {
      await transport.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
        messageId: `<${mail.messageId}>`,
        ...(mail.inReplyTo ? { inReplyTo: `<${mail.inReplyTo}>` } : {}),
        ...(mail.references.length ? { references: mail.references.map((r) => `<${r}>`) } : {}),
        ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
        ...(mail.attachments?.length ? { attachments: mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content, contentDisposition: 'attachment' as const })) } : {}),
      });
    },
    close: () => transport.close(),
  };
}
