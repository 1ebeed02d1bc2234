import { fold, words } from '#shared/text/fold.ts';
import type { LoadedDocs } from './people.repo.ts';

interface Doc {
  sortName: string;
  tags: string[];
  city: string | null;
  openNeeds: boolean;
  terms: string[];
}

export interface SearchFilter {
  tag?: string | undefined;
  city?: string | undefined;
  hasOpenNeeds?: boolean | undefined;
}

/**
 * In-memory word index of one owner's contacts: every word of name, company, role, city, tags,
 * notes, how we met, needs and offers. A query word matches any indexed word it is a prefix of,
 * accents and case ignored; all query words must match. Kept fresh by NetworkCache.
 */
export class PeopleSearch {
  private readonly docs = new Map<string, Doc>();
  private readonly postings = new Map<string, Set<string>>();
  private vocab: string[] = [];
  private vocabDirty = false;

  get size(): number {
    return this.docs.size;
  }

  /** Replaces the given people (or, with ids null, loads all) from freshly loaded rows. */
  apply(loaded: LoadedDocs, ids: readonly string[] | null): void {
    if (ids) for (const id of ids) this.remove(id);
    const tagsBy = group(loaded.tags, (t) => t.person_id, (t) => t.tag);
    const needsBy = group(loaded.needs, (n) => n.person_id, (n) => n);
    const offersBy = group(loaded.offers, (o) => o.person_id, (o) => o.text);
    for (const p of loaded.people) {
      if (p.is_self === 1) continue;
      const tags = tagsBy.get(p.id) ?? [];
      const needs = needsBy.get(p.id) ?? [];
      const text = [p.name, p.company, p.role, p.city, p.notes, p.how_met, ...tags, ...needs.map((n) => n.text), ...(offersBy.get(p.id) ?? [])]
        .filter((s): s is string => !!s)
        .join(' ');
      const terms = [...new Set(words(text))];
      this.docs.set(p.id, {
        sortName: p.sort_name,
        tags,
        city: p.city,
        openNeeds: needs.some((n) => n.status === 'open'),
        terms,
      });
      for (const t of terms) {
        let set = this.postings.get(t);
        if (!set) {
          set = new Set();
          this.postings.set(t, set);
          this.vocabDirty = true;
        }
        set.add(p.id);
      }
    }
  }

  private remove(id: string): void {
    const doc = this.docs.get(id);
    if (!doc) return;
    for (const t of doc.terms) {
      const set = this.postings.get(t);
      if (!set) continue;
      set.delete(id);
      if (set.size === 0) {
        this.postings.delete(t);
        this.vocabDirty = true;
      }
    }
    this.docs.delete(id);
  }

  private sortedVocab(): string[] {
    if (this.vocabDirty) {
      this.vocab = [...this.postings.keys()].sort();
      this.vocabDirty = false;
    }
    return this.vocab;
  }

  private matching(prefix: string): Set<string> {
    const exact = this.postings.get(prefix);
    const vocab = this.sortedVocab();
    let lo = 0;
    let hi = vocab.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((vocab[mid] as string) < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out = new Set<string>(exact);
    for (let i = lo; i < vocab.length; i++) {
      const term = vocab[i] as string;
      if (!term.startsWith(prefix)) break;
      if (term === prefix) continue;
      for (const id of this.postings.get(term) ?? []) out.add(id);
    }
    return out;
  }

  /** Ids of matching contacts, ordered by name as lists are. */
  search(query: string, filter: SearchFilter): string[] {
    const qs = [...new Set(words(query))].sort((a, b) => b.length - a.length);
    if (qs.length === 0) return [];
    const sets = qs.map((w) => this.matching(w)).sort((a, b) => a.size - b.size);
    const [first, ...rest] = sets;
    const tag = filter.tag?.toLowerCase();
    const city = filter.city ? fold(filter.city) : undefined;
    const hits: string[] = [];
    for (const id of first ?? []) {
      if (!rest.every((s) => s.has(id))) continue;
      const d = this.docs.get(id);
      if (!d) continue;
      if (tag && !d.tags.includes(tag)) continue;
      if (city && (!d.city || fold(d.city) !== city)) continue;
      if (filter.hasOpenNeeds !== undefined && d.openNeeds !== filter.hasOpenNeeds) continue;
      hits.push(id);
    }
    const docs = this.docs;
    return hits.sort((a, b) => {
      const da = (docs.get(a) as Doc).sortName;
      const db = (docs.get(b) as Doc).sortName;
      return da < db ? -1 : da > db ? 1 : a < b ? -1 : a > b ? 1 : 0;
    });
  }

  sortNameOf(id: string): string | undefined {
    return this.docs.get(id)?.sortName;
  }
}

function group<T, V>(rows: readonly T[], key: (r: T) => string, value: (r: T) => V): Map<string, V[]> {
  const m = new Map<string, V[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(value(r));
    else m.set(k, [value(r)]);
  }
  return m;
}
