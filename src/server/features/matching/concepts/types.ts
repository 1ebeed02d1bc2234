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
 * - `fatture & pagano`  all parts within a few words of each other, in any order;
 * - `+pagare`, `+owe`   any inflected form of the verb ("pagano", "ha pagato", "owes", "paid");
 * - `lavandino:0.4`     a cue, not a name: it counts with the concept's other cues found in the
 *                       same text (1 - Π(1 - w)), and the concept is recognised once they add up
 *                       (two cues of 0.4, or a cue and a weaker one); terms without a weight name
 *                       the concept on their own.
 * Definitions with the same id are merged (a later one adds terms, relations and cues).
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
  /** A service given on site (a plumber, a cleaner, a venue): distance matters when a need names a place. */
  local?: boolean;
  /**
   * A sector, a market or a kind of product (wine, hotels, Germany) rather than a service: two
   * texts that share only this are about the same world, not an answer to each other.
   */
  topic?: boolean;
  /** The facet this concept is a value of ("market"): a helper naming another value of it answers less. */
  facet?: string;
}

export interface ConceptOptions {
  rel?: Readonly<Record<string, number>>;
  need?: readonly string[];
  veto?: readonly string[];
  weight?: number;
  local?: boolean;
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

/**
 * A profession or service of the professions catalogue, written top-down from a taxonomy
 * (ISCO-08 / CP2021 unit groups, ATECO sectors): what people call it, what it does, and the
 * situations, symptoms, objects and places that bring a client to it, told the way clients tell
 * them. Names and services recognise the concept on their own; cues (default weight CUE) count
 * together. An id already defined in a domain file extends that concept.
 */
export interface ProfessionDef {
  /** Names of the profession and of whoever practises it: gendered, colloquial, company names. */
  names: string;
  enNames: string;
  /** What it does, as services are offered and asked for. */
  does?: string;
  enDoes?: string;
  /** Situations, symptoms, objects and places that bring a client to it (weighted cues). */
  cues?: string;
  enCues?: string;
  /** ISCO-08 / CP2021 / ATECO references, for review. */
  code?: string;
  rel?: Readonly<Record<string, number>>;
  need?: readonly string[];
  veto?: readonly string[];
  weight?: number;
  local?: boolean;
}

/** Default weight of a cue: two cues of a concept in one text recognise it. */
export const CUE = 0.4;

export function prof(id: string, it: string, en: string, d: ProfessionDef): ConceptDef {
  const split = (s: string | undefined, cue: boolean): string[] =>
    (s ?? '')
      .split('|')
      .map((x) => x.trim())
      .filter((x) => x.length > 0)
      .map((x) => (cue && !/:(0?\.\d+|1)$/.test(x) ? `${x}:${CUE}` : x));
  return {
    id,
    it,
    en,
    itTerms: [...split(d.names, false), ...split(d.does, false), ...split(d.cues, true)],
    enTerms: [...split(d.enNames, false), ...split(d.enDoes, false), ...split(d.enCues, true)],
    ...(d.rel ? { rel: d.rel } : {}),
    ...(d.need ? { need: d.need } : {}),
    ...(d.veto ? { veto: d.veto } : {}),
    ...(d.weight !== undefined ? { weight: d.weight } : {}),
    ...(d.local ? { local: true } : {}),
  };
}
