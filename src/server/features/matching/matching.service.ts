import type { Helper, MatchReason, MatchResults, Seeker, ValueFinder } from '#shared/api/matching.ts';
import type { SearchMatch } from '#shared/api/people.ts';
import type { FeedbackItemKind } from '#shared/api/values.ts';
import { words } from '#shared/text/fold.ts';
import { notFound } from '../../lib/errors.ts';
import type { AppDeps } from '../../deps.ts';
import { askKey, phraseOf, type Expanded, type Learning } from '../learning/learn.ts';
import { loadLearning } from '../learning/learning.service.ts';
import * as peopleRepo from '../people/people.repo.ts';
import { snippet } from '../people/search-match.ts';
import { candidateCount, embeddingProvider, rerank } from './embeddings.ts';
import type { MatchEngine, OfferMatch, PersonMatch, QueryOptions } from './engine/index.ts';
import type { NetworkGraph } from './graph.ts';
import type { ItemIndex } from './indexes.ts';
import { applyCutOff, RELEVANCE } from './relevance.ts';

export const MATCH_VIEWS = {
  offers: 'offers',
  needs: 'needs',
  graph: 'graph',
} as const;

/** Results per need (or per offer) in the Value Finder: the confident ones among these. */
const PER_ITEM = 10;
const MINE_PER_NEED = 3;

interface Views {
  offers: ItemIndex;
  needs: ItemIndex;
  graph: NetworkGraph;
}

async function views(deps: Pick<AppDeps, 'network'>, ownerId: string): Promise<Views> {
  const [offers, needs, graph] = await Promise.all([
    deps.network.view(ownerId, MATCH_VIEWS.offers),
    deps.network.view(ownerId, MATCH_VIEWS.needs),
    deps.network.view(ownerId, MATCH_VIEWS.graph),
  ]);
  return { offers, needs, graph };
}

/** The engine's reasons; the words of the ask that stood for a phrase the user taught are shown as that phrase. */
const toReasons = (m: OfferMatch, taught: Expanded['replaced'] = []): MatchReason[] =>
  m.reasons.map((r) => ({
    kind: r.kind,
    source: r.source,
    labelIt: r.labelIt ?? null,
    labelEn: r.labelEn ?? null,
    needText: r.kind === 'place' ? r.needText : phraseOf(r.needText, taught),
    offerText: r.offerText,
    km: r.km ?? null,
  }));

/** Swaps the roles of the texts when the engine matched an offer (query) against needs (documents). */
const reversed = (m: OfferMatch, taught: Expanded['replaced'] = []): MatchReason[] =>
  toReasons(m, taught).map((r) => ({ ...r, needText: r.offerText, offerText: r.needText }));

/**
 * What the user taught, around the engine (learning/learn.ts): the ask read with their own words,
 * the people they dismissed for it left out, and their verdicts on similar asks applied.
 */
async function rankLearnt(
  deps: AppDeps,
  engine: MatchEngine,
  learning: Learning,
  ask: { kind: FeedbackItemKind; key: string; text: string },
  options: QueryOptions & { limit: number; excludePersonIds?: string[] },
): Promise<{ ranked: PersonMatch[]; taught: Expanded['replaced'] }> {
  const ex = learning.expand(ask.text);
  const dismissed = learning.dismissed(ask.kind, ask.key);
  const ranked = await rankPeople(deps, engine, ex.text, {
    ...options,
    excludePersonIds: [...(options.excludePersonIds ?? []), ...dismissed],
  });
  if (learning.empty) return { ranked, taught: ex.replaced };
  return { ranked: learning.rerank(ranked, ask.kind, ask.key, learning.conceptsOf(ex.text)), taught: ex.replaced };
}

/** Loads the people and items that the results name. */
async function hydrate(
  deps: AppDeps,
  ownerId: string,
  personIds: string[],
  items: Array<{ table: 'needs' | 'offers'; id: string }>,
) {
  const [people, offers, needs] = await Promise.all([
    peopleRepo.personBriefs(deps.db, ownerId, personIds),
    peopleRepo.itemTexts(
      deps.db,
      'offers',
      ownerId,
      items.filter((i) => i.table === 'offers').map((i) => i.id),
    ),
    peopleRepo.itemTexts(
      deps.db,
      'needs',
      ownerId,
      items.filter((i) => i.table === 'needs').map((i) => i.id),
    ),
  ]);
  return {
    person: new Map(people.map((p) => [p.id, p])),
    item: new Map([...offers, ...needs].map((i) => [i.id, { id: i.id, text: i.text, language: i.language }])),
  };
}

/**
 * People ranked for a text by the engine and, when an embeddings provider is configured, re-ranked
 * with embedding similarity among a few more of the engine's candidates (see embeddings.ts).
 */
async function rankPeople(
  deps: AppDeps,
  engine: MatchEngine,
  text: string,
  options: QueryOptions & { limit: number },
): Promise<PersonMatch[]> {
  const provider = embeddingProvider(deps.config.embeddings);
  if (!provider) return engine.queryPeople(text, options);
  const candidates = engine.queryPeople(text, { ...options, limit: candidateCount(options.limit) });
  const ranked = await rerank(
    provider,
    text,
    candidates.map((m) => ({ item: m, score: m.score, text: engine.textOf(m.best.offerId) ?? '' })),
    options.limit,
  );
  return ranked.map(({ item, score }) => ({ ...item, score }));
}

/** "Cerco… / I need…": the people of my network (me included) whose offers answer a need. */
export async function matchText(deps: AppDeps, ownerId: string, text: string, limit: number): Promise<MatchResults> {
  const [v, learning] = await Promise.all([views(deps, ownerId), loadLearning(deps.db, ownerId)]);
  const key = askKey(text);
  const { ranked, taught } = await rankLearnt(deps, v.offers.all, learning, { kind: 'ask', key, text }, { limit });
  const h = await hydrate(
    deps,
    ownerId,
    ranked.map((r) => r.personId),
    ranked.filter((r) => r.best.kind === 'offer').map((r) => ({ table: 'offers' as const, id: r.best.offerId })),
  );
  const { ordered, shown } = applyCutOff(ranked);
  const items = ordered.flatMap((r, i) => {
    const person = h.person.get(r.personId);
    const offer = r.best.kind === 'offer' ? h.item.get(r.best.offerId) : null;
    return person && offer !== undefined
      ? [
          {
            person,
            offer,
            score: round(r.score),
            reasons: toReasons(r.best, taught),
            path: v.graph.pathTo(r.personId),
            feedback: learning.verdict('ask', key, r.personId),
            i,
          },
        ]
      : [];
  });
  // What is shown is the first `shown` results; a result whose person or offer vanished meanwhile is left out.
  return { items: items.map(({ i: _i, ...h }) => h), shown: items.filter((x) => x.i < shown).length };
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/** The confident answers only (the relevance cut-off), best first. */
const shownOnly = (ranked: PersonMatch[]): PersonMatch[] => {
  const { ordered, shown } = applyCutOff(ranked);
  return ordered.slice(0, shown);
};

/**
 * The Value Finder for one person: for each open need, my offers that answer it and the people
 * of my network who can, with reasons and the path to them; for each open offer, who needs it.
 */
export async function valueFinder(deps: AppDeps, ownerId: string, personId: string): Promise<ValueFinder> {
  const person = await peopleRepo.findPerson(deps.db, ownerId, personId);
  if (!person) throw notFound();
  const [needs, offers] = await Promise.all([
    peopleRepo.itemsOf(deps.db, 'needs', ownerId, [personId]),
    peopleRepo.itemsOf(deps.db, 'offers', ownerId, [personId]),
  ]);
  const [v, learning] = await Promise.all([views(deps, ownerId), loadLearning(deps.db, ownerId)]);
  const selfId = v.offers.selfId;
  const exclude = [personId];

  const needResults = await Promise.all(
    needs
      .filter((n) => n.status === 'open')
      .map(async (n) => {
        const ask = { kind: 'need' as const, key: n.id, text: n.text };
        const { ranked, taught } = await rankLearnt(deps, v.offers.all, learning, ask, {
          limit: PER_ITEM,
          excludePersonIds: selfId ? [...exclude, selfId] : exclude,
        });
        const mineDismissed = selfId !== null && learning.dismissed('need', n.id).includes(selfId);
        return {
          need: n,
          taught,
          mine:
            personId === selfId || mineDismissed
              ? []
              : v.offers.mine
                  .query(learning.expand(n.text).text, { limit: MINE_PER_NEED })
                  .filter((m) => m.confidence >= RELEVANCE.minConfidence),
          network: shownOnly(ranked),
        };
      }),
  );
  const offerResults = await Promise.all(
    offers
      .filter((o) => o.status === 'open')
      .map(async (o) => {
        const ask = { kind: 'offer' as const, key: o.id, text: o.text };
        const { ranked, taught } = await rankLearnt(deps, v.needs.all, learning, ask, {
          limit: PER_ITEM,
          excludePersonIds: exclude,
          textIsOffer: true,
        });
        return { offer: o, taught, seekers: shownOnly(ranked) };
      }),
  );

  const personIds = [
    personId,
    ...needResults.flatMap((r) => [...r.mine.map((m) => m.personId), ...r.network.map((m) => m.personId)]),
    ...offerResults.flatMap((r) => r.seekers.map((s) => s.personId)),
  ];
  const items = [
    ...needResults
      .flatMap((r) => [
        ...r.mine.map((m) => m.offerId),
        ...r.network.filter((m) => m.best.kind === 'offer').map((m) => m.best.offerId),
      ])
      .map((id) => ({ table: 'offers' as const, id })),
    ...offerResults.flatMap((r) => r.seekers.map((s) => ({ table: 'needs' as const, id: s.best.offerId }))),
  ];
  const h = await hydrate(deps, ownerId, personIds, items);

  const helper = (m: OfferMatch, score: number, needId: string, taught: Expanded['replaced']): Helper[] => {
    const p = h.person.get(m.personId);
    const offer = m.kind === 'offer' ? h.item.get(m.offerId) : null;
    return p && offer !== undefined
      ? [
          {
            person: p,
            offer,
            score: round(score),
            reasons: toReasons(m, taught),
            path: v.graph.pathTo(m.personId),
            feedback: learning.verdict('need', needId, m.personId),
          },
        ]
      : [];
  };
  const seeker = (m: OfferMatch, score: number, offerId: string, taught: Expanded['replaced']): Seeker[] => {
    const p = h.person.get(m.personId);
    const need = h.item.get(m.offerId);
    return p && need
      ? [
          {
            person: p,
            need,
            score: round(score),
            reasons: reversed(m, taught),
            path: v.graph.pathTo(m.personId),
            feedback: learning.verdict('offer', offerId, m.personId),
          },
        ]
      : [];
  };
  const self = h.person.get(personId) ?? peopleRepo.toPersonBrief(person);
  return {
    person: self,
    needs: needResults.map((r) => ({
      need: { id: r.need.id, text: r.need.text, language: r.need.language },
      mine: r.mine.flatMap((m) => helper(m, m.score, r.need.id, r.taught)),
      network: r.network.flatMap((m) => helper(m.best, m.score, r.need.id, r.taught)),
    })),
    offers: offerResults.map((r) => ({
      offer: { id: r.offer.id, text: r.offer.text, language: r.offer.language },
      seekers: r.seekers.flatMap((m) => seeker(m.best, m.score, r.offer.id, r.taught)),
    })),
  };
}

/** People the search finds by meaning: at most this many, best first. */
const SEARCH_CONCEPT_LIMIT = 100;

/**
 * For the people search: contacts whose offers or role mean what the words typed ask for, as the
 * Value Finder understands them ("tax advisor" finds a Commercialista), best first. Only
 * confident matches that share a concept of the catalogue (a shared word alone is what the word
 * search finds already), each with the concept and the offer or role that matched.
 */
export async function conceptPeople(
  deps: Pick<AppDeps, 'db' | 'network'>,
  ownerId: string,
  query: string,
): Promise<Array<{ personId: string; match: SearchMatch }>> {
  const [v, learning] = await Promise.all([views(deps, ownerId), loadLearning(deps.db, ownerId)]);
  const { text } = learning.expand(query);
  if (learning.conceptsOf(text).length === 0) return [];
  const ranked = v.offers.all.queryPeople(text, {
    limit: SEARCH_CONCEPT_LIMIT,
    ...(v.offers.selfId ? { excludePersonIds: [v.offers.selfId] } : {}),
  });
  return ranked.flatMap((m) => {
    const reason = m.confidence >= RELEVANCE.minConfidence ? m.best.reasons.find((r) => r.kind === 'concept') : undefined;
    if (!reason) return [];
    return [
      {
        personId: m.personId,
        match: {
          field: 'concept' as const,
          // An offer in full (cut around the words that matched); for a role, the words of the role.
          text:
            m.best.kind === 'offer'
              ? snippet(v.offers.all.textOf(m.best.offerId) ?? reason.offerText, words(reason.offerText))
              : reason.offerText,
          concept: { labelIt: reason.labelIt ?? '', labelEn: reason.labelEn ?? '' },
        },
      },
    ];
  });
}

/** A helper found for a need on Today: the person, and whom to ask when they are not a direct contact. */
export interface NeedHelper {
  personId: string;
  name: string;
  isMe: boolean;
  via: { id: string; name: string } | null;
}

/**
 * For Today: the confident helpers of each of these needs of my contacts (the Value Finder's
 * cut-off, the user's feedback applied), me first when my offers answer it, then at most
 * `perNeed` people of my network, best first. Needs nobody confidently meets are left out.
 */
export async function confidentHelpers(
  deps: AppDeps,
  ownerId: string,
  needs: ReadonlyArray<{ id: string; text: string; personId: string }>,
  perNeed: number,
): Promise<Map<string, NeedHelper[]>> {
  const out = new Map<string, NeedHelper[]>();
  if (needs.length === 0) return out;
  const [v, learning] = await Promise.all([views(deps, ownerId), loadLearning(deps.db, ownerId)]);
  const selfId = v.offers.selfId;
  const found = await Promise.all(
    needs.map(async (n) => {
      const ask = { kind: 'need' as const, key: n.id, text: n.text };
      const exclude = selfId ? [n.personId, selfId] : [n.personId];
      const { ranked } = await rankLearnt(deps, v.offers.all, learning, ask, { limit: PER_ITEM, excludePersonIds: exclude });
      const mineDismissed = selfId !== null && learning.dismissed('need', n.id).includes(selfId);
      const mine =
        selfId && !mineDismissed
          ? v.offers.mine.query(learning.expand(n.text).text, { limit: 1 }).some((m) => m.confidence >= RELEVANCE.minConfidence)
          : false;
      return { need: n, mine, network: shownOnly(ranked).slice(0, perNeed) };
    }),
  );
  const ids = [...new Set(found.flatMap((f) => f.network.map((m) => m.personId)))];
  const names = new Map((await peopleRepo.namesOf(deps.db, ownerId, ids)).map((p) => [p.id, p.name]));
  for (const f of found) {
    const helpers: NeedHelper[] = [];
    if (f.mine && selfId) helpers.push({ personId: selfId, name: '', isMe: true, via: null });
    for (const m of f.network) {
      const name = names.get(m.personId);
      if (name === undefined) continue;
      const path = v.graph.pathTo(m.personId);
      const first = path.kind === 'via' ? path.via[0] : undefined;
      helpers.push({ personId: m.personId, name, isMe: false, via: first ? { id: first.personId, name: first.name } : null });
    }
    if (helpers.length > 0) out.set(f.need.id, helpers);
  }
  return out;
}
