import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sha256Hex, signV4 } from '../adapters/attachments/sigv4.js';

/** The access key of AWS's documentation examples: what the test S3 server accepts. */
export const KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
export const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

/**
 * A small S3 server speaking the documented PUT, GET and DELETE Object and ListObjectsV2 shapes (path-style), which
 * recomputes each request's SigV4 signature with the secret and refuses a wrong one with S3's
 * `SignatureDoesNotMatch`, as S3 does. It also checks the signed body hash against the body.
 */
export function startS3(o: { clock?: () => Date } = {}): Promise<{ url: string; objects: Map<string, { bytes: Buffer; type: string }>; requests: string[]; close: () => Promise<void> }> {
  const clock = o.clock ?? (() => new Date());
  const objects = new Map<string, { bytes: Buffer; type: string }>();
  // When each object was put, on the test's clock: ListObjectsV2's LastModified.
  const modified = new Map<string, Date>();
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const [path = '', search = ''] = (req.url ?? '').split('?');
      const query = Object.fromEntries(new URLSearchParams(search));
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
      const expected = signV4({ method: req.method!, host: String(req.headers.host), path, query, headers, payloadHash, region: region!, service: 's3', accessKeyId: KEY_ID, secretAccessKey: SECRET, amzDate: String(req.headers['x-amz-date']) });
      if (expected.signature !== signature || expected.signedHeaders !== signedHeaders) return error(403, 'SignatureDoesNotMatch');
      if (path === '/bucket-1' && req.method === 'GET' && query['list-type'] === '2') return res.writeHead(200, { 'content-type': 'application/xml' }).end(listObjects(query));
      if (!path.startsWith('/bucket-1/')) return error(404, 'NoSuchBucket');
      if (req.method === 'PUT') {
        objects.set(path, { bytes: body, type: String(req.headers['content-type']) });
        modified.set(path, clock());
        return res.writeHead(200, { etag: `"${sha256Hex(body).slice(0, 32)}"` }).end();
      }
      if (req.method === 'GET') {
        const o = objects.get(path);
        if (!o) return error(404, 'NoSuchKey');
        return res.writeHead(200, { 'content-type': o.type, 'content-length': o.bytes.length }).end(o.bytes);
      }
      if (req.method === 'DELETE') {
        objects.delete(path);
        modified.delete(path);
        return res.writeHead(204).end();
      }
      error(405, 'MethodNotAllowed');
    });
  });
  /** ListObjectsV2's answer: keys under `prefix` in order, two a page so that paging is exercised. */
  function listObjects(query: Record<string, string>): string {
    const prefix = query.prefix ?? '';
    const keys = [...objects.keys()].map((p) => p.slice('/bucket-1/'.length)).filter((k) => k.startsWith(prefix) && (!query['continuation-token'] || k > query['continuation-token'])).sort();
    const page = keys.slice(0, 2);
    const truncated = keys.length > page.length;
    const contents = page.map((k) => `<Contents><Key>${k}</Key><LastModified>${modified.get(`/bucket-1/${k}`)!.toISOString()}</LastModified><Size>${objects.get(`/bucket-1/${k}`)!.bytes.length}</Size></Contents>`).join('');
    return `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>bucket-1</Name><Prefix>${prefix}</Prefix><KeyCount>${page.length}</KeyCount><IsTruncated>${truncated}</IsTruncated>${contents}${truncated ? `<NextContinuationToken>${page.at(-1)}</NextContinuationToken>` : ''}</ListBucketResult>`;
  }
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, objects, requests, close: () => new Promise<void>((r) => server.close(() => r())) });
    }),
  );
}
