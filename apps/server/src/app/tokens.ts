import { createHash, createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** An opaque bearer token; only its hash is stored, so a database leak gives no live sessions. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The credential in an emailed "continue" link: `<link id>.<expiry, Unix seconds>.<signature>`,
 * signed with the case's secret reply token, so it needs nothing stored to check, is only known to
 * whoever received the case's mail, and differs from the reply address (a link is more likely than
 * a header to end up in a log or a referrer). The link id makes each link usable once.
 */
export function continueCredential(replyToken: string, conversationId: string, link: { id: string; expiresAt: Date }): string {
  const expires = Math.floor(link.expiresAt.getTime() / 1000);
  return `${link.id}.${expires}.${continueSignature(replyToken, conversationId, link.id, expires)}`;
}

/** The link a credential names, when its signature is the case's; null for anything else. */
export function readContinueCredential(replyToken: string, conversationId: string, credential: string): { id: string; expiresAt: Date } | null {
  const m = /^([\w-]{8,64})\.(\d{1,12})\.([\w-]{43})$/.exec(credential);
  if (!m) return null;
  const [, id, expires, signature] = m;
  if (!sameSecret(continueSignature(replyToken, conversationId, id!, Number(expires)), signature!)) return null;
  return { id: id!, expiresAt: new Date(Number(expires) * 1000) };
}

function continueSignature(replyToken: string, conversationId: string, linkId: string, expires: number): string {
  return createHmac('sha256', replyToken).update(`resume:${conversationId}:${linkId}:${expires}`).digest('base64url');
}

/** Compares two secrets in constant time. */
export function sameSecret(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}

const KEYLEN = 32;
const R = 8;
const P = 1;

// scrypt takes 128·N·r bytes: 128 MB at N=2^17. At most two run at once, so a burst of logins
// queues instead of taking the machine's memory.
const MAX_PARALLEL = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function scryptAsync(password: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await new Promise<Buffer>((resolve, reject) =>
      scrypt(password.normalize('NFKC'), salt, KEYLEN, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(key))),
    );
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** scrypt with a random salt at N=2^costLog2, stored as `scrypt$N$r$p$salt$hash`. */
export async function hashPassword(password: string, costLog2: number): Promise<string> {
  const salt = randomBytes(16);
  const N = 2 ** costLog2;
  const key = await scryptAsync(password, salt, N, R, P);
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** Checks a password against a stored hash, at the cost the hash was made with. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  const [N, rr, pp] = [Number(n), Number(r), Number(p)];
  if (scheme !== 'scrypt' || !salt || !hash || !Number.isInteger(Math.log2(N)) || N < 2 || N > 2 ** 20 || !(rr >= 1 && rr <= 32) || !(pp >= 1 && pp <= 16)) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scryptAsync(password, Buffer.from(salt, 'base64url'), N, rr, pp);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Whether a stored hash was made at a lower cost than `costLog2` asks: it is replaced at the next login. */
export function needsRehash(stored: string, costLog2: number): boolean {
  const [, n, r] = stored.split('$');
  return Number(n) < 2 ** costLog2 || Number(r) < R;
}
