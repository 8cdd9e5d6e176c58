import { describe, expect, it } from 'vitest';
import { signStandardWebhook, signWebhook, standardWebhookKey, standardWebhookSecret, verifyWebhook } from '../webhook-signature.js';

// The documented receiver helper (docs/webhooks.md): what it accepts and what it refuses.
describe('webhook signatures', () => {
  const secret = 'whsec_test_secret_0123456789';
  const body = JSON.stringify({ id: 'evt_7', type: 'handoff.requested', seq: 7, createdAt: '2025-01-01T00:00:00.000Z', data: {} });
  const now = new Date('2025-01-01T00:00:10.000Z');
  const ts = Math.floor(now.getTime() / 1000);
  const headers = (sig: string, t: number | string = ts) => ({ 'Baton-Timestamp': String(t), 'Baton-Signature': sig, 'Baton-Event': 'handoff.requested', 'Baton-Delivery': 'd1' });

  it('is HMAC-SHA256 over "timestamp.body", hex, prefixed v1=', () => {
    // A fixed vector, computed independently: printf '1735689610.{}' | openssl dgst -sha256 -hmac whsec_test_secret_0123456789
    expect(signWebhook(secret, 1735689610, '{}')).toBe('v1=62a1cea88ff18b05f0ec21868c67bb0bf616dca963266b33eafd831ad6f2c33e');
    expect(signWebhook(secret, '1735689610', Buffer.from('{}'))).toBe(signWebhook(secret, 1735689610, '{}'));
    expect(signWebhook(secret, ts, body)).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(signWebhook(secret, ts, body)).not.toBe(signWebhook(secret, ts + 1, body));
  });

  it('accepts a good signature, with the headers it carried, in a Headers object too', () => {
    const r = verifyWebhook(secret, headers(signWebhook(secret, ts, body)), body, { now });
    expect(r).toEqual({ ok: true, timestamp: ts, event: 'handoff.requested', deliveryId: 'd1' });
    const h = new Headers(headers(signWebhook(secret, ts, body)));
    expect(verifyWebhook(secret, h, Buffer.from(body), { now }).ok).toBe(true);
  });

  it('refuses a wrong secret, a changed body and a changed timestamp as bad_signature', () => {
    expect(verifyWebhook(secret, headers(signWebhook('another-secret-xxxxxxxx', ts, body)), body, { now })).toMatchObject({ ok: false, reason: 'bad_signature' });
    expect(verifyWebhook(secret, headers(signWebhook(secret, ts, body)), body.replace('seq":7', 'seq":8'), { now })).toMatchObject({ ok: false, reason: 'bad_signature' });
    expect(verifyWebhook(secret, headers(signWebhook(secret, ts, body), ts + 1), body, { now })).toMatchObject({ ok: false, reason: 'bad_signature' });
    expect(verifyWebhook(secret, headers('v1=zz'), body, { now })).toMatchObject({ ok: false, reason: 'bad_signature' });
  });

  it('refuses a replay: a correctly signed request older than the tolerance is stale', () => {
    const old = ts - 301;
    expect(verifyWebhook(secret, headers(signWebhook(secret, old, body), old), body, { now })).toMatchObject({ ok: false, reason: 'stale_timestamp' });
    // The same captured request is fine within the window, and a custom tolerance applies.
    expect(verifyWebhook(secret, headers(signWebhook(secret, old, body), old), body, { now, toleranceSeconds: 600 }).ok).toBe(true);
    const future = ts + 400;
    expect(verifyWebhook(secret, headers(signWebhook(secret, future, body), future), body, { now })).toMatchObject({ ok: false, reason: 'stale_timestamp' });
  });

  it('refuses missing or malformed headers, and accepts any of several signatures (rotation)', () => {
    expect(verifyWebhook(secret, {}, body, { now })).toMatchObject({ ok: false, reason: 'missing_headers' });
    expect(verifyWebhook(secret, headers(signWebhook(secret, ts, body), 'yesterday'), body, { now })).toMatchObject({ ok: false, reason: 'malformed_timestamp' });
    const both = `${signWebhook('old-secret-xxxxxxxxxxxx', ts, body)}, ${signWebhook(secret, ts, body)}`;
    expect(verifyWebhook(secret, headers(both), body, { now }).ok).toBe(true);
  });
});

// Standard Webhooks (standardwebhooks.com): the signature, and how an endpoint's secret maps to its key.
describe('Standard Webhooks signatures', () => {
  it("matches the specification's own example", () => {
    // The example of the specification's reference libraries: secret, id, timestamp, body and signature.
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    expect(signStandardWebhook(secret, 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}')).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('keys an older secret with its UTF-8 bytes, and gives its standard form', () => {
    // printf 'd1.1735689610.{}' | openssl dgst -sha256 -hmac legacy-secret-0123456789 -binary | base64
    expect(signStandardWebhook('legacy-secret-0123456789', 'd1', 1735689610, '{}')).toBe('v1,r3kPyNyb4B+5VBLAySEODnwfyosckw11p2jal28+5ts=');
    expect(standardWebhookSecret('legacy-secret-0123456789')).toBe(`whsec_${Buffer.from('legacy-secret-0123456789').toString('base64')}`);
    // whsec_ and base64url (the form generated before): not canonical base64, so its bytes as text.
    const old = 'whsec_AbCd-_efGh0123456789abcdefghijklmnopqrstu';
    expect(standardWebhookKey(old)).toEqual(Buffer.from(old, 'utf8'));
    // Too short to be a key once decoded: its bytes as text too.
    expect(standardWebhookKey('whsec_AAAA')).toEqual(Buffer.from('whsec_AAAA', 'utf8'));
  });

  it('keeps a standard secret as it is', () => {
    const secret = `whsec_${Buffer.alloc(32, 1).toString('base64')}`;
    expect(standardWebhookKey(secret)).toEqual(Buffer.alloc(32, 1));
    expect(standardWebhookSecret(secret)).toBe(secret);
  });
});
