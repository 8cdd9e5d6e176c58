import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3AttachmentStore } from './s3-attachment-store.js';
import { sha256Hex, signV4 } from './sigv4.js';

const KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

describe('SigV4', () => {
  // The worked example of AWS's "Signature Calculations for the Authorization Header" (GET Object with a Range).
  it('signs the documented GET Object example to the documented signature', () => {
    const signed = signV4({
      method: 'GET',
      host: 'examplebucket.s3.amazonaws.com',
      path: '/test.txt',
      headers: { range: 'bytes=0-9', 'x-amz-content-sha256': sha256Hex(''), 'x-amz-date': '20130524T000000Z' },
      payloadHash: sha256Hex(''),
      region: 'us-east-1',
      service: 's3',
      accessKeyId: KEY_ID,
      secretAccessKey: SECRET,
      amzDate: '20130524T000000Z',
    });
    expect(signed.signedHeaders).toBe('host;range;x-amz-content-sha256;x-amz-date');
    expect(signed.signature).toBe('f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
  });
});

/**
 * A small S3 server speaking the documented PUT, GET and DELETE Object shapes (path-style), which
 * recomputes each request's SigV4 signature with the secret and refuses a wrong one with S3's
 * `SignatureDoesNotMatch`, as S3 does. It also checks the signed body hash against the body.
 */
function startS3(): Promise<{ url: string; objects: Map<string, { bytes: Buffer; type: string }>; requests: string[]; close: () => Promise<void> }> {
  const objects = new Map<string, { bytes: Buffer; type: string }>();
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const path = (req.url ?? '').split('?')[0]!;
      requests.push(`${req.method} ${path}`);
      const error = (status: number, code: string) => {
        res.writeHead(status, { 'content-type': 'application/xml' }).end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code></Error>`);
      };
      const auth = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(String(req.headers.authorization ?? ''));
      if (!auth) return error(403, 'AccessDenied');
      const [, keyId, , region, signedHeaders, signature] = auth;
      if (keyId !== KEY_ID) return error(403, 'InvalidAccessKeyId');
      const payloadHash = String(req.headers['x-amz-content-sha256']);
      if (payloadHash !== sha256Hex(body)) return error(400, 'XAmzContentSHA256Mismatch');
      const headers = Object.fromEntries(signedHeaders!.split(';').filter((h) => h !== 'host').map((h) => [h, String(req.headers[h] ?? '')]));
      const expected = signV4({ method: req.method!, host: String(req.headers.host), path, headers, payloadHash, region: region!, service: 's3', accessKeyId: KEY_ID, secretAccessKey: SECRET, amzDate: String(req.headers['x-amz-date']) });
      if (expected.signature !== signature || expected.signedHeaders !== signedHeaders) return error(403, 'SignatureDoesNotMatch');
      if (!path.startsWith('/bucket-1/')) return error(404, 'NoSuchBucket');
      if (req.method === 'PUT') {
        objects.set(path, { bytes: body, type: String(req.headers['content-type']) });
        return res.writeHead(200, { etag: `"${sha256Hex(body).slice(0, 32)}"` }).end();
      }
      if (req.method === 'GET') {
        const o = objects.get(path);
        if (!o) return error(404, 'NoSuchKey');
        return res.writeHead(200, { 'content-type': o.type, 'content-length': o.bytes.length }).end(o.bytes);
      }
      if (req.method === 'DELETE') {
        objects.delete(path);
        return res.writeHead(204).end();
      }
      error(405, 'MethodNotAllowed');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, objects, requests, close: () => new Promise<void>((r) => server.close(() => r())) });
    }),
  );
}

describe('the S3 attachment store', () => {
  let s3: Awaited<ReturnType<typeof startS3>>;
  beforeAll(async () => {
    s3 = await startS3();
  });
  afterAll(async () => {
    await s3?.close();
  });
  const clock = () => new Date('2026-03-02T10:00:00Z');

  it('puts, gets and deletes objects with signed requests, under the prefix', async () => {
    const store = createS3AttachmentStore({ endpoint: s3.url, bucket: 'bucket-1', region: 'eu-west-3', accessKeyId: KEY_ID, secretAccessKey: SECRET, prefix: 'baton/' }, { clock });
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    await store.put('file-1', bytes, 'image/png');
    expect(s3.objects.get('/bucket-1/baton/file-1')).toEqual({ bytes, type: 'image/png' });
    expect((await store.get('file-1'))?.equals(bytes)).toBe(true);
    expect(await store.get('file-2')).toBeNull();
    await store.delete('file-1');
    expect(s3.objects.size).toBe(0);
    expect(s3.requests).toEqual(['PUT /bucket-1/baton/file-1', 'GET /bucket-1/baton/file-1', 'GET /bucket-1/baton/file-2', 'DELETE /bucket-1/baton/file-1']);
  });

  it('fails with what S3 answered when the secret is wrong, storing nothing', async () => {
    const store = createS3AttachmentStore({ endpoint: s3.url, bucket: 'bucket-1', region: 'eu-west-3', accessKeyId: KEY_ID, secretAccessKey: 'not-the-secret', prefix: '' }, { clock });
    await expect(store.put('file-3', Buffer.from('x'), 'image/png')).rejects.toThrow(/S3 PUT Object answered 403: .*SignatureDoesNotMatch/);
    expect(s3.objects.size).toBe(0);
  });
});
