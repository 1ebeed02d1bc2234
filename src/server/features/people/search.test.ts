import { describe, expect, it } from 'vitest';
import type { LoadedDocs } from './people.repo.ts';
import { nameTier, PeopleSearch, type SearchPosition } from './search.ts';
import { snippet, whatMatched } from './search-match.ts';

type Person = { id: string; name: string; city: string; tags: string[]; offer: string; notes?: string };

function docs(people: Person[]): LoadedDocs {
  return {
    people: people.map((p) => ({
      id: p.id,
      is_self: 0,
      name: p.name,
      sort_name: p.name.toLowerCase(),
      company: null,
      role: null,
      city: p.city,
      notes: p.notes ?? null,
      how_met: null,
    })),
    tags: people.flatMap((p) => p.tags.map((tag) => ({ person_id: p.id, tag }))),
    needs: [],
    offers: people.map((p, i) => ({ id: `o${i}-${p.id}`, person_id: p.id, text: p.offer, status: 'open' as const })),
    relationships: [],
    lastInteraction: [],
  };
}

describe('PeopleSearch', () => {
  it('kept up to date change by change, answers exactly like an index built from scratch', () => {
    let seed = 42;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const words = ['fiscale', 'avvocato', 'sito', 'web', 'marketing', 'export', 'vino', 'logistica', 'design', 'foto'];
    const names = ['Anna', 'Bruno', 'Carla', 'Dario', 'Elena', 'Fabio', 'Giulia', 'Luca'];
    const make = (i: number): Person => ({
      id: `p${String(i).padStart(4, '0')}`,
      name: `${names[rnd(names.length)]} ${names[rnd(names.length)]}`,
      city: rnd(2) ? 'Roma' : 'Milano',
      tags: rnd(3) ? [] : ['vip'],
      offer: `${words[rnd(words.length)]} ${words[rnd(words.length)]}`,
    });
    const live = new Map<string, Person>();
    for (let i = 0; i < 300; i++) live.set(make(i).id, make(i));
    const incremental = new PeopleSearch();
    incremental.apply(docs([...live.values()]), null);
    for (let step = 0; step < 400; step++) {
      const ids = [...live.keys()];
      const id = step % 3 === 0 ? `n${step}` : (ids[rnd(ids.length)] as string);
      if (step % 5 === 4) live.delete(id);
      else live.set(id, { ...make(step), id });
      const p = live.get(id);
      incremental.apply(docs(p ? [p] : []), [id]);
    }
    const fresh = new PeopleSearch();
    fresh.apply(docs([...live.values()]), null);
    for (const q of [...words, 'fi', 'a', 'web sito', 'anna']) {
      for (const filter of [{}, { city: 'Roma' }, { tag: 'vip' }]) {
        let after: SearchPosition | undefined;
        for (let page = 0; page < 4; page++) {
          const a = incremental.page(q, filter, after, 20);
          expect(a).toEqual(fresh.page(q, filter, after, 20));
          const last = a.at(-1);
          if (!last) break;
          const person = live.get(last.id) as Person;
          after = { sortName: person.name.toLowerCase(), id: last.id, tier: last.tier };
        }
      }
    }
    expect(incremental.pageFiltered({ tag: 'vip' }, undefined, 500)).toEqual(fresh.pageFiltered({ tag: 'vip' }, undefined, 500));
    expect(incremental.pageFiltered({ hasOpenNeeds: false }, undefined, 1000)).toHaveLength(live.size);
  });
});

describe('ranking by name', () => {
  const w = (s: string) => s.split(' ');
  it('puts names starting with the words first, complete words before words being typed', () => {
    expect(nameTier(w('roberto colombo'), w('roberto'))).toBe(0);
    expect(nameTier(w('roberto colombo'), w('roberto colombo'))).toBe(0);
    expect(nameTier(w('roberto colombo'), w('roberto col'))).toBe(1);
    expect(nameTier(w('robertino sala'), w('roberto'))).toBe(4);
    expect(nameTier(w('robertino sala'), w('robert'))).toBe(1);
    expect(nameTier(w('roberto colombo'), w('rob col'))).toBe(2);
    expect(nameTier(w('roberto colombo'), w('colombo'))).toBe(3);
    expect(nameTier(w('roberto colombo'), w('colombo roberto'))).toBe(3);
    expect(nameTier(w('enrico farina'), w('federica'))).toBe(4);
  });

  it('answers "Federica" with Federica first, and pages through tiers without losing or repeating anyone', () => {
    const people: Person[] = [
      { id: 'a1', name: 'Enrico Farina', city: 'Milano', tags: [], offer: 'Fotografia', notes: 'Amico di Federica, la sorella' },
      { id: 'a2', name: 'Alberto Federici', city: 'Roma', tags: [], offer: 'Consulenza' },
      { id: 'a3', name: 'Federica Villa', city: 'Torino', tags: [], offer: 'Architettura' },
      { id: 'a4', name: 'Federica Villa', city: 'Milano', tags: [], offer: 'Design' },
      { id: 'a5', name: 'Federicangelo Neri', city: 'Bari', tags: [], offer: 'Vino' },
      { id: 'a6', name: 'Anna Bassi', city: 'Milano', tags: ['federica'], offer: 'Grafica' },
    ];
    const s = new PeopleSearch();
    s.apply(docs(people), null);
    const all = s.page('federica', {}, undefined, 50);
    expect(all.map((h) => h.id)).toEqual(['a3', 'a4', 'a5', 'a6', 'a1']);
    expect(all.map((h) => h.tier)).toEqual([0, 0, 1, 4, 4]);
    expect(s.page('feder', {}, undefined, 50).map((h) => h.id)).toEqual(['a3', 'a4', 'a5', 'a2', 'a6', 'a1']);
    // One by one, with the position of the last result each time.
    const seen: string[] = [];
    let after: SearchPosition | undefined;
    for (;;) {
      const [hit] = s.page('feder', {}, after, 1);
      if (!hit) break;
      seen.push(hit.id);
      const p = people.find((x) => x.id === hit.id) as Person;
      after = { sortName: p.name.toLowerCase(), id: hit.id, tier: hit.tier };
    }
    expect(seen).toEqual(['a3', 'a4', 'a5', 'a2', 'a6', 'a1']);
    expect(s.page('federica', { city: 'Milano' }, undefined, 50).map((h) => h.id)).toEqual(['a4', 'a6', 'a1']);
  });
});

describe('what matched', () => {
  const base = { company: null, role: null, city: null, tags: [], offers: [], needs: [], howMet: null, notes: null };
  it('is nothing when the name holds every word', () => {
    expect(whatMatched('rob col', { ...base, name: 'Roberto Colombo', company: 'Colombo Serramenti' })).toBeNull();
  });
  it('names the field that holds the other words, company first on a tie', () => {
    expect(whatMatched('roberto serramenti', { ...base, name: 'Roberto Colombo', company: 'Colombo Serramenti' })).toEqual({
      field: 'company',
      text: 'Colombo Serramenti',
    });
    expect(
      whatMatched('federica', {
        ...base,
        name: 'Enrico Farina',
        offers: ['Ritratti'],
        notes: 'Amico di Federica, la sorella di Anna',
      }),
    ).toEqual({ field: 'notes', text: 'Amico di Federica, la sorella di Anna' });
    expect(
      whatMatched('serramenti milano', {
        ...base,
        name: 'Anna Bassi',
        city: 'Milano',
        offers: ['Serramenti in legno a Milano'],
      }),
    ).toEqual({ field: 'offer', text: 'Serramenti in legno a Milano' });
  });
  it('cuts a long text around the first match, at spaces', () => {
    const long = `${'parole prima '.repeat(20)}incontrata alla fiera di Verona con Federica ${'e poi altre parole '.repeat(20)}`;
    const s = snippet(long, ['federica']);
    expect(s).toContain('Federica');
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect(s.length).toBeLessThanOrEqual(82);
    // Whole words only: the text between the ellipses sits between spaces in the original.
    expect(` ${long} `).toContain(` ${s.slice(1, -1)} `);
    expect(snippet('Breve nota', ['nota'])).toBe('Breve nota');
  });
});
