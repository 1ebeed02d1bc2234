/**
 * The import planner on its own, without a database: the network is given as the rows the import
 * repository would load, the file as the parsers would read it.
 */
import { describe, expect, it } from 'vitest';
import type { Locale } from '#shared/api/values.ts';
import { normalizeChannel } from '../people/people.service.ts';
import type { ExistingNetwork } from './import.repo.ts';
import {
  counts,
  existingTargets,
  finishPlan,
  matchContacts,
  personView,
  sourceNote,
  type Contact,
  type Parsed,
  type Suppressions,
} from './import.plan.ts';

const NOW = new Date('2024-03-12T10:00:00Z');
const none: Suppressions = { empty: true, matches: () => false };

type Person = ExistingNetwork['people'][number];
function person(id: string, name: string, more: Partial<Person> = {}): Person {
  return {
    id,
    is_self: 0,
    name,
    company: null,
    role: null,
    city: null,
    country: null,
    notes: null,
    how_met: null,
    language: null,
    introduced_by_id: null,
    legal_basis: null,
    legal_basis_note: null,
    source: null,
    source_at: null,
    ...more,
  };
}

function network(people: Person[], channels: Array<[string, 'email' | 'phone' | 'link', string]> = []): ExistingNetwork {
  return {
    people,
    channels: channels.map(([personId, kind, value]) => ({
      person_id: personId,
      kind,
      value,
      label: null,
      normalized: normalizeChannel(kind, value),
    })),
    tags: [],
  };
}

function contact(line: number, name: string, more: Partial<Contact> = {}): Contact {
  return { line, name, emails: [], phones: [], links: [], tags: [], problems: [], ...more };
}

const file = (format: Parsed['format'], contacts: Contact[]): Parsed => ({
  format,
  encoding: 'utf-8',
  bytes: 0,
  contacts,
  problems: [],
});

function plan(parsed: Parsed, net: ExistingNetwork, suppressions = none, locale: Locale = 'en') {
  const p = matchContacts(parsed, existingTargets(net), { locale, suppressions });
  finishPlan(p, locale, NOW);
  return p;
}

describe('import planner (no database)', () => {
  it('matches by email whatever its case, fills only empty fields and adds what is missing', () => {
    const net = network(
      [person('p1', 'Giulia Bianchi', { company: 'Acme', city: 'Milano' })],
      [['p1', 'email', 'giulia@acme.it']],
    );
    const p = plan(
      file('vcard', [
        contact(1, 'Giulia B.', {
          company: 'Other Co',
          role: 'CFO',
          emails: [{ value: 'Giulia@ACME.it', label: null }],
          phones: [{ value: '+39 333 1234567', label: 'cell' }],
          tags: ['Finance'],
        }),
        contact(7, 'Marco Verdi', { emails: [{ value: 'marco@example.org', label: null }] }),
      ]),
      net,
    );
    const [giulia, marco] = p.targets.map(personView);
    expect(giulia).toMatchObject({
      action: 'merge',
      matchedId: 'p1',
      matchedBy: 'email',
      name: 'Giulia Bianchi',
      company: 'Acme',
      role: 'CFO',
      city: 'Milano',
      tags: ['finance'],
      lines: [1],
    });
    expect(giulia?.phones).toEqual([{ value: '+39 333 1234567', label: 'cell' }]);
    expect(marco).toMatchObject({ action: 'create', matchedId: null, lines: [7] });
    const c = counts(p);
    expect([c.toCreate, c.toMerge, c.unchanged]).toEqual([1, 1, 0]);
    // What the import writes on the user's behalf: "how we met" on the new person only (Giulia
    // had none and receives data, so she gets it too), and where the data came from.
    expect(p.sourceNote).toBe(sourceNote('vcard', 'en', NOW));
    expect(p.targets[1]?.fields.how_met).toBe(p.sourceNote);
    expect(p.targets[0]?.privacyPatch).toMatchObject({ source: 'import:vcard', source_at: NOW.toISOString() });
  });

  it('a phone written another way is the same phone; a person with nothing new is unchanged', () => {
    const net = network([person('p1', 'Anna Neri', { source: 'manual' })], [['p1', 'phone', '+39 333 1234567']]);
    const p = plan(file('csv', [contact(2, 'Anna Neri', { phones: [{ value: '333 123 4567', label: null }] })]), net);
    expect(p.targets.map(personView)).toMatchObject([{ action: 'unchanged', matchedId: 'p1', matchedBy: 'phone' }]);
    expect(p.targets[0]?.patch).toEqual({});
  });

  it('namesakes who share nothing else stay two; without any channel the same name and company is one', () => {
    const net = network(
      [person('p1', 'Luca Russo', { company: 'Beta' }), person('p2', 'Sara Gallo')],
      [['p1', 'email', 'luca@beta.it']],
    );
    const p = plan(
      file('csv', [
        contact(2, 'Luca Russo', { company: 'Beta', emails: [{ value: 'luca.russo@gmail.com', label: null }] }),
        contact(3, 'luca russo', { company: 'BETA' }),
        contact(4, 'Sara Gallo', { emails: [{ value: 'sara@gallo.it', label: null }] }),
      ]),
      net,
    );
    const views = p.targets.map(personView);
    // Line 2 has an email Luca lacks and Luca has one: name + company still finds him (the rule
    // "namesakes match by name only without channels" applies to names without a company).
    expect(views.find((v) => v.lines.includes(2))?.matchedId).toBe('p1');
    expect(views.find((v) => v.lines.includes(3))?.matchedId).toBe('p1');
    // Sara: no company, and the contact has an email she lacks: a namesake, created apart.
    expect(views.find((v) => v.lines.includes(4))).toMatchObject({ action: 'create', matchedId: null });
    expect(p.duplicatesInFile).toBe(1);
  });

  it('a contact holding the keys of two people joins them, keeping the one there first', () => {
    const net = network(
      [person('p1', 'Paolo Conti'), person('p2', 'Paolo Conti Rossi')],
      [
        ['p1', 'email', 'paolo@conti.it'],
        ['p2', 'phone', '+39 347 7654321'],
      ],
    );
    const p = plan(
      file('vcard', [
        contact(1, 'Paolo Conti', {
          emails: [{ value: 'paolo@conti.it', label: null }],
          phones: [{ value: '+39 347 7654321', label: null }],
        }),
      ]),
      net,
    );
    // The fuller name is kept; the other is merged into it after the import is written.
    expect(p.joins).toEqual([{ keepId: 'p2', otherId: 'p1' }]);
    expect(p.joinedRecords).toBe(1);
    expect(p.joinedPeople).toBe(2);
    expect(p.targets.map(personView)).toMatchObject([{ action: 'merge', matchedId: 'p2', joins: ['p1'] }]);
  });

  it('fills a birthday only where there is none, counts that as a change, and on a join keeps the one people had', () => {
    const net = network(
      [
        person('p1', 'Anna Neri', { birthday: '--03-01' }),
        person('p2', 'Bea Gialli'),
        person('p3', 'Carlo Blu', { birthday: '--12-24' }),
        person('p4', 'Carlo Blu Rossi'),
      ],
      [
        ['p1', 'email', 'anna@example.com'],
        ['p2', 'email', 'bea@example.com'],
        ['p3', 'email', 'carlo@example.com'],
        ['p4', 'phone', '+39 347 7654321'],
      ],
    );
    const p = plan(
      file('vcard', [
        contact(1, 'Anna Neri', { emails: [{ value: 'anna@example.com', label: null }], birthday: '1984-03-01' }),
        contact(2, 'Bea Gialli', { emails: [{ value: 'bea@example.com', label: null }], birthday: '--02-29' }),
        contact(3, 'Carlo Blu', {
          emails: [{ value: 'carlo@example.com', label: null }],
          phones: [{ value: '+39 347 7654321', label: null }],
          birthday: '1970-01-01',
        }),
      ]),
      net,
    );
    const [anna, bea, carlo] = p.targets;
    expect(p.targets.map((t) => personView(t).action)).toEqual(['unchanged', 'merge', 'merge']);
    expect(anna?.fields.birthday).toBe('--03-01');
    expect(bea?.patch).toMatchObject({ birthday: '--02-29' });
    // Carlo Blu is merged into Carlo Blu Rossi, who has no birthday: the one Carlo Blu had becomes his
    // (the merge moves it, the plan writes nothing), and the file's is dropped.
    expect(carlo?.existingId).toBe('p4');
    expect(carlo?.fields.birthday).toBe('--12-24');
    expect(carlo?.patch.birthday).toBeUndefined();
    expect(p.joins).toEqual([{ keepId: 'p4', otherId: 'p3' }]);
  });

  it('skips suppressed contacts by line and matches nothing with them', () => {
    const suppressions: Suppressions = { empty: false, matches: (c) => c.name === 'Erased Person' };
    const p = plan(file('csv', [contact(2, 'Erased Person'), contact(3, 'Kept Person')]), network([]), suppressions);
    expect(p.suppressedLines).toEqual([2]);
    expect(p.targets.map((t) => t.name)).toEqual(['Kept Person']);
  });

  it("writes LinkedIn's 'how we met' in the account's language", () => {
    const p = plan(
      file('linkedin', [contact(5, 'Elena Ferri', { linkedin: true, connectedOn: '2018-08-20' })]),
      network([]),
      none,
      'it',
    );
    expect(p.targets[0]?.fields.how_met).toBe('Collegamento su LinkedIn, 20 ago 2018');
  });
});
