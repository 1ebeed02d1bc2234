import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { appPerSuite, createPerson, signup, userPerSuite } from '#test/helpers/app.ts';
import { dialects } from '#test/helpers/test-db.ts';
import type { PersonSummary } from '#shared/api/people.ts';
import { createPeople } from './people.service.ts';
import { buildApp } from '../../app.ts';

describe.each(dialects())('people routes on %s', (dialect) => {
  const t = appPerSuite(dialect);
  const alice = userPerSuite(t);

  it('answers 401 without credentials', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/people' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } });
  });

  it('creates a person with channels, tags, a need and an offer, and reads it back', async () => {
    const p = await createPerson(alice, {
      name: 'Giulia Ferri',
      company: 'Studio Ferri',
      role: 'Commercialista',
      city: 'Bologna',
      language: 'it',
      emails: [{ value: 'giulia@example.it', label: 'work' }],
      phones: [{ value: '+39 051 123 4567' }],
      links: [{ value: 'https://www.linkedin.com/in/giulia-example' }],
      tags: ['Clienti', 'bni'],
      notes: 'Conosciuta al BNI',
    });
    const need = await alice.req({
      method: 'POST',
      url: `/api/v1/people/${p.id}/needs`,
      payload: { text: 'Un sito più moderno per lo studio' },
    });
    expect(need.statusCode).toBe(201);
    expect(need.json()).toMatchObject({ text: 'Un sito più moderno per lo studio', status: 'open', language: 'it' });
    const offer = await alice.req({
      method: 'POST',
      url: `/api/v1/people/${p.id}/offers`,
      payload: { text: 'Tax returns for freelancers' },
    });
    expect(offer.statusCode).toBe(201);
    expect(offer.json()).toMatchObject({ language: 'en' });

    const res = await alice.req({ method: 'GET', url: `/api/v1/people/${p.id}` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      name: 'Giulia Ferri',
      company: 'Studio Ferri',
      emails: [{ value: 'giulia@example.it', label: 'work' }],
      phones: [{ value: '+39 051 123 4567', label: null }],
      tags: ['bni', 'clienti'],
      isSelf: false,
    });
    expect(body.needs).toHaveLength(1);
    expect(body.offers).toHaveLength(1);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('finds people by any word of their offers, with prefixes and without accents', async () => {
    const p = await createPerson(alice, { name: 'Marco Bellini', city: 'Milano' });
    await alice.req({
      method: 'POST',
      url: `/api/v1/people/${p.id}/offers`,
      payload: { text: 'Pianificazione fiscale per società' },
    });
    for (const q of ['pianificazione', 'PIANIF', 'societa', 'bellini fiscale']) {
      const res = await alice.req({ method: 'GET', url: `/api/v1/people?q=${encodeURIComponent(q)}` });
      expect(res.statusCode).toBe(200);
      // Found by these words: only him (people found by what the words mean come after: search-meaning.test.ts).
      const byWords = res.json<{ items: PersonSummary[] }>().items.filter((i) => i.match?.field !== 'concept');
      expect(byWords.map((i) => i.name)).toEqual(['Marco Bellini']);
      expect(res.json<{ items: PersonSummary[] }>().items[0]?.name).toBe('Marco Bellini');
    }
    const none = await alice.req({ method: 'GET', url: '/api/v1/people?q=bellini+nonexistentword' });
    expect(none.json().items).toEqual([]);
  });

  it('ranks a search by the name: namesakes and prefixes first, other fields last with what matched, across pages', async () => {
    const u = await signup(t.app);
    // The network of the report: "Federica" listed Enrico Farina first, "Roberto" two others above both Roberto Colombo.
    const enrico = await createPerson(u, { name: 'Enrico Farina', notes: 'Fratello di Federica, organizza le cene del BNI' });
    const alberto = await createPerson(u, { name: 'Alberto Federici', company: 'Federici Trasporti' });
    const villa = await createPerson(u, { name: 'Federica Villa', city: 'Milano' });
    const villa2 = await createPerson(u, { name: 'Federica Villa', city: 'Bergamo' });
    const angela = await createPerson(u, { name: 'Angela Bassi', company: 'Studio Roberto & Figli' });
    const bruno = await createPerson(u, { name: 'Bruno Neri', role: 'Agente di Roberto Colombo' });
    const rob1 = await createPerson(u, { name: 'Roberto Colombo', company: 'Colombo Serramenti' });
    const rob2 = await createPerson(u, { name: 'Roberto Colombo', city: 'Como' });
    const roberta = await createPerson(u, { name: 'Roberta Lombardo' });
    const anna = await createPerson(u, { name: 'Anna Riva' });
    await u.req({
      method: 'POST',
      url: `/api/v1/people/${anna.id}/needs`,
      payload: { text: 'Cerca serramenti nuovi per la casa di Roberto, il marito' },
    });

    type Item = { id: string; name: string; match: { field: string; text: string } | null };
    const search = async (q: string, limit = 50): Promise<Item[]> => {
      const out: Item[] = [];
      let cursor: string | null = null;
      do {
        const res = await u.req({
          method: 'GET',
          url: `/api/v1/people?q=${encodeURIComponent(q)}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
        });
        expect(res.statusCode).toBe(200);
        const body = res.json<{ items: Item[]; nextCursor: string | null }>();
        out.push(...body.items);
        cursor = body.nextCursor;
      } while (cursor);
      return out;
    };
    const ids = (items: Item[]) => items.map((i) => i.id);
    const twins = (a: string, b: string) => [a, b].sort();

    const federica = await search('Federica');
    expect(ids(federica.slice(0, 2)).sort()).toEqual(twins(villa.id, villa2.id));
    expect(ids(federica.slice(2))).toEqual([enrico.id]);
    expect(federica[0]?.match).toBeNull();
    expect(federica[2]?.match).toEqual({ field: 'notes', text: 'Fratello di Federica, organizza le cene del BNI' });

    const feder = await search('feder');
    expect(ids(feder)).toEqual([...ids(federica.slice(0, 2)), alberto.id, enrico.id]);

    for (const limit of [1, 2, 50]) {
      const roberto = await search('roberto', limit);
      expect(ids(roberto.slice(0, 2)).sort()).toEqual(twins(rob1.id, rob2.id));
      expect(ids(roberto.slice(2))).toEqual([angela.id, anna.id, bruno.id]);
      expect(roberto.map((i) => i.match?.field ?? null)).toEqual([null, null, 'company', 'need', 'role']);
    }
    const robert = await search('robert');
    expect(ids(robert.slice(0, 1))).toEqual([roberta.id]);
    expect(ids(robert.slice(1, 3)).sort()).toEqual(twins(rob1.id, rob2.id));
    expect(
      ids(await search('colombo roberto'))
        .slice(0, 2)
        .sort(),
    ).toEqual(twins(rob1.id, rob2.id));
    const serramenti = await search('roberto serramenti');
    expect(serramenti.map((i) => [i.id, i.match?.field])).toEqual([
      [anna.id, 'need'],
      [rob1.id, 'company'],
    ]);
  });

  it('takes a link typed without https:// as people type it, on create and on change, and refuses what is not a web address', async () => {
    const p = await createPerson(alice, { name: 'Roberto Colombo', links: [{ value: 'www.colomboserramenti.it' }] });
    expect(p.links).toEqual([{ value: 'https://www.colomboserramenti.it', label: null }]);
    const patched = await alice.req({
      method: 'PATCH',
      url: `/api/v1/people/${p.id}`,
      payload: { links: [{ value: ' colomboserramenti.it/chi-siamo ' }, { value: 'http://example.org/x' }] },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().links.map((l: { value: string }) => l.value)).toEqual([
      'https://colomboserramenti.it/chi-siamo',
      'http://example.org/x',
    ]);
    for (const value of [
      'javascript:alert(1)',
      'colombo',
      'ftp://example.org',
      'mailto:roberto@example.it',
      'https://localhost',
    ]) {
      const bad = await alice.req({ method: 'POST', url: '/api/v1/people', payload: { name: 'Bad Link', links: [{ value }] } });
      expect(bad.statusCode, value).toBe(400);
      expect(bad.json().error.details[0].path).toBe('links.0.value');
    }
  });

  it('creates a person with needs, offers, how we met and notes in one request, all or nothing', async () => {
    const u = await signup(t.app);
    const res = await u.req({
      method: 'POST',
      url: '/api/v1/people',
      payload: {
        name: 'Beatrice Fabbri',
        howMet: 'Cena del gruppo imprenditori, marzo',
        notes: 'Vuole crescere fuori regione',
        needs: [{ text: 'Personale per l’alta stagione' }, { text: 'Diventare Società Benefit', status: 'satisfied' }],
        offers: [{ text: 'Catering for corporate events up to 500 people' }],
      },
    });
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({ howMet: 'Cena del gruppo imprenditori, marzo', notes: 'Vuole crescere fuori regione' });
    expect(p.needs.map((n: { text: string; status: string }) => [n.text, n.status])).toEqual([
      ['Personale per l’alta stagione', 'open'],
      ['Diventare Società Benefit', 'satisfied'],
    ]);
    expect(p.offers).toEqual([
      expect.objectContaining({ text: 'Catering for corporate events up to 500 people', language: 'en' }),
    ]);
    // At once visible to search and to the Value Finder's index.
    const found = (await u.req({ method: 'GET', url: '/api/v1/people?q=catering' })).json();
    expect(found.items.map((i: { id: string }) => i.id)).toEqual([p.id]);

    // A bad offer, a bad need or a foreign introducer: a 400 naming the field, and nobody is created.
    const bad = [
      {
        payload: { name: 'Half Written', needs: [{ text: 'Un commercialista' }], offers: [{ text: 'x' }] },
        path: 'offers.0.text',
      },
      { payload: { name: 'Half Written', needs: [{ text: 'ok need' }, { text: '' }] }, path: 'needs.1.text' },
      {
        payload: { name: 'Half Written', offers: [{ text: 'fine offer' }], introducedById: crypto.randomUUID() },
        path: 'introducedById',
      },
    ];
    for (const b of bad) {
      const r = await u.req({ method: 'POST', url: '/api/v1/people', payload: b.payload });
      expect(r.statusCode, JSON.stringify(b.payload)).toBe(400);
      expect(r.json().error.details.map((d: { path: string }) => d.path)).toContain(b.path);
    }
    const facets = (await u.req({ method: 'GET', url: '/api/v1/people/facets' })).json();
    expect(facets.total).toBe(1);
  });

  it('stores a birthday with or without the year, changes and clears it, and refuses a day the calendar has not', async () => {
    const u = await signup(t.app);
    const p = await createPerson(u, { name: 'Zoë Leap', birthday: '1984-02-29' });
    expect(p.birthday).toBe('1984-02-29');
    const get = async () => (await u.req({ method: 'GET', url: `/api/v1/people/${p.id}` })).json<{ birthday: string | null }>();
    expect((await get()).birthday).toBe('1984-02-29');
    const patch = (birthday: unknown) => u.req({ method: 'PATCH', url: `/api/v1/people/${p.id}`, payload: { birthday } });
    // 29 February without a year is a birthday (it comes on 28 February in common years).
    expect((await patch('--02-29')).json().birthday).toBe('--02-29');
    expect((await get()).birthday).toBe('--02-29');
    // A change of another field leaves it as it is.
    await u.req({ method: 'PATCH', url: `/api/v1/people/${p.id}`, payload: { city: 'Bologna' } });
    expect((await get()).birthday).toBe('--02-29');
    for (const [bad, message] of [
      ['2023-02-29', '2023 is not a leap year: it has no 29 February'],
      ['1900-02-29', '1900 is not a leap year: it has no 29 February'],
      ['1984-04-31', '1984-04-31 is not a day of the calendar'],
      ['--13-01', 'there is no month 13'],
      ['19840229', 'a birthday is YYYY-MM-DD, or --MM-DD when the year is unknown'],
      ['29/02/1984', 'a birthday is YYYY-MM-DD, or --MM-DD when the year is unknown'],
      ['', 'a birthday is YYYY-MM-DD, or --MM-DD when the year is unknown'],
      ['0984-01-01', 'the year must be 1000 or later'],
    ]) {
      const res = await patch(bad);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error, bad).toMatchObject({ code: 'validation_failed', details: [{ path: 'birthday', message }] });
      const created = await u.req({ method: 'POST', url: '/api/v1/people', payload: { name: 'Not Born', birthday: bad } });
      expect(created.statusCode, bad).toBe(400);
    }
    expect((await get()).birthday).toBe('--02-29');
    expect((await patch(null)).json().birthday).toBeNull();
    expect((await get()).birthday).toBeNull();
    // A person created without one has none.
    expect((await createPerson(u, { name: 'No Birthday' })).birthday).toBeNull();
  });

  it('shows an edit in the very next search', async () => {
    const p = await createPerson(alice, { name: 'Laura Conti' });
    const before = await alice.req({ method: 'GET', url: '/api/v1/people?q=sommelier' });
    expect(before.json().items).toEqual([]);
    await alice.req({ method: 'PATCH', url: `/api/v1/people/${p.id}`, payload: { role: 'Sommelier' } });
    const after = await alice.req({ method: 'GET', url: '/api/v1/people?q=sommelier' });
    expect(after.json().items.map((i: { id: string }) => i.id)).toEqual([p.id]);
  });

  it('pages with a cursor and filters by tag, city and open needs', async () => {
    const u = await signup(t.app);
    for (let i = 0; i < 7; i++) {
      const p = await createPerson(u, {
        name: `Person ${String(i).padStart(2, '0')}`,
        city: i % 2 ? 'Torino' : 'Roma',
        tags: i < 3 ? ['vip'] : [],
      });
      if (i === 4)
        await u.req({ method: 'POST', url: `/api/v1/people/${p.id}/needs`, payload: { text: 'A lawyer for a contract' } });
    }
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/people?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await u.req({ method: 'GET', url });
      const body = res.json<{ items: Array<{ name: string }>; nextCursor: string | null }>();
      names.push(...body.items.map((i) => i.name));
      cursor = body.nextCursor;
    } while (cursor);
    expect(names).toEqual(['Person 00', 'Person 01', 'Person 02', 'Person 03', 'Person 04', 'Person 05', 'Person 06']);
    const vip = await u.req({ method: 'GET', url: '/api/v1/people?tag=vip&city=Roma' });
    expect(vip.json().items.map((i: { name: string }) => i.name)).toEqual(['Person 00', 'Person 02']);
    const needy = await u.req({ method: 'GET', url: '/api/v1/people?hasOpenNeeds=true' });
    expect(needy.json().items.map((i: { name: string }) => i.name)).toEqual(['Person 04']);
    const bad = await u.req({ method: 'GET', url: '/api/v1/people?cursor=notacursor' });
    expect(bad.statusCode).toBe(400);
    const huge = await u.req({ method: 'GET', url: '/api/v1/people?limit=1000000' });
    expect(huge.statusCode).toBe(400);
  });

  it('keeps a timeline whose newest entry is the last interaction', async () => {
    const p = await createPerson(alice, { name: 'Sarah Whitfield' });
    for (const [kind, at] of [
      ['meeting', '2026-01-10'],
      ['call', '2026-03-02'],
      ['note', '2025-12-01'],
    ] as const) {
      const r = await alice.req({
        method: 'POST',
        url: `/api/v1/people/${p.id}/interactions`,
        payload: { kind, occurredAt: at, summary: `${kind} summary` },
      });
      expect(r.statusCode).toBe(201);
    }
    const body = (await alice.req({ method: 'GET', url: `/api/v1/people/${p.id}` })).json();
    expect(body.timeline.map((i: { kind: string }) => i.kind)).toEqual(['call', 'meeting', 'note']);
    expect(body.lastInteractionAt).toBe('2026-03-02T00:00:00.000Z');
  });

  it('links two contacts both ways and refuses a duplicate link with 409', async () => {
    const a = await createPerson(alice, { name: 'Anna A' });
    const b = await createPerson(alice, { name: 'Bruno B' });
    const r = await alice.req({
      method: 'POST',
      url: `/api/v1/people/${a.id}/relationships`,
      payload: { otherPersonId: b.id, strength: 3, note: 'ex colleghi' },
    });
    expect(r.statusCode).toBe(201);
    const dup = await alice.req({
      method: 'POST',
      url: `/api/v1/people/${b.id}/relationships`,
      payload: { otherPersonId: a.id },
    });
    expect(dup.statusCode).toBe(409);
    const fromB = (await alice.req({ method: 'GET', url: `/api/v1/people/${b.id}` })).json();
    expect(fromB.relationships).toEqual([
      expect.objectContaining({ other: { id: a.id, name: 'Anna A' }, strength: 3, note: 'ex colleghi' }),
    ]);
  });

  it('marks a need satisfied and reopens it', async () => {
    const p = await createPerson(alice, { name: 'Need Owner' });
    const n = (
      await alice.req({ method: 'POST', url: `/api/v1/people/${p.id}/needs`, payload: { text: 'Cerco un avvocato' } })
    ).json();
    const s = await alice.req({ method: 'PATCH', url: `/api/v1/needs/${n.id}`, payload: { status: 'satisfied' } });
    expect(s.json()).toMatchObject({ status: 'satisfied', closedAt: expect.any(String) });
    const o = await alice.req({ method: 'PATCH', url: `/api/v1/needs/${n.id}`, payload: { status: 'open' } });
    expect(o.json()).toMatchObject({ status: 'open', closedAt: null });
  });

  it('keeps my own offers and needs on Me', async () => {
    const add = await alice.req({
      method: 'POST',
      url: `/api/v1/people/${alice.selfPersonId}/offers`,
      payload: { text: 'Consulenza di marketing per PMI' },
    });
    expect(add.statusCode).toBe(201);
    const me = (await alice.req({ method: 'GET', url: '/api/v1/me' })).json();
    expect(me.isSelf).toBe(true);
    expect(me.offers.map((o: { text: string }) => o.text)).toContain('Consulenza di marketing per PMI');
    const list = (await alice.req({ method: 'GET', url: '/api/v1/people?limit=200' })).json();
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(alice.selfPersonId);
    const del = await alice.req({ method: 'DELETE', url: `/api/v1/people/${alice.selfPersonId}` });
    expect(del.statusCode).toBe(409);
  });

  it('creates many people at once, across chunks, visible to search and lists', async () => {
    const u = await signup(t.app);
    const inputs = Array.from({ length: 1_203 }, (_, i) => ({
      name: `Bulk ${String(i).padStart(4, '0')}`,
      city: i % 2 ? 'Napoli' : 'Genova',
      tags: ['bulk'],
      emails: [{ value: `bulk${i}@example.com` }],
      needs: i === 1_202 ? [{ text: 'Cerco un fotografo per il catalogo' }] : [],
      offers: [{ text: `Servizio numero ${i}` }],
    }));
    const ids = await createPeople(t.deps, u.userId, inputs);
    expect(new Set(ids).size).toBe(1_203);
    const facets = (await u.req({ method: 'GET', url: '/api/v1/people/facets' })).json();
    expect(facets.total).toBe(1_203);
    const found = (await u.req({ method: 'GET', url: '/api/v1/people?q=fotografo' })).json();
    expect(found.items.map((p: { name: string }) => p.name)).toEqual(['Bulk 1202']);
    const detail = (await u.req({ method: 'GET', url: `/api/v1/people/${ids[7]}` })).json();
    expect(detail).toMatchObject({ name: 'Bulk 0007', emails: [{ value: 'bulk7@example.com' }], tags: ['bulk'] });
    expect(detail.offers.map((o: { text: string }) => o.text)).toEqual(['Servizio numero 7']);
  });

  it('never serves a stale person detail, also after a change made by another process', async () => {
    const p = await createPerson(alice, { name: 'Cache Probe' });
    const read = async () => (await alice.req({ method: 'GET', url: `/api/v1/people/${p.id}` })).json();
    expect((await read()).needs).toEqual([]);
    const other = await buildApp({ db: t.deps.db, dialect: t.deps.dialect, config: t.deps.config });
    try {
      const r = await other.app.inject({
        method: 'POST',
        url: `/api/v1/people/${p.id}/needs`,
        headers: { cookie: alice.cookie, 'x-csrf-token': alice.csrf },
        payload: { text: 'Cerco un grafico' },
      });
      expect(r.statusCode).toBe(201);
    } finally {
      await other.app.close();
    }
    expect((await read()).needs.map((n: { text: string }) => n.text)).toEqual(['Cerco un grafico']);
    await alice.req({
      method: 'POST',
      url: `/api/v1/people/${p.id}/interactions`,
      payload: { kind: 'call', occurredAt: '2026-02-03' },
    });
    const after = await read();
    expect(after.timeline).toHaveLength(1);
    expect(after.lastInteractionAt).toBe('2026-02-03T00:00:00.000Z');
    const res = await alice.req({ method: 'GET', url: `/api/v1/people/${p.id}` });
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  });
});
