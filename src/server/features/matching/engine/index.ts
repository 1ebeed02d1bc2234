/**
 * Rete matching engine: in-memory, bilingual (Italian/English) ranking of short texts.
 *
 * Usage
 * -----
 *   const helpers = new MatchEngine();                  // index of OFFERS
 *   helpers.upsertOffer({ id: 'o1', personId: 'p1', text: 'Recupero crediti e decreti ingiuntivi',
 *                         headline: 'Avvocato civilista', city: 'Napoli' });
 *   helpers.upsertPersonHeadline('p1', 'Avvocato civilista');   // re-indexes p1's offers
 *   helpers.removeOffer('o1'); helpers.removePerson('p1');
 *   helpers.query('clients pay late', { limit: 20, excludePersonIds: ['me'] })
 *     // -> [{ offerId, personId, score, reasons: [{ kind: 'concept', conceptId, labelIt, labelEn,
 *     //       needText: 'clients pay late', offerText: 'Recupero crediti' }, ...] }, ...]
 *   helpers.queryPeople('clients pay late', { limit: 20 })
 *     // -> [{ personId, score, best: OfferMatch, offers: OfferMatch[] }]: best offer per person
 *
 * Reverse direction ("who needs what this person offers"): a second instance indexes NEEDS
 * with the same methods (a need is an "offer" document of that instance) and is queried with
 * an offer's text. Scoring is symmetric (concept relations are expanded both ways on the
 * query side), so the same class serves both directions. Pass `textIsOffer` for that query:
 * what an offer names after "per"/"for" is its audience, which only adds to needs found by what
 * the offer gives and is not expanded (a course for lawyers is not legal help).
 *
 * Scoring
 * -------
 * score = Σ over concepts shared by query and document  q_c · d_c · idf_c · weight_c
 *       + LEX · BM25 over Snowball stems (offer text weight 1, headline weight HEAD_TERM)
 *       × a distance factor when the query names a place (places.ts): helpers there or nearby
 *         first, far ones last, and for a service given on site (a plumber) far ones drop out.
 * q_c is 1 for a concept the query states, r for a concept reached through a catalogue
 * relation (problem -> profession, specialty -> profession), lower for self-descriptions
 * ("I'm an architect"). d_c is 1 for the offer text, HEAD_CONCEPT for the headline, and lower
 * for an offer's audience ("privacy policy per siti": the offer is privacy, not websites).
 * Words with several senses ("sito", "rete", "Java") are disambiguated from context both in
 * concepts and in lexical terms (terms carry their sense tag).
 *
 * Cost: documents have integer ids; postings are plain number arrays (hundreds of thousands of
 * small typed arrays made V8's GC walk a huge array-buffer list); removals are lazy (a dead flag,
 * with per-posting compaction) so updates stay well under a millisecond; queries reuse score
 * buffers and keep a bounded heap. Per distinct word, the catalogue caches its stem, the
 * patterns it may start and its Snowball stems (catalogue.ts wordInfo); identical headlines
 * share one analysis. Reasons are built from what indexing stored (concept hits and term spans
 * of each offer), so a query never re-analyses result texts. On large networks, terms in more
 * than 5% of documents and concepts reached only through a relation in more than 3% are
 * skipped (their idf is low and they would touch a large part of the index).
 * Lexical terms are integer ids (catalogue.ts termId, cached per word), so indexing a document
 * does no string-keyed map work beyond the word cache. Queries score evidence rarest first with
 * a per-unit upper bound: once what is left cannot lift an untouched document above the
 * `limit`-th best person so far, common units only add to documents already found (MaxScore
 * style; see score()), and the same check runs between the members of a concept group. This
 * bounds the cost of needs that name a very common segment. The k-th best person comes from
 * the few documents above a document-level bound (kthPerson), and only documents that can be
 * someone's best in the answer are grouped by person (queryPeople).
 */
import { ALL_CONCEPTS } from '../concepts/index.ts';
import type { ConceptDef } from '../concepts/types.ts';
import { altStem, analyze, type Analysis } from './analyze.ts';
import { compileCatalogue, findTermId, type Catalogue } from './catalogue.ts';
import { distanceKm, placeOf, type Place } from './places.ts';
import type { Lang } from './stem.ts';

export type { Lang } from './stem.ts';
export { analyze } from './analyze.ts';
export { compileCatalogue } from './catalogue.ts';

export interface OfferInput {
  id: string;
  personId: string;
  text: string;
  /** The person's headline; stored per person (last value wins) and weighted below the offer. */
  headline?: string;
  /** The person's city, for needs tied to a place. */
  city?: string;
  lang?: Lang;
}

export interface QueryOptions {
  limit?: number;
  excludePersonIds?: Iterable<string>;
  /** Language of the need when known (otherwise detected). */
  lang?: Lang;
  /**
   * The text is an offer matched against an index of needs (the reverse direction): what it
   * names after "per"/"for" is its audience ("… per studi legali"), weighted down and not
   * expanded through the catalogue's relations, since the offer does not provide it.
   */
  textIsOffer?: boolean;
}

export interface Reason {
  kind: 'concept' | 'term' | 'place';
  /** For a place: how far the document's person is from the place the need names, in km. */
  km?: number;
  /** Where the helper's words come from: an offer they typed, or their role (headline, company, tags). */
  source: 'offer' | 'role';
  conceptId?: string;
  labelIt?: string;
  labelEn?: string;
  /** The phrase of the query (need) that matched. */
  needText: string;
  /** The phrase of the document (offer or headline) that matched. */
  offerText: string;
}

export interface OfferMatch {
  /** The offer's id; for a person known only by their role, the id of their profile document. */
  offerId: string;
  /** An offer, or the profile of a person with no offers (role, company, tags). */
  kind: 'offer' | 'role';
  personId: string;
  score: number;
  /**
   * How sure the engine is that this document answers the need, in [0, 1], independent of the
   * network's size: the strongest concept of the need it states (1 in an offer, less in a role,
   * less again through a related concept), or the share of the need's informative words it has.
   */
  confidence: number;
  reasons: Reason[];
}

export interface PersonMatch {
  personId: string;
  /** Best offer's score plus a little for a second matching offer. */
  score: number;
  /** The best offer's confidence (see OfferMatch.confidence). */
  confidence: number;
  /** The best offer, with reasons. */
  best: OfferMatch;
  /** The person's other matching offers, best first (at most 3), without reasons. */
  others: Array<{ offerId: string; score: number }>;
}

export interface MatchEngineOptions {
  /** Replace the built-in catalogue (tests, experiments). */
  concepts?: readonly ConceptDef[];
  /** Scoring weights; the defaults are the product's settings. */
  weights?: Partial<Weights>;
}

export interface Weights {
  lex: number;
  headTerm: number;
  headConcept: 0.7;
  reverseRel: number;
  secondOffer: number;
  k1: number;
  b: number;
}

const DEFAULT_WEIGHTS: Weights = {
  lex: 0.25,
  headTerm: 0.6,
  headConcept: 0.7,
  reverseRel: 0.6,
  secondOffer: 0.15,
  k1: 1.2,
  b: 0.5,
};

// Terms in more than this share of documents are skipped for speed: they carry almost no
// information (BM25 idf near zero) but would touch a large part of the index.
const MAX_DF_SHARE = 0.05;
// The same for concepts reached only through a relation (weaker evidence).
const MAX_DF_SHARE_EXPANDED = 0.03;
const MIN_DOCS_FOR_DF_CAP = 2000;
const SUPPORT = 0.3;
// A document's concept weight is at most 1.3 (offer + headline); see reindex.
const MAX_DOC_CONCEPT_WEIGHT = 1.3;
// Units rarer than this are always scored in full (checking the bound would cost more).
const PRUNE_MIN_DF = 500;
// At most this many bound checks per query, and none once many documents are touched.
const MAX_PRUNE_CHECKS = 8;
const PRUNE_MAX_TOUCHED = 20_000;
// A check costs a pass over the documents touched so far: it is made before a unit whose
// postings are at least a tenth of that many.
const PRUNE_DF_RATIO = 10;
// Bound checks between the members of a concept group (a stated concept and its relations).
const MAX_GROUP_CHECKS = 2;
// Confidence of evidence by where it is found: an offer, the headline beside an offer, a role alone.
const HEAD_CONF = 0.7;
const ROLE_CONF = 0.8;
// A person known only by their role: their profile is weaker evidence than an offer they typed.
const ROLE_DOC_WEIGHT = 0.8;
// Lexical evidence alone is worth at most this much confidence, and less when the need states a
// concept that the document does not have.
const LEX_CONF = 0.75;
const LEX_CONF_OFF_CONCEPT = 0.4;
// A shared sector, market or kind of product (a topic concept) is context more than an answer.
const TOPIC_CONF = 0.55;
// Stated concepts at least this share as strong as the need's strongest are its heart (core).
const CORE_SHARE = 0.75;
// A document that only shares the need's context concepts is this much less likely to answer.
const CONTEXT_CONF = 0.55;
// A document that has a broad word of the need but not the word narrowing it ("corso di vela").
const NARROW_CONF = 0.5;
/** Prefix of the internal document id of a person's profile (role, company, tags). */
const PROFILE_DOC = '\u0000profile:';
const HEADLINE_CACHE = 50_000;
const DOC_CACHE = 2_000;

// Plain arrays, not typed arrays: hundreds of thousands of small ArrayBuffers make every V8
// garbage collection walk its array-buffer list, which made building 200k offers super-linear.
class Postings {
  ids: number[] = [];
  w: number[] = [];
  n = 0;
  dead = 0;
  add(id: number, w: number): void {
    this.ids.push(id);
    this.w.push(w);
    this.n++;
  }
  compact(alive: Uint8Array): void {
    let j = 0;
    for (let i = 0; i < this.n; i++) {
      const id = this.ids[i] ?? 0;
      if (alive[id]) {
        this.ids[j] = id;
        this.w[j] = this.w[i] ?? 0;
        j++;
      }
    }
    this.n = j;
    this.ids.length = j;
    this.w.length = j;
    this.dead = 0;
  }
}

interface DocRecord {
  offerId: string;
  /** 0: an offer (with the person's headline); 1: the profile of a person known only by their role. */
  kind: 0 | 1;
  person: number;
  text: string;
  /** Distinct lexical term ids of offer + headline, offer terms first in text order. */
  terms: number[];
  /** For each term, [start, end) of its first occurrence in the offer text, or -1 (headline only). */
  termSpans: number[];
  concepts: number[];
  /** Concept hits of the offer text itself: (concept, start, end, weight) quadruples, for reasons and confidence. */
  hits: number[];
}

interface PersonRecord {
  id: string;
  num: number;
  headline: string;
  headlineAnalysis: Analysis | null;
  /** Where the person is (their city field in the gazetteer), and the city as they wrote it. */
  place: Place | null;
  cityName: string;
  /** Live document ids of the person (a few: a plain array, not one Set per person). */
  docs: number[];
}

interface QueryConcept {
  concept: number;
  w: number;
  /** The stated concept this one comes from (itself for a stated concept). */
  origin: number;
  /** Span of the need phrase that brought the concept in. */
  start: number;
  end: number;
  /** Only adds to documents found by the rest of the query (an offer's audience, see textIsOffer). */
  boost: boolean;
  /**
   * How sure a document stating this concept answers the need, before where the document states
   * it: the mention's strength, the relation that led here, and whether the origin is the heart
   * of the need (a core concept) or context around it.
   */
  conf: number;
  /** The need narrows its origin with a word the catalogue does not know: a document must have one of these terms. */
  narrow?: number[];
}

interface QueryTerm {
  w: number;
  start: number;
  end: number;
  boost: boolean;
  /** How much the word says about the need, for confidence: 0 for generic words ("clienti", "new"). */
  info: number;
}

let sharedCatalogue: Catalogue | null = null;

/** The built-in catalogue, compiled once per process. */
export function defaultCatalogue(): Catalogue {
  if (!sharedCatalogue) sharedCatalogue = compileCatalogue(ALL_CONCEPTS);
  return sharedCatalogue;
}

export class MatchEngine {
  readonly catalogue: Catalogue;
  private readonly wt: Weights;
  private docs: Array<DocRecord | undefined> = [];
  /** Coordinates of each person's place (NaN when unknown), by person number. */
  private personLat = new Float64Array(0);
  private personLon = new Float64Array(0);
  private alive = new Uint8Array(1024);
  private docPerson = new Int32Array(1024);
  private docLen = new Float32Array(1024);
  private live = 0;
  private totalLen = 0;
  private readonly offerToDoc = new Map<string, number>();
  private readonly persons: PersonRecord[] = [];
  private readonly personNum = new Map<string, number>();
  /** Term postings indexed by the catalogue's integer term id. */
  private termPostings: Array<Postings | undefined> = [];
  // Per-document scratch (a document has a few dozen terms at most: linear scans beat maps).
  private readonly tfIds: number[] = [];
  private readonly tfW: number[] = [];
  private readonly tfSpans: number[] = [];
  private readonly cwIds: number[] = [];
  private readonly cwW: number[] = [];
  private conceptPostings: Array<Postings | undefined> = [];
  // Reused per query: scores and a "touched in this query" stamp avoid clearing big arrays.
  private acc = new Float64Array(1024);
  private stamp = new Uint32Array(1024);
  private touched = new Int32Array(1024);
  private epoch = 0;
  private originBest = new Float64Array(1024);
  private originStamp = new Uint32Array(1024);
  private originEpoch = 0;
  private personAcc = new Float64Array(256);
  private personBestDoc = new Int32Array(256);
  private personStamp = new Uint32Array(256);
  private peopleBuf = new Int32Array(1024);
  private totalBuf = new Float64Array(1024);
  private idxBuf = new Int32Array(1024);
  /** The most live documents one person has had (a high-water mark), for score bounds. */
  private maxDocsPerPerson = 1;
  private heapBuf = new Float64Array(64);
  private kthStamp = new Uint32Array(256);
  private kthBest = new Float64Array(256);
  private kthPeople = new Int32Array(256);
  private kthEpoch = 0;

  // Headlines repeat across people ("Commercialista", "Avvocato"): one analysis per distinct
  // headline, shared by everyone who has it.
  private readonly headlineCache = new Map<string, Analysis>();
  private readonly docCache = new Map<string, Analysis>();

  constructor(options: MatchEngineOptions = {}) {
    this.catalogue = options.concepts ? compileCatalogue(options.concepts) : defaultCatalogue();
    this.wt = { ...DEFAULT_WEIGHTS, ...options.weights };
  }

  get size(): number {
    return this.live;
  }

  // ---------------------------------------------------------------- updates

  upsertOffer(input: OfferInput): void {
    const p = this.person(input.personId);
    if (input.headline !== undefined && input.headline !== p.headline) {
      p.headline = input.headline;
      p.headlineAnalysis = input.headline ? this.analyzeHeadline(input.headline) : null;
      // The headline is part of every offer of the person: re-index the others.
      for (const d of [...p.docs]) {
        const rec = this.docs[d];
        if (rec && rec.kind === 0 && rec.offerId !== input.id) this.reindex(rec.offerId, rec.text, p);
      }
    }
    if (input.city !== undefined) this.setCity(p, input.city);
    this.reindex(input.id, input.text, p, input.lang);
  }

  /**
   * The profile of a person known by their role (headline, company, tags), as a document of its
   * own: weaker evidence than an offer (ROLE_DOC_WEIGHT). Callers index it for people with no
   * open offer; an empty text removes it.
   */
  upsertProfile(personId: string, text: string, city?: string): void {
    const p = this.person(personId);
    if (city !== undefined) this.setCity(p, city);
    const id = PROFILE_DOC + personId;
    if (!text.trim()) {
      this.removeOffer(id);
      return;
    }
    this.reindex(id, text, p, undefined, 1);
  }

  removeOffer(offerId: string): boolean {
    const d = this.offerToDoc.get(offerId);
    if (d === undefined) return false;
    this.removeDoc(d);
    return true;
  }

  upsertPersonHeadline(personId: string, headline: string, city?: string): void {
    const p = this.person(personId);
    if (city !== undefined) this.setCity(p, city);
    if (headline === p.headline) return;
    p.headline = headline;
    p.headlineAnalysis = headline ? this.analyzeHeadline(headline) : null;
    for (const d of [...p.docs]) {
      const rec = this.docs[d];
      if (rec && rec.kind === 0) this.reindex(rec.offerId, rec.text, p);
    }
  }

  removePerson(personId: string): void {
    const n = this.personNum.get(personId);
    if (n === undefined) return;
    const p = this.persons[n];
    if (!p) return;
    for (const d of [...p.docs]) this.removeDoc(d);
    p.headline = '';
    p.headlineAnalysis = null;
  }

  private analyzeHeadline(headline: string): Analysis {
    let a = this.headlineCache.get(headline);
    if (a === undefined) {
      a = analyze(this.catalogue, headline, undefined, { document: true });
      if (this.headlineCache.size >= HEADLINE_CACHE) this.headlineCache.clear();
      this.headlineCache.set(headline, a);
    }
    return a;
  }

  /** Analysis of a document text; identical texts (templates, re-indexing on a headline change) share one. */
  private analyzeDoc(text: string, lang?: Lang): Analysis {
    const key = lang === undefined ? text : lang + '\u0000' + text;
    let a = this.docCache.get(key);
    if (a === undefined) {
      a = analyze(this.catalogue, text, lang, { document: true });
      if (this.docCache.size >= DOC_CACHE) this.docCache.clear();
      this.docCache.set(key, a);
    }
    return a;
  }

  private setCity(p: PersonRecord, city: string): void {
    if (city === p.cityName) return;
    p.cityName = city;
    p.place = placeOf(city);
    if (this.personLat.length <= p.num) {
      const cap = Math.max(p.num + 1, this.personLat.length * 2);
      const lat = new Float64Array(cap).fill(NaN);
      const lon = new Float64Array(cap).fill(NaN);
      lat.set(this.personLat);
      lon.set(this.personLon);
      this.personLat = lat;
      this.personLon = lon;
    }
    this.personLat[p.num] = p.place ? p.place.lat : NaN;
    this.personLon[p.num] = p.place ? p.place.lon : NaN;
  }

  private person(personId: string): PersonRecord {
    let n = this.personNum.get(personId);
    if (n === undefined) {
      n = this.persons.length;
      this.personNum.set(personId, n);
      this.persons.push({ id: personId, num: n, headline: '', headlineAnalysis: null, place: null, cityName: '', docs: [] });
    }
    const p = this.persons[n];
    if (!p) throw new Error('unreachable');
    return p;
  }

  private grow(min: number): void {
    if (min < this.alive.length) return;
    let cap = this.alive.length;
    while (cap <= min) cap *= 2;
    const g8 = (a: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> => {
      const b = new Uint8Array(cap);
      b.set(a);
      return b;
    };
    const g32 = (a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    const gf = (a: Float32Array<ArrayBuffer>): Float32Array<ArrayBuffer> => {
      const b = new Float32Array(cap);
      b.set(a);
      return b;
    };
    this.alive = g8(this.alive);
    this.docPerson = g32(this.docPerson);
    this.docLen = gf(this.docLen);
    this.acc = new Float64Array(cap);
    this.stamp = new Uint32Array(cap);
    this.touched = new Int32Array(cap);
    this.originBest = new Float64Array(cap);
    this.originStamp = new Uint32Array(cap);
    this.originEpoch = 0;
  }

  private reindex(offerId: string, text: string, p: PersonRecord, lang?: Lang, kind: 0 | 1 = 0): void {
    const old = this.offerToDoc.get(offerId);
    if (old !== undefined) {
      if (kind === 0 && this.docs[old]?.kind === 1) kind = 1;
      this.removeDoc(old);
    }
    const a = kind === 1 ? this.analyzeHeadline(text) : this.analyzeDoc(text, lang);
    const h = kind === 1 ? null : p.headlineAnalysis;
    const scale = kind === 1 ? ROLE_DOC_WEIGHT : 1;
    const tfIds = this.tfIds;
    const tfW = this.tfW;
    const spans = this.tfSpans;
    let nt = 0;
    spans.length = 0;
    for (const t of a.terms) {
      let k = 0;
      while (k < nt && tfIds[k] !== t.id) k++;
      if (k === nt) {
        tfIds[nt] = t.id;
        tfW[nt++] = scale * t.weight;
        spans.push(t.start, t.end);
      } else tfW[k] = (tfW[k] ?? 0) + scale * t.weight;
    }
    if (h) {
      const hw = this.wt.headTerm;
      for (const t of h.terms) {
        let k = 0;
        while (k < nt && tfIds[k] !== t.id) k++;
        if (k === nt) {
          tfIds[nt] = t.id;
          tfW[nt++] = hw * t.weight;
          spans.push(-1, -1);
        } else tfW[k] = (tfW[k] ?? 0) + hw * t.weight;
      }
    }
    const cwIds = this.cwIds;
    const cwW = this.cwW;
    let nc = 0;
    const hits = new Array<number>(a.concepts.length * 4);
    let hi = 0;
    for (const c of a.concepts) {
      let k = 0;
      while (k < nc && cwIds[k] !== c.concept) k++;
      if (k === nc) {
        cwIds[nc] = c.concept;
        cwW[nc++] = scale * c.weight;
      } else cwW[k] = Math.max(cwW[k] ?? 0, scale * c.weight);
      hits[hi++] = c.concept;
      hits[hi++] = c.start;
      hits[hi++] = c.end;
      hits[hi++] = c.weight;
    }
    if (h)
      for (const c of h.concepts) {
        // Stated in both the offer and the headline: a little stronger than either alone.
        let k = 0;
        while (k < nc && cwIds[k] !== c.concept) k++;
        if (k === nc) {
          cwIds[nc] = c.concept;
          cwW[nc++] = Math.min(1.3, this.wt.headConcept * c.weight);
        } else cwW[k] = Math.min(1.3, (cwW[k] ?? 0) + this.wt.headConcept * c.weight);
      }
    const d = this.docs.length;
    this.grow(d + 1);
    let len = 0;
    const termPostings = this.termPostings;
    const terms = new Array<number>(nt);
    for (let k = 0; k < nt; k++) {
      const id = tfIds[k] ?? 0;
      const f = tfW[k] ?? 0;
      let post = termPostings[id];
      if (!post) {
        while (termPostings.length < id) termPostings.push(undefined);
        termPostings[id] = post = new Postings();
      }
      post.add(d, f);
      len += f;
      terms[k] = id;
    }
    const concepts = new Array<number>(nc);
    for (let k = 0; k < nc; k++) {
      const c = cwIds[k] ?? 0;
      let post = this.conceptPostings[c];
      if (!post) this.conceptPostings[c] = post = new Postings();
      post.add(d, cwW[k] ?? 0);
      concepts[k] = c;
    }
    this.docs.push({
      offerId,
      kind,
      person: p.num,
      text,
      terms,
      termSpans: spans.slice(),
      concepts,
      hits,
    });
    this.alive[d] = 1;
    this.docPerson[d] = p.num;
    this.docLen[d] = len;
    this.live++;
    this.totalLen += len;
    this.offerToDoc.set(offerId, d);
    p.docs.push(d);
    if (p.docs.length > this.maxDocsPerPerson) this.maxDocsPerPerson = p.docs.length;
  }

  private removeDoc(d: number): void {
    const rec = this.docs[d];
    if (!rec || !this.alive[d]) return;
    this.alive[d] = 0;
    this.live--;
    this.totalLen -= this.docLen[d] ?? 0;
    for (const t of rec.terms) {
      const post = this.termPostings[t];
      if (!post) continue;
      post.dead++;
      if (post.dead * 2 > post.n) {
        post.compact(this.alive);
        if (post.n === 0) this.termPostings[t] = undefined;
      }
    }
    for (const c of rec.concepts) {
      const post = this.conceptPostings[c];
      if (!post) continue;
      post.dead++;
      if (post.dead * 2 > post.n) post.compact(this.alive);
    }
    this.offerToDoc.delete(rec.offerId);
    const pd = this.persons[rec.person]?.docs;
    if (pd) {
      const at = pd.indexOf(d);
      if (at >= 0) pd.splice(at, 1);
    }
    this.docs[d] = undefined;
  }

  // ---------------------------------------------------------------- queries

  /** Offers ranked for a need, best first, with reasons. */
  query(needText: string, options: QueryOptions = {}): OfferMatch[] {
    const limit = options.limit ?? 20;
    const q = this.prepare(needText, options.lang, options.textIsOffer);
    const excluded = this.excludedPersons(options.excludePersonIds);
    const touchedN = this.score(q, limit, excluded);
    const top = topK(
      this.touched,
      touchedN,
      this.acc,
      limit,
      excluded.size > 0 ? (d) => !excluded.has(this.docPerson[d] ?? -1) : null,
    );
    return top.map((d) => this.explain(d, q));
  }

  /** People ranked for a need: each person's best offer, plus a little for a second one. */
  queryPeople(needText: string, options: QueryOptions = {}): PersonMatch[] {
    const limit = options.limit ?? 20;
    const q = this.prepare(needText, options.lang, options.textIsOffer);
    const excluded = this.excludedPersons(options.excludePersonIds);
    const touchedN = this.score(q, limit, excluded);
    if (this.personAcc.length < this.persons.length) {
      const cap = Math.max(this.persons.length, this.personAcc.length * 2);
      this.personAcc = new Float64Array(cap);
      this.personBestDoc = new Int32Array(cap);
      this.personStamp = new Uint32Array(cap);
    }
    // A person's score is at most (1 + secondOffer) × their best offer's, so an offer scoring
    // below that share of a lower bound on the limit-th best person cannot be the best offer
    // of anyone in the answer: only the others are grouped by person (hot loop: locals, no
    // closures). Answers of common needs touch tens of thousands of offers; a few hundred
    // remain.
    const second = this.wt.secondOffer;
    const cutoff = this.kthPerson(touchedN, limit, excluded) / (1 + second);
    const people = this.peopleBuf.length >= touchedN ? this.peopleBuf : (this.peopleBuf = new Int32Array(touchedN * 2));
    let np = 0;
    const touched = this.touched;
    const docPerson = this.docPerson;
    const acc = this.acc;
    const stamp = this.stamp;
    const pStamp = this.personStamp;
    const pAcc = this.personAcc;
    const pBest = this.personBestDoc;
    const ep = this.epoch;
    const anyExcluded = excluded.size > 0;
    for (let i = 0; i < touchedN; i++) {
      const d = touched[i] ?? 0;
      const s = acc[d] ?? 0;
      if (s < cutoff || s <= 0) continue;
      const p = docPerson[d] ?? 0;
      if (anyExcluded && excluded.has(p)) continue;
      if (pStamp[p] !== ep) {
        pStamp[p] = ep;
        pAcc[p] = s;
        pBest[p] = d;
        people[np++] = p;
      } else if (s > (pAcc[p] ?? 0)) {
        pAcc[p] = s;
        pBest[p] = d;
      }
    }
    if (this.totalBuf.length < np) {
      this.totalBuf = new Float64Array(np * 2);
      this.idxBuf = new Int32Array(np * 2);
    }
    const total = this.totalBuf;
    const idx = this.idxBuf;
    for (let i = 0; i < np; i++) {
      const p = people[i] ?? 0;
      // The second best offer, from the person's own (few) offers.
      const bestDoc = pBest[p] ?? 0;
      let sec = 0;
      const docs = this.persons[p]?.docs ?? [];
      for (const d of docs) {
        if (d === bestDoc || stamp[d] !== ep) continue;
        const v = acc[d] ?? 0;
        if (v > sec) sec = v;
      }
      total[i] = (pAcc[p] ?? 0) + second * sec;
      idx[i] = i;
    }
    const top = topK(idx, np, total, limit, null);
    return top.map((i) => {
      const p = people[i] ?? 0;
      const rec = this.persons[p];
      const bestDoc = this.personBestDoc[p] ?? 0;
      const others = [...(rec?.docs ?? [])]
        .filter((d) => d !== bestDoc && this.stamp[d] === this.epoch && (this.acc[d] ?? 0) > 0)
        .sort((a, b) => (this.acc[b] ?? 0) - (this.acc[a] ?? 0))
        .slice(0, 3)
        .map((d) => ({ offerId: this.docs[d]?.offerId ?? '', score: this.acc[d] ?? 0 }));
      const best = this.explain(bestDoc, q);
      return { personId: rec?.id ?? '', score: total[i] ?? 0, confidence: best.confidence, best, others };
    });
  }

  /** The indexed text of a document (an offer; a need in an index of needs). */
  textOf(offerId: string): string | undefined {
    const d = this.offerToDoc.get(offerId);
    return d === undefined ? undefined : this.docs[d]?.text;
  }

  /** The analysis of a text, for debugging and for callers that show detected concepts. */
  analyzeText(
    text: string,
    lang?: Lang,
  ): { lang: Lang; concepts: Array<{ id: string; labelIt: string; labelEn: string; text: string }> } {
    const a = analyze(this.catalogue, text, lang);
    return {
      lang: a.lang,
      concepts: a.concepts.map((h) => {
        const c = this.catalogue.concepts[h.concept];
        return { id: c?.id ?? '', labelIt: c?.labelIt ?? '', labelEn: c?.labelEn ?? '', text: text.slice(h.start, h.end) };
      }),
    };
  }

  private excludedPersons(ids: Iterable<string> | undefined): Set<number> {
    const out = new Set<number>();
    if (ids)
      for (const id of ids) {
        const n = this.personNum.get(id);
        if (n !== undefined) out.add(n);
      }
    return out;
  }

  private prepare(text: string, lang?: Lang, textIsOffer = false): PreparedQuery {
    const a = analyze(this.catalogue, text, lang, { document: textIsOffer });
    const cat = this.catalogue;
    // One entry per concept, owned by its strongest origin; when several phrases of the need
    // point to the same concept, that agreement adds a little (SUPPORT) on top.
    const concepts = new Map<number, QueryConcept>();
    const support = new Map<number, number>();
    const put = (qc: QueryConcept): void => {
      const prev = concepts.get(qc.concept);
      if (!prev || prev.w < qc.w) {
        if (prev && prev.origin !== qc.origin) support.set(qc.concept, (support.get(qc.concept) ?? 0) + prev.w);
        concepts.set(qc.concept, prev ? { ...qc, conf: Math.max(qc.conf, prev.conf) } : qc);
      } else {
        if (prev.origin !== qc.origin) support.set(qc.concept, (support.get(qc.concept) ?? 0) + qc.w);
        prev.conf = Math.max(prev.conf, qc.conf);
      }
    };
    // The heart of the need: its strongest stated concepts (what follows "cerco", "I need", or
    // everything when nothing stands out). The rest is context: a document that only shares
    // context ("a Bologna", "per il mio ristorante") is less likely to answer.
    let strongest = 0;
    for (const h of a.concepts) {
      const c = cat.concepts[h.concept];
      if (c && !h.audience) strongest = Math.max(strongest, h.weight * Math.min(1, c.weight));
    }
    // When the need says what it asks for ("chi fa …", "anyone know …"), its heart is what it
    // names there: a concept mentioned elsewhere is context, and when the catalogue knows none of
    // the words there, every concept of the need is (analyze.ts, Analysis.heart).
    // A broad concept in the heart ("agganci", "contacts") does not make a specific one elsewhere
    // context: then the strongest concepts are core too.
    let heartStrongest = 0;
    for (const h of a.concepts) {
      const c = cat.concepts[h.concept];
      if (c && !h.audience && h.heart) heartStrongest = Math.max(heartStrongest, h.weight * Math.min(1, c.weight));
    }
    const isCore = (h: (typeof a.concepts)[number]): boolean => {
      if (h.audience) return false;
      if (a.heart === 'uncovered') return false;
      if (a.heart === 'covered' && h.heart) return true;
      if (a.heart === 'covered' && heartStrongest >= CORE_SHARE * strongest) return false;
      const c = cat.concepts[h.concept];
      return h.weight * Math.min(1, c?.weight ?? 1) >= CORE_SHARE * strongest;
    };
    let coreService = false;
    for (const h of a.concepts) {
      const c = cat.concepts[h.concept];
      if (c && !c.topic && isCore(h)) coreService = true;
    }
    const coreOf = (h: (typeof a.concepts)[number]): number => Math.min(1, h.weight) * (isCore(h) ? 1 : CONTEXT_CONF);
    for (const h of a.concepts) {
      const c = cat.concepts[h.concept];
      if (!c) continue;
      put({
        concept: h.concept,
        w: h.weight,
        origin: h.concept,
        start: h.start,
        end: h.end,
        boost: h.audience === true,
        conf: coreOf(h),
        ...(h.narrow ? { narrow: h.narrow } : {}),
      });
    }
    // One hop along the relation graph, both ways; direct mentions already in `concepts` win.
    for (const h of a.concepts) {
      const c = cat.concepts[h.concept];
      if (!c || h.audience) continue;
      const base = coreOf(h);
      const narrow = h.narrow ? { narrow: h.narrow } : {};
      for (const r of c.rel)
        put({
          concept: r.to,
          w: h.weight * r.w,
          origin: h.concept,
          start: h.start,
          end: h.end,
          boost: false,
          conf: base * r.w,
          ...narrow,
        });
      for (const r of c.relIn)
        put({
          concept: r.to,
          w: h.weight * r.w * this.wt.reverseRel,
          origin: h.concept,
          start: h.start,
          end: h.end,
          boost: false,
          conf: base * r.w * this.wt.reverseRel,
          ...narrow,
        });
    }
    for (const [c, extra] of support) {
      const qc = concepts.get(c);
      if (qc) qc.w += SUPPORT * Math.min(extra, 1);
    }
    const terms = new Map<number, QueryTerm>();
    let infoTotal = 0;
    for (const t of a.terms) {
      const prev = terms.get(t.id);
      const boost = t.audience === true;
      if (prev) {
        prev.w = Math.min(2, prev.w + t.weight * 0.5);
        prev.boost &&= boost;
      } else {
        const info = t.generic ? 0 : Math.min(1, t.weight);
        if (!boost) infoTotal += info;
        terms.set(t.id, { w: t.weight, start: t.start, end: t.end, boost, info });
      }
      const alt = altStem(
        t.term,
        a.lang,
        text
          .slice(t.start, t.end)
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')
          .toLowerCase(),
      );
      const altId = alt ? findTermId(cat, alt) : -1;
      if (altId >= 0 && !terms.has(altId))
        terms.set(altId, {
          w: t.weight * 0.5,
          start: t.start,
          end: t.end,
          boost,
          info: t.generic ? 0 : 0.5 * Math.min(1, t.weight),
        });
    }
    let stated = 0;
    for (const h of a.concepts) if (!h.audience && h.weight >= 0.5) stated++;
    let local = false;
    for (const qc of concepts.values()) if (qc.conf >= 0.6 && !qc.boost && cat.concepts[qc.concept]?.local) local = true;
    const facets = new Map<string, Set<number>>();
    for (const h of a.concepts) {
      const f = cat.concepts[h.concept]?.facet;
      if (!f || h.audience) continue;
      const set = facets.get(f) ?? new Set<number>();
      set.add(h.concept);
      facets.set(f, set);
    }
    const near: number[] = [];
    for (const np of a.places)
      near.push(np.place.lat, np.place.lon, KM_PER_DEGREE * Math.cos((np.place.lat * Math.PI) / 180), np.place.radiusKm);
    return { text, analysis: a, concepts: [...concepts.values()], terms, infoTotal, stated, coreService, local, facets, near };
  }

  private idf(df: number): number {
    const n = Math.max(this.live, 1);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * Fills acc/touched for the query; returns how many documents were touched.
   *
   * Evidence is scored rarest first (concept groups and terms by document frequency). Before a
   * common unit, if every unit left could give a document not yet touched at most less than
   * the `limit`-th best person so far, the remaining units only add to documents already
   * touched: the walk of a long posting list stays, but the tens of thousands of documents that
   * share only a common word or segment with the need are no longer collected, aggregated
   * per person and heap-ranked (the slow tail of queries and of whole offers used as queries).
   */
  private score(q: PreparedQuery, limit: number, excluded: Set<number>): number {
    this.epoch++;
    if (this.epoch === 0xffffffff) {
      this.stamp.fill(0);
      this.personStamp.fill(0);
      this.epoch = 1;
    }
    const ep = this.epoch;
    const acc = this.acc;
    const stamp = this.stamp;
    const alive = this.alive;
    const touched = this.touched;
    let touchedN = 0;
    const cat = this.catalogue;
    const units: ScoreUnit[] = [];
    // Concepts: each stated concept of the need is satisfied at most once per document, by the
    // best of itself and the concepts it expands to. Without this, a problem with many related
    // services ("cash shortage" -> cash flow, CFO, loans) would outweigh a direct answer.
    const expandedCap = this.live >= MIN_DOCS_FOR_DF_CAP ? this.live * MAX_DF_SHARE_EXPANDED : Infinity;
    const byOrigin = new Map<number, ScoreUnit>();
    for (const qc of q.concepts) {
      const post = this.conceptPostings[qc.concept];
      if (!post || post.n - post.dead === 0) continue;
      if (qc.origin !== qc.concept && post.n - post.dead > expandedCap) continue;
      const c = cat.concepts[qc.concept];
      const factor = qc.w * (c?.weight ?? 1) * this.idf(post.n - post.dead);
      let u = byOrigin.get(qc.origin);
      if (!u) {
        byOrigin.set(qc.origin, (u = { posts: [], factors: [], idf: 0, df: 0, bound: 0, boost: true }));
        units.push(u);
      }
      u.boost &&= qc.boost;
      // Members in decreasing factor order (the stated concept first): later, weaker members
      // may then be limited to documents already found.
      let at = u.factors.length;
      while (at > 0 && (u.factors[at - 1] ?? 0) < factor) at--;
      u.posts.splice(at, 0, post);
      u.factors.splice(at, 0, factor);
      u.df += post.n;
      u.bound = Math.max(u.bound, factor * MAX_DOC_CONCEPT_WEIGHT);
    }
    const cap = this.live >= MIN_DOCS_FOR_DF_CAP ? this.live * MAX_DF_SHARE : Infinity;
    const { k1, b } = this.wt;
    for (const [term, qt] of q.terms) {
      const post = this.termPostings[term];
      if (!post) continue;
      const df = post.n - post.dead;
      if (df === 0 || df > cap) continue;
      const idf = this.idf(df);
      const factor = this.wt.lex * qt.w;
      units.push({ posts: [post], factors: [factor], idf, df: post.n, bound: factor * idf * (k1 + 1), boost: qt.boost });
    }
    // Boost-only units last, so that every document they may add to has been found.
    units.sort((x, y) => Number(x.boost) - Number(y.boost) || x.df - y.df);
    let rest = 0;
    for (const u of units) rest += u.bound;
    const cityBoost = q.analysis.places.length > 0 ? PLACE_MAX : 1;
    let admit = true;
    let checks = 0;
    let groupChecks = 0;
    // A person's score is their best offer's plus a share of their second best: a document that
    // cannot reach theta / (1 + share) cannot make its person's score reach theta. (The second
    // offer of someone already found may still be cut off; its share is a tie-breaker.)
    const secondShare = 1 + this.wt.secondOffer;
    const avg = this.live > 0 ? this.totalLen / this.live : 1;
    const best = this.originBest;
    const bestStamp = this.originStamp;
    let theta = 0;
    for (const u of units) {
      // One bound check before a common unit: the k-th best person so far (theta) decides
      // whether documents this unit would bring in can still reach the top, and, inside a
      // concept group, whether its weaker members may open new documents.
      if (
        admit &&
        u.df >= PRUNE_MIN_DF &&
        u.df * PRUNE_DF_RATIO >= touchedN &&
        touchedN >= limit &&
        checks < MAX_PRUNE_CHECKS &&
        touchedN <= PRUNE_MAX_TOUCHED
      ) {
        checks++;
        theta = this.kthPerson(touchedN, limit, excluded) / secondShare;
        if (rest * cityBoost < theta) admit = false;
      }
      rest -= u.bound;
      if (u.idf === 0) {
        // A concept group: the best of its members per document, added to the score as it
        // improves, so that the k-th best person can be re-read between members.
        this.originEpoch++;
        if (this.originEpoch === 0xffffffff) {
          bestStamp.fill(0);
          this.originEpoch = 1;
        }
        const oep = this.originEpoch;
        let open = admit && !u.boost;
        let remainingDf = u.df;
        for (let g = 0; g < u.posts.length; g++) {
          const post = u.posts[g] as Postings;
          const { ids, w, n } = post;
          const factor = u.factors[g] ?? 0;
          if (g > 0 && open) {
            // A document found by neither earlier units nor earlier members of this group can
            // get at most this member's bound plus everything after this group (members come
            // in decreasing factor order, so the bound only falls).
            if (
              remainingDf >= PRUNE_MIN_DF &&
              remainingDf * PRUNE_DF_RATIO >= touchedN &&
              touchedN >= limit &&
              groupChecks < MAX_GROUP_CHECKS &&
              touchedN <= PRUNE_MAX_TOUCHED
            ) {
              groupChecks++;
              theta = this.kthPerson(touchedN, limit, excluded) / secondShare;
            }
            if ((rest + factor * MAX_DOC_CONCEPT_WEIGHT) * cityBoost < theta) open = false;
          }
          remainingDf -= post.n;
          for (let i = 0; i < n; i++) {
            const d = ids[i] ?? 0;
            if (!alive[d]) continue;
            const v = factor * (w[i] ?? 0);
            if (bestStamp[d] === oep) {
              const prev = best[d] ?? 0;
              if (v > prev) {
                acc[d] = (acc[d] ?? 0) + v - prev;
                best[d] = v;
              }
            } else if (stamp[d] === ep) {
              bestStamp[d] = oep;
              best[d] = v;
              acc[d] = (acc[d] ?? 0) + v;
            } else if (open) {
              bestStamp[d] = oep;
              best[d] = v;
              stamp[d] = ep;
              acc[d] = v;
              touched[touchedN++] = d;
            }
          }
        }
      } else {
        const { ids, w, n } = u.posts[0] as Postings;
        const fi = (u.factors[0] ?? 0) * u.idf;
        const docLen = this.docLen;
        for (let i = 0; i < n; i++) {
          const d = ids[i] ?? 0;
          if (!alive[d]) continue;
          const fresh = stamp[d] !== ep;
          if (fresh && (!admit || u.boost)) continue;
          const f = w[i] ?? 0;
          const s = (fi * (f * (k1 + 1))) / (f + k1 * (1 - b + (b * (docLen[d] ?? 0)) / avg));
          if (fresh) {
            stamp[d] = ep;
            acc[d] = s;
            touched[touchedN++] = d;
          } else acc[d] = (acc[d] ?? 0) + s;
        }
      }
    }
    if (q.near.length > 0) {
      // Coordinates per person in typed arrays, the distance inline: this runs over every
      // document a need that names a place touches.
      const docPerson = this.docPerson;
      const pLat = this.personLat;
      const pLon = this.personLon;
      const near = q.near;
      const local = q.local;
      for (let i = 0; i < touchedN; i++) {
        const d = touched[i] ?? 0;
        const p = docPerson[d] ?? 0;
        const lat = p < pLat.length ? (pLat[p] ?? NaN) : NaN;
        if (lat !== lat) continue;
        const lon = pLon[p] ?? 0;
        let km = Infinity;
        for (let j = 0; j < near.length; j += 4) {
          const dx = (lon - (near[j + 1] ?? 0)) * (near[j + 2] ?? 1);
          const dy = (lat - (near[j] ?? 0)) * KM_PER_DEGREE;
          const k = Math.sqrt(dx * dx + dy * dy) - (near[j + 3] ?? 0);
          if (k < km) km = k;
        }
        acc[d] = (acc[d] ?? 0) * distanceFactor(km < 0 ? 0 : km, local);
      }
    }
    return touchedN;
  }

  /**
   * The k-th best score of a distinct, not excluded person among the touched documents (0 if
   * fewer). A person has at most maxDocsPerPerson documents, so the best m = (k + |excluded|)
   * · maxDocsPerPerson documents belong to at least k people who are not excluded: everyone
   * at or above the k-th best person has a document at or above the m-th best document score.
   * One pass finds that score (a bounded heap over the scores, no per-person work), a second
   * groups the few documents above it by person.
   */
  private kthPerson(touchedN: number, k: number, excluded: Set<number>): number {
    const m = (k + excluded.size) * this.maxDocsPerPerson;
    const touched = this.touched;
    const acc = this.acc;
    if (this.heapBuf.length < Math.max(m, k)) this.heapBuf = new Float64Array(Math.max(m, k) * 2);
    const floor = touchedN >= m ? kthLargest(touched, touchedN, acc, 1, m, this.heapBuf) : 0;
    if (this.kthStamp.length < this.persons.length) {
      this.kthStamp = new Uint32Array(Math.max(this.persons.length, this.kthStamp.length * 2));
      this.kthBest = new Float64Array(this.kthStamp.length);
    }
    if (++this.kthEpoch === 0xffffffff) {
      this.kthStamp.fill(0);
      this.kthEpoch = 1;
    }
    const ke = this.kthEpoch;
    const kStamp = this.kthStamp;
    const kBest = this.kthBest;
    const people = this.kthPeople.length >= touchedN ? this.kthPeople : (this.kthPeople = new Int32Array(touchedN * 2));
    const docPerson = this.docPerson;
    const anyExcluded = excluded.size > 0;
    let np = 0;
    for (let i = 0; i < touchedN; i++) {
      const d = touched[i] ?? 0;
      const s = acc[d] ?? 0;
      if (s < floor || s <= 0) continue;
      const p = docPerson[d] ?? 0;
      if (anyExcluded && excluded.has(p)) continue;
      if (kStamp[p] !== ke) {
        kStamp[p] = ke;
        kBest[p] = s;
        people[np++] = p;
      } else if (s > (kBest[p] ?? 0)) kBest[p] = s;
    }
    if (np < k) return 0;
    return kthLargest(people, np, kBest, 1, k, this.heapBuf);
  }

  /**
   * How far a person's place is from the nearest place the need names (0 inside it), or null.
   * An equirectangular approximation around each named place (no trigonometry per document;
   * within a few km of the great-circle distance at the scale of a country).
   */
  private kmFrom(q: PreparedQuery, place: Place | null): number | null {
    if (!place || q.analysis.places.length === 0) return null;
    let best = Infinity;
    const near = q.near;
    for (let i = 0; i < near.length; i += 4) {
      const dx = (place.lon - (near[i + 1] ?? 0)) * (near[i + 2] ?? 1);
      const dy = (place.lat - (near[i] ?? 0)) * KM_PER_DEGREE;
      best = Math.min(best, Math.max(0, Math.sqrt(dx * dx + dy * dy) - (near[i + 3] ?? 0)));
    }
    return best;
  }

  private hasAnyTerm(rec: DocRecord, head: Analysis | null, ids: readonly number[]): boolean {
    for (const id of ids) {
      if (rec.terms.includes(id)) return true;
      if (head?.terms.some((t) => t.id === id)) return true;
    }
    return false;
  }

  private explain(d: number, q: PreparedQuery): OfferMatch {
    const rec = this.docs[d];
    const person = rec ? this.persons[rec.person] : undefined;
    const reasons: Array<Reason & { weight: number }> = [];
    let conceptConf = 0;
    let lexMatched = 0;
    const role = rec?.kind === 1;
    if (rec && person) {
      // Reasons come from what indexing stored (concept hits and term spans of the offer) and
      // the person's headline analysis: no text is analysed again at query time.
      const head = role ? null : person.headlineAnalysis;
      const cat = this.catalogue;
      const hits = rec.hits;
      for (const qc of q.concepts) {
        let k = -1;
        for (let i = 0; i < hits.length; i += 4) if (hits[i] === qc.concept) k = i;
        const inHead = k < 0 ? head?.concepts.find((h) => h.concept === qc.concept) : undefined;
        if (k < 0 && !inHead) continue;
        const c = cat.concepts[qc.concept];
        // How strongly the document states it: an audience ("… per ristoranti") or cues count less.
        const stated = Math.min(1, k >= 0 ? (hits[k + 3] ?? 1) : (inHead?.weight ?? 1));
        const where = (k >= 0 ? (role ? ROLE_CONF : 1) : HEAD_CONF) * stated;
        // Sharing a sector or a market ("vino", "Germania") is context, not an answer.
        const kind = c?.topic && q.coreService ? TOPIC_CONF : 1;
        // "corso di vela": a course that is not about sailing answers another need.
        const narrowed = qc.narrow && !this.hasAnyTerm(rec, head, qc.narrow) ? NARROW_CONF : 1;
        if (!qc.boost) conceptConf = Math.max(conceptConf, qc.conf * Math.min(1, c?.weight ?? 1) * kind * where * narrowed);
        reasons.push({
          kind: 'concept',
          source: k >= 0 && !role ? 'offer' : 'role',
          conceptId: c?.id ?? '',
          labelIt: c?.labelIt ?? '',
          labelEn: c?.labelEn ?? '',
          needText: q.text.slice(qc.start, qc.end),
          offerText: k >= 0 ? rec.text.slice(hits[k + 1], hits[k + 2]) : person.headline.slice(inHead?.start, inHead?.end),
          weight: qc.w * (c?.weight ?? 1) * (k >= 0 ? 1 : 0.7),
        });
      }
      const seen = new Set<number>();
      const lexical = (term: number, src: string, start: number, end: number, factor: number, source: 'offer' | 'role'): void => {
        const qt = q.terms.get(term);
        if (!qt || seen.has(term)) return;
        seen.add(term);
        if (!qt.boost) lexMatched += qt.info;
        const needText = q.text.slice(qt.start, qt.end);
        if (reasons.some((r) => r.needText.includes(needText))) return;
        reasons.push({ kind: 'term', source, needText, offerText: src.slice(start, end), weight: 0.3 * qt.w * factor });
      };
      for (let i = 0; i < rec.terms.length; i++) {
        const start = rec.termSpans[2 * i] ?? -1;
        if (start >= 0)
          lexical(rec.terms[i] ?? -1, rec.text, start, rec.termSpans[2 * i + 1] ?? start, 1, role ? 'role' : 'offer');
      }
      if (head) for (const t of head.terms) lexical(t.id, person.headline, t.start, t.end, 0.6, 'role');
    }
    reasons.sort((a, b) => b.weight - a.weight);
    // Words alone: the share of the need's informative words the document has, worth less when
    // the need states a concept that the document lacks.
    let lexConf = q.infoTotal > 0 ? Math.min(1, lexMatched / q.infoTotal) : 0;
    lexConf *= conceptConf === 0 && q.stated > 0 ? LEX_CONF_OFF_CONCEPT : LEX_CONF;
    if (role) lexConf *= ROLE_CONF;
    let confidence = Math.max(conceptConf, lexConf);
    // The need names a value of a facet (a language, a market) and the helper names only others.
    if (rec && q.facets.size > 0) {
      const cat = this.catalogue;
      for (const [facet, wanted] of q.facets) {
        let other = false;
        let same = false;
        for (const c of rec.concepts) {
          if (cat.concepts[c]?.facet !== facet) continue;
          if (wanted.has(c)) same = true;
          else other = true;
        }
        if (other && !same) confidence *= FACET_MISMATCH;
      }
    }
    // A need tied to a place: where the helper is, and how far from it.
    const km = this.kmFrom(q, person?.place ?? null);
    let placeReason: Reason | null = null;
    if (km !== null && person) {
      confidence *= distanceConfidence(km, q.local);
      const here = person.place as Place;
      const named = q.analysis.places.reduce((b, np) => (distanceKm(here, np.place) < distanceKm(here, b.place) ? np : b));
      placeReason = {
        kind: 'place',
        source: 'role',
        needText: q.text.slice(named.start, named.end),
        offerText: person.cityName,
        km: Math.round(km),
      };
    }
    const shown = reasons.slice(0, placeReason ? 5 : 6).map(({ weight: _w, ...r }) => r);
    if (placeReason) shown.push(placeReason);
    return {
      offerId: rec?.offerId ?? '',
      kind: role ? 'role' : 'offer',
      personId: person?.id ?? '',
      score: this.acc[d] ?? 0,
      confidence,
      reasons: shown,
    };
  }
}

interface ScoreUnit {
  posts: Postings[];
  factors: number[];
  /** BM25 idf for a term; 0 marks a concept group. */
  idf: number;
  df: number;
  /** Most this unit can add to one document's score. */
  bound: number;
  /** Adds only to documents found by other units. */
  boost: boolean;
}

interface PreparedQuery {
  text: string;
  analysis: Analysis;
  concepts: QueryConcept[];
  terms: Map<number, QueryTerm>;
  /** Sum of the informative weight of the need's words. */
  infoTotal: number;
  /** How many concepts the need states itself (not reached through a relation). */
  stated: number;
  /** The heart of the need is a service (not only a sector or a product): sharing a topic is then context. */
  coreService: boolean;
  /** The need is for a service given on site (a plumber, premises): distance matters much more. */
  local: boolean;
  /** Values of facets the need names ("market": the Japanese market, Japanese), by facet. */
  facets: Map<string, Set<number>>;
  /** The places the need names, as (lat, lon, km per degree of longitude there, radius) quadruples. */
  near: number[];
}

const KM_PER_DEGREE = 111.2;

// A helper who names only other values of a facet the need names (German, not Japanese).
const FACET_MISMATCH = 0.55;

// Most a place can multiply a score by (a helper in the very place the need names).
const PLACE_MAX = 1.3;

/** Score factor for a helper `km` away from the place a need names. */
function distanceFactor(km: number, local: boolean): number {
  if (local) return km <= 15 ? 1.3 : km <= 40 ? 1.2 : km <= 80 ? 1 : km <= 150 ? 0.75 : 0.5;
  return km <= 15 ? 1.2 : km <= 40 ? 1.1 : km <= 150 ? 1 : 0.9;
}

/** Confidence factor: a service given on site is no answer from far away. */
function distanceConfidence(km: number, local: boolean): number {
  if (!local) return 1;
  return km <= 80 ? 1 : km <= 150 ? 0.7 : 0.35;
}

/** The m-th largest of `scores[stride · items[0..n)]` (n ≥ m), with a bounded min-heap in `heap`. */
function kthLargest(items: Int32Array, n: number, scores: Float64Array, stride: number, m: number, heap: Float64Array): number {
  let size = 0;
  for (let j = 0; j < n; j++) {
    const v = scores[stride * (items[j] ?? 0)] ?? 0;
    if (size < m) {
      let c = size++;
      while (c > 0) {
        const up = (c - 1) >> 1;
        if ((heap[up] ?? 0) <= v) break;
        heap[c] = heap[up] ?? 0;
        c = up;
      }
      heap[c] = v;
    } else if (v > (heap[0] ?? 0)) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= m) break;
        const r = l + 1;
        const c = r < m && (heap[r] ?? 0) < (heap[l] ?? 0) ? r : l;
        if ((heap[c] ?? 0) >= v) break;
        heap[i] = heap[c] ?? 0;
        i = c;
      }
      heap[i] = v;
    }
  }
  return heap[0] ?? 0;
}

/** Indices (taken from `items[0..n)`) of the k best scores (`scores[stride · i]`), best first, via a bounded min-heap. */
function topK(
  items: Int32Array,
  n: number,
  scores: Float64Array,
  k: number,
  keep: ((i: number) => boolean) | null,
  stride = 1,
): number[] {
  const heap: number[] = [];
  const s = (i: number): number => scores[stride * i] ?? 0;
  const down = (i0: number): void => {
    let i = i0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && s(heap[l] ?? 0) < s(heap[m] ?? 0)) m = l;
      if (r < heap.length && s(heap[r] ?? 0) < s(heap[m] ?? 0)) m = r;
      if (m === i) return;
      const t = heap[i] ?? 0;
      heap[i] = heap[m] ?? 0;
      heap[m] = t;
      i = m;
    }
  };
  for (let j = 0; j < n; j++) {
    const i = items[j] ?? 0;
    const v = scores[stride * i] ?? 0;
    if (v <= 0) continue;
    if (heap.length >= k && v <= s(heap[0] ?? 0)) continue;
    if (keep !== null && !keep(i)) continue;
    if (heap.length < k) {
      heap.push(i);
      let c = heap.length - 1;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (s(heap[p] ?? 0) <= s(heap[c] ?? 0)) break;
        const t = heap[p] ?? 0;
        heap[p] = heap[c] ?? 0;
        heap[c] = t;
        c = p;
      }
    } else if (v > s(heap[0] ?? 0)) {
      heap[0] = i;
      down(0);
    }
  }
  return heap.sort((a, b) => s(b) - s(a));
}
