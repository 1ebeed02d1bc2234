/**
 * Property tests: random and mutated vCards and CSVs never make the parser throw, and whatever
 * comes out has the promised shape, with every contact storable by Rete as it is (so an import
 * built on it can never be half-valid).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectWellFormed, fixture, fixtureNames } from './fixtures.ts';
import { parseContacts } from './index.ts';
import type { ImportFormat } from './index.ts';

const RUNS = 300;

const vcardLine = fc.oneof(
  fc.constantFrom(
    'BEGIN:VCARD',
    'END:VCARD',
    'begin:vcard',
    'VERSION:2.1',
    'VERSION:3.0',
    'FN:Mario Rossi',
    'N:Rossi;Mario;;;',
    'N;CHARSET=SHIFT_JIS:\u0088\u00c9\u0094\\;',
    'EMAIL;TYPE=INTERNET:mario@example.com',
    'EMAIL:"Mario" <mario@example.com>',
    'TEL;CELL;PREF:+39 333 1234567',
    'ORG:Rossi\\; Figli;Vendite',
    'NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:=C3=91=',
    'NOTE;ENCODING=QUOTED-PRINTABLE:=',
    'PHOTO;ENCODING=BASE64;JPEG:',
    ' /9j/4AAQSkZJRgABAQAAAQABAAD/',
    '  AAAA',
    'PHOTO:data:image/png;base64,iVBORw0KGgo=',
    'PHOTO;VALUE=URL:http://127.0.0.1/x.jpg',
    'URL:javascript:alert(1)',
    'URL:www.example.com',
    'ADR;HOME:;;Via Roma 1;Milano;;20100;Italia',
    'ADR:;;a\\',
    'CATEGORIES:a\\,b,c',
    'item1.X-ABLabel:_$!<Home>!$_',
    'item1.EMAIL:x@example.com',
    'BDAY:19800322',
    '# comment',
    '',
    ' ',
    '\\',
    '=',
    ':',
    ';;;:',
    'FN;TYPE="a,b;c:d":x',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
const eol = fc.constantFrom('\r\n', '\n', '\r\r\n', '\r');

const vcardText = fc.tuple(fc.array(vcardLine, { maxLength: 60 }), eol).map(([lines, e]) => lines.join(e));

const csvCell = fc.oneof(
  fc.constantFrom(
    '',
    'Mario',
    'Rossi',
    'mario@example.com',
    '+39 02 123',
    '"quoted, comma"',
    '"unclosed',
    '""',
    'a ::: b',
    '12 Mar 2024',
    '=1+1',
    'https://www.linkedin.com/in/x',
  ),
  fc.string({ maxLength: 20 }),
);
const csvHeader = fc.constantFrom(
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'First Name,Last Name,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Value,Organization Name',
  'Name,Given Name,Family Name,Group Membership,E-mail 1 - Type,E-mail 1 - Value',
  'Nome;Cognome;Email;Telefono',
  'Display Name\tPrimary Email',
  'a,b,c',
  '',
);
const csvText = fc
  .tuple(
    fc.array(fc.constantFrom('Notes:', '"preamble, with comma"', ''), { maxLength: 3 }),
    csvHeader,
    fc.array(fc.array(csvCell, { maxLength: 9 }), { maxLength: 25 }),
    fc.constantFrom(',', ';', '\t'),
    eol,
  )
  .map(([pre, header, rows, d, e]) => [...pre, header, ...rows.map((r) => r.join(d))].join(e));

const format = fc.constantFrom<ImportFormat | undefined>(undefined, 'vcard', 'linkedin', 'google', 'csv');

function safeParse(bytes: Buffer, f?: ImportFormat): void {
  const r = parseContacts(bytes, f === undefined ? {} : { format: f });
  expectWellFormed(r);
}

/** Byte-level damage to a real file: flips, insertions, deletions, truncation. */
const mutation = fc.record({
  kind: fc.constantFrom('flip', 'insert', 'delete', 'truncate', 'duplicate'),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  len: fc.integer({ min: 1, max: 64 }),
  bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }),
});

function mutate(src: Buffer, muts: Array<{ kind: string; at: number; len: number; bytes: Uint8Array }>): Buffer {
  let b = Buffer.from(src);
  for (const m of muts) {
    const i = Math.floor(m.at * b.length);
    if (m.kind === 'flip') {
      b = Buffer.from(b);
      for (let k = 0; k < m.bytes.length && i + k < b.length; k++) b[i + k] = m.bytes[k] as number;
    } else if (m.kind === 'insert') b = Buffer.concat([b.subarray(0, i), m.bytes, b.subarray(i)]);
    else if (m.kind === 'delete') b = Buffer.concat([b.subarray(0, i), b.subarray(i + m.len)]);
    else if (m.kind === 'truncate') b = b.subarray(0, i);
    else b = Buffer.concat([b.subarray(0, i + m.len), b.subarray(i)]);
  }
  return b;
}

describe('property: the parsers never throw and always return the shape', () => {
  it('random vCards', () => {
    fc.assert(
      fc.property(vcardText, format, (text, f) => safeParse(Buffer.from(text, 'latin1'), f)),
      { numRuns: RUNS },
    );
  });

  it('random vCards as UTF-8 and UTF-16', () => {
    fc.assert(
      fc.property(vcardText, fc.constantFrom('utf8', 'utf16le'), (text, enc) => safeParse(Buffer.from(text, enc))),
      { numRuns: RUNS },
    );
  });

  it('random CSVs', () => {
    fc.assert(
      fc.property(csvText, format, (text, f) => safeParse(Buffer.from(text, 'utf8'), f)),
      { numRuns: RUNS },
    );
  });

  it('random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), format, (bytes, f) => safeParse(Buffer.from(bytes), f)),
      { numRuns: RUNS },
    );
  });

  const real = [
    ...fixtureNames('vcard').map((n) => ['vcard', n] as const),
    ...fixtureNames('csv').map((n) => ['csv', n] as const),
  ];
  it('mutated real-world files', () => {
    fc.assert(
      fc.property(fc.constantFrom(...real), fc.array(mutation, { minLength: 1, maxLength: 4 }), ([kind, name], muts) => {
        safeParse(mutate(fixture(kind, name), muts));
      }),
      { numRuns: RUNS },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(vcardText, (text) => {
        const a = parseContacts(Buffer.from(text, 'latin1'));
        const b = parseContacts(Buffer.from(text, 'latin1'));
        expect(b).toEqual(a);
      }),
      { numRuns: 50 },
    );
  });
});

describe('no network, no files', () => {
  it('the parser modules import nothing that could reach the network or the disk', () => {
    const dir = dirname(fileURLToPath(import.meta.url));
    const sources = readdirSync(dir).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'fixtures.ts' && f !== 'measure.ts',
    );
    expect(sources.length).toBeGreaterThan(5);
    for (const f of sources) {
      const src = readFileSync(join(dir, f), 'utf8');
      expect(src, f).not.toMatch(
        /from '(node:)?(http|https|net|tls|dns|dgram|fs|child_process|undici)'|\bfetch\(|XMLHttpRequest|WebSocket/,
      );
    }
  });
});
