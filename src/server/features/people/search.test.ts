import { describe, expect, it } from 'vitest';
import type { LoadedDocs } from './people.repo.ts';
import { PeopleSearch } from './search.ts';

type Person = { id: string; name: string; city: string; tags: string[]; offer: string };

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
      notes: null,
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
        let after: { sortName: string; id: string } | undefined;
        for (let page = 0; page < 4; page++) {
          const a = incremental.page(q, filter, after, 20);
          expect(a).toEqual(fresh.page(q, filter, after, 20));
          const last = a.at(-1);
          if (!last) break;
          const person = live.get(last) as Person;
          after = { sortName: person.name.toLowerCase(), id: last };
        }
      }
    }
    expect(incremental.pageFiltered({ tag: 'vip' }, undefined, 500)).toEqual(fresh.pageFiltered({ tag: 'vip' }, undefined, 500));
    expect(incremental.pageFiltered({ hasOpenNeeds: false }, undefined, 1000)).toHaveLength(live.size);
  });
});
