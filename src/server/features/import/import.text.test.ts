/**
 * What an import stores as text: never a control character (NUL, ESC, C1, ...: PostgreSQL cannot
 * store NUL, and the API refuses them all), each one removed and reported with its line; and what
 * it writes on the user's behalf in the user's language.
 */
import { describe, expect, it } from 'vitest';
import { appPerSuite, signup } from '#test/helpers/app.ts';
import { dialects } from '#test/helpers/test-db.ts';
import { getPerson } from '../people/people.service.ts';
import { commitImport, previewImport } from './import.service.ts';

const LINKEDIN_HEAD = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

describe.each(dialects())('text an import stores on %s', (dialect) => {
  const t = appPerSuite(dialect, { at: '2024-03-12T10:00:00Z' });

  async function stored(ownerId: string) {
    const rows = await t.db.handle.db
      .selectFrom('people')
      .select('id')
      .where('owner_id', '=', ownerId)
      .where('is_self', '=', 0)
      .orderBy('sort_name')
      .execute();
    return Promise.all(rows.map((r) => getPerson(t.deps, ownerId, r.id)));
  }

  it('removes control characters from a CSV and reports each with its line', async () => {
    const u = await signup(t.app);
    const file = Buffer.from(
      [
        LINKEDIN_HEAD,
        'Anna,Ve\u0000rdi,https://www.linkedin.com/in/anna-verdi,,Acme\u001b[2J,CEO,12 Mar 2024',
        'Bruno,Neri,https://www.linkedin.com/in/bruno-neri,bruno\u0085@example.com,Beta,CTO\u009b,01 Feb 2023',
        'Carla,Blu,https://www.linkedin.com/in/carla-blu,,Gamma,CFO,01 Feb 2023',
      ].join('\n'),
    );
    const r = await commitImport(t.deps, u.userId, file);
    expect(r.toCreate).toBe(3);
    expect(r.problems.map((p) => [p.line, p.code, p.params.field])).toEqual([
      [2, 'control_chars_removed', 'familyName'],
      [2, 'control_chars_removed', 'name'],
      [2, 'control_chars_removed', 'company'],
      [3, 'control_chars_removed', 'email'],
      [3, 'control_chars_removed', 'role'],
    ]);
    const people = await stored(u.userId);
    expect(people.map((p) => [p.name, p.company, p.role, p.emails[0]?.value ?? null])).toEqual([
      ['Anna Verdi', 'Acme[2J', 'CEO', null],
      ['Bruno Neri', 'Beta', 'CTO', 'bruno@example.com'],
      ['Carla Blu', 'Gamma', 'CFO', null],
    ]);
  });

  it('removes control characters from vCards, raw and quoted-printable, and reports the line', async () => {
    const u = await signup(t.app);
    const file = Buffer.from(
      [
        'BEGIN:VCARD',
        'VERSION:2.1',
        'FN;ENCODING=QUOTED-PRINTABLE:Dario=00 Fo',
        'NOTE:first\u0007 line\\nsecond line',
        'TEL;CELL:333 123 4567',
        'END:VCARD',
      ].join('\r\n'),
    );
    const preview = await previewImport(t.deps, u.userId, file);
    expect(preview.problems.map((p) => [p.line, p.code, p.params.field])).toEqual([
      [3, 'control_chars_removed', 'name'],
      [4, 'control_chars_removed', 'notes'],
    ]);
    await commitImport(t.deps, u.userId, file);
    const [dario] = await stored(u.userId);
    expect(dario).toMatchObject({ name: 'Dario Fo', notes: 'first line\nsecond line' });
  });

  it('restores a JSON export holding NUL and other controls (a 500 on PostgreSQL before), without them', async () => {
    const u = await signup(t.app);
    const a = crypto.randomUUID();
    const b = crypto.randomUUID();
    const doc = {
      format: 'rete-export',
      people: [
        {
          id: a,
          name: 'Elena\u0000 Rossi',
          notes: 'line one\r\nline two\u0000',
          emails: [{ value: 'elena@example.com', label: 'work\u001b' }],
          tags: ['clienti\u0000'],
          needs: [{ text: 'A new\u0000 website' }],
          timeline: [{ kind: 'call', occurredAt: '2024-01-01T10:00:00.000Z', summary: 'Call\u0090 about the site' }],
        },
        { id: b, name: 'Franco Blu' },
      ],
      relationships: [{ personAId: a, personBId: b, strength: 2, note: 'cousins\u0000' }],
    };
    const r = await commitImport(t.deps, u.userId, Buffer.from(JSON.stringify(doc)));
    expect(r).toMatchObject({ format: 'json', toCreate: 2 });
    expect(r.problems.map((p) => [p.line, p.code, p.params.field])).toEqual([
      [1, 'control_chars_removed', 'name'],
      [1, 'control_chars_removed', 'notes'],
      [1, 'control_chars_removed', 'email'],
      [1, 'control_chars_removed', 'tag'],
      [1, 'control_chars_removed', 'need'],
      [1, 'control_chars_removed', 'timeline'],
      [0, 'control_chars_removed', 'relationship'],
    ]);
    const [elena] = await stored(u.userId);
    expect(elena).toMatchObject({
      name: 'Elena Rossi',
      notes: 'line one\nline two',
      tags: ['clienti'],
      emails: [{ value: 'elena@example.com', label: 'work' }],
      needs: [{ text: 'A new website' }],
      timeline: [{ summary: 'Call about the site' }],
      relationships: [{ note: 'cousins' }],
    });
    expect(JSON.stringify(elena)).not.toMatch(CONTROL);
  });

  it('writes "how we met" of a LinkedIn connection in the language of the account', async () => {
    const file = Buffer.from(
      [
        LINKEDIN_HEAD,
        'Giulia,Ferri,https://www.linkedin.com/in/giulia-ferri,,Studio Ferri,Partner,20 Aug 2018',
        'Marco,Rossi,https://www.linkedin.com/in/marco-rossi,,Rossi,CEO,',
      ].join('\n'),
    );
    const it = await signup(t.app, { locale: 'it' });
    await commitImport(t.deps, it.userId, file);
    expect((await stored(it.userId)).map((p) => p.howMet)).toEqual([
      'Collegamento su LinkedIn, 20 ago 2018',
      'Collegamento su LinkedIn',
    ]);
    const en = await signup(t.app, { locale: 'en' });
    await commitImport(t.deps, en.userId, file);
    expect((await stored(en.userId)).map((p) => p.howMet)).toEqual([
      'Connected on LinkedIn, 20 Aug 2018',
      'Connected on LinkedIn',
    ]);
  });
});
