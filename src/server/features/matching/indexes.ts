import type { NetworkView } from '../network/network-cache.ts';
import type { LoadedDocs } from '../people/people.repo.ts';
import { MatchEngine } from './engine/index.ts';

const headlineOf = (p: { role: string | null; company: string | null }): string | undefined =>
  [p.role, p.company].filter((s): s is string => !!s).join(' — ') || undefined;

/**
 * The matching engine over one owner's open needs or open offers (kept fresh by NetworkCache).
 * My own items also go into a small engine of their own, so "what can I give" never competes
 * with the whole network for a place in the top results.
 *
 * In the index of offers, a person with no open offer is still a candidate, known by their role:
 * their role, company and tags ("Commercialista — Studio Galli") form a profile document, weaker
 * evidence than an offer they typed. Someone with offers is represented by them (each carries
 * the headline), so a person is never counted twice.
 */
export class ItemIndex implements NetworkView {
  readonly all = new MatchEngine();
  readonly mine = new MatchEngine();
  selfId: string | null = null;

  constructor(private readonly kind: 'offers' | 'needs') {}

  apply(loaded: LoadedDocs, ids: readonly string[] | null): void {
    if (ids) {
      for (const id of ids) {
        this.all.removePerson(id);
        if (id === this.selfId) this.mine.removePerson(id);
      }
    }
    const people = new Map(loaded.people.map((p) => [p.id, p]));
    for (const p of loaded.people) if (p.is_self === 1) this.selfId = p.id;
    // A person's headline says what they do: evidence for their offers, not for their needs.
    const withItems = new Set<string>();
    for (const item of this.kind === 'offers' ? loaded.offers : loaded.needs) {
      if (item.status !== 'open') continue;
      const p = people.get(item.person_id);
      if (!p) continue;
      withItems.add(p.id);
      const doc = {
        id: item.id,
        personId: item.person_id,
        text: item.text,
        ...(this.kind === 'offers' && headlineOf(p) ? { headline: headlineOf(p) } : {}),
        ...(p.city ? { city: p.city } : {}),
      };
      this.all.upsertOffer(doc);
      if (p.is_self === 1) this.mine.upsertOffer(doc);
    }
    if (this.kind !== 'offers') return;
    const tags = new Map<string, string[]>();
    for (const t of loaded.tags) {
      const list = tags.get(t.person_id);
      if (list) list.push(t.tag);
      else tags.set(t.person_id, [t.tag]);
    }
    for (const p of loaded.people) {
      if (withItems.has(p.id) || p.is_self === 1) continue;
      const text = profileText(headlineOf(p), tags.get(p.id));
      if (text) this.all.upsertProfile(p.id, text, p.city ?? undefined);
    }
  }
}

/** What a person known only by their role is known by: "Avvocato giuslavorista — Studio Rossi · privacy". */
export function profileText(headline: string | undefined, tags: readonly string[] | undefined): string {
  const t = tags && tags.length > 0 ? tags.join(', ') : '';
  return [headline ?? '', t].filter((s) => s.length > 0).join(' · ');
}
