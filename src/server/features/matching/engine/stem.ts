/**
 * Stemming. Two stemmers with different jobs:
 *
 * - Snowball (Italian / English) for the lexical BM25 index: the standard, recall-oriented
 *   choice, so that "fatture"/"fatturazione" or "investors"/"investor" share a term.
 * - A light, conservative stemmer for concept phrases. Snowball Italian conflates words a
 *   professional keeps apart ("commercialista" and "commerciale" both give "commercial",
 *   "pagamenti" and "paghe" both "pag"), which is harmless for BM25 but would make a concept
 *   fire on the wrong word. The light stemmer only removes inflection (plural, gender).
 */
import { createRequire } from 'node:module';
import type { Locale } from '#shared/api/values.ts';

export type Lang = Locale;

interface SnowballStemmer {
  stem(word: string): string;
}
interface SnowballFactory {
  newStemmer(name: string): SnowballStemmer;
}

// The package ships no type declarations; load it through require and give it a narrow type.
const require = createRequire(import.meta.url);
const snowball = require('snowball-stemmers') as SnowballFactory;
const stemmers: Record<Lang, SnowballStemmer> = {
  it: snowball.newStemmer('italian'),
  en: snowball.newStemmer('english'),
};

// Snowball's JS port costs ~25 µs per call; vocabularies are small, so a cache makes indexing
// 100k offers cheap. Bounded so that a stream of junk tokens cannot grow it forever.
const CACHE_LIMIT = 200_000;
const caches: Record<Lang, Map<string, string>> = { it: new Map(), en: new Map() };

export function snowballStem(word: string, lang: Lang): string {
  const cache = caches[lang];
  let s = cache.get(word);
  if (s === undefined) {
    // Digits and very short tokens ("iva", "ads", "b2b") are kept as they are.
    s = word.length <= 3 || /\d/.test(word) ? word : stemmers[lang].stem(word);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, s);
  }
  return s;
}

/**
 * The stem of a word for the lexical index: Snowball's, except where it would make a short,
 * ambiguous root. Words of four letters or fewer stay whole ("page", "paga", "sito"); a word that
 * Snowball cuts below five letters keeps its inflection-only stem ("pagano" -> "pagan", not "pag",
 * which is also "page" and "paga"). Concepts, not stems, relate "pagano" to "pagamento".
 */
export function lexicalStem(word: string, lang: Lang): string {
  if (word.length <= 4) return word;
  const s = snowballStem(word, lang);
  return s.length < 5 ? lightStem(word) : s;
}

const lightCache = new Map<string, string>();

// Words whose "-s" is not a plural, or whose singular means something else: "customs" (dogana)
// is not "custom" (su misura), "news" is not "new", "premises" are not premises of an argument.
const NOT_PLURALS = new Set([
  'customs',
  'news',
  'premises',
  'glasses',
  'savings',
  'spirits',
  'goods',
  'arms',
  'means',
  'series',
  'species',
  'lens',
]);

/**
 * Inflection-only stemmer used for concept matching, language-agnostic on purpose (texts mix
 * languages): English plural -s/-es/-ies, Italian final vowel, "-che/-ghi" -> "-c/-g".
 */
export function lightStem(word: string): string {
  let s = lightCache.get(word);
  if (s !== undefined) return s;
  s = word;
  if (s.length > 3 && !/\d/.test(s) && !NOT_PLURALS.has(s)) {
    if (s.endsWith('ies') && s.length > 4) s = s.slice(0, -3) + 'y';
    else if (/(?:ss|us|is)$/.test(s)) {
      // "business", "status", "analysis": not plurals.
    } else if (/(?:sses|xes|ches|shes)$/.test(s)) s = s.slice(0, -2);
    else if (s.endsWith('s')) s = s.slice(0, -1);
    if (s.length > 3 && /[aeiouy]$/.test(s) && !s.endsWith('y')) {
      s = s.slice(0, -1);
      // Italian -ie plurals ("farmacie") and -io/-ia pairs keep one stem.
      if (s.length > 3 && s.endsWith('i') && /[^aeiou]i$/.test(s)) s = s.slice(0, -1);
      if (/[cg]h$/.test(s)) s = s.slice(0, -1);
    }
  }
  if (lightCache.size >= CACHE_LIMIT) lightCache.clear();
  lightCache.set(word, s);
  return s;
}
