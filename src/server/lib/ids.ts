import crypto from 'node:crypto';

/** Ids of everything the API shows or takes (people, needs, introductions, …): random UUIDv4 (AC-11). */
export const newId = (): string => crypto.randomUUID();

let lastMs = 0;
let counter = 0;
// Random bytes drawn from the CSPRNG 8 KB at a time: one call per id would cost more than the insert it saves.
const pool = Buffer.alloc(8192);
let poolAt = pool.length;
const HEX = Array.from({ length: 256 }, (_v, i) => i.toString(16).padStart(2, '0'));

function randomByte(): number {
  if (poolAt === pool.length) {
    crypto.randomFillSync(pool);
    poolAt = 0;
  }
  return pool[poolAt++] as number;
}

/**
 * Ids of rows that never leave the server (a person's emails, phones and links): UUIDv7, the
 * milliseconds first, then a counter and 62 random bits (RFC 9562, method 1). Ids made one after
 * the other sort in that order, so a bulk insert appends to the primary-key index instead of
 * writing at random places in it (a large import spends about a quarter less time on channels).
 * Unique across processes by the random bits.
 */
export function newRowId(): string {
  let ms = Date.now();
  if (ms > lastMs) {
    lastMs = ms;
    counter = ((randomByte() << 8) | randomByte()) & 0x7ff; // a random start in the lower half leaves room to count
  } else {
    ms = lastMs; // the clock went back, or this millisecond already has ids
    counter++;
    if (counter > 0xfff) {
      lastMs = ++ms;
      counter = 0;
    }
  }
  const t = ms.toString(16).padStart(12, '0');
  let tail = '';
  for (let i = 0; i < 6; i++) tail += HEX[randomByte()] as string;
  const variant = HEX[(randomByte() & 0x3f) | 0x80] as string;
  const extra = HEX[randomByte()] as string;
  return `${t.slice(0, 8)}-${t.slice(8)}-${(0x7000 | counter).toString(16)}-${variant}${extra}-${tail}`;
}

/** A secret with 256 bits from the CSPRNG, URL-safe. */
export const newSecret = (): string => crypto.randomBytes(32).toString('base64url');

// Every authenticated request hashes its token or session id: crypto.hash (Node >= 20.12) does it in
// one call, about a third of the cost of createHash().update().digest() for a short string.
export const sha256: (s: string) => string =
  typeof crypto.hash === 'function'
    ? (s) => crypto.hash('sha256', s, 'hex')
    : (s) => crypto.createHash('sha256').update(s).digest('hex');

export function safeEqual(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && crypto.timingSafeEqual(ba, bb);
}
