import type { Sql } from '../database.js';

export type ConversationStatus = 'ai' | 'waiting' | 'assigned' | 'resolved' | 'callback';
export type AuthorKind = 'customer' | 'ai' | 'agent' | 'system';

export interface ConversationRecord {
  id: string;
  caseNumber: string;
  customerId: string | null;
  customerName: string | null;
  customerEmail: string | null;
  channel: string;
  status: ConversationStatus;
  language: string | null;
  tokenHash: string;
  assignedAgentId: string | null;
  teamId: string | null;
  lastSeq: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface MessageRecord {
  id: string;
  conversationId: string;
  seq: number;
  authorKind: AuthorKind;
  authorId: string | null;
  authorName: string | null;
  text: string;
  private: boolean;
  clientMessageId: string | null;
  replyTo: string | null;
  articleId: string | null;
  action: string | null;
  createdAt: Date;
}

export async function insertConversation(
  tx: Sql,
  c: { id: string; customerId: string | null; customerName: string | null; customerEmail: string | null; channel: string; language: string | null; tokenHash: string },
): Promise<ConversationRecord> {
  const rows = await tx.query(
    `insert into conversations (id, case_number, customer_id, customer_name, customer_email, channel, language, token_hash)
     values ($1, 'C-' || nextval('case_number_seq'), $2, $3, $4, $5, $6, $7) returning *`,
    [c.id, c.customerId, c.customerName, c.customerEmail, c.channel, c.language, c.tokenHash],
  );
  return toConversation(rows[0]!);
}

export async function getConversation(db: Sql, id: string, opts: { forUpdate?: boolean } = {}): Promise<ConversationRecord | null> {
  const rows = await db.query(`select * from conversations where id = $1${opts.forUpdate ? ' for update' : ''}`, [id]);
  return rows[0] ? toConversation(rows[0]) : null;
}

export async function updateConversation(
  tx: Sql,
  id: string,
  patch: Partial<Pick<ConversationRecord, 'status' | 'assignedAgentId' | 'teamId' | 'language' | 'customerName'>>,
): Promise<ConversationRecord> {
  const cols: string[] = [];
  const vals: unknown[] = [];
  const map: Record<string, string> = { status: 'status', assignedAgentId: 'assigned_agent_id', teamId: 'team_id', language: 'language', customerName: 'customer_name' };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    vals.push(v);
    cols.push(`${map[k]} = $${vals.length}`);
  }
  vals.push(id);
  const rows = await tx.query(`update conversations set ${[...cols, 'updated_at = now()'].join(', ')} where id = $${vals.length} returning *`, vals);
  return toConversation(rows[0]!);
}

/**
 * Stores a message with the conversation's next sequence number. The increment locks the
 * conversation's row, so two messages arriving together get consecutive numbers, never the same.
 */
export async function insertMessage(
  tx: Sql,
  m: { id: string; conversationId: string; authorKind: AuthorKind; authorId?: string | null; authorName?: string | null; text: string; private?: boolean; clientMessageId?: string | null; replyTo?: string | null; articleId?: string | null; action?: string | null },
): Promise<MessageRecord> {
  const [{ last_seq }] = (await tx.query<{ last_seq: number }>('update conversations set last_seq = last_seq + 1, updated_at = now() where id = $1 returning last_seq', [m.conversationId])) as [{ last_seq: number }];
  const rows = await tx.query(
    `insert into messages (id, conversation_id, seq, author_kind, author_id, author_name, text, private, client_message_id, reply_to, article_id, action)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) returning *`,
    [m.id, m.conversationId, last_seq, m.authorKind, m.authorId ?? null, m.authorName ?? null, m.text, m.private ?? false, m.clientMessageId ?? null, m.replyTo ?? null, m.articleId ?? null, m.action ?? null],
  );
  return toMessage(rows[0]!);
}

export async function findMessageByClientId(db: Sql, conversationId: string, clientMessageId: string): Promise<MessageRecord | null> {
  const rows = await db.query('select * from messages where conversation_id = $1 and client_message_id = $2', [conversationId, clientMessageId]);
  return rows[0] ? toMessage(rows[0]) : null;
}

export async function listReplies(db: Sql, messageId: string): Promise<MessageRecord[]> {
  const rows = await db.query('select * from messages where reply_to = $1 order by seq', [messageId]);
  return rows.map(toMessage);
}

export async function listMessages(db: Sql, conversationId: string, opts: { after?: number; includePrivate?: boolean; limit?: number } = {}): Promise<MessageRecord[]> {
  const rows = await db.query(
    `select * from messages where conversation_id = $1 and seq > $2 and ($3 or not private) order by seq limit $4`,
    [conversationId, opts.after ?? 0, opts.includePrivate ?? false, Math.min(opts.limit ?? 1000, 5000)],
  );
  return rows.map(toMessage);
}

export async function saveDecision(tx: Sql, d: { messageId: string; conversationId: string; decision: unknown }): Promise<void> {
  await tx.query('insert into decisions (message_id, conversation_id, decision) values ($1, $2, $3) on conflict (message_id) do nothing', [d.messageId, d.conversationId, JSON.stringify(d.decision)]);
}

export function toConversation(r: Record<string, unknown>): ConversationRecord {
  return {
    id: r.id as string,
    caseNumber: r.case_number as string,
    customerId: (r.customer_id as string | null) ?? null,
    customerName: (r.customer_name as string | null) ?? null,
    customerEmail: (r.customer_email as string | null) ?? null,
    channel: r.channel as string,
    status: r.status as ConversationStatus,
    language: (r.language as string | null) ?? null,
    tokenHash: r.token_hash as string,
    assignedAgentId: (r.assigned_agent_id as string | null) ?? null,
    teamId: (r.team_id as string | null) ?? null,
    lastSeq: Number(r.last_seq),
    createdAt: new Date(r.created_at as string),
    updatedAt: new Date(r.updated_at as string),
  };
}

export function toMessage(r: Record<string, unknown>): MessageRecord {
  return {
    id: r.id as string,
    conversationId: r.conversation_id as string,
    seq: Number(r.seq),
    authorKind: r.author_kind as AuthorKind,
    authorId: (r.author_id as string | null) ?? null,
    authorName: (r.author_name as string | null) ?? null,
    text: r.text as string,
    private: Boolean(r.private),
    clientMessageId: (r.client_message_id as string | null) ?? null,
    replyTo: (r.reply_to as string | null) ?? null,
    articleId: (r.article_id as string | null) ?? null,
    action: (r.action as string | null) ?? null,
    createdAt: new Date(r.created_at as string),
  };
}
