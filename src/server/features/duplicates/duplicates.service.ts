/**
 * Likely duplicates in a network: people who share an email, a phone number or a LinkedIn URL,
 * or whose names (and companies) are alike. Candidates are found by blocking keys (similarity.ts)
 * so that only people sharing a key are compared, never every pair. Within a large block (a
 * common name) the people are sorted by name and company and each is compared with its next
 * WINDOW neighbours only (the "sorted neighbourhood" method): the work grows with the network,
 * not with the square of its most common name. A key shared by more than MAX_BLOCK people is too
 * weak to compare on.
 */
import {
  MAX_DUPLICATE_PAIRS,
  type DuplicatePair,
  type DuplicatesResponse,
  type MergePairsBody,
  type MergePairsResult,
} from '#shared/api/duplicates.ts';
import { STRONG_REASONS, type SideKey } from '#shared/api/values.ts';
import type { Deps } from '../../deps.ts';
import { userLocale } from '../auth/auth.repo.ts';
import { lockNetwork } from '../network/changes.ts';
import { linkedinKey, phoneKey } from '../privacy/suppression.ts';
import { normalizeChannel } from '../people/people.service.ts';
import { badRequest, notFound } from '../../lib/errors.ts';
import * as repo from './duplicates.repo.ts';
import { loadCandidates } from './duplicates.repo.ts';
import { fullerName, mergeWithin } from './merge.service.ts';
import { blockingKeys, companyTokens, nameTokens, prepare, score, type Comparable } from './similarity.ts';

const MAX_BLOCK = 2_000;
/** Blocks up to this size are compared pair by pair; larger ones through a sliding window. */
const SMALL_BLOCK = 16;
const WINDOW = 8;
/** Pairs scoring below this are not shown. */
export const MIN_SCORE = 0.6;

/** Pairs of people (i < j) already compared, in two typed arrays: no object per pair. */
export class PairSet {
  private first = new Int32Array(1 << 16).fill(-1);
  private second = new Int32Array(1 << 16);
  private size = 0;

  /** Adds the pair; false when it was there already. */
  add(i: number, j: number): boolean {
    if (this.size * 2 >= this.first.length) this.grow();
    const mask = this.first.length - 1;
    let h = (Math.imul(i, 0x9e3779b1) ^ Math.imul(j + 0x7f4a7c15, 0x85ebca6b)) >>> 0;
    h = (h ^ (h >>> 16)) & mask;
    for (;;) {
      const x = this.first[h] as number;
      if (x === -1) {
        this.first[h] = i;
        this.second[h] = j;
        this.size++;
        return true;
      }
      if (x === i && this.second[h] === j) return false;
      h = (h + 1) & mask;
    }
  }

  private grow(): void {
    const { first, second } = this;
    this.first = new Int32Array(first.length * 2).fill(-1);
    this.second = new Int32Array(first.length * 2);
    this.size = 0;
    for (let k = 0; k < first.length; k++) if ((first[k] as number) !== -1) this.add(first[k] as number, second[k] as number);
  }
}

const strong = (reasons: DuplicatePair['reasons']): boolean =>
  reasons.some((r) => (STRONG_REASONS as readonly string[]).includes(r));

/** The best `limit` pairs, and how many there are in all. */
export async function findDuplicates(deps: Deps, ownerId: string, limit = MAX_DUPLICATE_PAIRS): Promise<DuplicatesResponse> {
  const { people, channels } = await loadCandidates(deps.db, ownerId);
  const index = new Map(people.map((p, i) => [p.id, i]));
  const values = people.map(() => ({ emails: [] as string[], phones: [] as string[], links: [] as string[] }));
  const comparable: Comparable[] = people.map((p) => ({
    tokens: nameTokens(p.name),
    company: companyTokens(p.company),
    emails: new Set<string>(),
    phones: new Set<string>(),
    links: new Set<string>(),
  }));
  for (const c of comparable) prepare(c);
  for (const c of channels) {
    const i = index.get(c.person_id);
    if (i === undefined) continue;
    const v = values[i] as (typeof values)[number];
    const cmp = comparable[i] as Comparable & { emails: Set<string>; phones: Set<string>; links: Set<string> };
    if (c.kind === 'email') {
      v.emails.push(c.value);
      cmp.emails.add(normalizeChannel('email', c.value));
    } else if (c.kind === 'phone') {
      v.phones.push(c.value);
      const k = phoneKey(c.value);
      if (k) cmp.phones.add(k);
    } else {
      v.links.push(c.value);
      const k = linkedinKey(c.value);
      if (k) cmp.links.add(k);
    }
  }

  const blocks = new Map<string, number[]>();
  comparable.forEach((c, i) => {
    for (const k of new Set(blockingKeys(c))) {
      const list = blocks.get(k);
      if (!list) blocks.set(k, [i]);
      else if (list.length <= MAX_BLOCK) list.push(i);
    }
  });

  const order = comparable.map((c, i) => `${c.joined?.name[1] ?? ''}|${c.joined?.company[1] ?? ''}|${i}`);
  const seen = new PairSet();
  // Only the best `limit` pairs are shown: the list is cut back to them whenever it grows to four
  // times that (a pair cut then can never come back: the best ones only get better), and a pair
  // scoring below the worst one kept is not even added.
  type Found = { i: number; j: number; score: number; reasons: DuplicatePair['reasons'] };
  const better = (p: Found, q: Found) => q.score - p.score || p.i - q.i || p.j - q.j;
  let found: Found[] = [];
  let floor = MIN_SCORE;
  let total = 0;
  let strongTotal = 0;
  for (const list of blocks.values()) {
    if (list.length < 2 || list.length > MAX_BLOCK) continue;
    const window = list.length <= SMALL_BLOCK ? list.length : WINDOW;
    if (list.length > SMALL_BLOCK) list.sort((x, y) => ((order[x] as string) < (order[y] as string) ? -1 : 1));
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length && y <= x + window; y++) {
        const a = list[x] as number;
        const b = list[y] as number;
        const i = Math.min(a, b);
        const j = Math.max(a, b);
        if (!seen.add(i, j)) continue;
        const s = score(comparable[i] as Comparable, comparable[j] as Comparable);
        if (s.score < MIN_SCORE) continue;
        total++;
        if (strong(s.reasons)) strongTotal++;
        if (s.score < floor) continue;
        found.push({ i, j, score: s.score, reasons: s.reasons });
        if (found.length >= 4 * limit) {
          found.sort(better);
          found = found.slice(0, limit);
          floor = Math.max(floor, (found[found.length - 1] as Found).score);
        }
      }
  }
  found.sort(better);

  const view = (i: number) => {
    const p = people[i] as (typeof people)[number];
    const v = values[i] as (typeof values)[number];
    return {
      id: p.id,
      displayName: p.name,
      name: p.name,
      company: p.company,
      role: p.role,
      city: p.city,
      ...v,
      source: p.source,
      createdAt: p.created_at,
    };
  };
  // Kept by default: the fuller name, else the one in the network first (as an import keeps them).
  const keep = (a: ReturnType<typeof view>, b: ReturnType<typeof view>): SideKey => {
    const fuller = fullerName(a.name, b.name);
    if (fuller !== 0) return fuller < 0 ? 'a' : 'b';
    return b.createdAt < a.createdAt ? 'b' : 'a';
  };
  const pairs = found.slice(0, limit).map((f) => {
    const a = view(f.i);
    const b = view(f.j);
    return { a, b, score: f.score, reasons: f.reasons, keep: keep(a, b) };
  });
  return { pairs, total, strongTotal };
}

/**
 * The Duplicates page's "merge all pairs that share an email, a phone number or a profile URL".
 * Every pair must share one of those (else 400, nothing merged: people who share only a name are
 * never merged in bulk). Pairs that share a person are one group ("Barbie" is "Barbara Neri" by
 * her email and "Barbara N." by her phone): each group becomes one person, the one with the
 * fuller name (else the one in the network first, your own profile always). With `dryRun`, only
 * the groups are answered, for the page to show before anything is merged.
 */
export async function mergePairs(
  deps: Deps,
  ownerId: string,
  pairs: MergePairsBody['pairs'],
  dryRun = false,
): Promise<MergePairsResult> {
  const now = deps.now().toISOString();
  return deps.db.transaction().execute(async (tx) => {
    if (!dryRun) await lockNetwork(tx, ownerId);
    const ids = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];
    const [people, channels] = await Promise.all([repo.peopleByIds(tx, ownerId, ids), repo.channelsOfPeople(tx, ownerId, ids)]);
    if (people.length !== ids.length) throw notFound();
    const byId = new Map(people.map((p) => [p.id, p]));
    const chans = new Map<string, Array<{ kind: string; value: string }>>();
    for (const c of channels) {
      const list = chans.get(c.person_id);
      if (list) list.push(c);
      else chans.set(c.person_id, [c]);
    }
    // Groups: union-find over the pairs, in the order they came.
    const parent = new Map(ids.map((id) => [id, id]));
    const root = (id: string): string => {
      let r = id;
      while (parent.get(r) !== r) r = parent.get(r) as string;
      return r;
    };
    for (const [i, p] of pairs.entries()) {
      if (p.a === p.b || !sharesStrongKey(chans.get(p.a) ?? [], chans.get(p.b) ?? []))
        throw badRequest('These two people share no email, phone number or LinkedIn profile', [
          { path: `pairs.${i}`, message: 'no shared email, phone or profile' },
        ]);
      const [x, y] = [root(p.a), root(p.b)];
      if (x !== y) parent.set(y, x);
    }
    const members = new Map<string, string[]>();
    for (const id of ids) {
      const r = root(id);
      const list = members.get(r);
      if (list) list.push(id);
      else members.set(r, [id]);
    }
    type Row = (typeof people)[number];
    const keptFirst = (x: Row, y: Row): number =>
      y.is_self - x.is_self ||
      fullerName(x.name, y.name) ||
      (x.created_at < y.created_at ? -1 : x.created_at > y.created_at ? 1 : 0);
    const groups = [...members.values()].map((list) => {
      const rows = list.map((id) => byId.get(id) as Row).sort(keptFirst);
      const [keep, ...merged] = rows as [Row, ...Row[]];
      return { keep: { id: keep.id, name: keep.name }, merged: merged.map((m) => ({ id: m.id, name: m.name })) };
    });
    const mergedAway = groups.flatMap((g) => g.merged.map((m) => m.id));
    if (!dryRun) {
      const locale = await userLocale(tx, ownerId);
      for (const g of groups) for (const m of g.merged) await mergeWithin(tx, ownerId, g.keep.id, m.id, { locale, now });
    }
    return { groups, merged: mergedAway.length, kept: groups.map((g) => g.keep.id), mergedAway };
  });
}

function sharesStrongKey(
  a: ReadonlyArray<{ kind: string; value: string }>,
  b: ReadonlyArray<{ kind: string; value: string }>,
): boolean {
  const keyOf = (c: { kind: string; value: string }): string | null => {
    if (c.kind === 'email') return `e:${normalizeChannel('email', c.value)}`;
    if (c.kind === 'phone') {
      const k = phoneKey(c.value);
      return k === null ? null : `p:${k}`;
    }
    const k = linkedinKey(c.value);
    return k === null ? null : `l:${k}`;
  };
  const mine = new Set(a.map(keyOf).filter((k) => k !== null));
  return b.some((c) => {
    const k = keyOf(c);
    return k !== null && mine.has(k);
  });
}
