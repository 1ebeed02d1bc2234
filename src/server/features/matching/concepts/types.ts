/**
 * Shape of the bilingual concept catalogue. The catalogue is data, written the way a
 * professional would describe their field, and compiled (stemmed, indexed) at load time by
 * engine/catalogue.ts.
 *
 * Term syntax (one surface form per entry, Italian and English lists kept apart for review):
 * - `recupero crediti`  words in order; inflection is ignored and one extra word may sit in
 *                       between ("recupero dei crediti", "recupero veloce crediti");
 * - `pag*`              a word starting with "pag";
 * - `=sales`            this exact word, no stemming (when stemming would collide: "sales"/"sale");
 * - `~sito`             ambiguous: only counts if the concept's sense cues agree (see `need`/`veto`);
 * - `fatture & pagano`  all parts within a few words of each other, in any order.
 * Function words are dropped from terms exactly as from texts, so write terms naturally.
 */
export interface ConceptDef {
  id: string;
  /** Italian label, shown in reasons. */
  it: string;
  /** English label, shown in reasons. */
  en: string;
  itTerms: readonly string[];
  enTerms: readonly string[];
  /**
   * Concepts that satisfy or are closely tied to this one, with a weight in (0, 1]: a problem
   * points to the professions and services that solve it, a specialty to its profession.
   */
  rel?: Readonly<Record<string, number>>;
  /** For `~` terms: context word prefixes, at least one of which must be present. */
  need?: readonly string[];
  /** For `~` terms: context word prefixes that rule this sense out. */
  veto?: readonly string[];
  /** Importance multiplier (default 1): < 1 for broad, generic concepts. */
  weight?: number;
}

export interface ConceptOptions {
  rel?: Readonly<Record<string, number>>;
  need?: readonly string[];
  veto?: readonly string[];
  weight?: number;
}

/** Compact constructor: terms are '|'-separated; the labels are terms too. */
export function c(id: string, it: string, en: string, itTerms: string, enTerms: string, opts: ConceptOptions = {}): ConceptDef {
  const split = (s: string): string[] =>
    s
      .split('|')
      .map((x) => x.trim())
      .filter((x) => x.length > 0);
  return {
    id,
    it,
    en,
    itTerms: [it.toLowerCase(), ...split(itTerms)],
    enTerms: [en.toLowerCase(), ...split(enTerms)],
    ...opts,
  };
}
