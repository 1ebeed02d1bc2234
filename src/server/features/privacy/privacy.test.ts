import { describe, expect, it } from 'vitest';
import { appPerSuite, createPerson, createTestApp, signup, userPerSuite, type Client, type TestApp } from '#test/helpers/app.ts';
import { dialects } from '#test/helpers/test-db.ts';
import { expectErrorShape, login, makeUser, rowsOf, snapshot } from '#test/helpers/world.ts';
import type { ImportPreview, ImportResult } from '#shared/api/import.ts';
import type { PersonDetail } from '#shared/api/people.ts';
import type { Suppression } from '#shared/api/privacy.ts';

const raw = { 'content-type': 'application/octet-stream' };
const linkedin = (rows: string[]) =>
  Buffer.from(['First Name,Last Name,URL,Email Address,Company,Position,Connected On', ...rows].join('\r\n'));
const vcard = (cards: string[]) => Buffer.from(cards.map((c) => `BEGIN:VCARD\r\nVERSION:3.0\r\n${c}\r\nEND:VCARD`).join('\r\n'));

/** Tables holding a row that mentions `needle`, with how many. */
async function tablesWith(t: TestApp, needle: string): Promise<Array<[string, number]>> {
  const out: Array<[string, number]> = [];
  for (const [name, rows] of Object.entries(await snapshot(t))) {
    const n = rows.filter((r) => r.toLowerCase().includes(needle.toLowerCase())).length;
    if (n > 0) out.push([name, n]);
  }
  return out;
}

describe.each(dialects())('privacy on %s', (dialect) => {
  // Dates move forward from here, less than a session's idle time in all.
  const t = appPerSuite(dialect, { at: '2026-05-01T08:00:00Z' });
  const admin = userPerSuite(t); // the first account: the administrator

  const get = async (c: Client, id: string) => (await c.req({ method: 'GET', url: `/api/v1/people/${id}` })).json<PersonDetail>();
  const post = async (c: Client, url: string, payload: Record<string, unknown>) => {
    const res = await c.req({ method: 'POST', url, payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>();
  };
  const upload = async (c: Client, url: string, file: Buffer) => {
    const res = await c.req({ method: 'POST', url, headers: raw, payload: file });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json<ImportPreview & Partial<ImportResult>>();
  };
  const suppressions = async (c: Client) =>
    (await c.req({ method: 'GET', url: '/api/v1/suppressions' })).json<{ items: Suppression[] }>().items;

  describe('privacy fields', () => {
    it('records the source of every person and lets the legal basis be set', async () => {
      const u = await signup(t.app);
      t.clock.now = new Date('2026-05-02T10:00:00Z');
      const p = await createPerson(u, { name: 'Manual Person', legalBasis: 'consent', legalBasisNote: 'Said yes at the fair' });
      expect((await get(u, p.id)).privacy).toEqual({
        legalBasis: 'consent',
        legalBasisNote: 'Said yes at the fair',
        source: 'manual',
        sourceAt: '2026-05-02T10:00:00.000Z',
      });
      const patched = await u.req({
        method: 'PATCH',
        url: `/api/v1/people/${p.id}`,
        payload: { legalBasis: 'legitimate_interest', legalBasisNote: '' },
      });
      expect(patched.statusCode, patched.body).toBe(200);
      expect(patched.json<PersonDetail>().privacy).toMatchObject({
        legalBasis: 'legitimate_interest',
        legalBasisNote: null,
        source: 'manual',
      });
      expectErrorShape(
        await u.req({ method: 'PATCH', url: `/api/v1/people/${p.id}`, payload: { legalBasis: 'because' } }),
        400,
        'validation_failed',
      );

      t.clock.now = new Date('2026-05-03T10:00:00Z');
      const li = await upload(
        u,
        '/api/v1/imports',
        linkedin(['Lia,Neri,https://www.linkedin.com/in/lia-neri,,Neri Srl,CEO,01 Feb 2023']),
      );
      const card = await upload(u, '/api/v1/imports', vcard(['FN:Vito Card\r\nEMAIL:vito@example.com']));
      expect((await get(u, li.created?.[0] as string)).privacy).toEqual({
        legalBasis: null,
        legalBasisNote: null,
        source: 'import:linkedin',
        sourceAt: '2026-05-03T10:00:00.000Z',
      });
      expect((await get(u, card.created?.[0] as string)).privacy.source).toBe('import:vcard');

      const demo = await signup(t.app);
      expect((await demo.req({ method: 'POST', url: '/api/v1/demo' })).statusCode).toBeLessThan(300);
      const some = (await demo.req({ method: 'GET', url: '/api/v1/people?limit=1' })).json<{ items: Array<{ id: string }> }>();
      expect((await get(demo, some.items[0]?.id as string)).privacy.source).toBe('demo');
    });
  });

  describe('erasure', () => {
    it('removes the person from every table, from search and from matching; the others stay', async () => {
      const u = await signup(t.app, { locale: 'en' });
      const before = await createPerson(u, { name: 'Aaa First' }); // sorts before P: P is person_b of its relationship
      const after = await createPerson(u, { name: 'Zzz Last' });
      const introducer = await createPerson(u, { name: 'Intro Ducer' });
      const p = await createPerson(u, {
        name: 'Quirino Zanzibar',
        company: 'Zanzibar Consulting',
        notes: 'xylophonist and friend',
        introducedById: introducer.id,
        emails: [{ value: 'quirino@zanzibar.example' }],
        phones: [{ value: '+39 347 998 8776' }],
        links: [{ value: 'https://www.linkedin.com/in/quirino-zanzibar' }],
        tags: ['xylophone'],
        legalBasis: 'consent',
      });
      const protege = await createPerson(u, { name: 'Pro Tege', introducedById: p.id });
      await post(u, `/api/v1/people/${p.id}/needs`, { text: 'Looking for a xylophone repair shop' });
      await post(u, `/api/v1/people/${p.id}/offers`, { text: 'Customs brokerage for shipments to Zanzibar' });
      await post(u, `/api/v1/people/${p.id}/interactions`, { kind: 'call', occurredAt: '2026-01-05', summary: 'xylophone talk' });
      await post(u, `/api/v1/people/${before.id}/relationships`, { otherPersonId: p.id, strength: 2 });
      await post(u, `/api/v1/people/${p.id}/relationships`, { otherPersonId: after.id, strength: 3, note: 'xylophone band' });

      const search = async (q: string) =>
        (await u.req({ method: 'GET', url: `/api/v1/people?q=${encodeURIComponent(q)}` })).json<{
          items: Array<{ id: string }>;
        }>().items;
      const match = async (q: string) => (await u.req({ method: 'GET', url: `/api/v1/match?q=${encodeURIComponent(q)}` })).body;
      expect((await search('xylophone')).map((i) => i.id)).toEqual([p.id]);
      expect(await match('customs brokerage for a shipment')).toContain(p.id);

      const res = await u.req({ method: 'DELETE', url: `/api/v1/people/${p.id}` });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ ok: true, suppressionId: null });

      // No table holds anything of theirs; the change log keeps one entry with the bare id only.
      expect(await tablesWith(t, p.id)).toEqual([['network_changes', 1]]);
      for (const text of ['zanzibar', 'xylophon', 'quirino', '998 8776', '3479988776'])
        expect(await tablesWith(t, text), text).toEqual([]);
      expect((await get(u, protege.id)).introducedBy).toBeNull();
      expect((await get(u, before.id)).relationships).toEqual([]);
      expect((await get(u, after.id)).relationships).toEqual([]);
      expect((await get(u, introducer.id)).name).toBe('Intro Ducer');
      expect(await search('xylophone')).toEqual([]);
      expect(await search('zanzibar')).toEqual([]);
      expect(await match('customs brokerage for a shipment')).not.toContain(p.id);
      expectErrorShape(await u.req({ method: 'GET', url: `/api/v1/people/${p.id}` }), 404, 'not_found');
      expectErrorShape(await u.req({ method: 'DELETE', url: `/api/v1/people/${u.selfPersonId}` }), 409, 'conflict');
    });

    it('with suppression, keeps only keyed hashes; imports skip that person alone until it is lifted', async () => {
      const u = await signup(t.app);
      const p = await createPerson(u, {
        name: 'Gemma Suppressa',
        company: 'Gemma Srl',
        emails: [{ value: 'Gemma@Example.com' }],
        phones: [{ value: '+39 333 123 4567' }],
        links: [{ value: 'https://www.linkedin.com/in/gemma-suppressa/' }],
      });
      t.clock.now = new Date('2026-05-04T09:00:00Z');
      const res = await u.req({
        method: 'DELETE',
        url: `/api/v1/people/${p.id}?suppress=true&reason=${encodeURIComponent('asked on the phone')}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      const { suppressionId } = res.json<{ suppressionId: string }>();
      expect(suppressionId).toMatch(/^[0-9a-f-]{36}$/);
      expect(await suppressions(u)).toEqual([
        {
          id: suppressionId,
          createdAt: '2026-05-04T09:00:00.000Z',
          reason: 'asked on the phone',
          kinds: ['email', 'phone', 'link'],
        },
      ]);
      // Nothing in clear anywhere: not the name, the email, the phone number or the profile.
      for (const text of ['gemma', '1234567', 'suppressa']) expect(await tablesWith(t, text), text).toEqual([]);
      expect((await tablesWith(t, suppressionId)).map(([name]) => name).sort()).toEqual(['suppression_hashes', 'suppressions']);

      const file = linkedin([
        'Anna,Bassi,https://www.linkedin.com/in/anna-bassi,anna@example.com,Bassi Srl,CEO,01 Feb 2023',
        'Gemma,S.,https://it.linkedin.com/in/gemma-suppressa,,Other,CTO,01 Feb 2023', // by LinkedIn URL
        'Gem,Sup,,GEMMA@example.com,,,01 Feb 2023', // by email
        'Carlo,Conti,,carlo@example.com,Conti Spa,CFO,01 Feb 2023',
      ]);
      const preview = await upload(u, '/api/v1/imports/preview?people=true', file);
      expect(preview).toMatchObject({ contacts: 4, toCreate: 2, suppressed: 2, suppressedLines: [3, 4] });
      expect(preview.people?.map((x) => x.name)).toEqual(['Anna Bassi', 'Carlo Conti']);
      expect(JSON.stringify(preview)).not.toMatch(/gemma/i);
      const done = await upload(u, '/api/v1/imports', file);
      expect(done).toMatchObject({ toCreate: 2, suppressed: 2, suppressedLines: [3, 4] });
      expect(await tablesWith(t, 'gemma')).toEqual([]);
      // By phone, written another way, in a vCard.
      const byPhone = await upload(
        u,
        '/api/v1/imports/preview',
        vcard(['FN:G. S.\r\nTEL:0039 333 1234567', 'FN:Other One\r\nTEL:+39 333 7654321']),
      );
      expect(byPhone).toMatchObject({ toCreate: 1, suppressed: 1, suppressedLines: [1] });

      // Added by hand on purpose: allowed (suppressions only stop imports).
      const manual = await createPerson(u, { name: 'Gemma Again', emails: [{ value: 'gemma@example.com' }] });
      await u.req({ method: 'DELETE', url: `/api/v1/people/${manual.id}` });

      // Another account suppressing the same email stores a different hash.
      const v = await signup(t.app);
      const q = await createPerson(v, { name: 'Gemma Suppressa', emails: [{ value: 'gemma@example.com' }] });
      await v.req({ method: 'DELETE', url: `/api/v1/people/${q.id}?suppress=true` });
      const hashes = (await snapshot(t)).suppression_hashes ?? [];
      const hashOf = (owner: string) =>
        hashes.filter((r) => r.includes(owner) && r.includes('"email"')).map((r) => /"hash","([0-9a-f]{64})"/.exec(r)?.[1]);
      expect(hashOf(u.userId)).toHaveLength(1);
      expect(hashOf(v.userId)).toHaveLength(1);
      expect(hashOf(u.userId)[0]).not.toBe(hashOf(v.userId)[0]);

      // Lifted: the same file brings the person back.
      expect((await u.req({ method: 'DELETE', url: `/api/v1/suppressions/${suppressionId}` })).statusCode).toBe(200);
      expect(await suppressions(u)).toEqual([]);
      expectErrorShape(await u.req({ method: 'DELETE', url: `/api/v1/suppressions/${suppressionId}` }), 404, 'not_found');
      const again = await upload(u, '/api/v1/imports', file);
      expect(again).toMatchObject({ toCreate: 2, suppressed: 0, suppressedLines: [] });
      const gemma = await upload(u, '/api/v1/imports/preview?people=true', file);
      expect(gemma.people?.filter((x) => x.name.startsWith('Gem')).map((x) => x.action)).toEqual(['unchanged', 'unchanged']);
    });

    it('suppresses by name and company a person who had no email, phone or LinkedIn URL', async () => {
      const u = await signup(t.app);
      const p = await createPerson(u, { name: 'Ottavio Nessuno', company: 'Nulla Srl' });
      await u.req({ method: 'DELETE', url: `/api/v1/people/${p.id}?suppress=true` });
      expect((await suppressions(u))[0]?.kinds).toEqual(['name']);
      expect(await tablesWith(t, 'ottavio')).toEqual([]);
      const r = await upload(
        u,
        '/api/v1/imports/preview?people=true',
        vcard(['FN:Ottavio Nessuno\r\nORG:NULLA SRL', 'FN:Ottavio Nessuno\r\nORG:Altro Spa', 'FN:Ottavio Nessuno']),
      );
      expect(r).toMatchObject({ suppressed: 1, suppressedLines: [1], toCreate: 2 });
    });
  });

  describe('account deletion', () => {
    /** An account with something in every table it can own. */
    async function fullAccount(): Promise<{ c: Client; token: string; people: string[] }> {
      const c = await makeUser(t);
      await login(t, c.email, c.password); // a second session
      const one = await createPerson(c, { name: 'Uno Persona', emails: [{ value: 'uno@example.com' }], tags: ['x'] });
      const two = await createPerson(c, { name: 'Due Persona', introducedById: one.id, phones: [{ value: '+39 333 000 1111' }] });
      await post(c, `/api/v1/people/${one.id}/needs`, { text: 'A need of theirs' });
      await post(c, `/api/v1/people/${one.id}/offers`, { text: 'An offer of theirs' });
      await post(c, `/api/v1/people/${c.selfPersonId}/offers`, { text: 'My own offer' });
      await post(c, `/api/v1/people/${one.id}/interactions`, { kind: 'meeting', occurredAt: '2026-01-01', summary: 'met' });
      await post(c, `/api/v1/people/${one.id}/relationships`, { otherPersonId: two.id });
      const gone = await createPerson(c, { name: 'Tre Persona', emails: [{ value: 'tre@example.com' }] });
      await c.req({ method: 'DELETE', url: `/api/v1/people/${gone.id}?suppress=true` });
      const tok = (await c.req({ method: 'POST', url: '/api/v1/tokens', payload: { name: 'script' } })).json<{
        secret: string;
      }>();
      return { c, token: tok.secret, people: [one.id, two.id, c.selfPersonId] };
    }
    const count = (rows: Record<string, string[]>) => Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, v.length]));

    it('deletes every row the account owns and nothing of anyone else; a wrong password deletes nothing', async () => {
      const { c, token, people } = await fullAccount();
      const other = await fullAccount();
      const mine = count(await rowsOf(t, c.userId));
      for (const table of [
        'users',
        'sessions',
        'api_tokens',
        'people',
        'person_channels',
        'person_tags',
        'needs',
        'offers',
        'interactions',
        'relationships',
        'network_changes',
        'suppressions',
        'suppression_hashes',
      ])
        expect(mine[table], table).toBeGreaterThan(0);
      const othersBefore = await rowsOf(t, other.c.userId);

      const bearer = (payload?: unknown) =>
        t.app.inject({
          method: 'DELETE',
          url: '/api/v1/me',
          headers: { authorization: `Bearer ${token}` },
          ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
        });
      // The token's first use stamps it; later uses within the minute write nothing.
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode,
      ).toBe(200);
      const before = await snapshot(t);
      expectErrorShape(
        await c.req({ method: 'DELETE', url: '/api/v1/me', payload: { password: 'wrong password' } }),
        400,
        'invalid_credentials',
      );
      expectErrorShape(await bearer({ password: 'wrong password' }), 400, 'invalid_credentials');
      expectErrorShape(await bearer(), 400);
      expectErrorShape(await bearer({}), 400, 'validation_failed');
      expect(await snapshot(t)).toEqual(before);

      const res = await c.req({ method: 'DELETE', url: '/api/v1/me', payload: { password: c.password } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.cookies.find((k) => k.name.endsWith('rete_session'))?.value).toBe('');
      expect(count(await rowsOf(t, c.userId))).toEqual(Object.fromEntries(Object.keys(mine).map((k) => [k, 0])));
      for (const id of people) expect(await tablesWith(t, id), id).toEqual([]);
      expect(await rowsOf(t, other.c.userId)).toEqual(othersBefore);

      // Session, token and password are all dead.
      expectErrorShape(await c.req({ method: 'GET', url: '/api/v1/people' }), 401, 'unauthenticated');
      expectErrorShape(await bearer({ password: c.password }), 401, 'unauthenticated');
      const relog = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: c.email, password: c.password },
      });
      expect(relog.statusCode).toBe(401);
    });

    it('works with an API token when the password is given too', async () => {
      const { c, token } = await fullAccount();
      const res = await t.app.inject({
        method: 'DELETE',
        url: '/api/v1/me',
        headers: { authorization: `Bearer ${token}` },
        payload: { password: c.password },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(count(await rowsOf(t, c.userId))).toMatchObject({ users: 0, people: 0, api_tokens: 0 });
    });

    it('keeps the last administrator while other accounts exist; the only account can always go', async () => {
      await admin.req({ method: 'GET', url: '/api/v1/people' }); // the session's last-seen stamp moves now, not below
      const before = await snapshot(t);
      const res = await admin.req({ method: 'DELETE', url: '/api/v1/me', payload: { password: admin.password } });
      expectErrorShape(res, 409, 'conflict');
      expect(await snapshot(t)).toEqual(before);

      const solo = await createTestApp(dialect);
      try {
        const only = await signup(solo.app);
        const r = await only.req({ method: 'DELETE', url: '/api/v1/me', payload: { password: only.password } });
        expect(r.statusCode, r.body).toBe(200);
        expect((await solo.app.inject({ method: 'GET', url: '/api/v1/auth/state' })).json()).toMatchObject({ hasUsers: false });
      } finally {
        await solo.close();
      }
    });
  });
});
