import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsvRecords } from './csv-reader.ts';
import type { CsvRecord } from './csv-reader.ts';

type Problem = [number, 'too-long' | 'unclosed-quote'];

function read(
  text: string,
  opts: { delimiter?: string; trim?: boolean; max?: number; firstLine?: number } = {},
): { records: CsvRecord[]; problems: Problem[] } {
  const records: CsvRecord[] = [];
  const problems: Problem[] = [];
  readCsvRecords(text, {
    delimiter: opts.delimiter ?? ',',
    trim: opts.trim ?? true,
    maxRecordLength: opts.max ?? 10_000,
    firstLine: opts.firstLine ?? 1,
    onRecord: (r) => {
      records.push(r);
    },
    onProblem: (line, kind) => problems.push([line, kind]),
  });
  return { records, problems };
}

/** RFC 4180 writing: quote a cell when it holds a quote, the delimiter, a line break or blanks at its ends. */
const writeCell = (v: string, d: string): string =>
  v.includes('"') || v.includes(d) || /[\r\n]/.test(v) || /^[ \t]|[ \t]$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;

const breaksIn = (s: string): number => (s.match(/\r\n|\r|\n/g) ?? []).length;

describe('readCsvRecords', () => {
  it('reads quoted fields, doubled quotes, line breaks inside quotes and gives each record its first line', () => {
    const text = 'a,b,c\r\n"Rossi, Mario","say ""hi""","two\r\nlines"\r\n\r\nlast,,\r\n';
    expect(read(text, { firstLine: 4 })).toEqual({
      records: [
        { line: 4, cells: ['a', 'b', 'c'] },
        { line: 5, cells: ['Rossi, Mario', 'say "hi"', 'two\r\nlines'] },
        { line: 8, cells: ['last', '', ''] },
      ],
      problems: [],
    });
  });

  it('counts \\n, \\r\\n and a lone \\r as one line break each', () => {
    expect(read('a\nb\r\nc\rd').records.map((r) => [r.line, r.cells[0]])).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
      [4, 'd'],
    ]);
  });

  it('keeps a quote inside an unquoted field and appends what follows a closing quote', () => {
    expect(read('5" screen,"Rossi" Jr,x').records[0]?.cells).toEqual(['5" screen', 'Rossi Jr', 'x']);
  });

  it('trims blanks around fields only when asked, never inside quotes', () => {
    expect(read('  a  , " b " ,c').records[0]?.cells).toEqual(['a', ' b ', 'c']);
    expect(read('  a  \t b ', { delimiter: '\t', trim: false }).records[0]?.cells).toEqual(['  a  ', ' b ']);
  });

  it('skips blank lines, also lines of blanks', () => {
    expect(read('\n\na\n   \n\t\nb\n\n').records.map((r) => [r.line, r.cells])).toEqual([
      [3, ['a']],
      [6, ['b']],
    ]);
  });

  it('skips and reports a record that is too long, and goes on', () => {
    const { records, problems } = read(`a\n${'x'.repeat(50)}\nb`, { max: 20 });
    expect(records.map((r) => r.cells[0])).toEqual(['a', 'b']);
    expect(problems).toEqual([[2, 'too-long']]);
  });

  it('stops at a quote that is never closed, keeping the records before it', () => {
    const { records, problems } = read('a,b\nc,"never closed\nd,e\n', { firstLine: 10 });
    expect(records).toEqual([{ line: 10, cells: ['a', 'b'] }]);
    expect(problems).toEqual([[11, 'unclosed-quote']]);
  });

  it('can be stopped by the caller', () => {
    const seen: string[] = [];
    readCsvRecords('a\nb\nc', {
      delimiter: ',',
      trim: true,
      maxRecordLength: 100,
      firstLine: 1,
      onRecord: (r) => {
        seen.push(r.cells[0] as string);
        return seen.length < 2;
      },
      onProblem: () => undefined,
    });
    expect(seen).toEqual(['a', 'b']);
  });

  it('reads back any table written the RFC 4180 way, with the line each record starts on', () => {
    const cell = fc.string({
      unit: fc.constantFrom('a', 'Z', 'é', ' ', '\t', ',', ';', '"', '\n', '\r\n', '\r', '€', '😀'),
      maxLength: 8,
    });
    fc.assert(
      fc.property(
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        (d, eol, table, finalBreak) => {
          // A record of one empty cell is a blank line, which produces no record.
          const rows = table.filter((r) => !(r.length === 1 && r[0] === ''));
          const lines = rows.map((r) => r.map((v) => writeCell(v, d)).join(d));
          const text = lines.join(eol) + (finalBreak ? eol : '');
          const { records, problems } = read(text, { delimiter: d, trim: d !== '\t' });
          expect(problems).toEqual([]);
          expect(records.map((r) => r.cells)).toEqual(rows);
          let line = 1;
          const expected = lines.map((l) => {
            const at = line;
            line += breaksIn(l) + 1;
            return at;
          });
          expect(records.map((r) => r.line)).toEqual(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never throws on random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', ',', '"', '\n', '\r', '\t', ';'), maxLength: 60 }), (text) => {
        const { records } = read(text);
        for (const r of records) expect(r.cells.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });
});
