import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver } from '../../test/notifications-receivers.js';
import { httpPost } from './http-post.js';
import { blockedAddressReason, checkedAddress, literalHostProblem, OutboundAllowList, outboundHostProblem } from './outbound-guard.js';
import type { ResolveHost } from './outbound-guard.js';

const none = new OutboundAllowList([]);
const resolvesTo = (...addresses: string[]): ResolveHost => () => Promise.resolve(addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));

describe('blockedAddressReason', () => {
  it.each([
    '127.0.0.1', '127.255.0.9', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '100.127.255.254',
    '0.0.0.0', '224.0.0.1', '255.255.255.255', '192.0.2.1', '198.18.0.1',
    '::1', '::', 'fe80::1', 'fd00::1', 'fc00::1', 'fd00:ec2::254', 'ff02::1', '2001:db8::1',
    '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:a9fe:a9fe', '64:ff9b::a9fe:a9fe', '2002:7f00:1::1', '::127.0.0.1',
  ])('refuses %s', (ip) => {
    expect(blockedAddressReason(ip)).toMatch(/internal|loopback|private|reserved/);
  });

  it.each(['93.184.215.14', '1.1.1.1', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '::ffff:93.184.215.14', '64:ff9b::808:808'])('allows the public %s', (ip) => {
    expect(blockedAddressReason(ip)).toBeNull();
  });

  it('says so for text that is not an address', () => {
    expect(blockedAddressReason('example.com')).toMatch(/not an IP address/);
  });
});

describe('host checks', () => {
  // The URL parser turns decimal, octal and hex forms into the dotted address before any check.
  it.each([
    ['http://2130706433/', '127.0.0.1'],
    ['http://0x7f.0.0.1/', '127.0.0.1'],
    ['http://0177.0.0.1/', '127.0.0.1'],
    ['http://017700000001/', '127.0.0.1'],
    ['http://[::ffff:127.0.0.1]/', '::ffff:7f00:1'],
    ['http://169.254.169.254/latest/meta-data/', '169.254.169.254'],
  ])('%s is refused as %s', (url, ip) => {
    const host = new URL(url).hostname;
    expect(literalHostProblem(host, none)).toContain(ip);
  });

  it('refuses internal names without resolving them, unless allowed by name', () => {
    expect(literalHostProblem('localhost', none)).toMatch(/internal name/);
    expect(literalHostProblem('metadata.google.internal', none)).toMatch(/internal name/);
    expect(literalHostProblem('LOCALHOST.', new OutboundAllowList(['localhost']))).toBeNull();
    expect(literalHostProblem('hooks.example.com', none)).toBeNull();
  });

  it('resolves names: refused when any address is internal, allowed by name, address or range', async () => {
    expect(await outboundHostProblem('hooks.example.com', none, resolvesTo('93.184.215.14'))).toBeNull();
    expect(await outboundHostProblem('hooks.example.com', none, resolvesTo('93.184.215.14', '10.0.0.5'))).toMatch(/hooks\.example\.com resolves to 10\.0\.0\.5.*BATON_OUTBOUND_ALLOW/);
    expect(await outboundHostProblem('hooks.example.com', new OutboundAllowList(['hooks.example.com']), resolvesTo('10.0.0.5'))).toBeNull();
    expect(await outboundHostProblem('hooks.example.com', new OutboundAllowList(['10.0.0.0/8']), resolvesTo('10.0.0.5'))).toBeNull();
    expect(await outboundHostProblem('hooks.example.com', new OutboundAllowList(['10.0.0.6']), resolvesTo('10.0.0.5'))).toMatch(/10\.0\.0\.5/);
    expect(await outboundHostProblem('[::1]', new OutboundAllowList(['::1']))).toBeNull();
    expect(await outboundHostProblem('unresolvable.example', none, resolvesTo())).toBeNull();
  });

  it('gives the checked address to connect to, or why not', async () => {
    expect(await checkedAddress('mail.example.com', none, resolvesTo('93.184.215.14'))).toEqual({ address: '93.184.215.14' });
    expect(await checkedAddress('mail.example.com', none, resolvesTo('192.168.0.2'))).toMatchObject({ problem: expect.stringMatching(/192\.168\.0\.2/) });
    expect(await checkedAddress('mail.example.com', none, resolvesTo())).toEqual({ problem: 'mail.example.com did not resolve' });
    expect(await checkedAddress('127.0.0.1', new OutboundAllowList(['127.0.0.1']))).toEqual({ address: '127.0.0.1' });
    expect(await checkedAddress('localhost', none)).toMatchObject({ problem: expect.stringMatching(/internal name/) });
  });
});

// A real receiver on loopback: what httpPost refuses never reaches it.
describe('httpPost against a real receiver', () => {
  let rx: Awaited<ReturnType<typeof startReceiver>>;
  let port = '';
  beforeAll(async () => {
    rx = await startReceiver(() => 500);
    port = new URL(rx.url).port;
  });
  afterAll(() => rx.close());

  it('refuses loopback by address and by name, and other schemes, sending nothing', async () => {
    const before = rx.requests.length;
    for (const url of [rx.url, `http://[::ffff:127.0.0.1]:${port}/`, `http://2130706433:${port}/`, `http://localhost:${port}/`]) {
      const r = await httpPost(url, { headers: {}, body: '{}' });
      expect(r, url).toMatchObject({ ok: false, status: null, error: expect.stringMatching(/^refused: /) });
    }
    expect(await httpPost(`ftp://127.0.0.1:${port}/`, { headers: {}, body: '' })).toEqual({ ok: false, status: null, error: 'refused: ftp:// is not http or https' });
    expect(await httpPost('not a url', { headers: {}, body: '' })).toEqual({ ok: false, status: null, error: 'the target is not a URL' });
    expect(rx.requests.length).toBe(before);
  });

  it('checks the address actually connected to: a name that re-points to loopback after the check is refused', async () => {
    const before = rx.requests.length;
    // "rebind.example" does not exist in DNS: the only way to reach the receiver is through the hook's answer.
    const r = await httpPost(`http://rebind.example:${port}/`, { headers: {}, body: '{}' }, { resolveHost: resolvesTo('127.0.0.1') });
    expect(r).toMatchObject({ ok: false, status: null, error: expect.stringMatching(/refused: rebind\.example resolves to 127\.0\.0\.1/) });
    expect(rx.requests.length).toBe(before);
    // Allowed, the same hook's answer is the address used: the receiver gets the request.
    const allowed = await httpPost(`http://rebind.example:${port}/`, { headers: {}, body: '{}' }, { resolveHost: resolvesTo('127.0.0.1'), outboundAllow: ['127.0.0.0/8'] });
    expect(allowed).toEqual({ ok: false, status: 500, error: 'HTTP 500' });
    expect(rx.requests.length).toBe(before + 1);
    expect(rx.requests.at(-1)?.headers.host).toBe(`rebind.example:${port}`);
  });

  it('keeps the status, never the body of a failing receiver', async () => {
    const r = await httpPost(rx.url, { headers: {}, body: '{}' }, { outboundAllow: ['127.0.0.1'] });
    expect(r).toEqual({ ok: false, status: 500, error: 'HTTP 500' });
    expect(JSON.stringify(r)).not.toContain('receiver says no');
  });
});
