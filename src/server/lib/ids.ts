import crypto from 'node:crypto';

export const newId = (): string => crypto.randomUUID();

/** A secret with 256 bits from the CSPRNG, URL-safe. */
export const newSecret = (): string => crypto.randomBytes(32).toString('base64url');

export const sha256 = (s: string): string => crypto.createHash('sha256').update(s).digest('hex');

export function safeEqual(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && crypto.timingSafeEqual(ba, bb);
}
