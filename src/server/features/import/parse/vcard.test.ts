/**
 * vCards built in the test: whole-file encodings no public sample shows (UTF-16, Windows-1252),
 * a file mixing valid and broken cards, and every limit (cards, line length, properties,
 * nesting, photo size and pixels).
 */
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { expectWellFormed } from './fixtures.ts';
import { ImportTooLargeError, parseContacts } from './index.ts';
import { decodeQuotedPrintable, splitEscaped, unescape } from './vcard.ts';

const CARD = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Jürgen Müller',
  'N:Müller;Jürgen;;;',
  'ORG:Café Œuvre;Vendite',
  'TITLE:Direttore — “vendite”',
  'EMAIL;TYPE=WORK:jurgen@example.com',
  'TEL;TYPE=CELL:+39 333 111 2222',
  'NOTE:Prezzo 10 € l’una',
  'END:VCARD',
  '',
].join('\r\n');

describe('whole-file encodings', () => {
  const expectJurgen = (bytes: Buffer, encoding: string): void => {
    const r = parseContacts(bytes);
    expectWellFormed(r);
    expect(r.format).toBe('vcard');
    expect(r.encoding).toBe(encoding);
    expect(r.contacts).toHaveLength(1);
    expect(r.contacts[0]).toMatchObject({
      name: 'Jürgen Müller',
      company: 'Café Œuvre',
      role: 'Direttore — “vendite”',
      notes: 'Prezzo 10 € l’una',
      emails: [{ value: 'jurgen@example.com', label: 'work' }],
      phones: [{ value: '+39 333 111 2222', label: 'mobile' }],
    });
  };

  it('UTF-16 LE with BOM', () =>
    expectJurgen(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(CARD, 'utf-16le')]), 'utf-16le'));
  it('UTF-16 BE with BOM', () =>
    expectJurgen(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(CARD, 'utf-16be')]), 'utf-16be'));
  it('UTF-16 LE without BOM', () => expectJurgen(iconv.encode(CARD, 'utf-16le'), 'utf-16le'));
  it('UTF-8 with BOM', () => expectJurgen(Buffer.from(`\uFEFF${CARD}`, 'utf8'), 'utf-8'));
  // Raw Windows-1252 bytes, no CHARSET: € ’ œ are 0x80 0x92 0x9C, where it differs from Latin-1.
  it('Windows-1252 raw bytes (Outlook local code page)', () => expectJurgen(iconv.encode(CARD, 'windows-1252'), 'windows-1252'));

  it('Windows-1252 quoted-printable with CHARSET (Outlook 2.1)', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:M=FCller;J=FCrgen',
      'FN;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:J=FCrgen M=FCller',
      'NOTE;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:=80 100, l=92una, =9Cuvre, soft=',
      ' break',
      'END:VCARD',
    ].join('\r\n');
    const r = parseContacts(Buffer.from(text, 'latin1'));
    expectWellFormed(r);
    expect(r.contacts[0]).toMatchObject({
      name: 'Jürgen Müller',
      givenName: 'Jürgen',
      familyName: 'Müller',
      notes: '€ 100, l’una, œuvre, soft break',
    });
  });

  it('declared ISO-8859-1 is read as Windows-1252 (0x80 is €, not a control character)', () => {
    const bytes = Buffer.concat([
      Buffer.from('BEGIN:VCARD\r\nFN;CHARSET=ISO-8859-1:Costo '),
      Buffer.from([0x80]),
      Buffer.from('\r\nEND:VCARD\r\n'),
    ]);
    expect(parseContacts(bytes).contacts[0]?.name).toBe('Costo €');
  });

  it('invalid UTF-8 under CHARSET=UTF-8 becomes U+FFFD with a warning', () => {
    const bytes = Buffer.concat([
      Buffer.from('BEGIN:VCARD\nFN;CHARSET=UTF-8:Bad '),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('\nEND:VCARD\n'),
    ]);
    const r = parseContacts(bytes);
    expect(r.contacts[0]?.name).toBe('Bad \uFFFD(');
    expect(r.problems.some((p) => /not valid utf-8/.test(p.reason))).toBe(true);
  });
});

describe('a file mixing valid and broken cards', () => {
  const text = [
    'BEGIN:VCARD', //  1
    'VERSION:3.0',
    'FN:Valid One',
    'EMAIL:one@example.com',
    'END:VCARD', //    5
    'stray text between cards', // 6
    'BEGIN:VCARD', //  7: nothing to call the person by
    'VERSION:3.0',
    'TEL:+39 02 1234567',
    'NOTE:only a phone and a note',
    'END:VCARD', //   11
    'BEGIN:VCARD', // 12: broken lines inside, kept
    'FN:Valid Two',
    'this line has no colon',
    'EMAIL:not-an-email',
    'URL:javascript:alert(1)',
    'PHOTO;ENCODING=b;TYPE=PNG:PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+', // base64 of an SVG with script
    'BDAY:yesterday',
    'END:VCARD', //   19
    'END:VCARD', //   20: END without BEGIN
    'BEGIN:VCARD', // 21: truncated, no END
    'FN:Valid Three',
  ].join('\n');

  it('keeps the valid cards and reports every broken one with its line and reason', () => {
    const r = parseContacts(Buffer.from(text));
    expectWellFormed(r);
    expect(r.contacts.map((c) => [c.line, c.name])).toEqual([
      [1, 'Valid One'],
      [12, 'Valid Two'],
      [21, 'Valid Three'],
    ]);
    expect(r.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 6, reason: 'text outside any vCard, ignored', severity: 'file' }),
        expect.objectContaining({ line: 7, reason: 'vCard skipped: no name, company or email', severity: 'skipped' }),
        expect.objectContaining({
          line: 14,
          reason: 'line is not a property (no ":"): "this line has no colon", ignored',
          severity: 'warning',
        }),
        expect.objectContaining({
          line: 15,
          reason: 'email "not-an-email" is not an address Rete can store, dropped',
          severity: 'warning',
        }),
        expect.objectContaining({
          line: 16,
          reason: 'link "javascript:alert(1)" is not an http(s) address, dropped',
          severity: 'warning',
        }),
        expect.objectContaining({
          line: 17,
          reason: 'PHOTO is not a JPEG, PNG, GIF or WebP image, dropped',
          severity: 'warning',
        }),
        expect.objectContaining({ line: 18, reason: 'birthday "yesterday" is not a date, ignored', severity: 'warning' }),
        expect.objectContaining({ line: 20, reason: 'END:VCARD without BEGIN:VCARD, ignored', severity: 'file' }),
        expect.objectContaining({ line: 21, reason: 'the card has no END:VCARD (file cut short?)', severity: 'warning' }),
      ]),
    );
    expect(r.contacts[1]?.problems).toHaveLength(5);
  });
});

describe('birthdays in every form clients write them', () => {
  const card = (bday: string, n: number) => ['BEGIN:VCARD', 'VERSION:3.0', `FN:Person ${n}`, bday, 'END:VCARD'].join('\r\n');
  it.each([
    ['BDAY:19840229', '1984-02-29'], // vCard 4 basic form, Outlook
    ['BDAY:1984-02-29', '1984-02-29'], // vCard 3, Google
    ['BDAY;VALUE=date:1984-02-29', '1984-02-29'], // Apple, Lotus Notes
    ['BDAY;VALUE=DATE:19840229', '1984-02-29'], // Android
    ['BDAY:1984-02-29T00:00:00Z', '1984-02-29'], // a date-time
    ['BDAY:1984-02-29T00:00:00', '1984-02-29'],
    ['BDAY:19840229T000000Z', '1984-02-29'],
    ['BDAY:--0229', '--02-29'], // vCard 4 without the year
    ['BDAY:--02-29', '--02-29'], // Google without the year
    ['BDAY;X-APPLE-OMIT-YEAR=1604:1604-02-29', '--02-29'], // Apple without the year
    ['BDAY;X-APPLE-OMIT-YEAR=1604;VALUE=date:1604-11-05', '--11-05'],
    ['BDAY;VALUE=date:1604-11-05', '--11-05'], // Apple's year, the parameter lost on the way
    ['BDAY;X-APPLE-OMIT-YEAR=1604:1984-11-05', '1984-11-05'], // a year of its own is a year
  ])('%s → %s', (line, expected) => {
    const r = parseContacts(Buffer.from(card(line, 1)));
    expectWellFormed(r);
    expect(r.contacts[0]?.birthday).toBe(expected);
    expect(r.problems).toEqual([]);
  });

  it('ignores, with a warning, a day the calendar does not have', () => {
    for (const line of ['BDAY:2023-02-29', 'BDAY:--0230', 'BDAY:1984-13-01', 'BDAY;VALUE=text:circa 1980']) {
      const r = parseContacts(Buffer.from(card(line, 1)));
      expect(r.contacts[0]?.birthday, line).toBeUndefined();
      expect(r.problems, line).toEqual([expect.objectContaining({ line: 4, code: 'birthday_not_date', severity: 'warning' })]);
    }
  });
});

describe('limits', () => {
  const card = (i: number): string => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person ${i}\r\nEMAIL:p${i}@example.com\r\nEND:VCARD\r\n`;

  it('throws a typed error above the size limit', () => {
    const bytes = Buffer.alloc(2048, 0x41);
    expect(() => parseContacts(bytes, { limits: { maxBytes: 1024 } })).toThrow(ImportTooLargeError);
    expect(() => parseContacts(bytes, { limits: { maxBytes: 1024 } })).toThrow(
      'The file is 2.0 KB; the limit for an import is 1.0 KB.',
    );
  });

  it('stops at the maximum number of cards with a clear problem', () => {
    const r = parseContacts(Buffer.from(Array.from({ length: 12 }, (_v, i) => card(i)).join('')), {
      limits: { maxContacts: 10 },
    });
    expect(r.contacts).toHaveLength(10);
    expect(r.problems).toEqual([
      expect.objectContaining({ line: 51, reason: 'more than 10 vCards in the file: the rest was not read', severity: 'file' }),
    ]);
  });

  it('drops an over-long line and keeps the card', () => {
    const text = `BEGIN:VCARD\nFN:Long Note\nNOTE:${'x'.repeat(70)}\n ${'y'.repeat(70)}\nEMAIL:l@example.com\nEND:VCARD\n`;
    const r = parseContacts(Buffer.from(text), { limits: { maxTextLineLength: 100 } });
    expect(r.contacts[0]).toMatchObject({ name: 'Long Note', emails: [{ value: 'l@example.com', label: null }] });
    expect(r.contacts[0]?.notes).toBeUndefined();
    expect(r.problems).toEqual([
      expect.objectContaining({ line: 3, reason: 'NOTE longer than 100 bytes, dropped', severity: 'warning' }),
    ]);
  });

  it('caps the properties of one card', () => {
    const emails = Array.from({ length: 30 }, (_v, i) => `EMAIL:e${i}@example.com`).join('\n');
    const r = parseContacts(Buffer.from(`BEGIN:VCARD\nFN:Many\n${emails}\nEND:VCARD\n`), {
      limits: { maxPropertiesPerCard: 10 },
    });
    expect(r.contacts[0]?.emails).toHaveLength(9);
    expect(r.problems[0]?.reason).toBe('more than 10 properties in one card, the rest ignored');
  });

  it('keeps at most 20 emails per person (Rete limit) and says so', () => {
    const emails = Array.from({ length: 25 }, (_v, i) => `EMAIL:e${i}@example.com`).join('\n');
    const r = parseContacts(Buffer.from(`BEGIN:VCARD\nFN:Many\n${emails}\nEND:VCARD\n`));
    expect(r.contacts[0]?.emails).toHaveLength(20);
    expect(r.problems[0]?.reason).toBe('more than 20 emails, the rest dropped');
  });

  it('survives 10,000 levels of nesting without recursion', () => {
    const depth = 10_000;
    const text = `${'BEGIN:VCARD\nFN:Level\n'.repeat(depth)}${'END:VCARD\n'.repeat(depth)}`;
    const r = parseContacts(Buffer.from(text));
    expectWellFormed(r);
    expect(r.contacts).toHaveLength(2); // the outer card and one nested level
    expect(r.problems.filter((p) => p.severity === 'skipped')).toEqual([
      expect.objectContaining({ line: 5, reason: 'vCard nested more than 2 deep, skipped', severity: 'skipped' }),
    ]);
  });

  it('handles a property folded over 100,000 lines in linear time', () => {
    const text = `BEGIN:VCARD\nFN:Fold\nNOTE:a${'\n b'.repeat(100_000)}\nEND:VCARD\n`;
    const t0 = performance.now();
    const r = parseContacts(Buffer.from(text));
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(r.contacts[0]?.name).toBe('Fold');
    expect(r.problems[0]?.reason).toMatch(/NOTE longer than/);
  });

  it('refuses a photo above the size limit before decoding it', () => {
    const big = Buffer.alloc(300 * 1024, 1);
    big[0] = 0xff;
    big[1] = 0xd8;
    big[2] = 0xff;
    const text = `BEGIN:VCARD\nFN:Big Photo\nPHOTO;ENCODING=b;TYPE=JPEG:${big.toString('base64')}\nEND:VCARD\n`;
    const r = parseContacts(Buffer.from(text));
    expect(r.contacts[0]?.photo).toBeUndefined();
    expect(r.problems[0]?.reason).toBe('PHOTO larger than 256 KB, dropped');
  });

  it('refuses a PNG that declares 50,000 × 50,000 pixels', () => {
    const png = Buffer.alloc(33);
    png.writeUInt32BE(0x89504e47, 0);
    png.writeUInt32BE(0x0d0a1a0a, 4);
    png.write('IHDR', 12, 'latin1');
    png.writeUInt32BE(50_000, 16);
    png.writeUInt32BE(50_000, 20);
    const text = `BEGIN:VCARD\nFN:Bomb\nPHOTO:data:image/png;base64,${png.toString('base64')}\nEND:VCARD\n`;
    const r = parseContacts(Buffer.from(text));
    expect(r.contacts[0]?.photo).toBeUndefined();
    expect(r.problems[0]?.reason).toBe('PHOTO declares 50000×50000 pixels, too many, dropped');
  });

  it('keeps a small inline PNG, typed by its bytes not its TYPE', () => {
    const png = Buffer.alloc(33);
    png.writeUInt32BE(0x89504e47, 0);
    png.writeUInt32BE(0x0d0a1a0a, 4);
    png.writeUInt32BE(16, 16);
    png.writeUInt32BE(16, 20);
    const text = `BEGIN:VCARD\nFN:Small\nPHOTO;ENCODING=BASE64;TYPE=GIF:${png.toString('base64')}\nEND:VCARD\n`;
    expect(parseContacts(Buffer.from(text)).contacts[0]?.photo).toEqual({ mime: 'image/png', bytes: png });
  });
});

describe('links, labels and odd syntax', () => {
  it('keeps only http(s) links, LinkedIn social profiles included, and never a local or script URL', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Links',
      'X-SOCIALPROFILE;type=linkedin;x-user=links:https://www.linkedin.com/in/links',
      'item1.URL:https\\://example.com/a',
      'item1.X-ABLabel:_$!<HomePage>!$_',
      'URL:file:///etc/passwd',
      'URL:ftp://example.com',
      'PHOTO;VALUE=uri:http://169.254.169.254/latest/meta-data',
      'END:VCARD',
    ].join('\r\n');
    const r = parseContacts(Buffer.from(text));
    expect(r.contacts[0]?.links).toEqual([
      { value: 'https://www.linkedin.com/in/links', label: 'linkedin' },
      { value: 'https://example.com/a', label: 'homepage' },
    ]);
    expect(r.contacts[0]?.photo).toBeUndefined();
    expect(r.problems.map((p) => p.line)).toEqual([7, 8]);
  });

  it('reads quoted parameter values with , ; : inside', () => {
    const text =
      'BEGIN:VCARD\r\nVERSION:4.0\r\nFN;SORT-AS="a;b:c,d":Quoted\r\nTEL;TYPE="work,voice";PREF=1:+39 06 1234\r\nTEL;TYPE=home:+39 06 9999\r\nEND:VCARD\r\n';
    const r = parseContacts(Buffer.from(text));
    expect(r.contacts[0]).toMatchObject({
      name: 'Quoted',
      phones: [
        { value: '+39 06 1234', label: 'work' },
        { value: '+39 06 9999', label: 'home' },
      ],
    });
  });

  it('unescapes and splits like RFC 6350, keeping unknown escapes', () => {
    expect(splitEscaped('a\\;b;c\\\\;d', ';').map(unescape)).toEqual(['a;b', 'c\\', 'd']);
    expect(unescape('line\\nnext \\, \\: \\" \\x')).toBe('line\nnext , : " \\x');
    expect(decodeQuotedPrintable('=C3=91=3D=ZZ=4').toString('latin1')).toBe('\u00c3\u0091==ZZ=4');
  });

  it('reads an old-Mac file with CR line endings only', () => {
    const r = parseContacts(Buffer.from('BEGIN:VCARD\rFN:Old Mac\rEMAIL:m@example.com\rEND:VCARD\r'));
    expect(r.contacts[0]).toMatchObject({ name: 'Old Mac', emails: [{ value: 'm@example.com', label: null }] });
  });
});
