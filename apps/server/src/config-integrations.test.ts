import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

const CHATWOOT = { BATON_CHATWOOT_URL: 'https://chat.example.com/', BATON_CHATWOOT_BOT_TOKEN: 'bot-token-123' };
const MESSAGING = { BATON_ZENDESK_MODE: 'messaging', BATON_ZENDESK_APP_ID: '5698edbf2a43bd081be982f1', BATON_ZENDESK_KEY_ID: 'app_5698edbf', BATON_ZENDESK_KEY_SECRET: 'key-secret-123', BATON_ZENDESK_WEBHOOK_SECRET: 'hook-secret-123' };
const ZENDESK = { BATON_ZENDESK_SUBDOMAIN: 'acme', BATON_ZENDESK_EMAIL: 'bot@acme.example', BATON_ZENDESK_API_TOKEN: 'zd-token-123' };

describe('config: Chatwoot, Zendesk and the customer-data endpoint', () => {
  it('is off by default, and takes each integration’s settings', () => {
    const off = loadConfig({});
    expect([off.chatwoot, off.zendesk, off.context]).toEqual([null, null, null]);
    expect(loadConfig({ ...CHATWOOT, BATON_CHATWOOT_WEBHOOK_SECRET: 'cw-secret-1', BATON_CHATWOOT_TEAMS: 'Billing=3, Support = 1' }).chatwoot).toEqual({ url: 'https://chat.example.com', botToken: 'bot-token-123', webhookSecret: 'cw-secret-1', teams: { Billing: 3, Support: 1 }, timeoutMs: 5000 });
    expect(loadConfig(ZENDESK).zendesk).toEqual({ url: 'https://acme.zendesk.com', mode: 'ticket', email: 'bot@acme.example', apiToken: 'zd-token-123', messaging: null, fields: {}, timeoutMs: 10_000 });
    expect(loadConfig({ BATON_ZENDESK_SUBDOMAIN: 'acme', ...MESSAGING }).zendesk).toMatchObject({ mode: 'messaging', email: null, messaging: { appId: '5698edbf2a43bd081be982f1', keyId: 'app_5698edbf', keySecret: 'key-secret-123', webhookSecret: 'hook-secret-123' } });
    expect(loadConfig({ ...ZENDESK, BATON_ZENDESK_SUBDOMAIN: '', BATON_ZENDESK_URL: 'http://127.0.0.1:9000', BATON_ZENDESK_FIELDS: 'case_number=360001,team=360002' }).zendesk).toMatchObject({ url: 'http://127.0.0.1:9000', fields: { case_number: 360001, team: 360002 } });
    expect(loadConfig({ BATON_CONTEXT_URL: 'https://crm.example.com/context', BATON_CONTEXT_SECRET: 'a-secret-of-16-chars', BATON_CONTEXT_CACHE_SECONDS: '0' }).context).toEqual({ url: 'https://crm.example.com/context', secret: 'a-secret-of-16-chars', timeoutMs: 1500, cacheSeconds: 0 });
  });

  it('fails the start naming each bad or missing variable', () => {
    const fails = (env: Record<string, string>, message: RegExp) => expect(() => loadConfig(env)).toThrow(message);
    fails({ BATON_CHATWOOT_URL: 'https://chat.example.com' }, /BATON_CHATWOOT_BOT_TOKEN="": required with BATON_CHATWOOT_URL/);
    fails({ BATON_CHATWOOT_BOT_TOKEN: 'bot-token-123' }, /BATON_CHATWOOT_URL="": required with BATON_CHATWOOT_BOT_TOKEN/);
    fails({ ...CHATWOOT, BATON_CHATWOOT_URL: 'chat.example.com' }, /BATON_CHATWOOT_URL="chat.example.com": an http:\/\/ or https:\/\/ URL/);
    fails({ ...CHATWOOT, BATON_CHATWOOT_TEAMS: 'Billing' }, /BATON_CHATWOOT_TEAMS="Billing": Baton team name=Chatwoot team id/);
    fails({ ...ZENDESK, BATON_ZENDESK_API_TOKEN: '' }, /BATON_ZENDESK_API_TOKEN="": required with the Zendesk account/);
    fails({ ...ZENDESK, BATON_ZENDESK_URL: 'https://acme.zendesk.com' }, /BATON_ZENDESK_SUBDOMAIN="acme": set BATON_ZENDESK_URL or BATON_ZENDESK_SUBDOMAIN, not both/);
    fails({ BATON_ZENDESK_EMAIL: 'bot@acme.example', BATON_ZENDESK_API_TOKEN: 'zd-token-123' }, /BATON_ZENDESK_EMAIL="bot@acme.example": set BATON_ZENDESK_SUBDOMAIN/);
    fails({ BATON_ZENDESK_SUBDOMAIN: 'acme', ...MESSAGING, BATON_ZENDESK_KEY_SECRET: '' }, /BATON_ZENDESK_KEY_SECRET="": required with BATON_ZENDESK_MODE=messaging/);
    fails({ ...MESSAGING }, /BATON_ZENDESK_MODE="messaging": set BATON_ZENDESK_SUBDOMAIN/);
    fails({ ...ZENDESK, BATON_ZENDESK_MODE: 'chat' }, /BATON_ZENDESK_MODE="chat"/);
    fails({ ...ZENDESK, BATON_ZENDESK_FIELDS: 'shoe_size=1' }, /BATON_ZENDESK_FIELDS="shoe_size=1": key=Zendesk custom field id/);
    fails({ BATON_CONTEXT_URL: 'https://crm.example.com/context' }, /BATON_CONTEXT_SECRET="": required with BATON_CONTEXT_URL/);
    fails({ BATON_CONTEXT_URL: 'https://crm.example.com/context', BATON_CONTEXT_SECRET: 'a-secret-of-16-chars', BATON_CONTEXT_TIMEOUT_MS: '5' }, /BATON_CONTEXT_TIMEOUT_MS="5"/);
  });
});
