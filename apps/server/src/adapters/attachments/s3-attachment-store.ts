import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { AttachmentStore } from './attachment-store.js';
import { assertStoreKey, isStoreKey } from './attachment-store.js';
import { amzDateOf, sha256Hex, signV4, uriEncode } from './sigv4.js';

/** `BATON_S3_*`: an S3-compatible bucket (AWS S3, MinIO, Ceph, R2, Garage…), addressed path-style. */
export interface S3Settings {
  /** `BATON_S3_ENDPOINT`, e.g. `https://s3.eu-west-1.amazonaws.com` or `http://minio:9000`. */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** A prefix for every key (`BATON_S3_PREFIX`), e.g. `baton/attachments/`. */
  prefix: string;
}

/** Time given to the object store for one request before it counts as down. */
const TIMEOUT_MS = 30_000;

/**
 * Files in an S3-compatible bucket, through its REST API (PUT, GET and DELETE Object, and
 * ListObjectsV2 for the reconciling sweep) signed with Signature Version 4. Path-style addressing
 * (`endpoint/bucket/key`) works with every S3-compatible server. The body's SHA-256 is signed too, so the store refuses a corrupted upload.
 */
export function createS3AttachmentStore(s: S3Settings, o: { clock?: () => Date } = {}): AttachmentStore {
  const clock = o.clock ?? (() => new Date());
  const base = new URL(s.endpoint);
  const basePath = base.pathname.replace(/\/+$/, '');

  async function request(method: 'PUT' | 'GET' | 'DELETE', key: string, body?: Buffer, contentType?: string, signal?: AbortSignal): Promise<Response> {
    assertStoreKey(key);
    return signedFetch(method, `${basePath}/${uriEncode(s.bucket)}/${`${s.prefix}${key}`.split('/').map(uriEncode).join('/')}`, {}, body, contentType, signal);
  }

  function signedFetch(method: 'PUT' | 'GET' | 'DELETE', path: string, query: Record<string, string>, body?: Buffer, contentType?: string, signal: AbortSignal = AbortSignal.timeout(TIMEOUT_MS)): Promise<Response> {
    const payloadHash = sha256Hex(body ?? '');
    const headers: Record<string, string> = { 'x-amz-content-sha256': payloadHash, 'x-amz-date': amzDateOf(clock()), ...(contentType ? { 'content-type': contentType } : {}) };
    const { authorization } = signV4({ method, host: base.host, path, query, headers, payloadHash, region: s.region, service: 's3', accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey, amzDate: headers['x-amz-date']! });
    const url = new URL(path, base.origin);
    url.search = Object.entries(query)
      .map(([k, v]) => `${uriEncode(k)}=${uriEncode(v)}`)
      .join('&');
    return fetch(url, { method, headers: { ...headers, authorization }, ...(body ? { body } : {}), signal });
  }

  const failed = async (what: string, res: Response) => new Error(`S3 ${what} answered ${res.status}: ${(await res.text().catch(() => '')).slice(0, 300)}`);

  /** GET Object's answer with its body still to read, or null when the key is not there. */
  async function getObject(key: string, signal?: AbortSignal): Promise<Response | null> {
    const res = await request('GET', key, undefined, undefined, signal);
    if (res.status === 404) {
      await res.arrayBuffer();
      return null;
    }
    if (!res.ok) throw await failed('GET Object', res);
    return res;
  }

  return {
    kind: 's3',
    async put(key, bytes, contentType) {
      const res = await request('PUT', key, bytes, contentType);
      if (!res.ok) throw await failed('PUT Object', res);
      await res.arrayBuffer();
    },
    async get(key) {
      const res = await getObject(key);
      return res ? Buffer.from(await res.arrayBuffer()) : null;
    },
    async open(key) {
      // The time limit covers the answer's head only: the body then flows at the pace of the
      // client downloading it, which may well take longer.
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(new Error(`S3 GET Object did not answer within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
      try {
        const res = await getObject(key, controller.signal);
        return res?.body ? Readable.fromWeb(res.body as WebReadableStream<Uint8Array>) : null;
      } finally {
        clearTimeout(timer);
      }
    },
    // ListObjectsV2 under the prefix, a page (up to 1000 keys) at a time.
    async *storedBefore(before) {
      let token: string | undefined;
      do {
        const res = await signedFetch('GET', `${basePath}/${uriEncode(s.bucket)}`, { 'list-type': '2', prefix: s.prefix, ...(token ? { 'continuation-token': token } : {}) });
        if (!res.ok) throw await failed('ListObjectsV2', res);
        const xml = await res.text();
        const keys = [...xml.matchAll(/<Contents>([\s\S]*?)<\/Contents>/g)]
          .map(([, entry]) => ({ key: xmlText(/<Key>([\s\S]*?)<\/Key>/.exec(entry!)?.[1]).slice(s.prefix.length), modified: new Date(xmlText(/<LastModified>([^<]*)<\/LastModified>/.exec(entry!)?.[1])) }))
          .filter((o) => isStoreKey(o.key) && o.modified < before)
          .map((o) => o.key);
        if (keys.length) yield keys;
        token = /<IsTruncated>true<\/IsTruncated>/.test(xml) ? xmlText(/<NextContinuationToken>([^<]*)<\/NextContinuationToken>/.exec(xml)?.[1]) || undefined : undefined;
      } while (token);
    },
    async delete(key) {
      const res = await request('DELETE', key);
      // S3 answers 204 whether or not the key existed.
      if (!res.ok && res.status !== 404) throw await failed('DELETE Object', res);
      await res.arrayBuffer();
    },
  };
}

/** The text of an XML element's content: the five predefined entities and numeric references decoded. */
function xmlText(raw: string | undefined): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return (raw ?? '').replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => (e[0] === '#' ? String.fromCodePoint(e[1]?.toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : named[e.toLowerCase()]!));
}
