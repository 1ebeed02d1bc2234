import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, createTestApp, signup, type Client, type TestApp } from '../../../../test/helpers/app.ts';
import { dialects } from '../../../../test/helpers/testDb.ts';
import { parseContacts } from '../import/parse/index.ts';
import { commitImport } from '../import/import.service.ts';
import { csvCell, foldLine, neutraliseCell, toCsv, type AccountExport, type AccountPerson } from './export.service.ts';

describe('CSV export cells', () => {
  it('neutralises formulas, also after leading spaces', () => {
    for (const v of ['=1+1', '+39 02 1234', '-2', '@SUM(A1)', '\tx', '\rx', '  =HYPERLINK("x")', '\u00a0+1']) {
      expect(neutraliseCell(v), JSON.stringify(v)).toBe(`'${v}`);
    }
    for (const v of ['Mario', 'a=b', 'x-1', 'mail@example.com', '', '1+1']) expect(neutraliseCell(v)).toBe(v);
  });

  it('quotes by RFC 4180', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=cmd|" /C calc"!A0')).toBe(`"'=cmd|"" /C calc""!A0"`);
    expect(csvCell(null)).toBe('');
  });

  it('writes a BOM, a header and CRLF rows', () => {
    const p = {
      name: '=evil()',
      company: 'A, B',
      role: null,
      city: null,
      country: null,
      emails: [],
      phones: [{ value: '+39 1', label: null }],
      links: [],
      tags: ['x'],
      howMet: null,
      notes: 'line\r\nbreak',
      needs: [],
      offers: [],
      createdAt: '2024-01-01T00:00:00.000Z',
    } as unknown as AccountPerson;
    const csv = toCsv([p]);
    expect(csv.startsWith('\uFEFFName,Company,Role,')).toBe(true);
    expect(csv).toContain(`'=evil(),"A, B",,,'+39 1,`);
    expect(csv).toContain('"line\r\nbreak"');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('folds long vCard lines at 75 octets without splitting characters', () => {
    const folded = foldLine(`NOTE:${'è'.repeat(100)}`);
    for (const l of folded.split('\r\n')) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
    expect(
      folded
        .split('\r\n')
        .map((l, i) => (i === 0 ? l : l.slice(1)))
        .join(''),
    ).toBe(`NOTE:${'è'.repeat(100)}`);
  });
});

describe.each(dialects())('export on %s', (dialect) => {
  let t: TestApp;
  let alice: Client;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(dialect);
    alice = await signup(t.app);
    const giulia = await createPerson(alice, {
      name: 'Giulia Ferri',
      company: 'Studio Ferri; Associati',
      role: 'Commercialista',
      city: 'Bologna',
      country: 'Italia',
      notes: 'Conosciuta al BNI,\nottima',
      emails: [{ value: 'giulia@example.it', label: 'work' }, { value: 'g.ferri@example.com' }],
      phones: [{ value: '+39 051 123 4567', label: 'cell' }],
      links: [{ value: 'https://www.linkedin.com/in/giulia-example' }],
      tags: ['clienti', 'bni'],
    });
    const marco = await createPerson(alice, {
      name: 'Marco Rossi',
      company: '=HYPERLINK("http://evil")',
      phones: [{ value: '-1 555 0100' }],
    });
    const zoe = await createPerson(alice, { name: 'Zoë Ångström', emails: [{ value: 'zoe@example.se' }] });
    Object.assign(ids, { giulia: giulia.id, marco: marco.id, zoe: zoe.id });
    await alice.req({ method: 'POST', url: `/api/v1/people/${giulia.id}/needs`, payload: { text: 'Un sito nuovo' } });
    await alice.req({ method: 'POST', url: `/api/v1/people/${giulia.id}/offers`, payload: { text: 'Tax advice' } });
    await alice.req({ method: 'POST', url: `/api/v1/people/${alice.selfPersonId}/offers`, payload: { text: 'Web design' } });
    await alice.req({
      method: 'POST',
      url: `/api/v1/people/${giulia.id}/interactions`,
      payload: { kind: 'meeting', occurredAt: '2026-01-10', summary: 'Caffè' },
    });
    await alice.req({
      method: 'POST',
      url: `/api/v1/people/${giulia.id}/relationships`,
      payload: { otherPersonId: marco.id, strength: 2 },
    });
  });
  afterAll(async () => t.close());

  const shape = (
    list: Array<{ name: string; company?: string | null; emails: Array<{ value: string }>; phones: Array<{ value: string }> }>,
  ) =>
    list
      .map((p) => ({
        name: p.name,
        company: p.company ?? null,
        emails: p.emails.map((e) => e.value).sort(),
        phones: p.phones.map((e) => e.value).sort(),
      }))
      .sort((a, b) => a.name.localeCompare(b.name));

  it('exports the complete account as JSON, as an attachment never cached', async () => {
    const res = await alice.req({ method: 'GET', url: '/api/v1/export?format=json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="rete-export-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(res.headers['cache-control']).toBe('no-store');
    const doc = res.json<AccountExport>();
    expect(doc).toMatchObject({ format: 'rete-export', version: 1, account: { email: alice.email } });
    expect(doc.me?.offers.map((o) => o.text)).toEqual(['Web design']);
    expect(doc.people).toHaveLength(3);
    const g = doc.people.find((p) => p.id === ids.giulia);
    expect(g).toMatchObject({
      tags: ['bni', 'clienti'],
      needs: [{ text: 'Un sito nuovo' }],
      offers: [{ text: 'Tax advice' }],
      timeline: [{ summary: 'Caffè' }],
    });
    expect(doc.relationships).toHaveLength(1);
    expect(JSON.stringify(doc)).not.toMatch(/password|hash/i);
  });

  it('round-trips vCard 4.0, vCard 3.0 and JSON into an empty account: the same people', async () => {
    const json = await alice.req({ method: 'GET', url: '/api/v1/export?format=json' });
    const original = shape(json.json<AccountExport>().people);
    for (const format of ['vcard', 'vcard3', 'json'] as const) {
      const res = await alice.req({ method: 'GET', url: `/api/v1/export?format=${format}` });
      expect(res.statusCode).toBe(200);
      if (format !== 'json') {
        expect(res.headers['content-type']).toBe('text/vcard; charset=utf-8');
        expect(res.body).toContain(format === 'vcard' ? 'VERSION:4.0' : 'VERSION:3.0');
      }
      const bob = await signup(t.app);
      const r = await commitImport(t.deps, bob.userId, res.rawPayload);
      // JSON also carries my profile: its offer goes onto Bob's own profile, which counts as a merge.
      expect(r, format).toMatchObject({ toCreate: 3, toMerge: format === 'json' ? 1 : 0 });
      const back = await bob.req({ method: 'GET', url: '/api/v1/export?format=json' });
      const people = back.json<AccountExport>().people;
      expect(shape(people), format).toEqual(original);
      const g = people.find((p) => p.name === 'Giulia Ferri');
      expect(g, format).toMatchObject({
        role: 'Commercialista',
        city: 'Bologna',
        notes: 'Conosciuta al BNI,\nottima',
        tags: ['bni', 'clienti'],
      });
      expect(g?.links.map((l) => l.value)).toEqual(['https://www.linkedin.com/in/giulia-example']);
      // Importing the same export again changes nothing.
      expect(await commitImport(t.deps, bob.userId, res.rawPayload)).toMatchObject({ toCreate: 0, toMerge: 0 });
    }
  });

  it('parses its own vCards without a problem', async () => {
    const res = await alice.req({ method: 'GET', url: '/api/v1/export?format=vcard' });
    const parsed = parseContacts(res.rawPayload);
    expect(parsed.problems).toEqual([]);
    expect(parsed.contacts).toHaveLength(3);
  });

  it('exports CSV safe for spreadsheets', async () => {
    const res = await alice.req({ method: 'GET', url: '/api/v1/export?format=csv' });
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="rete-contacts-.*\.csv"$/);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(res.body).toContain(`Marco Rossi,"'=HYPERLINK(""http://evil"")",,,'-1 555 0100,`);
    expect(res.body).toContain('"Studio Ferri; Associati"');
  });

  it('refuses an unknown format and anonymous requests', async () => {
    expect((await alice.req({ method: 'GET', url: '/api/v1/export?format=xls' })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/export' })).statusCode).toBe(401);
  });
});
