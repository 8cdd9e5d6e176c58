import { promises as dnsPromises } from 'node:dns';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * Keeps outbound requests that an admin can aim (webhook, Slack and SMS URLs, SMTP servers of
 * email endpoints) away from the server's own network: loopback, private, link-local (cloud
 * metadata at 169.254.169.254), unique-local, CGNAT, multicast and reserved addresses, in IPv4,
 * IPv6 and IPv4 embedded in IPv6. A name is checked on what it resolves to, at configuration time
 * and again on the address actually connected to (a lookup hook), so a DNS answer that changes
 * after the check (rebinding) is refused too. `BATON_OUTBOUND_ALLOW` names the exceptions.
 */

const BLOCKED = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved and broadcast
] as const) BLOCKED.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 96], // unspecified, loopback and IPv4-compatible
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique-local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local
  ['ff00::', 8], // multicast
] as const) BLOCKED.addSubnet(net, bits, 'ipv6');

/** The IPv4 address inside an IPv6 one, for the forms that route to it: mapped, NAT64 and 6to4. */
function embeddedIpv4(ip: string): string | null {
  const groups = expandIpv6(ip);
  if (!groups) return null;
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  const zeros = (from: number, to: number) => groups.slice(from, to).every((g) => g === 0);
  if (zeros(0, 5) && groups[5] === 0xffff) return v4(groups[6]!, groups[7]!); // ::ffff:a.b.c.d
  if (groups[0] === 0x64 && groups[1] === 0xff9b && zeros(2, 6)) return v4(groups[6]!, groups[7]!); // 64:ff9b::/96
  if (groups[0] === 0x2002) return v4(groups[1]!, groups[2]!); // 6to4
  return null;
}

/** The eight 16-bit groups of an IPv6 address (with a dotted IPv4 tail or not), or null. */
function expandIpv6(ip: string): number[] | null {
  let text = ip.toLowerCase().replace(/%.*$/, '');
  const dotted = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const fill = tail === undefined ? 0 : 8 - h.length - t.length;
  const groups = [...h, ...Array<string>(Math.max(0, fill)).fill('0'), ...t].map((g) => Number.parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

/** Why an address may not be reached, or null when it is a public unicast address. */
export function blockedAddressReason(ip: string): string | null {
  const family = isIP(ip);
  if (family === 0) return `${ip} is not an IP address`;
  if (family === 6) {
    const inner = embeddedIpv4(ip);
    if (inner) return blockedAddressReason(inner) === null ? null : `${ip} embeds the internal address ${inner}`;
    return BLOCKED.check(ip, 'ipv6') ? `${ip} is a loopback, private, link-local or reserved address` : null;
  }
  return BLOCKED.check(ip, 'ipv4') ? `${ip} is a loopback, private, link-local, metadata or reserved address` : null;
}

/** The admin's exceptions (`BATON_OUTBOUND_ALLOW`): host names, addresses and CIDR ranges. */
export class OutboundAllowList {
  private readonly names = new Set<string>();
  private readonly ranges = new BlockList();

  constructor(entries: readonly string[]) {
    for (const raw of entries) {
      const entry = raw.trim().toLowerCase();
      const [net = '', bits] = entry.split('/');
      const family = isIP(net);
      if (family === 0) this.names.add(entry.replace(/\.$/, ''));
      else {
        const type = family === 4 ? 'ipv4' : 'ipv6';
        this.ranges.addSubnet(net, bits === undefined ? (family === 4 ? 32 : 128) : Number(bits), type);
      }
    }
  }

  /** Whether a host name (as written in the URL) is allowed whatever it resolves to. */
  allowsName(host: string): boolean {
    return this.names.has(host.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, ''));
  }

  /** Whether an address is allowed although it is internal. */
  allowsAddress(ip: string): boolean {
    const family = isIP(ip);
    return family !== 0 && this.ranges.check(ip, family === 4 ? 'ipv4' : 'ipv6');
  }
}

/** An outbound target refused by the guard; `code` lets senders tell it from a network failure. */
export class OutboundRefusedError extends Error {
  readonly code = 'BATON_OUTBOUND_REFUSED';
}

function refusal(host: string, ip: string, allow: OutboundAllowList): string | null {
  if (allow.allowsName(host) || allow.allowsAddress(ip)) return null;
  const reason = blockedAddressReason(ip);
  return reason && `${host} resolves to ${reason}; add it to BATON_OUTBOUND_ALLOW to allow it`;
}

/** Names that always mean this machine or a private zone (RFC 6761, cloud metadata names). */
const INTERNAL_NAME = /(?:^|\.)(?:localhost|localdomain|internal|local)$/;

/**
 * What can be said of a host without resolving it: an allowed name, an address literal (checked
 * directly) or a name that always means an internal host. Null when it needs resolving, or is fine.
 */
export function literalHostProblem(host: string, allow: OutboundAllowList): string | null {
  const bare = bareHost(host);
  if (allow.allowsName(bare)) return null;
  if (isIP(bare)) return refusal(bare, bare, allow);
  if (INTERNAL_NAME.test(bare)) return `${bare} is an internal name; add it to BATON_OUTBOUND_ALLOW to allow it`;
  return null;
}

function bareHost(host: string): string {
  return host.replace(/^\[|\]$/g, '').toLowerCase().replace(/\.$/, '');
}

/** Resolves a name to all its addresses; an empty list when it does not resolve. */
export type ResolveHost = (host: string) => Promise<LookupAddress[]>;

const resolveOrFail: ResolveHost = (host) => dnsPromises.lookup(host, { all: true });
const resolveAll: ResolveHost = (host) => resolveOrFail(host).catch(() => []);

/**
 * Checks a host before anything connects (an endpoint being saved): a literal address directly,
 * a name by resolving it. Returns why it is refused, or null. A name that does not resolve is let
 * through here: the connection will fail, or be checked by {@link guardedLookup} if it resolves later.
 */
export async function outboundHostProblem(host: string, allow: OutboundAllowList, resolve: ResolveHost = resolveAll): Promise<string | null> {
  const bare = bareHost(host);
  if (allow.allowsName(bare) || isIP(bare) || INTERNAL_NAME.test(bare)) return literalHostProblem(bare, allow);
  for (const a of await resolve(bare)) {
    const problem = refusal(bare, a.address, allow);
    if (problem) return problem;
  }
  return null;
}

/**
 * The address to connect to for a host, checked: for clients that take no lookup hook (the SMTP
 * client), the caller connects to this very address, so what was checked is what is reached.
 */
export async function checkedAddress(host: string, allow: OutboundAllowList, resolve: ResolveHost = resolveAll): Promise<{ address: string } | { problem: string }> {
  const bare = bareHost(host);
  const early = literalHostProblem(bare, allow);
  if (early) return { problem: early };
  if (isIP(bare)) return { address: bare };
  const addresses = await resolve(bare);
  for (const a of addresses) {
    const problem = refusal(bare, a.address, allow);
    if (problem) return { problem };
  }
  const first = addresses[0];
  return first ? { address: first.address } : { problem: `${bare} did not resolve` };
}

/**
 * A `lookup` for `http.request` and `net.connect` that refuses internal addresses: the check
 * runs on the very addresses the socket is about to use, so a name re-pointed after the
 * configuration check (DNS rebinding) cannot slip through.
 */
export function guardedLookup(allow: OutboundAllowList, resolve: ResolveHost = resolveOrFail) {
  return (host: string, options: LookupOptions, callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void): void => {
    resolve(host).then(
      (list) => {
        for (const a of list) {
          const problem = refusal(host, a.address, allow);
          if (problem) return callback(new OutboundRefusedError(problem), '', 0);
        }
        const first = list[0];
        if (!first) return callback(new OutboundRefusedError(`${host} did not resolve`), '', 0);
        return options.all ? callback(null, list) : callback(null, first.address, first.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, '', 0),
    );
  };
}
