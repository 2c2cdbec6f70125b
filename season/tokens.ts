// Season tokens: 256 random bits each, shown once; only their SHA-256 is kept, and checks compare in constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh token: 32 random bytes as 64 hex digits, prefixed so a leaked one is recognisable. */
export function newToken(): string {
  return `md_${randomBytes(32).toString('hex')}`;
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Whether `token` hashes to `hash`. Both sides are fixed-length digests, so timingSafeEqual never sees
 * lengths that differ and the time taken says nothing about how much of a guess was right.
 */
export function tokenMatches(token: string, hash: string): boolean {
  const a = createHash('sha256').update(token, 'utf8').digest();
  const b = Buffer.from(hash, 'hex');
  return b.length === a.length && timingSafeEqual(a, b);
}
