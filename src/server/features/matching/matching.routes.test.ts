import { beforeAll, describe, expect, it } from 'vitest';
import { createNetworkCache } from '../../deps.ts';
import { appPerSuite, createPerson, signup, userPerSuite } from '#test/helpers/app.ts';
import { dialects } from '#test/helpers/test-db.ts';
import { matchText } from './matching.service.ts';

describe.each(dialects())('value finder on %s', (dialect) => {
  const t = appPerSuite(dialect);
  const me = userPerSuite(t);
  let ids: Record<string, string>;

  const add = async (personId: string, table: 'needs' | 'offers', text: string) => {
    const r = await me.req({ method: 'POST', url: `/api/v1/people/${personId}/${table}`, payload: { text } });
    expect(r.statusCode).toBe(201);
    return r.json<{ id: string }>().id;
  };
  const link = async (a: string, b: string, strength: number) => {
    const r = await me.req({ method: 'POST', url: `/api/v1/people/${a}/relationships`, payload: { otherPersonId: b, strength } });
    expect(r.statusCode).toBe(201);
  };

  beforeAll(async () => {
    const mk = async (name: string, role: string, city: string) => (await createPerson(me, { name, role, city })).id;
    ids = {
      chiara: await mk('Chiara Rinaldi', 'Titolare, carpenteria metallica', 'Brescia'),
      federica: await mk('Federica Villa', 'Consulente finanza d’impresa', 'Milano'),
      sarah: await mk('Sarah Whitfield', 'Tax advisor for expats', 'Bologna'),
      laura: await mk('Laura Conti', 'Avvocato', 'Milano'),
      tom: await mk('Tom Hughes', 'Founder', 'Bologna'),
    };
    await add(ids.chiara as string, 'needs', 'I clienti pagano le fatture a 120 giorni e siamo sempre senza liquidità');
    await add(ids.chiara as string, 'offers', 'Lavorazioni di carpenteria metallica su misura');
    await add(ids.federica as string, 'offers', 'Factoring e anticipo fatture per PMI');
    await add(ids.sarah as string, 'offers', 'Italian tax returns for foreigners, explained in plain English');
    await add(ids.laura as string, 'offers', 'Recupero crediti e decreti ingiuntivi');
    await add(ids.tom as string, 'needs', 'We need custom metal parts for our shop fittings');
    await add(me.selfPersonId, 'offers', 'Consulenza per il recupero dei crediti commerciali e gestione degli insoluti');
    // I know Laura well; Laura knows Federica; I have never met Federica.
    await link(me.selfPersonId, ids.laura as string, 3);
    await link(ids.laura as string, ids.federica as string, 3);
  });

  it('answers a problem-stated need with my offer first, then the network, with reasons and paths', async () => {
    const res = await me.req({ method: 'GET', url: `/api/v1/people/${ids.chiara}/value-finder` });
    expect(res.statusCode).toBe(200);
    const vf = res.json();
    expect(vf.person.name).toBe('Chiara Rinaldi');
    expect(vf.needs).toHaveLength(1);
    const n = vf.needs[0];
    expect(n.mine.map((h: { person: { isSelf: boolean } }) => h.person.isSelf)).toEqual([true]);
    const names = n.network.map((h: { person: { name: string } }) => h.person.name);
    expect(names).toEqual(expect.arrayContaining(['Federica Villa', 'Laura Conti']));
    expect(names).not.toContain('Chiara Rinaldi');
    const federica = n.network.find((h: { person: { name: string } }) => h.person.name === 'Federica Villa');
    expect(federica.reasons.length).toBeGreaterThan(0);
    expect(federica.path).toEqual({
      kind: 'via',
      via: [expect.objectContaining({ personId: ids.laura, name: 'Laura Conti', myStrength: 3, theirStrength: 3 })],
    });
    const laura = n.network.find((h: { person: { name: string } }) => h.person.name === 'Laura Conti');
    expect(laura.path).toMatchObject({ kind: 'direct', strength: 3 });
  });

  it('finds who needs what the person offers, across languages', async () => {
    const vf = (await me.req({ method: 'GET', url: `/api/v1/people/${ids.chiara}/value-finder` })).json();
    expect(vf.offers).toHaveLength(1);
    expect(vf.offers[0].seekers.map((s: { person: { name: string } }) => s.person.name)).toContain('Tom Hughes');
  });

  it('matches a typed need across languages in the "I need" box', async () => {
    const res = await me.req({
      method: 'GET',
      url: `/api/v1/match?q=${encodeURIComponent('cerco un commercialista che parli inglese per un expat')}`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0].person.name).toBe('Sarah Whitfield');
    const bad = await me.req({ method: 'GET', url: '/api/v1/match?q=' });
    expect(bad.statusCode).toBe(400);
  });

  it('shows an edited offer in the very next answer, also to another process', async () => {
    const other = createNetworkCache(t.deps.db); // a second server process on the same database
    const q = 'affitto di un piccolo ufficio a Bologna';
    const before = (await matchText({ ...t.deps, network: other }, me.userId, q, 5)).items;
    expect(before.map((h) => h.person.name)).not.toContain('Tom Hughes');
    const offerId = await add(ids.tom as string, 'offers', 'Short-term office space to rent in central Bologna');
    const after = (await matchText({ ...t.deps, network: other }, me.userId, q, 5)).items;
    expect(after[0]?.person.name).toBe('Tom Hughes');
    await me.req({ method: 'DELETE', url: `/api/v1/offers/${offerId}` });
    const gone = (await matchText({ ...t.deps, network: other }, me.userId, q, 5)).items;
    expect(gone.map((h) => h.person.name)).not.toContain('Tom Hughes');
  });

  it("never reveals another user's network", async () => {
    const stranger = await signup(t.app);
    const vf = await stranger.req({ method: 'GET', url: `/api/v1/people/${ids.chiara}/value-finder` });
    expect(vf.statusCode).toBe(404);
    const m = await stranger.req({ method: 'GET', url: `/api/v1/match?q=${encodeURIComponent('factoring anticipo fatture')}` });
    expect(m.json().items).toEqual([]);
  });
});

describe.each(dialects())('people known only by their role, after a LinkedIn import, on %s', (dialect) => {
  const t = appPerSuite(dialect);
  const me = userPerSuite(t);

  // A LinkedIn "Connections.csv": names, company and position only, no offer typed by anyone.
  const linkedin = Buffer.from(
    [
      'Notes:',
      '"When exporting your connection data, you may notice that some of the email addresses are missing."',
      '',
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      'Lucia,Galli,https://www.linkedin.com/in/lucia-galli,,Studio Galli,Commercialista,12 Mar 2021',
      'Piero,Bassani,https://www.linkedin.com/in/piero-bassani,,Bassani & Partners,Dottore Commercialista,03 Feb 2020',
      'Francesca,Moretti,https://www.linkedin.com/in/francesca-moretti,,Moretti Legal,Avvocato giuslavorista,18 Jan 2022',
      'Giorgio,Lanza,https://www.linkedin.com/in/giorgio-lanza,,Studio Legale Lanza,Avvocato civilista,07 Jul 2019',
      'Sara,Villa,https://www.linkedin.com/in/sara-villa,,Villa Trasporti,Freight Director,21 Sep 2020',
      'Marco,Riva,https://www.linkedin.com/in/marco-riva,,Riva Immobiliare,Agente immobiliare,02 May 2018',
      'Elena,Costa,https://www.linkedin.com/in/elena-costa,,Acme Srl,Marketing Manager,11 Nov 2021',
      'Paolo,Neri,https://www.linkedin.com/in/paolo-neri,,Studio Neri,Consulente del lavoro,30 Jun 2017',
    ].join('\r\n'),
  );

  beforeAll(async () => {
    const done = await me.req({
      method: 'POST',
      url: '/api/v1/imports?filename=Connections.csv',
      headers: { 'content-type': 'application/octet-stream' },
      payload: linkedin,
    });
    expect(done.statusCode, done.body).toBe(201);
    // Someone with a typed offer in the same network, that must not crowd out the right roles.
    const other = await createPerson(me, { name: 'Tom Hughes', role: 'Founder', city: 'Bologna' });
    const r = await me.req({
      method: 'POST',
      url: `/api/v1/people/${other.id}/offers`,
      payload: { text: 'Short-term office space to rent in central Bologna' },
    });
    expect(r.statusCode).toBe(201);
  });

  interface Result {
    items: Array<{
      person: { name: string; role: string | null };
      offer: { text: string } | null;
      reasons: Array<{ kind: string; source: string; needText: string; offerText: string; labelIt: string | null }>;
    }>;
    shown: number;
  }
  const ask = async (q: string): Promise<Result> => {
    const res = await me.req({ method: 'GET', url: `/api/v1/match?q=${encodeURIComponent(q)}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Result>();
  };

  it('finds the commercialisti for an Italian ask, from their role, and says so', async () => {
    const r = await ask('Cerco un commercialista');
    const shown = r.items.slice(0, r.shown);
    expect(shown.map((h) => h.person.name).sort()).toEqual(['Lucia Galli', 'Piero Bassani']);
    for (const h of shown) {
      expect(h.offer).toBeNull();
      expect(h.reasons.length).toBeGreaterThan(0);
      expect(h.reasons[0]).toMatchObject({ kind: 'concept', source: 'role' });
      expect(h.reasons[0]!.offerText.toLowerCase()).toContain('commercialista');
    }
  });

  it('finds the lawyers for an English ask', async () => {
    const r = await ask('I need a lawyer');
    const shown = r.items.slice(0, r.shown).map((h) => h.person.name);
    expect(shown).toEqual(expect.arrayContaining(['Francesca Moretti', 'Giorgio Lanza']));
    expect(shown).not.toContain('Paolo Neri');
    expect(shown).not.toContain('Marco Riva');
    expect(r.items.every((h) => h.reasons.length > 0)).toBe(true);
  });

  it('shows a person once: by their offer once they type one, by their role again once it is gone', async () => {
    const lucia = (await me.req({ method: 'GET', url: '/api/v1/people?q=Lucia%20Galli' })).json<{
      items: Array<{ id: string }>;
    }>().items[0]!;
    const add = await me.req({
      method: 'POST',
      url: `/api/v1/people/${lucia.id}/offers`,
      payload: { text: 'Tengo la contabilità di piccole srl e preparo i bilanci' },
    });
    expect(add.statusCode).toBe(201);
    const withOffer = await ask('Cerco un commercialista');
    const rows = withOffer.items.filter((h) => h.person.name === 'Lucia Galli');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.offer?.text).toContain('contabilità');
    await me.req({ method: 'DELETE', url: `/api/v1/offers/${add.json<{ id: string }>().id}` });
    const again = (await ask('Cerco un commercialista')).items.filter((h) => h.person.name === 'Lucia Galli');
    expect(again).toHaveLength(1);
    expect(again[0]!.offer).toBeNull();
  });

  it('says that nobody fits when nobody does', async () => {
    const r = await ask('Cerco un tatuatore bravo');
    expect(r.shown).toBe(0);
  });

  it('puts people known by their role in the Value Finder of a need', async () => {
    const p = await createPerson(me, { name: 'Chiara Rinaldi', role: 'Titolare, carpenteria metallica' });
    await me.req({ method: 'POST', url: `/api/v1/people/${p.id}/needs`, payload: { text: 'Mi serve un avvocato del lavoro' } });
    const vf = (await me.req({ method: 'GET', url: `/api/v1/people/${p.id}/value-finder` })).json<{
      needs: Array<{ network: Array<{ person: { name: string }; offer: unknown }> }>;
    }>();
    expect(vf.needs[0]!.network[0]).toMatchObject({ person: { name: 'Francesca Moretti' }, offer: null });
  });
});
