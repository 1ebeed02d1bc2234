import { fold, words } from '#shared/text/fold.ts';
import type { NetworkView } from '../network/network-cache.ts';
import type { LoadedDocs } from './people.repo.ts';

interface Doc {
  id: string;
  sortName: string;
  /** The words of the name, in order: what a query is ranked by. */
  nameWords: string[];
  tags: string[];
  city: string | null;
  openNeeds: boolean;
  terms: string[];
}

/** A position in a list of results: after this person (of this tier, for a search). */
export interface SearchPosition {
  sortName: string;
  id: string;
  tier?: number | undefined;
}

/**
 * How well a person's name answers a query, best first:
 * 0, the name starts with the words typed, each complete ("Roberto" -> Roberto Colombo);
 * 1, the same with the last word still being typed ("Roberto Col" -> Roberto Colombo, "Rob" ->
 *    Roberta Lombardo, "Roberto" -> Robertino Sala);
 * 2, the name starts with the words as prefixes ("Rob Col" -> Roberto Colombo);
 * 3, every word is somewhere in the name ("Colombo" -> Roberto Colombo);
 * 4, some word was found only in another field (company, notes, needs, ...).
 * Within a tier, results keep the list order (name, id).
 */
export type NameTier = 0 | 1 | 2 | 3 | 4;
export const OTHER_FIELDS: NameTier = 4;

export function nameTier(nameWords: readonly string[], typed: readonly string[]): NameTier {
  // Plain loops: this runs for every hit of a query, hundreds of thousands of times.
  const last = typed.length - 1;
  let inOrder = typed.length <= nameWords.length;
  let exact = true;
  for (let i = 0; inOrder && i <= last; i++) {
    const w = nameWords[i] as string;
    const q = typed[i] as string;
    if (!w.startsWith(q)) inOrder = false;
    else if (w.length !== q.length && i < last) exact = false;
  }
  if (inOrder) {
    if (!exact) return 2;
    return (nameWords[last] as string).length === (typed[last] as string).length ? 0 : 1;
  }
  for (const q of typed) {
    let found = false;
    for (const w of nameWords) {
      if (w.startsWith(q)) {
        found = true;
        break;
      }
    }
    if (!found) return OTHER_FIELDS;
  }
  return 3;
}

export interface SearchHit {
  id: string;
  tier: NameTier;
}

export interface SearchFilter {
  tag?: string | undefined;
  city?: string | undefined;
  hasOpenNeeds?: boolean | undefined;
}

const byKey = (a: Doc, b: Doc): number =>
  a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * Words to the docs holding them. The vocabulary is kept sorted, so that the words starting with a
 * prefix are one range: a full load sorts it once, a change moves only the changed words (binary
 * search and splice), never a re-sort.
 */
class WordIndex {
  private readonly postings = new Map<string, Set<number>>();
  private vocab: string[] = [];

  add(terms: readonly string[], n: number, bulk: boolean): void {
    for (const t of terms) {
      let set = this.postings.get(t);
      if (!set) {
        set = new Set();
        this.postings.set(t, set);
        if (!bulk) this.vocab.splice(lowerBound(this.vocab, t), 0, t);
      }
      set.add(n);
    }
  }

  remove(terms: readonly string[], n: number): void {
    for (const t of terms) {
      const set = this.postings.get(t);
      if (!set) continue;
      set.delete(n);
      if (set.size === 0) {
        this.postings.delete(t);
        const at = lowerBound(this.vocab, t);
        if (this.vocab[at] === t) this.vocab.splice(at, 1);
      }
    }
  }

  /** After a bulk load (`add` with `bulk`), sorts the vocabulary once. */
  sort(): void {
    this.vocab = [...this.postings.keys()].sort();
  }

  /** Docs having a word that starts with `prefix`. */
  matching(prefix: string): Set<number> {
    const vocab = this.vocab;
    const sets: Set<number>[] = [];
    for (let i = lowerBound(vocab, prefix); i < vocab.length; i++) {
      const term = vocab[i] as string;
      if (!term.startsWith(prefix)) break;
      const s = this.postings.get(term);
      if (s) sets.push(s);
    }
    if (sets.length === 1) return sets[0] as Set<number>;
    const out = new Set<number>();
    for (const s of sets) for (const n of s) out.add(n);
    return out;
  }
}

/** The docs in every set (the smallest first), as a candidate list and a test. */
function allOf(sets: Set<number>[]): { first: Set<number>; has: (n: number) => boolean } {
  const sorted = [...sets].sort((a, b) => a.size - b.size);
  const [first = new Set<number>(), ...rest] = sorted;
  return { first, has: (n) => first.has(n) && rest.every((s) => s.has(n)) };
}

/**
 * In-memory word index of one owner's contacts: every word of name, company, role, city, tags,
 * notes, how we met, needs and offers, and apart the words of names. A query word matches any
 * indexed word it is a prefix of, accents and case ignored; all query words must match. Results
 * come by how well the name answers the query (`nameTier`), then in list order (name, id), and only
 * one page is ever selected: the cost follows the number of hits, never a full sort.
 */
export class PeopleSearch implements NetworkView {
  private readonly num = new Map<string, number>();
  private docs: Array<Doc | undefined> = [];
  private free: number[] = [];
  private readonly all = new WordIndex();
  private readonly names = new WordIndex();
  private readonly byTag = new Map<string, Set<number>>();
  private readonly byCity = new Map<string, Set<number>>();
  // The list order is kept sorted like the vocabularies.
  private order: number[] = [];
  // Position of each doc in `order`; recomputed in one linear pass after the order changed.
  private rank: Int32Array = new Int32Array(0);
  private rankStale = true;
  private bulk = false;

  apply(loaded: LoadedDocs, ids: readonly string[] | null): void {
    if (ids) for (const id of ids) this.remove(id);
    this.bulk = ids === null;
    const tagsBy = group(
      loaded.tags,
      (t) => t.person_id,
      (t) => t.tag,
    );
    const needsBy = group(
      loaded.needs,
      (n) => n.person_id,
      (n) => n,
    );
    const offersBy = group(
      loaded.offers,
      (o) => o.person_id,
      (o) => o.text,
    );
    for (const p of loaded.people) {
      if (p.is_self === 1) continue;
      const tags = tagsBy.get(p.id) ?? [];
      const needs = needsBy.get(p.id) ?? [];
      const text = [
        p.name,
        p.company,
        p.role,
        p.city,
        p.notes,
        p.how_met,
        ...tags,
        ...needs.map((n) => n.text),
        ...(offersBy.get(p.id) ?? []),
      ]
        .filter((s): s is string => !!s)
        .join(' ');
      const terms = [...new Set(words(text))];
      const nameWords = words(p.name);
      const n = this.free.pop() ?? this.docs.length;
      const doc: Doc = {
        id: p.id,
        sortName: p.sort_name,
        nameWords,
        tags,
        city: p.city,
        openNeeds: needs.some((x) => x.status === 'open'),
        terms,
      };
      this.docs[n] = doc;
      this.num.set(p.id, n);
      if (!this.bulk) this.order.splice(this.position(doc), 0, n);
      for (const tag of tags) addTo(this.byTag, tag, n);
      if (p.city) addTo(this.byCity, fold(p.city), n);
      this.all.add(terms, n, this.bulk);
      this.names.add([...new Set(nameWords)], n, this.bulk);
    }
    if (this.bulk) {
      this.all.sort();
      this.names.sort();
      const live: number[] = [];
      this.docs.forEach((d, n) => d && live.push(n));
      this.order = live.sort((a, b) => byKey(this.docs[a] as Doc, this.docs[b] as Doc));
      this.bulk = false;
    }
    this.rankStale = true;
  }

  /** Where a doc with this key sits (or would sit) in `order`. */
  private position(probe: Doc): number {
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (byKey(this.docs[this.order[mid] as number] as Doc, probe) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private remove(id: string): void {
    const n = this.num.get(id);
    if (n === undefined) return;
    const doc = this.docs[n];
    if (doc) {
      this.all.remove(doc.terms, n);
      this.names.remove([...new Set(doc.nameWords)], n);
      const at = this.position(doc);
      if (this.order[at] === n) this.order.splice(at, 1);
      for (const tag of doc.tags) removeFrom(this.byTag, tag, n);
      if (doc.city) removeFrom(this.byCity, fold(doc.city), n);
    }
    this.docs[n] = undefined;
    this.num.delete(id);
    this.free.push(n);
    this.rankStale = true;
  }

  private ensureOrder(): void {
    if (!this.rankStale) return;
    if (this.rank.length < this.docs.length) this.rank = new Int32Array(this.docs.length);
    this.order.forEach((n, pos) => (this.rank[n] = pos));
    this.rankStale = false;
  }

  /**
   * One page of matching contacts, best name matches first: at most `limit` contacts that come
   * after `after` and match every word and the filters. Two passes: the people whose name holds
   * every word (usually few), each with its tier; then, if the page is not full, the others found
   * by any field, all in the last tier and so in plain list order.
   */
  page(query: string, filter: SearchFilter, after: SearchPosition | undefined, limit: number): SearchHit[] {
    const typed = words(query);
    const qs = [...new Set(typed)];
    if (qs.length === 0) return [];
    this.ensureOrder();
    const size = Math.max(1, this.order.length);
    const afterTier = after?.tier ?? 0;
    const inName = allOf(qs.map((q) => this.names.matching(q)));
    const out: SearchHit[] = [];
    if (afterTier < OTHER_FIELDS) {
      const fromKey = afterTier * size + this.from(after);
      const tierOf = (n: number): NameTier => nameTier((this.docs[n] as Doc).nameWords, typed);
      out.push(...this.select(inName.first, inName.has, filter, fromKey, limit, tierOf));
    }
    if (out.length >= limit) return out;
    const anywhere = allOf(qs.map((q) => this.all.matching(q)));
    const fromKey = OTHER_FIELDS * size + (afterTier === OTHER_FIELDS ? this.from(after) : 0);
    const elsewhere = (n: number) => anywhere.has(n) && !inName.has(n);
    out.push(...this.select(anywhere.first, elsewhere, filter, fromKey, limit - out.length, () => OTHER_FIELDS));
    return out;
  }

  /**
   * One page of the list with filters only (tag, city, open needs), in list order. Rare tags and
   * cities start from their own sets; the open-needs filter walks the list order and stops at a page.
   */
  pageFiltered(filter: SearchFilter, after: SearchPosition | undefined, limit: number): string[] {
    const sets: Set<number>[] = [];
    if (filter.tag) sets.push(this.byTag.get(filter.tag.toLowerCase()) ?? new Set());
    if (filter.city) sets.push(this.byCity.get(fold(filter.city)) ?? new Set());
    sets.sort((a, b) => a.size - b.size);
    const first = sets[0];
    this.ensureOrder();
    if (first)
      return this.select(
        first,
        () => true,
        filter,
        this.from(after),
        limit,
        () => 0,
      ).map((h) => h.id);
    const out: string[] = [];
    for (let r = this.from(after); r < this.order.length && out.length < limit; r++) {
      const d = this.docs[this.order[r] as number] as Doc;
      if (filter.hasOpenNeeds === undefined || d.openNeeds === filter.hasOpenNeeds) out.push(d.id);
    }
    return out;
  }

  /**
   * Of these people (found another way: the matching engine), those the list shows with these
   * filters and that the words typed do not already find, in the order given.
   */
  othersThan(query: string, ids: readonly string[], filter: SearchFilter): string[] {
    const qs = [...new Set(words(query))];
    const anywhere = qs.length > 0 ? allOf(qs.map((q) => this.all.matching(q))) : null;
    const tag = filter.tag?.toLowerCase();
    const city = filter.city ? fold(filter.city) : undefined;
    return ids.filter((id) => {
      const n = this.num.get(id);
      const d = n === undefined ? undefined : this.docs[n];
      if (n === undefined || !d || anywhere?.has(n)) return false;
      if (tag && !d.tags.includes(tag)) return false;
      if (city && (!d.city || fold(d.city) !== city)) return false;
      return filter.hasOpenNeeds === undefined || d.openNeeds === filter.hasOpenNeeds;
    });
  }

  private from(after: SearchPosition | undefined): number {
    if (!after) return 0;
    let lo = 0;
    let hi = this.order.length;
    const probe = { id: after.id, sortName: after.sortName } as Doc;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (byKey(this.docs[this.order[mid] as number] as Doc, probe) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * The `limit` candidates with the smallest keys from `fromKey` on, among those accepted and
   * passing the filters. A key is a tier, then a place in the list order: tier × size + rank.
   */
  private select(
    candidates: Iterable<number>,
    accept: (n: number) => boolean,
    filter: SearchFilter,
    fromKey: number,
    limit: number,
    tierOf: (n: number) => NameTier,
  ): SearchHit[] {
    const size = Math.max(1, this.order.length);
    const tag = filter.tag?.toLowerCase();
    const city = filter.city ? fold(filter.city) : undefined;
    // A bounded max-heap of keys keeps the `limit` smallest: O(hits · log limit), no full sort.
    const heap: number[] = [];
    if (limit <= 0) return [];
    for (const n of candidates) {
      const r = this.rank[n] as number;
      // The tier only adds to the key: a rank already past a full page is out whatever the tier.
      if (heap.length >= limit && r > (heap[0] as number)) continue;
      const k = tierOf(n) * size + r;
      if (k < fromKey) continue;
      if (heap.length >= limit && k > (heap[0] as number)) continue;
      if (!accept(n)) continue;
      const d = this.docs[n];
      if (!d) continue;
      if (tag && !d.tags.includes(tag)) continue;
      if (city && (!d.city || fold(d.city) !== city)) continue;
      if (filter.hasOpenNeeds !== undefined && d.openNeeds !== filter.hasOpenNeeds) continue;
      pushBounded(heap, k, limit);
    }
    return heap
      .sort((a, b) => a - b)
      .map((k) => ({
        id: (this.docs[this.order[k % size] as number] as Doc).id,
        tier: Math.floor(k / size) as NameTier,
      }));
  }
}

function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function addTo(m: Map<string, Set<number>>, key: string, n: number): void {
  const s = m.get(key);
  if (s) s.add(n);
  else m.set(key, new Set([n]));
}

function removeFrom(m: Map<string, Set<number>>, key: string, n: number): void {
  const s = m.get(key);
  if (!s) return;
  s.delete(n);
  if (s.size === 0) m.delete(key);
}

function pushBounded(heap: number[], value: number, limit: number): void {
  if (heap.length < limit) {
    heap.push(value);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((heap[parent] as number) >= (heap[i] as number)) break;
      [heap[parent], heap[i]] = [heap[i] as number, heap[parent] as number];
      i = parent;
    }
    return;
  }
  heap[0] = value;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < heap.length && (heap[l] as number) > (heap[m] as number)) m = l;
    if (r < heap.length && (heap[r] as number) > (heap[m] as number)) m = r;
    if (m === i) break;
    [heap[m], heap[i]] = [heap[i] as number, heap[m] as number];
    i = m;
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
