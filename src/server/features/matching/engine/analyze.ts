/**
 * Turns one text (a need, an offer, a headline) into what the index scores on: the concepts it
 * expresses (with the phrase that expressed them), sense-tagged lexical terms, and city names.
 */
import { termId, wordInfo, type Catalogue, type Pattern, type WordInfo } from './catalogue.ts';
import { isGeneric } from './generic.ts';
import { detectLang } from './lang.ts';
import { isNegation, tokenize, type Token } from './normalize.ts';
import { placesIn, type NamedPlace } from './places.ts';
import { lexicalStem, lightStem, type Lang } from './stem.ts';

export interface ConceptHit {
  concept: number;
  /** 1 for a plain mention; lower when the mention describes the writer ("I'm an architect"). */
  weight: number;
  /** Character span of the phrase in the text. */
  start: number;
  end: number;
  /** Analysed as a document: the mention names who the text is for ("per studi legali"). */
  audience?: boolean;
  /** A need: a mention of the concept is in the heart of the need (what is asked for, see Analysis.heart). */
  heart?: boolean;
  /**
   * A need: the mention is a broad word narrowed by a word the catalogue does not know ("corso di
   * vela", "diving licence"): the lexical term ids of that qualifier. A document without it
   * answers a neighbouring need, not this one.
   */
  narrow?: number[];
}

export interface TermHit {
  term: string;
  /** Integer id of `term` in the catalogue's term dictionary. */
  id: number;
  weight: number;
  start: number;
  end: number;
  /** Analysed as a document: the word is in the part that names who the text is for. */
  audience?: boolean;
  /** A generic word ("clienti", "services"): never a reason on its own. */
  generic?: boolean;
}

export interface Analysis {
  lang: Lang;
  concepts: ConceptHit[];
  /** Lexical terms in text order (repeated terms repeat: term frequency). */
  terms: TermHit[];
  /** Places the text names (needs only; a document's place is its person's city). */
  places: NamedPlace[];
  /**
   * A need: what follows a request ("cerco …", "chi fa …", "anyone know …", "c'è un …") is the
   * heart of the need. 'none': no request with informative words; 'covered': a concept is
   * mentioned there (ConceptHit.heart); 'uncovered': the catalogue knows none of its words, so
   * every concept of the need is context around a request it cannot read.
   */
  heart: 'none' | 'covered' | 'uncovered';
}

interface Content {
  tok: Token;
  stem: string;
  cands: Pattern[];
  ambiguous: boolean;
  info: WordInfo;
  /** Multiplier for self-descriptions. */
  factor: number;
  /** Index in the full token list, to find punctuation boundaries. */
  pos: number;
}

interface Match {
  pattern: Pattern;
  first: number;
  last: number;
}

// One extra content word may sit between two words of a phrase.
const MAX_GAP = 1;
// Cues of a concept recognise it once they add up to this (two cues of 0.4, one of 0.5).
const CUE_FIRE = 0.5;
// What a concept phrase made of a single generic word counts for.
const GENERIC_CUE = 0.3;
// Cues alone are a little weaker evidence than a phrase that names the concept.
const CUE_MAX = 0.9;
// A reason shows the span of the cues that recognised a concept when it is at most this long.
const MAX_REASON_SPAN = 60;
// Unordered ("a & b") patterns look this many content words around the first part.
const WINDOW = 6;

const ARTICLES = new Set(['un', 'uno', 'una', 'a', 'an', 'the', 'il', 'la', 'lo', 'i', 'gli', 'le']);
// A mention right after "I'm a" / "siamo una" describes who writes, not what they want:
// "I'm an architect and need a portfolio site" is not a request for an architect.
const SELF_FACTOR = 0.2;

// Per-token factor buffers, reused by every call (analyze is synchronous and not re-entrant):
// two small typed arrays per analysed text made GC walk hundreds of thousands of buffers.
const selfBuf: number[] = [];
const focusBuf: number[] = [];

function selfDescriptionFactors(tokens: readonly Token[], text: string): number[] {
  const f = selfBuf;
  f.length = tokens.length;
  f.fill(1);
  for (let i = 0; i < tokens.length; i++) {
    const a = tokens[i]?.norm;
    const b = tokens[i + 1]?.norm;
    let startAt = -1;
    if ((a === 'sono' || a === 'siamo') && b !== undefined && ARTICLES.has(b)) startAt = i + 2;
    else if (a === 'i' && (b === 'm' || b === 'am') && tokens[i + 2] && ARTICLES.has(tokens[i + 2]?.norm ?? '')) startAt = i + 3;
    else if (a === 'we' && (b === 're' || b === 'are') && tokens[i + 2] && ARTICLES.has(tokens[i + 2]?.norm ?? ''))
      startAt = i + 3;
    else if ((a === 'lavoro' && b === 'come') || (a === 'work' && b === 'as')) startAt = i + 2;
    if (startAt < 0) continue;
    let content = 0;
    for (let j = startAt; j < tokens.length && content < 3; j++) {
      const t = tokens[j];
      const prev = tokens[j - 1];
      if (!t || !prev) break;
      // Stop at clause boundaries: punctuation or a coordinating conjunction.
      if (j > startAt && /[,.;:!?()]/.test(text.slice(prev.end, t.start))) break;
      if (['e', 'ed', 'and', 'ma', 'but', 'che', 'who', 'with', 'con'].includes(t.norm)) break;
      f[j] = SELF_FACTOR;
      if (!t.stop) content++;
    }
  }
  return f;
}

// Words that introduce what is asked for: the concepts right after them are the heart of the
// need ("Apro un bar a Lecce: mi serve la cassa telematica"), the rest is context.
const REQUEST_MARKERS = new Set(
  'cerco cerchiamo cercando cerca serve servono servirebbe servirebbero bisogno vorrei vorremmo voglio vogliamo trovare need needs needed looking seeking want wants require requires'.split(
    ' ',
  ),
);
const FOCUS_FACTOR = 1.3;
const FOCUS_SPAN = 4;

function focusFactors(tokens: readonly Token[], text: string): number[] {
  const f = focusBuf;
  f.length = tokens.length;
  f.fill(1);
  for (let i = 0; i < tokens.length; i++) {
    if (!REQUEST_MARKERS.has(tokens[i]?.norm ?? '')) continue;
    for (let j = i + 1; j < tokens.length && j <= i + FOCUS_SPAN; j++) {
      const t = tokens[j];
      const prev = tokens[j - 1];
      if (!t || !prev) break;
      if (/[.;!?]/.test(text.slice(prev.end, t.start))) break;
      f[j] = FOCUS_FACTOR;
    }
  }
  return f;
}

// Words that open a request in a need: what follows them is the heart of the need, the thing
// asked for ("chi fa una derattizzazione", "anyone know a piano tuner", "c'è un tecnico").
const OPENERS = new Set([
  ...REQUEST_MARKERS,
  ...'chi who qualcuno qualcuna anyone anybody someone somebody conoscete conosci conosce conoscereste know knows recommend recommendations consigliate consigliare consigliereste consigliatemi consigliami suggerite suggerire suggest suggestions vorrebbe vorrebbero avrei avremmo where dove'.split(
    ' ',
  ),
]);
// Words of a request that say nothing about what is asked for: request verbs and the qualities
// anyone wants from anyone ("qualcuno di affidabile", "a reliable …").
const HEART_SKIP = new Set(
  'aiuta aiutano aiutarmi aiutarci aiutino sappia sappiano possa possano riesca riescano occupa occupi occupano usate usa usano tratta trattano fa fanno fate faccia facciano consiglio consigli affidabile affidabili serio seria seri serie competente competenti onesto onesta onesti economico economica economici conveniente reliable trustworthy trusted decent honest affordable cheap experienced recommended someone does do handle handles deal sort fix'.split(
    ' ',
  ),
);
// The heart is at most this many informative words after an opener, within its clause.
const HEART_WORDS = 3;
// Words in -ing that describe rather than name a kind ("existing clients", "a growing startup").
const ING_QUALITIES = new Set(
  'existing growing leading amazing exciting upcoming ongoing outstanding missing remaining following interesting increasing emerging booming struggling demanding promising competing matching recurring rising thriving failing outgoing incoming willing caring loving'.split(
    ' ',
  ),
);
// A broad word narrowed by a qualifier: "corso di vela", "brevetto da sub", "lessons of …".
const QUALIFIER_PREPS = new Set([
  'di',
  'da',
  'dal',
  'dalla',
  'dallo',
  'dai',
  'dagli',
  'dalle',
  'del',
  'della',
  'dello',
  'dei',
  'degli',
  'delle',
  'd',
  'of',
]);

// In an offer, what follows "per"/"for" is usually who it is for, not what is offered:
// "privacy policy per siti ed e-commerce", "dashboards for retail companies". Such mentions
// count a little less, so that an offer *of* websites outranks an offer *for* websites.
const AUDIENCE_MARKERS = new Set(['per', 'for']);
const AUDIENCE_FACTOR = 0.6;
const AUDIENCE_SPAN = 5;
const audienceBuf: number[] = [];

function audienceFactors(tokens: readonly Token[], text: string): number[] {
  const f = audienceBuf;
  f.length = tokens.length;
  f.fill(1);
  for (let i = 0; i < tokens.length; i++) {
    if (!AUDIENCE_MARKERS.has(tokens[i]?.norm ?? '')) continue;
    // "per trovare", "per aprire": a purpose, and what follows is the service itself.
    let j = i + 1;
    while (j < tokens.length && tokens[j]?.stop) j++;
    const next = tokens[j]?.norm ?? '';
    if (/(?:are|ere|ire)$/.test(next) && next.length > 4) continue;
    let content = 0;
    for (let k = i + 1; k < tokens.length && content < AUDIENCE_SPAN; k++) {
      const t = tokens[k];
      const prev = tokens[k - 1];
      if (!t || !prev) break;
      if (/[.;:!?()[\]|]/.test(text.slice(prev.end, t.start))) break;
      f[k] = AUDIENCE_FACTOR;
      if (!t.stop) content++;
    }
  }
  return f;
}

function tokenMatches(pt: Pattern['tokens'][number], c: Content): boolean {
  switch (pt.kind) {
    case 'stem':
      return c.stem === pt.v;
    case 'exact':
      return c.tok.norm === pt.v;
    case 'prefix':
      return c.tok.norm.startsWith(pt.v);
    case 'forms':
      return pt.stems.has(c.stem);
  }
}

function tryMatch(p: Pattern, content: readonly Content[], i: number): Match | null {
  const toks = p.tokens;
  if (toks.length === 1) return { pattern: p, first: i, last: i };
  if (p.unordered) {
    let lo = i;
    let hi = i;
    for (let k = 1; k < toks.length; k++) {
      const pt = toks[k];
      if (!pt) return null;
      let found = -1;
      for (let j = Math.max(0, i - WINDOW); j <= Math.min(content.length - 1, i + WINDOW); j++) {
        const cj = content[j];
        if (j !== i && cj && tokenMatches(pt, cj)) {
          found = j;
          break;
        }
      }
      if (found < 0) return null;
      lo = Math.min(lo, found);
      hi = Math.max(hi, found);
    }
    return { pattern: p, first: lo, last: hi };
  }
  let prev = i;
  for (let k = 1; k < toks.length; k++) {
    const pt = toks[k];
    if (!pt) return null;
    let found = -1;
    for (let j = prev + 1; j <= prev + 1 + MAX_GAP && j < content.length; j++) {
      const cj = content[j];
      if (cj && tokenMatches(pt, cj)) {
        found = j;
        break;
      }
    }
    if (found < 0) return null;
    prev = found;
  }
  return { pattern: p, first: i, last: prev };
}

/** A cue is a word prefix ("archeolog") or, written "=su", one exact word. */
function hasCue(norms: readonly string[], cues: readonly string[]): boolean {
  for (const n of norms)
    for (const cue of cues) {
      if (cue.charCodeAt(0) === 61 /* = */ ? n === cue.slice(1) : n.startsWith(cue)) return true;
    }
  return false;
}

export interface AnalyzeOptions {
  /** The text is a document (an offer): mentions after "per"/"for" describe its audience. */
  document?: boolean;
}

export function analyze(cat: Catalogue, text: string, lang?: Lang, options: AnalyzeOptions = {}): Analysis {
  const tokens = tokenize(text);
  const detected = lang ?? detectLang(text, tokens);
  const factors = selfDescriptionFactors(tokens, text);
  const focus = focusFactors(tokens, text);
  const audience = options.document ? audienceFactors(tokens, text) : null;
  const content: Content[] = [];
  const norms: string[] = [];
  for (let pos = 0; pos < tokens.length; pos++) {
    const tok = tokens[pos] as Token;
    norms.push(tok.norm);
    if (tok.stop && !isNegation(tok.norm)) continue;
    const w = wordInfo(cat, tok.norm);
    content.push({ tok, stem: w.stem, cands: w.cands, ambiguous: w.ambiguous, info: w, factor: factors[pos] ?? 1, pos });
  }

  // 1. Every pattern occurrence.
  const matches: Match[] = [];
  // Words of the text, to skip at once a phrase whose other words are absent (most of them).
  const stemsHere = new Set<string>();
  const normsHere = new Set<string>();
  for (const c of content) {
    stemsHere.add(c.stem);
    normsHere.add(c.tok.norm);
  }
  const couldMatch = (p: Pattern): boolean => {
    const toks = p.tokens;
    for (let k = 1; k < toks.length; k++) {
      const t = toks[k] as Pattern['tokens'][number];
      if (t.kind === 'stem' ? !stemsHere.has(t.v) : t.kind === 'exact' ? !normsHere.has(t.v) : false) return false;
    }
    return true;
  };
  const consider = (p: Pattern, i: number): void => {
    if (p.tokens.length > 1 && !couldMatch(p)) return;
    const m = tryMatch(p, content, i);
    if (!m) return;
    // A cue of the other language counts only with its very words, not through a shared stem.
    if (p.weight < 1 && p.lang !== detected && !p.unordered) {
      for (let k = m.first; k <= m.last; k++) {
        const c = content[k];
        if (c && !p.tokens.some((t) => t.kind === 'prefix' && c.tok.norm.startsWith(t.v)) && !p.forms.has(c.tok.norm)) return;
      }
    }
    // A single word of the other language counts as one of its own forms (an English plural
    // too), not through a shared stem: Italian "bandi" (calls for funding) is not a "band".
    if (p.weight >= 1 && p.lang !== detected && !p.bilingual && m.first === m.last && p.tokens[0]?.kind === 'stem') {
      const n = content[m.first]?.tok.norm ?? '';
      if (!p.forms.has(n) && !(n.endsWith('s') && p.forms.has(n.slice(0, -1)))) return;
    }
    if (p.weight < 1 && p.lang !== detected && p.unordered) {
      for (const k of [m.first, m.last]) {
        const c = content[k];
        if (c && !p.forms.has(c.tok.norm)) return;
      }
    }
    // Generic words alone ("produttori", "nuovi clienti", "servizi") never name a concept: they
    // count as a weak cue, with the concept's other evidence in the text.
    if (p.weight > GENERIC_CUE && allGeneric(content, m.first, m.last)) {
      matches.push({ ...m, pattern: { ...p, weight: GENERIC_CUE } });
      return;
    }
    matches.push(m);
  };
  for (let i = 0; i < content.length; i++) {
    const c = content[i] as Content;
    for (const p of c.cands) consider(p, i);
  }

  // 2. Senses: an ambiguous mention counts only if the context agrees.
  const senseOk = new Map<number, boolean>();
  const accepted = matches.filter((m) => {
    // In a need, "conoscete …", "anyone know …" ask for what follows; they are not a request for contacts.
    if (!options.document && m.first === m.last && OPENERS.has(content[m.first]?.tok.norm ?? '')) return false;
    if (!m.pattern.ambiguous) return true;
    const cid = m.pattern.concept;
    let ok = senseOk.get(cid);
    if (ok === undefined) {
      const concept = cat.concepts[cid];
      ok = concept !== undefined && !hasCue(norms, concept.veto) && (concept.need.length === 0 || hasCue(norms, concept.need));
      senseOk.set(cid, ok);
    }
    return ok;
  });

  // 3. Longest match wins: a word inside "consulente del lavoro" is not also a bare
  //    "consulente"; the other concepts of the longer phrase are kept.
  // Co-occurrence patterns ("vecchio & sito") are not phrases, and neither is a phrase matched
  // with a word in between ("apps and online stores" as "app store"): they hide nothing ("online
  // stores" stays). Only phrases of several words can hide anything.
  const phrases = accepted.filter(
    (o) => o.last > o.first && !o.pattern.unordered && o.last - o.first + 1 <= o.pattern.tokens.length,
  );
  const kept =
    phrases.length === 0
      ? accepted
      : accepted.filter((m) => {
          const len = m.last - m.first;
          for (const o of phrases) {
            if (o === m || o.pattern.concept === m.pattern.concept) continue;
            if (o.last - o.first > len && o.first <= m.first && o.last >= m.last) return false;
          }
          return true;
        });

  // 4. One hit per concept. A phrase that names the concept counts fully; cues count together
  //    (1 - Π(1 - w) over cues on different words), and the concept is recognised once they
  //    reach CUE_FIRE. The hit keeps the strongest mention's factor and where the evidence is.
  const best = new Map<number, ConceptHit>();
  const senseOfToken = new Map<number, number>();
  const byConcept = new Map<number, Match[]>();
  for (const m of kept) {
    const list = byConcept.get(m.pattern.concept);
    if (list) list.push(m);
    else byConcept.set(m.pattern.concept, [m]);
  }
  for (const [cid, list] of byConcept) {
    list.sort((x, y) => y.pattern.weight - x.pattern.weight || y.last - y.first - (x.last - x.first));
    const strongest = list[0] as Match;
    let activation = strongest.pattern.weight;
    let lo = strongest.first;
    let hi = strongest.last;
    if (activation < 1) {
      // Cues on words not already used by a stronger cue of the same concept.
      // Each cue counts once, however often it recurs ("vista" and "visto" are one cue).
      const used: Array<[number, number]> = [[strongest.first, strongest.last]];
      const counted = new Set<Pattern>([strongest.pattern]);
      let miss = 1 - activation;
      for (let k = 1; k < list.length; k++) {
        const m = list[k] as Match;
        if (counted.has(m.pattern) || used.some(([a, b]) => m.first <= b && m.last >= a)) continue;
        used.push([m.first, m.last]);
        counted.add(m.pattern);
        miss *= 1 - m.pattern.weight;
        lo = Math.min(lo, m.first);
        hi = Math.max(hi, m.last);
      }
      activation = 1 - miss;
      if (activation < CUE_FIRE) continue;
      activation = Math.min(CUE_MAX, activation);
    }
    // The best-placed of the strongest mentions (one in a self-description counts less).
    let factor = 0;
    for (const m of list) {
      if (m.pattern.weight < strongest.pattern.weight) break;
      let f = 1;
      for (let k = m.first; k <= m.last; k++) f = Math.min(f, content[k]?.factor ?? 1);
      factor = Math.max(factor, f * (focus[content[m.first]?.pos ?? 0] ?? 1));
    }
    // The phrase shown in reasons: the strongest mention, or the span of the cues when short.
    let first = content[strongest.first];
    let last = content[strongest.last];
    const spanFirst = content[lo];
    const spanLast = content[hi];
    if (spanFirst && spanLast && spanLast.tok.end - spanFirst.tok.start <= MAX_REASON_SPAN) {
      first = spanFirst;
      last = spanLast;
    }
    if (!first || !last) continue;
    let isAudience = false;
    const at = content[strongest.first]?.pos ?? 0;
    if (audience && (audience[at] ?? 1) < 1) {
      // An audience, unless the text's own service points to it: in "furgone per traslochi"
      // the removal is what the van is for, not who it is for.
      isAudience = !relatedToAny(cat, cid, kept, audience, content);
      if (isAudience) factor *= audience[at] ?? 1;
    }
    best.set(cid, {
      concept: cid,
      weight: factor * activation,
      start: first.tok.start,
      end: last.tok.end,
      ...(isAudience ? { audience: true } : {}),
    });
  }
  for (const m of accepted) if (m.pattern.ambiguous && m.first === m.last) senseOfToken.set(m.first, m.pattern.concept);
  // A phrase settles the sense of the ambiguous words inside it: "rete" in "rete vendita" is
  // the sales network, in "reti da pesca" the fishing net.
  for (const m of kept) {
    if (m.pattern.unordered || m.first === m.last) continue;
    for (let k = m.first; k <= m.last; k++) {
      const ck = content[k];
      if (ck && ck.ambiguous && !senseOfToken.has(k)) senseOfToken.set(k, m.pattern.concept);
    }
  }

  // 5. Lexical terms. Words that have several senses are tagged with the sense chosen above,
  //    so "Java" (coffee) never matches "Java" (programming) lexically either.
  const terms: TermHit[] = [];
  // Needs only: the term of each word, for the qualifiers of step 6.
  const termAt = options.document ? null : new Map<number, number>();
  for (let i = 0; i < content.length; i++) {
    const c = content[i] as Content;
    const n = c.tok.norm;
    // Generic words ("clienti", "giorni", "new") are never evidence on their own: no lexical term.
    if (n.length < 2 || isNegation(n) || isDigits(n) || isGeneric(n)) continue;
    const info = c.info;
    let term = detected === 'it' ? (info.snowIt ??= lexicalStem(n, 'it')) : (info.snowEn ??= lexicalStem(n, 'en'));
    let id: number;
    if (c.ambiguous) {
      const sense = senseOfToken.get(i);
      term += '#' + (sense === undefined ? '?' : String(sense));
      id = termId(cat, term);
    } else if (detected === 'it') id = info.tidIt >= 0 ? info.tidIt : (info.tidIt = termId(cat, term));
    else id = info.tidEn >= 0 ? info.tidEn : (info.tidEn = termId(cat, term));
    if (termAt) termAt.set(c.pos, id);
    const hit: TermHit = { term, id, weight: c.factor, start: c.tok.start, end: c.tok.end };
    if (audience && (audience[c.pos] ?? 1) < 1) hit.audience = true;
    terms.push(hit);
  }

  if (options.document) return { lang: detected, concepts: [...best.values()], terms, places: [], heart: 'none' };
  const places = placesIn(
    tokens,
    text,
    (n) => isGeneric(n) || cat.stems.has(lightStem(n)) || cat.ambiguousWords.has(lightStem(n)),
  );

  // 6. The heart of the need, and broad words narrowed by a word the catalogue does not know.
  const inPlace = (pos: number): boolean => {
    const t = tokens[pos];
    return t !== undefined && places.some((p) => t.start >= p.start && t.end <= p.end);
  };
  const coveredPos = new Set<number>();
  for (const m of kept) {
    if (!best.has(m.pattern.concept)) continue;
    for (let k = m.first; k <= m.last; k++) coveredPos.add(content[k]?.pos ?? -1);
  }
  const heartPos = heartWords(tokens, text, inPlace);
  let heart: Analysis['heart'] = 'none';
  if (heartPos.size > 0) {
    heart = 'uncovered';
    for (const m of kept) {
      const hit = best.get(m.pattern.concept);
      if (!hit) continue;
      for (let k = m.first; k <= m.last; k++)
        if (heartPos.has(content[k]?.pos ?? -1)) {
          hit.heart = true;
          heart = 'covered';
        }
    }
    // A word of the heart that belongs to a concept the need states elsewhere points there:
    // "who can help us get paid" after "a client owes us €38k".
    for (const c of content) {
      if (!heartPos.has(c.pos)) continue;
      for (const p of c.cands) {
        const hit = best.get(p.concept);
        if (!hit) continue;
        hit.heart = true;
        heart = 'covered';
      }
    }
  }
  const informative = (pos: number): boolean => {
    const t = tokens[pos];
    if (!t || t.stop || coveredPos.has(pos) || inPlace(pos)) return false;
    const n = t.norm;
    return n.length >= 3 && !isNegation(n) && !isGeneric(n) && !isDigits(n) && !HEART_SKIP.has(n) && !OPENERS.has(n);
  };
  for (const [cid, list] of byConcept) {
    const hit = best.get(cid);
    if (!hit) continue;
    const narrow: number[] = [];
    for (const m of list) {
      if (m.first !== m.last || m.pattern.unordered) {
        narrow.length = 0;
        break;
      }
      const pos = content[m.first]?.pos ?? -1;
      const q = qualifierOf(tokens, text, pos, detected, informative);
      const id = q >= 0 ? termAt?.get(q) : undefined;
      if (id === undefined) {
        narrow.length = 0;
        break;
      }
      narrow.push(id);
    }
    if (narrow.length > 0) hit.narrow = narrow;
  }
  return { lang: detected, concepts: [...best.values()], terms, places, heart };
}

/** Token positions of the informative words right after each request opener, within its clause. */
function heartWords(tokens: readonly Token[], text: string, inPlace: (pos: number) => boolean): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const n = tokens[i]?.norm ?? '';
    const opens =
      OPENERS.has(n) ||
      (n === 'c' && tokens[i + 1]?.norm === 'e') ||
      (n === 'there' && (tokens[i - 1]?.norm === 'is' || tokens[i - 1]?.norm === 'are'));
    if (!opens) continue;
    let words = 0;
    for (let j = i + 1; j < tokens.length && words < HEART_WORDS; j++) {
      const t = tokens[j] as Token;
      const prev = tokens[j - 1] as Token;
      if (/[.;:!?,()]/.test(text.slice(prev.end, t.start))) break;
      const m = t.norm;
      // Another opener starts a heart of its own.
      if (OPENERS.has(m)) break;
      if (t.stop || m.length < 3 || isNegation(m) || isGeneric(m) || HEART_SKIP.has(m) || isDigits(m) || inPlace(j)) continue;
      out.add(j);
      words++;
    }
  }
  return out;
}

/**
 * The word that narrows the word at `pos`, when the catalogue does not know it: "corso di vela",
 * "brevetto da sub", and in English the word before ("sailing course", "building site").
 * -1 when there is none.
 */
function qualifierOf(
  tokens: readonly Token[],
  text: string,
  pos: number,
  lang: Lang,
  informative: (pos: number) => boolean,
): number {
  const joined = (a: number, b: number): boolean => {
    const x = tokens[a];
    const y = tokens[b];
    return x !== undefined && y !== undefined && /^[\s-]*$/.test(text.slice(x.end, y.start));
  };
  let j = pos + 1;
  if (QUALIFIER_PREPS.has(tokens[j]?.norm ?? '') && joined(pos, j)) {
    j++;
    if (ARTICLES.has(tokens[j]?.norm ?? '') && joined(j - 1, j)) j++;
    if (joined(j - 1, j) && informative(j)) return j;
  }
  // In English a noun made from a verb narrows the word after it ("sailing lessons", "building
  // site", "wedding photographer"); other words before a noun are mostly qualities ("clean
  // packshots", "freelance designer") that any helper of the kind may give.
  const before = tokens[pos - 1]?.norm ?? '';
  if (
    lang === 'en' &&
    pos > 0 &&
    /ing$/.test(before) &&
    !ING_QUALITIES.has(before) &&
    joined(pos - 1, pos) &&
    informative(pos - 1)
  )
    return pos - 1;
  return -1;
}

/** Whether a concept mentioned outside the audience part of the text is related to `cid`. */
function relatedToAny(
  cat: Catalogue,
  cid: number,
  matches: readonly Match[],
  audience: readonly number[],
  content: readonly Content[],
): boolean {
  const c = cat.concepts[cid];
  if (!c) return false;
  for (const m of matches) {
    const other = m.pattern.concept;
    if (other === cid || (audience[content[m.first]?.pos ?? 0] ?? 1) < 1) continue;
    for (const r of c.rel) if (r.to === other) return true;
    for (const r of c.relIn) if (r.to === other) return true;
  }
  return false;
}

function allGeneric(content: readonly Content[], first: number, last: number): boolean {
  for (let k = first; k <= last; k++) if (!isGeneric(content[k]?.tok.norm ?? '')) return false;
  return true;
}

function isDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch < 48 || ch > 57) return false;
  }
  return true;
}

/** The same word stemmed the other language's way: texts mix languages ("il nostro e-shop"). */
export function altStem(term: string, lang: Lang, surface: string): string | null {
  const hash = term.indexOf('#');
  const suffix = hash >= 0 ? term.slice(hash) : '';
  const other = lexicalStem(surface, lang === 'it' ? 'en' : 'it') + suffix;
  return other === term ? null : other;
}
