import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The web app must be complete in both languages: same keys, and every literal key it uses exists.
const root = path.resolve(import.meta.dirname, '../../src/web');
const load = (lng: string) =>
  JSON.parse(fs.readFileSync(path.join(root, 'i18n', `${lng}.json`), 'utf8')) as Record<string, unknown>;

function flatten(o: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(o)) {
    if (v && typeof v === 'object')
      for (const [kk, vv] of flatten(v as Record<string, unknown>, `${prefix}${k}.`)) out.set(kk, vv);
    else out.set(prefix + k, String(v));
  }
  return out;
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

describe('translations', () => {
  const en = flatten(load('en'));
  const it_ = flatten(load('it'));

  it('Italian and English have the same keys, none empty', () => {
    expect([...it_.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [k, v] of [...en, ...it_]) expect(v.trim(), k).not.toBe('');
  });

  it('every key the app uses exists', () => {
    const base = new Set([...en.keys()].map((k) => k.replace(/_(one|other|many)$/, '')));
    const missing: string[] = [];
    for (const file of sources(root)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([^'$]+)'/g)) {
        const key = m[1] as string;
        if (!base.has(key)) missing.push(`${path.relative(root, file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('the Italian interface is really in Italian', () => {
    const same = [...en].filter(([k, v]) => v.length > 12 && /[a-z]{3,} [a-z]{3,}/i.test(v) && it_.get(k) === v).map(([k]) => k);
    expect(same).toEqual([]);
  });
});
