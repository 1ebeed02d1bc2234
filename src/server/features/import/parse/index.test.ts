import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeBytes, guessLegacyEncoding, looksLikeUtf16, resolveCharset } from './decode.ts';
import { parseDate } from './contact.ts';
import { sizeAndLimit } from '#shared/text/size.ts';
import { ImportTooLargeError, parseContacts } from './index.ts';

describe('parseContacts: format detection and options', () => {
  it('detects vCard, LinkedIn, Google and generic CSV from the content', () => {
    expect(parseContacts(Buffer.from('\r\n\r\nBEGIN:VCARD\r\nFN:A\r\nEND:VCARD')).format).toBe('vcard');
    expect(
      parseContacts(Buffer.from('First Name,Last Name,URL,Email Address,Company,Position,Connected On\nA,B,,,,,\n')).format,
    ).toBe('linkedin');
    expect(
      parseContacts(Buffer.from('First Name,Last Name,E-mail 1 - Label,E-mail 1 - Value\nA,B,,a@example.com\n')).format,
    ).toBe('google');
    expect(parseContacts(Buffer.from('Name,Email\nA,a@example.com\n')).format).toBe('csv');
  });

  it('reports a forced format that does not fit, and reads the file anyway', () => {
    const r = parseContacts(Buffer.from('Name,Email\nA,a@example.com\n'), { format: 'linkedin' });
    expect(r.format).toBe('csv');
    expect(r.contacts).toHaveLength(1);
    expect(r.problems[0]?.reason).toMatch(/no LinkedIn header/);
    const v = parseContacts(Buffer.from('Name,Email\nA,a@example.com\n'), { format: 'vcard' });
    expect(v.contacts).toEqual([]);
    expect(v.problems[0]?.reason).toMatch(/not a vCard file/);
  });

  it('a LinkedIn file forced to generic CSV goes through the mapping', () => {
    const r = parseContacts(Buffer.from('First Name,Last Name,URL,Email Address,Company,Position,Connected On\nA,B,,,C,,\n'), {
      format: 'csv',
    });
    expect(r.format).toBe('csv');
    expect(r.mappingUsed?.['Company']).toBe('company');
    expect(r.contacts[0]).toMatchObject({ name: 'A B', company: 'C' });
  });

  it('an empty file is a problem, not an exception', () => {
    const r = parseContacts(Buffer.alloc(0));
    expect(r.contacts).toEqual([]);
    expect(r.problems).toEqual([expect.objectContaining({ line: 0, reason: 'the file holds no rows', severity: 'file' })]);
  });

  it('ImportTooLargeError carries size and limit', () => {
    try {
      parseContacts(Buffer.alloc(21 * 1024 * 1024));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ImportTooLargeError);
      expect(e).toMatchObject({ code: 'import_too_large', size: 21 * 1024 * 1024, limit: 20 * 1024 * 1024 });
      expect((e as Error).message).toBe('The file is 21.0 MB; the limit for an import is 20.0 MB.');
    }
  });

  it('never tells a file over the limit that it is the size of the limit', () => {
    // "21 MB" as a file manager counts it (21,000,000 bytes) was "20.0 MB; the limit is 20.0 MB".
    expect(new ImportTooLargeError(21_000_000, 20 * 1024 * 1024).message).toBe(
      'The file is 20.03 MB; the limit for an import is 20.00 MB.',
    );
    expect(new ImportTooLargeError(20 * 1024 * 1024 + 1, 20 * 1024 * 1024).message).toBe(
      'The file is 20971521 bytes; the limit for an import is 20971520 bytes.',
    );
    expect(sizeAndLimit(300, 1024)).toEqual({ size: '300 bytes', limit: '1.0 KB' });
  });
});

describe('decode', () => {
  it('BOMs, UTF-16 heuristics, UTF-8, and a limited guess', () => {
    expect(decodeBytes(Buffer.from('\uFEFFciao', 'utf8'))).toEqual({ text: 'ciao', encoding: 'utf-8', bom: true });
    expect(decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode('città', 'utf-16be')]))).toEqual({
      text: 'città',
      encoding: 'utf-16be',
      bom: true,
    });
    expect(looksLikeUtf16(iconv.encode('Nome,Cognome\r\n', 'utf-16le'))).toBe('utf-16le');
    expect(looksLikeUtf16(Buffer.from('Nome,Cognome'))).toBeNull();
    expect(decodeBytes(iconv.encode('perché così, 5 €', 'windows-1252'))).toEqual({
      text: 'perché così, 5 €',
      encoding: 'windows-1252',
      bom: false,
    });
    expect(guessLegacyEncoding(iconv.encode('名無しの権兵衛,連絡先の名前と住所\r\n東京都渋谷区\r\n', 'shift_jis'))).toBe(
      'shift_jis',
    );
  });

  it('resolves charset names safely', () => {
    expect(resolveCharset('ISO-8859-1')).toBe('windows-1252');
    expect(resolveCharset('SHIFT_JIS')).toBe('shift_jis');
    expect(resolveCharset('"utf-8"')).toBe('utf-8');
    expect(resolveCharset('invalid-encoding')).toBeNull();
    expect(resolveCharset('UTF-7')).toBeNull(); // never honoured: a classic script-smuggling charset
    expect(resolveCharset('base64')).toBeNull();
  });
});

describe('dates', () => {
  it.each([
    ['19800322', '1980-03-22'],
    ['1980-03-22', '1980-03-22'],
    ['2019-02-10T00:00:33', '2019-02-10'],
    ['--0322', '--03-22'],
    ['12 Mar 2024', '2024-03-12'],
    ['01 Jan 2024', '2024-01-01'],
    ['6-Feb-26', '2026-02-06'],
    ['Mar 12, 2024', '2024-03-12'],
    ['31 Feb 2024', undefined],
    ['yesterday', undefined],
  ])('%s → %s', (raw, iso) => expect(parseDate(raw)).toBe(iso));
});
