/**
 * The relevance cut-off: which of the engine's ranked answers the product shows. The engine's
 * confidence of a result (engine/index.ts, OfferMatch.confidence) does not depend on the size of
 * the network; a result is shown when it is confident enough on its own and not far behind the
 * best answer. When none is, the product says that nobody in the network fits the need yet.
 */
export interface Relevance {
  /** Least confidence of a result that is shown. */
  minConfidence: number;
  /** Least share of the best answer's score of a result that is shown. */
  relative: number;
  /** At most this many are shown for a need. */
  max: number;
}

/** The product's defaults: the API, the web app, the CLI and `rete eval matching` all use them. */
export const RELEVANCE: Relevance = { minConfidence: 0.6, relative: 0.5, max: 5 };

/**
 * The ranking with the results to show first (in their order), and how many they are. A confident
 * result ranked below a weak one moves up: what is shown is always a prefix of the ranking.
 */
export function applyCutOff<T extends { score: number; confidence: number }>(
  ranked: readonly T[],
  r: Relevance = RELEVANCE,
): { ordered: T[]; shown: number } {
  const top = ranked.reduce((m, x) => Math.max(m, x.score), 0);
  const show: T[] = [];
  const rest: T[] = [];
  for (const x of ranked) {
    if (show.length < r.max && x.confidence >= r.minConfidence && x.score >= r.relative * top) show.push(x);
    else rest.push(x);
  }
  return { ordered: [...show, ...rest], shown: show.length };
}
