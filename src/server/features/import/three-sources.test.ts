/**
 * One network from three sources (test/fixtures/three-sources, synthetic people): a LinkedIn
 * Connections.csv (names, work emails, profile URLs), a phone's vCards (nicknames, national
 * numbers) and a Google Contacts CSV (work emails, international numbers). 60 people in all; the
 * truth (who holds which email, phone and profile) is in truth.json.
 *
 * The 21 people of the first group are in all three files and only the Google record ties their
 * LinkedIn self (email or profile) to their phone self (number): after the first two files they
 * are two people each, after the third one. Namesakes who share nothing but a name stay apart.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPerSuite, signup } from '#test/helpers/app.ts';
import { dialects } from '#test/helpers/test-db.ts';
import { getPerson } from '../people/people.service.ts';
import { linkedinKey, phoneKey } from '../privacy/suppression.ts';
import { commitImport, previewImport } from './import.service.ts';

const DIR = path.join(import.meta.dirname, '../../../../test/fixtures/three-sources');
const file = (name: string) => fs.readFileSync(path.join(DIR, name));

interface Truth {
  people: Array<{ id: string; name: string; emails: string[]; phones: string[]; links: string[] }>;
}
const truth = JSON.parse(fs.readFileSync(path.join(DIR, 'truth.json'), 'utf8')) as Truth;

/** Who holds each email, phone (last nine digits) and LinkedIn profile, by the truth. */
const owners = new Map<string, string>();
for (const p of truth.people) {
  for (const e of p.emails) owners.set(`e:${e.toLowerCase()}`, p.id);
  for (const ph of p.phones) owners.set(`p:${phoneKey(ph) as string}`, p.id);
  for (const l of p.links) owners.set(`l:${linkedinKey(`https://${l}`) as string}`, p.id);
}

describe.each(dialects())('three sources of one network on %s', (dialect) => {
  const t = appPerSuite(dialect, { at: '2025-05-20T09:00:00Z' });

  async function people(ownerId: string) {
    const rows = await t.db.handle.db
      .selectFrom('people')
      .select(['id', 'name'])
      .where('owner_id', '=', ownerId)
      .where('is_self', '=', 0)
      .execute();
    return Promise.all(rows.map((r) => getPerson(t.deps, ownerId, r.id)));
  }

  it('the truth is one person per email, phone and profile, 60 people', () => {
    expect(truth.people).toHaveLength(60);
    const keys = truth.people.reduce((n, p) => n + p.emails.length + new Set(p.phones.map(phoneKey)).size + p.links.length, 0);
    expect(owners.size).toBe(keys); // no key of the truth is held by two people
  });

  it('ends with the 60 people: every record joined to its person, namesakes apart', async () => {
    const u = await signup(t.app, { locale: 'it' });

    const li = await commitImport(t.deps, u.userId, file('Connections.csv'));
    expect(li).toMatchObject({ format: 'linkedin', contacts: 39, toCreate: 39, problems: [] });
    t.clock.now = new Date('2025-05-21T09:00:00Z');
    const vcf = await commitImport(t.deps, u.userId, file('contacts.vcf'));
    // Two cards carry the company of a LinkedIn connection; the other 35 are new, 21 of them the
    // same people as LinkedIn under a nickname or a bare number: two people each, for now.
    expect(vcf).toMatchObject({ format: 'vcard', contacts: 37, toCreate: 35, toMerge: 2, joinedRecords: 0, problems: [] });
    expect(await people(u.userId)).toHaveLength(74);

    t.clock.now = new Date('2025-05-22T09:00:00Z');
    const google = file('google-contacts.csv');
    const preview = await previewImport(t.deps, u.userId, google);
    expect(preview).toMatchObject({ format: 'google', contacts: 36, toCreate: 7, joinedRecords: 21, joinedPeople: 42 });
    expect(await people(u.userId)).toHaveLength(74); // the preview wrote nothing
    const r = await commitImport(t.deps, u.userId, google);
    expect(r).toMatchObject({ toCreate: 7, joinedRecords: 21, joinedPeople: 42, problems: [] });
    expect(r.mergedAway).toHaveLength(21);

    const all = await people(u.userId);
    expect(all).toHaveLength(60);
    // Each person is one person of the truth, and each person of the truth is one person.
    const found = all.map((p) => {
      const ids = new Set<string>();
      for (const e of p.emails) ids.add(owners.get(`e:${e.value.toLowerCase()}`) ?? `unknown email ${e.value}`);
      for (const ph of p.phones) ids.add(owners.get(`p:${phoneKey(ph.value) as string}`) ?? `unknown phone ${ph.value}`);
      for (const l of p.links) ids.add(owners.get(`l:${linkedinKey(l.value) as string}`) ?? `unknown link ${l.value}`);
      return { name: p.name, ids: [...ids] };
    });
    expect(found.filter((f) => f.ids.length !== 1)).toEqual([]);
    expect(new Set(found.map((f) => f.ids[0])).size).toBe(60);
    const named = (n: string) => all.filter((p) => p.name === n).length;
    expect([named('Marco Rossi'), named('Giulia Conti'), named('Luca Ferrari')]).toEqual([3, 2, 2]);

    // One of them: the LinkedIn person kept, with the phone once and the nickname in the notes.
    const barbara = all.find((p) => p.links.some((l) => l.value.includes('barbara-neri')));
    expect(barbara).toMatchObject({ name: 'Barbara Neri', company: 'Studio Neri Commercialisti' });
    expect(barbara?.phones).toHaveLength(1);
    // What the merge wrote on the (Italian) user's behalf is in Italian.
    expect(barbara?.notes).toBe(
      'Unione con Barbie: altro nome Barbie; come ci siamo conosciuti Importazione da vCard, 21 mag 2025.',
    );
    expect(barbara?.howMet).toMatch(/^Collegamento su LinkedIn, \d+ [a-z]{3} \d{4}$/);
    expect(barbara?.privacy.legalBasisNote).toBe('Altra fonte: importazione da vCard, 21 mag 2025');

    // Again, all three: nobody new, nothing joined, nothing written.
    for (const name of ['Connections.csv', 'contacts.vcf', 'google-contacts.csv'])
      expect(await commitImport(t.deps, u.userId, file(name))).toMatchObject({ toCreate: 0, toMerge: 0, joinedRecords: 0 });
    expect(await people(u.userId)).toHaveLength(60);
  });
});
