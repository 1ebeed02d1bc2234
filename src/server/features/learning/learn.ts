/**
 * What a user taught the Value Finder, applied around the matching engine (the engine itself
 * knows nothing of it, so it stays one shared index per network):
 *
 * - before the engine runs, the user's phrases in an ask are replaced by what they mean to them
 *   ("cerco quelli del gestionale" -> "cerco gestionale ed ERP"): concepts of the catalogue become
 *   words that name them, free words stay as they are;
 * - a person marked "not relevant" for an ask is left out of that ask's answers for good;
 * - verdicts shift the ranking of similar asks a little: a person marked "good" for an ask that
 *   shares concepts with this one scores up to GOOD_BOOST more, one marked "not relevant" up to
 *   NOT_RELEVANT_CUT less, in proportion to the share of the earlier ask's concepts found here.
 *   The engine's confidence is left alone: feedback reorders, it never makes a weak match shown.
 */
import { fold, words } from '#shared/text/fold.ts';
import { ALL_CONCEPTS } from '../matching/concepts/index.ts';
import type { MatchEngine } from '../matching/engine/index.ts';
import type { FeedbackRow, TaughtRow } from './learning.repo.ts';

/** Score multiplier for a person marked good on this very ask, or on one with the same concepts. */
export const GOOD_BOOST = 0.25;
/** Score cut for a person marked not relevant on an ask with the same concepts (another ask). */
export const NOT_RELEVANT_CUT = 0.4;

export type ItemKind = FeedbackRow['item_kind'];

/** The key of a typed ask: its folded words, so that case, accents and spacing do not matter. */
export const askKey = (text: string): string => words(text).join(' ');

/** The key of a taught phrase (the same rule as an ask's). */
export const phraseKey = askKey;

export function parseIds(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

// A phrase that names each concept on its own (its label when the analysis recognises it, else the
// first plain term that it does), found once per process.
const surfaces = new Map<string, string | null>();

/** Words that the engine reads as this concept, or null for an unknown id. */
export function surfaceOf(engine: MatchEngine, conceptId: string): string | null {
  const known = surfaces.get(conceptId);
  if (known !== undefined) return known;
  const defs = ALL_CONCEPTS.filter((d) => d.id === conceptId);
  const terms = defs.flatMap((d) => [d.it, ...d.itTerms, d.en, ...d.enTerms]).filter((t) => !/[~&+*=:]/.test(t));
  const found = terms.find((t) => engine.analyzeText(t).concepts.some((c) => c.id === conceptId)) ?? null;
  surfaces.set(conceptId, found);
  return found;
}

interface Taught {
  phrase: string;
  tokens: string[];
  meaning: string;
}

export interface Expanded {
  /** The ask with the user's phrases replaced by their meaning. */
  text: string;
  /** For each replacement: the words put in and the phrase they stand for. */
  replaced: Array<{ meaning: string; phrase: string }>;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** One user's verdicts and words, loaded for one request. */
export class Learning {
  private readonly taught: Taught[];
  private readonly dismissedBy = new Map<string, Set<string>>();
  private readonly byPerson = new Map<string, Array<{ key: string; good: boolean; concepts: string[] }>>();

  constructor(
    private readonly engine: MatchEngine,
    feedback: readonly FeedbackRow[],
    taught: readonly TaughtRow[],
  ) {
    this.taught = taught
      .map((t) => ({ phrase: t.phrase, tokens: t.phrase_key.split(' ').filter(Boolean), meaning: meaningOf(engine, t) }))
      .filter((t) => t.tokens.length > 0 && t.meaning !== '')
      // Longer phrases first: "quelli del gestionale nuovo" before "quelli del gestionale".
      .sort((a, b) => b.tokens.length - a.tokens.length);
    for (const f of feedback) {
      const key = `${f.item_kind}\u0000${f.item_key}`;
      if (f.verdict === 'not_relevant') {
        const set = this.dismissedBy.get(key);
        if (set) set.add(f.person_id);
        else this.dismissedBy.set(key, new Set([f.person_id]));
      }
      const list = this.byPerson.get(f.person_id) ?? [];
      list.push({ key, good: f.verdict === 'good', concepts: parseIds(f.concepts) });
      this.byPerson.set(f.person_id, list);
    }
  }

  get empty(): boolean {
    return this.taught.length === 0 && this.byPerson.size === 0;
  }

  /** The ask with the user's phrases replaced by what they mean. */
  expand(text: string): Expanded {
    if (this.taught.length === 0) return { text, replaced: [] };
    const toks = [...text.matchAll(WORD)].map((m) => ({ w: fold(m[0]), start: m.index, end: m.index + m[0].length }));
    const out: string[] = [];
    const replaced: Expanded['replaced'] = [];
    let from = 0;
    for (let i = 0; i < toks.length;) {
      const hit = this.taught.find((t) => t.tokens.every((w, k) => toks[i + k]?.w === w));
      if (!hit) {
        i++;
        continue;
      }
      const first = toks[i] as (typeof toks)[number];
      const last = toks[i + hit.tokens.length - 1] as (typeof toks)[number];
      out.push(text.slice(from, first.start), hit.meaning);
      replaced.push({ meaning: hit.meaning, phrase: text.slice(first.start, last.end) });
      from = last.end;
      i += hit.tokens.length;
    }
    if (replaced.length === 0) return { text, replaced };
    out.push(text.slice(from));
    return { text: out.join(''), replaced };
  }

  /** The catalogue concepts an (expanded) ask states: what tells similar asks apart. */
  conceptsOf(text: string): string[] {
    return [...new Set(this.engine.analyzeText(text).concepts.map((c) => c.id))];
  }

  /** People marked not relevant for this ask: never suggested for it again. */
  dismissed(kind: ItemKind, key: string): string[] {
    return [...(this.dismissedBy.get(`${kind}\u0000${key}`) ?? [])];
  }

  /**
   * The ranking with verdicts applied: each person's score times a factor from their verdicts on
   * this ask and on asks sharing its concepts, best first again (a stable sort: ties keep the
   * engine's order). Dismissed people should be excluded from the engine's query already.
   */
  rerank<T extends { personId: string; score: number }>(
    ranked: readonly T[],
    kind: ItemKind,
    key: string,
    concepts: readonly string[],
  ): T[] {
    if (this.byPerson.size === 0) return [...ranked];
    const here = `${kind}\u0000${key}`;
    const mine = new Set(concepts);
    const factor = (personId: string): number => {
      const list = this.byPerson.get(personId);
      if (!list) return 1;
      let f = 1;
      for (const v of list) {
        // The same ask: a good match is as good as it gets; a dismissed one was excluded already.
        const sim =
          v.key === here ? 1 : v.concepts.length === 0 ? 0 : v.concepts.filter((c) => mine.has(c)).length / v.concepts.length;
        if (sim === 0) continue;
        f *= v.good ? 1 + GOOD_BOOST * sim : 1 - NOT_RELEVANT_CUT * sim;
      }
      return f;
    };
    return ranked
      .map((r, i) => ({ r: { ...r, score: r.score * factor(r.personId) }, i }))
      .sort((a, b) => b.r.score - a.r.score || a.i - b.i)
      .map((x) => x.r);
  }

  /** The verdict given on this pair, if any (only "good" can be shown: the other is never suggested). */
  verdict(kind: ItemKind, key: string, personId: string): 'good' | null {
    const here = `${kind}\u0000${key}`;
    return this.byPerson.get(personId)?.some((v) => v.key === here && v.good) ? 'good' : null;
  }
}

/** What a taught phrase stands for in an ask: its concepts named in words the engine reads, then its free words. */
export function meaningOf(engine: MatchEngine, t: Pick<TaughtRow, 'words' | 'concepts'>): string {
  const parts = parseIds(t.concepts)
    .map((id) => surfaceOf(engine, id))
    .filter((s): s is string => s !== null);
  if (t.words.trim()) parts.push(t.words.trim());
  return parts.join(', ');
}

/**
 * Reasons name the words of the ask that matched; words the user's phrase was replaced by are
 * shown as the phrase itself ("quelli del gestionale", not "gestionale ed ERP").
 */
export function phraseOf(needText: string, replaced: Expanded['replaced']): string {
  if (replaced.length === 0) return needText;
  const f = fold(needText);
  for (const r of replaced) if (fold(r.meaning).includes(f) || f.includes(fold(r.meaning))) return r.phrase;
  return needText;
}
