/**
 * docs/security.md says, for each id of the security plan cited in the code and the tests, what is
 * protected and which tests check it. This keeps it true: every id cited in src/ or test/ has its
 * row there, every row's id is still cited somewhere, and every test name quoted there with an id
 * is still the name of a test.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '..');
const ID = /\b[A-Z]{2}-[0-9]{2}\b/g;

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(repo, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'screenshots' ? [] : sources(rel);
    return /\.tsx?$/.test(e.name) && rel !== path.join('test', 'security-doc.test.ts') ? [rel] : [];
  });
}

/** Quotes and apostrophes as the sources and the Markdown spell them, made comparable. */
const plain = (s: string) => s.replace(/[’]/g, "'").replace(/\\_/g, '_');

const doc = plain(fs.readFileSync(path.join(repo, 'docs/security.md'), 'utf8'));
const files = [...sources('src'), ...sources('test')].map((f) => ({
  f,
  text: plain(fs.readFileSync(path.join(repo, f), 'utf8')),
}));
const cited = new Set(files.flatMap(({ text }) => text.match(ID) ?? []));
/** The ids in the first cell of a table row (`| AC-01 |`, `| AP-03, AP-06, AP-07 |`). */
const rows = new Set(
  doc
    .split('\n')
    .filter((l) => l.startsWith('| '))
    .flatMap((l) => (l.split('|')[1] ?? '').match(ID) ?? []),
);

describe('docs/security.md', () => {
  it('has a row for every id cited in the code and the tests', () => {
    expect(cited.size).toBeGreaterThan(40);
    expect([...cited].filter((id) => !rows.has(id)).sort()).toEqual([]);
  });

  it('lists no id that nothing cites any more', () => {
    expect([...rows].filter((id) => !cited.has(id)).sort()).toEqual([]);
  });

  it('quotes test names that exist', () => {
    const tests = files.filter(({ f }) => f.endsWith('.test.ts')).map(({ text }) => text);
    // A quoted name with an id in it; a long one may be shortened with "…" after its beginning.
    const quoted = [...doc.matchAll(/"([^"\n]*\([A-Z]{2}-[0-9]{2}[^"\n]*)"/g)].map((m) => (m[1] ?? '').split('…')[0] ?? '');
    expect(quoted.length).toBeGreaterThan(40);
    expect(quoted.filter((q) => !tests.some((t) => t.includes(q)))).toEqual([]);
  });
});
