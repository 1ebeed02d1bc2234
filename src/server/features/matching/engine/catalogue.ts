/**
 * Compiles the concept catalogue (data in ../concepts) into structures the matcher can scan in
 * one pass over a text: patterns indexed by their first word, a deletion index for light typo
 * tolerance, and the relation graph used for query expansion.
 */
import type { Locale } from '#shared/api/values.ts';
import type { ConceptDef } from '../concepts/types.ts';
import { isNegation, isStopWord, tokenize } from './normalize.ts';
import { verbForms } from './morph.ts';
import { lightStem } from './stem.ts';

export type PatternToken =
  | { kind: 'stem'; v: string }
  | { kind: 'prefix'; v: string }
  | { kind: 'exact'; v: string }
  /** Any inflected form of a verb ("+pagare"): the light stems of its forms. */
  | { kind: 'forms'; v: string; stems: ReadonlySet<string> };

export interface Pattern {
  concept: number;
  tokens: PatternToken[];
  ambiguous: boolean;
  unordered: boolean;
  /**
   * 1 for a phrase that names the concept on its own; less for a cue ("lavandino" for a plumber),
   * which counts together with the concept's other cues in the same text (see analyze.ts).
   */
  weight: number;
  /** The language of the list the term was written in. */
  lang: Locale;
  /** The same term is in both languages' lists ("german" and "germania" stem alike): it is no foreign word. */
  bilingual?: boolean;
  /**
   * The words of the term as written (and every form of its verbs): a cue matches a text of the
   * other language only with these very words, never through a shared stem ("tariffe" is not the
   * English cue "tariffs", "pagano" is not "page").
   */
  forms: ReadonlySet<string>;
}

export interface CompiledConcept {
  idx: number;
  id: string;
  labelIt: string;
  labelEn: string;
  weight: number;
  /** A service given on site (a plumber, a locksmith): distance matters when a need names a place. */
  local: boolean;
  /** A sector, market or kind of product rather than a service: sharing it is context. */
  topic: boolean;
  /** The facet this concept is a value of ("market"), or null. */
  facet: string | null;
  need: readonly string[];
  veto: readonly string[];
  /** Outgoing relations: this concept is served by / tied to `to`. */
  rel: Array<{ to: number; w: number }>;
  /** Incoming relations, used when expanding in the reverse direction. */
  relIn: Array<{ to: number; w: number }>;
}

export interface WordInfo {
  /** Light stem, typo-corrected against the catalogue. */
  stem: string;
  /** Patterns that may start at this word: by stem (longest first), exact form, prefix. */
  cands: Pattern[];
  /** The word has an ambiguous (~) pattern: its lexical term carries a sense tag. */
  ambiguous: boolean;
  /** Snowball stems, filled on first use per language. */
  snowIt: string | undefined;
  snowEn: string | undefined;
  /** Term ids (see termId) of the Snowball stems, -1 until first use. */
  tidIt: number;
  tidEn: number;
}

export interface Catalogue {
  concepts: CompiledConcept[];
  byId: Map<string, number>;
  /** Patterns keyed by their first token: "s:<stem>" or "e:<exact>". */
  byFirst: Map<string, Pattern[]>;
  /** Patterns whose first token is a prefix, keyed by the prefix's first 3 letters. */
  byPrefix: Map<string, Array<{ prefix: string; pattern: Pattern }>>;
  /** Per distinct word of the texts seen so far: its concept stem and the patterns it may start. */
  words: Map<string, WordInfo>;
  /** All stems used by any pattern, for typo correction. */
  stems: Set<string>;
  /** Single-deletion variants of long stems -> the stem (undefined when ambiguous). */
  deletions: Map<string, string | null>;
  /** Words that have an ambiguous (~) pattern. */
  ambiguousWords: Set<string>;
  /** Catalogue errors: duplicate ids, unknown related concepts, bad prefixes. */
  problems: string[];
  /** Terms ignored because stop-word removal leaves a single generic word. */
  dropped: string[];
  /** Lexical term (Snowball stem, with its sense tag) -> integer id, assigned once, never reused. */
  termIds: Map<string, number>;
  termNames: string[];
}

/** The integer id of a lexical term, assigned on first sight (shared by every engine on this catalogue). */
export function termId(cat: Catalogue, term: string): number {
  let id = cat.termIds.get(term);
  if (id === undefined) {
    id = cat.termNames.length;
    cat.termIds.set(term, id);
    cat.termNames.push(term);
  }
  return id;
}

/** The id of a term already seen, or -1 (a query word no document has). */
export function findTermId(cat: Catalogue, term: string): number {
  return cat.termIds.get(term) ?? -1;
}

function deletionsOf(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.slice(0, i) + s.slice(i + 1));
  return out;
}

interface ParsedTerm {
  tokens: PatternToken[];
  ambiguous: boolean;
  unordered: boolean;
  weight: number;
  forms: Set<string>;
}

function parseTerm(term: string, lang: Locale): ParsedTerm | null {
  let t = term.trim();
  let weight = 1;
  const w = /:(0?\.\d+|1)$/.exec(t);
  if (w) {
    weight = Number(w[1]);
    t = t.slice(0, w.index).trim();
  }
  let ambiguous = false;
  if (t.startsWith('~')) {
    ambiguous = true;
    t = t.slice(1);
  }
  const unordered = t.includes('&');
  const tokens: PatternToken[] = [];
  const forms = new Set<string>();
  for (const part of t.split(/\s+|&/)) {
    if (part.length === 0) continue;
    if (part.startsWith('=')) {
      for (const tok of tokenize(part.slice(1))) {
        tokens.push({ kind: 'exact', v: tok.norm });
        forms.add(tok.norm);
      }
      continue;
    }
    if (part.startsWith('+')) {
      const lemma = tokenize(part.slice(1))[0]?.norm ?? '';
      const all = verbForms(lemma, lang);
      for (const f of all) forms.add(f);
      tokens.push({ kind: 'forms', v: lemma, stems: new Set(all.map((f) => lightStem(f))) });
      continue;
    }
    const isPrefix = part.endsWith('*');
    const toks = tokenize(isPrefix ? part.slice(0, -1) : part);
    toks.forEach((tok, i) => {
      if (isPrefix && i === toks.length - 1) {
        tokens.push({ kind: 'prefix', v: tok.norm });
        return;
      }
      // Same filtering as texts: function words never take part in matching.
      if (tok.stop && !isNegation(tok.norm)) return;
      forms.add(tok.norm);
      tokens.push({ kind: 'stem', v: lightStem(tok.norm) });
    });
  }
  if (tokens.length === 0) return null;
  // A phrase of several words that loses all but one to stop-word removal would fire on a
  // single common word ("da mesi" -> "mesi", "own-brand" -> "brand"): refuse it. Words are
  // counted as texts are tokenised, so hyphenated forms count as the words they split into.
  const words = t
    .split(/\s+|&/)
    .reduce((n, w) => n + (w.length > 0 ? Math.max(1, tokenize(w.replace(/^[=*]|\*$/g, '')).length) : 0), 0);
  if (words > 1 && tokens.length === 1 && tokens[0]?.kind !== 'exact') return null;
  return { tokens, ambiguous, unordered, weight, forms };
}

/**
 * Definitions sharing an id are one concept: a later definition adds its terms, relations and
 * sense cues to the first (the professions catalogue extends the concepts of the domain files).
 */
function mergeDefs(defs: readonly ConceptDef[]): ConceptDef[] {
  const byId = new Map<string, ConceptDef>();
  const order: string[] = [];
  for (const d of defs) {
    const prev = byId.get(d.id);
    if (!prev) {
      byId.set(d.id, d);
      order.push(d.id);
      continue;
    }
    const rel: Record<string, number> = { ...(prev.rel ?? {}) };
    for (const [k, v] of Object.entries(d.rel ?? {})) rel[k] = Math.max(rel[k] ?? 0, v);
    const need = [...(prev.need ?? []), ...(d.need ?? [])];
    const veto = [...(prev.veto ?? []), ...(d.veto ?? [])];
    const weight = prev.weight ?? d.weight;
    byId.set(d.id, {
      ...prev,
      itTerms: [...prev.itTerms, ...d.itTerms],
      enTerms: [...prev.enTerms, ...d.enTerms],
      ...(Object.keys(rel).length > 0 ? { rel } : {}),
      ...(need.length > 0 ? { need } : {}),
      ...(veto.length > 0 ? { veto } : {}),
      ...(weight !== undefined ? { weight } : {}),
      ...(prev.local || d.local ? { local: true } : {}),
      ...(prev.topic || d.topic ? { topic: true } : {}),
      ...((prev.facet ?? d.facet) ? { facet: prev.facet ?? d.facet } : {}),
    });
  }
  return order.map((id) => byId.get(id) as ConceptDef);
}

export function compileCatalogue(input: readonly ConceptDef[]): Catalogue {
  const defs = mergeDefs(input);
  const concepts: CompiledConcept[] = [];
  const byId = new Map<string, number>();
  const problems: string[] = [];
  for (const d of defs) {
    const idx = concepts.length;
    byId.set(d.id, idx);
    concepts.push({
      idx,
      id: d.id,
      labelIt: d.it,
      labelEn: d.en,
      weight: d.weight ?? 1,
      local: d.local === true,
      topic: d.topic === true,
      facet: d.facet ?? null,
      need: (d.need ?? []).map((x) => x.toLowerCase()),
      veto: (d.veto ?? []).map((x) => x.toLowerCase()),
      rel: [],
      relIn: [],
    });
  }
  for (const d of defs) {
    const from = byId.get(d.id);
    if (from === undefined || !d.rel) continue;
    for (const [target, w] of Object.entries(d.rel)) {
      const to = byId.get(target);
      if (to === undefined) {
        problems.push(`${d.id}: unknown related concept ${target}`);
        continue;
      }
      concepts[from]?.rel.push({ to, w });
      concepts[to]?.relIn.push({ to: from, w });
    }
  }
  const byFirst = new Map<string, Pattern[]>();
  const byPrefix = new Map<string, Array<{ prefix: string; pattern: Pattern }>>();
  const stems = new Set<string>();
  const ambiguousWords = new Set<string>();
  const dropped: string[] = [];
  // A word written as ambiguous (~) in a concept is ambiguous in all of it: a plain single-word
  // term of the same word (another definition of the id, or its plural) does not bypass its senses.
  const ambiguousIn = new Map<number, Set<string>>();
  for (const d of defs) {
    const idx = byId.get(d.id);
    if (idx === undefined) continue;
    for (const [term, lang] of [...d.itTerms.map((t) => [t, 'it'] as const), ...d.enTerms.map((t) => [t, 'en'] as const)]) {
      if (!term.trim().startsWith('~')) continue;
      const parsed = parseTerm(term, lang);
      const first = parsed?.tokens[0];
      if (!parsed || parsed.tokens.length !== 1 || first?.kind !== 'stem') continue;
      let set = ambiguousIn.get(idx);
      if (!set) ambiguousIn.set(idx, (set = new Set()));
      set.add(first.v);
    }
  }
  for (const d of defs) {
    const idx = byId.get(d.id);
    if (idx === undefined) continue;
    const seen = new Map<string, Pattern>();
    const all = [...d.itTerms.map((t) => [t, 'it'] as const), ...d.enTerms.map((t) => [t, 'en'] as const)];
    for (const [term, lang] of all) {
      const parsed = parseTerm(term, lang);
      const only = parsed?.tokens.length === 1 ? parsed.tokens[0] : undefined;
      if (parsed && !parsed.ambiguous && only?.kind === 'stem' && ambiguousIn.get(idx)?.has(only.v)) parsed.ambiguous = true;
      if (!parsed) {
        // Phrases made only of function words ("get paid" -> "paid") are skipped on purpose;
        // listed for catalogue review, not an error.
        dropped.push(`${d.id}: "${term}"`);
        continue;
      }
      const key =
        (parsed.ambiguous ? '~' : '') +
        (parsed.unordered ? '&' : '') +
        parsed.tokens.map((t) => `${t.kind}:${t.v}`).join(' ') +
        `:${parsed.weight}`;
      const dup = seen.get(key);
      if (dup) {
        // One pattern for both lists: it keeps the words of both.
        for (const f of parsed.forms) (dup.forms as Set<string>).add(f);
        if (dup.lang !== lang) dup.bilingual = true;
        continue;
      }
      const pattern: Pattern = { concept: idx, ...parsed, lang };
      seen.set(key, pattern);
      for (const t of parsed.tokens) {
        if (t.kind === 'stem') stems.add(t.v);
        else if (t.kind === 'forms') for (const f of t.stems) stems.add(f);
      }
      const first = parsed.tokens[0];
      if (!first) continue;
      if (parsed.ambiguous) ambiguousWords.add(first.v);
      if (first.kind === 'forms') {
        for (const f of first.stems) {
          let list = byFirst.get('s:' + f);
          if (!list) byFirst.set('s:' + f, (list = []));
          if (!list.includes(pattern)) list.push(pattern);
        }
      } else if (first.kind === 'prefix') {
        if (first.v.length < 3) {
          problems.push(`${d.id}: prefix "${first.v}" too short`);
          continue;
        }
        const k = first.v.slice(0, 3);
        let list = byPrefix.get(k);
        if (!list) byPrefix.set(k, (list = []));
        list.push({ prefix: first.v, pattern });
      } else {
        const k = (first.kind === 'stem' ? 's:' : 'e:') + first.v;
        let list = byFirst.get(k);
        if (!list) byFirst.set(k, (list = []));
        list.push(pattern);
      }
    }
  }
  // Longer patterns first, so that the longest match at a position is found first.
  for (const list of byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  const deletions = new Map<string, string | null>();
  for (const s of stems) {
    if (s.length < 6) continue;
    for (const del of deletionsOf(s)) {
      const prev = deletions.get(del);
      deletions.set(del, prev === undefined || prev === s ? s : null);
    }
  }
  return {
    concepts,
    byId,
    byFirst,
    byPrefix,
    words: new Map(),
    stems,
    deletions,
    ambiguousWords,
    problems,
    dropped,
    termIds: new Map(),
    termNames: [],
  };
}

/**
 * Maps a stem that no pattern uses onto a catalogue stem one edit away ("commercialsta" ->
 * "commercialist"), only for long words (8+ letters) where a single edit is unlikely to be another real word
 * ("contatti" is one letter away from "contratti", hence the length floor).
 */
export function correctTypo(cat: Catalogue, stem: string): string {
  if (stem.length < 8 || cat.stems.has(stem)) return stem;
  const direct = cat.deletions.get(stem);
  if (direct) return onlyLastDiffers(stem, direct) ? stem : direct;
  let found: string | null = null;
  for (const del of deletionsOf(stem)) {
    if (cat.stems.has(del) && del.length >= 6) {
      if (found !== null && found !== del) return stem;
      found = del;
    }
    const cand = cat.deletions.get(del);
    if (cand) {
      if (found !== null && found !== cand) return stem;
      found = cand;
    }
  }
  return found === null || onlyLastDiffers(stem, found) ? stem : found;
}

/**
 * True when two stems share everything but their last letter: that is an inflection or a
 * derivation ("explained"/"explainer", "printed"/"printer"), not a typo.
 */
function onlyLastDiffers(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i >= n - 1;
}

const WORDS_LIMIT = 300_000;

/**
 * Everything about a word that depends only on the word and the catalogue, computed once per
 * distinct word: texts repeat their vocabulary, so indexing 200,000 offers looks up a few tens
 * of thousands of words instead of stemming and probing three pattern maps per token.
 */
export function wordInfo(cat: Catalogue, norm: string): WordInfo {
  let w = cat.words.get(norm);
  if (w !== undefined) return w;
  const stem = correctTypo(cat, lightStem(norm));
  const cands: Pattern[] = [];
  const byStem = cat.byFirst.get('s:' + stem);
  if (byStem) for (const p of byStem) cands.push(p);
  const byExact = cat.byFirst.get('e:' + norm);
  if (byExact) for (const p of byExact) cands.push(p);
  const byPrefix = cat.byPrefix.get(norm.slice(0, 3));
  if (byPrefix) for (const { prefix, pattern } of byPrefix) if (norm.startsWith(prefix)) cands.push(pattern);
  w = { stem, cands, ambiguous: cat.ambiguousWords.has(stem), snowIt: undefined, snowEn: undefined, tidIt: -1, tidEn: -1 };
  if (cat.words.size >= WORDS_LIMIT) cat.words.clear();
  cat.words.set(norm, w);
  return w;
}

export { isStopWord };
