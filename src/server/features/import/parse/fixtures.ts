/**
 * Test helpers: where the real-world fixtures live, and a check that a parse result has the
 * promised shape. The fixtures are part of the repository (`test/fixtures/real-world`, with their
 * sources and licences).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { CreatePersonBody } from '#shared/api/people.ts';
import type { ParseResult } from './index.ts';
import type { ParsedContact } from './types.ts';

export function realWorldDir(): string {
  return join(import.meta.dirname, '../../../../../test/fixtures/real-world');
}

export function fixtureNames(kind: 'vcard' | 'csv'): string[] {
  return readdirSync(join(realWorldDir(), kind))
    .filter((f) => !f.startsWith('.'))
    .sort();
}

export function fixture(kind: 'vcard' | 'csv', name: string): Buffer {
  return readFileSync(join(realWorldDir(), kind, name));
}

/** The fields of a contact that go into `CreatePersonBody` as they are. */
export function toPersonBody(c: ParsedContact): Record<string, unknown> {
  const body: Record<string, unknown> = { name: c.name, emails: c.emails, phones: c.phones, links: c.links, tags: c.tags };
  for (const k of ['company', 'role', 'city', 'country', 'notes', 'howMet', 'birthday'] as const)
    if (c[k] !== undefined) body[k] = c[k];
  return body;
}

/** Every promise of the result shape: checked on real files and on random input alike. */
export function expectWellFormed(r: ParseResult): void {
  expect(['vcard', 'linkedin', 'google', 'csv']).toContain(r.format);
  expect(typeof r.encoding).toBe('string');
  expect(Array.isArray(r.contacts)).toBe(true);
  expect(Array.isArray(r.problems)).toBe(true);
  for (const p of r.problems) {
    expect(Number.isInteger(p.line) && p.line >= 0).toBe(true);
    expect(typeof p.reason).toBe('string');
    expect(['skipped', 'warning', 'file']).toContain(p.severity);
  }
  for (const c of r.contacts) {
    expect(Number.isInteger(c.line) && c.line >= 1).toBe(true);
    expect(c.name.trim()).not.toBe('');
    expect(Array.isArray(c.problems)).toBe(true);
    // Every contact can be stored by Rete as it is: nothing half-valid reaches the import.
    const ok = CreatePersonBody.safeParse(toPersonBody(c));
    if (!ok.success)
      throw new Error(`contact at line ${c.line} does not fit Rete: ${ok.error.message}\n${JSON.stringify(toPersonBody(c))}`);
    if (c.photo) {
      expect(['image/jpeg', 'image/png', 'image/gif', 'image/webp']).toContain(c.photo.mime);
      expect(Buffer.isBuffer(c.photo.bytes)).toBe(true);
    }
  }
}
