/**
 * A seeded generator of a large bilingual network of offers and needs for the matching benchmark
 * (bench/matching.bench.ts). It is NOT the evaluation data: its vocabulary comes from
 *
 * - the domain phrases of the concept catalogue (about 7,000 Italian and English service,
 *   profession and problem phrases), picked with Zipf weights over concepts, so a few kinds of
 *   help are common (accountants, web agencies) and most are rare, as in a real network;
 * - segments ("per PMI", "for early-stage startups"), sectors and ~110 cities;
 * - a long tail of 30,000 generated proper nouns and niche words (brands, tools, product names,
 *   local places), Zipf-distributed, so that posting lists have the length distribution of real
 *   text rather than a handful of words repeated 200,000 times;
 * - Italian and English sentence frames (about 70% Italian, 30% English), with connectors and
 *   function words as people write them.
 *
 * Typical offer: "Consulenza su recupero crediti e decreti ingiuntivi per PMI del settore moda,
 * anche a Brescia (Velmora)". Needs are exactly six words.
 */
import { ALL_CONCEPTS } from '#server/features/matching/concepts/index.ts';
import { Rng, Zipf } from './lib/prng.ts';
import type { Locale } from '#shared/api/values.ts';

export interface BenchPerson {
  id: string;
  name: string;
  lang: Locale;
  headline: string;
  city: string;
  offers: string[];
  needs: string[];
}

const CITIES = (
  'Milano Roma Torino Napoli Firenze Bologna Venezia Genova Padova Verona Bari Palermo Catania Brescia Bergamo Como Monza ' +
  'Varese Lecco Pavia Cremona Mantova Modena Parma Reggio Piacenza Ferrara Ravenna Rimini Forlì Cesena Pesaro Ancona Perugia ' +
  'Terni Pisa Livorno Lucca Siena Arezzo Prato Pistoia Trento Bolzano Trieste Udine Pordenone Treviso Vicenza Rovigo Belluno ' +
  'Cagliari Sassari Olbia Lecce Taranto Brindisi Foggia Pescara Chieti Teramo Salerno Caserta Avellino Benevento Potenza Matera ' +
  'Cosenza Reggio Messina Siracusa Ragusa Trapani Agrigento Aosta Cuneo Asti Alessandria Novara Biella Vercelli Imperia Savona ' +
  'London Manchester Edinburgh Dublin Paris Lyon Berlin Munich Hamburg Zurich Geneva Vienna Madrid Barcelona Lisbon Amsterdam ' +
  'Brussels Copenhagen Stockholm Warsaw Prague Budapest Athens Istanbul Dubai NewYork Boston Toronto Singapore Tokyo'
).split(' ');

const SEGMENTS_IT = [
  'PMI',
  'professionisti',
  'startup',
  'ristoranti',
  'hotel',
  'negozi',
  'studi medici',
  'aziende agricole',
  'cantine',
  'e-commerce',
  'artigiani',
  'imprese edili',
  'aziende manifatturiere',
  'famiglie',
  'liberi professionisti',
  'associazioni',
  'scuole',
  'palestre',
  'agenzie',
  'studi legali',
  'commercialisti',
  'aziende del food',
  'brand di moda',
  'B&B',
];
const SEGMENTS_EN = [
  'SMEs',
  'founders',
  'early-stage startups',
  'restaurants',
  'hotels',
  'retailers',
  'clinics',
  'farms',
  'wineries',
  'online shops',
  'makers',
  'builders',
  'manufacturers',
  'families',
  'freelancers',
  'charities',
  'schools',
  'gyms',
  'agencies',
  'law firms',
  'food brands',
  'fashion labels',
  'SaaS companies',
  'expats',
];
const SECTORS_IT = [
  'moda',
  'arredo',
  'meccanica',
  'turismo',
  'energia',
  'sanità',
  'logistica',
  'edilizia',
  'fintech',
  'vino',
  'cosmetica',
  'editoria',
  'formazione',
  'automotive',
  'agroalimentare',
  'nautica',
  'design',
  'chimica',
];
const SECTORS_EN = [
  'fintech',
  'healthtech',
  'food and drink',
  'fashion',
  'climate tech',
  'logistics',
  'education',
  'media',
  'hospitality',
  'biotech',
  'retail',
  'construction',
  'manufacturing',
  'travel',
];

const FRAMES_IT = [
  '{A} per {S}',
  'Consulenza su {A} e {B} per {S}',
  '{A}: {B}, anche per {S} del settore {X}',
  'Seguo {A} dall’analisi alla consegna, per {S} a {C}',
  'Offro {A} e supporto su {B} ({R})',
  'Posso presentarti chi si occupa di {A} a {C}',
  '{A} e {B} per {S}, in italiano e inglese',
  'Esperienza decennale in {A}; lavoro con {S} del settore {X} ({R})',
  'Aiuto {S} con {A}, {B} e {B2}',
];
const FRAMES_EN = [
  '{A} for {S}',
  'Hands-on help with {A} and {B} for {S}',
  '{A}: {B}, mostly for {S} in {X}',
  'I run {A} projects end to end for {S} in {C}',
  'Can introduce you to people doing {A} in {C}',
  '{A} and {B} for {S} ({R})',
  'Ten years of {A}; I work with {X} {S} ({R})',
];
const NEED_IT = [
  'cerco {a} per {s}',
  'serve {a} a {c} subito',
  'mi serve aiuto con {a}',
  'qualcuno per {a} e {b}',
  'abbiamo bisogno di {a} {r}',
];
const NEED_EN = ['looking for {a} for {s}', 'need {a} in {c} soon', 'anyone doing {a} and {b}', 'we need help with {a} {r}'];

const SYL = [
  'ba',
  've',
  'lo',
  'tri',
  'na',
  'mo',
  'ra',
  'ki',
  'ster',
  'fen',
  'dor',
  'lu',
  'zi',
  'pa',
  'gor',
  'mel',
  'tan',
  'vix',
  'sol',
  'bri',
  'qua',
  'nor',
  'den',
  'ca',
  'ro',
  'li',
  'mar',
  'tek',
  'ion',
  'ex',
];

export interface GeneratorOptions {
  people: number;
  seed?: number;
}

/** Domain phrases of the catalogue, grouped per concept (Italian and English apart). */
function catalogueVocabulary(): { it: string[][]; en: string[][] } {
  // Names and services only: cues (weighted "word:0.4") are situation words, not what people
  // offer, and pattern syntax (verbs "+pagare", prefixes "pag*", "a & b") is not text.
  const clean = (t: string): string | null => {
    if (/:(0?\.\d+|1)$/.test(t) || t.includes('&') || t.includes('+') || t.endsWith('*')) return null;
    return t.replace(/[=~]/g, '');
  };
  const it: string[][] = [];
  const en: string[][] = [];
  for (const c of ALL_CONCEPTS) {
    const i = c.itTerms.map(clean).filter((x): x is string => !!x && x.length > 2);
    const e = c.enTerms.map(clean).filter((x): x is string => !!x && x.length > 2);
    if (i.length) it.push(i);
    if (e.length) en.push(e);
  }
  return { it, en };
}

export function generateNetwork(opts: GeneratorOptions): { people: BenchPerson[]; vocabularySize: number } {
  const r = new Rng(opts.seed ?? 20260318);
  const vocab = catalogueVocabulary();
  // Shuffle concept order deterministically, then Zipf over concepts (s = 0.8: the commonest
  // kind of help is in a few % of offers) and uniform within a concept's phrases.
  const shuffle = <T>(a: T[]): T[] => {
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(r.next() * (i + 1));
      [a[i], a[j]] = [a[j] as T, a[i] as T];
    }
    return a;
  };
  const conceptsIt = new Zipf(shuffle(vocab.it), 0.8);
  const conceptsEn = new Zipf(shuffle(vocab.en), 0.8);
  const rare: string[] = [];
  const seen = new Set<string>();
  while (rare.length < 30_000) {
    let w = '';
    const n = r.int(2, 4);
    for (let k = 0; k < n; k++) w += r.pick(SYL);
    if (seen.has(w)) continue;
    seen.add(w);
    rare.push(w.charAt(0).toUpperCase() + w.slice(1));
  }
  const rareZ = new Zipf(rare, 1.0);
  const cityZ = new Zipf(CITIES, 1.0);
  const phrase = (it: boolean): string => r.pick((it ? conceptsIt : conceptsEn).pick(r));
  const fill = (tpl: string, it: boolean): string =>
    tpl.replace(/\{(\w+)\}/g, (_, k: string) => {
      switch (k) {
        case 'A':
        case 'B':
        case 'B2':
        case 'a':
        case 'b':
          return phrase(it);
        case 'S':
        case 's':
          return r.pick(it ? SEGMENTS_IT : SEGMENTS_EN);
        case 'X':
          return r.pick(it ? SECTORS_IT : SECTORS_EN);
        case 'C':
        case 'c':
          return cityZ.pick(r);
        case 'R':
        case 'r':
          return rareZ.pick(r);
        default:
          return '';
      }
    });
  const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
  const people: BenchPerson[] = [];
  const words = new Set<string>();
  for (let i = 0; i < opts.people; i++) {
    const it = r.next() < 0.7;
    const headline = cap(phrase(it)) + (r.chance(0.4) ? (it ? ' — ' : ' at ') + rareZ.pick(r) : '');
    const offers = Array.from({ length: r.int(1, 3) }, () => cap(fill(r.pick(it ? FRAMES_IT : FRAMES_EN), it)));
    const needs = [sixWords(fill(r.pick(it ? NEED_IT : NEED_EN), it), r, it)];
    if (i < 20_000) for (const o of offers) for (const w of o.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (w) words.add(w);
    people.push({ id: `p${i}`, name: `Person ${i}`, lang: it ? 'it' : 'en', headline, city: cityZ.pick(r), offers, needs });
  }
  return { people, vocabularySize: words.size };
}

const FILL_IT = ['urgente', 'zona', 'centro', 'piccola', 'azienda', 'progetto'];
const FILL_EN = ['urgent', 'small', 'company', 'project', 'local', 'team'];

/** A need of exactly six words (the size the FTS5 reference uses). */
export function sixWords(text: string, r: Rng, it: boolean): string {
  const w = text.split(/\s+/).filter((x) => x.length > 0);
  while (w.length < 6) w.push(r.pick(it ? FILL_IT : FILL_EN));
  return w.slice(0, 6).join(' ');
}

/** Needs to query with: six words each, in both languages. */
export function generateNeeds(n: number, seed = 77): string[] {
  const r = new Rng(seed);
  const { people } = generateNetwork({ people: n, seed });
  void r;
  return people.map((p) => p.needs[0] as string);
}
