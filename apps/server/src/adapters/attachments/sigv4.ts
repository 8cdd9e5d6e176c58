import { createHash, createHmac } from 'node:crypto';

/** One request to sign with AWS Signature Version 4 (headers signed: all those given, plus `host`). */
export interface SigV4Request {
  method: string;
  host: string;
  /** The path as sent, already percent-encoded (`/bucket/key`). */
  path: string;
  /** Query parameters; empty for object PUT, GET and DELETE. */
  query?: Record<string, string>;
  headers: Record<string, string>;
  /** Hex SHA-256 of the body, or `UNSIGNED-PAYLOAD`. */
  payloadHash: string;
  region: string;
  service: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `YYYYMMDDTHHMMSSZ`, as in `x-amz-date`. */
  amzDate: string;
}

export const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/** RFC 3986 encoding as SigV4 wants it (every character but unreserved ones). */
export function uriEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `20130524T000000Z` from a Date. */
export function amzDateOf(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * The `Authorization` header of a SigV4-signed request, following the documented steps: the
 * canonical request, the string to sign, the derived signing key, the signature. Exported for
 * the tests' S3 server, which recomputes it to check what it receives.
 */
export function signV4(r: SigV4Request): { authorization: string; signature: string; signedHeaders: string } {
  const headers = Object.entries({ ...r.headers, host: r.host }).map(([k, v]) => [k.toLowerCase(), v.trim().replace(/\s+/g, ' ')] as const);
  headers.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const signedHeaders = headers.map(([k]) => k).join(';');
  const canonicalQuery = Object.entries(r.query ?? {})
    .map(([k, v]) => `${uriEncode(k)}=${uriEncode(v)}`)
    .sort()
    .join('&');
  const canonicalRequest = [r.method, r.path, canonicalQuery, headers.map(([k, v]) => `${k}:${v}\n`).join(''), signedHeaders, r.payloadHash].join('\n');
  const day = r.amzDate.slice(0, 8);
  const scope = `${day}/${r.region}/${r.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', r.amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${r.secretAccessKey}`, day), r.region), r.service), 'aws4_request');
  const signature = createHmac('sha256', key).update(stringToSign).digest('hex');
  return { authorization: `AWS4-HMAC-SHA256 Credential=${r.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`, signature, signedHeaders };
}
