/**
 * Every real-world export in test/fixtures/real-world parses, and yields what the file really
 * holds (checked by hand against the files; see SOURCES.md for what is special in each).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixture, fixtureNames, expectWellFormed } from './fixtures.ts';
import { parseContacts } from './index.ts';
import type { ParseResult } from './index.ts';
import type { ParsedContact } from './types.ts';

interface Expect {
  /** Names of the contacts in file order. */
  names: string[];
  emails?: string[][];
  phones?: string[][];
  companies?: Array<string | undefined>;
  /** Extra checks on the result. */
  check?: (r: ParseResult, c: ParsedContact[]) => void;
}

const values = (list: Array<{ value: string }>): string[] => list.map((x) => x.value);
const first = (c: ParsedContact[]): ParsedContact => {
  const x = c[0];
  if (!x) throw new Error('no contact');
  return x;
};
const hasProblem = (r: ParseResult, re: RegExp): boolean => r.problems.some((p) => re.test(p.reason));

const VCARDS: Record<string, Expect> = {
  'aosp__v21_adr_multiple_line.vcf': {
    names: ['bogus'],
    check: (r, c) => {
      expect(values(first(c).links)).toEqual(['http://bogus.com/']);
      expect(first(c).city).toBe('Hamburg');
      expect(first(c).birthday).toBe('2008-12-03');
      // The `\`-continued ADR lines were read as one value, not as broken properties.
      expect(r.problems).toEqual([]);
    },
  },
  'aosp__v21_backslash.vcf': {
    names: ['A;B\\C;D:E\\'],
    check: (_r, c) => {
      expect(first(c).givenName).toBe('A;B\\');
      expect(first(c).familyName).toBeUndefined();
    },
  },
  'aosp__v21_base64_no_2_crlf.vcf': {
    names: ['fullname'],
    check: (_r, c) => expect(first(c).photo?.mime).toBe('image/jpeg'),
  },
  'aosp__v21_complicated.vcf': {
    names: ['Joe Due'],
    emails: [['forrestgump@walladalla.com', 'cell@example.com']],
    phones: [['(111) 555-1212', '(404) 555-1212', '0311111111', '0322222222', '0333333333']],
    companies: ['Gump Shrimp Co.'],
    check: (_r, c) => {
      const x = first(c);
      expect(x.role).toBe('Shrimp Man');
      expect(x.givenName).toBe('Forrest');
      expect(x.familyName).toBe('Gump');
      expect(x.city).toBe('Baytown');
      expect(x.notes).toContain("Now's the time for all folk to come to the aid of their country.");
      expect(x.photo?.mime).toBe('image/jpeg');
    },
  },
  'aosp__v21_invalid_comment_line.vcf': {
    names: ['Conference Call'],
    check: (_r, c) => expect(first(c).notes).toBe('This is an (sharp ->#<- sharp) example. This message must NOT be ignored.'),
  },
  'aosp__v21_invalid_multiple_line.vcf': { names: ['Omega'], emails: [['omega@example.com']] },
  'aosp__v21_japanese_1.vcf': {
    names: ['安藤ロイド'],
    phones: [['0300000000']],
    check: (r, c) => {
      expect(first(c).familyName).toBe('安藤ロイド');
      expect(r.encoding).toBe('shift_jis');
    },
  },
  'aosp__v21_japanese_2.vcf': {
    names: ['安藤 ロイド 1'],
    check: (_r, c) => {
      expect(first(c).familyName).toBe('安藤');
      expect(first(c).givenName).toBe('ロイド1');
      expect(first(c).notes).toBe('メモ'); // QP first, then Shift_JIS
    },
  },
  'aosp__v21_malformed_photo.vcf': {
    names: ['fullname'],
    check: (r, c) => {
      expect(first(c).photo).toBeUndefined();
      expect(first(c).problems.join()).toMatch(/PHOTO is not valid base64/);
      expect(r.problems).toContainEqual(
        expect.objectContaining({ line: 5, code: 'vcard_photo_not_base64', reason: 'PHOTO is not valid base64, dropped' }),
      );
    },
  },
  'aosp__v21_nest.vcf': {
    names: ['parent', 'nest1', 'nest2'],
    check: (r) => expect(hasProblem(r, /nested inside the card at line 1/)).toBe(true),
  },
  'aosp__v21_winmo_65.vcf': { names: ['Example'], check: (r) => expect(r.problems).toEqual([]) },
  'aosp__v30_ios_613_multiline.vcf': {
    names: ['Bob Smith'],
    emails: [['bob@smithauto.com']],
    phones: [['(650) 555-1212']],
    companies: ['Smith Auto Repair'],
    check: (_r, c) => {
      expect(first(c).links).toEqual([{ value: 'https://www.smithauto.com', label: 'homepage' }]);
      expect(first(c).photo?.mime).toBe('image/jpeg');
    },
  },
  'aosp__v30_japanese.vcf': {
    names: ['伊能 圭一 伊予'],
    check: (r, c) => {
      // N:伊能;圭一;伊予 — the 0x5C trail bytes were not read as `\;` escapes.
      expect(first(c).familyName).toBe('伊能');
      expect(first(c).givenName).toBe('圭一');
      expect(r.encoding).toBe('shift_jis');
    },
  },
  'aosp__v30_multibyte_param.vcf': {
    names: ['G M F'],
    phones: [[]],
    check: (r) => expect(hasProblem(r, /phone "1"/)).toBe(true),
  },
  'aosp__v40_sort_as.vcf': { names: ['安藤 ロイド'], companies: ['グーグル'] },
  'ezvcard__John_Doe_ANDROID.vcf': {
    names: ['john.doe@company.com', 'jane.doe@company.com', 'Ñ Ñ Ñ Ñ Ñ', 'Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ', 'Ñ Ñ Ñ Ñ', 'ÑÑÑÑ'],
    emails: [['john.doe@company.com'], ['jane.doe@company.com'], [], [], ['bob@company.com'], ['henry@company.com']],
    phones: [[], [], ['123456789'], ['123456', '234567', '3456789', '45678901'], ['123456'], ['55556666']],
    companies: [undefined, undefined, undefined, undefined, 'ÑÑÑÑÑÑÑÑÑÑÑÑ', 'Ñ'.repeat(44)],
    check: (_r, c) => {
      expect(c[4]?.photo?.mime).toBe('image/jpeg');
      expect(c[3]?.notes).toContain('Ñ Ñ');
      // "My Contacts" is Android's system group, not a tag.
      expect(c.every((x) => x.tags.length === 0)).toBe(true);
    },
  },
  'ezvcard__John_Doe_BLACK_BERRY.vcf': {
    names: ['John Doe'],
    phones: [['+96123456789']],
    companies: ['Acme Solutions'],
    // Its one-line base64 is 2,233 characters: one is missing, so the photo cannot be decoded.
    check: (r, c) => {
      expect(first(c).photo).toBeUndefined();
      expect(hasProblem(r, /PHOTO is not valid base64/)).toBe(true);
    },
  },
  'ezvcard__John_Doe_EVOLUTION.vcf': {
    names: ['Mr. John Richter, James Doe Sr.'],
    emails: [['john.doe@ibm.com']],
    phones: [['905-666-1234', '905-555-1234']],
    companies: ['IBM'],
    check: (_r, c) => {
      expect(first(c).role).toBe('Money Counter');
      expect(first(c).links).toEqual([{ value: 'http://www.ibm.com', label: null }]);
      expect(first(c).country).toBe('United States of America');
      expect(first(c).tags).toEqual(['vip']);
    },
  },
  'ezvcard__John_Doe_GMAIL.vcf': {
    names: ['Mr. John Richter, James Doe Sr.'],
    emails: [['john.doe@ibm.com']],
    phones: [['905-555-1234', '905-666-1234']],
    companies: ['IBM'],
    check: (_r, c) => {
      expect(values(first(c).links)).toEqual(['http://www.ibm.com']); // `http\://` unescaped
      expect(first(c).notes).toMatch(/CONTRIBUTORS "AS IS" AND.*\nFavotire Color: Blue$/s);
    },
  },
  'ezvcard__John_Doe_IPHONE.vcf': {
    names: ['Mr. John Richter James Doe Sr.'],
    emails: [['john.doe@ibm.com']],
    phones: [['905-555-1234', '905-666-1234', '905-777-1234', '905-888-1234', '905-999-1234', '905-111-1234', '905-222-1234']],
    companies: ['IBM'],
    check: (_r, c) => {
      expect(first(c).phones[6]).toEqual({ value: '905-222-1234', label: 'assistantphone' });
      expect(first(c).photo?.mime).toBe('image/jpeg');
      expect(first(c).city).toBe('New York');
    },
  },
  'ezvcard__John_Doe_LOTUS_NOTES.vcf': {
    names: ['Mr. Doe John I Johny'],
    emails: [['john.doe@ibm.com', 'billy_bob@gmail.com']],
    phones: [['+1 (212) 204-34456', '00-1-212-555-7777']],
    companies: ['IBM'],
    check: (_r, c) => expect(first(c).photo?.mime).toBe('image/jpeg'),
  },
  'ezvcard__John_Doe_MAC_ADDRESS_BOOK.vcf': {
    names: ['Mr. John Richter,James Doe Sr.'],
    emails: [['john.doe@ibm.com']],
    phones: [['905-777-1234', '905-666-1234', '905-555-1234', '905-888-1234', '905-999-1234', '905-111-1234', '905-222-1234']],
    companies: ['IBM'],
    check: (_r, c) => expect(first(c).photo?.mime).toBe('image/jpeg'),
  },
  'ezvcard__John_Doe_MS_OUTLOOK.vcf': {
    names: ['Mr. John Richter James Doe Sr.'],
    emails: [['john.doe@ibm.cm']],
    phones: [['(905) 555-1234', '(905) 666-1234']],
    companies: ['IBM'],
    check: (_r, c) => {
      expect(first(c).photo?.mime).toBe('image/jpeg');
      // The X-MS-OL-DESIGN markup is not kept anywhere.
      expect(JSON.stringify(c)).not.toContain('<card');
    },
  },
  'ezvcard__fullcontact.vcf': {
    names: ['Prefix FirstName MiddleName LastName Suffix'],
    emails: [['home@example.com', 'work@example.com', 'school@example.com', 'other@example.com', 'custom@example.com']],
    phones: [
      [
        '555-555-1111',
        '555-555-1112',
        '555-555-1113',
        '555-555-1114',
        '555-555-1115',
        '555-555-1116',
        '555-555-1117',
        '555-555-1118',
        '555-555-1119',
      ],
    ],
    companies: ['Organization1'],
    check: (_r, c) => {
      expect(first(c).role).toBe('Title1');
      // Remote PHOTO URLs: not fetched, not kept.
      expect(first(c).photo).toBeUndefined();
      expect(JSON.stringify(c)).not.toContain('cloudfront');
    },
  },
  'ezvcard__gmail-list.vcf': {
    names: ['Arnold Smith', 'Chris Beatle', 'Doug White'],
    emails: [['asmithk@gmail.com'], ['chrisy55d@yahoo.com'], ['dwhite@gmail.com']],
  },
  'ezvcard__gmail-single.vcf': {
    names: ['Greg Dartmouth'],
    emails: [['gdartmouth@hotmail.com']],
    phones: [['555 555 1111', '555 555 2222']],
    companies: ['TheCompany'],
    check: (_r, c) => expect(first(c).links).toEqual([{ value: 'http://TheProfile.com', label: 'PROFILE' }]),
  },
  'ezvcard__gmail-single2.vcf': {
    names: ['VCard Test'],
    emails: [
      [
        'email@example.com',
        'homeemail@example.com',
        'workemail@example.com',
        'otheremail@example.com',
        'customcategory@example.com',
      ],
    ],
    companies: ['TheCompany'],
    check: (_r, c) => {
      expect(first(c).phones).toHaveLength(11);
      expect(first(c).links).toHaveLength(6);
    },
  },
  'ezvcard__outlook-2003.vcf': {
    names: ['John Doe III'],
    emails: [['jdoe@hotmail.com']],
    phones: [[]], // BusinessPhone, HomePhone, … are placeholders, not numbers
    companies: ['Company, The'],
    check: (r, c) => {
      expect(r.problems.filter((p) => /is not a phone number/.test(p.reason))).toHaveLength(4);
      expect(first(c).notes).toBe('This is the note field!!\nSecond line\n\nThird line is empty');
    },
  },
  'ezvcard__outlook-2007.vcf': {
    names: ['Mr. Michael Angstadt Jr.'],
    emails: [['mike.angstadt@gmail.com']],
    phones: [['(111) 555-1111', '(111) 555-2222', '(111) 555-4444', '(111) 555-3333']],
    companies: ['TheCompany'],
    check: (_r, c) => expect(first(c).notes).toMatch(/^This is the NOTE field\nI assume it encodes/),
  },
  'ezvcard__thunderbird-MoreFunctionsForAddressBook-extension.vcf': {
    names: ['John Doe'],
    emails: [
      [
        'doe.john@hotmail.com',
        'additional-email@company.com',
        'additional-email1@company.com',
        'additional-email2@company.com',
        'additional-email3@company.com',
      ],
    ],
    phones: [['555-555-1111', '555-555-2222', '555-555-5555', '555-555-3333', '555-555-4444']],
    companies: ['TheOrganization'],
    check: (_r, c) => {
      expect(first(c).tags).toEqual(['category1', 'category2', 'category3']);
      expect(first(c).photo?.mime).toBe('image/jpeg');
    },
  },
  'icaljs__escape_semicolon.vcf': {
    names: ['First Last NextCloud'],
    emails: [['home@gmx.de', 'work@gmx.de']],
    phones: [['11111111', '205333', '205246', '222222']],
    companies: ['Firma'],
    check: (_r, c) => expect(first(c).country).toBe('Germany'),
  },
  'jdvcard__invalid_encoding.vcf': {
    names: ['Jeroen Desloovere'],
    emails: [['site@example.com']],
    check: (r, c) => {
      expect(first(c).familyName).toBe('Desloovere');
      expect(hasProblem(r, /unknown charset "invalid-encoding"/)).toBe(true);
    },
  },
  'nodevcf__empty-lines.vcf': {
    names: ['Dr. Erika Mustermann'],
    emails: [['erika@mustermann.de']],
    phones: [['+49 221 9999123', '+49 221 1234567']],
    companies: ['Wikimedia'],
    check: (_r, c) => {
      expect(first(c).city).toBe('Köln');
      expect(first(c).photo).toBeUndefined();
    },
  },
  'nodevcf__vcard-2.1.vcf': {
    names: ['Forrest Gump'],
    emails: [['forrestgump@example.com']],
    phones: [['(111) 555-1212', '(404) 555-1212']],
    companies: ['Bubba Gump Shrimp Co.'],
  },
  'nodevcf__xing.vcf': {
    names: ['Hans-Peter Mustermann'],
    companies: ['Example GmbH'],
    check: (_r, c) => {
      expect(first(c).role).toBe('CTO');
      expect(first(c).photo).toBeUndefined();
    },
  },
  'sabre__issue153.vcf': { names: ['Test Benutzer'], check: (_r, c) => expect(first(c).photo?.mime).toBe('image/jpeg') },
  'sabre__issue64.vcf': {
    names: [], // only a PHOTO: nothing to call the person by
    check: (r) =>
      expect(r.problems).toEqual([
        expect.objectContaining({ line: 1, reason: 'vCard skipped: no name, company or email', severity: 'skipped' }),
      ]),
  },
  'thunderbird__dos_vcard_addressbook.vcf': { names: ['Name Surname'], emails: [['example@gmail.com']] },
  'thunderbird__emptylines_vcard_addressbook.vcf': {
    names: ['John Doe', 'Jane Doe'],
    emails: [['john.doe@genericemail.invalid'], ['jane.doe@genericemail.invalid']],
  },
  'thunderbird__export.vcf': {
    names: ['contact number one', 'contact number two'],
    // `contact1@invalid` has no domain suffix: Rete's email schema refuses it, so it is reported.
    emails: [[], []],
    check: (r, c) => {
      expect(r.problems.filter((p) => /contact\d@invalid/.test(p.reason))).toHaveLength(2);
      expect(c[1]?.notes).toBe("here's some unicode text…");
      expect(c[1]?.role).toBe('"worker"');
    },
  },
  'thunderbird__v3-binary-jpeg.vcf': {
    names: ['Binary JPEG'],
    check: (_r, c) => expect(first(c).photo?.mime).toBe('image/jpeg'),
  },
  'thunderbird__v4-uri-jpeg.vcf': {
    names: ['URI JPEG, version 4.0'],
    check: (_r, c) => expect(first(c).photo?.mime).toBe('image/jpeg'),
  },
};

const CSVS: Record<string, Expect> = {
  'thunderbird__csv_semicolon.csv': { names: ['John Doe', 'Jane Doe'], emails: [['john@doe.invalid'], ['jane@doe.invalid']] },
  'thunderbird__quote.csv': {
    names: ['Acer America'],
    phones: [['(800) 000-0000']],
    companies: ['Acer America'],
  },
  'thunderbird__shiftjis_addressbook.csv': {
    names: ['名無しの権兵衛'],
    // The non-ASCII local part is outside Rete's email schema: reported, not stored.
    emails: [[]],
    check: (r, c) => {
      expect(r.encoding).toBe('shift_jis');
      expect(first(c).givenName).toBe('権兵衛');
      expect(first(c).familyName).toBe('名無し');
      expect(hasProblem(r, /名無しの権兵衛@host\.invalid/)).toBe(true);
    },
  },
  'thunderbird__tab_comma_mixed.csv': {
    names: ['1@host.invalid'],
    check: (r) => {
      expect(hasProblem(r, /no header row/)).toBe(true);
      expect(r.problems.filter((p) => p.severity === 'skipped').map((p) => p.line)).toEqual([2, 3, 4]);
    },
  },
  'thunderbird__utf16_addressbook.csv': {
    names: ['John Doe'],
    emails: [['johndoe@host.invalid']],
    check: (r) => expect(r.encoding).toBe('utf-16le'),
  },
};

function verify(r: ParseResult, e: Expect): void {
  expectWellFormed(r);
  expect(r.contacts.map((c) => c.name)).toEqual(e.names);
  if (e.emails) expect(r.contacts.map((c) => values(c.emails))).toEqual(e.emails);
  if (e.phones) expect(r.contacts.map((c) => values(c.phones))).toEqual(e.phones);
  if (e.companies) expect(r.contacts.map((c) => c.company)).toEqual(e.companies);
  e.check?.(r, r.contacts);
}

describe('real-world vCards', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('has an expectation for every file in the folder', () => {
    expect(fixtureNames('vcard')).toEqual(Object.keys(VCARDS).sort());
  });
  for (const [name, e] of Object.entries(VCARDS)) {
    it(name, () => {
      // Any attempt to fetch a URL (a remote PHOTO) would go through fetch: make it fail loudly.
      const fetchSpy = vi.fn(() => Promise.reject(new Error('network access during parsing')));
      vi.stubGlobal('fetch', fetchSpy);
      const r = parseContacts(fixture('vcard', name));
      expect(r.format).toBe('vcard');
      verify(r, e);
      expect(fetchSpy).not.toHaveBeenCalled();
    });
  }
});

describe('real-world CSVs', () => {
  it('has an expectation for every file in the folder', () => {
    expect(fixtureNames('csv')).toEqual(Object.keys(CSVS).sort());
  });
  for (const [name, e] of Object.entries(CSVS)) {
    it(name, () => {
      const r = parseContacts(fixture('csv', name));
      expect(r.format).toBe('csv');
      verify(r, e);
    });
  }
});
