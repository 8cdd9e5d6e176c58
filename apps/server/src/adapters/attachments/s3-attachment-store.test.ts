import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3AttachmentStore } from './s3-attachment-store.js';
import { KEY_ID, SECRET, startS3 } from '../../test/s3-server.js';
import { sha256Hex, signV4 } from './sigv4.js';

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
    const chunks: Buffer[] = [];
    for await (const chunk of (await store.open('file-1'))!) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
    expect(await store.open('file-2')).toBeNull();
    await store.delete('file-1');
    expect(s3.objects.size).toBe(0);
    expect(s3.requests).toEqual(['PUT /bucket-1/baton/file-1', 'GET /bucket-1/baton/file-1', 'GET /bucket-1/baton/file-2', 'GET /bucket-1/baton/file-1', 'GET /bucket-1/baton/file-2', 'DELETE /bucket-1/baton/file-1']);
  });

  it('fails with what S3 answered when the secret is wrong, storing nothing', async () => {
    const store = createS3AttachmentStore({ endpoint: s3.url, bucket: 'bucket-1', region: 'eu-west-3', accessKeyId: KEY_ID, secretAccessKey: 'not-the-secret', prefix: '' }, { clock });
    await expect(store.put('file-3', Buffer.from('x'), 'image/png')).rejects.toThrow(/S3 PUT Object answered 403: .*SignatureDoesNotMatch/);
    expect(s3.objects.size).toBe(0);
  });
});
