import { beforeAll, describe, expect, it } from 'vitest';
import { appPerSuite, createPerson, signup, userPerSuite, type Client } from '#test/helpers/app.ts';
import { dialects } from '#test/helpers/test-db.ts';
import { snapshot } from '#test/helpers/world.ts';
import type { ImportResult } from '#shared/api/import.ts';
import type { PersonDetail } from '#shared/api/people.ts';
import type { AccountExport, AccountPerson } from '../export/export.service.ts';

const raw = { 'content-type': 'application/octet-stream' };

/** The content of an export, without what another account cannot keep: ids, the person rows' own update times, the account. */
function content(doc: AccountExport) {
  const names = new Map([...doc.people, ...(doc.me ? [doc.me] : [])].map((p) => [p.id, p.name]));
  const person = (p: AccountPerson) => {
    const { id: _id, updatedAt: _u, introducedById, needs, offers, timeline, ...rest } = p;
    const item = ({ id: _i, ...x }: AccountPerson['needs'][number]) => x;
    return {
      ...rest,
      introducedBy: introducedById ? names.get(introducedById) : null,
      needs: needs.map(item).sort((a, b) => a.text.localeCompare(b.text)),
      offers: offers.map(item).sort((a, b) => a.text.localeCompare(b.text)),
      timeline: timeline.map(({ id: _i, ...x }) => x).sort((a, b) => a.occurredAt.localeCompare(b.occurredAt)),
    };
  };
  const me = doc.me ? person(doc.me) : null;
  return {
    // My profile's name, creation date and source are the new account's own.
    me: me ? { ...me, name: undefined, createdAt: undefined, privacy: undefined } : null,
    // Ordered by content: two people with the same name are listed by id, which another account cannot keep.
    people: doc.people.map(person).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    relationships: doc.relationships
      .map(({ id: _id, personAId, personBId, ...r }) => ({ pair: [names.get(personAId), names.get(personBId)].sort(), ...r }))
      .sort((a, b) => JSON.stringify(a.pair).localeCompare(JSON.stringify(b.pair))),
  };
}

describe.each(dialects())('Rete JSON import on %s', (dialect) => {
  const t = appPerSuite(dialect, { at: '2026-03-01T10:00:00Z' });
  const src = userPerSuite(t, { locale: 'en' });
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const post = async (url: string, payload: Record<string, unknown>) => {
      const res = await src.req({ method: 'POST', url, payload });
      if (res.statusCode !== 201) throw new Error(`${url}: ${res.body}`);
      return res.json<{ id: string }>();
    };
    const marco = await createPerson(src, {
      name: 'Marco Rossi',
      company: 'Rossi & Co',
      emails: [{ value: 'marco@rossi.example' }],
    });
    t.clock.now = new Date('2026-03-02T10:00:00Z');
    const giulia = await createPerson(src, {
      name: 'Giulia Ferri',
      company: 'Studio Ferri',
      role: 'Commercialista',
      city: 'Bologna',
      country: 'Italia',
      language: 'it',
      notes: 'Conosciuta al BNI,\nottima',
      howMet: 'BNI Bologna',
      introducedById: marco.id,
      emails: [{ value: 'giulia@example.it', label: 'work' }, { value: 'g.ferri@example.com' }],
      phones: [{ value: '+39 051 123 4567', label: 'cell' }],
      links: [{ value: 'https://www.linkedin.com/in/giulia-example' }],
      tags: ['clienti', 'bni'],
      legalBasis: 'contract',
      legalBasisNote: 'Our accountant',
    });
    // Same name, no channels, different companies: two people, not one.
    const zoe1 = await createPerson(src, { name: 'Zoë Ångström', company: 'Nordic AB' });
    const zoe2 = await createPerson(src, { name: 'Zoë Ångström' });
    Object.assign(ids, { marco: marco.id, giulia: giulia.id, zoe1: zoe1.id, zoe2: zoe2.id });
    await post(`/api/v1/people/${giulia.id}/needs`, { text: 'Un sito nuovo per lo studio' });
    await post(`/api/v1/people/${giulia.id}/needs`, { text: 'A bookkeeper for the summer', status: 'satisfied' });
    await post(`/api/v1/people/${giulia.id}/offers`, { text: 'Consulenza fiscale per startup' });
    await post(`/api/v1/people/${marco.id}/offers`, { text: 'Office space in Milan', status: 'satisfied' });
    await post(`/api/v1/people/${src.selfPersonId}/offers`, { text: 'Web design for small firms' });
    await post(`/api/v1/people/${src.selfPersonId}/needs`, { text: 'A good lawyer' });
    await post(`/api/v1/people/${giulia.id}/interactions`, { kind: 'meeting', occurredAt: '2026-01-10', summary: 'Caffè' });
    await post(`/api/v1/people/${giulia.id}/interactions`, { kind: 'call', occurredAt: '2026-02-10T15:30:00Z', summary: '' });
    await post(`/api/v1/people/${giulia.id}/relationships`, { otherPersonId: marco.id, strength: 3, note: 'old friends' });
    await post(`/api/v1/people/${marco.id}/relationships`, { otherPersonId: zoe1.id, strength: 1 });
    await src.req({ method: 'PATCH', url: `/api/v1/people/${src.selfPersonId}`, payload: { city: 'Milano', role: 'Designer' } });
  });

  const exportOf = async (c: Client) => {
    const res = await c.req({ method: 'GET', url: '/api/v1/export?format=json' });
    expect(res.statusCode).toBe(200);
    return { doc: res.json<AccountExport>(), bytes: res.rawPayload };
  };
  const importInto = async (c: Client, bytes: Buffer) => {
    const res = await c.req({ method: 'POST', url: '/api/v1/imports', headers: raw, payload: bytes });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<ImportResult>();
  };

  it('exports privacy fields, suppressions, tokens and sessions, but no secret', async () => {
    const tok = await src.req({ method: 'POST', url: '/api/v1/tokens', payload: { name: 'my script' } });
    const secret = tok.json<{ secret: string }>().secret;
    const { doc, bytes } = await exportOf(src);
    expect(doc.account).toMatchObject({ email: src.email, displayName: expect.any(String), locale: 'en' });
    expect(doc.people.find((p) => p.id === ids.giulia)?.privacy).toEqual({
      legalBasis: 'contract',
      legalBasisNote: 'Our accountant',
      source: 'manual',
      sourceAt: '2026-03-02T10:00:00.000Z',
    });
    expect(doc.tokens).toEqual([{ name: 'my script', createdAt: expect.any(String), lastUsedAt: null, revokedAt: null }]);
    expect(doc.sessions).toHaveLength(1);
    expect(doc.suppressions).toEqual([]);
    const text = bytes.toString('utf8');
    const users = (await snapshot(t)).users ?? [];
    const hash = users.map((u) => /"password_hash","([^"]+)"/.exec(u)?.[1]).find((h) => h && text.includes(h));
    expect(hash).toBeUndefined();
    expect(text).not.toContain(secret);
    expect(text).not.toContain(src.csrf);
    expect(text).not.toContain(src.cookie.split('=')[1] as string);
    await src.req({ method: 'DELETE', url: `/api/v1/tokens/${tok.json<{ token: { id: string } }>().token.id}` });
  });

  it('keeps people of one export apart even with the same name and company or a shared email, and re-imports without duplicates', async () => {
    const owner = await signup(t.app, { locale: 'it' });
    for (const p of [
      { name: 'Anna Bruni', company: 'Acme' },
      { name: 'Anna Bruni', company: 'Acme' },
      { name: 'Luca Neri', emails: [{ value: 'info@studio.example' }] },
      { name: 'Paola Neri', emails: [{ value: 'info@studio.example' }] },
    ])
      await createPerson(owner, p);
    const { bytes } = await exportOf(owner);
    const names = async (c: Client) =>
      (await exportOf(c)).doc.people.map((p) => `${p.name}|${p.company ?? ''}|${p.emails.map((e) => e.value).join(',')}`).sort();

    const fresh = await signup(t.app, { locale: 'it' });
    const first = await importInto(fresh, bytes);
    expect(first.created).toHaveLength(4);
    expect(await names(fresh)).toEqual(await names(owner));
    // The same file again: everybody is found, one by one, nothing is created or merged twice.
    const again = await importInto(fresh, bytes);
    expect(again).toMatchObject({ toCreate: 0, created: [] });
    expect(await names(fresh)).toEqual(await names(owner));
  });

  it('restores everything into an empty account: export, import, export again gives the same content', async () => {
    const first = await exportOf(src);
    const fresh = await signup(t.app, { locale: 'en' });
    const r = await importInto(fresh, first.bytes);
    expect(r).toMatchObject({ format: 'json', contacts: 4, toCreate: 4, toMerge: 1, problems: [] });
    const second = await exportOf(fresh);
    expect(content(second.doc)).toEqual(content(first.doc));
    // Spot checks of what the comparison covers.
    const g = second.doc.people.find((p) => p.name === 'Giulia Ferri');
    expect(g?.needs.map((n) => [n.text, n.status]).sort()).toEqual([
      ['A bookkeeper for the summer', 'satisfied'],
      ['Un sito nuovo per lo studio', 'open'],
    ]);
    expect(g?.privacy).toMatchObject({ legalBasis: 'contract', source: 'manual', sourceAt: '2026-03-02T10:00:00.000Z' });
    expect(second.doc.relationships).toHaveLength(2);
    expect(second.doc.people.filter((p) => p.name === 'Zoë Ångström')).toHaveLength(2);
    const detail = (await fresh.req({ method: 'GET', url: `/api/v1/people/${g?.id}` })).json<PersonDetail>();
    expect(detail.introducedBy?.name).toBe('Marco Rossi');
    expect(second.doc.me).toMatchObject({ city: 'Milano', role: 'Designer' });
    // Search sees the restored needs and offers.
    const found = await fresh.req({ method: 'GET', url: '/api/v1/people?q=consulenza' });
    expect(found.json<{ items: Array<{ name: string }> }>().items.map((i) => i.name)).toEqual(['Giulia Ferri']);

    // Importing it again, there or into the account it came from, changes nothing at all.
    for (const c of [fresh, src]) {
      const before = await snapshot(t);
      const again = await importInto(c, first.bytes);
      expect(again).toMatchObject({ toCreate: 0, toMerge: 0, created: [], merged: [] });
      expect(await snapshot(t)).toEqual(before);
    }
  });

  it('merges into a network that already has some of the people, without duplicating anything', async () => {
    const { bytes } = await exportOf(src);
    const other = await signup(t.app, { locale: 'en' });
    const known = await createPerson(other, { name: 'G. Ferri', emails: [{ value: 'GIULIA@example.it' }], city: 'Modena' });
    await other.req({
      method: 'POST',
      url: `/api/v1/people/${known.id}/needs`,
      payload: { text: 'Un sito nuovo per lo studio' },
    });
    const r = await importInto(other, bytes);
    expect(r).toMatchObject({ toCreate: 3, toMerge: 2, merged: expect.arrayContaining([known.id, other.selfPersonId]) });
    const g = (await other.req({ method: 'GET', url: `/api/v1/people/${known.id}` })).json<PersonDetail>();
    expect(g).toMatchObject({ name: 'G. Ferri', city: 'Modena', company: 'Studio Ferri', role: 'Commercialista' });
    expect(g.needs.map((n) => n.text).sort()).toEqual(['A bookkeeper for the summer', 'Un sito nuovo per lo studio']);
    expect(g.emails.map((e) => e.value)).toEqual(['GIULIA@example.it', 'g.ferri@example.com']);
    expect(g.relationships.map((x) => [x.other.name, x.strength])).toEqual([['Marco Rossi', 3]]);
    expect(g.introducedBy?.name).toBe('Marco Rossi');
    expect(g.privacy).toMatchObject({ legalBasis: 'contract', legalBasisNote: 'Our accountant', source: 'manual' });
    const before = await snapshot(t);
    expect(await importInto(other, bytes)).toMatchObject({ toCreate: 0, toMerge: 0 });
    expect(await snapshot(t)).toEqual(before);
  });

  it('skips what does not fit, with a problem per person, and never half-imports', async () => {
    const doc = {
      format: 'rete-export',
      version: 1,
      people: [
        {
          id: crypto.randomUUID(),
          name: 'Good One',
          needs: [{ text: 'x' }, { text: 'A real need', status: 'maybe' }, { text: 'Valid need' }],
        },
        { id: 'not-a-uuid', name: '', emails: [{ value: 'bad' }] },
        {
          name: 'No Id',
          timeline: [{ kind: 'party', occurredAt: 'yesterday' }],
          privacy: { legalBasis: 'whim', source: 'import:vcard' },
        },
      ],
      relationships: [{ personAId: 'nope', personBId: 'nope', strength: 9 }],
    };
    const u = await signup(t.app);
    const r = await importInto(u, Buffer.from(JSON.stringify(doc)));
    expect(r).toMatchObject({ contacts: 2, toCreate: 2 });
    expect(r.problems.map((p) => [p.line, p.severity])).toEqual([
      [1, 'warning'],
      [1, 'warning'],
      [2, 'skipped'],
      [3, 'warning'],
      [0, 'warning'],
    ]);
    const good = (await u.req({ method: 'GET', url: `/api/v1/people/${r.created[0]}` })).json<PersonDetail>();
    expect(good.needs.map((n) => n.text)).toEqual(['Valid need']);
    const noId = (await u.req({ method: 'GET', url: `/api/v1/people/${r.created[1]}` })).json<PersonDetail>();
    expect(noId.privacy).toMatchObject({ legalBasis: null, source: 'import:vcard' });
    expect(noId.timeline).toEqual([]);
  });
});
