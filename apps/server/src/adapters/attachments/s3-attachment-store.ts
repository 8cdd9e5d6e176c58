import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { AttachmentStore } from './attachment-store.js';
import { assertStoreKey } from './attachment-store.js';
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
 * Files in an S3-compatible bucket, through its REST API (PUT, GET and DELETE Object) signed with
 * Signature Version 4. Path-style addressing (`endpoint/bucket/key`) works with every
 * S3-compatible server. The body's SHA-256 is signed too, so the store refuses a corrupted upload.
 */
export function createS3AttachmentStore(s: S3Settings, o: { clock?: () => Date } = {}): AttachmentStore {
  const clock = o.clock ?? (() => new Date());
  const base = new URL(s.endpoint);
  const basePath = base.pathname.replace(/\/+$/, '');

  async function request(method: 'PUT' | 'GET' | 'DELETE', key: string, body?: Buffer, contentType?: string): Promise<Response> {
    assertStoreKey(key);
    const path = `${basePath}/${uriEncode(s.bucket)}/${`${s.prefix}${key}`.split('/').map(uriEncode).join('/')}`;
    const payloadHash = sha256Hex(body ?? '');
    const headers: Record<string, string> = { 'x-amz-content-sha256': payloadHash, 'x-amz-date': amzDateOf(clock()), ...(contentType ? { 'content-type': contentType } : {}) };
    const { authorization } = signV4({ method, host: base.host, path, headers, payloadHash, region: s.region, service: 's3', accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey, amzDate: headers['x-amz-date']! });
    return fetch(new URL(path, base.origin), { method, headers: { ...headers, authorization }, ...(body ? { body } : {}), signal: AbortSignal.timeout(TIMEOUT_MS) });
  }

  const failed = async (what: string, res: Response) => new Error(`S3 ${what} answered ${res.status}: ${(await res.text().catch(() => '')).slice(0, 300)}`);

  /** GET Object's answer with its body still to read, or null when the key is not there. */
  async function getObject(key: string): Promise<Response | null> {
    const res = await request('GET', key);
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
      const res = await getObject(key);
      return res?.body ? Readable.fromWeb(res.body as WebReadableStream<Uint8Array>) : null;
    },
    async delete(key) {
      const res = await request('DELETE', key);
      // S3 answers 204 whether or not the key existed.
      if (!res.ok && res.status !== 404) throw await failed('DELETE Object', res);
      await res.arrayBuffer();
    },
  };
}
