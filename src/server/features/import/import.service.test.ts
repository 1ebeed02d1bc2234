import { describe, expect, it } from 'vitest';
import type { Locale } from '#shared/api/values.ts';
import { appPerSuite, createPerson, signup, type Client, type TestApp } from '#test/helpers/app.ts';
import { dialects } from '#test/helpers/test-db.ts';
import { snapshot } from '#test/helpers/world.ts';
import { getPerson } from '../people/people.service.ts';
import { commitImport, previewImport, sourceNote } from './import.service.ts';
import { fixture } from './parse/fixtures.ts';

const enc = (s: string) => Buffer.from(s, 'utf8');

const linkedin = (rows: string[]) =>
  enc(
    [
      'Notes:',
      '"When exporting your connection data, you may notice that some of the email addresses are missing."',
      '',
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      ...rows,
    ].join('\r\n'),
  );

const vcard = (cards: string[]) => enc(cards.map((c) => `BEGIN:VCARD\r\nVERSION:3.0\r\n${c}\r\nEND:VCARD`).join('\r\n'));

async function peopleOf(t: TestApp, ownerId: string) {
  return t.db.handle.db
    .selectFrom('people')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('is_self', '=', 0)
    .orderBy('sort_name')
    .execute();
}

describe.each(dialects())('import service on %s', (dialect) => {
  const t = appPerSuite(dialect, { at: '2024-03-12T10:00:00Z' });

  const fresh = async (locale: Locale = 'it'): Promise<Client> => signup(t.app, { locale });

  it('imports real-world files with the right counts, and a re-import creates nothing', async () => {
    const u = await fresh();
    const gmail = fixture('vcard', 'ezvcard__gmail-list.vcf');
    const preview = await previewImport(t.deps, u.userId, gmail);
    expect(preview).toMatchObject({ format: 'vcard', contacts: 3, toCreate: 3, toMerge: 0, unchanged: 0 });
    expect(preview.people?.map((p) => p.name)).toEqual(['Arnold Smith', 'Chris Beatle', 'Doug White']);
    expect(await peopleOf(t, u.userId)).toHaveLength(0); // the preview wrote nothing

    const r = await commitImport(t.deps, u.userId, gmail);
    expect(r).toMatchObject({ toCreate: 3, toMerge: 0 });
    expect(r.created).toHaveLength(3);
    const iphone = await commitImport(t.deps, u.userId, fixture('vcard', 'ezvcard__John_Doe_IPHONE.vcf'));
    expect(iphone.toCreate).toBe(1);

    const people = await peopleOf(t, u.userId);
    expect(people.map((p) => p.name)).toEqual(['Arnold Smith', 'Chris Beatle', 'Doug White', 'Mr. John Richter James Doe Sr.']);
    expect(people.every((p) => p.how_met === 'Importazione da vCard, 12 mar 2024')).toBe(true);
    const john = await getPerson(t.deps, u.userId, iphone.created[0] as string);
    expect(john).toMatchObject({ company: 'IBM', emails: [{ value: 'john.doe@ibm.com' }] });
    expect(john.phones.map((p) => p.value)).toContain('905-555-1234');

    const before = await snapshot(t);
    const again = await commitImport(t.deps, u.userId, gmail);
    expect(again).toMatchObject({ toCreate: 0, toMerge: 0, unchanged: 3, created: [], merged: [] });
    expect(await snapshot(t)).toEqual(before); // not even the network version moved
  });

  it('merges into existing people by email, phone, LinkedIn URL and name + company, never overwriting', async () => {
    const u = await fresh('en');
    const byEmail = await createPerson(u, { name: 'Anna Bianchi', emails: [{ value: 'ANNA@example.com' }], city: 'Milano' });
    const byPhone = await createPerson(u, { name: 'Bruno Neri', phones: [{ value: '+39 333 123 4567' }] });
    const byLink = await createPerson(u, { name: 'Carla Verdi', links: [{ value: 'https://www.linkedin.com/in/carla-verdi/' }] });
    const byName = await createPerson(u, { name: 'Dario Fò', company: 'ACME Srl', role: 'CTO' });
    const file = vcard([
      'FN:Anna B.\r\nEMAIL:anna@example.com\r\nTEL:+39 02 1234 5678\r\nADR:;;;Roma;;;\r\nCATEGORIES:clienti',
      'FN:Bruno Neri\r\nTEL:0039 333 1234567\r\nEMAIL:bruno@example.com',
      'FN:Carla Verdi\r\nURL:http://linkedin.com/in/carla-verdi\r\nORG:Verdi SpA',
      'FN:dario fo\r\nORG:acme srl\r\nTITLE:CEO\r\nNOTE:met in Turin',
      'FN:Elena Nuova\r\nEMAIL:elena@example.com',
    ]);
    const preview = await previewImport(t.deps, u.userId, file);
    expect(preview).toMatchObject({ toCreate: 1, toMerge: 4, unchanged: 0 });
    expect(preview.people?.map((p) => [p.action, p.matchedBy])).toEqual([
      ['merge', 'email'],
      ['merge', 'phone'],
      ['merge', 'link'],
      ['merge', 'name-company'],
      ['create', null],
    ]);
    const r = await commitImport(t.deps, u.userId, file);
    expect(new Set(r.merged)).toEqual(new Set([byEmail.id, byPhone.id, byLink.id, byName.id]));

    const anna = await getPerson(t.deps, u.userId, byEmail.id);
    expect(anna).toMatchObject({ name: 'Anna Bianchi', city: 'Milano', tags: ['clienti'] });
    expect(anna.emails.map((e) => e.value)).toEqual(['ANNA@example.com']);
    expect(anna.phones.map((e) => e.value)).toEqual(['+39 02 1234 5678']);
    expect(anna.howMet).toBe('Imported from vCard, 12 Mar 2024');
    const bruno = await getPerson(t.deps, u.userId, byPhone.id);
    expect(bruno.emails.map((e) => e.value)).toEqual(['bruno@example.com']);
    expect(bruno.phones).toHaveLength(1);
    expect((await getPerson(t.deps, u.userId, byLink.id)).company).toBe('Verdi SpA');
    const dario = await getPerson(t.deps, u.userId, byName.id);
    expect(dario).toMatchObject({ name: 'Dario Fò', company: 'ACME Srl', role: 'CTO', notes: 'met in Turin' });
    expect(await peopleOf(t, u.userId)).toHaveLength(5);

    const again = await previewImport(t.deps, u.userId, file);
    expect(again).toMatchObject({ toCreate: 0, toMerge: 0, unchanged: 5 });
  });

  it('merges the people one contact joins (an email of one, the phone of another), keeping everything of both', async () => {
    const u = await fresh('en');
    const sara = await createPerson(u, {
      name: 'Sara Colombo',
      company: 'Colombo Serramenti',
      emails: [{ value: 'sara@colombo.example' }],
      tags: ['clients'],
    });
    const sari = await createPerson(u, {
      name: 'Sari',
      city: 'Como',
      phones: [{ value: '333 123 4567' }],
      tags: ['family'],
      notes: 'Cousin of Paolo',
    });
    const third = await createPerson(u, { name: 'Paolo Colombo' });
    const post = async (url: string, payload: Record<string, unknown>) => {
      const res = await u.req({ method: 'POST', url, payload });
      expect(res.statusCode, res.body).toBe(201);
    };
    await post(`/api/v1/people/${sari.id}/needs`, { text: 'A new kitchen' });
    await post(`/api/v1/people/${sari.id}/interactions`, { kind: 'call', occurredAt: '2024-02-01', summary: 'Birthday call' });
    await post(`/api/v1/people/${sari.id}/relationships`, { otherPersonId: third.id, strength: 3 });
    // An office address two people share joins nobody.
    const office1 = await createPerson(u, { name: 'Front Desk', emails: [{ value: 'info@acme.example' }] });
    const office2 = await createPerson(u, { name: 'Accounts', emails: [{ value: 'info@acme.example' }] });
    const loner = await createPerson(u, { name: 'Walter Bassi', phones: [{ value: '+39 347 555 0101' }] });

    const file = vcard([
      'FN:Sara Colombo\r\nEMAIL:Sara@Colombo.example\r\nTEL;TYPE=CELL:+39 333 1234567\r\nTITLE:Owner',
      'FN:Walter\r\nEMAIL:info@acme.example\r\nTEL:347 555 0101',
    ]);
    const preview = await previewImport(t.deps, u.userId, file);
    expect(preview).toMatchObject({ contacts: 2, toCreate: 0, joinedRecords: 1, joinedPeople: 2 });
    expect(preview.people?.[0]).toMatchObject({ matchedId: sara.id, joins: [sari.id], city: 'Como' });
    expect(await getPerson(t.deps, u.userId, sari.id)).toMatchObject({ name: 'Sari' }); // nothing written yet

    const r = await commitImport(t.deps, u.userId, file);
    expect(r).toMatchObject({ joinedRecords: 1, joinedPeople: 2, mergedAway: [sari.id] });
    const kept = await getPerson(t.deps, u.userId, sara.id);
    expect(kept).toMatchObject({ name: 'Sara Colombo', company: 'Colombo Serramenti', role: 'Owner', city: 'Como' });
    expect(kept.emails.map((e) => e.value)).toEqual(['sara@colombo.example']);
    expect(kept.phones.map((e) => e.value)).toEqual(['333 123 4567']); // one number, written two ways
    expect(kept.tags.sort()).toEqual(['clients', 'family']);
    expect(kept.notes).toContain('Cousin of Paolo');
    expect(kept.notes).toContain('also known as Sari');
    expect(kept.needs.map((n) => n.text)).toEqual(['A new kitchen']);
    expect(kept.timeline.map((e) => e.summary)).toEqual(['Birthday call']);
    expect(kept.relationships.map((x) => x.other.id)).toEqual([third.id]);
    await expect(getPerson(t.deps, u.userId, sari.id)).rejects.toMatchObject({ code: 'not_found' });
    // The change log names the person merged away, so that every process drops them.
    const changes = await t.db.handle.db
      .selectFrom('network_changes')
      .select('person_id')
      .where('owner_id', '=', u.userId)
      .where('person_id', '=', sari.id)
      .execute();
    expect(changes).toHaveLength(1);
    // The office address matched one of its two holders, and joined nobody to the phone's owner.
    const people = await peopleOf(t, u.userId);
    expect(people.map((p) => p.id).sort()).toEqual([sara.id, third.id, office1.id, office2.id, loner.id].sort());
  });

  it('never merges namesakes who share nothing else; a bare name finds its bare self again', async () => {
    const u = await fresh();
    await createPerson(u, { name: 'Luca Ferrari', phones: [{ value: '345 000 6543' }] });
    const file = vcard(['FN:Luca Ferrari\r\nTEL:331 000 4321', 'FN:luca ferrari\r\nEMAIL:luca@officina.example', 'FN:Solo Nome']);
    expect(await commitImport(t.deps, u.userId, file)).toMatchObject({ toCreate: 3, toMerge: 0 });
    expect(await commitImport(t.deps, u.userId, file)).toMatchObject({ toCreate: 0, toMerge: 0, unchanged: 3 });
    expect((await peopleOf(t, u.userId)).map((p) => p.name).sort()).toEqual([
      'Luca Ferrari',
      'Luca Ferrari',
      'Solo Nome',
      'luca ferrari',
    ]);
  });

  it('merges duplicates within the same file, across sources', async () => {
    const u = await fresh();
    const file = linkedin([
      'Giulia,Ferri,https://www.linkedin.com/in/giulia-ferri,giulia@example.it,Studio Ferri,Commercialista,12 Mar 2024',
      'Marco,Rossi,https://www.linkedin.com/in/marco-rossi,,Rossi & Co,CEO,01 Feb 2023',
      'Giulia,Ferri,https://linkedin.com/in/giulia-ferri/,,Studio Ferri,Partner,12 Mar 2024',
      'Marco,Rossi,https://www.linkedin.com/in/marco-rossi-2,marco@example.com,Rossi & Co,CEO,01 Feb 2023',
    ]);
    const preview = await previewImport(t.deps, u.userId, file);
    expect(preview).toMatchObject({ format: 'linkedin', contacts: 4, toCreate: 2, duplicatesInFile: 2 });
    const r = await commitImport(t.deps, u.userId, file);
    expect(r.created).toHaveLength(2);
    const marco = await getPerson(t.deps, u.userId, r.created[1] as string);
    expect(marco.name).toBe('Marco Rossi');
    expect(marco.emails.map((e) => e.value)).toEqual(['marco@example.com']);
    expect(marco.links).toHaveLength(2);
    expect(marco.howMet).toMatch(/LinkedIn/);
    const vcf = vcard(['FN:Giulia Ferri\r\nEMAIL:Giulia@Example.it\r\nTEL:+39 051 123 4567']);
    const second = await commitImport(t.deps, u.userId, vcf);
    expect(second).toMatchObject({ toCreate: 0, toMerge: 1 });
    expect(await peopleOf(t, u.userId)).toHaveLength(2);
  });

  it('writes a large file (more than 5,000 people) completely, logs every person once, and re-imports as a no-op', async () => {
    const u = await signup(t.app);
    const rows = Array.from(
      { length: 5200 },
      (_v, i) =>
        `Nome${i},Cognome${i},https://www.linkedin.com/in/bulk-${i},bulk${i}@example.com,Ditta ${i % 7},Ruolo,12 Mar 2024`,
    );
    const cacheBefore: unknown = t.db.handle.sqlite?.pragma('cache_size', { simple: true });
    const r = await commitImport(t.deps, u.userId, linkedin(rows), { chunkSize: 700 });
    expect(r).toMatchObject({ toCreate: 5200 });
    const db = t.db.handle.db;
    const n = async (table: 'people' | 'person_channels' | 'network_changes') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('owner_id', '=', u.userId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await n('people')).toBe(5201); // + Me
    expect(await n('person_channels')).toBe(5200 * 2);
    const changes = await db.selectFrom('network_changes').select('person_id').where('owner_id', '=', u.userId).execute();
    expect(new Set(changes.map((c) => c.person_id)).size).toBe(5200);
    const me = (await peopleOf(t, u.userId)).find((p) => p.name === 'Nome4321 Cognome4321');
    expect(me).toMatchObject({ company: 'Ditta 2', role: 'Ruolo' }); // 4321 % 7
    // SQLite's page cache, widened for the import, is back to its size.
    expect(t.db.handle.sqlite?.pragma('cache_size', { simple: true })).toBe(cacheBefore);
    expect(await commitImport(t.deps, u.userId, linkedin(rows))).toMatchObject({ toCreate: 0, toMerge: 0 });
  });

  it('is atomic: a failure halfway leaves every table exactly as before', async () => {
    const u = await fresh();
    await createPerson(u, { name: 'Existing One', emails: [{ value: 'p3@example.com' }] });
    const rows = Array.from({ length: 120 }, (_, i) => `FN:Person ${i}\r\nEMAIL:p${i}@example.com\r\nCATEGORIES:bulk`);
    const file = vcard(rows);
    const before = await snapshot(t);
    let calls = 0;
    await expect(
      commitImport(t.deps, u.userId, file, {
        chunkSize: 25,
        onProgress: (done) => {
          calls++;
          if (done >= 50) throw new Error('injected failure');
        },
      }),
    ).rejects.toThrow('injected failure');
    expect(calls).toBe(2);
    expect(await snapshot(t)).toEqual(before);

    const progress: Array<[number, number]> = [];
    const r = await commitImport(t.deps, u.userId, file, { chunkSize: 25, onProgress: (d, n) => void progress.push([d, n]) });
    expect(r).toMatchObject({ toCreate: 119, toMerge: 1 });
    expect(progress.at(-1)).toEqual([120, 120]);
    expect(await peopleOf(t, u.userId)).toHaveLength(120);
  });

  it('refuses a file with no contact, with its problems; its preview says why', async () => {
    const u = await fresh();
    const before = await snapshot(t);
    const nobody = vcard(['N:;;;;\r\nX-FOO:bar']);
    const preview = await previewImport(t.deps, u.userId, nobody);
    expect(preview).toMatchObject({ contacts: 0, toCreate: 0, toMerge: 0 });
    expect(preview.problems).toEqual([
      {
        line: 1,
        code: 'no_name',
        params: { unit: 'vCard' },
        reason: 'vCard skipped: no name, company or email',
        severity: 'skipped',
      },
    ]);
    await expect(commitImport(t.deps, u.userId, nobody)).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(previewImport(t.deps, u.userId, enc(''))).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(commitImport(t.deps, u.userId, enc(''))).rejects.toMatchObject({ code: 'validation_failed' });
    expect(await snapshot(t)).toEqual(before);
  });

  it('writes the source note in the account language', () => {
    const at = new Date('2024-03-12T00:00:00Z');
    expect(sourceNote('linkedin', 'it', at)).toBe('Importazione da LinkedIn, 12 mar 2024');
    expect(sourceNote('google', 'en', at)).toBe('Imported from Google Contacts, 12 Mar 2024');
  });
});

// Apart from the suite above, which signs up as many accounts as the sign-up's rate limit allows.
describe.each(dialects())('birthdays in imports on %s', (dialect) => {
  const t = appPerSuite(dialect, { at: '2024-03-12T10:00:00Z' });
  const fresh = async (locale: Locale = 'it'): Promise<Client> => signup(t.app, { locale });

  it('stores the birthdays of real-world files, in the one form Rete keeps', async () => {
    const u = await fresh('en');
    for (const [file, birthday] of [
      ['ezvcard__outlook-2007.vcf', '1922-03-10'], // BDAY:19220310
      ['aosp__v21_adr_multiple_line.vcf', '2008-12-03'], // BDAY;VALUE=DATE:20081203
      ['ezvcard__John_Doe_IPHONE.vcf', '2012-06-06'], // BDAY;value=date:2012-06-06
      ['icaljs__escape_semicolon.vcf', '2019-02-10'], // BDAY:2019-02-10T00:00:33
      ['ezvcard__fullcontact.vcf', '2016-08-01'], // BDAY;ALTID=1:20160801, then the same as text
    ] as const) {
      const r = await commitImport(t.deps, u.userId, fixture('vcard', file));
      expect(r.created, file).toHaveLength(1);
      expect((await getPerson(t.deps, u.userId, r.created[0] as string)).birthday, file).toBe(birthday);
    }
  });

  it('stores a birthday written in any form as YYYY-MM-DD or --MM-DD, fills one a person lacks and never overwrites one', async () => {
    const u = await fresh('en');
    const forms = vcard([
      'FN:Anna Uno\r\nBDAY:19840229',
      'FN:Bea Due\r\nBDAY;VALUE=date:1984-02-29',
      'FN:Carla Tre\r\nBDAY:--0229',
      'FN:Dora Quattro\r\nBDAY:--02-29',
      'FN:Elsa Cinque\r\nBDAY:1984-02-29T00:00:00Z',
      'FN:Fiona Sei\r\nBDAY;X-APPLE-OMIT-YEAR=1604:1604-02-29',
      'FN:Gina Sette\r\nBDAY;X-APPLE-OMIT-YEAR=1604;VALUE=date:1604-07-04',
      'FN:Ilaria Otto\r\nBDAY:2023-02-29', // no such day: left out, the person kept
    ]);
    const r = await commitImport(t.deps, u.userId, forms);
    expect(r.toCreate).toBe(8);
    expect(r.problems).toEqual([expect.objectContaining({ code: 'birthday_not_date', severity: 'warning' })]);
    expect((await peopleOf(t, u.userId)).map((p) => [p.name, p.birthday])).toEqual([
      ['Anna Uno', '1984-02-29'],
      ['Bea Due', '1984-02-29'],
      ['Carla Tre', '--02-29'],
      ['Dora Quattro', '--02-29'],
      ['Elsa Cinque', '1984-02-29'],
      ['Fiona Sei', '--02-29'],
      ['Gina Sette', '--07-04'],
      ['Ilaria Otto', null],
    ]);

    // Google Contacts: a birthday with the year and one without.
    const google = enc(
      [
        'First Name,Last Name,Birthday,E-mail 1 - Label,E-mail 1 - Value',
        'Lia,Nove,1985-07-14,* Home,lia@example.com',
        'Mia,Dieci, --07-14,* Home,mia@example.com',
      ].join('\r\n'),
    );
    const g = await commitImport(t.deps, u.userId, google);
    expect(g.created).toHaveLength(2);
    const people = await peopleOf(t, u.userId);
    expect(people.filter((p) => /Nove|Dieci/.test(p.name)).map((p) => p.birthday)).toEqual(['1985-07-14', '--07-14']);

    // Someone without a birthday gets the file's, and that alone is a change; someone with one keeps theirs.
    const without = await createPerson(u, { name: 'Nora Senza', emails: [{ value: 'nora@example.com' }] });
    const withOne = await createPerson(u, { name: 'Olga Con', emails: [{ value: 'olga@example.com' }], birthday: '--05-01' });
    const merging = vcard([
      'FN:Nora Senza\r\nEMAIL:nora@example.com\r\nBDAY:19900315',
      'FN:Olga Con\r\nEMAIL:olga@example.com\r\nBDAY:19800501',
      'FN:Anna Uno\r\nBDAY:--0301',
    ]);
    const preview = await previewImport(t.deps, u.userId, merging);
    expect(preview).toMatchObject({ toCreate: 0, toMerge: 1, unchanged: 2 });
    expect(preview.people?.map((p) => [p.name, p.action])).toEqual([
      ['Nora Senza', 'merge'],
      ['Olga Con', 'unchanged'],
      ['Anna Uno', 'unchanged'],
    ]);
    const m = await commitImport(t.deps, u.userId, merging);
    expect(m.merged).toEqual([without.id]);
    expect((await getPerson(t.deps, u.userId, without.id)).birthday).toBe('1990-03-15');
    expect((await getPerson(t.deps, u.userId, withOne.id)).birthday).toBe('--05-01');
    expect((await peopleOf(t, u.userId)).find((p) => p.name === 'Anna Uno')?.birthday).toBe('1984-02-29');
    // Imported again, the file changes nothing.
    expect(await previewImport(t.deps, u.userId, merging)).toMatchObject({ toCreate: 0, toMerge: 0, unchanged: 3 });
  });
});
