/**
 * Suppression entries: what is kept of a person erased with `suppress=true`, so that an import
 * does not silently bring them back. Nothing in clear: each identifier is normalised, then hashed
 * with HMAC-SHA-256 under a random key of the account (`users.suppression_key`). The key never
 * leaves the database (not in exports, not in responses), so a leaked export or hash list cannot
 * be checked against a list of guessed emails or phone numbers, and the same email suppressed in
 * two accounts gives two unrelated hashes.
 */
import crypto from 'node:crypto';
import type { ChannelKind, SuppressionKind } from '../../db/schema.ts';
import { normalizeChannel, sortKey } from '../people/people.service.ts';

export interface Identifiable {
  name: string;
  company?: string | null | undefined;
  emails: ReadonlyArray<{ value: string }>;
  phones: ReadonlyArray<{ value: string }>;
  links: ReadonlyArray<{ value: string }>;
}

export interface Identifier {
  kind: SuppressionKind;
  value: string;
}

/**
 * The last nine digits of a phone number: "+39 333 123 4567", "0039 3331234567" and
 * "333 1234567" are one number. Fewer than six digits ("112") identify nobody.
 */
export function phoneKey(value: string): string | null {
  const digits = value.replace(/\D/g, '');
  if (digits.length < 6) return null;
  return digits.slice(-9);
}

/** A LinkedIn profile URL without scheme, country subdomain, query or trailing slash; null for other links. */
export function linkedinKey(value: string): string | null {
  const n = normalizeChannel('link', value)
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '');
  const m = /^(?:[a-z]{2,3}\.)?linkedin\.com\/(in|pub)\/([^/]+)/.exec(n);
  if (!m) return null;
  let handle = m[2] ?? '';
  try {
    handle = decodeURIComponent(handle);
  } catch {
    // keep it as it is
  }
  return `linkedin.com/${m[1]}/${handle.toLowerCase()}`;
}

const key = (kind: ChannelKind, value: string): string | null => {
  switch (kind) {
    case 'email': {
      const n = normalizeChannel('email', value);
      return n.includes('@') ? n : null;
    }
    case 'phone':
      return phoneKey(value);
    case 'link':
      return linkedinKey(value);
  }
};

/**
 * The identifiers of a person: every email, phone number and LinkedIn URL. A person with none of
 * them is identified by name and company together (as the importer matches them), so that even a
 * card with a bare name is not brought back.
 */
export function identifiersOf(p: Identifiable): Identifier[] {
  const out = new Map<string, Identifier>();
  const lists: Array<[ChannelKind, ReadonlyArray<{ value: string }>]> = [
    ['email', p.emails],
    ['phone', p.phones],
    ['link', p.links],
  ];
  for (const [kind, list] of lists) {
    for (const c of list) {
      const v = key(kind, c.value);
      if (v) out.set(`${kind}:${v}`, { kind, value: v });
    }
  }
  if (out.size === 0) {
    const name = sortKey(p.name);
    if (name !== '') {
      const v = `${name}|${p.company ? sortKey(p.company) : ''}`;
      out.set(`name:${v}`, { kind: 'name', value: v });
    }
  }
  return [...out.values()];
}

/** Name + company key of a contact, to check against `name` entries. */
export const nameIdentifier = (p: { name: string; company?: string | null | undefined }): string =>
  `${sortKey(p.name)}|${p.company ? sortKey(p.company) : ''}`;

export const newSuppressionKey = (): string => crypto.randomBytes(32).toString('base64url');

export function hashIdentifier(secret: string, id: Identifier): string {
  return crypto.createHmac('sha256', secret).update(`${id.kind}\u0000${id.value}`).digest('hex');
}

/** Checks contacts against an account's suppression hashes. */
export class SuppressionMatcher {
  constructor(
    private readonly secret: string | null,
    private readonly hashes: ReadonlySet<string>,
  ) {}

  get empty(): boolean {
    return this.secret === null || this.hashes.size === 0;
  }

  /** True when any identifier of the contact, or its name + company, is suppressed. */
  matches(p: Identifiable): boolean {
    if (this.empty || this.secret === null) return false;
    const ids = identifiersOf(p);
    if (!ids.some((i) => i.kind === 'name')) ids.push({ kind: 'name', value: nameIdentifier(p) });
    return ids.some((i) => this.hashes.has(hashIdentifier(this.secret as string, i)));
  }
}
