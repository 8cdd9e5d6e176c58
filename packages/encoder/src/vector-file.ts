import { createHash } from 'node:crypto';

/**
 * The binary layout of the disk cache, kept apart from the file handling so that it is tested
 * byte by byte:
 *
 * ```
 * 'BATONVEC'  u32 version  u32 dimensions  u32 count  u32 nameBytes  name (padded to 4 bytes)
 * count × ( 32-byte key | dimensions × f32 )
 * sha256 of everything above (32 bytes)
 * ```
 *
 * Integers and floats are little-endian: the floats are copied as they lie in memory, and every
 * host Node supports in practice (x86-64, arm64) is little-endian. The trailing checksum turns a
 * torn or edited file into "corrupt" instead of wrong vectors.
 */
const MAGIC = Buffer.from('BATONVEC', 'latin1');
const VERSION = 1;
const KEY_BYTES = 32;
const HEADER_BYTES = MAGIC.length + 4 * 4;

/** What a vector file must hold to be used: vectors of this model and this length. */
export interface VectorFileIdentity {
  readonly model: string;
  readonly dimensions: number;
}

/** A decoded file, or why it cannot be used. */
export type DecodedVectorFile =
  | { readonly ok: true; readonly entries: Map<string, Float32Array> }
  | { readonly ok: false; readonly problem: 'corrupt' | 'foreign'; readonly reason: string };

/**
 * The cache key of a text: sha256 of the model name and the text. The name is in the key, so a
 * vector of another model can never be read as one of this model, and the text itself never
 * reaches the disk.
 */
export function vectorKey(model: string, text: string): string {
  return createHash('sha256').update(model).update('\n').update(text).digest('hex');
}

/** The bytes of a file holding `entries` (hex key → vector of `identity.dimensions` floats). */
export function encodeVectorFile(identity: VectorFileIdentity, entries: ReadonlyMap<string, Float32Array>): Buffer {
  const name = Buffer.from(identity.model, 'utf8');
  const namePadded = Math.ceil(name.length / 4) * 4;
  const entryBytes = KEY_BYTES + identity.dimensions * 4;
  const bodyEnd = HEADER_BYTES + namePadded + entries.size * entryBytes;
  const out = Buffer.alloc(bodyEnd + KEY_BYTES);
  MAGIC.copy(out, 0);
  let at = MAGIC.length;
  at = out.writeUInt32LE(VERSION, at);
  at = out.writeUInt32LE(identity.dimensions, at);
  at = out.writeUInt32LE(entries.size, at);
  at = out.writeUInt32LE(name.length, at);
  name.copy(out, at);
  at += namePadded;
  for (const [key, vector] of entries) {
    if (vector.length !== identity.dimensions) throw new Error(`a vector of ${vector.length} floats in a file of ${identity.dimensions}`);
    out.write(key, at, KEY_BYTES, 'hex');
    at += KEY_BYTES;
    Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).copy(out, at);
    at += vector.byteLength;
  }
  createHash('sha256').update(out.subarray(0, bodyEnd)).digest().copy(out, bodyEnd);
  return out;
}

/** Reads a file's bytes back, checking that it is whole and that it belongs to `identity`. */
export function decodeVectorFile(bytes: Buffer, identity: VectorFileIdentity): DecodedVectorFile {
  const corrupt = (reason: string): DecodedVectorFile => ({ ok: false, problem: 'corrupt', reason });
  if (bytes.length < HEADER_BYTES + KEY_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return corrupt('not a Baton vector file');
  let at = MAGIC.length;
  const version = bytes.readUInt32LE(at);
  const dimensions = bytes.readUInt32LE((at += 4));
  const count = bytes.readUInt32LE((at += 4));
  const nameLength = bytes.readUInt32LE((at += 4));
  at += 4;
  if (version !== VERSION) return { ok: false, problem: 'foreign', reason: `format version ${version}, expected ${VERSION}` };
  const namePadded = Math.ceil(nameLength / 4) * 4;
  const entryBytes = KEY_BYTES + dimensions * 4;
  const bodyEnd = HEADER_BYTES + namePadded + count * entryBytes;
  if (bytes.length !== bodyEnd + KEY_BYTES) return corrupt(`${bytes.length} bytes where the header announces ${bodyEnd + KEY_BYTES}`);
  const checksum = createHash('sha256').update(bytes.subarray(0, bodyEnd)).digest();
  if (!checksum.equals(bytes.subarray(bodyEnd))) return corrupt('checksum mismatch');
  const model = bytes.toString('utf8', at, at + nameLength);
  if (model !== identity.model || dimensions !== identity.dimensions) {
    return { ok: false, problem: 'foreign', reason: `vectors of ${model} (${dimensions} floats), not ${identity.model} (${identity.dimensions})` };
  }
  at += namePadded;
  const entries = new Map<string, Float32Array>();
  for (let i = 0; i < count; i++) {
    const key = bytes.toString('hex', at, at + KEY_BYTES);
    at += KEY_BYTES;
    // A copy into its own aligned buffer: the name's padding keeps offsets aligned, but a Buffer
    // read from disk may start anywhere in its ArrayBuffer.
    const vector = new Float32Array(dimensions);
    new Uint8Array(vector.buffer).set(bytes.subarray(at, at + dimensions * 4));
    at += dimensions * 4;
    entries.set(key, vector);
  }
  return { ok: true, entries };
}
