import { beforeAll, describe, expect, it } from 'vitest';
import { appPerSuite, createPerson, signup, userPerSuite } from '#test/helpers/app.ts';
import { dialects } from '#test/helpers/test-db.ts';
import { tableNames } from '#test/helpers/world.ts';
import type { Executor } from '../../db/db.ts';
import { parseContacts } from '../import/parse/index.ts';
import { commitImport } from '../import/import.service.ts';
import {
  EXPORTED_TABLES,
  NOT_EXPORTED_TABLES,
  csvCell,
  exportAccount,
  foldLine,
  neutraliseCell,
  toCsv,
  type AccountExport,
  type AccountPerson,
  type ExportFormat,
} from './export.service.ts';

const SECRET = 'Zs3cr3tAnsw3rL1nkS3cr3tV4lu3xxxxxxxxxxxxxx';
const TOKEN_HASH = 'f'.repeat(64);

/**
 * An introduction (sides, events, an answer token, its email kept in outbox mode with the live
 * link), a give with a recipient and an outcome, business received and an objection, written
 * straight into the tables; `mark` goes into every free text so that rows can be told apart.
 */
async function ledgerAndIntros(
  db: Executor,
  ownerId: string,
  a: string,
  b: string,
  mark: string,
): Promise<Record<string, string>> {
  const at = '2026-02-01T10:00:00.000Z';
  const intro = crypto.randomUUID();
  const give = crypto.randomUUID();
  const mail = crypto.randomUUID();
  await db
    .insertInto('intros')
    .values({
      id: intro,
      owner_id: ownerId,
      status: 'asked',
      ask_order: 'both',
      note: `intro note ${mark}`,
      created_at: at,
      updated_at: at,
      sent_at: at,
      connected_at: null,
      closed_at: null,
    })
    .execute();
  const side = (s: 'a' | 'b', person: string) => ({
    intro_id: intro,
    side: s,
    owner_id: ownerId,
    person_id: person,
    is_self: 0,
    language: 'it' as const,
    status: 'asked' as const,
    subject: `subject ${mark} ${s}`,
    body: `body ${mark} ${s}`,
    message_edited: 0,
    asked_at: at,
    reminded_at: null,
    answered_at: null,
    expires_at: '2026-03-01T10:00:00.000Z',
  });
  await db
    .insertInto('intro_sides')
    .values([side('a', a), side('b', b)])
    .execute();
  const tokenId = crypto.randomUUID();
  await db
    .insertInto('intro_tokens')
    .values({
      id: tokenId,
      intro_id: intro,
      owner_id: ownerId,
      side: 'a',
      token_hash: mark === 'alice' ? TOKEN_HASH : 'e'.repeat(64),
      created_at: at,
      expires_at: '2026-03-01T10:00:00.000Z',
      used_at: null,
    })
    .execute();
  await db
    .insertInto('intro_events')
    .values([
      { id: crypto.randomUUID(), intro_id: intro, owner_id: ownerId, at, seq: 1, type: 'created', side: null, detail: null },
      {
        id: crypto.randomUUID(),
        intro_id: intro,
        owner_id: ownerId,
        at,
        seq: 2,
        type: 'asked',
        side: 'a',
        detail: JSON.stringify({ tokenId, textVersion: `v-${mark}` }),
      },
    ])
    .execute();
  await db
    .insertInto('mail_messages')
    .values({
      id: mail,
      owner_id: ownerId,
      intro_id: intro,
      side: 'a',
      person_id: a,
      other_person_id: null,
      job_id: null,
      kind: 'intro_request',
      status: 'sent',
      from_addr: JSON.stringify({ name: 'Rete', address: 'rete@example.com' }),
      reply_to: null,
      to_addrs: JSON.stringify([{ name: `To ${mark}`, address: `to-${mark}@example.com` }]),
      cc_addrs: '[]',
      recipient_key: `to-${mark}@example.com`,
      subject: `mail subject ${mark}`,
      text_body: `Hello ${mark}, answer here: https://rete.example.com/i/${SECRET}${mark}`,
      html_body: `<a href="https://rete.example.com/i/${SECRET}${mark}">answer</a>`,
      message_id: null,
      delivery: 'outbox',
      attempts: 1,
      last_error: null,
      created_at: at,
      sent_at: at,
    })
    .execute();
  await db
    .insertInto('gives')
    .values({
      id: give,
      owner_id: ownerId,
      kind: 'introduction',
      given_on: '2026-02-01',
      description: `give ${mark}`,
      need_id: null,
      intro_id: intro,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await db.insertInto('give_recipients').values({ give_id: give, owner_id: ownerId, person_id: a }).execute();
  await db
    .insertInto('outcomes')
    .values({
      id: crypto.randomUUID(),
      owner_id: ownerId,
      give_id: give,
      kind: 'business',
      occurred_on: '2026-02-10',
      value_cents: 150000,
      currency: 'EUR',
      note: `outcome ${mark}`,
      created_at: at,
    })
    .execute();
  await db
    .insertInto('received_business')
    .values({
      id: crypto.randomUUID(),
      owner_id: ownerId,
      received_on: '2026-02-15',
      description: `business ${mark}`,
      referred_by_id: b,
      value_cents: 99900,
      currency: 'EUR',
      created_at: at,
      updated_at: at,
    })
    .execute();
  await db
    .insertInto('person_objections')
    .values({ person_id: b, owner_id: ownerId, objected_at: at, intro_id: intro })
    .execute();
  // An ask to a to make an introduction to b, for me, with its answer link.
  const self = await db
    .selectFrom('people')
    .select('id')
    .where('owner_id', '=', ownerId)
    .where('is_self', '=', 1)
    .executeTakeFirstOrThrow();
  const ask = crypto.randomUUID();
  await db
    .insertInto('intro_asks')
    .values({
      id: ask,
      owner_id: ownerId,
      via_person_id: a,
      helper_person_id: b,
      for_person_id: self.id,
      need_id: null,
      need_text: `ask need ${mark}`,
      why: `ask why ${mark}`,
      language: 'it',
      subject: `ask subject ${mark}`,
      body: `ask body ${mark}`,
      status: 'asked',
      intro_id: null,
      created_at: at,
      updated_at: at,
      asked_at: at,
      reminded_at: null,
      answered_at: null,
      expires_at: '2026-03-01T10:00:00.000Z',
      closed_at: null,
    })
    .execute();
  await db
    .insertInto('intro_ask_tokens')
    .values({
      id: crypto.randomUUID(),
      ask_id: ask,
      owner_id: ownerId,
      token_hash: mark === 'alice' ? 'd'.repeat(64) : 'c'.repeat(64),
      created_at: at,
      expires_at: '2026-03-01T10:00:00.000Z',
      used_at: null,
    })
    .execute();
  return { intro, give, mail, tokenId, ask };
}

describe('CSV export cells', () => {
  it('neutralises formulas, also after leading spaces, and leaves phone numbers as they are', () => {
    for (const v of [
      '=1+1',
      '-2',
      '@SUM(A1)',
      '\tx',
      '\rx',
      '  =HYPERLINK("x")',
      '+HYPERLINK("x")',
      '+1+HYPERLINK("x")',
      '+ A1',
      '+',
    ]) {
      expect(neutraliseCell(v), JSON.stringify(v)).toBe(`'${v}`);
    }
    for (const v of [
      'Mario',
      'a=b',
      'x-1',
      'mail@example.com',
      '',
      '1+1',
      '+39 02 1234',
      '+39 333 1234567',
      '\u00a0+1',
      '+1 (555) 010-0100',
    ])
      expect(neutraliseCell(v), JSON.stringify(v)).toBe(v);
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
    const csv = toCsv([p], 'en');
    expect(csv.startsWith('\uFEFFName,Company,Role,')).toBe(true);
    expect(csv).toContain(`'=evil(),"A, B",,,+39 1,`);
    expect(csv).toContain('"line\r\nbreak"');
    expect(csv.endsWith('\r\n')).toBe(true);
    // In Italian: the header in Italian and a semicolon, as Excel in Italian expects.
    const it = toCsv([p], 'it');
    expect(it.startsWith('\uFEFFNome;Azienda;Ruolo;Email;Telefoni;Link;Città;Paese;Etichette;Come ci siamo conosciuti;')).toBe(
      true,
    );
    expect(it).toContain(`'=evil();"A, B";;;+39 1;`);
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
  const t = appPerSuite(dialect);
  const alice = userPerSuite(t);
  const ids: Record<string, string> = {};
  let aliceRows: Record<string, string> = {};

  beforeAll(async () => {
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
      birthday: '1984-02-29',
    });
    const marco = await createPerson(alice, {
      name: 'Marco Rossi',
      company: '=HYPERLINK("http://evil")',
      phones: [{ value: '-1 555 0100' }],
    });
    const zoe = await createPerson(alice, { name: 'Zoë Ångström', emails: [{ value: 'zoe@example.se' }], birthday: '--02-29' });
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
    const gone = await createPerson(alice, { name: 'Tre Cancellato', emails: [{ value: 'tre@example.com' }] });
    await alice.req({ method: 'DELETE', url: `/api/v1/people/${gone.id}?suppress=true` });
    await alice.req({ method: 'POST', url: '/api/v1/tokens', payload: { name: 'script' } });
    await alice.req({
      method: 'POST',
      url: '/api/v1/feedback',
      payload: { itemKind: 'ask', ask: 'un commercialista', personId: giulia.id, verdict: 'good' },
    });
    await alice.req({
      method: 'POST',
      url: '/api/v1/taught-words',
      payload: { phrase: 'la zia Pina', concepts: ['tax.advisor'] },
    });
    // The giving routine: settings, a cadence, a follow-up, a mark on Today.
    await alice.req({ method: 'PATCH', url: '/api/v1/settings/routine', payload: { timeZone: 'Europe/Rome', givingGoal: 2 } });
    await alice.req({ method: 'PUT', url: '/api/v1/cadences', payload: { personId: giulia.id, everyDays: 30 } });
    await alice.req({
      method: 'POST',
      url: '/api/v1/follow-ups',
      payload: { text: 'Richiamare Giulia', dueOn: '2026-02-01', personId: giulia.id },
    });
    await alice.req({
      method: 'POST',
      url: '/api/v1/today/states',
      payload: { key: `going_cold:${marco.id}:2026-01-10`, state: 'dismissed' },
    });
    aliceRows = await ledgerAndIntros(t.deps.db, alice.userId, giulia.id, marco.id, 'alice');
    // Another account with the same kinds of rows: none of them may appear in Alice's export.
    const eve = await signup(t.app);
    const e1 = await createPerson(eve, { name: 'Eve One' });
    const e2 = await createPerson(eve, { name: 'Eve Two' });
    await ledgerAndIntros(t.deps.db, eve.userId, e1.id, e2.id, 'evemark');
  });

  const shape = (
    list: Array<{
      name: string;
      company?: string | null;
      birthday: string | null;
      emails: Array<{ value: string }>;
      phones: Array<{ value: string }>;
    }>,
  ) =>
    list
      .map((p) => ({
        name: p.name,
        company: p.company ?? null,
        birthday: p.birthday,
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
    // Suppression entries are keyed hashes by design (and carry no key); nothing else is a hash.
    expect(JSON.stringify({ ...doc, suppressions: [] })).not.toMatch(/password|hash/i);
    expect(doc.suppressions).toHaveLength(1);
  });

  it('exports introductions, their emails, the give ledger and objections: mine only, no token or live link', async () => {
    const res = await alice.req({ method: 'GET', url: '/api/v1/export?format=json' });
    const doc = res.json<AccountExport>();
    expect(doc.intros).toHaveLength(1);
    expect(doc.intros[0]).toMatchObject({
      id: aliceRows.intro,
      status: 'asked',
      note: 'intro note alice',
      sides: [
        { side: 'a', personId: ids.giulia, status: 'asked', subject: 'subject alice a', body: 'body alice a', isMe: false },
        { side: 'b', personId: ids.marco, subject: 'subject alice b' },
      ],
      events: [
        { seq: 1, type: 'created' },
        { seq: 2, type: 'asked', side: 'a', detail: { textVersion: 'v-alice' } },
      ],
    });
    expect(doc.emails).toHaveLength(1);
    expect(doc.emails[0]).toMatchObject({
      id: aliceRows.mail,
      introId: aliceRows.intro,
      kind: 'intro_request',
      status: 'sent',
      to: [{ name: 'To alice', address: 'to-alice@example.com' }],
      subject: 'mail subject alice',
      text: 'Hello alice, answer here: https://rete.example.com/i/…',
      sentAt: '2026-02-01T10:00:00.000Z',
    });
    expect(doc.gives).toEqual([
      expect.objectContaining({
        id: aliceRows.give,
        description: 'give alice',
        introId: aliceRows.intro,
        recipientIds: [ids.giulia],
        outcomes: [expect.objectContaining({ kind: 'business', valueCents: 150000, currency: 'EUR', note: 'outcome alice' })],
      }),
    ]);
    expect(doc.receivedBusiness).toEqual([
      expect.objectContaining({ description: 'business alice', referredById: ids.marco, valueCents: 99900 }),
    ]);
    expect(doc.objections).toEqual([{ personId: ids.marco, objectedAt: '2026-02-01T10:00:00.000Z', introId: aliceRows.intro }]);
    expect(doc.introAsks).toEqual([
      expect.objectContaining({ id: aliceRows.ask, status: 'asked', needText: 'ask need alice', subject: 'ask subject alice' }),
    ]);
    const text = JSON.stringify({ ...doc, suppressions: [] });
    expect(res.body).not.toContain('evemark');
    expect(res.body).not.toContain(SECRET);
    expect(res.body).not.toContain(TOKEN_HASH);
    expect(res.body).not.toContain('d'.repeat(64));
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(TOKEN_HASH);
    expect(text).not.toContain(aliceRows.tokenId);
    expect(text).not.toMatch(/password|hash|secret|csrf/i);
  });

  it('covers every table: each one is exported or listed as not account data, and each exported one shows up', async () => {
    const tables = await tableNames(t);
    const exported = Object.keys(EXPORTED_TABLES);
    const skipped = Object.keys(NOT_EXPORTED_TABLES);
    expect(exported.filter((x) => skipped.includes(x))).toEqual([]);
    expect(tables.filter((x) => !exported.includes(x) && !skipped.includes(x))).toEqual([]);
    // Every exported table has rows of Alice's in this test, and its section of the export is not empty.
    const doc = (await alice.req({ method: 'GET', url: '/api/v1/export?format=json' })).json<AccountExport>();
    const db = t.db.handle.db;
    for (const [table, key] of Object.entries(EXPORTED_TABLES)) {
      const ownerColumn =
        table === 'users' ? 'id' : ['sessions', 'api_tokens', 'routine_settings'].includes(table) ? 'user_id' : 'owner_id';
      const rows = await db
        .selectFrom(table as 'people')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(ownerColumn as 'owner_id', '=', alice.userId)
        .executeTakeFirstOrThrow();
      expect(Number(rows.n), table).toBeGreaterThan(0);
      const section: unknown = doc[key];
      expect(section, `${table} → ${key}`).toBeTruthy();
      if (Array.isArray(section)) expect(section.length, `${table} → ${key}`).toBeGreaterThan(0);
    }
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

  it('writes birthdays as vCard 4 and 3, CSV and JSON each write them, with or without the year', async () => {
    // Through the service: the route's rate limit is the other tests'.
    const get = async (format: ExportFormat, lang?: 'it' | 'en') =>
      (await exportAccount(t.deps, alice.userId, format, lang)).body;
    const cards = (body: string) => body.split('END:VCARD').filter((c) => c.includes('BEGIN:VCARD'));
    const card = (body: string, name: string) => cards(body).find((c) => c.includes(`FN:${name}`)) ?? '';
    const v4 = await get('vcard');
    expect(card(v4, 'Giulia Ferri')).toContain('\r\nBDAY:19840229\r\n');
    expect(card(v4, 'Zoë Ångström')).toContain('\r\nBDAY:--0229\r\n');
    expect(card(v4, 'Marco Rossi')).not.toContain('BDAY');
    const v3 = await get('vcard3');
    expect(card(v3, 'Giulia Ferri')).toContain('\r\nBDAY:1984-02-29\r\n');
    // vCard 3 has no date without a year: Apple's placeholder year, named as such.
    expect(card(v3, 'Zoë Ångström')).toContain('\r\nBDAY;X-APPLE-OMIT-YEAR=1604:1604-02-29\r\n');
    const csv = await get('csv', 'en');
    const [header, ...rows] = csv.replace(/^\uFEFF/, '').split('\r\n');
    const column = header?.split(',').indexOf('Birthday') ?? -1;
    expect(column).toBeGreaterThan(0);
    const cellOf = (name: string) => rows.find((r) => r.startsWith(name))?.split(',')[column];
    expect(cellOf('Giulia Ferri')).toBe('1984-02-29');
    // A leading "-" is what a spreadsheet reads as a formula: neutralised as every such cell.
    expect(cellOf('Zoë Ångström')).toBe("'--02-29");
    expect(cellOf('Marco Rossi')).toBe('');
    expect((await get('csv', 'it')).split('\r\n')[0]).toContain(';Come ci siamo conosciuti;Compleanno;Note;');
    const doc = JSON.parse(await get('json')) as AccountExport;
    expect(doc.people.map((p) => [p.name, p.birthday]).sort()).toEqual([
      ['Giulia Ferri', '1984-02-29'],
      ['Marco Rossi', null],
      ['Zoë Ångström', '--02-29'],
    ]);
  });

  it('reads back a birthday of a Rete JSON export only when it is a day of the calendar', async () => {
    const doc = JSON.parse((await exportAccount(t.deps, alice.userId, 'json')).body) as AccountExport;
    const people = doc.people.map((p) =>
      p.name === 'Marco Rossi' ? { ...p, birthday: '2023-02-29' } : p.name === 'Giulia Ferri' ? { ...p, birthday: 19840229 } : p,
    );
    const bob = await signup(t.app);
    const r = await commitImport(t.deps, bob.userId, Buffer.from(JSON.stringify({ ...doc, people })));
    expect(r.toCreate).toBe(3);
    expect(r.problems).toEqual([
      expect.objectContaining({ code: 'birthday_not_date', severity: 'warning', params: { value: '"2023-02-29"' } }),
    ]);
    const back = JSON.parse((await exportAccount(t.deps, bob.userId, 'json')).body) as AccountExport;
    expect(back.people.map((p) => [p.name, p.birthday]).sort()).toEqual([
      ['Giulia Ferri', null],
      ['Marco Rossi', null],
      ['Zoë Ångström', '--02-29'],
    ]);
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
    // Alice's account is in Italian: Italian header, semicolons.
    expect(res.body.startsWith('\uFEFFNome;Azienda;Ruolo;')).toBe(true);
    expect(res.body).toContain(`Marco Rossi;"'=HYPERLINK(""http://evil"")";;;'-1 555 0100;`);
    expect(res.body).toContain('"Studio Ferri; Associati"');
    const en = await alice.req({ method: 'GET', url: '/api/v1/export?format=csv&lang=en' });
    expect(en.body.startsWith('\uFEFFName,Company,Role,')).toBe(true);
    expect(en.body).toContain(`Marco Rossi,"'=HYPERLINK(""http://evil"")",,,'-1 555 0100,`);
    expect((await alice.req({ method: 'GET', url: '/api/v1/export?format=csv&lang=fr' })).statusCode).toBe(400);
  });

  it('refuses an unknown format and anonymous requests', async () => {
    expect((await alice.req({ method: 'GET', url: '/api/v1/export?format=xls' })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/export' })).statusCode).toBe(401);
  });
});
