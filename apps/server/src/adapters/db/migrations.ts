import { sql } from 'kysely';
import type { Database, Sql } from './database.js';

/**
 * The schema, as an append-only list: a released migration is never edited, only followed by a
 * new one. Each runs in its own transaction with its version recorded, so a crash mid-way leaves
 * the database at the previous version, and two nodes starting at once apply each migration once
 * (the advisory lock).
 */
export const MIGRATIONS: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
create table customers (
  id text primary key,
  name text,
  email text unique,
  phone text,
  tier text not null default 'standard',
  account_id text,
  since date,
  status text not null default 'active',
  created_at timestamptz not null default now()
);

create table orders (
  id text primary key,
  customer_id text not null references customers(id),
  status text not null,
  placed_at timestamptz,
  dispatched_at timestamptz,
  last_scan_at timestamptz,
  carrier text,
  tracking_number text,
  total_amount numeric(12,2),
  currency text,
  items jsonb not null default '[]'
);
create index orders_customer on orders(customer_id);

create table tickets (
  case_number text primary key,
  customer_id text not null references customers(id),
  created_at timestamptz not null,
  category text,
  outcome text,
  summary text
);
create index tickets_customer on tickets(customer_id, created_at);

create table teams (
  id text primary key,
  name text not null unique,
  skills jsonb not null default '[]',
  tiers jsonb not null default '[]',
  overflow jsonb,
  sla jsonb not null,
  hours jsonb,
  is_default boolean not null default false,
  created_at timestamptz not null default now()
);

create table agents (
  id text primary key,
  email text not null unique,
  name text not null,
  role text not null check (role in ('agent', 'supervisor', 'admin')),
  password_hash text not null,
  capacity integer not null default 3 check (capacity between 0 and 50),
  presence text not null default 'offline' check (presence in ('online', 'away', 'offline')),
  skills jsonb not null default '[]',
  last_assigned_at timestamptz,
  created_at timestamptz not null default now()
);

create table agent_teams (
  agent_id text not null references agents(id) on delete cascade,
  team_id text not null references teams(id) on delete cascade,
  primary key (agent_id, team_id)
);

create table sessions (
  token_hash text primary key,
  agent_id text not null references agents(id) on delete cascade,
  expires_at timestamptz not null,
  created_at timestamptz not null default now()
);

create sequence case_number_seq start 10001;

create table conversations (
  id text primary key,
  case_number text not null unique,
  customer_id text references customers(id),
  customer_name text,
  customer_email text,
  channel text not null default 'web',
  status text not null default 'ai' check (status in ('ai', 'waiting', 'assigned', 'resolved', 'callback')),
  language text,
  token_hash text not null,
  assigned_agent_id text references agents(id),
  team_id text references teams(id),
  last_seq integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index conversations_status on conversations(status);
create unique index conversations_token on conversations(token_hash);

create table messages (
  id text primary key,
  conversation_id text not null references conversations(id),
  seq integer not null,
  author_kind text not null check (author_kind in ('customer', 'ai', 'agent', 'system')),
  author_id text,
  author_name text,
  text text not null,
  private boolean not null default false,
  client_message_id text,
  reply_to text,
  article_id text,
  action text,
  created_at timestamptz not null default now(),
  unique (conversation_id, seq),
  unique (conversation_id, client_message_id)
);

create table decisions (
  message_id text primary key references messages(id),
  conversation_id text not null references conversations(id),
  decision jsonb not null,
  created_at timestamptz not null default now()
);

create table handoffs (
  id text primary key,
  conversation_id text not null references conversations(id),
  status text not null check (status in ('waiting', 'assigned', 'resolved', 'abandoned', 'callback')),
  priority text not null,
  reasons jsonb not null,
  team_id text references teams(id),
  offered_agent_id text references agents(id),
  agent_id text references agents(id),
  brief jsonb not null,
  wait_estimate_minutes integer,
  sla_due_at timestamptz not null,
  created_at timestamptz not null default now(),
  accepted_at timestamptz,
  first_human_reply_at timestamptz,
  brief_opened_at timestamptz,
  resolved_at timestamptz,
  resolution jsonb
);
create index handoffs_status on handoffs(status, team_id);
create unique index handoffs_one_open on handoffs(conversation_id) where status in ('waiting', 'assigned', 'callback');

create table event_counter (id integer primary key check (id = 1), seq bigint not null);
insert into event_counter values (1, 0);

create table events (
  seq bigint primary key,
  type text not null,
  conversation_id text,
  handoff_id text,
  agent_id text,
  payload jsonb not null,
  created_at timestamptz not null default now()
);
create index events_conversation on events(conversation_id, seq);

create table csat (
  conversation_id text not null references conversations(id),
  handoff_id text references handoffs(id),
  score integer not null check (score between 1 and 5),
  comment text,
  created_at timestamptz not null default now(),
  primary key (conversation_id)
);

create table settings (
  key text not null,
  version integer not null,
  value jsonb not null,
  created_by text,
  created_at timestamptz not null default now(),
  primary key (key, version)
);
`,
  },
  {
    version: 2,
    name: 'listeners, notifications, webhooks, email threads, callbacks',
    sql: `
create table listener_cursors (
  name text primary key,
  seq bigint not null default 0,
  updated_at timestamptz not null default now()
);

create table notification_endpoints (
  id text primary key,
  kind text not null check (kind in ('webhook', 'slack', 'sms', 'email')),
  name text not null,
  target text not null,
  secret text,
  events jsonb not null default '[]',
  min_priority text check (min_priority in ('low', 'medium', 'high', 'critical')),
  active boolean not null default true,
  created_at timestamptz not null default now()
);

create table deliveries (
  id text primary key,
  endpoint_id text not null references notification_endpoints(id) on delete cascade,
  event_seq bigint not null,
  event_type text not null,
  status text not null check (status in ('pending', 'delivered', 'failed', 'dead')),
  attempts integer not null default 0,
  last_status integer,
  last_error text,
  next_attempt_at timestamptz,
  payload jsonb not null,
  created_at timestamptz not null default now(),
  delivered_at timestamptz,
  unique (endpoint_id, event_seq)
);
create index deliveries_status on deliveries(status, next_attempt_at);

create table email_threads (
  message_id text primary key,
  conversation_id text not null references conversations(id),
  direction text not null check (direction in ('in', 'out')),
  created_at timestamptz not null default now()
);
create index email_threads_conversation on email_threads(conversation_id, created_at);

alter table conversations add column customer_phone text;

create table callbacks (
  id text primary key,
  conversation_id text not null references conversations(id),
  handoff_id text references handoffs(id),
  kind text not null check (kind in ('callback', 'email')),
  scheduled_for timestamptz,
  time_zone text,
  contact text,
  status text not null check (status in ('scheduled', 'queued', 'done', 'missed', 'cancelled')),
  created_at timestamptz not null default now()
);
create index callbacks_due on callbacks(status, scheduled_for);
`,
  },
  {
    version: 3,
    name: 'email channel: thread subjects and the outbound mail outbox',
    sql: `
alter table email_threads add column subject text;

create table email_outbox (
  id text primary key,
  conversation_id text not null references conversations(id),
  source_key text not null unique,
  kind text not null,
  rfc_message_id text not null unique,
  to_address text not null,
  subject text not null,
  body text not null,
  in_reply_to text,
  refs jsonb not null default '[]',
  status text not null check (status in ('pending', 'sent', 'failed')),
  attempts integer not null default 0,
  last_error text,
  created_at timestamptz not null,
  sent_at timestamptz
);
create index email_outbox_conversation on email_outbox(conversation_id, kind, created_at);
create index email_outbox_pending on email_outbox(status, created_at) where status = 'pending';
`,
  },
  {
    version: 4,
    name: 'quality flags: redundant asks, customer repeats, repeat escalations',
    sql: `
create table quality_flags (
  id text primary key,
  handoff_id text references handoffs(id),
  conversation_id text not null references conversations(id),
  message_id text references messages(id),
  kind text not null check (kind in ('redundant_ask', 'customer_repeat', 'repeat_escalation')),
  detail jsonb not null default '{}',
  created_at timestamptz not null default now()
);
create unique index quality_flags_once on quality_flags(kind, coalesce(message_id, handoff_id));
create index quality_flags_handoff on quality_flags(handoff_id, kind);
create index handoffs_created on handoffs(created_at);
create index decisions_created on decisions(created_at);
`,
  },
  {
    version: 5,
    name: 'customer presence: when the customer was last seen, for abandonment',
    sql: `
alter table conversations add column customer_seen_at timestamptz;
`,
  },
  {
    version: 6,
    name: 'dead letters: events a listener failed to handle, retried, then set aside for an admin to replay',
    sql: `
create table dead_letters (
  id text primary key,
  listener text not null,
  event_seq bigint not null,
  event_type text not null,
  status text not null check (status in ('retrying', 'dead', 'replayed')),
  attempts integer not null,
  last_error text not null,
  next_attempt_at timestamptz,
  failed_at timestamptz not null,
  dead_at timestamptz,
  replayed_at timestamptz,
  unique (listener, event_seq)
);
create index dead_letters_status on dead_letters(status, listener);
`,
  },
  {
    version: 7,
    name: 'identity: how the customer was verified, the account they claim, one-time codes and reply tokens',
    sql: `
alter table conversations add column identity text not null default 'unverified' check (identity in ('signed', 'code', 'unverified'));
alter table conversations add column email_verified boolean not null default false;
alter table conversations add column claimed_customer_id text references customers(id);
alter table conversations add column external_id text;
alter table conversations add column reply_token text unique;
-- Cases from before get their reply address too, so replies to their next mails still join them.
update conversations set reply_token = replace(gen_random_uuid()::text, '-', '');

create table verification_codes (
  id text primary key,
  conversation_id text not null references conversations(id),
  address text not null,
  code_hash text not null,
  attempts integer not null default 0,
  expires_at timestamptz not null,
  consumed_at timestamptz,
  created_at timestamptz not null
);
create index verification_codes_conversation on verification_codes(conversation_id, created_at);
create index verification_codes_address on verification_codes(address, created_at);
`,
  },
  {
    version: 8,
    name: 'sessions: disabled agents, and when a customer token was last used (idle expiry)',
    sql: `
alter table agents add column disabled_at timestamptz;
alter table conversations add column token_used_at timestamptz;
create index sessions_agent on sessions(agent_id);
`,
  },
  {
    version: 9,
    name: 'queue: agent presence from live sessions, and what each waiting customer was last told',
    sql: `
alter table agents add column session_seen_at timestamptz;
alter table handoffs add column queued_at timestamptz not null default now();
alter table handoffs add column queue_position integer;
alter table handoffs add column queue_told_at timestamptz;
alter table handoffs add column callback_offered_at timestamptz;
`,
  },
  {
    version: 10,
    name: "conversations: the customer's time zone, and how far they have read",
    sql: `
alter table conversations add column time_zone text;
alter table conversations add column customer_read_seq integer not null default 0;
`,
  },
  {
    version: 11,
    name: 'callbacks as work (attempts, the agent calling, unreachable), canned replies',
    sql: `
alter table callbacks add column attempts integer not null default 0;
alter table callbacks add column agent_id text references agents(id);
alter table callbacks drop constraint callbacks_status_check;
alter table callbacks add constraint callbacks_status_check check (status in ('scheduled', 'queued', 'calling', 'done', 'missed', 'cancelled', 'unreachable'));
create index callbacks_handoff on callbacks(handoff_id);
create table canned_replies (
  id text primary key,
  shortcut text not null,
  title text not null,
  body text not null,
  team_id text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index canned_replies_shortcut on canned_replies(lower(shortcut), coalesce(team_id, ''));
`,
  },
  {
    version: 12,
    name: 'attachments: files sent by customers and agents, their bytes when kept in the database, and HTML mail',
    sql: `
create table attachments (
  id text primary key,
  conversation_id text not null references conversations(id),
  uploader_kind text not null,
  uploader_id text,
  client_attachment_id text,
  name text not null,
  content_type text not null,
  size integer not null,
  sha256 text not null,
  storage text not null,
  storage_key text not null,
  message_id text references messages(id),
  visible_to_customer boolean not null default false,
  created_at timestamptz not null
);
create index attachments_conversation on attachments(conversation_id, created_at);
create unique index attachments_client_id on attachments(conversation_id, uploader_kind, client_attachment_id) where client_attachment_id is not null;
create table attachment_blobs (
  key text primary key,
  bytes bytea not null,
  created_at timestamptz not null default now()
);
alter table messages add column attachments jsonb;
alter table email_outbox add column html text;
`,
  },
  {
    version: 13,
    name: 'throughput: events numbered without a shared counter row, indexes for every lookup on the message path',
    sql: `
-- An event's number is base + (its transaction's id) * 4096 + (its rank in the transaction): no
-- writer waits on another, and readers read below the oldest running transaction (events.repository.ts).
create table event_numbering (id integer primary key check (id = 1), base bigint not null);
insert into event_numbering select 1, coalesce(max(seq), 0) + 1 from events;
drop table event_counter;
create index messages_reply_to on messages(reply_to) where reply_to is not null;
-- A customer message not yet answered: due for the sweep (answer-unanswered.ts) if no decision
-- came by due_at, e.g. because the node died between storing it and answering it.
create table pending_answers (
  message_id text primary key references messages(id),
  conversation_id text not null references conversations(id),
  due_at timestamptz not null
);
create index pending_answers_due on pending_answers(due_at);
create index decisions_conversation on decisions(conversation_id);
create index events_handoff on events(handoff_id, type) where handoff_id is not null;
create index events_created on events(created_at);
create index handoffs_conversation on handoffs(conversation_id, created_at);
`,
  },
  {
    version: 14,
    name: 'messaging channels: contacts on WhatsApp, Messenger and Instagram, webhook deliveries, the outbox, and delivery status on messages',
    sql: `
create table channel_contacts (
  id text primary key,
  channel text not null,
  contact_id text,
  user_id text,
  conversation_id text not null references conversations(id),
  display_name text,
  last_inbound_at timestamptz,
  thread_owner text,
  created_at timestamptz not null default now()
);
create unique index channel_contacts_contact on channel_contacts(channel, contact_id) where contact_id is not null;
create unique index channel_contacts_user on channel_contacts(channel, user_id) where user_id is not null;
create index channel_contacts_conversation on channel_contacts(conversation_id);

create table channel_deliveries (
  id text primary key,
  channel text not null,
  body text not null,
  body_hash text not null,
  status text not null default 'pending' check (status in ('pending', 'done', 'failed')),
  attempts integer not null default 0,
  last_error text,
  received_at timestamptz not null,
  processed_at timestamptz,
  unique (channel, body_hash)
);
create index channel_deliveries_pending on channel_deliveries(status, received_at);

create table channel_outbox (
  id text primary key,
  conversation_id text not null references conversations(id),
  channel text not null,
  source_key text not null unique,
  message_id text,
  author_kind text,
  kind text not null,
  request jsonb not null,
  status text not null default 'pending' check (status in ('pending', 'held', 'sent', 'delivered', 'read', 'failed', 'skipped')),
  detail text,
  provider_message_id text,
  attempts integer not null default 0,
  next_attempt_at timestamptz,
  created_at timestamptz not null,
  sent_at timestamptz,
  delivered_at timestamptz,
  read_at timestamptz
);
create index channel_outbox_pending on channel_outbox(status, next_attempt_at);
create index channel_outbox_provider on channel_outbox(channel, provider_message_id);
create index channel_outbox_conversation on channel_outbox(conversation_id, created_at);

alter table messages add column delivery_status text;
alter table messages add column delivery_detail text;
`,
  },
  {
    version: 15,
    name: 'llm calls: provider, model, latency, tokens and outcome of each call to a language model',
    sql: `
create table llm_calls (
  id text primary key,
  conversation_id text,
  message_id text,
  purpose text not null,
  provider text not null,
  model text not null,
  ok boolean not null,
  error_kind text,
  fallback text,
  latency_ms integer not null,
  input_tokens integer not null,
  output_tokens integer not null,
  attempts integer not null,
  created_at timestamptz not null
);
create index llm_calls_created on llm_calls(created_at);
create index llm_calls_conversation on llm_calls(conversation_id);
`,
  },
  {
    version: 16,
    name: 'integrations: received deliveries (Chatwoot), links to outside conversations, and the outbound steps done',
    sql: `
create table integration_deliveries (
  provider text not null,
  delivery_key text not null,
  event text not null,
  payload jsonb not null,
  received_at timestamptz not null,
  processed_at timestamptz,
  outcome text,
  primary key (provider, delivery_key)
);
create index integration_deliveries_pending on integration_deliveries(received_at) where processed_at is null;
create table integration_links (
  provider text not null,
  external_id text not null,
  conversation_id text not null references conversations(id),
  detail jsonb not null default '{}',
  created_at timestamptz not null default now(),
  primary key (provider, external_id)
);
create unique index integration_links_conversation on integration_links(provider, conversation_id);
create table integration_actions (
  action_key text primary key,
  external_ref text,
  done_at timestamptz not null
);
`,
  },
  {
    version: 17,
    name: 'a continue link gives the device that opens it its own customer token, once; unsent uploads are found by age; when the queue of a waiting customer was last computed',
    sql: `
create table customer_device_tokens (
  token_hash text primary key,
  conversation_id text not null references conversations(id),
  created_at timestamptz not null,
  used_at timestamptz not null
);
create index customer_device_tokens_conversation on customer_device_tokens(conversation_id);
create table continue_link_uses (
  link_id text primary key,
  conversation_id text not null references conversations(id),
  used_at timestamptz not null
);
create index attachments_unsent on attachments(created_at) where message_id is null;
alter table handoffs add column queue_checked_at timestamptz;
`,
  },
  {
    version: 18,
    name: 'attachments kept in the database move from bytea into large objects; keys whose bytes may have no row are journalled until they are settled',
    sql: `
-- Each file becomes a large object (read and written in chunks, not whole through TOAST); the row
-- names it, and is its only reference: they are written in one transaction and removed together.
alter table attachment_blobs add column object_id oid;
alter table attachment_blobs add column size bigint;
update attachment_blobs set object_id = lo_from_bytea(0, bytes), size = length(bytes);
alter table attachment_blobs alter column object_id set not null;
alter table attachment_blobs alter column size set not null;
alter table attachment_blobs drop column bytes;
create unique index attachment_blobs_object on attachment_blobs(object_id);
-- However a row goes (the store, a cascade, by hand), its object goes with it, in its transaction.
create function attachment_blobs_unlink_object() returns trigger language plpgsql as $$ begin if exists (select 1 from pg_largeobject_metadata where oid = old.object_id) then perform lo_unlink(old.object_id); end if; return old; end $$;
create trigger attachment_blobs_unlink_object after delete on attachment_blobs for each row execute function attachment_blobs_unlink_object();
-- A key is written here before its bytes go to a store, and before an unsent upload's row is
-- removed; it leaves once the bytes have a row or are gone. What a killed process leaves here is
-- removed by the sweep once due.
create table attachment_pending_keys (
  storage text not null,
  storage_key text not null,
  reason text not null,
  due_at timestamptz not null,
  primary key (storage, storage_key)
);
create index attachment_pending_keys_due on attachment_pending_keys(due_at);
-- The sweeps ask whether a row refers to a store's key.
create index attachments_storage_key on attachments(storage, storage_key);
`,
  },
];

/**
 * Applies the migrations not yet applied (up to version `upTo`, all by default); returns the
 * versions it applied. `clock` dates them (the server passes its own; the CLI, which has no
 * other, uses the wall clock).
 */
export async function migrate(db: Database, log: (line: string) => void = () => {}, o: { upTo?: number; clock?: () => Date } = {}): Promise<number[]> {
  const clock = o.clock ?? (() => new Date());
  await sql`create table if not exists schema_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())`.execute(db);
  const applied: number[] = [];
  for (const m of MIGRATIONS.filter((x) => x.version <= (o.upTo ?? Infinity))) {
    const done = await db.transaction().execute(async (tx) => {
      // Two nodes starting together: the second waits here, then sees the version recorded.
      await sql`select pg_advisory_xact_lock(727274)`.execute(tx);
      if (await tx.selectFrom('schemaMigrations').select('version').where('version', '=', m.version).executeTakeFirst()) return false;
      for (const statement of splitStatements(m.sql)) await sql.raw(statement).execute(tx);
      await tx.insertInto('schemaMigrations').values({ version: m.version, name: m.name, appliedAt: clock() }).execute();
      return true;
    });
    if (done) {
      applied.push(m.version);
      log(`migration ${m.version} applied: ${m.name}`);
    }
  }
  return applied;
}

/** Whether the schema is there at all: a data folder the server never started on holds nothing. */
export async function isMigrated(db: Sql): Promise<boolean> {
  const { rows } = await sql<{ name: string | null }>`select to_regclass('public.conversations')::text as name`.execute(db);
  return Boolean(rows[0]?.name);
}

/** Splits a migration into statements (our migrations hold no semicolons inside literals). */
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
