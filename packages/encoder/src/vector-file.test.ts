import { describe, expect, it } from 'vitest';
import { decodeVectorFile, encodeVectorFile, vectorKey } from './vector-file.js';

const identity = { model: 'use-lite-512@0.2.0', dimensions: 3 };
const entries = new Map([
  [vectorKey(identity.model, 'hello'), new Float32Array([0.6, 0.8, 0])],
  [vectorKey(identity.model, 'world'), new Float32Array([0, -1, 0])],
]);

describe('vector files', () => {
  it('read back what was written, keys and floats exactly', () => {
    const decoded = decodeVectorFile(encodeVectorFile(identity, entries), identity);
    expect(decoded).toEqual({ ok: true, entries });
  });

  it('read back an empty file, and one read from an unaligned offset', () => {
    expect(decodeVectorFile(encodeVectorFile(identity, new Map()), identity)).toEqual({ ok: true, entries: new Map() });
    const bytes = encodeVectorFile(identity, entries);
    const unaligned = Buffer.alloc(bytes.length + 1).subarray(1);
    bytes.copy(unaligned);
    expect(decodeVectorFile(unaligned, identity)).toEqual({ ok: true, entries });
  });

  it('key a text by model and text, and keep the text itself out of the file', () => {
    expect(vectorKey('m@1', 'hello')).not.toBe(vectorKey('m@2', 'hello'));
    expect(vectorKey('m@1', 'hello')).toMatch(/^[0-9a-f]{64}$/);
    expect(encodeVectorFile(identity, entries).includes('hello')).toBe(false);
  });

  it.each([
    ['garbage', () => Buffer.from('this is not a vector file at all, just some text')],
    ['an empty file', () => Buffer.alloc(0)],
    ['a truncated file', () => encodeVectorFile(identity, entries).subarray(0, -5)],
    ['a file with bytes appended', () => Buffer.concat([encodeVectorFile(identity, entries), Buffer.from([1])])],
    [
      'a flipped bit in a vector',
      () => {
        const bytes = Buffer.from(encodeVectorFile(identity, entries));
        bytes[bytes.length - 40]! ^= 0x10;
        return bytes;
      },
    ],
  ])('call %s corrupt', (_, bytes) => {
    expect(decodeVectorFile(bytes(), identity)).toMatchObject({ ok: false, problem: 'corrupt' });
  });

  it('call a file of another model or vector length foreign', () => {
    const other = encodeVectorFile({ model: 'use-lite-512@0.3.0', dimensions: 3 }, new Map());
    expect(decodeVectorFile(other, identity)).toEqual({ ok: false, problem: 'foreign', reason: 'vectors of use-lite-512@0.3.0 (3 floats), not use-lite-512@0.2.0 (3)' });
    const longer = encodeVectorFile({ model: identity.model, dimensions: 4 }, new Map());
    expect(decodeVectorFile(longer, identity)).toMatchObject({ ok: false, problem: 'foreign' });
  });

  it('refuse to write a vector of the wrong length', () => {
    expect(() => encodeVectorFile(identity, new Map([['00'.repeat(32), new Float32Array(2)]]))).toThrow(/2 floats/);
  });
});
