/**
 * The people search understands the words the Value Finder understands (issue 11, item 6): after
 * everyone the words find (names first), the people whose role or offers mean what they ask for,
 * each with what matched.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { PersonSummary } from '#shared/api/people.ts';
import { appPerSuite, createPerson, userPerSuite } from '#test/helpers/app.ts';
import { dialects } from '#test/helpers/test-db.ts';

describe.each(dialects())('people search by meaning on %s', (dialect) => {
  const t = appPerSuite(dialect);
  const me = userPerSuite(t);

  const search = async (query: string) => {
    const r = await me.req({ method: 'GET', url: `/api/v1/people?${query}` });
    expect(r.statusCode, r.body).toBe(200);
    return r.json<{ items: PersonSummary[]; nextCursor: string | null }>();
  };
  const names = (p: { items: PersonSummary[] }) => p.items.map((x) => x.name);

  beforeAll(async () => {
    await createPerson(me, { name: 'Giulia Galli', role: 'Commercialista', company: 'Studio Galli', city: 'Bologna' });
    await createPerson(me, { name: 'Paolo Conti', role: 'Dottore commercialista', city: 'Roma' });
    await createPerson(me, { name: 'Luca Bianchi', notes: 'Knows a good tax advisor in Milan' });
    await createPerson(me, { name: 'Marta Advisor', role: 'Designer' });
    await createPerson(me, { name: 'Marco Rossi', role: 'Avvocato', city: 'Roma' });
    const sara = await createPerson(me, { name: 'Sara Neri', city: 'Torino' });
    await me.req({
      method: 'POST',
      url: `/api/v1/people/${sara.id}/offers`,
      payload: { text: 'Dichiarazioni dei redditi e 730' },
    });
  });

  it('"tax advisor" finds a commercialista: names first, then other fields, then people found by meaning', async () => {
    const page = await search(`q=${encodeURIComponent('tax advisor')}`);
    const found = names(page);
    // "advisor" in a name comes first only with "tax" in it too: Marta is not found by her name alone.
    expect(found[0]).toBe('Luca Bianchi');
    expect(page.items[0]?.match).toEqual({ field: 'notes', text: 'Knows a good tax advisor in Milan' });
    expect(found).toEqual(expect.arrayContaining(['Giulia Galli', 'Paolo Conti', 'Sara Neri']));
    expect(found).not.toContain('Marco Rossi');
    expect(found).not.toContain('Marta Advisor');
    const giulia = page.items.find((p) => p.name === 'Giulia Galli');
    expect(giulia?.match).toMatchObject({
      field: 'concept',
      concept: { labelIt: expect.any(String), labelEn: expect.any(String) },
    });
    expect(giulia?.match?.text.toLowerCase()).toContain('commercialista');
    const sara = page.items.find((p) => p.name === 'Sara Neri');
    expect(sara?.match?.field).toBe('concept');
    expect(sara?.match?.text).toBe('Dichiarazioni dei redditi e 730');
  });

  it('someone the words already find is not repeated as a match by meaning', async () => {
    const page = await search('q=commercialista');
    expect(names(page).filter((n) => n === 'Giulia Galli')).toHaveLength(1);
    expect(page.items.find((p) => p.name === 'Giulia Galli')?.match).toEqual({ field: 'role', text: 'Commercialista' });
    // Sara offers tax returns: found by meaning only.
    expect(page.items.find((p) => p.name === 'Sara Neri')?.match?.field).toBe('concept');
  });

  it('pages through the people found by meaning with the cursor, and applies the filters to them', async () => {
    const all = names(await search(`q=${encodeURIComponent('tax advisor')}`));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: PersonSummary[]; nextCursor: string | null } = await search(
        `q=${encodeURIComponent('tax advisor')}&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...names(page));
      cursor = page.nextCursor;
    } while (cursor && seen.length < 20);
    expect(seen).toEqual(all);

    expect(names(await search(`q=${encodeURIComponent('tax advisor')}&city=Roma`))).toEqual(['Paolo Conti']);
  });

  it('reads the words with those the user taught', async () => {
    expect(names(await search(`q=${encodeURIComponent('la zia Pina')}`))).toEqual([]);
    const r = await me.req({
      method: 'POST',
      url: '/api/v1/taught-words',
      payload: { phrase: 'la zia Pina', concepts: ['tax.advisor'] },
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(names(await search(`q=${encodeURIComponent('la zia Pina')}`))).toEqual(
      expect.arrayContaining(['Giulia Galli', 'Paolo Conti']),
    );
  });
});
