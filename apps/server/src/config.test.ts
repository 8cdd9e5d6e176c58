import { BRIEF_PII_KINDS, PII_KINDS } from '@baton/core';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, PII_CHANNELS } from './config.js';

// The privacy and outbound settings this file parses (docs/security-pii.md).
describe('config: PII masking and the outbound allow-list', () => {
  it('masks everything outside the workspace by default, and allows no internal host', () => {
    const c = loadConfig({});
    for (const channel of PII_CHANNELS.filter((ch) => ch !== 'customer')) expect(c.piiMask[channel], channel).toEqual([...PII_KINDS]);
    expect(c.piiMask.customer).toEqual([...BRIEF_PII_KINDS]);
    expect(c.outboundAllow).toEqual([]);
  });

  it('takes a list, all or none per channel, and the allow-list entries', () => {
    const c = loadConfig({ BATON_PII_MASK_SLACK: 'email, card', BATON_PII_MASK_LOG: 'none', BATON_PII_MASK_CUSTOMER: 'all', BATON_OUTBOUND_ALLOW: 'Hooks.Internal.example, 10.0.0.0/8, ::1' });
    expect(c.piiMask.slack).toEqual(['card', 'email']);
    expect(c.piiMask.log).toEqual([]);
    expect(c.piiMask.customer).toEqual([...PII_KINDS]);
    expect(c.outboundAllow).toEqual(['hooks.internal.example', '10.0.0.0/8', '::1']);
  });

  it('fails the start naming a bad kind or a bad allow-list entry', () => {
    expect(() => loadConfig({ BATON_PII_MASK_WEBHOOK: 'card,passport' })).toThrow(ConfigError);
    expect(() => loadConfig({ BATON_PII_MASK_WEBHOOK: 'card,passport' })).toThrow(/BATON_PII_MASK_WEBHOOK="card,passport": unknown kind passport/);
    for (const bad of ['http://10.0.0.1/', '10.0.0.0/40', 'fd00::/129', 'hooks.example.com/8', '10.0.0.0/8/8']) {
      expect(() => loadConfig({ BATON_OUTBOUND_ALLOW: bad }), bad).toThrow(/BATON_OUTBOUND_ALLOW/);
    }
    expect(loadConfig({ BATON_OUTBOUND_ALLOW: 'fd00::/8,127.0.0.1,hooks.example.com.' }).outboundAllow).toEqual(['fd00::/8', '127.0.0.1', 'hooks.example.com.']);
  });
});

// The external bot's settings (docs/bots.md).
describe('config: the external bot', () => {
  it('is off by default, and takes its URL, secret, kind and timeout', () => {
    expect(loadConfig({}).bot).toBeNull();
    expect(loadConfig({ BATON_BOT_URL: 'https://bot.example.com/hook', BATON_BOT_SECRET: 'a-secret-of-16-chars' }).bot).toEqual({ url: 'https://bot.example.com/hook', secret: 'a-secret-of-16-chars', kind: 'generic', timeoutMs: 8000 });
    expect(loadConfig({ BATON_BOT_URL: 'http://rasa:5005/webhooks/rest/webhook', BATON_BOT_SECRET: 'a-secret-of-16-chars', BATON_BOT_KIND: 'rasa', BATON_BOT_TIMEOUT_MS: '3000' }).bot).toMatchObject({ kind: 'rasa', timeoutMs: 3000 });
  });

  it('fails the start naming a missing or short secret, a bad URL or an unknown kind', () => {
    expect(() => loadConfig({ BATON_BOT_URL: 'https://bot.example.com/hook' })).toThrow(/BATON_BOT_SECRET="": required with BATON_BOT_URL/);
    expect(() => loadConfig({ BATON_BOT_URL: 'https://bot.example.com/hook', BATON_BOT_SECRET: 'short' })).toThrow(/BATON_BOT_SECRET="short": at least 16 characters/);
    expect(() => loadConfig({ BATON_BOT_URL: 'ftp://bot.example.com', BATON_BOT_SECRET: 'a-secret-of-16-chars' })).toThrow(/BATON_BOT_URL="ftp:\/\/bot.example.com"/);
    expect(() => loadConfig({ BATON_BOT_URL: 'https://bot.example.com', BATON_BOT_SECRET: 'a-secret-of-16-chars', BATON_BOT_KIND: 'botpress' })).toThrow(/BATON_BOT_KIND="botpress"/);
  });
});

describe('config: the messaging channels', () => {
  const whatsapp = { BATON_WHATSAPP_PHONE_NUMBER_ID: '106540352242922', BATON_WHATSAPP_ACCESS_TOKEN: 'EAAG-a-long-access-token-value', BATON_WHATSAPP_APP_SECRET: 'app-secret-0123456789', BATON_WHATSAPP_VERIFY_TOKEN: 'verify-token-0123456789' };
  const messenger = { BATON_MESSENGER_PAGE_ID: '104917291234567', BATON_MESSENGER_PAGE_TOKEN: 'EAAG-a-long-page-token-value', BATON_MESSENGER_APP_SECRET: 'app-secret-0123456789', BATON_MESSENGER_VERIFY_TOKEN: 'verify-token-0123456789' };

  it('is off by default; on with every variable, with the Graph API default and the template', () => {
    expect(loadConfig({})).toMatchObject({ whatsapp: null, messenger: null });
    expect(loadConfig(whatsapp).whatsapp).toEqual({ phoneNumberId: '106540352242922', accessToken: whatsapp.BATON_WHATSAPP_ACCESS_TOKEN, appSecret: 'app-secret-0123456789', verifyToken: 'verify-token-0123456789', graphUrl: 'https://graph.facebook.com/v21.0', template: { name: 'baton_reply_waiting', language: 'en' } });
    expect(loadConfig({ ...messenger, BATON_MESSENGER_GRAPH_URL: 'http://127.0.0.1:9999/v21.0/', BATON_MESSENGER_INBOX_APP_ID: '263902037430900' }).messenger).toMatchObject({ pageId: '104917291234567', graphUrl: 'http://127.0.0.1:9999/v21.0', inboxAppId: '263902037430900', appId: null });
  });

  it('fails the start naming each missing or bad variable', () => {
    const { BATON_WHATSAPP_APP_SECRET: _secret, ...noSecret } = whatsapp;
    expect(() => loadConfig(noSecret)).toThrow(/BATON_WHATSAPP_APP_SECRET="": required to turn on WhatsApp/);
    expect(() => loadConfig({ ...whatsapp, BATON_WHATSAPP_PHONE_NUMBER_ID: '+44 7700 900123' })).toThrow(/BATON_WHATSAPP_PHONE_NUMBER_ID="\+44 7700 900123": digits only/);
    expect(() => loadConfig({ ...whatsapp, BATON_WHATSAPP_GRAPH_URL: 'graph.facebook.com' })).toThrow(/BATON_WHATSAPP_GRAPH_URL="graph.facebook.com"/);
    expect(() => loadConfig({ BATON_MESSENGER_PAGE_TOKEN: messenger.BATON_MESSENGER_PAGE_TOKEN })).toThrow(/BATON_MESSENGER_PAGE_ID="": required to turn on Messenger[\s\S]*BATON_MESSENGER_VERIFY_TOKEN/);
    expect(() => loadConfig({ ...messenger, BATON_MESSENGER_VERIFY_TOKEN: 'short' })).toThrow(/BATON_MESSENGER_VERIFY_TOKEN="short": at least 16 characters/);
  });
});

// Where attachments go (docs/attachments.md).
describe('config: attachments', () => {
  const S3 = { BATON_S3_ENDPOINT: 'http://minio:9000', BATON_S3_BUCKET: 'support-files', BATON_S3_ACCESS_KEY_ID: 'key', BATON_S3_SECRET_ACCESS_KEY: 'secret' };
  it('keeps files beside PGlite, in PostgreSQL when it is used, in S3 when a bucket is named, and 10 MB at most by default', () => {
    expect(loadConfig({}).attachments).toEqual({ maxBytes: 10 * 1024 * 1024, maxPerConversation: 100, unsentTtlHours: 24, store: 'disk', dir: './data/attachments', s3: null });
    expect(loadConfig({ BATON_DATA_DIR: ':memory:' }).attachments.store).toBe('database');
    expect(loadConfig({ DATABASE_URL: 'postgres://db/baton' }).attachments.store).toBe('database');
    expect(loadConfig(S3).attachments).toMatchObject({ store: 's3', s3: { endpoint: 'http://minio:9000', bucket: 'support-files', region: 'us-east-1', prefix: '' } });
    expect(loadConfig({ BATON_ATTACHMENT_STORE: 'disk', BATON_ATTACHMENT_DIR: '/srv/files', BATON_ATTACHMENT_MAX_BYTES: '2048' }).attachments).toMatchObject({ store: 'disk', dir: '/srv/files', maxBytes: 2048 });
  });

  it('fails the start naming what S3 or the disk store is missing', () => {
    expect(() => loadConfig({ BATON_ATTACHMENT_STORE: 's3', BATON_S3_BUCKET: 'support-files' })).toThrow(/BATON_S3_ENDPOINT="": required to keep attachments in S3/);
    expect(() => loadConfig({ ...S3, BATON_S3_BUCKET: 'Bad_Bucket' })).toThrow(/BATON_S3_BUCKET="Bad_Bucket": an S3 bucket name/);
    expect(() => loadConfig({ BATON_ATTACHMENT_STORE: 'disk', BATON_DATA_DIR: ':memory:' })).toThrow(/BATON_ATTACHMENT_DIR="": required for the disk store/);
    expect(() => loadConfig({ BATON_ATTACHMENT_MAX_BYTES: '10' })).toThrow(/BATON_ATTACHMENT_MAX_BYTES/);
  });
});

// The language model's settings (docs/llm.md).
describe('config: the language model', () => {
  it('is off by default, and takes its provider, model, key, URL, timeout, fallback and price', () => {
    expect(loadConfig({}).llm).toBeNull();
    expect(loadConfig({ BATON_LLM: 'openai', BATON_LLM_API_KEY: 'sk-test' }).llm).toEqual({ provider: 'openai', model: 'gpt-4o-mini', apiKey: 'sk-test', baseUrl: null, timeoutMs: 8000, fallback: 'embedded', price: null });
    expect(
      loadConfig({ BATON_LLM: 'openai-compatible', BATON_LLM_BASE_URL: 'http://localhost:11434/v1/', BATON_LLM_MODEL: 'llama3.1', BATON_LLM_TIMEOUT_MS: '3000', BATON_LLM_FALLBACK: 'escalate', BATON_LLM_PRICE: '0.15, 0.6' }).llm,
    ).toEqual({ provider: 'openai-compatible', model: 'llama3.1', apiKey: null, baseUrl: 'http://localhost:11434/v1', timeoutMs: 3000, fallback: 'escalate', price: { input: 0.15, output: 0.6 } });
  });

  it('fails the start naming an unknown provider, a missing key, URL or model, or a bad timeout or price', () => {
    expect(() => loadConfig({ BATON_LLM: 'gemini' })).toThrow(/BATON_LLM="gemini"/);
    expect(() => loadConfig({ BATON_LLM: 'anthropic' })).toThrow(/BATON_LLM_API_KEY="": required with BATON_LLM=anthropic/);
    expect(() => loadConfig({ BATON_LLM: 'openai-compatible', BATON_LLM_MODEL: 'llama3.1' })).toThrow(/BATON_LLM_BASE_URL="": required with BATON_LLM=openai-compatible/);
    expect(() => loadConfig({ BATON_LLM: 'openai-compatible', BATON_LLM_BASE_URL: 'http://localhost:11434/v1' })).toThrow(/BATON_LLM_MODEL="": required/);
    expect(() => loadConfig({ BATON_LLM: 'openai', BATON_LLM_API_KEY: 'k', BATON_LLM_TIMEOUT_MS: '10' })).toThrow(/BATON_LLM_TIMEOUT_MS="10"/);
    expect(() => loadConfig({ BATON_LLM: 'openai', BATON_LLM_API_KEY: 'k', BATON_LLM_PRICE: 'cheap' })).toThrow(/BATON_LLM_PRICE="cheap": two numbers/);
    expect(() => loadConfig({ BATON_LLM: 'openai', BATON_LLM_API_KEY: 'k', BATON_LLM_FALLBACK: 'retry' })).toThrow(/BATON_LLM_FALLBACK="retry"/);
  });
});

describe('config: Redis', () => {
  it('namespaces Redis under "baton" by default, or the prefix given; a prefix Redis would mangle fails the start', () => {
    expect(loadConfig({}).redisPrefix).toBe('baton');
    expect(loadConfig({ BATON_REDIS_PREFIX: 'baton-staging' }).redisPrefix).toBe('baton-staging');
    expect(() => loadConfig({ BATON_REDIS_PREFIX: 'has space' })).toThrow(/BATON_REDIS_PREFIX="has space"/);
  });
});

describe('config: stream keep-alive', () => {
  it('pings every 20 seconds by default, or as often as asked; a period out of range fails the start', () => {
    expect(loadConfig({}).wsPingSeconds).toBe(20);
    expect(loadConfig({ BATON_WS_PING_SECONDS: '5' }).wsPingSeconds).toBe(5);
    for (const bad of ['0', '301', '2.5', 'often']) expect(() => loadConfig({ BATON_WS_PING_SECONDS: bad })).toThrow(/BATON_WS_PING_SECONDS/);
  });
});
